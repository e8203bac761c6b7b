"""The place the app was left at: one small file per machine and journal, outside the journal."""

from __future__ import annotations

import os
from pathlib import Path

from netjournal.core.last_place import Place, place_file, read_place, write_place

AREAS = {"people", "outreach"}


def test_a_place_is_kept_per_journal_outside_it(tmp_path: Path) -> None:
    one, two = tmp_path / "one", tmp_path / "two"
    assert place_file(one) != place_file(two)
    assert place_file(one) == place_file(tmp_path / "x" / ".." / "one")  # the same folder
    assert not place_file(one).is_relative_to(one)  # a synced journal never carries it
    assert place_file(one).is_relative_to(Path(os.environ["NETJOURNAL_STATE_DIR"]))
    assert place_file(one, demo=True) == place_file(two, demo=True)  # every demo run is one

    assert write_place(place_file(one), Place("outreach", "abc123"))
    assert read_place(place_file(one), AREAS) == Place("outreach", "abc123")
    assert read_place(place_file(two), AREAS) is None
    assert oct(place_file(one).stat().st_mode & 0o777) == "0o600"


def test_what_is_not_a_place_is_ignored(tmp_path: Path) -> None:
    path = tmp_path / "place.json"
    assert read_place(path, AREAS) is None  # missing
    for raw, expected in [
        (b'{"area": "people", "record": null}', Place("people")),
        (b'{"area": "people", "record": 7}', Place("people")),
        (b'{"area": "people", "record": "' + b"x" * 500 + b'"}', Place("people")),
        (b'{"area": "settings"}', None),
        (b'{"area": ["people"]}', None),
        (b'{"area": "peo', None),
        (b"\xff\xfe", None),
        (b'{"area": "people", "pad": "' + b" " * 5000 + b'"}', None),
    ]:
        path.write_bytes(raw)
        assert read_place(path, AREAS) == expected, raw


def test_a_place_that_cannot_be_written_is_dropped(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("not a folder")
    assert not write_place(blocker / "places" / "x.json", Place("people"))
