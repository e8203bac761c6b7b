"""Importing vCards (2.1, 3.0, 4.0) from phones, Apple, Google, Outlook, and our own export.

Each card is split out of the file first and parsed on its own, so a damaged card (a corrupt
PHOTO, say) is reported with its line and name and skipped, and the rest come in.
`vcard_lines` unfolds the lines (quoted-printable soft line breaks included, in linear time);
vobject reads each content line: `item1.` groups, parameters, quoted-printable in the card's
CHARSET. Values are decoded here, because vobject's own text decoding keeps only what comes
before an unescaped comma ("TITLE:Director, Sales" would become "Director"), and vCard 2.1
never escapes commas.
"""

from __future__ import annotations

import binascii
import re
from collections.abc import Iterable
from typing import Any

from vobject.base import ParseError, textLineToContentLine

from netjournal.formats.errors import FormatError
from netjournal.formats.incoming import Parsed, Progress, Ticker
from netjournal.formats.limits import check_record_count
from netjournal.formats.report import Note
from netjournal.formats.sniff import guess_text, hint
from netjournal.formats.vcard_cards import RawCard, name_hint, split_cards
from netjournal.formats.vcard_lines import logical_lines

FORMAT = "vCard"
X_PREFIX = "X-NETJOURNAL-"
# Our own export's properties for fields vCard has no place for; a re-import restores them.
X_SINGLE = {"KIND": "kind", "INFLUENCE": "influence", "STATUS": "status",
            "MET-VIA": "met_via", "CADENCE": "cadence_days"}  # fmt: skip
X_LISTS = {"INTEREST": "interests", "EXPERTISE": "expertise", "NEED": "needs"}
NOT_PEOPLE = {"group": "a group", "org": "an organization", "organization": "an organization",
              "location": "a place"}  # fmt: skip
_ESCAPED = re.compile(r"\\(.)", re.DOTALL)
_BLANKS = re.compile(r"\s+")

Properties = dict[str, list[str]]  # upper-case name -> raw (still escaped) values, in order


class BadCard(ValueError):
    """Why one card cannot be read, in words."""


def parse_vcards(text: str, progress: Progress | None = None, source: str = "") -> Parsed:
    cards = split_cards(text)
    if not cards:
        raise FormatError(
            f"{source or 'The file'} is not a vCard file (it has no BEGIN:VCARD line)"
            f"{hint(guess_text(text))}; nothing was imported."
        )
    check_record_count(len(cards), "cards", source)
    parsed = Parsed(FORMAT)
    ticker = Ticker(progress, len(cards))
    for done, raw in enumerate(cards, 1):
        _read_card(raw, parsed)
        ticker.tick(done)
    return parsed


def _read_card(raw: RawCard, parsed: Parsed) -> None:
    where = f"line {raw.line}"
    try:
        if not raw.complete:
            raise BadCard("the card has no END:VCARD (is the file cut short?)")
        fields = person_fields(card_properties(raw))
    except BadCard as error:
        parsed.problems.append(Note(where, name_hint(raw.text), str(error)))
        return
    if isinstance(fields, str):
        parsed.skipped.append(Note(where, name_hint(raw.text), fields))
        return
    parsed.add_person(fields, where)


def card_properties(raw: RawCard) -> Properties:
    """The card's properties by name; BadCard if a line is not a property or data is damaged."""
    found: Properties = {}
    try:
        for text, number in logical_lines(raw.text):
            line = textLineToContentLine(text, number)
            name = line.name.upper()
            if name in ("BEGIN", "END", "VERSION"):
                continue
            if _is_base64(line.params, line.singletonparams):
                _check_base64(name, line.value)
            found.setdefault(name, []).append(line.value)
    except ParseError as error:
        at = getattr(error, "lineNumber", None)
        where = f"line {raw.line + at - 1}" if isinstance(at, int) else "a line"
        raise BadCard(f"the card could not be read: {where} is not a vCard property") from None
    except (UnicodeError, LookupError):  # quoted-printable in a charset it is not in
        raise BadCard(
            "the card could not be read: a quoted-printable value does not match its CHARSET"
        ) from None
    return found


def person_fields(props: Properties) -> dict[str, Any] | str:
    """A card's properties as Person fields, or the reason the card is not a person."""
    kind = first(props, "KIND").lower()
    if kind in NOT_PEOPLE:
        return f"a card for {NOT_PEOPLE[kind]}, not a person"
    if first(props, "X-ABSHOWAS").upper() == "COMPANY":
        return "a company card, not a person"
    org = [part for part in structured(props, "ORG") if part]
    fields: dict[str, Any] = {
        "name": first(props, "FN") or name_from_n(structured(props, "N")),
        "org": org[0] if org else "",
        "department": " / ".join(org[1:]),
        "role": " / ".join(_unique([first(props, "TITLE"), first(props, "ROLE")])),
        "email": texts(props, "EMAIL"),
        "phone": [_without(value, "tel:") for value in texts(props, "TEL")],
        "links": texts(props, "URL")
        + [v for v in texts(props, "X-SOCIALPROFILE") if v.startswith(("http:", "https:"))],
        "tags": [tag for value in props.get("CATEGORIES", ()) for tag in split(value, ",")],
        "notes": "\n\n".join(texts(props, "NOTE")),
    }
    for suffix, name in X_SINGLE.items():
        value = first(props, X_PREFIX + suffix)
        if value:
            fields[name] = value
    for suffix, name in X_LISTS.items():
        fields[name] = texts(props, X_PREFIX + suffix)
    return fields


def unescape(value: str) -> str:
    """A vCard text value as text: '\\,' ',', '\\;' ';', '\\\\' '\\', '\\n' a new line."""
    if "\\" not in value:
        return value.strip()
    return _ESCAPED.sub(lambda m: "\n" if m[1] in "nN" else m[1], value).strip()


def split(value: str, separator: str) -> list[str]:
    """Parts of a value split at unescaped `separator`s, each unescaped; empty ones dropped."""
    return [text for text in map(unescape, _raw_parts(value, separator)) if text]


def texts(props: Properties, name: str) -> list[str]:
    return [text for text in map(unescape, props.get(name, ())) if text]


def first(props: Properties, name: str) -> str:
    values = texts(props, name)
    return values[0] if values else ""


def structured(props: Properties, name: str) -> list[str]:
    """The ;-separated parts of the first `name` property (N, ORG), empty parts kept."""
    values = props.get(name)
    if not values:
        return []
    return [unescape(part) for part in _raw_parts(values[0], ";")]


def _raw_parts(value: str, separator: str) -> list[str]:
    """`value` split at each `separator` that is not escaped by a backslash."""
    if "\\" not in value:
        return value.split(separator)
    parts, current, index = [], [], 0
    while index < len(value):
        char = value[index]
        if char == "\\" and index + 1 < len(value):
            current.append(value[index : index + 2])
            index += 2
            continue
        if char == separator:
            parts.append("".join(current))
            current = []
        else:
            current.append(char)
        index += 1
    parts.append("".join(current))
    return parts


def name_from_n(parts: list[str]) -> str:
    """N is family;given;additional;prefix;suffix: 'Dr. Amara Ifeoma Nwosu'."""
    parts = [*parts, "", "", "", "", ""][:5]
    family, given, additional, prefix, suffix = parts
    return " ".join(part for part in (prefix, given, additional, family, suffix) if part)


def _is_base64(params: dict[str, list[str]], singles: list[str]) -> bool:
    encodings = [value.upper() for value in params.get("ENCODING", ())]
    return "B" in encodings or "BASE64" in encodings or "BASE64" in (s.upper() for s in singles)


def _check_base64(name: str, value: str) -> None:
    try:
        binascii.a2b_base64(_BLANKS.sub("", value).encode("ascii"))
    except (binascii.Error, UnicodeEncodeError, ValueError):
        what = "photo" if name == "PHOTO" else f"{name} data"
        raise BadCard(f"the card could not be read: its {what} is damaged (not base64)") from None


def _unique(values: Iterable[str]) -> list[str]:
    seen: list[str] = []
    for value in values:
        if value and value.casefold() not in {s.casefold() for s in seen}:
            seen.append(value)
    return seen


def _without(value: str, prefix: str) -> str:
    return value[len(prefix) :] if value.lower().startswith(prefix) else value
