"""The app never sends escape sequences read from a hand-edited journal to the terminal.

Textual passes ESC, OSC and C1 controls in a Content straight through (it drops only BEL, BS,
VT, FF and CR), so each frame is checked as the terminal would get it: `export_screenshot`
runs the compositor over every visible widget and keeps each character it would write. The
last test runs the real app in a pseudo-terminal and reads the bytes it wrote.
"""

from __future__ import annotations

import fcntl
import html
import os
import pty
import re
import select
import struct
import sys
import termios
import time
from collections.abc import Callable
from datetime import date, timedelta
from pathlib import Path

import pytest
from textual.command import CommandList
from textual.content import Content, Span
from textual.widgets import Input, TextArea

from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.core.store import Store
from netjournal.tui.app import NetjournalApp
from netjournal.tui.safe_text import safe_assemble, safe_content
from netjournal.tui.screens.person_form import PersonForm
from tests.cli.support import plant
from tests.tui.support import (
    SIZE,
    TODAY,
    area,
    detail_text,
    make_app,
    paste,
    settle,
    table,
    wait_loaded,
    wait_until,
)

PLANT = "\x1b]0;PWNED\x07\x1b[2J"  # set the window title, clear the screen
EXTRA = "\x9b2J\u202e\x07"  # 8-bit CSI, bidi override, bell
UNSAFE = {chr(c) for c in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))} | {
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
}


def planted(text: str) -> str:
    first, _, rest = text.partition(" ")
    return f"{first}{PLANT} {rest}{EXTRA}"


def hostile_journal(folder: Path) -> dict[str, Record]:
    store = Store.open(folder)
    ann = Person.create(name="Ann Lee", org="Contoso", department="Sales", kind="internal",
                        influence=3, expertise=["robots"], notes="Met at the fair")  # fmt: skip
    bob = Person.create(name="Bob Stone", org="Fabrikam", interests=["robots"])
    learning = Learning.create(date=TODAY - timedelta(days=3), title="Robots pay back",
                               body="Payback in two years", tags=["robots"])  # fmt: skip
    talk = Interaction.create(date=date(2025, 6, 1), person_ids=[ann.id, bob.id],
                              summary="Coffee about robots", event="LogiMAT")  # fmt: skip
    plan = Outreach.create(kind="follow-up", person_ids=[bob.id], title="Follow up with Bob",
                           due=TODAY - timedelta(days=2))  # fmt: skip
    store.add(ann, bob, learning, talk, plan)
    plant(folder, ann, name=planted("Ann Lee"), org=planted("Contoso"), role=planted("Chief Bot"),
          notes=planted("Met fair"), tags=[planted("vip x")])  # fmt: skip
    plant(folder, bob, name=planted("Bob Stone"))
    plant(folder, learning, title=planted("Robots pay back"),
          body=f"Payback{PLANT} in\n\ntwo *years*{EXTRA}")  # fmt: skip
    plant(folder, talk, summary=planted("Coffee about robots"), event=planted("LogiMAT x"))
    plant(folder, plan, title=planted("Follow up with Bob"), notes=planted("Bring it"))
    return {"ann": ann, "bob": bob, "learning": learning, "talk": talk, "plan": plan}


def assert_frame_safe(app: NetjournalApp, *shown: str) -> None:
    """The whole frame, as the terminal would get it: no control, no payload; `shown` is there."""
    frame = app.export_screenshot()
    found = sorted({f"U+{ord(c):04X}" for c in frame if c in UNSAFE})
    assert not found, (found, type(app.screen).__name__)
    assert "PWNED" not in frame, type(app.screen).__name__
    plain = html.unescape(re.sub(r"<[^>]*>", "", frame)).replace("\xa0", " ")
    for text in shown:  # still recognisable: only the sequences went
        assert text in plain, (text, type(app.screen).__name__)


async def test_lists_details_and_areas_show_no_escapes(journal_dir: Path) -> None:
    records = hostile_journal(journal_dir)
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.screen.select(records["ann"].id)  # type: ignore[attr-defined]
        await settle(pilot)
        assert detail_text(app.screen).splitlines()[0] == "Ann Lee"
        assert_frame_safe(app, "Ann Lee", "Bob Stone")

        for key in "2345":
            await area(pilot, key)
            await settle(pilot)
            assert_frame_safe(app)
        await area(pilot, "2")
        assert_frame_safe(app, "Robots pay back")
        await area(pilot, "3")
        assert_frame_safe(app, "Follow up with Bob")


async def test_search_results_palette_hits_and_notifications_show_no_escapes(
    journal_dir: Path,
) -> None:
    records = hostile_journal(journal_dir)
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE, notifications=True) as pilot:  # toasts drawn too
        await wait_loaded(pilot)

        await pilot.press("slash", *"robots")
        results = table(app.screen, "#results")
        await wait_until(pilot, lambda: len(results.rows) >= 3, what="search results")
        await settle(pilot)
        assert_frame_safe(app, "Robots pay back")
        await pilot.press("escape")
        await settle(pilot)

        await pilot.press("ctrl+p", *"ann")
        hits = app.screen.query_one(CommandList)
        await wait_until(pilot, lambda: hits.option_count > 0, what="palette hits")
        await pilot.pause(0.3)
        prompts = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
        assert any("Ann Lee" in prompt for prompt in prompts), prompts
        assert_frame_safe(app, "Ann Lee")
        await pilot.press("escape")
        await settle(pilot)

        # Dropping a plan: the question and the toast quote its title.
        await area(pilot, "3")
        app.screen.select(records["plan"].id)  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("D")
        await settle(pilot)
        assert_frame_safe(app)
        await pilot.press("y")
        await settle(pilot)
        await pilot.pause(0.2)
        assert_frame_safe(app, "Dropped: Follow up with Bob")


async def test_a_form_shows_no_escapes(journal_dir: Path) -> None:
    records = hostile_journal(journal_dir)
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.screen.select(records["ann"].id)  # type: ignore[attr-defined]
        await settle(pilot)
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, PersonForm)
        assert app.screen.query_one("#field-name", Input).value == "Ann Lee"
        assert app.screen.query_one("#field-notes", TextArea).text == "Met fair"
        assert_frame_safe(app, "Ann Lee")


async def test_pasted_text_shows_no_escapes(journal_dir: Path) -> None:
    hostile_journal(journal_dir)
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("slash")
        await settle(pilot)
        await paste(pilot, f"rob{PLANT}ots{EXTRA}")
        await settle(pilot)
        assert app.screen.query_one(Input).value == "robots"
        assert_frame_safe(app)


def test_safe_content_keeps_styles_on_their_text() -> None:
    text = f"An{PLANT}n Lee{EXTRA}"  # spans: "An" bold, "Lee" italic
    lee = len(text) - len(EXTRA) - 3
    styled = Content(text, [Span(0, 2 + len(PLANT), "bold"), Span(lee, lee + 3, "italic")],
                     strip_control_codes=False)  # fmt: skip

    safe = safe_content(styled)

    assert safe.plain == "Ann Lee"
    assert [(s.start, s.end, s.style) for s in safe.spans] == [(0, 2, "bold"), (4, 7, "italic")]
    assert safe_content(Content("a\nb\tc"), one_line=True).plain == "a b c"
    assert safe_content(text) == Content("Ann Lee")


def test_text_after_a_bel_ended_title_is_kept() -> None:
    """Textual drops a BEL as it builds Content: cleaned first, the OSC ends where it did."""
    shown = safe_assemble(("Ann\x1b]0;PWNED\x07 Lee", "bold"), " at\x07 Contoso")

    assert shown.plain == "Ann Lee at Contoso"
    assert [(s.start, s.end) for s in shown.spans] == [(0, 7)]


@pytest.mark.skipif(sys.platform == "win32", reason="a pseudo-terminal")
def test_the_real_app_never_writes_the_planted_title_to_its_terminal(journal_dir: Path) -> None:
    hostile_journal(journal_dir)
    pid, fd = pty.fork()
    if pid == 0:  # the child: the app, as a user starts it, in a 120x40 terminal
        fcntl.ioctl(0, termios.TIOCSWINSZ, struct.pack("HHHH", 40, 120, 0, 0))
        os.environ["TERM"] = "xterm-256color"
        os.execv(sys.executable, [sys.executable, "-m", "netjournal", "--dir", str(journal_dir)])
    written = bytearray()
    try:
        # The first frame, then the journal loaded: People shows Bob Stone and Ann's detail.
        _read_until(fd, written, lambda: b"Stone" in written, 10.0)
        for key in (b"2", b"3"):  # the Journal and Outreach areas draw their records too
            os.write(fd, key)
            _read_until(fd, written, lambda: False, 0.7)
        os.write(fd, b"q")
        _read_until(fd, written, lambda: False, 3.0)  # to the end: the app leaves the screen
    finally:
        status = _reap(pid)
    assert b"Stone" in written, bytes(written[-2000:])
    assert status == 0
    assert b"PWNED" not in written
    assert b"\x1b]0;" not in written and b"\x1b]2;" not in written  # no window title set
    assert b"\x1b[2J" not in written  # Textual never clears this way: only a planted one would
    assert "\u202e".encode() not in written and b"\xc2\x9b" not in written


def _read_until(fd: int, out: bytearray, done: Callable[[], bool], seconds: float) -> None:
    """Read what the app writes into `out` until `done()` or `seconds` pass or it exits."""
    deadline = time.monotonic() + seconds
    while not done() and (left := deadline - time.monotonic()) > 0:
        ready, _, _ = select.select([fd], [], [], left)
        if not ready:
            continue
        try:
            chunk = os.read(fd, 65536)
        except OSError:  # the app exited and the terminal closed
            return
        if not chunk:
            return
        out += chunk


def _reap(pid: int) -> int:
    """The app's exit status (killed after 5 s: then not 0)."""
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        done, status = os.waitpid(pid, os.WNOHANG)
        if done:
            return os.waitstatus_to_exitcode(status)
        time.sleep(0.05)
    os.kill(pid, 9)
    os.waitpid(pid, 0)
    return -9
