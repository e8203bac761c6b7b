"""Several processes saving to one journal: nobody's records are lost, nothing is damaged.

One writer at a time (a flock on `.lock`, held for one save only), and each save first reloads
what other processes wrote. Real processes here: Python API writers with stale in-memory
copies, the real CLI in parallel, a lock held for too long, a store left open like the app's.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path

import orjson
import pytest

import netjournal
from netjournal.core.doctor import check_journal
from netjournal.core.journal_lock import JournalLock
from netjournal.core.records import Interaction, Person
from netjournal.core.store import Store

REPO = Path(netjournal.__file__).resolve().parent.parent
SEED_NAME = "Quentin Seedwell"
ADDS = 40
CliRunner = Callable[..., subprocess.CompletedProcess[str]]
ID_AT_END = re.compile(r"\(([0-9a-z]{10})\)\.$")

WRITER = r"""
import random, sys, time
from datetime import date
from pathlib import Path

from netjournal.core.records import Interaction, Person
from netjournal.core.store import Store

folder, name, count, seed_id = Path(sys.argv[1]), sys.argv[2], int(sys.argv[3]), sys.argv[4]
store = Store.open(folder)
store.people(), store.interactions()  # a stale copy from now on: every save must reload
(folder.parent / f"ready-{name}").touch()
while not (folder.parent / "go").exists():
    time.sleep(0.002)
for i in range(count):
    person = Person.create(name=f"{name} {i}")
    store.add(person)
    print("people", person.id, flush=True)
    if i % 3 == 0:
        met = Interaction.create(
            date=date(2025, 1 + i % 2, 1 + i % 28),
            person_ids=[person.id, seed_id],
            summary=f"{name} met {i}",
        )
        store.add(met)
        print("interactions", met.id, flush=True)
    time.sleep(random.random() * 0.012)
"""


def all_files_parse(folder: Path) -> None:
    for path in folder.rglob("*.json"):
        orjson.loads(path.read_bytes())


def data_files(folder: Path) -> dict[str, bytes]:
    return {
        path.relative_to(folder).as_posix(): path.read_bytes()
        for path in sorted(folder.rglob("*"))
        if path.is_file() and path.name != ".lock"
    }


def seed_journal(folder: Path) -> Person:
    seed = Person.create(name=SEED_NAME, org="Seed Co")
    Store.open(folder).add(seed)
    return seed


def test_parallel_api_writers_and_cli_lose_nothing(
    journal_dir: Path, tmp_path: Path, run_cli: CliRunner
) -> None:
    seed = seed_journal(journal_dir)
    env = {**os.environ, "NETJOURNAL_LOCK_TIMEOUT": "30"}
    writers = {
        name: subprocess.Popen(
            [sys.executable, "-c", WRITER, str(journal_dir), name, str(ADDS), seed.id],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
            cwd=REPO,
            env=env,
        )
        for name in ("alpha", "beta")
    }
    acked: dict[str, set[str]] = {"people": set(), "interactions": set()}
    failures: list[str] = []
    lock = threading.Lock()

    def cli_loop(tag: str) -> None:
        """Capture with the real CLI, over and over, while the writers write."""
        i = 0
        while i < 3 or (i < 25 and any(w.poll() is None for w in writers.values())):
            if i % 2 == 0:
                done = run_cli("add", "person", f"Cli {tag} {i}", NETJOURNAL_LOCK_TIMEOUT="30")
                table = "people"
            else:
                done = run_cli(
                    "log", SEED_NAME, "-m", f"cli {tag} {i}", NETJOURNAL_LOCK_TIMEOUT="30"
                )
                table = "interactions"
            with lock:
                match = ID_AT_END.search(done.stdout.strip())
                if done.returncode != 0 or match is None:
                    failures.append(f"{done.args}: {done.returncode} {done.stderr}")
                else:
                    acked[table].add(match.group(1))
            i += 1

    try:
        deadline = time.monotonic() + 20
        while not all((tmp_path / f"ready-{name}").exists() for name in writers):
            assert time.monotonic() < deadline, "the writers did not start"
            assert all(w.poll() is None for w in writers.values()), "a writer died at start"
            time.sleep(0.005)
        threads = [threading.Thread(target=cli_loop, args=(tag,)) for tag in "xy"]
        for thread in threads:
            thread.start()
        (tmp_path / "go").touch()
        outputs = {name: writer.communicate(timeout=60) for name, writer in writers.items()}
        for thread in threads:
            thread.join(timeout=60)
    finally:
        for writer in writers.values():
            if writer.poll() is None:
                writer.kill()
                writer.wait()

    for name, (out, err) in outputs.items():
        assert writers[name].returncode == 0, f"{name}: {err}"
        for line in out.splitlines():
            table, record_id = line.split()
            acked[table].add(record_id)
    assert not failures, failures
    api_interactions = 2 * len(range(0, ADDS, 3))
    assert len(acked["people"]) >= 2 * ADDS + 2 * 2
    assert len(acked["interactions"]) >= api_interactions + 2

    all_files_parse(journal_dir)
    store = Store.open(journal_dir)
    people = {person.id for person in store.all(Person)}
    interactions = {record.id for record in store.all(Interaction)}
    assert people == acked["people"] | {seed.id}, "people lost or invented"
    assert interactions == acked["interactions"], "interactions lost or invented"
    listed = json.loads(run_cli("list", "people", "--json").stdout)
    assert {row["id"] for row in listed} == people
    assert check_journal(journal_dir).healthy
    doctor = run_cli("doctor")
    assert doctor.returncode == 0, doctor.stdout + doctor.stderr


def test_cli_gives_up_on_a_busy_journal_and_changes_nothing(
    journal_dir: Path, run_cli: CliRunner
) -> None:
    seed_journal(journal_dir)
    before = data_files(journal_dir)
    with JournalLock(journal_dir):
        started = time.monotonic()
        done = run_cli("add", "person", "Impatient Ida", NETJOURNAL_LOCK_TIMEOUT="0.5")
        waited = time.monotonic() - started
    assert done.returncode == 2, done
    assert done.stdout == ""
    assert len(done.stderr.splitlines()) == 1, done.stderr
    assert "busy" in done.stderr
    assert "Traceback" not in done.stderr
    assert 0.5 <= waited < 4, waited
    assert data_files(journal_dir) == before  # no file changed, no temporary left behind
    listed = json.loads(run_cli("list", "people", "--json").stdout)
    assert [row["name"] for row in listed] == [SEED_NAME]


def test_busy_first_save_creates_no_journal(tmp_path: Path, run_cli: CliRunner) -> None:
    """A new journal folder whose lock is held: no meta.json, no data, exit 2."""
    folder = tmp_path / "fresh"
    folder.mkdir(mode=0o700)
    with JournalLock(folder):
        done = run_cli("add", "person", "Ida", folder=folder, NETJOURNAL_LOCK_TIMEOUT="0.3")
    assert done.returncode == 2, done
    assert "busy" in done.stderr and len(done.stderr.splitlines()) == 1
    assert sorted(path.name for path in folder.iterdir()) == [".lock"]


def test_an_open_store_does_not_hold_the_lock_between_saves(
    journal_dir: Path, run_cli: CliRunner
) -> None:
    seed = seed_journal(journal_dir)
    app = Store.open(journal_dir)  # like the open app: everything loaded, then idle
    assert [p.name for p in app.people()] == [SEED_NAME]
    app.interactions()

    added = run_cli("add", "person", "Other Terminal Olga", NETJOURNAL_LOCK_TIMEOUT="0.5")
    logged = run_cli("log", SEED_NAME, "-m", "Call from the train", NETJOURNAL_LOCK_TIMEOUT="0.5")
    assert added.returncode == 0, added.stderr
    assert logged.returncode == 0, logged.stderr

    assert app.refresh() == {"people", "interactions"}
    assert sorted(p.name for p in app.people()) == ["Other Terminal Olga", SEED_NAME]
    assert [i.summary for i in app.interactions()] == ["Call from the train"]

    # The app saves after the other process: it keeps the other's records, and vice versa.
    mine = Person.create(name="App Andy")
    app.add(mine)
    app.update(seed.edit(notes="Met twice"))
    again = run_cli("add", "person", "Later Lena", NETJOURNAL_LOCK_TIMEOUT="0.5")
    assert again.returncode == 0, again.stderr
    fresh = Store.open(journal_dir)
    assert sorted(p.name for p in fresh.people()) == [
        "App Andy",
        "Later Lena",
        "Other Terminal Olga",
        SEED_NAME,
    ]
    assert fresh.get(Person, seed.id).notes == "Met twice"
    assert check_journal(journal_dir).healthy


def test_a_stale_store_saving_to_the_same_file_keeps_the_other_process_changes(
    journal_dir: Path, run_cli: CliRunner
) -> None:
    """Same shard, both directions: an update by the app after a CLI add, and a CLI add after."""
    seed = seed_journal(journal_dir)
    app = Store.open(journal_dir)
    app.people()
    for name in ("Una", "Vic", "Wes"):
        assert run_cli("add", "person", name).returncode == 0
        app.update(app.get(Person, seed.id).edit(notes=f"after {name}"))
    fresh = Store.open(journal_dir)
    assert sorted(p.name for p in fresh.people()) == [SEED_NAME, "Una", "Vic", "Wes"]
    assert fresh.get(Person, seed.id).notes == "after Wes"
    assert app.get(Person, seed.id).notes == "after Wes"


def test_a_same_size_rewrite_within_one_timestamp_tick_is_noticed(journal_dir: Path) -> None:
    """ext4 hands a replaced file's inode to the next temporary; a filesystem with 1 s (ext4
    with small inodes, network shares) or 2 s (FAT) timestamps gives both versions one mtime.
    Here `os.utime` plays that coarse clock; the other store is another process in all but
    name (it shares nothing in memory with the app's)."""
    ann = Person.create(name="Ann", org="aaa")
    cat = Person.create(name="Cat")
    Store.open(journal_dir).add(ann, cat)
    app = Store.open(journal_dir)
    app.people()
    path = app.tables["people"].folder / f"{ann.created[:7]}.json"
    first = os.stat(path)

    other = Store.open(journal_dir)
    other.update(ann.edit(org="bbb"))
    other.update(ann.edit(org="ccc"))  # same size as the version the app read
    now = os.stat(path)
    if (now.st_ino, now.st_size) != (first.st_ino, first.st_size):
        pytest.skip("this filesystem did not reuse the inode; the collision cannot happen here")
    os.utime(path, ns=(now.st_atime_ns, first.st_mtime_ns))  # one tick of a coarse clock

    app.update(cat.edit(notes="Met at the fair"))
    fresh = {person.name: person for person in Store.open(journal_dir).people()}
    assert fresh["Cat"].notes == "Met at the fair"
    assert fresh["Ann"].org == "ccc", "the app's save overwrote the other process's change"
