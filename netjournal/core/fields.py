"""How each kind of record field is cleaned on the way in and converted to and from JSON.

A record class declares its fields by kind once; building, loading and saving all follow it.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from functools import cached_property
from operator import itemgetter
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
    # What a stored record is checked against when it is read (see `from_json`).
    choices: Mapping[str, tuple[str, ...]] = field(default_factory=dict)
    bounds: Mapping[str, tuple[int, int]] = field(default_factory=dict)
    required: tuple[str, ...] = ()  # neither missing, null nor empty
    not_null: tuple[str, ...] = ()  # may be missing (the default then), never null

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

    @cached_property
    def _typed(self) -> tuple[Callable[[Mapping[str, Any]], tuple[Any, ...]], ...]:
        # C-level getters for the fast check (each name twice: a tuple even for one name).
        strings = ("id", "created", "updated", *self.lines, *self.texts)
        return itemgetter(*strings), itemgetter(*self.words, *self.words)

    def from_json(
        self, data: Mapping[str, Any], known: frozenset[str]
    ) -> tuple[dict[str, Any], dict[str, Any]]:
        """Fields from stored JSON, checked, and the fields this version does not know.

        Lists become tuples, ISO strings dates; missing fields take their defaults (an older
        version wrote the record). Values of the wrong type or out of range are a RecordError
        whose message is a predicate naming each ("has a 'name' field (123) that is not
        text"). This runs for every record at load: a record with every field present and
        of its type is checked by a few C-level passes, the rest field by field.
        """
        fields = dict(data)
        extra: dict[str, Any] = {}
        if not fields.keys() <= known:
            extra = {name: value for name, value in fields.items() if name not in known}
            fields = {name: value for name, value in fields.items() if name in known}
        wrong: list[RecordError] = []
        if not (self._typed_quickly(fields) and fields["id"]):
            wrong = self._type_problems(fields)
        for name in self.words:
            value = fields.get(name)
            if value.__class__ is list:
                fields[name] = tuple(value)
        created, updated = fields.get("created"), fields.get("updated")
        if created.__class__ is str and not is_stamp(created):
            wrong.append(_wrong("created", created, STAMP_WORDS["created"]))
        if updated.__class__ is str and updated != created and not is_stamp(updated):
            wrong.append(_wrong("updated", updated, STAMP_WORDS["updated"]))
        for name in self.dates:
            value = fields.get(name)
            if value is not None:
                try:
                    fields[name] = _stored_date(value, name)
                except RecordError as error:
                    wrong.append(error)
        for name in self.ints:
            value = fields.get(name)
            bounds = self.bounds.get(name)
            if value is None:
                if name in self.not_null and name in fields:
                    wrong.append(_wrong(name, value, _number(bounds)))
            elif value.__class__ is not int or (bounds and not bounds[0] <= value <= bounds[1]):
                wrong.append(_wrong(name, value, _number(bounds)))
        for name, allowed in self.choices.items():
            value = fields.get(name)
            if value.__class__ is str and value not in allowed:
                wrong.append(_wrong(name, value, f"one of {', '.join(allowed)}"))
        for name in self.required:
            if fields.get(name) in (None, ""):
                said = (
                    f"has an empty '{name}' field" if name in fields else f"has no '{name}' field"
                )
                wrong.append(RecordError(said, name))
        if wrong:
            said = ", and ".join(str(error) for error in wrong)
            raise RecordError(said, wrong[0].field)
        return fields, extra

    def _typed_quickly(self, fields: Mapping[str, Any]) -> bool:
        """True if every text and list field is present and of its type (the usual case)."""
        strings, lists = self._typed
        try:
            for value in strings(fields):
                if value.__class__ is not str:
                    return False
            for value in lists(fields) if self.words else ():
                if value.__class__ is not list:
                    return False
                for word in value:
                    if word.__class__ is not str:
                        return False
        except KeyError:  # a field missing: an older version's record, or a broken one
            return False
        return True

    def _type_problems(self, fields: Mapping[str, Any]) -> list[RecordError]:
        """Each text or list field of the wrong type, and a missing id or time stamp."""
        wrong: list[RecordError] = []
        for name in ("id", "created", "updated"):
            value = fields.get(name)
            if name not in fields:
                wrong.append(RecordError(f"has no '{name}' field", name))
            elif value.__class__ is not str or not value:
                wrong.append(_wrong(name, value, STAMP_WORDS[name]))
        for name in (*self.lines, *self.texts):
            if name in fields and fields[name].__class__ is not str:
                wrong.append(_wrong(name, fields[name], "text"))
        for name in self.words:
            value = fields.get(name, [])
            if value.__class__ is not list or any(v.__class__ is not str for v in value):
                wrong.append(_wrong(name, value, "a list of text"))
        return wrong


STAMP_WORDS = {
    "id": "an id",
    "created": "a UTC time like 2026-11-29T08:42:12Z",
    "updated": "a UTC time like 2026-11-29T08:42:12Z",
}


def is_stamp(value: str) -> bool:
    """A UTC ISO timestamp as `now_stamp` writes them (or a backup, to the second).

    Readers take the day from its first ten characters and the month from seven.
    """
    try:
        datetime.fromisoformat(value)  # C: the calendar and the clock are checked
    except ValueError:
        return False
    return value[4:5] == "-" and value[7:8] == "-" and value[10:11] == "T" and value[-1:] == "Z"


def _stored_date(value: object, name: str) -> date:
    if value.__class__ is str:
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    raise _wrong(name, value, "a date (YYYY-MM-DD)")


def _wrong(name: str, value: object, what: str) -> RecordError:
    """The read check's finding: "has a 'kind' field ('ceo') that is not one of ..."."""
    shown = repr(value)  # repr: quotes show the type, escapes show control characters
    if len(shown) > 40:
        shown = shown[:37] + "..."
    return RecordError(f"has {_a(name)} field ({shown}) that is not {what}", name)


def _number(bounds: tuple[int, int] | None) -> str:
    return f"a whole number from {bounds[0]} to {bounds[1]}" if bounds else "a whole number"


def _a(name: str) -> str:
    """`'name'` with its article: a 'name', an 'influence', an 'updated' (not: an 'url')."""
    vowel = name[0] in "aeio" or name.startswith("up")
    return f"{'an' if vowel else 'a'} '{name}'"


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
