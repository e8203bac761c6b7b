"""A writer killed at random moments never loses what it acknowledged, nor damages a file.

A subprocess adds people and interactions and updates one person in a loop, printing each
record's id only after the save returned. The test SIGKILLs it at random moments, again and
again on the same journal, and after every kill reopens the journal: every acknowledged record
is there (and every acknowledged update), nothing else is (but the one save in flight), every
file parses and doctor is happy.
"""

from __future__ import annotations

import os
import random
import selectors
import signal
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

import orjson

import netjournal
from netjournal.core.doctor import check_journal
from netjournal.core.journal_lock import JournalLock
from netjournal.core.records import Interaction, Person
from netjournal.core.store import Store

REPO = Path(netjournal.__file__).resolve().parent.parent
KILLS = 12
TIME_BUDGET = 15.0  # seconds for the whole test, whatever the machine

WRITER = r"""
import sys
from datetime import date
from pathlib import Path

from netjournal.core.records import Interaction, Person
from netjournal.core.store import Store

folder, run = Path(sys.argv[1]), sys.argv[2]
store = Store.open(folder)
first = None
for i in range(1_000_000):
    person = Person.create(name=f"Writer {run} person {i}", tags=[f"run-{run}"])
    store.add(person)
    print("people", person.id, flush=True)
    first = first or person
    met = Interaction.create(
        date=date(2025, 1 + i % 4, 1 + i % 28),
        person_ids=[person.id, first.id],
        summary=f"Run {run} chat {i}",
    )
    store.add(met)
    print("interactions", met.id, flush=True)
    first = first.edit(notes=str(i))
    store.update(first)
    print("update", first.id, i, flush=True)
"""


@dataclass
class Acknowledged:
    """What the writers said they saved."""

    ids: dict[str, set[str]] = field(
        default_factory=lambda: {"people": set(), "interactions": set()}
    )
    notes: dict[str, int] = field(default_factory=dict)  # person id -> last acknowledged update

    def take(self, output: bytes) -> int:
        """Record every complete line; the number of lines."""
        lines = output.split(b"\n")[:-1]  # a last line without its newline was not acknowledged
        for line in lines:
            what, record_id, *rest = line.decode().split()
            if what == "update":
                self.notes[record_id] = int(rest[0])
            else:
                self.ids[what].add(record_id)
        return len(lines)


def read_some(process: subprocess.Popen[bytes], timeout: float) -> bytes:
    """Wait for the first output of the writer (its first acknowledged save)."""
    assert process.stdout is not None
    with selectors.DefaultSelector() as selector:
        selector.register(process.stdout, selectors.EVENT_READ)
        if not selector.select(timeout):
            return b""
    return os.read(process.stdout.fileno(), 65536)


def test_killed_writer_keeps_every_acknowledged_save(journal_dir: Path) -> None:
    seed = int.from_bytes(os.urandom(4), "big")
    chance = random.Random(seed)
    acked = Acknowledged()
    started = time.monotonic()
    kills = 0
    while kills < KILLS and time.monotonic() - started < TIME_BUDGET - 2:
        writer = subprocess.Popen(
            [sys.executable, "-c", WRITER, str(journal_dir), str(kills)],
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            cwd=REPO,
        )
        try:
            output = read_some(writer, timeout=10)
            assert output or writer.poll() is None, writer.stderr and writer.stderr.read()
            time.sleep(chance.uniform(0, 0.25))
            writer.send_signal(signal.SIGKILL)
            writer.wait(timeout=10)
        finally:
            if writer.poll() is None:
                writer.kill()
                writer.wait()
        assert writer.returncode == -signal.SIGKILL, (
            f"seed {seed}: the writer stopped by itself: "
            f"{writer.stderr.read().decode() if writer.stderr else ''}"
        )
        assert writer.stdout is not None and writer.stderr is not None
        output += writer.stdout.read()
        writer.stdout.close()
        writer.stderr.close()
        acked.take(output)
        kills += 1
        check_after_kill(journal_dir, acked, kills, f"seed {seed}, after kill {kills}")

    assert kills >= KILLS // 2, f"only {kills} kills in the time budget"
    assert len(acked.ids["people"]) >= kills, "the writers hardly saved anything"
    assert time.monotonic() - started < TIME_BUDGET


def check_after_kill(folder: Path, acked: Acknowledged, kills: int, where: str) -> None:
    for path in folder.rglob("*.json"):  # every data file parses (temporaries may not)
        orjson.loads(path.read_bytes())
    with JournalLock(folder, timeout=0):  # the dead writer does not hold the lock
        pass
    store = Store.open(folder)
    people = {person.id: person for person in store.all(Person)}
    interactions = {record.id: record for record in store.all(Interaction)}
    for table, found in (("people", people), ("interactions", interactions)):
        lost = acked.ids[table] - set(found)
        assert not lost, f"{where}: acknowledged {table} lost: {sorted(lost)}"
    # Nothing appears that was not acknowledged, but the one save each dead writer had in flight.
    unacknowledged = (set(people) - acked.ids["people"]) | (
        set(interactions) - acked.ids["interactions"]
    )
    assert len(unacknowledged) <= kills, f"{where}: unexpected records {sorted(unacknowledged)}"
    for person_id, last in acked.notes.items():
        notes = int(people[person_id].notes)
        assert last <= notes <= last + 1, f"{where}: update of {person_id} lost ({notes} < {last})"
    checkup = check_journal(folder)
    assert checkup.healthy, f"{where}: {checkup.problems}"
