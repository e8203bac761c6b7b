"""Every key of the daily loop answers at once: areas, the People filter, ctrl+p, the log form,
and People on screen after start (issue 14's budgets, at 10,000 people + 100,000 notes).

In process and headless (`run_test`, 120x40), as bench_search.py does. A key is timed from
just before the press until the first frame that shows its answer is composed (the app's
`_display` is called with the frame: layout done, every visible line rendered; a headless
app then writes nothing). "People on screen after start" runs in fresh processes, from just
before the spawn to the first frame of People with rows.

    python benchmarks/bench_daily.py DIR                    # about 2 min
    python benchmarks/bench_daily.py DIR --compare OLDROOT  # OLDROOT/netjournal, side by side

`--compare` runs the same measurements on another copy of the code (e.g. `git archive HEAD
netjournal | tar -x -C /tmp/before`), alternating old and new processes, and prints both.
Only reads DIR (the app may rewrite `DIR/.cache/search-index`, as bench_search.py does).
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import statistics
import subprocess
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from benchutil import Row, check_journal, child_env, machine_line, p95, print_table

HERE = Path(__file__).resolve().parent
AREA_KEYS = {"1": "PeopleScreen", "2": "JournalScreen", "3": "OutreachScreen",
             "4": "ReviewScreen", "5": "NetworkScreen"}  # fmt: skip
# Placeholders an area shows while a worker works its numbers out (old and new wording).
PLACEHOLDERS = ("Working out", "Reading your network", "Loading")


def use_code(root: str | None) -> None:
    """Import netjournal from `root` (another copy of the code) instead of this checkout."""
    if root:
        sys.path.insert(0, str(Path(root).resolve()))
    import netjournal

    where = Path(netjournal.__file__).resolve().parent.parent
    if root and where != Path(root).resolve():
        sys.exit(f"netjournal came from {where}, not {root}")


# --- in process ---------------------------------------------------------------------------


def timed_app_class() -> type:
    """The app, with a hook on every composed frame: `probe(screen)` says whether the frame
    shows what the benchmark waits for; the first such frame's time is kept."""
    from netjournal.tui.app import NetjournalApp

    class Timed(NetjournalApp):  # type: ignore[misc, valid-type]
        probe: Callable[[Any], bool] | None = None
        drawn_at: float | None = None
        drawn_cpu = 0.0  # the event loop's CPU time (thread_time) at that frame
        # Every frame shown while `log_frames`: (time, loop CPU, the screen's class, filled).
        frames: list[tuple[float, float, str, bool]] = []
        log_frames = False

        def _display(self, screen: Any, renderable: Any) -> None:
            super()._display(screen, renderable)
            if renderable is None or self._batch_count:  # held back (delay_update): not shown
                return
            now, cpu = time.perf_counter(), time.thread_time()
            if self.log_frames:
                try:
                    done = filled(screen)
                except Exception:  # a screen half mounted
                    done = False
                # A frame that only repaints scroll bars (hover state) changes nothing shown.
                dirty = {type(w).__name__ for w in screen._dirty_widgets}
                if dirty != {"ScrollBar"}:
                    self.frames.append((now, cpu, type(screen).__name__, done))
            if self.probe is not None and self.drawn_at is None:
                try:
                    hit = self.probe(screen)
                except Exception:  # a screen half mounted: not this frame
                    hit = False
                if hit:
                    self.drawn_at, self.drawn_cpu = now, cpu

    return Timed


def read_only(journal: Path) -> Any:
    """The journal's Store, refusing every save: a key that went astray must not write."""
    from netjournal.core.store import Store

    class ReadOnly(Store):
        def _write(self, changes: Any) -> None:
            raise RuntimeError("the benchmark tried to save into the journal: stopped")

        def update_side(self, *args: Any, **kwargs: Any) -> Any:
            raise RuntimeError("the benchmark tried to write a side file: stopped")

    return ReadOnly.open(journal)


def list_rows(screen: Any) -> Sequence[Any]:
    """The list's rows as the table holds them: not copied, so that probing a frame makes no
    row the screen did not draw (a copy made all 40,000 of Journal's lazy rows, each frame)."""
    from netjournal.tui.widgets.record_table import RecordTable

    found = screen.query("#list").results(RecordTable)
    table = next(iter(found), None)
    return table.rows if table is not None else []


def shows_placeholder(screen: Any) -> bool:
    from textual.widgets import Static

    texts = [str(row.cells[0]) for row in list_rows(screen)[:3]]
    texts += [str(w.content) for w in screen.query(Static) if w.id in ("network-mix", "progress")]
    return any(p in t for t in texts for p in PLACEHOLDERS)


def filled(screen: Any) -> bool:
    """The area shows its numbers (no placeholder left)."""
    from textual.widgets import Static

    if type(screen).__name__ == "ReviewScreen":
        progress = next(iter(screen.query("#progress").results(Static)), None)
        return progress is not None and bool(str(progress.content)) and not shows_placeholder(
            screen
        )
    return bool(list_rows(screen)) and not shows_placeholder(screen)


async def in_process(journal: Path, rounds: int) -> dict[str, list[float]]:
    from textual.command import CommandList, CommandPalette
    from textual.widgets import Input, Static

    from netjournal.core.config import Config
    from netjournal.core.names import fold
    from netjournal.core.people_filter import filter_people

    app = timed_app_class()(read_only(journal), config=Config(Path("/nonexistent/config.toml")))
    out: dict[str, list[float]] = {}

    def keep(name: str, value: float) -> None:
        out.setdefault(name, []).append(value)

    async with app.run_test(size=(120, 40)) as pilot:

        async def timed(key: str, probe: Callable[[Any], bool], what: str, limit: float = 30) -> float:
            """Seconds from the key to the first frame `probe` accepts; its loop CPU is kept
            under `what` + " (loop CPU)"."""
            app.drawn_at, app.probe = None, probe
            cpu, began = time.thread_time(), time.perf_counter()
            await pilot.press(key)
            while app.drawn_at is None:
                if time.perf_counter() - began > limit:
                    raise SystemExit(f"{what}: nothing drawn within {limit} s")
                await asyncio.sleep(0.001)
            app.probe = None
            keep(f"{what} (loop CPU)", app.drawn_cpu - cpu)
            return app.drawn_at - began

        async def quiet() -> None:
            """Let workers (the index, an area's numbers) finish before the next key."""
            await app.workers.wait_for_complete()
            await pilot.pause(0.05)
            await app.workers.wait_for_complete()

        began = time.perf_counter()
        while app.snapshot is None or not getattr(app.snapshot, "complete", True):
            if time.perf_counter() - began > 120:
                raise SystemExit("the journal did not load within 120 s")
            await pilot.pause(0.05)
        await quiet()
        snapshot = app.snapshot
        people = sorted(snapshot.people.values(), key=lambda p: p.name.casefold())

        # Areas: 1-5 in turn, `rounds` times; every switch counts, first visits also apart.
        # "drawn": the last frame of the new area composed before it went quiet, or, if it
        # first shows placeholders ("working out…"), the last frame before its numbers came;
        # so a frame of old rows followed by a rebuild on the event loop counts the rebuild.
        print("  areas ...", flush=True)
        seen: set[str] = {"1"}
        for round_ in range(rounds):
            for key in ["2", "3", "4", "5", "1"] if round_ % 2 == 0 else ["5", "4", "3", "2", "1"]:
                name = AREA_KEYS[key]
                first = key not in seen
                seen.add(key)
                app.frames.clear()
                app.log_frames = True
                cpu, start = time.thread_time(), time.perf_counter()
                await pilot.press(key)
                while not any(n == name and done for _, _, n, done in app.frames):
                    if time.perf_counter() - start > 60:
                        raise SystemExit(f"area {key} did not fill in within 60 s")
                    await asyncio.sleep(0.001)
                while app.frames and app.frames[-1][0] > time.perf_counter() - 0.15:  # 150 ms quiet
                    await asyncio.sleep(0.005)
                app.log_frames = False
                mine = [(t, c, done) for t, c, n, done in app.frames if n == name]
                filled_at = next(t for t, _, done in mine if done)
                waiting = [(t, c) for t, c, done in mine if not done and t < filled_at]
                drawn, drawn_cpu = waiting[-1] if waiting else mine[-1][:2]
                label = "first" if first else "again"
                keep(f"area {key} {label}", drawn - start)
                keep(f"area {key} {label} filled", filled_at - start)
                # A first visit is a switch too ("from key to the new area drawn").
                keep("area switch", drawn - start)
                keep("area switch (loop CPU)", drawn_cpu - cpu)
                keep("area switch filled", filled_at - start)
                await quiet()

        # The People filter, key by key; after each phrase three backspaces widen it again.
        print("  People filter ...", flush=True)
        await pilot.press("1")
        await quiet()
        screen = app.screen
        box = screen.query_one("#filter", Input)
        person = people[len(people) // 3]
        kinds = sorted({p.kind for p in people})
        tag = next(t for p in people for t in p.tags if len(t) > 4)
        dept = next(p.department for p in people if p.department and " " not in p.department)
        org = next(p.org.split()[0] for p in people if p.org and len(p.org.split()[0]) > 4)
        phrases = [person.name.lower(), f"kind:{kinds[0]} {org.lower()}",
                   f"tag:{tag.lower()[:5]}", f"dept:{dept.lower()} {person.name.split()[0][:3]}"]  # fmt: skip
        await pilot.press("f")
        await pilot.pause()
        for _ in range(rounds // 2 or 1):
            for phrase in phrases:
                typed = [("space" if c == " " else c, phrase[: i + 1]) for i, c in enumerate(phrase)]
                typed += [("backspace", phrase[:-n]) for n in (1, 2, 3)]
                for key, query in typed:
                    expected = filter_people(snapshot.people.values(), query)
                    first_id = min(expected, key=lambda p: p.name.casefold()).id if expected else None

                    def shows(screen: Any, query: str = query, count: int = len(expected),
                              first_id: str | None = first_id) -> bool:  # fmt: skip
                        rows = list_rows(screen)
                        value = screen.query_one("#filter", Input).value
                        return (value == query and len(rows) == count
                                and (not rows or rows[0].key == first_id))  # fmt: skip

                    keep("filter keystroke", await timed(key, shows, "filter keystroke"))
                if box.value != phrase[:-3]:
                    raise SystemExit(f"typed {phrase!r} but the filter holds {box.value!r}")
                box.value = ""
                await quiet()
        screen.query_one("#list").focus()
        await quiet()

        # ctrl+p: the palette, a person's name typed, enter shows them in People; then `l`.
        print("  ctrl+p and the log form ...", flush=True)
        picks = [people[(i * 997) % len(people)] for i in range(rounds)]
        for n, person in enumerate(picks):
            start_key = "2" if n % 2 else "1"  # from another area, the palette switches
            await pilot.press(start_key)
            await quiet()

            def palette(screen: Any) -> bool:
                return isinstance(screen, CommandPalette)

            keep("ctrl+p: palette open", await timed("ctrl+p", palette, "ctrl+p: palette open"))
            await quiet()
            typed_name = person.name
            for i, char in enumerate(typed_name):
                key = "space" if char == " " else char
                if not (key == "space" or char.isalnum()):
                    continue
                so_far = typed_name[: i + 1]

                def hits(screen: Any, so_far: str = so_far) -> bool:
                    # The hits for this query, not the last one's: the top hit holds each word.
                    if not isinstance(screen, CommandPalette):
                        return False
                    if screen.query_one(Input).value != so_far:
                        return False
                    found = screen.query_one(CommandList)
                    if not found.option_count:
                        return False
                    top = fold(str(found.get_option_at_index(0).prompt))
                    return all(word in top for word in fold(so_far).split())

                keep("ctrl+p: keystroke, hits shown",
                     await timed(key, hits, "ctrl+p: keystroke, hits shown"))  # fmt: skip
            await quiet()
            await pilot.pause(0.2)  # every provider's hits are in
            hit_list = app.screen.query_one(CommandList)
            top = str(hit_list.get_option_at_index(hit_list.highlighted or 0).prompt)
            if person.name not in top:
                raise SystemExit(f"ctrl+p {person.name!r}: the top hit is {top!r}")

            def shown(screen: Any, person: Any = person) -> bool:
                if type(screen).__name__ != "PeopleScreen":
                    return False
                table = screen.query_one("#list")
                detail = str(screen.query_one("#detail", Static).content)
                return table.current_key == person.id and person.name in detail

            keep("ctrl+p: enter, person shown",
                 await timed("enter", shown, "ctrl+p: enter, person shown"))  # fmt: skip
            await quiet()

            def form(screen: Any) -> bool:
                return type(screen).__name__ == "LogForm" and bool(screen.query("#field-summary"))

            keep("l: log form open", await timed("l", form, "l: log form open"))
            await quiet()

            def back(screen: Any) -> bool:
                return type(screen).__name__ == "PeopleScreen"

            keep("escape: log form closed", await timed("escape", back, "escape: log form closed"))
            await quiet()
    return out


# --- People on screen after start (fresh processes) -----------------------------------------

STARTUP_CHILD = r"""
import sys, time, json
start = float(sys.argv[1])
if sys.argv[3]:
    sys.path.insert(0, sys.argv[3])
from pathlib import Path
from netjournal.core.config import Config
from netjournal.core.store import Store
from netjournal.tui.app import NetjournalApp

class Timed(NetjournalApp):
    people_at = None
    loaded_at = None
    def _display(self, screen, renderable):
        super()._display(screen, renderable)
        if renderable is not None and self.people_at is None:
            if type(screen).__name__ == "PeopleScreen" and screen.query_one("#list").rows:
                self.people_at, self.people_cpu = time.time() - start, time.process_time()
    def watch_snapshot(self, snapshot) -> None:
        if snapshot is not None and self.loaded_at is None and getattr(snapshot, "complete", True):
            self.loaded_at, self.loaded_cpu = time.time() - start, time.process_time()
        super().watch_snapshot(snapshot)
    def on_ready(self) -> None:
        self.set_interval(0.005, self._check)
    def _check(self) -> None:
        if self.people_at is not None and self.loaded_at is not None:
            print(json.dumps({"people": self.people_at, "loaded": self.loaded_at,
                              "people_cpu": self.people_cpu, "loaded_cpu": self.loaded_cpu}),
                  flush=True)
            self.exit()

Timed(Store.open(Path(sys.argv[2])), config=Config(Path("/nonexistent/config.toml"))).run(
    headless=True, size=(120, 40))
"""


def startup(journal: Path, runs: int, code: str) -> dict[str, list[float]]:
    out: dict[str, list[float]] = {"people on screen after start": [], "whole journal loaded": [],
                                   "people on screen (process CPU)": [],
                                   "whole journal loaded (process CPU)": []}  # fmt: skip
    for _ in range(runs):
        start = time.time()
        done = subprocess.run(
            [sys.executable, "-c", STARTUP_CHILD, repr(start), str(journal), code],
            capture_output=True, text=True, check=True, timeout=120, env=child_env(),
        )  # fmt: skip
        result = json.loads(done.stdout.strip().splitlines()[-1])
        out["people on screen after start"].append(result["people"])
        out["whole journal loaded"].append(result["loaded"])
        out["people on screen (process CPU)"].append(result["people_cpu"])
        out["whole journal loaded (process CPU)"].append(result["loaded_cpu"])
    return out


# --- the table --------------------------------------------------------------------------------

BUDGETS = {  # name -> (unit, p95 budget or None); "(loop CPU)": the event loop's CPU time
    "area switch": ("ms", 100),
    "area switch (loop CPU)": ("ms", None),
    "area switch filled": ("ms", None),
    "filter keystroke": ("ms", 30),
    "filter keystroke (loop CPU)": ("ms", None),
    "ctrl+p: palette open": ("ms", None),
    "ctrl+p: keystroke, hits shown": ("ms", None),
    "ctrl+p: enter, person shown": ("ms", 100),
    "ctrl+p: enter, person shown (loop CPU)": ("ms", None),
    "l: log form open": ("ms", 100),
    "l: log form open (loop CPU)": ("ms", None),
    "escape: log form closed": ("ms", None),
    "people on screen after start": ("s", None),
    "people on screen (process CPU)": ("s", None),
    "whole journal loaded": ("s", None),
    "whole journal loaded (process CPU)": ("s", None),
}
STARTUP_BUDGET = 1.0  # s, median and p95: people on screen after start


def rows_of(values: dict[str, list[float]]) -> list[Row]:
    rows = []
    for name, (unit, budget) in BUDGETS.items():
        if name not in values:
            continue
        if name == "people on screen after start":
            rows.append(Row(name, values[name], unit="s", median_budget=STARTUP_BUDGET,
                            p95_budget=STARTUP_BUDGET))  # fmt: skip
        else:
            rows.append(Row(name, values[name], unit=unit, p95_budget=budget))
    for key in sorted(values):  # per area, for information
        if key.startswith("area ") and key not in BUDGETS:
            rows.append(Row("  " + key, values[key], unit="ms"))
    return rows


def run_child(journal: Path, code: str, rounds: int, startup_runs: int) -> dict[str, list[float]]:
    command = [sys.executable, str(Path(__file__).resolve()), str(journal), "--child",
               "--rounds", str(rounds), "--startup-runs", str(startup_runs)]  # fmt: skip
    if code:
        command += ["--code", code]
    done = subprocess.run(command, capture_output=True, text=True, env=child_env(), check=False)
    sys.stderr.write(done.stderr[-3000:] if done.returncode else "")
    if done.returncode:
        sys.exit(f"the measuring process failed ({done.returncode}): {done.stdout[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def merge(into: dict[str, list[float]], more: dict[str, list[float]]) -> None:
    for key, values in more.items():
        into.setdefault(key, []).extend(values)


def side_by_side(old: dict[str, list[float]], new: dict[str, list[float]]) -> None:
    print("\nBefore (--compare) and after, side by side (median / p95)")
    for row_old, row_new in zip(rows_of(old), rows_of(new), strict=False):
        unit = row_new.unit

        def cell(row: Row, unit: str = unit) -> str:
            scale = 1000 if unit == "ms" else 1
            m, p = statistics.median(row.values) * scale, p95(row.values) * scale
            return f"{m:8.1f} / {p:8.1f} {unit}" if unit == "ms" else f"{m:6.3f} / {p:6.3f} s"

        budget = row_new.budget_text()
        print(f"  {row_new.what:<34} {cell(row_old):>24}  ->  {cell(row_new):>24}  {budget}")


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("journal", type=Path)
    parser.add_argument("--rounds", type=int, default=6, help="rounds of 1-5, palette opens")
    parser.add_argument("--startup-runs", type=int, default=8, help="fresh processes")
    parser.add_argument("--compare", metavar="OLDROOT", help="a folder holding older netjournal/")
    parser.add_argument("--repeat", type=int, default=1, help="processes per side (alternated)")
    parser.add_argument("--json", type=Path, help="save the numbers here")
    parser.add_argument("--code", default="", help=argparse.SUPPRESS)
    parser.add_argument("--child", action="store_true", help=argparse.SUPPRESS)
    args = parser.parse_args()
    journal = args.journal.resolve()
    check_journal(journal)

    if args.child:  # measure, print the values as JSON
        use_code(args.code)
        values = asyncio.run(in_process(journal, args.rounds))
        values.update(startup(journal, args.startup_runs, args.code))
        print(json.dumps(values))
        return

    new: dict[str, list[float]] = {}
    old: dict[str, list[float]] = {}
    for n in range(args.repeat):
        if args.compare:
            print(f"measuring the code in {args.compare} ({n + 1}/{args.repeat}) ...", flush=True)
            merge(old, run_child(journal, str(Path(args.compare).resolve()), args.rounds,
                                 args.startup_runs))  # fmt: skip
        print(f"measuring this checkout ({n + 1}/{args.repeat}) ...", flush=True)
        merge(new, run_child(journal, "", args.rounds, args.startup_runs))

    print(machine_line() + f"; load average {', '.join(f'{x:.1f}' for x in os.getloadavg())}")
    print(f"journal: {journal}")
    if old:
        print_table(f"Before: the code in {args.compare}", rows_of(old))
    rows = rows_of(new)
    print_table("Every key answers at once (this checkout)", rows)
    if old:
        side_by_side(old, new)
    if args.json:
        args.json.write_text(json.dumps({"old": old, "new": new}, indent=1))
    if any(row.verdict().startswith("FAIL") for row in rows):
        sys.exit(1)


if __name__ == "__main__":
    main()
