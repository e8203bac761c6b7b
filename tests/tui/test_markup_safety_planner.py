"""User text is never markup in the planner's screens either: Review, Network, the share list,
a drill and capture show hostile names, departments, topics and events literally."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, Static

from netjournal.core.records import Interaction, Learning, Person
from netjournal.tui.screens.capture import CaptureScreen
from netjournal.tui.screens.capture_summary import CaptureSummary
from netjournal.tui.screens.drill import DrillScreen
from netjournal.tui.screens.same_person import SamePersonDialog
from netjournal.tui.screens.share import ShareScreen
from tests.tui.support import (
    SIZE,
    TODAY,
    make_app,
    paste,
    record_notifications,
    reopen,
    settle,
    static_text,
    table,
    wait_loaded,
    wait_until,
)
from tests.tui.test_markup_safety import CLICK, draw

BOLD = "[bold]x[/"
DEPT = "[b]Sales"
TOPIC = "[i]sailing"
EVENT = "[u]Expo[/]"
TIP = "[@click=app.quit]tip[/]"

CLICKER = Person.create(name=CLICK, kind="internal", department=DEPT, influence=3,
                        interests=[TOPIC], expertise=[TOPIC], org="[red]Acme[/")  # fmt: skip
BOLDER = Person.create(name=BOLD, kind="internal", department="[$primary]Legal",
                       status="prospect", influence=3, org="[red]Acme[/")  # fmt: skip
DONE = Person.create(name="100% [done]", kind="customer", org="[red]Acme[/", interests=[TOPIC])
LONG_AGO = Interaction.create(date=TODAY - timedelta(days=400), event=EVENT, summary="[b]talk",
                              person_ids=[CLICKER.id, DONE.id])  # fmt: skip
LEARNT = Learning.create(date=TODAY - timedelta(days=3), title=TIP, tags=[TOPIC],
                         body=f"All about {TOPIC}", event=EVENT)  # fmt: skip
HOSTILE = [CLICKER, BOLDER, DONE, LONG_AGO, LEARNT]


def shown(screen: object) -> str:
    """Every Static's plain text on the screen, joined: what the user reads."""
    return "\n".join(str(s.content) for s in screen.query(Static))  # type: ignore[attr-defined]


async def test_review_network_and_share_list_show_hostile_text_literally(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, *HOSTILE)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)

        # Review: cold people, the unreachable prospect, the fresh tip that fits two people.
        await pilot.press("4")
        await settle(pilot)
        review = app.screen
        titles = [row.cells[1] for row in table(review).rows]
        assert {CLICK, BOLD, "100% [done]"} <= set(titles), titles
        assert any(TIP in t for t in titles), titles
        for _ in titles:
            draw(app)
            assert app.return_code is None
            await pilot.press("j")
        reasons = " ".join(str(row.cells[2]) for row in table(review).rows)
        assert f"knows {TOPIC}" in reasons or TOPIC in reasons, reasons

        # Network: the hostile departments are rows, the prospect's one invisible.
        await pilot.press("5")
        network = app.screen
        await wait_until(pilot, lambda: network.insights is not None, what="the insights")
        await settle(pilot)
        cells = [row.cells[0] for row in table(network).rows]
        assert {DEPT, "[$primary]Legal"} <= set(cells), cells
        draw(app)

        # The share list of the tip: the two people it fits, reasons literal.
        await pilot.press("2")
        await settle(pilot)
        await pilot.press("s")
        await settle(pilot)
        share = app.screen
        assert isinstance(share, ShareScreen)
        await wait_until(pilot, lambda: table(share).rows, what="the ranking")
        rows = {row.cells[1]: row.cells[2] for row in table(share).rows}
        assert rows[CLICK].startswith(f"expertise: {TOPIC}"), rows
        assert TIP in shown(share)
        draw(app)
        await pilot.press("space", "enter")
        await settle(pilot)
        draw(app)
        assert app.return_code is None and app.is_running
        assert all(not n.markup for n in told.seen), "user text in a notification is markup"


async def test_a_drill_and_capture_show_hostile_topics_and_names_literally(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, *HOSTILE)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.push_screen(DrillScreen(seed=3))
        await settle(pilot)
        drill = app.screen
        topics = [q.topic for q in drill.questions]
        assert TOPIC in topics, topics
        while drill.questions[len(drill.answers)].topic != TOPIC:
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
        assert TOPIC in static_text(drill, "#drill-question")
        await pilot.press("enter")  # nobody: the journal's answer names the clicker
        await settle(pilot)
        assert CLICK in static_text(drill, "#drill-answer")
        draw(app)
        await pilot.press("escape")
        await settle(pilot)

        # Capture at the hostile event; a close hostile name asks, literally.
        await pilot.press("c")
        await settle(pilot)
        capture = app.screen
        assert isinstance(capture, CaptureScreen)
        await paste(pilot, EVENT)
        await pilot.press("enter")
        assert app.focused is capture.query_one("#field-name", Input)
        await paste(pilot, "[bold]x[/ ")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SamePersonDialog)
        assert BOLD in shown(app.screen)
        draw(app)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, CaptureSummary)
        assert EVENT in shown(app.screen)
        draw(app)
        assert app.return_code is None and app.is_running
    # The meeting was logged on the prospect herself, not on a new person.
    store = reopen(journal_dir)
    assert sorted(p.name for p in store.people()) == sorted([CLICK, BOLD, "100% [done]"])
    assert any(i.event == EVENT and i.person_ids == (BOLDER.id,) for i in store.interactions())
