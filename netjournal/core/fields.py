"""How each kind of record field is cleaned on the way in and converted to and from JSON.

A record class declares its fields by kind once; building, loading and saving all follow it.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from netjournal.core.cleaning import clean_line, clean_text, clean_words
from netjournal.core.dates import parse_iso
from netjournal.core.errors import RecordError


@dataclass(frozen=True)
class FieldKinds:
    """Which fields of a record are one-line text, multi-line text, word lists, dates, ints."""

    lines: tuple[str, ...] = ()
    texts: tuple[str, ...] = ()
    words: tuple[str, ...] = ()
    dates: tuple[str, ...] = ()
    ints: tuple[str, ...] = ()

    def clean(self, fields: Mapping[str, Any]) -> dict[str, Any]:
        """Clean every field the user (or an importer) supplied; unknown names are refused."""
        cleaned: dict[str, Any] = {}
        for name, value in fields.items():
            if name in self.lines:
                cleaned[name] = clean_line(value)
            elif name in self.texts:
                cleaned[name] = clean_text(value)
            elif name in self.words:
                cleaned[name] = clean_words(value)
            elif name in self.dates:
                cleaned[name] = to_date(value, name)
            elif name in self.ints:
                cleaned[name] = to_int(value, name)
            else:
                cleaned[name] = value
        return cleaned

    def to_json(self, record_fields: Mapping[str, Any]) -> dict[str, Any]:
        """A plain dict for JSON: tuples become lists, dates ISO strings."""
        out = dict(record_fields)
        for name in self.words:
            out[name] = list(out[name])
        for name in self.dates:
            value = out[name]
            out[name] = value.isoformat() if value is not None else None
        return out

    def from_json(self, data: Mapping[str, Any], known: frozenset[str]) -> dict[str, Any]:
        """Fields from stored JSON (already clean): lists become tuples, ISO strings dates.

        This runs for every record at load, so it copies the dict once and converts only the
        list and date fields; unknown keys are dropped only when there are any.
        """
        fields = dict(data)
        if not fields.keys() <= known:
            fields = {name: value for name, value in fields.items() if name in known}
        for name in self.words:
            value = fields.get(name)
            if value is not None:
                fields[name] = tuple(value)
        for name in self.dates:
            value = fields.get(name)
            if value is not None:
                fields[name] = date.fromisoformat(value)
        return fields


def to_date(value: object, name: str) -> date | None:
    """A date field: a `date`, an ISO string, or empty for none."""
    if value is None or value == "":
        return None
    if isinstance(value, datetime):  # a datetime is a date too, but is stored as one
        return value.date()
    if isinstance(value, date):
        return value
    try:
        return parse_iso(str(value), what=label(name))
    except RecordError as error:
        error.field = name
        raise


def to_int(value: object, name: str) -> int | None:
    """An integer field, or empty for none."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        raise RecordError(f"{label(name)} must be a whole number.", name)
    if isinstance(value, int):
        return value
    try:
        return int(str(value).strip())
    except ValueError:
        raise RecordError(f"{label(name)} must be a whole number, not '{value}'.", name) from None


def label(name: str) -> str:
    """A field name as a person would say it."""
    return name.replace("_", " ").capitalize()


def check_choice(value: str, choices: tuple[str, ...], what: str, field: str = "") -> None:
    """Refuse a value outside a fixed vocabulary, listing the allowed ones."""
    if value not in choices:
        raise RecordError(
            f"'{value}' is not a known {what}; use one of: {', '.join(choices)}.", field
        )
