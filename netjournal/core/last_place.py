"""Where you left the app (the area and the selected record), per machine and per journal.

The place is kept outside the journal folder (which may be synced to other machines), in the
user state folder: `places/<hash of the journal folder's resolved path>.json`, or
`places/demo.json` for `--demo`. It is a convenience: a file that is missing, damaged or
names something unknown is ignored, and a write that fails is dropped silently.
"""

from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from pathlib import Path

from netjournal.core.atomic_file import make_folder, write_atomically
from netjournal.core.locations import state_folder

PLACES = "places"
LONGEST = 4096  # a place file is a few dozen bytes: anything longer is not one
LONGEST_ID = 200


@dataclass(frozen=True)
class Place:
    """An area by name ("outreach") and the id of the record selected there, if any."""

    area: str
    record: str | None = None


def place_file(journal: Path, *, demo: bool = False) -> Path:
    """The file that remembers the place for `journal` (the demo has one of its own)."""
    if demo:  # each demo run has a folder of its own: remember the demo as one journal
        return state_folder() / PLACES / "demo.json"
    key = hashlib.sha256(str(journal.expanduser().resolve()).encode("utf-8", "surrogateescape"))
    return state_folder() / PLACES / f"{key.hexdigest()[:24]}.json"


def read_place(path: Path, areas: frozenset[str] | set[str]) -> Place | None:
    """The place kept in `path` if it names one of `areas`; None for anything else."""
    try:
        with path.open("rb") as file:
            raw = file.read(LONGEST + 1)
        data = json.loads(raw) if len(raw) <= LONGEST else None
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict):
        return None
    area = data.get("area")
    if not isinstance(area, str) or area not in areas:
        return None
    record = data.get("record")
    if not isinstance(record, str) or not record or len(record) > LONGEST_ID:
        record = None
    return Place(area, record)


def write_place(path: Path, place: Place) -> bool:
    """Keep `place` in `path` (atomically); False if it could not be written."""
    data = {"app": "netjournal", "area": place.area, "record": place.record}
    try:
        make_folder(path.parent)
        write_atomically(path, json.dumps(data).encode() + b"\n")
    except OSError:
        return False
    return True
