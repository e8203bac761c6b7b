"""Splitting a vCard file into its cards, so that each is parsed (and can fail) on its own.

Tolerant of what real files do: any line ending, `begin:vcard` in any case, text between
cards, a last card cut short. Each card keeps the line it starts on for the report.
"""

from __future__ import annotations

import contextlib
import quopri
import re
from dataclasses import dataclass

from netjournal.core.cleaning import clean_line

_LINE_BREAK = re.compile(r"\r\n|\r|\n")
_BEGIN = re.compile(r"[ \t]*begin[ \t]*:[ \t]*vcard[ \t]*$", re.IGNORECASE)
_END = re.compile(r"[ \t]*end[ \t]*:[ \t]*vcard[ \t]*$", re.IGNORECASE)
_PROPERTY = r"(?im)^(?:[\w-]+\.)?{name}((?:;[^:\r\n]*)?):(.*(?:\r?\n[ \t].*)*)"
_FN = re.compile(_PROPERTY.format(name="FN"))
_N = re.compile(_PROPERTY.format(name="N"))
HINT_LENGTH = 60


@dataclass(frozen=True, slots=True)
class RawCard:
    line: int  # 1-based line of its BEGIN:VCARD
    text: str  # BEGIN:VCARD .. END:VCARD, CRLF line endings
    complete: bool  # False when the file ended (or a new card began) before its END:VCARD


def split_cards(text: str) -> list[RawCard]:
    """Every card in `text`, in order; text outside BEGIN..END is ignored."""
    cards: list[RawCard] = []
    start = 0
    body: list[str] = []
    for number, line in enumerate(_LINE_BREAK.split(text), 1):
        head = line[:1]
        if head in "bB \t" and _BEGIN.match(line):
            if start:
                cards.append(RawCard(start, "\r\n".join(body) + "\r\n", False))
            start, body = number, ["BEGIN:VCARD"]
        elif start:
            if head in "eE \t" and _END.match(line):
                body.append("END:VCARD")
                cards.append(RawCard(start, "\r\n".join(body) + "\r\n", True))
                start, body = 0, []
            else:
                body.append(line)
    if start:
        cards.append(RawCard(start, "\r\n".join(body) + "\r\n", False))
    return cards


def name_hint(card_text: str) -> str:
    """The card's name as well as it can be read from the raw text (for reporting a bad card)."""
    found = _FN.search(card_text)
    value = _value(found) if found else ""
    if not value:
        found = _N.search(card_text)
        if found:
            parts = [part.strip() for part in _value(found).split(";")]
            value = " ".join(part for part in (*parts[1:3], parts[0]) if part)
    value = clean_line(value)
    return value if len(value) <= HINT_LENGTH else value[: HINT_LENGTH - 1] + "…"


def _value(found: re.Match[str]) -> str:
    params, value = found.group(1), re.sub(r"\r?\n[ \t]", "", found.group(2))
    if "quoted-printable" in params.lower():
        charset = re.search(r"charset=([\w-]+)", params, re.IGNORECASE)
        with contextlib.suppress(LookupError, UnicodeDecodeError, ValueError):
            value = quopri.decodestring(value.encode()).decode(charset[1] if charset else "utf-8")
    return value.replace("\\,", ",").replace("\\;", ";").replace("\\\\", "\\")
