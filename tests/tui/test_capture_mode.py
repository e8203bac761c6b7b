"""Capture mode (`c`): an event, then a loop of quick person entries, a learning, the summary."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Checkbox, Input, OptionList, Select

from netjournal.core.records import Interaction, Learning, Outreach, Person
from netjournal.tui.screens.capture import CaptureScreen
from netjournal.tui.screens.capture_summary import CaptureSummary
from netjournal.tui.screens.confirm import ConfirmDialog
from netjournal.tui.screens.learning_form import LearningForm
from netjournal.tui.screens.open_follow_up import OpenFollowUpDialog
from netjournal.tui.screens.review import ReviewScreen
from netjournal.tui.screens.same_person import SamePersonDialog
from tests.tui.support import (
    SIZE,
    TODAY,
    make_app,
    paste,
    reopen,
    settle,
    static_text,
    table,
    wait_loaded,
)

ANN = Person.create(name="Ann Lee", org="Contoso", interests=["chess"])
LAST_YEAR = Interaction.create(date="2025-03-12", person_ids=[ANN.id], channel="event",
                               event="LogiMAT 2026", summary="Met at the stand")  # fmt: skip


async def test_a_whole_capture_session(journal_dir: Path) -> None:
    app = make_app(journal_dir, ANN, LAST_YEAR)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("c")
        await settle(pilot)
        capture = app.screen
        assert isinstance(capture, CaptureScreen)
        assert app.focused is capture.query_one("#field-event", Input)
        await pilot.press(*"Logi")
        await settle(pilot)
        await pilot.press("enter")  # takes the past event offered, goes to the name
        assert capture.query_one("#field-event", Input).value == "LogiMAT 2026"
        assert app.focused is capture.query_one("#field-name", Input)

        # A new person from her business card, with a follow-up due in a week.
        await paste(pilot, "Zoe Quist")
        await pilot.press("tab")
        await paste(pilot, "Litware")
        await pilot.press("tab")
        await paste(pilot, "Sales / Key accounts")
        await pilot.press("tab")
        await paste(pilot, "zoe@litware.example")
        await pilot.press("tab")
        await paste(pilot, "+49 170 1234567")
        await pilot.press("tab")
        kind = capture.query_one("#field-kind", Select)
        assert app.focused is kind
        kind.value = "customer"
        await pilot.press("tab")
        await paste(pilot, "Scanner pricing for 2027")
        await pilot.press("tab")
        await paste(pilot, "sailing, jazz")
        capture.query_one("#field-follow_up", Checkbox).value = True
        capture.query_one("#field-follow_up_note", Input).focus()
        await paste(pilot, "Send the 2027 price list")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert capture.query_one("#field-name", Input).value == ""  # cleared for the next one
        assert capture.query_one("#field-email", Input).value == ""
        assert kind.value == "other"
        assert capture.query_one("#field-event", Input).value == "LogiMAT 2026"  # kept
        assert app.focused is capture.query_one("#field-name", Input)

        # "Anne Lee" is Ann Lee: one key logs the meeting on her instead of a duplicate.
        await paste(pilot, "Anne Lee")
        await pilot.press(*["tab"] * 6)  # past org, department / role, email, phone, kind
        await paste(pilot, "Returns pilot")
        await pilot.press("tab")
        await paste(pilot, "sailing")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SamePersonDialog)
        await pilot.press("y")
        await settle(pilot)

        # A learning from the same event.
        await pilot.press("ctrl+l")
        await settle(pilot)
        assert isinstance(app.screen, LearningForm)
        await paste(pilot, "Shuttles beat AMRs above 40 m")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is capture
        assert static_text(capture, "#progress") == (
            "Captured 2 people, 1 follow-up, 1 learning at LogiMAT 2026 "
            "(1 already in your network)."
        )

        await pilot.press("escape")
        await settle(pilot)
        summary = app.screen
        assert isinstance(summary, CaptureSummary)
        assert static_text(summary, "#capture-summary").startswith("Captured 2 people")
        await pilot.press("r")  # the follow-ups, to go through now
        await settle(pilot)
        review = app.screen
        assert isinstance(review, ReviewScreen)
        assert [(str(r.cells[1]), str(r.cells[2])) for r in table(review).rows] == [(
            "Follow up with Zoe Quist after LogiMAT 2026",
            f"due {(TODAY + timedelta(weeks=1)).isoformat()} (in 7 days) · Send the 2027 price list",
        )]  # fmt: skip

    journal = reopen(journal_dir)
    people = {p.name: p for p in journal.people()}
    assert sorted(people) == ["Ann Lee", "Zoe Quist"]
    zoe = people["Zoe Quist"]
    assert (zoe.org, zoe.department, zoe.role, zoe.interests, zoe.met_via) == (
        "Litware", "Sales", "Key accounts", ("sailing", "jazz"), "LogiMAT 2026"
    )  # fmt: skip
    assert (zoe.email, zoe.phone, zoe.kind) == (
        ("zoe@litware.example",), ("+49 170 1234567",), "customer"
    )  # fmt: skip
    assert people["Ann Lee"].interests == ("chess", "sailing")  # added, nothing overwritten
    assert people["Ann Lee"].org == "Contoso"
    met = sorted((i.summary, i.person_ids, i.event, i.date, i.channel)
                 for i in journal.interactions() if i.id != LAST_YEAR.id)  # fmt: skip
    assert met == [
        ("Returns pilot", (ANN.id,), "LogiMAT 2026", TODAY, "event"),
        ("Scanner pricing for 2027", (zoe.id,), "LogiMAT 2026", TODAY, "event"),
    ]
    [follow_up] = journal.all(Outreach)
    assert (follow_up.kind, follow_up.person_ids, follow_up.due, follow_up.notes) == (
        "follow-up",
        (zoe.id,),
        TODAY + timedelta(weeks=1),
        "Send the 2027 price list",  # its own note; the talk is the meeting's summary
    )
    [learning] = journal.all(Learning)
    assert (learning.event, learning.source_kind, learning.date) == (
        "LogiMAT 2026",
        "trade-show",
        TODAY,
    )


async def test_capture_refuses_a_missing_event_or_name_and_keeps_the_typing(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("c")
        await settle(pilot)
        capture = app.screen
        await pilot.press("enter")
        await paste(pilot, "Zoe Quist")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert static_text(capture, "#form-error") == "Name the event first (e.g. LogiMAT 2027)."
        assert app.focused is capture.query_one("#field-event", Input)
        await paste(pilot, "[bold]Expo[/")
        capture.query_one("#field-date", Input).value = "tomorrow"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert "in the future" in static_text(capture, "#form-error")
        assert capture.query_one("#field-name", Input).value == "Zoe Quist"
        assert reopen(journal_dir).people() == []
        capture.query_one("#field-date", Input).value = "yesterday"
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert static_text(capture, "#progress").endswith("at [bold]Expo[/.")
        # Escape with a half-typed person asks before discarding it.
        await paste(pilot, "Half typed")
        await pilot.press("escape")
        await settle(pilot)
        await pilot.press("n")  # keep typing
        await settle(pilot)
        assert app.screen is capture
    [zoe] = reopen(journal_dir).people()
    assert zoe.name == "Zoe Quist"
    [met] = reopen(journal_dir).interactions()
    assert (met.event, met.date) == ("[bold]Expo[/", TODAY - timedelta(days=1))


async def test_keys_that_would_leave_capture_do_not_lose_a_half_typed_person(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, ANN)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("c")
        await settle(pilot)
        capture = app.screen
        await paste(pilot, "Test Fair")
        await pilot.press("enter")
        await paste(pilot, "Pia Unsaved")
        capture.query_one("#field-follow_up", Checkbox).focus()
        await pilot.pause()
        # Typed on the checkbox by mistake: these keys would leave or stack a second capture.
        await pilot.press("1", "2", "c", "slash")
        await settle(pilot)
        assert app.screen is capture and app.current_mode == "people"
        assert [type(s) for s in app.screen_stack].count(CaptureScreen) == 1
        assert capture.query_one("#field-name", Input).value == "Pia Unsaved"

        await pilot.press("q")  # asks, and "keep typing" keeps everything
        await settle(pilot)
        assert isinstance(app.screen, ConfirmDialog)
        await pilot.press("n")
        await settle(pilot)
        assert app.screen is capture and app.is_running
        assert capture.query_one("#field-name", Input).value == "Pia Unsaved"

        await pilot.press("ctrl+s")
        await settle(pilot)
        # Asked whether "Anne Lee" is Ann Lee: area keys and q wait for the answer.
        await paste(pilot, "Anne Lee")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, SamePersonDialog)
        await pilot.press("2", "q")
        await settle(pilot)
        assert isinstance(app.screen, SamePersonDialog) and app.current_mode == "people"
        assert app.is_running
        await pilot.press("y")  # the same person: logged on Ann, nothing typed is left
        await settle(pilot)
        capture.query_one("#field-follow_up", Checkbox).focus()
        await pilot.press("q")
        await settle(pilot)
        assert not app.is_running
    assert "Pia Unsaved" in {p.name for p in reopen(journal_dir).people()}


ANNA_F = Person.create(name="Anna Smith", org="Fabrikam")
ANNA_C = Person.create(name="Anna Smith", org="Contoso", email=["anna@contoso.example"])
HER_PLAN = Outreach.create(kind="follow-up", person_ids=[ANNA_C.id], title="Follow up with Anna",
                           notes="Pricing", due=TODAY + timedelta(days=3))  # fmt: skip


async def test_every_namesake_is_offered_and_an_open_follow_up_is_added_to(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, ANNA_F, ANNA_C, HER_PLAN)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("c")
        await settle(pilot)
        capture = app.screen
        await paste(pilot, "Expo")
        await pilot.press("enter")
        await paste(pilot, "Anna Smith")
        capture.query_one("#field-follow_up", Checkbox).value = True
        capture.query_one("#field-follow_up_note", Input).focus()
        await paste(pilot, "Send the case study")
        await pilot.press("ctrl+s")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, SamePersonDialog)
        offered = dialog.query_one("#same-people", OptionList)
        assert [offered.get_option_at_index(i).id for i in range(offered.option_count)] == [
            ANNA_F.id, ANNA_C.id,
        ]  # both Annas, not only the first  # fmt: skip
        assert "anna@contoso.example" in str(offered.get_option_at_index(1).prompt)
        await pilot.press("down", "y")  # the Contoso one
        await settle(pilot)
        asked = app.screen
        assert isinstance(asked, OpenFollowUpDialog)
        assert "Follow up with Anna" in static_text(asked, ".dialog-question")
        await pilot.press("y")  # add to it
        await settle(pilot)
        assert app.screen is capture
        assert static_text(capture, "#progress") == (
            "Captured 1 person, 1 follow-up, 0 learnings at Expo (1 already in your network)."
        )

    journal = reopen(journal_dir)
    assert len(journal.people()) == 2
    [plan] = journal.all(Outreach)  # no second plan
    assert plan.notes == f"Pricing\n\n{TODAY.isoformat()}, Expo: Send the case study"
    [met] = journal.interactions()
    assert met.person_ids == (ANNA_C.id,)


async def test_every_capture_field_is_reachable_at_80_by_24(journal_dir: Path) -> None:
    app = make_app(journal_dir)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_loaded(pilot)
        await pilot.press("c")
        await settle(pilot)
        capture = app.screen
        form = capture.query_one("#capture")
        names = ["event", "date", "name", "org", "department_role", "email", "phone", "kind",
                 "talked", "interests", "follow_up", "due", "follow_up_note"]  # fmt: skip
        for name in names:
            field = capture.query_one(f"#field-{name}")
            field.focus()
            await settle(pilot)
            assert form.region.contains_region(field.region), name  # scrolled into view
