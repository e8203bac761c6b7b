"""Text made safe for the terminal on the way out: the one cleaner of every printer and view.

Text is cleaned on the way in (`core/cleaning.py`), but a journal file can be edited by hand,
merged by git or synced from another machine, so what is read back may still hold terminal
tricks. Everything shown to the user passes through `safe_for_terminal` first: escape
sequences (CSI, OSC up to BEL or ST, DCS/SOS/PM/APC, two-character ESC x, their 8-bit C1
forms) are removed with their payload, so an OSC title never shows as text either; lone C0
and C1 controls (but tab and newline), DEL and bidi overrides/isolates are removed. What is
left is what the input cleaner keeps (a sequence cut short at the very end loses its
parameters too), so a hand-edited record reads as if it had been typed. Lone surrogates
become U+FFFD.
"""

from __future__ import annotations

import re

# Whole sequences first, so a payload (an OSC title) goes with its introducer.
_SEQUENCES = (
    "\x1b\\[[0-?]*[ -/]*[@-~]?"  # CSI, possibly cut short
    "|\x1b\\][^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"  # OSC (title, hyperlink, clipboard)
    "|\x1b[PX^_][^\x1b\x9c]*(?:\x1b\\\\|\x9c)?"  # DCS, SOS, PM, APC
    "|\x1b[ -/]*[0-~]?"  # other escapes: ESC ( B, ESC 7, ESC c, a lone ESC
    "|\x9b[0-?]*[ -/]*[@-~]?"  # 8-bit CSI
    "|\x9d[^\x07\x1b\x9c]*(?:\x07|\x1b\\\\|\x9c)?"  # 8-bit OSC
    "|[\x90\x98\x9e\x9f][^\x1b\x9c]*(?:\x1b\\\\|\x9c)?"  # 8-bit DCS, SOS, PM, APC
)
# Then single characters: C0 but tab/newline, DEL, C1, bidi overrides/isolates, surrogates.
_OTHERS = "\x7f-\x9f\u202a-\u202e\u2066-\u2069\ud800-\udfff"
_UNSAFE = re.compile(f"{_SEQUENCES}|[\x00-\x08\x0b-\x1f{_OTHERS}]")
# Every sequence starts with one of these: one character-class scan says whether to clean.
_ANY_UNSAFE = re.compile(f"[\x00-\x08\x0b-\x1f{_OTHERS}]")
# The same, but a CR directly before LF stays (vCard and iCalendar lines end in CR LF).
_UNSAFE_BUT_CRLF = re.compile(f"{_SEQUENCES}|\r(?!\n)|[\x00-\x08\x0b\x0c\x0e-\x1f{_OTHERS}]")
# A one-line cell (a table column, a list row): line and paragraph breaks, tabs are one space.
_BREAKS = re.compile("[\t\n\u2028\u2029]")


def _removed(match: re.Match[str]) -> str:
    # A lone surrogate is a character that could not be decoded: show that one was there.
    return "\ufffd" if "\ud800" <= match.group() <= "\udfff" else ""


def safe_for_terminal(text: object, *, one_line: bool = False, crlf: bool = False) -> str:
    """`text` with nothing a terminal would act on: only characters it shows are left.

    Multi-line text keeps newlines and tabs; `one_line` folds them (and U+2028/U+2029) into
    spaces for a table cell. `crlf` keeps CR LF pairs, for a file format printed as is
    (vCard, iCalendar). Costs one C-level scan when the text is already safe.
    """
    text = "" if text is None else str(text)
    if text.isprintable():  # the common case: no control, format or separator character
        return text
    if _ANY_UNSAFE.search(text):
        text = (_UNSAFE_BUT_CRLF if crlf else _UNSAFE).sub(_removed, text)
    return _BREAKS.sub(" ", text) if one_line else text


def is_safe_for_terminal(text: str) -> bool:
    """True when `safe_for_terminal` would return `text` unchanged (multi-line rules)."""
    return text.isprintable() or _ANY_UNSAFE.search(text) is None


def unsafe_spans(text: str) -> list[tuple[int, int]]:
    """The (start, end) offsets `safe_for_terminal` removes: to move styled spans with it."""
    if text.isprintable() or not _ANY_UNSAFE.search(text):
        return []
    return [match.span() for match in _UNSAFE.finditer(text) if not _removed(match)]
