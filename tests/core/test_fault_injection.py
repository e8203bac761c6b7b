"""Saves that change several files, faulted at every system call with strace, are all or nothing.

Real processes (`netjournal done ID`, `netjournal import vcard FILE`, a person's delete with
their plans through the Store API) run under `strace -f -e inject=SYSCALL:...:when=N`: the N-th
`write`, `fsync` or `rename` fails with ENOSPC once, fails with ENOSPC from then on (a full
disk), or the process gets SIGKILL as it makes that call. Then the journal is opened again
(which finishes a save that passed its commit point) and checked: every file parses, the save
is there whole or not at all, an acknowledged save is never lost, "not saved" is said only
when nothing of it is on disk, doctor is happy, and no temporary or commit record is left.

The default run injects at every write, fsync and rename of the process, in each of the three
ways (about 180 runs, 15 s on two cores). NETJOURNAL_FAULT_SWEEP=1 also injects at every
openat, unlink and mkdir of a path in the journal folder (about 510 runs, 45 s).
tests/core/test_crash_safety.py does the same at the store's own checkpoints.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from datetime import date
from pathlib import Path

import orjson
import pytest

import netjournal
from netjournal.core.doctor import check_journal
from netjournal.core.records import Interaction, Outreach, Person
from netjournal.core.search_index import rebuild_index
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store

REPO = Path(netjournal.__file__).resolve().parent.parent
STRACE = shutil.which("strace")
SWEEP = os.environ.get("NETJOURNAL_FAULT_SWEEP", "") not in ("", "0")
SYSCALLS = ("write", "fsync", "rename")
EXTRA = ("openat", "unlink", "mkdir")  # in a sweep: those of journal paths
MODES = ("enospc-once", "enospc-on", "kill")

pytestmark = pytest.mark.skipif(STRACE is None, reason="strace is not installed")

ANN = Person.build(
    id="ann2222222",
    created="2025-03-02T09:00:00Z",
    updated="2025-03-02T09:00:00Z",
    name="Ann Archer",
    email=["ann@acme.example"],
)
BOB = Person.build(
    id="bob3333333",
    created="2025-05-02T09:00:00Z",
    updated="2025-05-02T09:00:00Z",
    name="Bob Baker",
    email=["bob@baker.example"],
)
STAMP = "2025-05-03T09:00:00Z"
PLAN = Outreach.build(
    id="out2345678",
    created="2025-03-03T09:00:00Z",
    updated="2025-03-03T09:00:00Z",
    kind="follow-up",
    title="Call Ann about the fair",
    person_ids=[ANN.id],
)
BOB_PLAN = Outreach.build(
    id="obx2345678", created=STAMP, updated=STAMP, kind="follow-up", title="Call Bob",
    person_ids=[BOB.id],
)  # fmt: skip
WITH_BOTH = Interaction.build(
    id="mbx6666666", created=STAMP, updated=STAMP, date=date(2025, 3, 10),
    person_ids=[ANN.id, BOB.id], summary="Trade show dinner",
)  # fmt: skip
BOB_ONLY = Interaction.build(
    id="abx8888888", created=STAMP, updated=STAMP, date=date(2025, 4, 2),
    person_ids=[BOB.id], summary="Call about pricing",
)  # fmt: skip

CARDS = """BEGIN:VCARD
VERSION:3.0
FN:Ann Archer
N:Archer;Ann;;;
EMAIL:ann@acme.example
EMAIL:ann.archer@home.example
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Bob Baker
N:Baker;Bob;;;
EMAIL:bob@baker.example
CATEGORIES:Suppliers
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Cat Cooper
N:Cooper;Cat;;;
EMAIL:cat@cooper.example
END:VCARD
BEGIN:VCARD
VERSION:3.0
FN:Dan Dalton
N:Dalton;Dan;;;
EMAIL:dan@dalton.example
END:VCARD
"""

DELETE_BOB = """
import sys
from pathlib import Path
from netjournal.core.errors import NetjournalError
from netjournal.core.records import Person
from netjournal.core.removal import delete_person
from netjournal.core.store import Store

try:
    store = Store.open(Path(sys.argv[1]))
    delete_person(store, store.get(Person, "bob3333333"), keep_history=False)
except NetjournalError as error:
    print(error, file=sys.stderr)
    sys.exit(2)
try:
    print("Deleted Bob Baker", flush=True)
except OSError:  # the acknowledgement itself failed (a fault in this write): not acknowledged
    sys.exit(3)
"""


def state_of_done(store: Store) -> str:
    plan = store.get(Outreach, PLAN.id)
    talks = store.interactions()
    assert plan is not None
    if plan.status == "open" and not talks:
        return "old"
    if plan.status == "done" and [(t.summary, t.person_ids) for t in talks] == [
        (PLAN.title, (ANN.id,))
    ]:
        return "new"
    return f"mixed: plan {plan.status}, {len(talks)} interaction(s)"


def state_of_import(store: Store) -> str:
    people = {person.name: person for person in store.people()}
    ann, bob = people["Ann Archer"], people["Bob Baker"]
    parts = (
        "Cat Cooper" in people,
        "Dan Dalton" in people,
        "ann.archer@home.example" in ann.email,
        "Suppliers" in bob.tags,
    )
    if not any(parts) and len(people) == 2:
        return "old"
    if all(parts) and len(people) == 4:
        return "new"
    return f"mixed: {parts}, {len(people)} people"


def state_of_delete(store: Store) -> str:
    bob = store.get(Person, BOB.id)
    talks = {talk.id: talk for talk in store.interactions()}
    plans = {plan.id for plan in store.outreach()}
    old = (
        bob is not None,
        BOB_ONLY.id in talks,
        talks[WITH_BOTH.id].person_ids == (ANN.id, BOB.id),
        BOB_PLAN.id in plans,
    )
    if all(old):
        return "old"
    if not any(old):
        return "new"
    return f"mixed: {old}"


@dataclass(frozen=True)
class Scenario:
    """A journal, a command that saves several files of it, and how to tell its state."""

    base: tuple[Person | Outreach | Interaction, ...]
    command: Callable[[Path, Path], list[str]]  # (journal, scratch folder) -> argv
    acknowledged: Callable[[subprocess.CompletedProcess[str]], bool]
    state: Callable[[Store], str]
    files: int  # data files a clean run changes


def netjournal(*args: str) -> Callable[[Path, Path], list[str]]:
    def argv(folder: Path, scratch: Path) -> list[str]:
        return [sys.executable, "-m", "netjournal", "--dir", str(folder), *args]

    return argv


def import_cards(folder: Path, scratch: Path) -> list[str]:
    cards = scratch / "contacts.vcf"
    cards.write_text(CARDS)
    return [sys.executable, "-m", "netjournal", "--dir", str(folder), "import", "vcard", str(cards)]


def delete_bob(folder: Path, scratch: Path) -> list[str]:
    return [sys.executable, "-c", DELETE_BOB, str(folder)]


SCENARIOS = {
    # interactions/<this month>.json (new) and outreach/2025-03.json
    "done": Scenario(
        (ANN, PLAN),
        netjournal("done", PLAN.id),
        lambda run: run.returncode == 0 and run.stdout.startswith("Done:"),
        state_of_done,
        files=2,
    ),
    # people/2025-03.json (Ann's new email), people/2025-05.json (Bob's tag), this month's file
    "import": Scenario(
        (ANN, BOB),
        import_cards,
        lambda run: run.returncode == 0 and "Cat Cooper" in run.stdout,
        state_of_import,
        files=3,
    ),
    # people/2025-05.json, interactions/2025-03.json and 2025-04.json, outreach/2025-05.json
    "delete": Scenario(
        (ANN, BOB, WITH_BOTH, BOB_ONLY, BOB_PLAN),
        delete_bob,
        lambda run: run.returncode == 0 and "Deleted Bob Baker" in run.stdout,
        state_of_delete,
        files=4,
    ),
}


def child_env() -> dict[str, str]:
    # Bytecode writes would add `write` calls that vary from run to run.
    return {**os.environ, "PYTHONDONTWRITEBYTECODE": "1", "NETJOURNAL_LOCK_TIMEOUT": "5"}


def build_base(folder: Path, scenario: Scenario) -> None:
    store = Store.open(folder)
    store.add(*scenario.base)
    # A search cache already there: the import then has no reason to build one after saving.
    rebuild_index(store, JournalSnapshot.load(store).records())


def traced(argv: list[str], strace_args: list[str]) -> subprocess.CompletedProcess[str]:
    assert STRACE is not None
    return subprocess.run(
        [STRACE, "-f", "-qq", "-o", "/dev/null", *strace_args, "--", *argv],
        capture_output=True,
        text=True,
        timeout=60,
        cwd=REPO,
        env=child_env(),
    )


def journal_calls(argv: list[str], folder: Path, scratch: Path) -> dict[str, list[int]]:
    """For each syscall to fault, the numbers of its calls in a clean run that a fault there
    can hurt the save with: every write, fsync and rename (stdout's writes included); in a
    sweep, also every openat, unlink and mkdir of a path in the journal folder."""
    log = scratch / "calls.log"
    traced_calls = SYSCALLS + (EXTRA if SWEEP else ())
    assert STRACE is not None
    run = subprocess.run(
        [STRACE, "-f", "-qq", "-o", str(log), "-e", f"trace={','.join(traced_calls)}",
         "--", *argv],
        capture_output=True, text=True, timeout=60, cwd=REPO, env=child_env(),
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    calls = [line.split(None, 1) for line in log.read_text().splitlines() if line.strip()]
    assert len({pid for pid, _ in calls}) == 1, "the command is expected to be one thread"
    numbers: dict[str, list[int]] = {name: [] for name in traced_calls}
    seen: Counter[str] = Counter()
    for _, call in calls:
        found = re.match(r"\w+", call)
        if found is None or found.group(0) not in numbers:
            continue  # "<... resumed>" and the like
        name = found.group(0)
        seen[name] += 1
        if name in SYSCALLS or str(folder) in call:
            numbers[name].append(seen[name])
    return numbers


def fault_options(syscall: str, mode: str, nth: int) -> list[str]:
    action = {
        "enospc-once": f"error=ENOSPC:when={nth}",
        "enospc-on": f"error=ENOSPC:when={nth}+",  # a full disk stays full
        "kill": f"signal=SIGKILL:when={nth}",
    }[mode]
    return ["-e", f"trace={syscall}", "-e", f"inject={syscall}:{action}"]


def cases_for(numbers: dict[str, list[int]]) -> list[tuple[str, str, int]]:
    return [
        (syscall, mode, nth)
        for syscall, calls in numbers.items()
        for mode in MODES
        for nth in calls
    ]


def check_case(
    scenario: Scenario, base: Path, scratch: Path, syscall: str, mode: str, nth: int
) -> str | None:
    """Run one faulted save and check the journal after it; a description of what is wrong."""
    folder = scratch / "journal"
    shutil.copytree(base, folder)
    run = traced(scenario.command(folder, scratch), fault_options(syscall, mode, nth))
    where = f"{syscall} #{nth} {mode}: exit {run.returncode}, {run.stdout!r}, {run.stderr!r}"
    if "Traceback" in run.stderr:
        return f"{where}: a traceback"
    for path in folder.rglob("*.json"):  # every data file is whole, before anyone repairs
        try:
            orjson.loads(path.read_bytes())
        except orjson.JSONDecodeError:
            return f"{where}: {path} does not parse"
    store = Store.open(folder)  # the next open: finishes a save past its commit point
    state = scenario.state(store)
    if state not in ("old", "new"):
        return f"{where}: half a save: {state}"
    if scenario.acknowledged(run) and state != "new":
        return f"{where}: an acknowledged save was lost"
    if "not saved" in run.stderr and state != "old":
        return f"{where}: said 'not saved' but the save is in the journal"
    if "was saved" in run.stderr and state != "new":
        return f"{where}: said saved but the save is not in the journal"
    if (folder / ".commit").exists():
        return f"{where}: the commit record is still there after the next open"
    checkup = check_journal(folder)  # also removes the dead process's temporaries
    if not checkup.healthy:
        return f"{where}: doctor: {checkup.problems}"
    left = [p.name for p in folder.rglob("*") if p.name.endswith(".tmp") or p.name == ".commit"]
    if left:
        return f"{where}: left behind: {left}"
    return None


@pytest.mark.parametrize("name", SCENARIOS)
def test_a_save_of_several_files_survives_a_fault_at_every_system_call(
    name: str, tmp_path: Path
) -> None:
    scenario = SCENARIOS[name]
    base = tmp_path / "base"
    build_base(base, scenario)
    before = {p: p.read_bytes() for p in base.rglob("*.json")}

    # A clean run: the save changes the files it should, and the calls to fault are counted.
    clean = tmp_path / "clean"
    shutil.copytree(base, clean / "journal")
    numbers = journal_calls(scenario.command(clean / "journal", clean), clean / "journal", clean)
    counts = {name: len(calls) for name, calls in numbers.items()}
    assert scenario.state(Store.open(clean / "journal")) == "new"
    after = {p.relative_to(clean / "journal"): p.read_bytes() for p in clean.rglob("*/*.json")}
    changed = [p for p, data in after.items() if before.get(base / p) != data]
    assert len(changed) == scenario.files, changed
    assert counts["rename"] >= scenario.files + 1, counts  # the files and the commit record
    assert counts["fsync"] >= scenario.files, counts

    cases = cases_for(numbers)
    with ThreadPoolExecutor(max_workers=3) as pool:
        found = list(
            pool.map(
                lambda case: check_case(
                    scenario, base, tmp_path / f"{case[0]}-{case[1]}-{case[2]}", *case
                ),
                cases,
            )
        )
    problems = [problem for problem in found if problem]
    assert not problems, f"{len(problems)} of {len(cases)} faults:\n" + "\n".join(problems)


def test_a_failed_done_says_not_saved_and_a_retry_logs_once(tmp_path: Path) -> None:
    """The issue's own reproduction: ENOSPC at the second file's write. Nothing of the save is
    on disk, it says so, and running `done` again logs one interaction, then says it is done."""
    scenario = SCENARIOS["done"]
    folder = tmp_path / "journal"
    build_base(folder, scenario)
    argv = scenario.command(folder, tmp_path)
    failed = traced(argv, fault_options("write", "enospc-once", 2))
    assert failed.returncode == 2 and "not saved" in failed.stderr, failed
    assert scenario.state(Store.open(folder)) == "old"
    again = traced(argv, [])
    assert again.returncode == 0 and again.stdout.startswith("Done:"), again
    third = traced(argv, [])
    assert (third.returncode, third.stderr) == (0, ""), third
    assert "is already done on" in third.stdout and "nothing was logged" in third.stdout
    assert scenario.state(Store.open(folder)) == "new"  # still exactly one interaction
