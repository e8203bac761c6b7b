"""Importing a 10,000-card vCard file (budget: <= 10 s, with progress, one save).

    python benchmarks/bench_import.py [--cards 10000] [--runs 5] [--seed 7] [--keep FILE]
                                      [--app | --app-only] [--app-runs 3]

Generates a realistic .vcf (vCard 3.0 from Apple with `item1.` grouped emails and
X-ABLabel, folded NOTE lines, escaped commas, ORG with a department; one card in five vCard
2.1 from Android with quoted-printable UTF-8 and soft line breaks; one in twenty with a small
PHOTO; one in fifty a second card for someone already in the file), then imports it into a new temporary journal, `--runs` times, each in a new journal:
the whole `import_file` (read, parse, compare, one save), with its parts timed. Then a
re-import of the same file into the full journal (everyone already there: nothing written),
peak memory (tracemalloc, in a run of its own) and the whole `netjournal import` process.

With `--app` (or `--app-only`), also through the app, in process and headless
(`run_test(size=(120, 40))`), `--app-runs` times: on a new empty journal, open the import
screen, paste the file's path, enter (the dry run, read in a worker with a progress bar),
enter again (the import: `app.save`, one save, then the snapshot reloaded); then a second app
on the same journal re-imports the file (everyone is already there: nothing to import).
Timed from just before each enter until the screen shows its report; the ProgressBar's
progress changes and the saves (`Store._write`) are counted; a `set_interval(0.05)` probe
records how late each tick comes (the gap since the previous one, minus 50 ms), during the
import and afterwards until the workers (the search index) are idle. Spans around what runs
on the event loop (`call_from_thread` callbacks, the snapshot's watchers, the People rows,
Textual's layout and frames, gc) say where the loop went when a tick came late.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import functools
import gc
import quopri
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import tracemalloc
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import Row, Timers, machine_line, p95, print_table

from netjournal.core import store as store_module
from netjournal.core.store import Store
from netjournal.formats import importing, vcard_import
from netjournal.formats.incoming import Parsed

BUDGET_S = 10.0
DUPLICATES = 0.02
FIRST = ["Anna", "Jürgen", "Søren", "Chinedu", "Priya", "Wei", "Aiko", "Marie-Claire", "Tomás",
         "Oluwaseun", "Grace", "Łukasz", "Zoë", "Ingrid", "Farid", "Amara", "Dmitri", "Carmen",
         "Hannah", "Kwame", "Sofia", "Luca", "Ana", "Bob", "Helena", "Nguyễn", "François"]  # fmt: skip
LAST = ["Müller", "Okafor", "Raman", "Chen", "Tanaka", "Dubois", "Ibarra", "Adeyemi", "O'Neill",
        "Nowak", "Larsen", "Haddad", "Nwosu", "Volkov", "Díaz", "Schmidt", "Mensah", "Lindqvist",
        "Bianchi", "Souza", "van den Berg", "Ó Súilleabháin", "Kowalski", "Petrova"]  # fmt: skip
ORGS = ["Northwind Logistics", "Contoso Ltd, Nordic", "Fabrikam GmbH", "Tailspin Toys, Inc.",
        "Woodgrove Bank", "Litware Scanners", "Proseware", "Adventure Works", "TU Logistics Lab"]  # fmt: skip
DEPARTMENTS = ["Warehouse Automation", "Legal", "Procurement", "Risk", "Treasury", "Sales", "R&D"]
TITLES = ["Automation Engineer", "General Counsel", "Procurement Lead", "Director, Supply Chain",
          "VP Engineering", "Industry Reporter", "Head of Developer Relations"]  # fmt: skip
NOTES = ["Met at LogiMAT booth 4B. Into robotics, sailing and sourdough. Wants introductions "
         "to the data team; asked about pallet robots, leasing and the WMS integration.",
         "Spricht gern über Lieferketten und Radsport. Sucht Kontakte in der Beschaffung.",
         "Second source for scanners; prefers email; knows everyone at the CSRD working group."]  # fmt: skip
PHOTO = base64.b64encode(random.Random(1).randbytes(1500)).decode()


def fold_line(line: str) -> str:
    """RFC 6350 folding: 75 characters, continuation lines start with a space."""
    parts = [line[:75]] + [" " + line[i : i + 74] for i in range(75, len(line), 74)]
    return "\r\n".join(parts)


def person_name(number: int) -> tuple[str, str]:
    """A different name for each number below 27 * 26 * 24 = 16,848 (a middle initial helps)."""
    first = FIRST[number % len(FIRST)]
    initial = chr(ord("A") + (number // len(FIRST)) % 26)
    last = LAST[(number // (len(FIRST) * 26)) % len(LAST)]
    return f"{first} {initial}.", last


def apple_card(rng: random.Random, number: int) -> str:
    first, last = person_name(number)
    org = rng.choice(ORGS).replace(",", "\\,")
    title = rng.choice(TITLES).replace(",", "\\,")
    lines = [
        "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//macOS 15.1//EN",
        f"N:{last};{first};;;", f"FN:{first} {last}",
        f"ORG:{org};{rng.choice(DEPARTMENTS)}", f"TITLE:{title}",
        f"item1.EMAIL;type=INTERNET;type=pref:{first[0].lower()}.{number}@example.com",
        "item1.X-ABLabel:_$!<Other>!$_",
        f"TEL;type=CELL;type=VOICE;type=pref:+44 7700 {number:06d}",
        fold_line("NOTE:" + rng.choice(NOTES).replace(",", "\\,").replace(";", "\\;")),
        "CATEGORIES:robotics,logistics",
    ]  # fmt: skip
    if rng.random() < 0.05:
        lines.append(fold_line(f"PHOTO;ENCODING=b;TYPE=JPEG:{PHOTO}"))
    return "\r\n".join([*lines, "END:VCARD"]) + "\r\n"


def android_card(rng: random.Random, number: int) -> str:
    first, last = person_name(number)

    def qp(text: str) -> str:  # quoted-printable with soft line breaks every 60 or so
        encoded = quopri.encodestring(text.encode(), quotetabs=False).decode()
        return encoded.replace("=\n", "=\r\n")

    return "\r\n".join([
        "BEGIN:VCARD", "VERSION:2.1",
        f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(last)};{qp(first)};;;",
        f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(f'{first} {last}')}",
        f"ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(rng.choice(ORGS).replace(',', ''))}",
        f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(rng.choice(NOTES))}",
        f"TEL;CELL:+49 151 {number:08d}",
        f"EMAIL;HOME:{first[0].lower()}.{number}@example.net",
        "END:VCARD",
    ]) + "\r\n"  # fmt: skip


def generate(path: Path, cards: int, seed: int) -> None:
    """`cards` cards; one in fifty is someone met before (a second card, the same email)."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        for number in range(cards):
            person = rng.randrange(number) if number and rng.random() < DUPLICATES else number
            make = android_card if person % 5 == 0 else apple_card
            handle.write(make(rng, person))


def one_import(vcf: Path, folder: Path) -> tuple[float, int]:
    """Seconds for the whole import into `folder`, and the people created."""
    calls: list[int] = []
    began = time.perf_counter()
    report = importing.import_file(Store.open(folder), "vcard", vcf,
                                   progress=lambda done, total: calls.append(done))  # fmt: skip
    seconds = time.perf_counter() - began
    assert len(calls) > 10 and calls[-1] == cards_in(vcf), "progress was not reported"
    return seconds, len(report.created)


def cards_in(vcf: Path) -> int:
    return vcf.read_bytes().count(b"BEGIN:VCARD")


# In the app: the import screen, headless (`--app`).

TICK_S = 0.05  # the responsiveness probe: a `set_interval` callback every 50 ms
LATE_P95_S, LATE_MAX_S = 0.100, 0.250  # how late a tick may be: p95 and max
GAP_SHOWN_S = 0.040  # late ticks listed with what ran meanwhile
PREVIEWED = ("Press enter to import", "Nothing to import")
DONE = " closes."  # "enter or esc closes." (the key as Textual shows it; was "escape")


class Spans:
    """When wrapped functions ran, and on which thread: the event loop's or a worker's."""

    def __init__(self) -> None:
        self.spans: list[tuple[str, bool, float, float]] = []  # label, on the loop, start, end
        self.gc: list[tuple[bool, float, float]] = []  # collections: on the loop, start, end
        self._undo: list[Callable[[], None]] = []
        self._gc_began = 0.0
        self.loop_thread = threading.main_thread().ident  # run_test runs the loop here

    def wrap(self, owner: object, attribute: str, label: str) -> None:
        original = (
            owner.__dict__[attribute] if isinstance(owner, type) else getattr(owner, attribute)
        )
        is_static = isinstance(original, (staticmethod, classmethod))
        function = original.__func__ if is_static else original
        spans, clock, loop = self.spans, time.perf_counter, self.loop_thread

        @functools.wraps(function)
        def timed(*args: object, **kwargs: object) -> object:
            began = clock()
            try:
                return function(*args, **kwargs)
            finally:
                spans.append((label, threading.get_ident() == loop, began, clock()))

        if isinstance(original, classmethod):
            setattr(owner, attribute, classmethod(timed))
        elif isinstance(original, staticmethod):
            setattr(owner, attribute, staticmethod(timed))
        else:
            setattr(owner, attribute, timed)
        self._undo.append(lambda: setattr(owner, attribute, original))

    def wrap_thread_callbacks(self) -> None:
        """Time each `call_from_thread` callback where it runs: on the event loop."""
        from textual.app import App

        original = App.call_from_thread
        spans, clock = self.spans, time.perf_counter

        def name_of(callback: Callable[..., object], args: tuple[object, ...]) -> str:
            if callback is setattr:
                return f"setattr(app, {args[1]!r})"
            return getattr(callback, "__qualname__", repr(callback))

        def call_from_thread(app: App, callback: Callable[..., object], *args: object,
                             **kwargs: object) -> object:  # fmt: skip
            label = f"call_from_thread: {name_of(callback, args)}"

            def timed() -> object:
                began = clock()
                try:
                    return callback(*args, **kwargs)
                finally:
                    spans.append((label, True, began, clock()))

            return original(app, timed)

        App.call_from_thread = call_from_thread  # type: ignore[method-assign]
        self._undo.append(lambda: setattr(App, "call_from_thread", original))

        def collected(phase: str, info: dict[str, int]) -> None:
            if phase == "start":
                self._gc_began = clock()
            else:
                self.gc.append((threading.get_ident() == self.loop_thread, self._gc_began, clock()))

        gc.callbacks.append(collected)
        self._undo.append(lambda: gc.callbacks.remove(collected))

    def clear(self) -> None:
        self.spans.clear()
        self.gc.clear()

    def restore(self) -> None:
        while self._undo:
            self._undo.pop()()

    def summary(self, start: float, end: float, loop: bool) -> list[tuple[str, float, int, float]]:
        """(label, seconds in the window, calls, longest call), most time first."""
        found: dict[str, list[float]] = {}
        for label, on_loop, began, ended in self.spans:
            if on_loop == loop and ended > start and began < end:
                found.setdefault(label, []).append(min(ended, end) - max(began, start))
        for on_loop, began, ended in self.gc:
            if on_loop == loop and ended > start and began < end:
                found.setdefault("gc collection", []).append(ended - began)
        rows = [(label, sum(v), len(v), max(v)) for label, v in found.items()]
        return sorted(rows, key=lambda row: -row[1])


@dataclass
class AppRun:
    journal: str  # "empty" or "full" (a re-import: everyone already there)
    preview: float  # first enter -> the dry-run report shown
    importing: float | None  # second enter -> "enter or escape closes." (None: nothing to do)
    total: float  # first enter -> done (includes <= 20 ms of polling between the two)
    progress_changes: int  # the ProgressBar's `progress` changed, during the preview
    progress_calls: int  # ImportScreen._progress calls from the reading worker
    saves: int  # Store._write calls between the second enter and done
    batches: int
    people: int  # people in app.snapshot afterwards
    ticks: list[float]  # tick times, from before the first enter until the workers are idle
    marks: dict[str, float] = field(default_factory=dict)  # enter1, previewed, enter2, done, idle

    def lateness(self, start: str, end: str) -> list[float]:
        """How late each tick came in the window: the gap since the previous tick, minus 50 ms."""
        began, ended = self.marks[start], self.marks[end]
        inside = [i for i, t in enumerate(self.ticks) if began < t <= ended and i > 0]
        return [max(0.0, self.ticks[i] - self.ticks[i - 1] - TICK_S) for i in inside]

    def late_gaps(self, start: str, end: str, over: float) -> list[tuple[float, float]]:
        began, ended = self.marks[start], self.marks[end]
        return [(self.ticks[i - 1], self.ticks[i]) for i in range(1, len(self.ticks))
                if began < self.ticks[i] <= ended
                and self.ticks[i] - self.ticks[i - 1] - TICK_S > over]  # fmt: skip


def instrument() -> Spans:
    """Spans around what the import runs on the event loop and in its workers."""
    from textual.app import App
    from textual.screen import Screen

    from netjournal.core import search_index
    from netjournal.core.snapshot import JournalSnapshot
    from netjournal.formats.report import ImportReport
    from netjournal.tui import app as app_module
    from netjournal.tui import index_at_start
    from netjournal.tui.screens import import_screen
    from netjournal.tui.screens.area import AreaScreen
    from netjournal.tui.screens.people import PeopleScreen
    from netjournal.tui.widgets.record_table import RecordTable

    spans = Spans()
    spans.wrap_thread_callbacks()
    on_loop = [
        (
            app_module.NetjournalApp,
            "watch_snapshot",
            "app.watch_snapshot (starts the index worker)",
        ),
        (AreaScreen, "_snapshot_changed", "AreaScreen._snapshot_changed (People rows rebuilt)"),
        (PeopleScreen, "rows", "  PeopleScreen.rows (filter, sort, a Row each)"),
        (RecordTable, "set_rows", "  RecordTable.set_rows"),
        (AreaScreen, "show_detail", "  AreaScreen.show_detail"),
        (import_screen.ImportScreen, "_previewed", "ImportScreen._previewed"),
        (import_screen.ImportScreen, "_report", "ImportScreen._report"),
        (ImportReport, "lines", "ImportReport.lines"),
        (App, "notify", "App.notify"),
        (Screen, "_refresh_layout", "Textual Screen._refresh_layout"),
        (Screen, "_compositor_refresh", "Textual Screen._compositor_refresh (a frame)"),
    ]
    in_workers = [
        (import_screen, "read_file", "read_file (reading worker)"),
        (import_screen, "apply_import", "apply_import (dry run, or the save's change)"),
        (JournalSnapshot, "load", "JournalSnapshot.load"),
        (app_module, "open_index", "open_index"),
        (app_module, "rebuild_index", "rebuild_index"),
        (index_at_start, "open_cached", "open_cached (the index at start)"),
        (search_index.LiveIndex, "sync", "LiveIndex.sync (what a save changed)"),
        (search_index.LiveIndex, "update", "LiveIndex.update (a cache without shards)"),
        (store_module.Store, "_write", "Store._write (a save)"),
        (store_module.Store, "batch", "Store.batch"),
    ]
    for owner, attribute, label in [*on_loop, *in_workers]:
        spans.wrap(owner, attribute, label)
    return spans


async def app_import(vcf: Path, folder: Path, journal: str, spans: Spans) -> AppRun:
    """Import `vcf` into the journal at `folder` through the import screen, in the app."""
    from textual.events import Paste
    from textual.widgets import ProgressBar, Static

    from netjournal.core.config import Config
    from netjournal.tui.app import NetjournalApp
    from netjournal.tui.screens.import_screen import ImportScreen

    reports: list[tuple[float, str]] = []
    original_report = ImportScreen._report

    def report(self: ImportScreen, text: str) -> None:
        original_report(self, text)
        reports.append((time.perf_counter(), text))

    ImportScreen._report = report  # type: ignore[method-assign]
    progress_calls = [0]
    original_progress = ImportScreen._progress

    def progress(self: ImportScreen, done: int, total: int) -> None:
        progress_calls[0] += 1
        original_progress(self, done, total)

    ImportScreen._progress = progress  # type: ignore[method-assign]
    app = NetjournalApp(Store.open(folder), config=Config(Path("/nonexistent/config.toml")))
    ticks: list[float] = []
    changes: list[float] = []
    marks: dict[str, float] = {}

    async def wait(pilot: object, predicate: Callable[[], object], what: str,
                   timeout: float = 120.0) -> None:  # fmt: skip
        deadline = time.perf_counter() + timeout
        while not predicate():
            if time.perf_counter() > deadline:
                raise SystemExit(f"timed out after {timeout:.0f} s waiting for {what}")
            await pilot.pause(0.02)  # type: ignore[attr-defined]

    def shown(markers: tuple[str, ...], since: float) -> float | None:
        for when, text in reports:
            if when >= since and any(m in text for m in markers):
                return when
        return None

    try:
        async with app.run_test(size=(120, 40)) as pilot:
            await wait(pilot, lambda: app.snapshot is not None, "the journal to load")
            await app.workers.wait_for_complete()  # the search index loaded or built
            await pilot.pause()
            app.action_import_file()
            await wait(pilot, lambda: isinstance(app.screen, ImportScreen), "the import screen")
            await pilot.pause()
            screen = app.screen
            bar = screen.query_one("#import-bar", ProgressBar)
            screen.watch(bar, "progress", lambda _: changes.append(time.perf_counter()),
                         init=False)  # fmt: skip
            app.post_message(Paste(str(vcf)))  # as the terminal does; the app forwards it
            await wait(pilot, lambda: "Looks like" in str(
                screen.query_one("#import-format", Static).content), "the format guessed")  # fmt: skip
            await app.workers.wait_for_complete()
            timer = app.set_interval(TICK_S, lambda: ticks.append(time.perf_counter()))
            await pilot.pause(0.3)  # a few ticks before: the probe's own rhythm
            spans.clear()
            changes.clear()
            marks["enter1"] = time.perf_counter()
            await pilot.press("enter")
            await wait(pilot, lambda: shown(PREVIEWED, marks["enter1"]), "the dry-run report")
            marks["previewed"] = shown(PREVIEWED, marks["enter1"]) or 0.0
            progress_changes = len(changes)
            nothing = "Nothing to import" in reports[-1][1]
            if nothing:  # everyone is already there: the screen offers no second step
                marks["enter2"] = marks["done"] = marks["previewed"]
            else:
                marks["enter2"] = time.perf_counter()
                await pilot.press("enter")
                await wait(pilot, lambda: shown((DONE,), marks["enter2"]), "the import to finish")
                marks["done"] = shown((DONE,), marks["enter2"]) or 0.0
            await app.workers.wait_for_complete()  # the search index catching up
            await pilot.pause()
            marks["idle"] = time.perf_counter()
            await pilot.pause(0.2)
            timer.stop()
            writes = [s for s in spans.spans
                      if s[0].startswith("Store._write") and s[2] >= marks["enter2"]]  # fmt: skip
            batches = [s for s in spans.spans
                       if s[0] == "Store.batch" and s[2] >= marks["enter2"]]  # fmt: skip
            people = len(app.snapshot.people) if app.snapshot else 0
    finally:
        ImportScreen._report = original_report  # type: ignore[method-assign]
        ImportScreen._progress = original_progress  # type: ignore[method-assign]
    return AppRun(
        journal=journal,
        preview=marks["previewed"] - marks["enter1"],
        importing=None if nothing else marks["done"] - marks["enter2"],
        total=marks["done"] - marks["enter1"],
        progress_changes=progress_changes,
        progress_calls=progress_calls[0],
        saves=len(writes),
        batches=len(batches),
        people=people,
        ticks=ticks,
        marks=marks,
    )


def print_where(spans: Spans, run: AppRun, start: str, end: str, title: str) -> None:
    began, ended = run.marks[start], run.marks[end]
    print(f"\n{title} ({ended - began:.2f} s; {run.journal} journal, last run)")
    for loop, heading in ((True, "on the event loop"), (False, "in worker threads")):
        print(f"  {heading}:")
        for label, seconds, calls, longest in spans.summary(began, ended, loop)[:14]:
            print(f"    {label:58} {seconds * 1000:8.1f} ms {calls:6,} calls, "
                  f"longest {longest * 1000:6.1f} ms")  # fmt: skip


def print_gaps(spans: Spans, run: AppRun, start: str, end: str, over: float) -> None:
    """The late ticks, and what ran on the loop (and in workers) while the loop was away."""
    began = run.marks["enter1"]
    for gap_start, gap_end in run.late_gaps(start, end, over)[:8]:
        late = (gap_end - gap_start - TICK_S) * 1000
        busy = spans.summary(gap_start, gap_end, True)[:4]
        workers = [label for label, *_ in spans.summary(gap_start, gap_end, False)]
        said = ", ".join(f"{label.strip()} {s * 1000:.0f} ms" for label, s, _, _ in busy)
        print(f"    a tick {late:.0f} ms late at +{gap_end - began:.2f} s: on the loop "
              f"{said or 'nothing wrapped'}; workers: {', '.join(workers) or 'none'}")  # fmt: skip


def bench_app(vcf: Path, scratch: Path, cards: int, runs: int) -> list[Row]:
    """Import through the app's import screen: empty journal, then re-import into it."""
    spans = instrument()
    results: dict[str, list[AppRun]] = {"empty": [], "full": []}
    try:
        for run in range(runs):
            folder = scratch / f"journal-app-{run}"
            for journal in ("empty", "full"):
                done = asyncio.run(app_import(vcf, folder, journal, spans))
                results[journal].append(done)
                late = done.lateness("enter1", "done")
                after = done.lateness("done", "idle")
                imported = "-" if done.importing is None else f"{done.importing:.2f} s"
                print(f"app run {run + 1}, {journal} journal: preview {done.preview:.2f} s, "
                      f"import {imported}, total {done.total:.2f} s; "
                      f"progress changed {done.progress_changes}x; {done.saves} save(s); "
                      f"{done.people:,} people; ticks late max {max(late) * 1000:.0f} ms, "
                      f"p95 {p95(late) * 1000:.0f} ms; after (index) max "
                      f"{max(after or [0.0]) * 1000:.0f} ms")  # fmt: skip
                print_gaps(spans, done, "enter1", "idle", GAP_SHOWN_S)
                if journal == "empty":
                    assert done.saves == 1 and done.batches == 1, "an import must be one save"
                    assert done.progress_changes > 10, "the progress bar did not move"
                else:
                    assert done.saves == 0, "a re-import where everyone is there writes nothing"
                if run == runs - 1:
                    print_where(spans, done, "enter1", "done", "Where the import's time went")
                    if done.marks["idle"] - done.marks["done"] > 0.1:
                        print_where(spans, done, "done", "idle",
                                    "After it: until the workers are idle (the search index)")  # fmt: skip
    finally:
        spans.restore()

    def all_late(journal: str, start: str, end: str) -> list[float]:
        return [late for done in results[journal] for late in done.lateness(start, end)]

    empty, full = results["empty"], results["full"]
    rows = [
        Row(f"app: {cards:,} cards, enter -> dry-run report", [r.preview for r in empty], "s"),
        Row(
            "app: enter again -> imported (1 save, snapshot reloaded)",
            [r.importing or 0.0 for r in empty],
            "s",
        ),
        Row(
            "app: both steps, first enter -> done",
            [r.total for r in empty],
            "s",
            BUDGET_S,
            BUDGET_S,
        ),
        Row(
            "app: tick lateness during the import (p95)",
            all_late("empty", "enter1", "done"),
            "ms",
            None,
            LATE_P95_S * 1000,
        ),
        Row(
            "app: tick lateness during the import (max)",
            all_late("empty", "enter1", "done"),
            "ms",
            LATE_MAX_S * 1000,
            peak=True,
        ),
        Row(
            "app: after it, index catching up (p95)",
            all_late("empty", "done", "idle"),
            "ms",
            None,
            LATE_P95_S * 1000,
        ),
        Row(
            "app: after it, index catching up (max)",
            all_late("empty", "done", "idle"),
            "ms",
            LATE_MAX_S * 1000,
            peak=True,
        ),
        Row(
            "app: re-import into the full journal, enter -> report",
            [r.preview for r in full],
            "s",
            BUDGET_S,
            BUDGET_S,
        ),
        Row(
            "app: re-import, tick lateness (p95)",
            all_late("full", "enter1", "done"),
            "ms",
            None,
            LATE_P95_S * 1000,
        ),
        Row(
            "app: re-import, tick lateness (max)",
            all_late("full", "enter1", "done"),
            "ms",
            LATE_MAX_S * 1000,
            peak=True,
        ),
    ]
    print(f"\nProgress bar changes during the preview: {[r.progress_changes for r in empty]} "
          f"({[r.progress_calls for r in empty]} progress calls); saves per import: "
          f"{[r.saves for r in empty]} (re-import: {[r.saves for r in full]}); "
          f"ticks measured: {len(all_late('empty', 'enter1', 'done'))} during imports, "
          f"{len(all_late('full', 'enter1', 'done'))} during re-imports")  # fmt: skip
    return rows


def bench_core(vcf: Path, scratch: Path, args: argparse.Namespace) -> list[Row]:
    """The import as the CLI runs it: in process, a re-import, memory, whole process."""
    timers = Timers()
    timers.wrap(importing, "read_file", "read and parse the file (vobject, each card)")
    timers.wrap(vcard_import, "card_properties", "  vobject: a card's content lines")
    timers.wrap(vcard_import, "person_fields", "  decoding values into fields")
    timers.wrap(Parsed, "add_person", "  Person.create (cleaning, validation)")
    timers.wrap(importing, "plan_people", "compare with the journal (merge.plan_people)")
    timers.wrap(store_module.Store, "_write", "the save (Store._write)")
    seconds: list[float] = []
    for run in range(args.runs):
        timers.reset()
        took, created = one_import(vcf, scratch / f"journal-{run}")
        seconds.append(took)
        saves = timers.calls["the save (Store._write)"]
        print(f"run {run + 1}: {took:.2f} s, {created:,} people created, {saves} save(s)")
        assert saves == 1, "an import must be one save"
    print("\nWhere the time of the last run went:")
    for name, spent in timers.seconds.items():
        print(f"  {name:50} {spent:6.2f} s  ({timers.calls[name]:,} calls)")
    timers.restore()

    again: list[float] = []
    for _ in range(max(1, args.runs // 2)):
        began = time.perf_counter()
        report = importing.import_file(Store.open(scratch / "journal-0"), "vcard", vcf)
        again.append(time.perf_counter() - began)
        assert not report.created and not report.updated
    tracemalloc.start()
    one_import(vcf, scratch / "journal-memory")
    peak = tracemalloc.get_traced_memory()[1]
    tracemalloc.stop()

    process: list[float] = []
    for run in range(3):
        began = time.perf_counter()
        subprocess.run([sys.executable, "-m", "netjournal", "--dir",
                        str(scratch / f"journal-cli-{run}"), "import", "vcard", str(vcf)],
                       check=True, capture_output=True)  # fmt: skip
        process.append(time.perf_counter() - began)

    rows = [
        Row(f"import {args.cards:,} cards (in process)", seconds, "s", BUDGET_S, BUDGET_S),
        Row("re-import, all already there (no save)", again, "s"),
        Row("`netjournal import vcard` whole process", process, "s", BUDGET_S),
        Row("peak traced memory of one import", [float(peak)], "MB", peak=True),
    ]
    print_table(f"Importing {args.cards:,} vCards", rows)
    print(f"median {statistics.median(seconds):.2f} s: "
          f"{statistics.median(seconds) / args.cards * 1e6:.0f} µs per card")  # fmt: skip
    return rows


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the generated .vcf at this path")
    parser.add_argument(
        "--app", action="store_true", help="also import through the app's import screen (headless)"
    )
    parser.add_argument("--app-only", action="store_true", help="only the app's measurements")
    parser.add_argument("--app-runs", type=int, default=3)
    args = parser.parse_args()
    print(machine_line())
    scratch = Path(tempfile.mkdtemp(prefix="nj-import-bench-"))
    try:
        vcf = scratch / "contacts.vcf"
        began = time.perf_counter()
        generate(vcf, args.cards, args.seed)
        size = vcf.stat().st_size
        print(f"Generated {args.cards:,} cards ({size / 2**20:.1f} MB) in "
              f"{time.perf_counter() - began:.1f} s: {vcf}")  # fmt: skip
        if args.keep:
            shutil.copy(vcf, args.keep)

        rows = [] if args.app_only else bench_core(vcf, scratch, args)
        if args.app or args.app_only:
            app_rows = bench_app(vcf, scratch, args.cards, args.app_runs)
            print_table(f"Importing {args.cards:,} vCards in the app (import screen, headless)",
                        app_rows)  # fmt: skip
            rows += app_rows
        return 0 if all(row.verdict() in ("", "PASS") for row in rows) else 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
