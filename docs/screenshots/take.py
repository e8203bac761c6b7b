"""Retake the README's screenshots from the demo journal: `python docs/screenshots/take.py`.

Drives the app with Textual's Pilot at 120x34 and writes PNGs next to this file (SVG from
Textual, PNG by `rsvg-convert` from librsvg2-bin).
"""

from __future__ import annotations

import asyncio
import subprocess
import sys
import tempfile
from datetime import date
from pathlib import Path

from textual.events import Paste

from netjournal.core.config import Config
from netjournal.core.demo import build_demo
from netjournal.core.store import Store
from netjournal.tui.app import NetjournalApp

HERE = Path(__file__).parent
DAY = date(2026, 11, 29)


async def shoot(folder: Path) -> list[Path]:
    build_demo(Store.open(folder / "journal"), DAY)
    app = NetjournalApp(
        Store.open(folder / "journal"), config=Config(folder / "config.toml"), day=lambda: DAY
    )
    shots: list[Path] = []
    async with app.run_test(size=(120, 34)) as pilot:

        async def settle() -> None:
            await pilot.pause(0.3)
            await app.workers.wait_for_complete()
            await pilot.pause(0.3)

        async def save(name: str) -> None:
            await settle()
            shots.append(Path(app.save_screenshot(filename=f"{name}.svg", path=str(folder))))

        while app.snapshot is None:
            await pilot.pause(0.05)
        await save("people")
        await pilot.press("3")
        await save("outreach")
        await pilot.press("4")
        await save("review")
        await pilot.press("5")
        await save("network")
        await pilot.press("c")
        await settle()
        for key, text in (("", "LogiMAT 2026"), ("name", "Jonas Berg"), ("org", "Litware"),
                          ("department_role", "Sales / Key accounts"),
                          ("talked", "Scanner fleet renewal in Q2"), ("interests", "cycling")):  # fmt: skip
            if key:
                app.screen.query_one(f"#field-{key}").focus()
            app.post_message(Paste(text))
            await pilot.pause()
        await save("capture")
    return shots


def main() -> int:
    with tempfile.TemporaryDirectory() as scratch:
        for svg in asyncio.run(shoot(Path(scratch))):
            png = HERE / svg.with_suffix(".png").name
            subprocess.run(["rsvg-convert", "-o", str(png), str(svg)], check=True)
            print(png)
    return 0


if __name__ == "__main__":
    sys.exit(main())
