"""The output cleaner: what is shown never holds anything a terminal would act on."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from netjournal.core.cleaning import clean_line
from netjournal.core.terminal_text import is_safe_for_terminal, safe_for_terminal, unsafe_spans

UNSAFE = {chr(c) for c in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))} | {
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
}


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("Ann\x1b]0;PWNED\x07\x1b[2J Lee", "Ann Lee"),  # window title, clear screen
        ("Ann\x1b]2;PWNED\x1b\\ Lee", "Ann Lee"),  # OSC ended by ST
        ("Ann\x1b]0;PWNED\x9c Lee", "Ann Lee"),  # OSC ended by 8-bit ST
        ("Ann\x9d0;PWNED\x07 Lee", "Ann Lee"),  # 8-bit OSC
        ("Ann\x9b2J Lee", "Ann Lee"),  # 8-bit CSI
        ("Ann\x1bP1$qm\x1b\\ Lee", "Ann Lee"),  # DCS (a terminal query)
        ("Ann\x90q\x9c Lee", "Ann Lee"),  # 8-bit DCS
        ("Ann\x1b]52;c;Zm9v\x07 Lee", "Ann Lee"),  # clipboard write
        ("Ann\x1b]8;;https://evil\x1b\\ Lee\x1b]8;;\x1b\\", "Ann Lee"),  # hyperlink
        ("\x1b[31mAnn\x1b[0m Lee", "Ann Lee"),
        ("Ann\x1bc Lee", "Ann Lee"),  # full reset
        ("Ann Lee\x1b", "Ann Lee"),  # a lone ESC at the end
        ("Ann\x1b[12", "Ann"),  # a CSI cut short
        ("Ann\x1b]0;never ends", "Ann"),  # an OSC never ended: the rest is its payload
        ("Ann\x07\x08\x7f\x00 Lee", "Ann Lee"),  # BEL, BS, DEL, NUL
        ("Ann\u202e Lee\u2066", "Ann Lee"),  # bidi override and isolate
        ("Ann\x85 Lee", "Ann Lee"),  # C1 NEL
        ("bad\udc80byte", "bad\ufffdbyte"),  # an undecodable byte stays visible
    ],
)
def test_sequences_go_whole_and_controls_go(raw: str, shown: str) -> None:
    assert safe_for_terminal(raw) == shown
    assert safe_for_terminal(raw, one_line=True) == shown


def test_multi_line_text_keeps_newlines_and_tabs_a_cell_folds_them() -> None:
    note = "first\n\tsecond\r\nthird\rfourth\u2028fifth"

    assert safe_for_terminal(note) == "first\n\tsecond\nthirdfourth\u2028fifth"
    assert safe_for_terminal(note, one_line=True) == "first  second thirdfourth fifth"


def test_crlf_is_kept_for_file_formats_but_a_lone_cr_goes() -> None:
    card = "BEGIN:VCARD\r\nFN:Ann\x1b]0;PWNED\x07 Lee\r\nNOTE:a\rb\r\nEND:VCARD\r\n"

    assert safe_for_terminal(card, crlf=True) == (
        "BEGIN:VCARD\r\nFN:Ann Lee\r\nNOTE:ab\r\nEND:VCARD\r\n"
    )


@pytest.mark.parametrize(
    "text",
    ["Ann Lee", "Zoë 👩\u200d🔬 Müller 🇩🇪", "王小明", "q\u0323\u0307", "[bold]x[/", "a\u00a0b", ""],
)
def test_text_with_nothing_to_remove_is_returned_as_it_is(text: str) -> None:
    assert safe_for_terminal(text) is text or safe_for_terminal(text) == text
    assert is_safe_for_terminal(text)
    assert unsafe_spans(text) == []


def test_none_and_numbers_are_shown_as_text() -> None:
    assert safe_for_terminal(None) == ""
    assert safe_for_terminal(123) == "123"


def test_spans_name_what_goes() -> None:
    text = "Ann\x1b]0;PWNED\x07 Lee\x07"

    spans = unsafe_spans(text)

    assert spans == [(3, 13), (17, 18)]
    kept = "".join(c for i, c in enumerate(text) if not any(a <= i < b for a, b in spans))
    assert kept == safe_for_terminal(text) == "Ann Lee"


@given(st.text(alphabet=st.characters(codec="utf-8") | st.sampled_from(sorted(UNSAFE))))
def test_nothing_a_terminal_acts_on_is_ever_left(text: str) -> None:
    shown = safe_for_terminal(text)

    assert not UNSAFE & set(shown)
    assert safe_for_terminal(shown) == shown  # cleaning twice changes nothing
    assert "\n" not in safe_for_terminal(text, one_line=True)


@pytest.mark.parametrize(
    "raw",
    ["Ann\x1b[31m Lee", "\x1b[1;32mBob\x1b[0m Stone", "Eve\x1b]0;owned\x07 Adams",
     "Cat\x1b]8;;https://evil\x1b\\ Noir", "Dan\x07\x08\x7f Brown", "Fay\u202e Wray\u2066",
     "Gus\x9b31m Grand", "Hal\x85 Hope\x1f", "Robots\x1b[2J\x1b[H", "\x1bPq#0\x1b\\Ann"],
)  # fmt: skip
def test_what_is_shown_is_what_the_input_cleaner_would_have_kept(raw: str) -> None:
    """A hand-edited record reads as if it had been typed (but for trimming and NFC)."""
    assert clean_line(safe_for_terminal(raw)) == clean_line(raw)
