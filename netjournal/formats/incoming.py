"""What an importer hands over: the people (and, from a backup, other records) it read.

Importers build each person with `Person.create`, so imported text is cleaned and validated
exactly like typed text. What could not be read is a problem (with its line), what was left
out on purpose is skipped (with the reason); nothing is written here.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from netjournal.core.cleaning import clean_line
from netjournal.core.errors import RecordError
from netjournal.core.records import Person, Record
from netjournal.formats.kinds import kind_from
from netjournal.formats.limits import over_cap
from netjournal.formats.report import Note

Progress = Callable[[int, int], None]
"""Called as `progress(done, total)` while a file is read, often enough for a progress bar."""

PROGRESS_STEPS = 200  # calls per file at most: a UI thread hop per call must stay cheap


@dataclass(frozen=True, slots=True)
class Incoming:
    """A person read from the file, and where in the file they came from."""

    person: Person
    where: str
    kind_from_label: bool = False  # its kind was read off a label ("Colleagues"), not stated


@dataclass
class Parsed:
    """Everything read from one file, before it is compared with the journal."""

    format: str
    people: list[Incoming] = field(default_factory=list)
    skipped: list[Note] = field(default_factory=list)
    problems: list[Note] = field(default_factory=list)
    records: list[tuple[Record, str]] = field(default_factory=list)  # backups: other tables
    keep_ids: bool = False  # a backup: records keep their ids and timestamps
    encodings: dict[str, str] = field(default_factory=dict)  # file (as named) -> its encoding
    encoding_notes: list[str] = field(default_factory=list)  # a file not in UTF-8, in words

    def add_person(self, fields: dict[str, Any], where: str) -> None:
        """Clean and validate `fields` into a person; a bad email is left out and reported.

        A person with a value over the import caps (limits.py) is left out and reported."""
        too_large = over_cap(Person, fields)
        if too_large:
            self.problems.append(Note(where, short_name(fields.get("name", "")), too_large))
            return
        name = clean_line(fields.get("name", ""))
        if not name:
            self.skipped.append(Note(where, "", "no name"))
            return
        fields = {**fields, "email": self._emails(fields.get("email", ()), where, name)}
        labelled = False
        if fields.get("kind", "other") == "other":  # a label like "Customers" says what they are
            tags = fields.get("tags", ())
            kind = kind_from([tags] if isinstance(tags, str) else tags, fields.get("role", ""))
            if kind is not None:
                fields["kind"], labelled = kind, True
        try:
            person = Person.create(**fields)
        except RecordError as error:
            self.problems.append(Note(where, name, str(error)))
            return
        self.people.append(Incoming(person, where, labelled))

    def _emails(self, values: Any, where: str, name: str) -> list[str]:
        kept = []
        for value in [values] if isinstance(values, str) else values:
            address = clean_line(value)
            if address.lower().startswith("mailto:"):
                address = address[len("mailto:") :]
            local, at, domain = address.rpartition("@")
            if at and local and domain and " " not in address:
                kept.append(address)
            elif address:
                self.problems.append(
                    Note(where, name, f"'{address}' is not an email address; it was left out")
                )
        return kept


def short_name(value: Any, length: int = 60) -> str:
    """A name for a report line: cleaned, and cut to `length` characters with an ellipsis."""
    text = clean_line(value[: length * 4] if isinstance(value, str) else value)
    return text if len(text) <= length else text[: length - 1] + "…"


class Ticker:
    """Calls `progress` about PROGRESS_STEPS times over `total` items, and at the end."""

    def __init__(self, progress: Progress | None, total: int) -> None:
        self.progress = progress
        self.total = total
        self.step = max(1, total // PROGRESS_STEPS)
        if progress is not None:
            progress(0, total)

    def tick(self, done: int) -> None:
        if self.progress is not None and (done % self.step == 0 or done == self.total):
            self.progress(done, self.total)
