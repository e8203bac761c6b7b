"""`y` on People copies the selected person's email (or phone, or vCard: a small menu when
there is more than one) and says so; help lists ctrl+q. Real keys through Pilot; what was
copied is read back from Textual's public `App.clipboard`."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import OptionList, Static

from netjournal.core.records import Person
from netjournal.tui.screens.copy_contact import CopyContactDialog
from netjournal.tui.screens.help import HelpScreen
from tests.tui.support import SIZE, make_app, record_notifications, settle, wait_loaded, wait_until


async def test_y_copies_the_only_email_and_says_so(journal_dir: Path) -> None:
    ann = Person.create(name="[bold]Ann[/ Lee", email=["ann@acme.example"])
    app = make_app(journal_dir, ann)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        said = record_notifications(app)
        app.screen.select(ann.id)  # type: ignore[attr-defined]
        await pilot.press("y")
        await settle(pilot)
        assert app.clipboard == "ann@acme.example"
        assert said.messages() == ["Copied [bold]Ann[/ Lee's email: ann@acme.example"]
        assert said.seen[0].markup is False  # the name is shown literally


async def test_y_offers_a_menu_when_there_is_more_than_one(journal_dir: Path) -> None:
    bo = Person.create(name="Bo Chen", org="Contoso", email=["bo@contoso.example"],
                       phone=["+49 30 1234567"])  # fmt: skip
    app = make_app(journal_dir, bo)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        said = record_notifications(app)
        people = app.screen
        people.select(bo.id)  # type: ignore[attr-defined]
        await pilot.press("y")
        await settle(pilot)
        assert isinstance(app.screen, CopyContactDialog)
        choices = app.screen.query_one(OptionList)
        assert [str(choices.get_option_at_index(i).prompt) for i in range(choices.option_count)
                ] == ["email  bo@contoso.example", "phone  +49 30 1234567",
                      "vCard  name, org, emails, phones, links, notes"]  # fmt: skip

        await pilot.press("down", "enter")  # the phone
        await settle(pilot)
        assert app.screen is people
        assert app.clipboard == "+49 30 1234567"
        assert said.messages()[-1] == "Copied Bo Chen's phone: +49 30 1234567"

        await pilot.press("y", "down", "down", "enter")  # the vCard, written in a worker
        await wait_until(pilot, lambda: app.clipboard.startswith("BEGIN:VCARD"), what="vCard")
        assert "FN:Bo Chen" in app.clipboard and "TEL:+49 30 1234567" in app.clipboard
        assert "EMAIL;TYPE=INTERNET:bo@contoso.example" in app.clipboard
        assert said.messages()[-1].startswith("Copied Bo Chen's vCard")

        await pilot.press("y", "escape")  # escape copies nothing
        await settle(pilot)
        assert app.screen is people and app.clipboard.startswith("BEGIN:VCARD")


async def test_y_copies_the_vcard_of_someone_without_email_or_phone(journal_dir: Path) -> None:
    cy = Person.create(name="Cy Ode", org="Initech")
    app = make_app(journal_dir, cy)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.screen.select(cy.id)  # type: ignore[attr-defined]
        await pilot.press("y")
        await wait_until(pilot, lambda: "FN:Cy Ode" in app.clipboard, what="the vCard")
        assert "ORG:Initech" in app.clipboard


async def test_help_lists_y_and_ctrl_q(journal_dir: Path) -> None:
    app = make_app(journal_dir, Person.create(name="Ann Lee"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        lines = str(app.screen.query_one(Static).content).splitlines()
        assert any(line.split() == ["y", "Copy", "email"] for line in lines), lines
        (quit_anywhere,) = [line for line in lines if "from anywhere" in line]
        assert quit_anywhere.split()[0] == "^q"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("ctrl+q")  # and it does quit
        await pilot.pause()
        assert not app.is_running
