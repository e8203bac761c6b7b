"""Text cleaning on the way in: what users type or import is stored without terminal tricks.

Removed: ANSI/VT escape sequences, C0 and C1 control characters (tab and newline survive in
multi-line text), bidi overrides and isolates, lone surrogates, and in one-line text invisible
format characters (zero-width space, soft hyphen, BOM). Text is NFC-normalized so the
same name typed on two keyboards is the same string.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable

# ESC-introduced sequences: CSI (ESC [ ... final), OSC (ESC ] ... BEL or ST), and two-char ESC x.
# Narrower than the output cleaner (core/terminal_text.py) on purpose: a lone 8-bit C1 byte in
# typed or imported text is a decoding slip, not a sequence, and what follows it is the user's.
_ESCAPES = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"  # CSI
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"  # OSC, terminated or not
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"  # DCS, SOS, PM, APC
    r"|\x1b[ -/]*[0-~]"  # other escapes: ESC ( B, ESC 7, ESC c, ESC =
    r"|\x9b[0-?]*[ -/]*[@-~]"  # 8-bit CSI
)
# C0 (but tab/newline), DEL, C1, bidi embeddings/overrides/isolates.
_CONTROLS = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
# Lone surrogates come from undecodable bytes (argv, old files): they cannot be saved as UTF-8.
_SURROGATES = re.compile("[\ud800-\udfff]")
# Invisible format characters (soft hyphen, zero-width space, word joiner, BOM, invisible
# operators) make look-alike one-line names; zero-width (non-)joiners stay: scripts need them.
_INVISIBLE = re.compile("[\u00ad\u180e\u200b\u2060-\u2064\u206a-\u206f\ufeff\ufff9-\ufffb]")
_SPACES = re.compile(r"[ \t\n\r\f\v\u00a0\u2028\u2029]+")
_TRAILING = re.compile(r"[ \t]+\n")


def clean_text(value: object) -> str:
    """Clean multi-line text (notes, bodies): keeps newlines and tabs, trims the ends."""
    text = _strip_unsafe(value).replace("\r\n", "\n").replace("\r", "\n")
    text = _CONTROLS.sub("", text)
    return _nfc(_TRAILING.sub("\n", text).strip())


def clean_line(value: object) -> str:
    """Clean one-line text (names, titles): whitespace runs, newlines included, become a space."""
    text = _CONTROLS.sub("", _strip_unsafe(value).replace("\t", " ").replace("\n", " "))
    if not text.isascii():
        text = _INVISIBLE.sub("", text)
    return _nfc(_SPACES.sub(" ", text).strip())


def clean_words(values: Iterable[object] | str | None) -> tuple[str, ...]:
    """Clean a list of short strings: drops empties and case-insensitive duplicates, keeps order.

    A single string is split on commas, as typed in a form or on the command line.
    """
    if values is None:
        return ()
    if isinstance(values, str):
        values = values.split(",")
    seen: set[str] = set()
    words: list[str] = []
    for raw in values:
        word = clean_line(raw)
        key = word.casefold()
        if word and key not in seen:
            seen.add(key)
            words.append(word)
    return tuple(words)


def _strip_unsafe(value: object) -> str:
    text = "" if value is None else str(value)
    if "\x1b" in text or "\x9b" in text:
        text = _ESCAPES.sub("", text)
    return _SURROGATES.sub("\ufffd", text)


def _nfc(text: str) -> str:
    # Last, after removals: a control between a letter and its accent must not block composing.
    return text if text.isascii() else unicodedata.normalize("NFC", text)
