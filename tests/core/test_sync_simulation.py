"""Two devices make random adds, edits and deletes and exchange their journals through conflict
copies (a synced folder) and through real git merges (two clones, a bare remote), in random
order. After every exchange both hold the same records, every change is there or kept as a
conflict note, and nothing deleted comes back.

A few examples by default; NJ_SYNC_EXAMPLES=200 runs more.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import tempfile
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from netjournal.core.conflict_names import original_of
from netjournal.core.conflict_notes import conflict_notes
from netjournal.core.git_setup import setup_git, sync_git
from netjournal.core.records import RECORD_TYPES, Person
from netjournal.core.store import Store

EXAMPLES = int(os.environ.get("NJ_SYNC_EXAMPLES", "4"))
DEVICES = ("a", "b")
OPS = ("add", "org", "notes", "tag", "delete", "copies", "git")
WORDS = ("Acme", "Contoso", "met at the fair", "prefers email", "ai", "robots", "x")

pytestmark = pytest.mark.skipif(shutil.which("git") is None, reason="git is not installed")


def git(folder: Path, *args: str) -> None:
    subprocess.run(["git", "-C", str(folder), *args], check=True, capture_output=True)


class World:
    """Two device folders, clones of one bare remote, and what the test expects of them."""

    def __init__(self, root: Path) -> None:
        self.folders = {name: root / name for name in DEVICES}
        first = self.folders["a"]
        Store.open(first).add(Person.create(name="Seed One"), Person.create(name="Seed Two"))
        setup_git(first)
        git(root, "init", "-q", "--bare", "remote.git")
        git(first, "remote", "add", "origin", str(root / "remote.git"))
        git(first, "push", "-q", "-u", "origin", "HEAD")
        git(root, "clone", "-q", str(root / "remote.git"), str(self.folders["b"]))
        setup_git(self.folders["b"])
        self.deleted: set[str] = set()
        self.added: set[str] = set()
        # (device, id, field) -> the last value that device wrote since the last exchange
        self.pending: dict[tuple[str, str, str], str] = {}
        self.tags: dict[tuple[str, str], set[str]] = {}

    def people(self, device: str) -> list[Person]:
        return sorted(Store.open(self.folders[device]).people(), key=lambda p: p.id)

    def act(self, device: str, op: str, pick: int, word: str) -> None:
        store = Store.open(self.folders[device])
        people = sorted(store.people(), key=lambda p: p.id)
        if op == "add":
            self.added.add(store.added(Person.create(name=f"{word} {pick}")).id)
            return
        if not people:
            return
        person = people[pick % len(people)]
        if op == "delete":
            store.delete(person)
            self.deleted.add(person.id)
        elif op == "tag":
            store.update(person.edit(tags=(*person.tags, word.replace(" ", "-"))))
            self.tags.setdefault((device, person.id), set()).add(word.replace(" ", "-"))
        else:
            store.update(person.edit(**{op: word}))
            self.pending[(device, person.id, op)] = word

    def exchange_copies(self, receiver: str) -> None:
        """Syncthing: the receiver gets the other's changed files as conflict copies and merges
        them on open; then the other, unchanged meanwhile, receives the merged files."""
        b = self.folders[receiver]
        a = self.folders["a" if receiver == "b" else "b"]
        for table in RECORD_TYPES:
            for path in sorted((a / table).glob("*.json")):
                target = b / table / path.name
                if not target.exists():
                    target.parent.mkdir(exist_ok=True)
                    shutil.copy(path, target)
                elif target.read_bytes() != path.read_bytes():
                    copy = target.with_name(f"{target.stem}.sync-conflict-20261203-101500-A.json")
                    shutil.copy(path, copy)
        store = Store.open(b)
        assert store.copies is None or not store.copies.kept, store.copies.kept
        for table in RECORD_TYPES:
            for path in sorted((b / table).glob("*.json")):
                assert original_of(path.name) is None, "a merged copy was left behind"
                (a / table).mkdir(exist_ok=True)
                shutil.copy(path, a / table / path.name)

    def exchange_git(self) -> None:
        sync_git(self.folders["a"])
        sync_git(self.folders["b"])
        sync_git(self.folders["a"])

    def check(self) -> None:
        a, b = (
            {t: sorted((r.to_dict() for r in rs), key=lambda d: d["id"])
             for t, rs in Store.open(self.folders[d]).everything().items()}
            for d in DEVICES
        )  # fmt: skip
        assert a == b, "the devices differ after an exchange"
        people = {person.id: person for person in self.people("a")}
        assert not (self.deleted & people.keys()), "a deleted record came back"
        assert self.added - self.deleted <= people.keys(), "an added record was lost"
        for (_, pid, name), value in self.pending.items():
            if pid in people:
                person = people[pid]
                noted = {note.value for note in conflict_notes(person) if note.field == name}
                assert value == getattr(person, name) or value in noted, (name, value)
        for (_, pid), tags in self.tags.items():
            if pid in people:
                assert tags <= set(people[pid].tags)
        self.pending.clear()
        self.tags.clear()


STEPS = st.lists(
    st.tuples(
        st.sampled_from(DEVICES), st.sampled_from(OPS), st.integers(0, 50), st.sampled_from(WORDS)
    ),
    max_size=20,
)


@settings(max_examples=EXAMPLES, deadline=None,
          suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture])  # fmt: skip
@given(steps=STEPS)
def test_two_devices_converge_and_lose_nothing(
    steps: list[tuple[str, str, int, str]], monkeypatch: pytest.MonkeyPatch
) -> None:
    for name, value in {"GIT_AUTHOR_NAME": "T", "GIT_AUTHOR_EMAIL": "t@example.org",
                        "GIT_COMMITTER_NAME": "T", "GIT_COMMITTER_EMAIL": "t@example.org",
                        "GIT_CONFIG_GLOBAL": os.devnull}.items():  # fmt: skip
        monkeypatch.setenv(name, value)
    with tempfile.TemporaryDirectory() as root:
        world = World(Path(root))
        for device, op, pick, word in [*steps, ("a", "git", 0, ""), ("a", "copies", 0, "")]:
            if op == "copies":
                world.exchange_copies(device)
                world.check()
            elif op == "git":
                world.exchange_git()
                world.check()
            else:
                world.act(device, op, pick, word)


def test_notes_hold_values(tmp_path: Path) -> None:
    """The simulation reads conflict notes back as values (a guard on its own check)."""
    record: Any = Person.build(
        id="abcdefghjk", created="2026-12-01T09:00:00Z", updated="2026-12-01T09:00:00Z",
        name="A", extra={"conflicts": [{"field": "org", "value": "Acme", "updated": ""}]},
    )  # fmt: skip
    assert [note.value for note in conflict_notes(record)] == ["Acme"]
