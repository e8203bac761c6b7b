"""Find duplicates (palette), the side-by-side merge with field choices, and `u` after it."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.command import CommandPalette

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Person
from netjournal.tui.screens.duplicates import DuplicatesScreen
from netjournal.tui.screens.merge import MergeScreen
from netjournal.tui.screens.people import PeopleScreen
from tests.cli.support import snapshot as files_of
from tests.tui.support import (
    SIZE,
    TODAY,
    detail_text,
    first_cells,
    make_app,
    record_notifications,
    reopen,
    settle,
    static_text,
    table,
    wait_loaded,
    wait_until,
)

ANNA = Person.create(name="Anna Smith", org="Fabrikam", email=["anna@fabrikam.example"],
                     phone=["+49 30 1234567"], tags=["logistics"])  # fmt: skip
ANA = Person.create(name="Ana Smith", org="Fabrikam", role="Head of Procurement",
                    phone=["030 1234567"], tags=["vip"], notes="Into sailing.")  # fmt: skip
MARK_1 = Person.create(name="[bold]x[/", org="Contoso")
MARK_2 = Person.create(name="[bold]x[/", org="Contoso")
BOB = Person.create(name="Bob Stone")
TALK = Interaction.create(date=TODAY - timedelta(days=3), person_ids=[ANA.id], summary="Coffee")
PLAN = plan_outreach("follow-up", [ANA])
RECORDS = (ANNA, ANA, MARK_1, MARK_2, BOB, TALK, PLAN)


def journal_files(folder: Path) -> dict[str, bytes]:
    """The journal's files and their bytes (the search cache aside: the app rebuilds it)."""
    return {name: data for name, (data, *_) in files_of(folder).items()
            if not name.startswith(".cache")}  # fmt: skip


async def open_duplicates(pilot) -> DuplicatesScreen:  # type: ignore[no-untyped-def]
    """ctrl+p, "Find duplicates", enter; the view once its pairs are found."""
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    await pilot.press(*"find dup")
    await pilot.pause(0.5)
    await pilot.press("enter")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, DuplicatesScreen))
    screen = pilot.app.screen
    await wait_until(pilot, lambda: screen.pairs, what="the pairs")
    await settle(pilot)
    return screen


async def test_network_counts_them_and_the_view_lists_pairs_with_why(journal_dir: Path) -> None:
    app = make_app(journal_dir, *RECORDS)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("5")
        network = app.screen
        await wait_until(pilot, lambda: network.insights is not None, what="the insights")
        await settle(pilot)
        assert static_text(network, "#network-duplicates") == (
            "2 likely duplicates: ^p Find duplicates")  # fmt: skip

        view = await open_duplicates(pilot)

        rows = [row.cells for row in table(view).rows]
        assert rows == [
            ("Anna Smith · Fabrikam", "Ana Smith · Fabrikam",
             "same phone number +49 30 1234567; similar names at Fabrikam"),
            ("[bold]x[/ · Contoso", "[bold]x[/ · Contoso", "same name, at Contoso"),
        ]  # fmt: skip
        shown = detail_text(view)
        assert "Keep (added first)" in shown and "Head of Procurement" in shown
        assert "1 interaction, last" in shown

        await pilot.press("j", "enter")  # names that look like markup show as typed
        await wait_until(pilot, lambda: isinstance(app.screen, MergeScreen))
        await settle(pilot)
        heading = static_text(app.screen, "#merge-heading")
        assert heading.startswith(f"Merge [bold]x[/ ({MARK_2.id}) into [bold]x[/ ({MARK_1.id})")
        assert first_cells(app.screen, "#merge-fields") == ["(all the same)"]


async def test_a_merge_with_field_choices_then_u_takes_it_back(journal_dir: Path) -> None:
    app = make_app(journal_dir, *RECORDS)
    said = record_notifications(app)
    before = journal_files(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        view = await open_duplicates(pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MergeScreen))
        merge = app.screen
        await settle(pilot)
        fields = table(merge, "#merge-fields")
        assert first_cells(merge, "#merge-fields") == ["name", "role", "tags", "emails",
                                                       "phones", "notes"]  # fmt: skip
        assert "1 interaction and 1 plan move to Anna Smith" in static_text(merge, "#merge-moves")

        await pilot.press("right")  # name: the other's spelling
        await pilot.press("j", "b")  # role takes one value: said, nothing chosen
        await pilot.press("j", "left")  # tags: only the kept one's
        await settle(pilot)
        assert said.messages()[-1] == "Role takes one value: the left or the right."
        assert [row.cells[3] for row in fields.rows][:3] == ["Ana Smith", "Head of Procurement",
                                                             "logistics"]  # fmt: skip
        assert reopen(journal_dir).get(Person, ANA.id) is not None  # nothing merged yet

        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: app.screen is view, what="back in Duplicates")
        await settle(pilot)

        store = reopen(journal_dir)
        kept = store.get(Person, ANNA.id)
        assert kept is not None and store.get(Person, ANA.id) is None
        assert (kept.name, kept.role, kept.tags) == ("Ana Smith", "Head of Procurement",
                                                     ("logistics",))  # fmt: skip
        assert kept.phone == ("+49 30 1234567",) and kept.notes == "Into sailing."
        assert store.get(Interaction, TALK.id).person_ids == (ANNA.id,)  # type: ignore[union-attr]
        assert said.messages()[-1] == (
            "Merged Ana Smith into Anna Smith (now Ana Smith): 1 interaction and 1 plan moved. "
            "(u takes it back)")  # fmt: skip
        await wait_until(pilot, lambda: len(view.pairs) == 1, what="one pair left")

        await pilot.press("u")
        await settle(pilot)

        assert said.messages()[-1] == (
            "Merge taken back: Anna Smith and Ana Smith are two people again.")  # fmt: skip
        assert journal_files(journal_dir) == before
        await wait_until(pilot, lambda: len(view.pairs) == 2, what="both pairs again")


async def test_u_in_people_right_after_and_swap_keeps_the_other(journal_dir: Path) -> None:
    app = make_app(journal_dir, *RECORDS)
    said = record_notifications(app)
    before = journal_files(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("u")  # nothing merged yet
        await settle(pilot)
        assert said.messages()[-1].startswith("Nothing to take back")
        await open_duplicates(pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MergeScreen))
        await settle(pilot)
        await pilot.press("escape")  # cancel: nothing happens
        await settle(pilot)
        assert journal_files(journal_dir) == before
        await pilot.press("enter")
        await wait_until(pilot, lambda: isinstance(app.screen, MergeScreen))
        merge = app.screen
        await settle(pilot)

        await pilot.press("s")  # keep Ana's record (her id) instead
        await settle(pilot)
        assert "Merge Anna Smith" in static_text(merge, "#merge-heading")
        await pilot.press("ctrl+s")
        await wait_until(pilot, lambda: not isinstance(app.screen, MergeScreen))
        await settle(pilot)
        store = reopen(journal_dir)
        assert store.get(Person, ANNA.id) is None
        kept = store.get(Person, ANA.id)
        assert kept is not None and kept.name == "Ana Smith"  # the kept record's own, by default

        await pilot.press("escape")  # out of Duplicates, back in People
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        await pilot.press("u")
        await settle(pilot)

        assert journal_files(journal_dir) == before
        assert said.messages()[-1].startswith("Merge taken back")
