"""Adding, editing, deleting and logging with people, checked on disk."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
from textual.widgets import Button, Input, OptionList, TextArea

from netjournal.core.records import Interaction, Outreach, Person
from netjournal.tui.screens.confirm import ConfirmDialog
from netjournal.tui.screens.delete_person import DeletePersonDialog
from netjournal.tui.screens.log_form import LogForm
from netjournal.tui.screens.people import PeopleScreen
from netjournal.tui.screens.person_form import PersonForm
from netjournal.tui.screens.same_person import SamePersonDialog
from tests.tui.support import (
    SIZE,
    TODAY,
    detail_text,
    field_value,
    form_error,
    make_app,
    paste,
    record_notifications,
    reopen,
    settle,
    table,
    wait_loaded,
)


async def test_add_a_person_focus_on_name_ctrl_s_saves(journal_dir: Path) -> None:
    zoe = Person.create(name="Zoe Zed")
    app = make_app(journal_dir, zoe)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PersonForm)
        assert app.focused is form.query_one("#field-name", Input)
        await pilot.press(*"Ada", "tab")
        await paste(pilot, "Analytical Engines")
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        [ada] = [p for p in reopen(journal_dir).people() if p.id != zoe.id]
        assert (ada.name, ada.org, ada.kind) == ("Ada", "Analytical Engines", "other")
        assert [row.cells[:2] for row in table(screen).rows] == [
            ("Ada", "Analytical Engines"),
            ("Zoe Zed", ""),
        ]
        assert table(screen).current_key == ada.id  # the cursor lands on the new person
        assert detail_text(screen).splitlines()[0] == "Ada"
        assert "Saved Ada." in told.messages()


async def test_an_empty_name_is_an_inline_sentence_and_the_form_keeps_the_text(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("a", "tab")
        await paste(pilot, "Orphan Org")
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, PersonForm)
        assert form_error(form) == "A person needs a name."
        assert field_value(form, "org") == "Orphan Org"
        assert reopen(journal_dir).people() == []
        # Fixing it and saving again works.
        assert app.focused is form.query_one("#field-name")  # the error takes you to the field
        await pilot.press(*"Nia")
        assert field_value(form, "name") == "Nia"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert [(p.name, p.org) for p in reopen(journal_dir).people()] == [("Nia", "Orphan Org")]


async def test_escape_closes_an_untouched_form_and_asks_before_discarding_typing(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("a")
        await pilot.pause()
        assert isinstance(app.screen, PersonForm)
        await pilot.press("escape")  # nothing typed: closes at once, no question
        await pilot.pause()
        assert isinstance(app.screen, PeopleScreen)

        await pilot.press("a", *"Zed")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PersonForm)
        assert field_value(form, "name") == "Zed"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("y")  # discard
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert reopen(journal_dir).people() == []


async def test_edit_a_person_keeps_what_was_not_touched(journal_dir: Path) -> None:
    grace = Person.create(
        name="Grace Hopper", org="Navy", role="Rear admiral", kind="expert", influence=2,
        interests="cobol, compilers", email=["grace@navy.example"], cadence_days=30,
        notes="Hands out nanoseconds.",
    )  # fmt: skip
    app = make_app(journal_dir, grace)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("e")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PersonForm)
        assert app.focused is form.query_one("#field-name", Input)
        assert field_value(form, "interests") == "cobol, compilers"
        await pilot.press("tab", "tab", "tab", "end", "ctrl+u")  # to Role, cleared
        await paste(pilot, "Commodore")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        [saved] = reopen(journal_dir).people()
        assert saved.role == "Commodore"
        unchanged = ("id", "created", "name", "org", "kind", "influence", "interests", "email",
                     "cadence_days", "notes")  # fmt: skip
        for name in unchanged:
            assert getattr(saved, name) == getattr(grace, name), name
        assert "Commodore" in detail_text(app.screen)


def _history(ann: Person, bob: Person) -> tuple[Interaction, Interaction, Outreach, Outreach]:
    day = date(2026, 11, 20)
    alone = Interaction.create(date=day, person_ids=[ann.id], summary="Just Ann")
    both = Interaction.create(date=day, person_ids=[ann.id, bob.id], summary="Ann and Bob")
    plan_alone = Outreach.create(kind="follow-up", title="Call Ann", person_ids=[ann.id])
    plan_both = Outreach.create(kind="follow-up", title="Call both", person_ids=[ann.id, bob.id])
    return alone, both, plan_alone, plan_both


async def test_delete_offers_keep_delete_cancel_and_keep_detaches_history(
    journal_dir: Path,
) -> None:
    ann, bob = Person.create(name="Ann Archer"), Person.create(name="Bob Builder")
    alone, both, plan_alone, plan_both = _history(ann, bob)
    app = make_app(journal_dir, ann, bob, alone, both, plan_alone, plan_both)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        assert table(app.screen).current_key == ann.id
        await pilot.press("x")
        await pilot.pause()
        dialog = app.screen
        assert isinstance(dialog, DeletePersonDialog)
        labels = [str(button.label) for button in dialog.query(Button)]
        assert labels == ["Delete, keep history (k)", "Delete with history (d)", "Cancel (esc/n)"]
        await pilot.press("escape")  # cancel: nothing changes
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        assert {p.id for p in reopen(journal_dir).people()} == {ann.id, bob.id}
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("k")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        store = reopen(journal_dir)
        assert [p.id for p in store.people()] == [bob.id]
        kept = {i.id: i.person_ids for i in store.interactions()}
        assert kept == {alone.id: (), both.id: (bob.id,)}
        plans = {o.id: (o.person_ids, o.status) for o in store.outreach()}
        # An open plan left with nobody cannot stay open: it is kept, as dropped.
        assert plans == {plan_alone.id: ((), "dropped"), plan_both.id: ((bob.id,), "open")}
        assert [row.key for row in table(app.screen).rows] == [bob.id]
        assert any(m.startswith("Deleted Ann Archer") for m in told.messages())


async def test_delete_with_history_removes_what_was_only_theirs(journal_dir: Path) -> None:
    ann, bob = Person.create(name="Ann Archer"), Person.create(name="Bob Builder")
    alone, both, plan_alone, plan_both = _history(ann, bob)
    app = make_app(journal_dir, ann, bob, alone, both, plan_alone, plan_both)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("x")
        await pilot.pause()
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
        store = reopen(journal_dir)
        assert [p.id for p in store.people()] == [bob.id]
        assert {i.id: i.person_ids for i in store.interactions()} == {both.id: (bob.id,)}
        assert {o.id: o.person_ids for o in store.outreach()} == {plan_both.id: (bob.id,)}


async def test_log_an_interaction_dated_today_shows_in_the_timeline(journal_dir: Path) -> None:
    ann = Person.create(name="Ann Archer", org="Contoso")
    app = make_app(journal_dir, ann)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        assert "Timeline (0)" in detail_text(app.screen)
        await pilot.press("l")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, LogForm)
        assert app.focused is form.query_one("#field-summary", Input)
        await paste(pilot, "Pallet robots")
        await pilot.press("ctrl+s")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        [interaction] = reopen(journal_dir).interactions()
        assert interaction.person_ids == (ann.id,)
        assert interaction.date == TODAY
        assert (interaction.summary, interaction.channel) == ("Pallet robots", "meeting")
        detail = detail_text(screen)
        assert "Timeline (1)" in detail
        assert re.search(rf"^{TODAY.isoformat()} +meeting +Pallet robots$", detail, re.MULTILINE)
        assert table(screen).rows[0].cells[3] == TODAY.isoformat()
        assert "Logged with Ann Archer." in told.messages()


async def test_ctrl_e_in_a_long_text_field_offers_the_editor(
    journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("VISUAL", raising=False)
    monkeypatch.delenv("EDITOR", raising=False)
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        await pilot.press("a")
        await pilot.pause()
        app.screen.query_one("#field-notes", TextArea).focus()
        await pilot.pause()
        await pilot.press("ctrl+e")
        await pilot.pause()
        assert told.messages() == ["Set $EDITOR to edit long text in your editor."]


async def test_adding_someone_you_have_asks_and_it_is_them_fills_them_in(
    journal_dir: Path,
) -> None:
    fabrikam = Person.create(name="Anna Smith", org="Fabrikam")
    contoso = Person.create(name="Anna Smith", org="Contoso", role="CFO")
    app = make_app(journal_dir, fabrikam, contoso)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        await pilot.press("a")
        await pilot.pause()
        form = app.screen
        assert isinstance(form, PersonForm)
        await paste(pilot, "Anna Smith")
        await pilot.press("tab")
        await paste(pilot, "Contoso")
        form.query_one("#field-email", Input).value = "anna@contoso.example"
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SamePersonDialog)
        offered = dialog.query_one("#same-people", OptionList)
        # Both Annas, the one at the org typed first.
        assert [offered.get_option_at_index(i).id for i in range(2)] == [contoso.id, fabrikam.id]
        assert offered.option_count == 2

        await pilot.press("escape")  # back to the form: nothing lost, nothing saved
        await settle(pilot)
        assert app.screen is form and field_value(form, "email") == "anna@contoso.example"
        assert len(reopen(journal_dir).people()) == 2

        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("y")  # it is her (the Contoso one, offered first)
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PeopleScreen)
        assert table(screen).current_key == contoso.id  # the list opens on her
        assert told.messages()[-1] == (
            "Anna Smith was already in your network: added email anna@contoso.example."
        )
    people = reopen(journal_dir).people()
    assert len(people) == 2
    anna = next(p for p in people if p.id == contoso.id)
    assert (anna.email, anna.role) == (("anna@contoso.example",), "CFO")


async def test_adding_a_namesake_who_is_someone_else_saves_a_new_person(
    journal_dir: Path,
) -> None:
    ann = Person.create(name="Ann Lee", org="Contoso")
    app = make_app(journal_dir, ann)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("a")
        await pilot.pause()
        await paste(pilot, "Anne Lee")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SamePersonDialog)
        await pilot.press("n")  # someone new
        await settle(pilot)
        assert isinstance(app.screen, PeopleScreen)
    assert sorted(p.name for p in reopen(journal_dir).people()) == ["Ann Lee", "Anne Lee"]
