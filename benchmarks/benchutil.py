"""What the benchmark scripts share: statistics, a budget table, a scratch copy of a journal."""

from __future__ import annotations

import math
import os
import platform
import shutil
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

# Make `import netjournal` work when run from a checkout without the venv's site-packages.
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(1, str(ROOT))


def p95(values: Sequence[float]) -> float:
    """The 95th percentile by the nearest-rank method (a value that was really measured)."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


@dataclass
class Row:
    """One line of a results table: a measurement and, if it has one, its budget."""

    what: str
    values: list[float]  # seconds, or bytes for memory
    unit: str = "ms"  # ms, s or MB: how to show values
    median_budget: float | None = None  # in the shown unit
    p95_budget: float | None = None
    peak: bool = False  # judge and show the maximum instead of median/p95

    def shown(self, value: float) -> float:
        if self.unit == "ms":
            return value * 1000
        if self.unit == "MB":
            return value / 2**20
        return value

    @property
    def median(self) -> float:
        return self.shown(statistics.median(self.values))

    @property
    def p95(self) -> float:
        return self.shown(p95(self.values))

    @property
    def maximum(self) -> float:
        return self.shown(max(self.values))

    def budget_text(self) -> str:
        if self.median_budget is None and self.p95_budget is None:
            return "(info)"
        parts = []
        if self.median_budget is not None:
            parts.append(
                f"<= {self.median_budget:g} {self.unit}" + ("" if self.peak else " median")
            )
        if self.p95_budget is not None:
            parts.append(f"<= {self.p95_budget:g} {self.unit} p95")
        return ", ".join(parts)

    def verdict(self) -> str:
        if self.median_budget is None and self.p95_budget is None:
            return ""
        if self.peak:
            return "PASS" if self.maximum <= self.median_budget else "FAIL"  # type: ignore[operator]
        failed = []
        if self.median_budget is not None and self.median > self.median_budget:
            failed.append("median")
        if self.p95_budget is not None and self.p95 > self.p95_budget:
            failed.append("p95")
        return "PASS" if not failed else f"FAIL ({', '.join(failed)})"

    def as_dict(self) -> dict[str, object]:
        return {
            "what": self.what,
            "unit": self.unit,
            "runs": len(self.values),
            "median": round(self.median, 3),
            "p95": round(self.p95, 3),
            "max": round(self.maximum, 3),
            "budget": self.budget_text(),
            "verdict": self.verdict(),
        }


def fmt(value: float, unit: str) -> str:
    if unit == "ms":
        return f"{value:.1f} ms"
    if unit == "MB":
        return f"{value:.0f} MB"
    return f"{value:.3f} s"


def print_table(title: str, rows: Sequence[Row]) -> None:
    """A plain-text table: what, runs, budget, median, p95 (or peak), verdict."""
    header = ("what", "runs", "budget", "median", "p95", "result")
    lines = []
    for row in rows:
        if row.peak:
            median, high = "", f"max {fmt(row.maximum, row.unit)}"
        else:
            median, high = fmt(row.median, row.unit), fmt(row.p95, row.unit)
        lines.append(
            (row.what, str(len(row.values)), row.budget_text(), median, high, row.verdict())
        )
    widths = [max(len(cells[i]) for cells in [header, *lines]) for i in range(len(header))]
    print(f"\n{title}")
    rule = "  ".join("-" * width for width in widths)
    print(rule)
    for cells in [header, *lines]:
        print(
            "  ".join(
                cell.ljust(width) if i in (0, 2, 5) else cell.rjust(width)
                for i, (cell, width) in enumerate(zip(cells, widths, strict=True))
            )
        )
        if cells is header:
            print(rule)
    print(rule)


def machine_line() -> str:
    return (
        f"Python {platform.python_version()} on {platform.system()} {platform.machine()}, "
        f"{os.cpu_count()} cores, {time.strftime('%Y-%m-%d')}"
    )


@contextmanager
def scratch_copy(journal: Path, keep: bool = False) -> Iterator[Path]:
    """A copy of `journal` beside it (same file system) that the benchmark may write to."""
    journal = journal.resolve()
    parent = Path(tempfile.mkdtemp(prefix=f"{journal.name}-bench-", dir=journal.parent))
    copy = parent / journal.name
    began = time.perf_counter()
    shutil.copytree(journal, copy)
    print(f"Copied {journal} to {copy} in {time.perf_counter() - began:.1f} s.")
    from netjournal.core.search_index import CACHE_NAME

    if (copy / CACHE_NAME).exists():
        # The copy's files are new, so its search cache is outdated: as after a user's copy,
        # netjournal would rebuild it in the background while the benchmark measures.
        from netjournal.core.background_index import build

        began = time.perf_counter()
        build(copy, afresh=True)
        print(f"Wrote the copy's search cache afresh in {time.perf_counter() - began:.1f} s.")
    os.sync()  # no writeback of the copy may run during the measured saves
    try:
        yield copy
    finally:
        if keep:
            print(f"Kept the scratch copy at {copy}.")
        else:
            shutil.rmtree(parent, ignore_errors=True)


def check_journal(journal: Path) -> None:
    if not (journal / "meta.json").exists():
        sys.exit(
            f"{journal} is not a journal; make one with "
            f"`python benchmarks/generate.py {journal}` first."
        )


class Timers:
    """Inclusive wall time and call counts of wrapped functions (a poor man's profiler)."""

    def __init__(self) -> None:
        self.seconds: dict[str, float] = {}
        self.calls: dict[str, int] = {}
        self._undo: list[Callable[[], None]] = []

    def wrap(self, owner: object, attribute: str, label: str | None = None) -> None:
        original = getattr(owner, attribute)
        name = label or attribute
        seconds, calls = self.seconds, self.calls
        seconds.setdefault(name, 0.0)
        calls.setdefault(name, 0)
        clock = time.perf_counter

        def timed(*args: object, **kwargs: object) -> object:
            began = clock()
            try:
                return original(*args, **kwargs)
            finally:
                seconds[name] += clock() - began
                calls[name] += 1

        setattr(owner, attribute, timed)
        self._undo.append(lambda: setattr(owner, attribute, original))

    def reset(self) -> None:
        for name in self.seconds:
            self.seconds[name] = 0.0
            self.calls[name] = 0

    def restore(self) -> None:
        while self._undo:
            self._undo.pop()()


PYCACHE = Path(tempfile.gettempdir()) / "netjournal-bench-pycache"


def child_env(bytecode: bool = True) -> dict[str, str]:
    """The environment of measured child processes.

    With `bytecode`, Python may write and read .pyc files (in a cache outside the checkout),
    as in any normal install; this sandbox sets PYTHONDONTWRITEBYTECODE, which would make every
    process recompile netjournal and tinydb from source.
    """
    env = dict(os.environ)
    env.pop("PYTHONDONTWRITEBYTECODE", None)
    if bytecode:
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE)
    else:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
        env["PYTHONPYCACHEPREFIX"] = str(PYCACHE.with_name(PYCACHE.name + "-none"))
    return env
