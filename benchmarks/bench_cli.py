"""Whole-process time of `netjournal log NAME -m TEXT` on a big journal (budget 0.3 s).

    python benchmarks/bench_cli.py DIR [--runs 20] [--name NAME]

Runs on a scratch copy of DIR (each run logs an interaction). Measures, interleaved:
`python -c pass` (the floor), `python -m netjournal --version` (startup plus the CLI's own
imports), `python -m netjournal --dir DIR log NAME -m TEXT` and the installed `netjournal`
console script doing the same. NAME is a person whose name is unique in the journal. Then
`python -X importtime` (top 10 imports) and an in-process split of one `log` run: imports,
loading people, resolving the name, the save.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import Row, check_journal, child_env, machine_line, print_table, scratch_copy

from netjournal.core.names import fold
from netjournal.core.store import Store

BUDGET_S = 0.3
MESSAGE = "Coffee at LogiMAT: wants a pallet robot pilot in Q3"

# One `log` run in-process with timers around its steps; prints a JSON object.
SPLIT_CHILD = r"""
import contextlib, io, json, sys, time
began = time.perf_counter()
import netjournal.cli as cli
cli_imported = time.perf_counter()
from netjournal.commands import capture, resolving
from netjournal.core import shards, store
all_imported = time.perf_counter()
spent = {}
def wrap(owner, name, label):
    original = getattr(owner, name)
    spent[label] = 0.0
    def timed(*args, **kwargs):
        t = time.perf_counter()
        try:
            return original(*args, **kwargs)
        finally:
            spent[label] += time.perf_counter() - t
    setattr(owner, name, timed)
wrap(capture, "resolve_people", "resolve_people (load people + match)")
wrap(store.Store, "people", "  Store.people (read every people shard)")
wrap(resolving, "resolve", "  resolve (fold names, rapidfuzz)")
wrap(store.Store, "add", "Store.add (the save)")
wrap(shards.Shard, "flush", "  Shard.flush (dumps, write, fsync, rebuild)")
load = shards.Shard.load
def timed_load(self):
    label = f"Shard.load of {self.table} shards (count)"
    t = time.perf_counter()
    try:
        return load(self)
    finally:
        spent.setdefault(label, [0.0, 0])
        spent[label][0] += time.perf_counter() - t
        spent[label][1] += 1
shards.Shard.load = timed_load
out = io.StringIO()
with contextlib.redirect_stdout(out):
    code = cli.main(sys.argv[1:])
ended = time.perf_counter()
print(json.dumps({
    "code": code,
    "import netjournal.cli": cli_imported - began,
    "import commands, store, tinydb, rapidfuzz": all_imported - cli_imported,
    **spent,
    "main() in all": ended - all_imported,
    "wall_at_end": time.time(),
}), flush=True)
"""


def timed_run(
    command: Sequence[str], env: dict[str, str]
) -> tuple[float, subprocess.CompletedProcess[str]]:
    began = time.perf_counter()
    done = subprocess.run(command, capture_output=True, text=True, env=env)
    return time.perf_counter() - began, done


def pick_name(journal: Path) -> str:
    """A person whose folded name no one else has (an accented one if possible)."""
    people = sorted(Store.open(journal).people(), key=lambda person: person.id)
    counts: dict[str, int] = {}
    for person in people:
        counts[fold(person.name)] = counts.get(fold(person.name), 0) + 1
    unique = [person.name for person in people if counts[fold(person.name)] == 1]
    if not unique:
        sys.exit("No person in the journal has a unique name; pass --name.")
    accented = [name for name in unique if not name.isascii()]
    return (accented or unique)[0]


def import_times(command: Sequence[str], runs: int) -> dict[str, tuple[float, float, int]]:
    """Median (self s, cumulative s, depth) per module over `runs` runs of -X importtime."""
    samples: dict[str, list[tuple[int, int]]] = {}
    depth: dict[str, int] = {}
    for _ in range(runs):
        done = subprocess.run(
            [command[0], "-X", "importtime", *command[1:]],
            capture_output=True,
            text=True,
            env=child_env(),
        )
        for line in done.stderr.splitlines():
            if not line.startswith("import time:") or "self [us]" in line:
                continue
            own, cumulative, name = line.removeprefix("import time:").split("|", 2)
            module = name.rstrip()
            key = module.strip()
            depth[key] = (len(module) - len(module.lstrip())) // 2
            samples.setdefault(key, []).append((int(own), int(cumulative)))
    return {
        key: (
            statistics.median(s for s, _ in values) / 1e6,
            statistics.median(c for _, c in values) / 1e6,
            depth[key],
        )
        for key, values in samples.items()
    }


def print_import_times(times: dict[str, tuple[float, float, int]]) -> None:
    by_cumulative = sorted(times.items(), key=lambda item: -item[1][1])[:10]
    print("\nImports, top 10 by cumulative time (median of runs; indentation = nesting):")
    for name, (own, cumulative, depth) in by_cumulative:
        print(
            f"  {cumulative * 1000:7.1f} ms cumulative {own * 1000:6.1f} ms self  {'  ' * (depth - 1)}{name}"
        )
    print("Imports, top 10 by self time:")
    for name, (own, cumulative, _) in sorted(times.items(), key=lambda item: -item[1][0])[:10]:
        print(f"  {own * 1000:7.1f} ms self {cumulative * 1000:7.1f} ms cumulative  {name}")
    top_level = sum(cumulative for _, cumulative, depth in times.values() if depth == 1)
    print(f"All imports (sum of top-level cumulative): {top_level * 1000:.0f} ms")


def in_process_split(python: str, args: Sequence[str], runs: int) -> dict[str, float]:
    results = []
    for _ in range(runs):
        done = subprocess.run(
            [python, "-c", SPLIT_CHILD, *args], capture_output=True, text=True, env=child_env()
        )
        exited = time.time()
        if done.returncode != 0:
            sys.exit(f"The in-process split failed:\n{done.stderr}")
        result = json.loads(done.stdout)
        result["interpreter exit (free objects, final gc)"] = exited - result.pop("wall_at_end")
        results.append(result)
    split: dict[str, float] = {}
    for key in results[0]:
        if key == "code":
            continue
        if isinstance(results[0][key], list):  # [seconds, calls]
            label = key.replace("(count)", f"({results[0][key][1]} files)")
            split[label] = statistics.median(r[key][0] for r in results)
        else:
            split[key] = statistics.median(r[key] for r in results)
    return split


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="a generated journal (only read; runs use a copy)")
    parser.add_argument("--runs", type=int, default=20)
    parser.add_argument("--name", help="whom to log with (default: a unique name in the journal)")
    parser.add_argument("--python", default=sys.executable)
    parser.add_argument("--script", type=Path, help="the console script (default: beside --python)")
    parser.add_argument("--json", type=Path, help="also write the results here")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy")
    args = parser.parse_args(argv)
    journal = args.dir.resolve()
    check_journal(journal)
    python = args.python
    script = args.script or Path(python).parent / "netjournal"
    print(f"bench_cli on {journal}: {machine_line()}; load average {os.getloadavg()}")

    with scratch_copy(journal, keep=args.keep) as copy:
        name = args.name or pick_name(copy)
        print(f"Logging with {name!r}.")
        log_args = ["--dir", str(copy), "log", name, "-m", MESSAGE]
        commands = {
            "python -c pass (interpreter floor)": ([python, "-c", "pass"], child_env()),
            "python -m netjournal --version": ([python, "-m", "netjournal", "--version"], child_env()),
            "python -m netjournal log NAME -m TEXT": ([python, "-m", "netjournal", *log_args], child_env()),
            "netjournal log NAME -m TEXT (console script)": ([str(script), *log_args], child_env()),
            "python -m netjournal log ..., no .pyc cache": (
                [python, "-m", "netjournal", *log_args], child_env(bytecode=False)
            ),
        }  # fmt: skip
        budgeted = {
            "python -m netjournal log NAME -m TEXT",
            "netjournal log NAME -m TEXT (console script)",
        }
        times: dict[str, list[float]] = {label: [] for label in commands}
        for run in range(-2, args.runs):  # two untimed rounds: page cache and .pyc files
            for label, (command, env) in commands.items():
                seconds, done = timed_run(command, env)
                if done.returncode != 0:
                    sys.exit(f"{' '.join(command)} failed ({done.returncode}):\n{done.stderr}")
                if run >= 0:
                    times[label].append(seconds)
        print(f"Last output: {done.stdout.strip()}")
        rows = [
            Row(label, values, "s", BUDGET_S if label in budgeted else None)
            for label, values in times.items()
        ]
        imports = import_times([python, "-m", "netjournal", *log_args], runs=5)
        split = in_process_split(python, log_args, runs=5)

    print_table(f"CLI budget ({machine_line()}; page cache warm)", rows)
    print_import_times(imports)
    floor = statistics.median(times["python -c pass (interpreter floor)"])
    print(
        f"\nOne `log` run, in-process split (median of 5; interpreter start {floor:.3f} s before it):"
    )
    for key, value in split.items():
        print(f"  {key:<45} {value * 1000:7.1f} ms")
    if args.json:
        args.json.write_text(
            json.dumps(
                {
                    "machine": machine_line(),
                    "name": name,
                    "rows": [row.as_dict() for row in rows],
                    "split_s": split,
                    "imports_top": sorted(imports.items(), key=lambda item: -item[1][1])[:25],
                },
                indent=2,
            )
        )
    return 1 if any(row.verdict().startswith("FAIL") for row in rows) else 0


if __name__ == "__main__":
    raise SystemExit(main())
