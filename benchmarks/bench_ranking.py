"""People ranked for a topic or a learning on a big journal: `/?`, the share list, `who`, `suggest`.

    python benchmarks/bench_ranking.py DIR [--runs 5] [--cli-runs 4]

Runs on a scratch copy of DIR (`who` may write the search cache). In-process: `people_to_ask`
(the app's `/?topic`, with the search index) typed key by key for eight topics (after a first
`/?`, which builds the snapshot's word weights, profiles and talk book), and for four topics; `share_candidates(everyone=True)`
(the share screen) for four learnings, once on a fresh snapshot (its word weights and phrases
worked out) and again on the same one. Whole process: `netjournal who TOPIC` and `netjournal
suggest LEARNING`. The budgets are the medians measured before issue 15's scoring change, on
the same 2-core machine and journal (2026-12-03): the change must not make any of them slower.
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import Row, check_journal, child_env, machine_line, print_table, scratch_copy

from netjournal.core.finding import people_to_ask
from netjournal.core.search_index import open_index
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.suggest import share_candidates

TOPICS = ("cold chain", "supply chain risk", "pallet robots", "battery technology")
# `/?` typed key by key: a short prefix ("pri") is in tens of thousands of talks.
TYPED = (*TOPICS, "kubernetes", "pricing", "logimat", "crime novels")
# Before the change (ms, or s for the CLI), medians on /tmp/nj-bench: see benchmarks/README.md.
BEFORE = {"ask": 700.0, "share_fresh": 245.0, "share_again": 225.0, "who": 2.56, "suggest": 2.05,
          "typed": 100.0}  # typed: the median of issue 15's second pass (86-103 ms)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("journal", type=Path)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--cli-runs", type=int, default=4)
    args = parser.parse_args(argv)
    check_journal(args.journal)
    print(machine_line())
    with scratch_copy(args.journal) as copy:
        store = Store.open(copy)
        snapshot = JournalSnapshot.load(store)
        index = open_index(store, snapshot.records(), save=True)  # the CLI's cache, as `who`'s
        learnings = sorted(snapshot.learnings.values(), key=lambda item: item.id)[:4]
        began = time.perf_counter()
        people_to_ask(snapshot, TYPED[0], index)  # word weights, profiles, talks: once a snapshot
        first = [time.perf_counter() - began]
        typed = []
        for topic in TYPED:
            for end in range(1, len(topic) + 1):
                began = time.perf_counter()
                people_to_ask(snapshot, topic[:end], index)
                typed.append(time.perf_counter() - began)
        asks, fresh, again = [], [], []
        for _ in range(args.runs):
            for topic in TOPICS:
                began = time.perf_counter()
                people_to_ask(snapshot, topic, index)
                asks.append(time.perf_counter() - began)
            for learning in learnings:
                snapshot.memo.clear()  # a snapshot just saved: nothing worked out yet
                began = time.perf_counter()
                share_candidates(snapshot, learning, everyone=True)
                fresh.append(time.perf_counter() - began)
                began = time.perf_counter()
                share_candidates(snapshot, learning, everyone=True)
                again.append(time.perf_counter() - began)
        commands = {
            "who": ["who", TOPICS[0]],
            "suggest": ["suggest", learnings[0].id],
        }
        whole: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(args.cli_runs):
            for name, words in commands.items():  # interleaved: a busy moment hits both
                began = time.perf_counter()
                done = subprocess.run(
                    [sys.executable, "-m", "netjournal", "--dir", str(copy), *words],
                    capture_output=True, text=True, env=child_env(),
                )  # fmt: skip
                whole[name].append(time.perf_counter() - began)
                if done.returncode != 0:
                    sys.exit(f"netjournal {' '.join(words)} failed:\n{done.stderr}")
    rows = [
        Row(f"/?topic typed key by key ({len(typed)} keys)", typed, "ms", BEFORE["typed"]),
        Row("  the first /? on a snapshot (tables built)", first, "ms"),
        Row("/?topic, people ranked (app, index)", asks, "ms", BEFORE["ask"]),
        Row("share list, fresh snapshot", fresh, "ms", BEFORE["share_fresh"]),
        Row("share list, same snapshot", again, "ms", BEFORE["share_again"]),
        Row("netjournal who TOPIC, whole process", whole["who"], "s", BEFORE["who"]),
        Row("netjournal suggest ID, whole process", whole["suggest"], "s", BEFORE["suggest"]),
    ]
    print_table("Ranking people (budgets: the medians before issue 15's scoring)", rows)
    return 0 if all(row.verdict() in ("PASS", "") for row in rows) else 1


if __name__ == "__main__":
    raise SystemExit(main())
