"""Time to the app's first frame, and to the whole journal loaded, at any journal size.

Each run is a fresh process (`python -c ...`) started on the journal, headless: the clock runs
from just before the process is spawned, so interpreter start and imports are included.
DESIGN budgets: first frame <= 0.4 s at any size; whole journal loaded <= 1.5 s after start.

    python benchmarks/bench_startup.py DIR [--runs 15]
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import time
from pathlib import Path

from benchutil import Row, machine_line, print_table

CHILD = r"""
import sys, time, json
start = float(sys.argv[1])
from netjournal.core.config import Config
from netjournal.core.store import Store
from netjournal.tui.app import NetjournalApp
from pathlib import Path

class Timed(NetjournalApp):
    first_frame = None
    loaded_at = None
    def on_ready(self) -> None:
        self.first_frame = time.time() - start
        self.set_interval(0.005, self._check_loaded)
    def watch_snapshot(self, snapshot) -> None:
        # The moment the journal is in (timers may fire late while the index loads after it).
        if snapshot is not None and self.loaded_at is None:
            self.loaded_at = time.time() - start
        super().watch_snapshot(snapshot)
    def _check_loaded(self) -> None:
        if self.loaded_at is not None:
            loaded = self.loaded_at
            print(json.dumps({"first_frame": self.first_frame, "loaded": loaded,
                              "people": len(self.snapshot.people)}), flush=True)
            self.exit()

Timed(Store.open(Path(sys.argv[2])), config=Config(Path("/nonexistent/config.toml"))).run(headless=True, size=(120, 40))
"""


def main() -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("journal", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    args = parser.parse_args()
    first, loaded = [], []
    for _ in range(args.runs):
        start = time.time()
        out = subprocess.run(
            [sys.executable, "-c", CHILD, repr(start), str(args.journal)],
            capture_output=True, text=True, check=True, timeout=60,
        )  # fmt: skip
        result = json.loads(out.stdout.strip().splitlines()[-1])
        first.append(result["first_frame"])
        loaded.append(result["loaded"])
    print(machine_line())
    print(f"journal: {args.journal} ({result['people']} people)")
    print_table(
        "App startup (fresh process, headless)",
        [
            Row("first frame", first, unit="s", median_budget=0.4),
            Row("whole journal loaded", loaded, unit="s", median_budget=1.5),
        ],
    )


if __name__ == "__main__":
    main()
