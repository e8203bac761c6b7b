"""Importing vCards (2.1, 3.0, 4.0) from phones, Apple, Google, Outlook, and our own export.

Each card is split out of the file first and parsed with vobject on its own, so a damaged
card (a corrupt PHOTO, say) is reported with its line and name and skipped, and the rest come
in. vobject unfolds lines, unescapes commas and semicolons, and decodes quoted-printable
(with soft line breaks when `allowQP` is on) in the card's CHARSET.
"""

from __future__ import annotations

import binascii
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import vobject
from vobject.base import ParseError

from netjournal.core.cleaning import clean_line
from netjournal.formats.decoding import read_text
from netjournal.formats.errors import FormatError
from netjournal.formats.incoming import Parsed, Progress, Ticker
from netjournal.formats.report import Note
from netjournal.formats.sniff import guess_text, hint
from netjournal.formats.vcard_cards import RawCard, name_hint, split_cards

FORMAT = "vCard"
X_PREFIX = "x-netjournal-"
# Our own export's properties for fields vCard has no place for; a re-import restores them.
X_SINGLE = {"kind": "kind", "influence": "influence", "status": "status",
            "met-via": "met_via", "cadence": "cadence_days"}  # fmt: skip
X_LISTS = {"interest": "interests", "expertise": "expertise", "need": "needs"}
NOT_PEOPLE = {"group": "a group", "org": "an organization", "organization": "an organization",
              "location": "a place"}  # fmt: skip


def read_vcards(path: Path, progress: Progress | None = None) -> Parsed:
    """The people in a .vcf file; FormatError if it is not one."""
    text = read_text(path, "vCard file")
    return parse_vcards(text, progress, source=str(path))


def parse_vcards(text: str, progress: Progress | None = None, source: str = "") -> Parsed:
    cards = split_cards(text)
    if not cards:
        raise FormatError(
            f"{source or 'The file'} is not a vCard file (it has no BEGIN:VCARD line)"
            f"{hint(guess_text(text))}; nothing was imported."
        )
    parsed = Parsed(FORMAT)
    ticker = Ticker(progress, len(cards))
    for done, raw in enumerate(cards, 1):
        _read_card(raw, parsed)
        ticker.tick(done)
    return parsed


def _read_card(raw: RawCard, parsed: Parsed) -> None:
    where = f"line {raw.line}"
    if not raw.complete:
        parsed.problems.append(
            Note(where, name_hint(raw.text), "the card has no END:VCARD (is the file cut short?)")
        )
        return
    try:
        card = vobject.readOne(raw.text, allowQP=True)
        fields = person_fields(card)
    except Exception as error:  # vobject on untrusted input raises many kinds; one card fails
        parsed.problems.append(
            Note(where, name_hint(raw.text), "the card could not be read: " + _why(error, raw))
        )
        return
    if isinstance(fields, str):
        parsed.skipped.append(Note(where, name_hint(raw.text), fields))
        return
    parsed.add_person(fields, where)


def person_fields(card: Any) -> dict[str, Any] | str:
    """A parsed card as Person fields, or the reason it is not a person."""
    contents: dict[str, list[Any]] = card.contents
    kind = _first(contents, "kind").lower()
    if kind in NOT_PEOPLE:
        return f"a card for {NOT_PEOPLE[kind]}, not a person"
    if _first(contents, "x-abshowas").upper() == "COMPANY":
        return "a company card, not a person"
    org_parts = _org(contents)
    fields: dict[str, Any] = {
        "name": _first(contents, "fn") or _name_from_n(contents),
        "org": org_parts[0] if org_parts else "",
        "department": " / ".join(org_parts[1:]),
        "role": " / ".join(_unique([_first(contents, "title"), _first(contents, "role")])),
        "email": _texts(contents, "email"),
        "phone": [_without(value, "tel:") for value in _texts(contents, "tel")],
        "links": _texts(contents, "url")
        + [v for v in _texts(contents, "x-socialprofile") if v.startswith(("http:", "https:"))],
        "tags": [tag for value in _values(contents, "categories") for tag in _tags(value)],
        "notes": "\n\n".join(_texts(contents, "note")),
    }
    for suffix, name in X_SINGLE.items():
        value = _first(contents, X_PREFIX + suffix)
        if value:
            fields[name] = value
    for suffix, name in X_LISTS.items():
        fields[name] = _texts(contents, X_PREFIX + suffix)
    return fields


def _values(contents: dict[str, list[Any]], name: str) -> list[Any]:
    return [line.value for line in contents.get(name, ())]


def _texts(contents: dict[str, list[Any]], name: str) -> list[str]:
    return [text for text in map(_text, _values(contents, name)) if text]


def _first(contents: dict[str, list[Any]], name: str) -> str:
    texts = _texts(contents, name)
    return texts[0] if texts else ""


def _text(value: Any) -> str:
    if isinstance(value, bytes):  # binary data (a photo, a sound) is never text
        return ""
    if isinstance(value, list | tuple):
        return ", ".join(filter(None, map(_text, value)))
    return str(value).strip()


def _name_from_n(contents: dict[str, list[Any]]) -> str:
    values = _values(contents, "n")
    if not values:
        return ""
    n = values[0]
    if isinstance(n, str):  # vobject leaves N as text when it cannot split it
        parts = n.split(";")
        return " ".join(p.strip() for p in (*parts[1:3], parts[0]) if p.strip())
    return " ".join(
        text for text in (_text(n.prefix), _text(n.given), _text(n.additional),
                          _text(n.family), _text(n.suffix)) if text
    )  # fmt: skip


def _org(contents: dict[str, list[Any]]) -> list[str]:
    values = _values(contents, "org")
    if not values:
        return []
    value = values[0]
    parts = value if isinstance(value, list | tuple) else str(value).split(";")
    return [clean_line(part) for part in parts if clean_line(part)]


def _tags(value: Any) -> list[str]:
    if isinstance(value, list | tuple):  # vobject split them, unescaping "\," inside a tag
        return [text for text in map(_text, value) if text]
    return [part.strip() for part in str(value).split(",") if part.strip()]


def _unique(values: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value.casefold() not in {s.casefold() for s in seen}:
            seen.append(value)
    return seen


def _without(value: str, prefix: str) -> str:
    return value[len(prefix) :] if value.lower().startswith(prefix) else value


def _why(error: Exception, raw: RawCard) -> str:
    if isinstance(error, ParseError):
        line = getattr(error, "lineNumber", None)
        if isinstance(line, int):
            return f"line {raw.line + line - 1} is not a vCard property"
        return "a line is not a vCard property"
    if isinstance(error, binascii.Error):
        return "its photo (or other embedded file) is not valid base64"
    if isinstance(error, UnicodeDecodeError | LookupError):
        return "a quoted-printable value does not match the character set it names"
    detail = clean_line(str(error))[:100]
    return f"{type(error).__name__}: {detail}" if detail else type(error).__name__
