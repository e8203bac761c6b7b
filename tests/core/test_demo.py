"""The demo journal: one per process, so two demos (or a demo and a command) never collide."""

from __future__ import annotations

import subprocess
import sys
from datetime import date
from pathlib import Path

from netjournal.core.demo import demo_folder
from netjournal.core.store import Store

DAY = date(2026, 11, 29)


def test_each_process_gets_its_own_demo_and_ended_ones_are_cleared(tmp_path: Path) -> None:
    ended = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                           capture_output=True, text=True, check=True).stdout.strip()  # fmt: skip
    stale = tmp_path / "demo" / ended
    stale.mkdir(parents=True)
    (tmp_path / "demo" / "meta.json").write_text("{}")  # the shared demo of older versions

    mine = demo_folder(tmp_path, DAY)

    assert mine.parent == tmp_path / "demo" and mine.name.isdigit()
    assert len(Store.open(mine).people()) > 20
    assert not stale.exists() and not (tmp_path / "demo" / "meta.json").exists()
    alive = tmp_path / "demo" / "1"  # pid 1 is always running: its demo stays
    alive.mkdir()
    assert demo_folder(tmp_path, DAY) == mine and alive.exists()
