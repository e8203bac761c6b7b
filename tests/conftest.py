"""Shared fixtures: every test gets its own journal and config folder; the real home is never read."""

from __future__ import annotations

import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

import pytest

from netjournal.core.store import Store


@pytest.fixture(autouse=True)
def isolated_folders(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Point the journal and config at temporary folders for every test."""
    monkeypatch.setenv("NETJOURNAL_DIR", str(tmp_path / "journal"))
    monkeypatch.setenv("NETJOURNAL_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("NETJOURNAL_STATE_DIR", str(tmp_path / "state"))
    monkeypatch.setenv("NETJOURNAL_LOCK_TIMEOUT", "5")


@pytest.fixture
def journal_dir(tmp_path: Path) -> Path:
    """The journal folder of this test (not created until the first save)."""
    return tmp_path / "journal"


@pytest.fixture
def store(journal_dir: Path) -> Store:
    return Store.open(journal_dir)


@pytest.fixture
def run_cli(journal_dir: Path) -> Callable[..., subprocess.CompletedProcess[str]]:
    """Run `python -m netjournal --dir <journal> ARGS...` as a real subprocess."""

    def run(*args: str, folder: Path | None = None, timeout: float = 30, **env: str):
        environment = {**os.environ, **env}
        return subprocess.run(
            [sys.executable, "-m", "netjournal", "--dir", str(folder or journal_dir), *args],
            capture_output=True,
            text=True,
            timeout=timeout,
            env=environment,
        )

    return run
