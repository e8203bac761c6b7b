"""Store budgets on a generated journal: one save, loading everything, peak memory.

    python benchmarks/bench_store.py DIR [--runs 100] [--load-runs 10] [--json FILE]

Saves run on a scratch copy of DIR (DIR itself is only read):
- fresh: a new `Store.open` for each save, as `netjournal add` / `netjournal log` do (run
  first, while this process holds no other records).
- warm: one Store with every table loaded, as the app holds it; each save is timed alone.
  Then the same after `gc.freeze()`, to show what the collector costs a long-running app.
(a) add a person, (b) log an interaction dated today, (c) update a random learning; and, for
scale, an update in the fullest shard. A second pass with timers around the store's steps
says where a save's time goes.

Loads run in fresh processes (`Store.open` and all four tables) in three collector modes:
`on` (Python's default, what the app does today), `off` (gc disabled for the whole process)
and `freeze` (gc paused for the load, then `gc.freeze()`: a proposal). Each reports its time,
where the time went, the pause of one full collection after the load, and its peak RSS.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import orjson

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import (
    Row,
    Timers,
    check_journal,
    child_env,
    machine_line,
    print_table,
    scratch_copy,
)

from netjournal.core import atomic_file, journal_lock, shards, store
from netjournal.core.clock import today
from netjournal.core.records import Interaction, Learning, Outreach, Person
from netjournal.core.store import Changes, Store

SAVE_MEDIAN_MS, SAVE_P95_MS = 10.0, 20.0
LOAD_S = 1.5
PEAK_MB = 800.0

# Runs in a fresh interpreter: load everything, report timings and peak RSS as JSON.
LOAD_CHILD = r"""
import gc, json, resource, sys, time
began = time.perf_counter()
from pathlib import Path
import orjson
from netjournal.core import shards
from netjournal.core.store import Store
imported = time.perf_counter()
mode = sys.argv[2]
if mode in ("off", "freeze"):
    gc.disable()
spent = {"orjson.loads": 0.0, "parse checks": 0.0, "records (from_dict)": 0.0, "gc pauses": 0.0}
clock = {"gc": 0.0}
def on_gc(phase, info):
    if phase == "start":
        clock["gc"] = time.perf_counter()
    else:
        spent["gc pauses"] += time.perf_counter() - clock["gc"]
gc.callbacks.append(on_gc)
loads, parse, build = orjson.loads, shards.Shard._parse, shards.Shard._records
def timed_loads(raw):
    t = time.perf_counter()
    try:
        return loads(raw)
    finally:
        spent["orjson.loads"] += time.perf_counter() - t
def timed_parse(self, raw):
    t = time.perf_counter()
    try:
        return parse(self, raw)
    finally:
        spent["parse checks"] += time.perf_counter() - t
def timed_build(self, docs):
    t = time.perf_counter()
    try:
        return build(self, docs)
    finally:
        spent["records (from_dict)"] += time.perf_counter() - t
class Json:
    loads = staticmethod(timed_loads)
    dumps = staticmethod(orjson.dumps)
    JSONDecodeError = orjson.JSONDecodeError
    OPT_INDENT_2, OPT_SORT_KEYS = orjson.OPT_INDENT_2, orjson.OPT_SORT_KEYS
shards.orjson = Json
shards.Shard._parse, shards.Shard._records = timed_parse, timed_build
start = time.perf_counter()
journal = Store.open(Path(sys.argv[1]))
counts = {}
tables = {}
for name in ("people", "interactions", "learnings", "outreach"):
    t = time.perf_counter()
    counts[name] = len(getattr(journal, name)())
    tables[name] = time.perf_counter() - t
if mode == "freeze":
    gc.freeze()
    gc.enable()
loaded = time.perf_counter()
spent["parse checks"] -= spent["orjson.loads"]
spent["read, stat, TinyDB, rest"] = (loaded - start) - sum(spent.values())
gc.callbacks.remove(on_gc)
def vmhwm():
    # This process's own high-water RSS. ru_maxrss also counts the parent's RSS at fork time.
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        return None
t = time.perf_counter()
gc.collect()  # what one full collection costs from now on, whenever it comes
full_collection = time.perf_counter() - t
print(json.dumps({
    "import": imported - began,
    "load": loaded - start,
    "tables": tables,
    "spent": spent,
    "since_start": loaded - began,
    "counts": counts,
    "full_collection": full_collection,
    "maxrss": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024,
    "vmhwm": vmhwm(),
}))
"""


def measure_loads(journal: Path, runs: int, gc_mode: str, python: str) -> list[dict]:
    results = []
    for run in range(-1, runs):  # run -1 is untimed: it writes the bytecode cache
        began = time.perf_counter()
        done = subprocess.run(
            [python, "-c", LOAD_CHILD, str(journal), gc_mode],
            capture_output=True,
            text=True,
            check=True,
            env=child_env(),
        )
        result = json.loads(done.stdout)
        result["process"] = time.perf_counter() - began
        if run >= 0:
            results.append(result)
    return results


def time_saves(runs: int, save: Callable[[int], None], warmup: int = 3) -> list[float]:
    """Seconds of each of `runs` calls of save(i), after a few untimed ones."""
    for i in range(warmup):
        save(-1 - i)
    times = []
    for i in range(runs):
        began = time.perf_counter()
        save(i)
        times.append(time.perf_counter() - began)
    return times


def new_person(rng: random.Random, i: int) -> Person:
    return Person.create(
        name=f"Benchmark Person {i} Ødegård",
        org="Contoso",
        department="Logistics",
        role="Head of Operations",
        kind="customer",
        influence=rng.randint(0, 3),
        interests=["offshore sailing", "jazz"],
        expertise=["pallet robots"],
        needs=["a pilot site"],
        tags=["benchmark"],
        email=[f"bench{i}@contoso.example"],
    )


def new_interaction(rng: random.Random, person_ids: Sequence[str], i: int) -> Interaction:
    return Interaction.create(
        date=today(),
        person_ids=[rng.choice(person_ids)],
        channel="coffee",
        summary=f"Coffee at LogiMAT: wants a pilot in Q3 (run {i})",
        notes="Talked about pallet robots, the labour shortage and their WMS migration.",
    )


class GcWatch:
    """Counts the garbage collections (and their time) that run while it is active."""

    def __init__(self) -> None:
        self.pauses: dict[int, list[float]] = {0: [], 1: [], 2: []}
        self._began = 0.0

    def _callback(self, phase: str, info: dict[str, int]) -> None:
        if phase == "start":
            self._began = time.perf_counter()
        else:
            self.pauses[info["generation"]].append(time.perf_counter() - self._began)

    def __enter__(self) -> GcWatch:
        gc.callbacks.append(self._callback)
        return self

    def __exit__(self, *exc: object) -> None:
        gc.callbacks.remove(self._callback)

    def summary(self) -> str:
        parts = []
        for generation, pauses in self.pauses.items():
            if pauses:
                parts.append(
                    f"gen{generation}: {len(pauses)} ({1000 * sum(pauses):.0f} ms in all, "
                    f"longest {1000 * max(pauses):.1f} ms)"
                )
        return "; ".join(parts) or "none"


Operation = Callable[[int], None]


def timed_row(label: str, operation: Operation, runs: int, budgeted: bool, warmup: int = 3) -> Row:
    with GcWatch() as watch:
        times = time_saves(runs, operation, warmup=warmup)
    print(f"  {label}: max {1000 * max(times):.1f} ms; garbage collections: {watch.summary()}")
    return Row(
        f"save {label}",
        times,
        "ms",
        SAVE_MEDIAN_MS if budgeted else None,
        SAVE_P95_MS if budgeted else None,
    )


def save_rows(copy: Path, runs: int, rng: random.Random) -> tuple[list[Row], dict[str, dict]]:
    month = today().isoformat()[:7]
    probe = Store.open(copy)
    people, learnings = probe.people(), probe.learnings()
    person_ids = [person.id for person in people]
    learning_ids = [learning.id for learning in learnings]
    sizes = {}
    for name in ("people", "interactions"):
        table = probe.tables[name]
        table.load_all()
        sizes[name] = len(table.shards[month]) if month in table.shards else 0
    fullest = max(probe.tables["people"].shards.values(), key=len)
    full_id = next(iter(fullest.records))
    print(
        f"\nThis month's shards before the benchmark adds to them: {sizes['interactions']} "
        f"interactions, {sizes['people']} people; fullest people shard: {len(fullest):,} records "
        f"({fullest.path.name})."
    )
    del probe, people, learnings
    gc.collect()

    def add_person(journal: Store, i: int) -> None:
        journal.add(new_person(rng, i))

    def log_interaction(journal: Store, i: int) -> None:
        journal.add(new_interaction(rng, person_ids, i))

    def update_learning(journal: Store, i: int) -> None:
        current = journal.get(Learning, rng.choice(learning_ids))
        assert current is not None
        journal.update(current.edit(title=f"{current.title.split(' (rev ')[0]} (rev {i})"))

    outreach_ids = [plan.id for plan in Store.open(copy).outreach()]

    def done_like(journal: Store, i: int) -> None:
        """What `netjournal done` writes: a plan's shard and today's interactions, one save."""
        plan = journal.get(Outreach, rng.choice(outreach_ids))
        assert plan is not None
        journal.save(
            Changes(
                update=[plan.edit(notes=f"{plan.notes[:200]} (rev {i})")],
                add=[new_interaction(rng, person_ids, i)],
            )
        )

    def update_full(journal: Store, i: int) -> None:
        current = journal.get(Person, full_id)
        assert isinstance(current, Person)
        journal.update(current.edit(notes=f"{current.notes[:200]} (rev {i})"))

    rows = []
    breakdown: dict[str, dict] = {}
    # Fresh Store per save, as a CLI command does (the time includes Store.open); first, while
    # this process holds no records, as a CLI process would not.
    print("Fresh Store per save:")
    fresh: list[tuple[str, Operation, bool, int]] = [
        ("(a) add a person, fresh Store", lambda i: add_person(Store.open(copy), i), True, runs),
        ("(b) log an interaction today, fresh Store", lambda i: log_interaction(Store.open(copy), i), True, runs),
        ("(c) update a learning, fresh Store (loads all learnings)", lambda i: update_learning(Store.open(copy), i), False, max(5, runs // 10)),
        ("(d) a plan + an interaction, 2 files (commit record), fresh Store (loads all outreach)", lambda i: done_like(Store.open(copy), i), False, runs),
    ]  # fmt: skip
    for label, operation, budgeted, count in fresh:
        rows.append(timed_row(label, operation, count, budgeted, warmup=1 if count < runs else 3))
    breakdown.update(save_breakdown({"(b) fresh": fresh[1][1]}, max(20, runs // 3)))
    gc.collect()

    warm = Store.open(copy)
    began = time.perf_counter()
    for kind in (Person, Interaction, Learning, Outreach):
        warm.all(kind)
    print(
        f"Warm store: {sum(len(s) for t in warm.tables.values() for s in t.shards.values()):,} "
        f"records in {sum(len(t.shards) for t in warm.tables.values())} shards loaded in "
        f"{time.perf_counter() - began:.2f} s (gc as netjournal leaves it)."
    )
    warm_plan: list[tuple[str, Operation, bool]] = [
        ("(a) add a person, warm store", lambda i: add_person(warm, i), True),
        ("(b) log an interaction today, warm store", lambda i: log_interaction(warm, i), True),
        ("(c) update a learning, warm store", lambda i: update_learning(warm, i), True),
        ("(d) a plan + an interaction, 2 files (commit record), warm", lambda i: done_like(warm, i), True),
        ("update a person in a full 2,000-record shard, warm", lambda i: update_full(warm, i), False),
    ]  # fmt: skip
    for label, operation, budgeted in warm_plan:
        rows.append(timed_row(label, operation, runs, budgeted))
    breakdown.update(
        save_breakdown(
            {
                "(a) warm": warm_plan[0][1],
                "(b) warm": warm_plan[1][1],
                "(c) warm": warm_plan[2][1],
                "(d) warm": warm_plan[3][1],
                "full shard": warm_plan[4][1],
            },
            max(20, runs // 3),
        )
    )
    # What a long-running app would see if it froze the loaded records out of the collector.
    gc.collect()
    gc.freeze()
    print("After gc.freeze() (loaded records kept out of every later collection):")
    for label, operation, _ in warm_plan[1:3] + warm_plan[4:]:
        rows.append(timed_row(f"{label}, after gc.freeze()", operation, runs, False))
    gc.unfreeze()
    return rows, breakdown


BREAKDOWN_STEPS = [
    "lock",
    "read meta.json",
    "refresh (stat every loaded shard)",
    "TableFiles.load_all",
    "place_new",
    "Shard.load (read, parse, records)",
    "Shard.apply (TinyDB)",
    "Shard.flush",
    "  flush: orjson.dumps",
    "  flush: write_atomically",
    "    os.fsync (file + folder)",
    "  flush: rebuild shard records",
    "  flush: rest",
    "commit: temporaries (several files)",
    "commit: record, renames, removal",
    "disk_signature (stat)",
]


def save_breakdown(columns: dict[str, Operation], runs: int) -> dict[str, dict]:
    """Median inclusive ms per save of each step, with timers around the store's functions."""
    timers = Timers()
    timers.wrap(journal_lock.JournalLock, "__enter__", "lock")
    timers.wrap(store.Store, "_check_schema_unchanged", "read meta.json")
    timers.wrap(store.Store, "refresh", "refresh (stat every loaded shard)")
    timers.wrap(shards.TableFiles, "load_all", "TableFiles.load_all")
    timers.wrap(shards.TableFiles, "place_new", "place_new")
    timers.wrap(shards.Shard, "load", "Shard.load (read, parse, records)")
    timers.wrap(shards.Shard, "apply", "Shard.apply (TinyDB)")
    timers.wrap(shards, "write_atomically", "  flush: write_atomically")
    timers.wrap(atomic_file.os, "fsync", "    os.fsync (file + folder)")
    timers.wrap(shards, "disk_signature", "disk_signature (stat)")
    if hasattr(store, "commit"):  # the commit record (issue 12); absent in older code
        timers.wrap(store, "stage", "commit: temporaries (several files)")
        timers.wrap(store, "commit", "commit: record, renames, removal")
    json_proxy = _TimedJson()
    timers.wrap(json_proxy, "dumps", "  flush: orjson.dumps")
    # Shard._records runs in load and in flush: only flush's share is "rebuild".
    flush, build = shards.Shard.flush, shards.Shard._records
    in_flush = [0]
    seconds = timers.seconds
    seconds["Shard.flush"] = seconds["  flush: rebuild shard records"] = 0.0

    def timed_flush(self: shards.Shard) -> None:
        began = time.perf_counter()
        in_flush[0] += 1
        try:
            flush(self)
        finally:
            in_flush[0] -= 1
            seconds["Shard.flush"] += time.perf_counter() - began

    def timed_build(self: shards.Shard, docs: dict) -> Any:  # whatever _records returns
        began = time.perf_counter()
        try:
            return build(self, docs)
        finally:
            if in_flush[0]:
                seconds["  flush: rebuild shard records"] += time.perf_counter() - began

    shards.Shard.flush, shards.Shard._records = timed_flush, timed_build  # type: ignore[method-assign]
    shards.orjson = json_proxy  # type: ignore[assignment]
    result: dict[str, dict] = {}
    try:
        for label, operation in columns.items():
            for i in range(2):  # untimed: absorbs reloads of shards other saves changed
                operation(10_000 + i)
            per_run: dict[str, list[float]] = {name: [] for name in seconds}
            totals = []
            for i in range(runs):
                timers.reset()
                for name in seconds:
                    seconds[name] = 0.0
                began = time.perf_counter()
                operation(20_000 + i)
                totals.append(time.perf_counter() - began)
                for name, value in seconds.items():
                    per_run[name].append(value)
            steps = {name: 1000 * statistics.median(values) for name, values in per_run.items()}
            # max: a save of several files serializes outside flush (commit record)
            steps["  flush: rest"] = max(
                0.0,
                steps["Shard.flush"]
                - sum(
                    steps[name]
                    for name in (
                        "  flush: orjson.dumps",
                        "  flush: rebuild shard records",
                        "  flush: write_atomically",
                    )
                ),
            )
            result[label] = {"total": 1000 * statistics.median(totals), "steps": steps}
    finally:
        timers.restore()
        shards.Shard.flush, shards.Shard._records = flush, build  # type: ignore[method-assign]
        shards.orjson = orjson
    return result


class _TimedJson:
    """Stands in for the orjson module inside shards.py, so its dumps can be timed."""

    loads = staticmethod(orjson.loads)
    dumps = staticmethod(orjson.dumps)
    JSONDecodeError = orjson.JSONDecodeError
    OPT_INDENT_2 = orjson.OPT_INDENT_2
    OPT_SORT_KEYS = orjson.OPT_SORT_KEYS


def print_breakdown(breakdown: dict[str, dict]) -> None:
    labels = list(breakdown)
    present = next(iter(breakdown.values()))["steps"]
    steps = [step for step in BREAKDOWN_STEPS if step in present]
    print("\nWhere a save's time goes (median ms per save of each step, inclusive; timers on):")
    width = max(map(len, steps)) + 2
    print(" " * width + "".join(f"{label:>12}" for label in labels))
    for step in steps:
        print(
            f"{step:<{width}}"
            + "".join(f"{breakdown[label]['steps'][step]:>12.2f}" for label in labels)
        )
    print(f"{'whole save':<{width}}" + "".join(f"{breakdown[x]['total']:>12.2f}" for x in labels))


GC_MODES = {
    "on": "as shipped (gc on, paused inside load_all)",
    "off": "gc disabled for the whole process",
    "freeze": "proposed: gc paused for the load, then gc.freeze()",
}


def load_rows(journal: Path, runs: int, python: str) -> tuple[list[Row], dict]:
    rows: list[Row] = []
    details = {mode: measure_loads(journal, runs, mode, python) for mode in GC_MODES}
    shipped = details["on"]
    rows.append(Row("load everything (Store.open + 4 tables), as shipped", [r["load"] for r in shipped], "s", LOAD_S))  # fmt: skip
    rows.append(Row("  process start to loaded, as shipped", [r["since_start"] for r in shipped], "s", LOAD_S))  # fmt: skip
    rows.append(Row("  one full gc pass after the load, as shipped", [r["full_collection"] for r in shipped], "ms"))  # fmt: skip
    for mode in ("off", "freeze"):
        rows.append(Row(f"load everything, {GC_MODES[mode]}", [r["load"] for r in details[mode]], "s"))  # fmt: skip
    rows.append(Row("  one full gc pass after the load, gc.freeze()", [r["full_collection"] for r in details["freeze"]], "ms"))  # fmt: skip
    peaks = [r["maxrss"] for results in details.values() for r in results]
    rows.append(Row("peak memory (ru_maxrss of a process that loads everything)", peaks, "MB", PEAK_MB, peak=True))  # fmt: skip
    return rows, details


def print_load_details(details: dict) -> None:
    for mode, results in details.items():
        first = results[0]
        print(f"\nLoad, {GC_MODES[mode]}: medians over {len(results)} fresh processes")
        print(f"  records: {first['counts']}")
        print(f"  imports before the load: {statistics.median(r['import'] for r in results):.3f} s")
        for name in first["tables"]:
            print(
                f"  table {name:<13} {statistics.median(r['tables'][name] for r in results):.3f} s"
            )
        for name in first["spent"]:
            print(f"  in {name:<24} {statistics.median(r['spent'][name] for r in results):.3f} s")
        print(
            f"  one full gc pass after the load: {1000 * statistics.median(r['full_collection'] for r in results):.0f} ms"
        )
        print(f"  peak RSS: ru_maxrss {max(r['maxrss'] for r in results) / 2**20:.0f} MB, "
              f"VmHWM {max(r['vmhwm'] or 0 for r in results) / 2**20:.0f} MB")  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="a generated journal (only read; saves use a copy)")
    parser.add_argument("--runs", type=int, default=100, help="timed saves per kind (default 100)")
    parser.add_argument("--load-runs", type=int, default=10, help="fresh-process loads per gc mode")
    parser.add_argument(
        "--python", default=sys.executable, help="interpreter for the load processes"
    )
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy")
    parser.add_argument("--seed", type=int, default=7)
    args = parser.parse_args(argv)
    journal = args.dir.resolve()
    check_journal(journal)
    print(f"bench_store on {journal}: {machine_line()}; load average {os.getloadavg()}")
    # Loads first: a child's ru_maxrss includes this process's RSS at fork time, so this
    # process must not hold a journal yet.
    load, details = load_rows(journal, args.load_runs, args.python)
    print_load_details(details)
    print(f"load average after the loads: {os.getloadavg()}")
    with scratch_copy(journal, keep=args.keep) as copy:
        saves, breakdown = save_rows(copy, args.runs, random.Random(args.seed))
    print(f"load average after the saves: {os.getloadavg()}")
    print_breakdown(breakdown)
    rows = saves + load
    print_table(f"Store budgets ({machine_line()}; page cache warm)", rows)
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": machine_line(),
                    "rows": [row.as_dict() for row in rows],
                    "save_breakdown_ms": breakdown,
                    "load_details": {
                        mode: {
                            "tables": {
                                name: statistics.median(r["tables"][name] for r in results)
                                for name in results[0]["tables"]
                            },
                            "spent": {
                                name: statistics.median(r["spent"][name] for r in results)
                                for name in results[0]["spent"]
                            },
                        }
                        for mode, results in details.items()
                    },
                },
                indent=2,
            )
        )
    failed = [row for row in rows if row.verdict().startswith("FAIL")]
    return 1 if failed else 0


if __name__ == "__main__":
    raise SystemExit(main())
