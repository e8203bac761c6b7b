"""The daily review: the queue in the core, each key of a review session in the app, the CLI.

    python benchmarks/bench_review.py DIR [--today DATE] [--runs 15] [--cli-runs 7]
                                          [--done 10] [--skips 10] [--snoozes 3]

Goal (the Review issue): "One key per action: d done, z snooze, s skip for today, ...
Fast enough to do ten items in under a minute." Budget here: every action's p95 <= 1.0 s in
the app, so ten items cost far less than a minute of machine time.

Everything runs on a scratch copy of DIR (made beside it, removed at the end; `--keep` keeps
it), so DIR is never modified. "Today" is fixed for the core, the app and the CLI: by
default the latest learning or interaction date in the journal (the generator's `--today`).

1. Core: `review_queue(snapshot, day, cadence_by_tag)` on `JournalSnapshot.load(Store.open(
   COPY))`. The first call also fills the snapshot's cached properties (last_contact, _shared).
   After every save the app builds a new snapshot with `JournalSnapshot.load(store)` on its
   warm store (`NetjournalApp.save`) and the Review screen recomputes the queue on it, so the
   repeated runs do the same: a fresh snapshot each run (its load timed apart), then the queue
   timed, cached properties included. `s` recomputes the queue on the same snapshot, so that
   is timed too (cached properties warm). Time spent in `_share_items` is shown apart.
2. App, in-process and headless (`run_test`, 120x40), on the scratch copy with `day=` fixed:
   once the journal and the search index are loaded, `4` opens Review; then d (done: saves,
   logs an interaction), s (skip for today) and z (snooze: the dialog opens, `+2d` is typed,
   enter saves) are pressed on the outreach items at the head of the queue, interleaved like a
   session. An action is timed from just before its first key until the Review screen has
   updated its progress line (`ReviewScreen._progress`) for the last time for that action:
   after the save, the new snapshot and the recomputed queue (the terminal paint is not
   included). The first ten actions are the "10-item session".
3. CLI: `netjournal --dir COPY review --date DAY --json`, whole process (the console script).
"""

from __future__ import annotations

import argparse
import asyncio
import gc
import json
import statistics
import subprocess
import sys
import time
from datetime import date
from pathlib import Path

from benchutil import (
    Row,
    Timers,
    check_journal,
    child_env,
    machine_line,
    print_table,
    scratch_copy,
)

from netjournal.core.config import Config

NO_CONFIG = Config(Path("/nonexistent/config.toml"))  # no cadences by tag, default keys
KEY_TIMEOUT = 600.0  # seconds one action may take before the benchmark gives up


def latest_day(journal: Path) -> date:
    """The newest learning or interaction date: the generator's --today."""
    from netjournal.core.store import Store

    store = Store.open(journal)
    return max(
        max(item.date for item in store.learnings()),
        max(item.date for item in store.interactions()),
    )


# 1. Core


def core_times(journal: Path, day: date, runs: int) -> dict[str, object]:
    import netjournal.core.review as review
    from netjournal.core.snapshot import JournalSnapshot
    from netjournal.core.store import Store

    by_tag = NO_CONFIG.cadence_by_tag
    timers = Timers()
    timers.wrap(review, "_share_items")
    began = time.perf_counter()
    store = Store.open(journal)
    snapshot = JournalSnapshot.load(store)
    loaded = time.perf_counter() - began

    began = time.perf_counter()
    queue = review.review_queue(snapshot, day, by_tag)
    first = time.perf_counter() - began
    first_share = timers.seconds["_share_items"]
    kinds: dict[str, int] = {}
    for item in queue:
        kinds[item.kind] = kinds.get(item.kind, 0) + 1

    # The cached properties alone, on a snapshot of their own.
    probe = JournalSnapshot.load(store)
    began = time.perf_counter()
    probe.last_contact  # noqa: B018
    last_contact = time.perf_counter() - began
    began = time.perf_counter()
    probe._shared  # noqa: B018
    shared = time.perf_counter() - began
    del probe

    rebuild, fresh, fresh_share, same, same_share = [], [], [], [], []
    for _ in range(runs):  # as after a save (d, z): a new snapshot from the warm store
        began = time.perf_counter()
        snapshot = JournalSnapshot.load(store)
        rebuild.append(time.perf_counter() - began)
        timers.reset()
        began = time.perf_counter()
        review.review_queue(snapshot, day, by_tag)
        fresh.append(time.perf_counter() - began)
        fresh_share.append(timers.seconds["_share_items"])
    for _ in range(max(3, runs // 3)):  # as after s: the same snapshot, caches warm
        timers.reset()
        began = time.perf_counter()
        review.review_queue(snapshot, day, by_tag)
        same.append(time.perf_counter() - began)
        same_share.append(timers.seconds["_share_items"])
    timers.restore()
    return {
        "loaded": loaded, "first": first, "first_share": first_share, "items": len(queue),
        "kinds": kinds, "last_contact": last_contact, "shared": shared, "rebuild": rebuild,
        "fresh": fresh, "fresh_share": fresh_share, "same": same, "same_share": same_share,
    }  # fmt: skip


# 2. The app


def session_order(done: int, skips: int, snoozes: int) -> list[str]:
    """Interleaved like a session: d s d s z, again, then what is left of d and s."""
    left = {"d": done, "s": skips, "z": snoozes}
    order: list[str] = []
    while any(left.values()):
        for key in ("d", "s", "d", "s", "z"):
            if left[key]:
                left[key] -= 1
                order.append(key)
    return order


async def review_in_app(journal: Path, day: date, order: list[str]) -> dict[str, object]:
    from textual.widgets import Static

    import netjournal.core.review as review
    import netjournal.core.review_session as review_session
    from netjournal.core.snapshot import JournalSnapshot
    from netjournal.core.store import Store
    from netjournal.tui.app import NetjournalApp
    from netjournal.tui.screens.review import ReviewScreen
    from netjournal.tui.screens.snooze import SnoozeDialog
    from netjournal.tui.widgets.record_table import RecordTable

    updates: list[tuple[float, str, int]] = []  # (when, progress text, items left)
    original = ReviewScreen._progress

    def timed_progress(self: ReviewScreen) -> None:
        original(self)
        text = str(self.query_one("#progress", Static).content)
        updates.append((time.perf_counter(), text, len(self.session.items)))

    ReviewScreen._progress = timed_progress  # type: ignore[method-assign]
    timers = Timers()  # where an action's time goes
    timers.wrap(review_session, "review_queue")  # the screen's session calls it
    timers.wrap(review, "_share_items")
    timers.wrap(JournalSnapshot, "load", "JournalSnapshot.load")

    app = NetjournalApp(Store.open(journal), config=NO_CONFIG, day=lambda: day)
    results: list[dict[str, object]] = []
    try:
        async with app.run_test(size=(120, 40)) as pilot:
            began = time.perf_counter()
            while app.snapshot is None or app.index is None:
                if time.perf_counter() - began > 180:
                    raise SystemExit("the journal or the index did not load within 180 s")
                await pilot.pause(0.05)
            await app.workers.wait_for_complete()

            async def wait(condition, what: str) -> None:  # type: ignore[no-untyped-def]
                deadline = time.perf_counter() + KEY_TIMEOUT
                while not condition():
                    if time.perf_counter() > deadline:
                        raise SystemExit(f"{what}: the screen did not react in {KEY_TIMEOUT} s")
                    await pilot.pause(0.002)

            mark = len(updates)
            timers.reset()
            start = time.perf_counter()
            await pilot.press("4")
            await wait(lambda: len(updates) > mark and isinstance(app.screen, ReviewScreen)
                       and updates[-1][2] > 0, "4 (Review)")  # fmt: skip
            opened = updates[-1][0] - start
            opened_in = dict(timers.seconds)
            screen = app.screen
            assert isinstance(screen, ReviewScreen)
            table = screen.query_one("#list", RecordTable)
            total_at_open, progress_at_open = len(screen.session.seen), updates[-1][1]

            for key in order:
                item = screen._current()
                if item is None or item.kind != "outreach":
                    raise SystemExit(f"{key}: the current item is not outreach: {item!r}")
                done_before = dict(screen.session.counts)
                left_before = len(screen.session.items)
                mark = len(updates)
                await app.workers.wait_for_complete()  # the index update of the last save
                timers.reset()
                start = time.perf_counter()
                if key == "d":
                    await pilot.press("d")
                    want = done_before["done"] + 1
                    await wait(lambda want=want: screen.session.counts["done"] == want, "d")
                elif key == "s":
                    await pilot.press("s")
                    await wait(lambda m=mark, want=left_before - 1: len(updates) > m
                               and updates[-1][2] == want, "s")  # fmt: skip
                else:
                    await pilot.press("z")
                    await wait(lambda: isinstance(app.screen, SnoozeDialog), "z (dialog)")
                    dialog = time.perf_counter() - start
                    await pilot.press("+", "2", "d", "enter")
                    want = done_before["snoozed"] + 1
                    await wait(lambda want=want: screen.session.counts["snoozed"] == want
                               and app.screen is screen, "z +2d enter")  # fmt: skip
                if len(updates) <= mark:
                    raise SystemExit(f"{key}: the progress line was not updated")
                seconds = updates[-1][0] - start
                results.append({
                    "key": key, "seconds": seconds, "item": item.id, "left": updates[-1][2],
                    "progress": updates[-1][1], "dialog": dialog if key == "z" else None,
                    "inside": dict(timers.seconds), "calls": dict(timers.calls),
                })  # fmt: skip
                print(f"  {key} {seconds:7.3f} s  {updates[-1][1]}", flush=True)
                if table.current_key is None:
                    raise SystemExit("the queue is empty")
            await app.workers.wait_for_complete()
    finally:
        ReviewScreen._progress = original  # type: ignore[method-assign]
        timers.restore()
    return {"opened": opened, "opened_in": opened_in, "total_at_open": total_at_open,
            "progress_at_open": progress_at_open, "actions": results}  # fmt: skip


# 3. The CLI


def cli_times(journal: Path, day: date, runs: int) -> tuple[list[float], int]:
    script = Path(sys.executable).with_name("netjournal")
    command = [str(script)] if script.exists() else [sys.executable, "-m", "netjournal"]
    command += ["--dir", str(journal), "review", "--date", day.isoformat(), "--json"]
    out = subprocess.run(command, capture_output=True, check=True, env=child_env())  # pyc cache
    items = len(json.loads(out.stdout))
    times = []
    for _ in range(runs):
        began = time.perf_counter()
        subprocess.run(command, capture_output=True, check=True, env=child_env())
        times.append(time.perf_counter() - began)
    return times, items


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("journal", type=Path)
    parser.add_argument("--today", type=date.fromisoformat,
                        help="the review's day (default: the journal's latest record date)")  # fmt: skip
    parser.add_argument("--runs", type=int, default=15, help="core runs on a fresh snapshot")
    parser.add_argument("--cli-runs", type=int, default=7)
    parser.add_argument("--done", type=int, default=10, help="d presses in the app")
    parser.add_argument("--skips", type=int, default=10, help="s presses in the app")
    parser.add_argument("--snoozes", type=int, default=3, help="z +2d enter in the app")
    parser.add_argument("--keep", action="store_true", help="keep the scratch copy")
    parser.add_argument("--json", type=Path, metavar="FILE", help="save the numbers")
    args = parser.parse_args()
    journal = args.journal.resolve()
    check_journal(journal)
    day = args.today or latest_day(journal)
    order = session_order(args.done, args.skips, args.snoozes)

    with scratch_copy(journal, keep=args.keep) as copy:
        print(f"core: review_queue on {day} (1 + {args.runs} fresh snapshots) ...", flush=True)
        core = core_times(copy, day, args.runs)
        gc.collect()
        print(f"CLI review --json ({args.cli_runs} runs) ...", flush=True)
        cli, cli_items = cli_times(copy, day, args.cli_runs)
        print(f"app: 4, then {' '.join(order)} ...", flush=True)
        app = asyncio.run(review_in_app(copy, day, order))

    actions: list[dict] = app["actions"]  # type: ignore[assignment]
    by_key = {key: [a["seconds"] for a in actions if a["key"] == key] for key in "dsz"}
    session = actions[:10]
    session_keys = " ".join(a["key"] for a in session)
    session_total = sum(a["seconds"] for a in session)

    print()
    print(machine_line())
    kinds = ", ".join(f"{kind} {count}" for kind, count in core["kinds"].items())  # type: ignore[attr-defined]
    print(f"journal: {journal} (scratch copy); day {day}; queue: {core['items']} items ({kinds})")
    print(f"journal loaded in {core['loaded']:.2f} s; cached properties on a fresh snapshot: "
          f"last_contact {core['last_contact'] * 1000:.0f} ms, _shared {core['shared'] * 1000:.0f} ms")  # fmt: skip
    rows = [
        Row("core: review_queue, first call (caches cold)", [core["first"]], unit="s"),
        Row("  of which _share_items", [core["first_share"]], unit="s"),
        Row("core: review_queue, fresh snapshot (after a save)", core["fresh"], unit="s"),
        Row("  of which _share_items", core["fresh_share"], unit="s"),
        Row("core: review_queue, same snapshot (after s)", core["same"], unit="s"),
        Row("  of which _share_items", core["same_share"], unit="s"),
        Row("core: JournalSnapshot.load, warm store (worker)", core["rebuild"], unit="s"),
        Row("app: 4 opens Review, queue shown", [app["opened"]], unit="s"),
        Row("app: d done (save + new snapshot + queue)", by_key["d"], unit="s", p95_budget=1.0),
        Row("app: s skip for today", by_key["s"], unit="s", p95_budget=1.0),
        Row("app: z, +2d, enter (snooze saved)", by_key["z"], unit="s", p95_budget=1.0),
        Row(f"app: 10-item session ({session_keys}), total", [session_total], "s", 60),
        Row("CLI review --date DAY --json, whole process", cli, unit="s"),
    ]
    print_table("Daily review", rows)
    for key, name in (("d", "d"), ("s", "s"), ("z", "z")):
        if by_key[key]:
            print(f"{name}: max {max(by_key[key]):.3f} s over {len(by_key[key])}")
    print(f"10-item session: {session_total:.1f} s of machine time "
          f"({'under' if session_total < 60 else 'OVER'} a minute before any reading or typing)")  # fmt: skip
    print("where an app action's time went (median s): ")
    for key in "dsz":
        inside = [a["inside"] for a in actions if a["key"] == key]
        if inside:
            parts = ", ".join(
                f"{name} {statistics.median(i[name] for i in inside):.3f}"
                for name in ("review_queue", "_share_items", "JournalSnapshot.load")
            )
            print(f"  {key}: total {statistics.median(by_key[key]):.3f}; {parts}")
    zs = [a["dialog"] for a in actions if a["key"] == "z"]
    if zs:
        print(f"  z: the dialog opened after {statistics.median(zs):.3f} s (median)")
    print(f"CLI printed {cli_items} items; the app opened on {app['progress_at_open']!r}")
    if args.json:
        args.json.write_text(json.dumps({
            "machine": machine_line(), "journal": str(journal), "day": day.isoformat(),
            "queue": core["items"], "kinds": core["kinds"], "rows": [r.as_dict() for r in rows],
            "actions": [{k: v for k, v in a.items() if k != "calls"} for a in actions],
        }, indent=2))  # fmt: skip
    if any(row.verdict().startswith("FAIL") for row in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
