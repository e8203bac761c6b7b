"""Text cleaning on the way in: no terminal tricks are stored, and markup-like text is kept."""

from __future__ import annotations

import unicodedata

import pytest

from netjournal.core.cleaning import clean_line, clean_text, clean_words

BIDI = [chr(code) for code in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
MARKUP_LIKE = [
    "[bold]x[/",
    "100% [done]",
    "[@click=app.quit]me[/]",
    "[$primary]x",
    "[link=https://evil.example]click[/link]",
    "$variable and {braces} and [/]",
    "a \\[escaped] b",
]


@pytest.fixture(params=[clean_line, clean_text], ids=["line", "text"])
def clean(request: pytest.FixtureRequest):  # type: ignore[no-untyped-def]
    return request.param


# Escape sequences


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("\x1b[31mred\x1b[0m", "red"),
        ("\x1b[1;38;5;196mbold red\x1b[m", "bold red"),
        ("Ann\x1b[2J\x1b[H Lee", "Ann Lee"),
        ("\x1b[?1049hscreen", "screen"),
        ("\x1b]0;evil title\x07Ann", "Ann"),
        ("\x1b]2;evil title\x1b\\Ann", "Ann"),
        ("Ann\x1b]0;title never ends", "Ann"),
        ("\x1b]8;;https://evil.example\x1b\\click\x1b]8;;\x1b\\", "click"),
        ("\x9b31mred\x9b0m", "red"),
        ("\x1bPq#0;2;0;0;0\x1b\\Ann", "Ann"),
        ("\x1b_app command\x1b\\Ann", "Ann"),
        ("\x1bMAnn", "Ann"),
    ],
    ids=[
        "csi-colour", "csi-256", "csi-clear", "csi-private", "osc-bel", "osc-st",
        "osc-unterminated", "osc-hyperlink", "8bit-csi", "dcs", "apc", "reverse-index",
    ],
)  # fmt: skip
def test_escape_sequences_are_removed(clean, raw: str, expected: str) -> None:  # type: ignore[no-untyped-def]
    assert clean(raw) == expected


@pytest.mark.parametrize(
    "raw",
    ["\x1b(B\x1b[mAnn", "\x1b7Ann\x1b8", "\x1bcAnn", "\x1b=Ann\x1b>", "\x1b#8Ann"],
    ids=["charset-tput-sgr0", "save-restore-cursor", "full-reset", "keypad-modes", "dec-align"],
)
def test_other_standard_escape_sequences_are_removed_whole(clean, raw: str) -> None:  # type: ignore[no-untyped-def]
    assert clean(raw) == "Ann"


def test_no_escape_character_survives(clean) -> None:  # type: ignore[no-untyped-def]
    for raw in ["\x1b", "a\x1b", "\x1b\x1b[", "\x9b", "\x1b[", "\x1b]", "x\x1b[999"]:
        cleaned = clean(raw)
        assert "\x1b" not in cleaned and "\x9b" not in cleaned, repr(raw)


# Control characters


def test_c0_and_c1_controls_and_del_are_removed(clean) -> None:  # type: ignore[no-untyped-def]
    assert clean("a\x00b\x07c\x08d\x1fe\x7ff\x80g\x85h\x9fi") == "abcdefghi"


def test_multi_line_text_keeps_tabs_and_newlines() -> None:
    assert clean_text("Agenda:\n\t- robots\n\t- pallets") == "Agenda:\n\t- robots\n\t- pallets"


def test_multi_line_text_drops_other_line_controls_and_normalizes_line_ends() -> None:
    assert clean_text("one\r\ntwo\rthree\x0bfour\x0cfive") == "one\ntwo\nthreefourfive"


def test_multi_line_text_trims_trailing_spaces_and_the_ends() -> None:
    assert clean_text("  \n first   \n\n second\t \n  ") == "first\n\n second"


def test_one_line_text_turns_newlines_and_tabs_into_single_spaces() -> None:
    assert clean_line("  Ann \n\n  Lee\t\tGmbH\r\n") == "Ann Lee GmbH"
    assert clean_line("Ann\u00a0\u00a0Lee") == "Ann Lee"
    assert "\n" not in clean_line("a\u2028b\u2029c\nd")


# Bidi, surrogates, normalization


@pytest.mark.parametrize("mark", BIDI, ids=lambda c: f"U+{ord(c):04X}")
def test_bidi_overrides_and_isolates_are_removed(clean, mark: str) -> None:  # type: ignore[no-untyped-def]
    assert clean(f"invoice{mark}fdp.exe") == "invoicefdp.exe"


def test_lone_surrogates_become_replacement_characters(clean) -> None:  # type: ignore[no-untyped-def]
    cleaned = clean("J\udcfcrgen \ud800")
    assert cleaned == "J\ufffdrgen \ufffd"
    cleaned.encode("utf-8")  # storable


def test_text_is_nfc_normalized(clean) -> None:  # type: ignore[no-untyped-def]
    decomposed = "Ju\u0308rgen Mu\u0308ller"
    assert clean(decomposed) == "Jürgen Müller"
    assert clean(decomposed) == clean("J\u00fcrgen M\u00fcller")


@pytest.mark.parametrize("between", ["\x00", "\x07", "\u202e", "\x85"], ids=repr)
def test_text_is_nfc_even_when_a_removed_character_sat_inside_it(clean, between: str) -> None:  # type: ignore[no-untyped-def]
    cleaned = clean(f"Jose{between}\u0301")
    assert cleaned == "José"
    assert unicodedata.is_normalized("NFC", cleaned)
    assert clean(cleaned) == cleaned


def test_ordinary_international_text_is_kept(clean) -> None:  # type: ignore[no-untyped-def]
    for text in [
        "Jürgen Müller",
        "Zoë O'Neil-Smith",
        "李雷",
        "Ελένη",
        "محمد",
        "🙂 emoji",
        "naïve café",
    ]:
        assert clean(text) == text


def test_non_text_values_become_text(clean) -> None:  # type: ignore[no-untyped-def]
    assert clean(None) == ""
    assert clean(42) == "42"


# Markup-like text is data, never interpreted


@pytest.mark.parametrize("text", MARKUP_LIKE)
def test_markup_like_text_survives_unchanged(clean, text: str) -> None:  # type: ignore[no-untyped-def]
    assert clean(text) == text


@pytest.mark.parametrize("text", MARKUP_LIKE)
def test_markup_like_words_survive_unchanged(text: str) -> None:
    assert clean_words([text]) == (text,)


# Word lists


def test_words_split_on_commas_and_drop_empties() -> None:
    assert clean_words("robots, pallets,, ,sailing ") == ("robots", "pallets", "sailing")


def test_words_drop_case_insensitive_duplicates_keeping_the_first_spelling() -> None:
    assert clean_words("Robots, ROBOTS, robots, Straße, STRASSE") == ("Robots", "Straße")


def test_words_from_a_list_are_not_split_on_commas() -> None:
    assert clean_words(["Boats, small ones", "boats, SMALL ones", "x"]) == (
        "Boats, small ones",
        "x",
    )


def test_words_are_each_cleaned_as_one_line() -> None:
    assert clean_words(["  a\n b ", "\x1b[31mc\x1b[0m", "\u202e", None]) == ("a b", "c")


def test_no_words() -> None:
    assert clean_words(None) == ()
    assert clean_words("") == ()
    assert clean_words([]) == ()
