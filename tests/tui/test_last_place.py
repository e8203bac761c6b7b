"""netjournal opens where you left it: the last area and its selected record, per journal."""

from __future__ import annotations

from pathlib import Path

from netjournal.core.config import Config
from netjournal.core.demo import build_demo
from netjournal.core.last_place import place_file
from netjournal.core.records import Outreach
from netjournal.core.store import Store
from netjournal.tui.app import NetjournalApp
from netjournal.tui.last_place import PlaceKeeper
from netjournal.tui.screens.outreach import OutreachScreen
from netjournal.tui.screens.people import PeopleScreen
from tests.tui.support import (
    SIZE,
    TODAY,
    area,
    record_notifications,
    settle,
    table,
    wait_loaded,
    wait_until,
)


def app_on(journal_dir: Path) -> NetjournalApp:
    """The app as `netjournal` starts it: the place remembered for this journal is read first."""
    keeper = PlaceKeeper.for_journal(journal_dir, set(NetjournalApp.MODES))
    return NetjournalApp(Store.open(journal_dir),
                         config=Config(journal_dir.parent / "config" / "config.toml"),
                         day=lambda: TODAY, place=keeper)  # fmt: skip


async def leave_outreach_on_a_plan(journal_dir: Path, down: int = 2) -> str:
    """Open Outreach, move down `down` plans, quit with q; the plan selected."""
    app = app_on(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await area(pilot, "3")
        assert isinstance(screen, OutreachScreen)
        for _ in range(down):
            await pilot.press("j")
        await settle(pilot)
        chosen = table(screen).current_key
        assert chosen is not None and chosen != table(screen).rows[1].key
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running
    return chosen


async def test_a_restart_opens_the_last_area_with_the_same_record_selected(
    journal_dir: Path,
) -> None:
    build_demo(Store.open(journal_dir), TODAY)
    chosen = await leave_outreach_on_a_plan(journal_dir)

    app = app_on(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, OutreachScreen)  # before the journal has loaded
        await wait_loaded(pilot)
        screen = app.screen
        await wait_until(pilot, lambda: table(screen).current_key == chosen, what="the plan")
        assert chosen in app.snapshot.outreach  # type: ignore[union-attr]

        await area(pilot, "2")  # moving on is kept too, without quitting
        await wait_until(pilot, lambda: b'"journal"' in place_file(journal_dir).read_bytes(),
                         what="the place kept")  # fmt: skip


async def test_a_record_deleted_since_selects_nothing(journal_dir: Path) -> None:
    build_demo(Store.open(journal_dir), TODAY)
    chosen = await leave_outreach_on_a_plan(journal_dir)
    store = Store.open(journal_dir)
    plan = store.get(Outreach, chosen)
    assert plan is not None
    store.delete(plan)

    app = app_on(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        assert isinstance(screen, OutreachScreen)
        records = table(screen)
        assert records.current_key == records.rows[1].key  # the first plan, as on a first start
        assert chosen not in {row.key for row in records.rows}


async def test_a_damaged_or_strange_place_file_opens_people(journal_dir: Path) -> None:
    build_demo(Store.open(journal_dir), TODAY)
    path = place_file(journal_dir)
    path.parent.mkdir(parents=True)
    for damaged in (b'{"area": "outr', b'{"area": "settings", "record": "x"}', b"[]", b"\xff" * 9):
        path.write_bytes(damaged)
        app = app_on(journal_dir)
        said = record_notifications(app)
        async with app.run_test(size=SIZE) as pilot:
            await wait_loaded(pilot)
            assert isinstance(app.screen, PeopleScreen), damaged
            assert said.messages() == []  # silently: it is only a convenience
            await area(pilot, "2")  # and the next place replaces the damaged file
            await wait_until(pilot, lambda: b'"journal"' in path.read_bytes(), what="kept")
            await settle(pilot)  # no write of this app is still on its way
