"""Helpers shared by the import and export tests: sample files, writing cards, reading back."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from netjournal.core.records import Person
from netjournal.core.store import Store
from netjournal.formats.importing import import_file
from netjournal.formats.report import ImportReport

SAMPLES = Path(__file__).parent / "samples"
USER_FIELDS = tuple(name for name in Person.FIELD_NAMES if name not in ("id", "created", "updated"))


def write(folder: Path, name: str, text: str, encoding: str = "utf-8") -> Path:
    """A file of `text` in `folder`, with exactly the line endings written in `text`."""
    path = folder / name
    path.write_bytes(text.encode(encoding))
    return path


def card(*lines: str, version: str = "3.0") -> str:
    """One vCard with CRLF line endings."""
    return "\r\n".join(["BEGIN:VCARD", f"VERSION:{version}", *lines, "END:VCARD"]) + "\r\n"


def run_import(store: Store, format_name: str, path: Path, **options: object) -> ImportReport:
    return import_file(store, format_name, path, **options)  # type: ignore[arg-type]


def people_by_name(folder: Path) -> dict[str, Person]:
    """The people of the journal at `folder`, read by a new Store (as another process would)."""
    return {person.name: person for person in Store.open(folder).people()}


def fields_of(person: Person) -> dict[str, object]:
    """A person's own fields, without id and timestamps."""
    data = person.to_dict()
    return {name: data[name] for name in USER_FIELDS}


def file_modes_are_enforced() -> bool:
    """False for root: then a file with mode 000 can still be read."""
    if hasattr(os, "geteuid") and os.geteuid() != 0:
        return True
    with tempfile.NamedTemporaryFile() as probe:
        os.chmod(probe.name, 0)
        try:
            with open(probe.name, "rb"):
                return False
        except PermissionError:
            return True
