"""Helpers shared by the CLI tests: reading command output and proving nothing was written."""

from __future__ import annotations

import contextlib
import io
import json
import os
import re
import subprocess
from collections.abc import Callable
from pathlib import Path
from typing import Any

from netjournal.core.records import Record

RunCli = Callable[..., subprocess.CompletedProcess[str]]
Snapshot = dict[str, tuple[bytes, int, int]]

_ADDED_ID = re.compile(r"\(([0-9a-z]{10})\)\.$")


def snapshot(folder: Path) -> Snapshot:
    """Every file under `folder` (hidden ones too): its bytes, inode and modification time.

    Two equal snapshots mean nothing was written: not even an identical rewrite, which an
    atomic save would show as a new inode.
    """
    if not folder.exists():
        return {}
    found: Snapshot = {}
    for root, _dirs, names in os.walk(folder):
        for name in names:
            path = Path(root) / name
            info = path.stat()
            found[str(path.relative_to(folder))] = (
                path.read_bytes(),
                info.st_ino,
                info.st_mtime_ns,
            )
    return found


def ok_json(result: subprocess.CompletedProcess[str]) -> Any:
    """The JSON a successful command printed (and it printed nothing else)."""
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    return json.loads(result.stdout)


def added_id(result: subprocess.CompletedProcess[str]) -> str:
    """The id an `add` or `log` command reports at the end of its one line."""
    assert result.returncode == 0, result.stderr
    assert "Traceback" not in result.stderr
    match = _ADDED_ID.search(result.stdout.strip())
    assert match, result.stdout
    return match.group(1)


def prepare(journal_dir: Path, *args: str) -> str:
    """Run one `add` or `log` command in this process; the id it reports.

    For setting up journals quickly in tests about *other* commands, which still run as real
    subprocesses.
    """
    from netjournal.cli import main

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        status = main(["--dir", str(journal_dir), *args])
    assert status == 0, (args, out.getvalue())
    match = _ADDED_ID.search(out.getvalue().strip())
    assert match, out.getvalue()
    return match.group(1)


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    """Assert the command failed as the CLI promises: exit 2, one sentence on stderr, no
    traceback, nothing on stdout. Returns that line."""
    assert result.returncode == 2, (result.returncode, result.stdout, result.stderr)
    assert "Traceback" not in result.stderr + result.stdout
    assert result.stdout == ""
    assert result.stderr.endswith("\n")
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].strip()
    assert "\x1b" not in lines[0], repr(lines[0])
    return lines[0]


def by_name(people: list[dict[str, Any]]) -> dict[str, dict[str, Any]]:
    return {person["name"]: person for person in people}


def plant(folder: Path, record: Record, **fields: Any) -> None:
    """Write `fields` into the stored record as a text editor would: raw, past the cleaner."""
    for path in (folder / record.TABLE).glob("*.json"):
        data = json.loads(path.read_text(encoding="utf-8"))
        if record.id in data[record.TABLE]:
            data[record.TABLE][record.id].update(fields)
            path.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
            return
    raise AssertionError(f"{record.id} is in no shard")
