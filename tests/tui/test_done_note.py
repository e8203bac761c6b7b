"""`n` in Outreach and Review: done, saying what happened (a line, the channel); and the log
form's channel, typed by its first letters or taken from the words."""

from __future__ import annotations

from pathlib import Path

from textual.widgets import Input, Static

from netjournal.core.outreach_actions import mark_done
from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Outreach, Person
from netjournal.tui.screens.done_note import DoneNoteForm
from netjournal.tui.screens.help import HelpScreen
from netjournal.tui.screens.log_form import LogForm
from netjournal.tui.screens.outreach import OutreachScreen
from tests.tui.support import (
    SIZE,
    TODAY,
    area,
    form_error,
    make_app,
    paste,
    record_notifications,
    reopen,
    settle,
    table,
    wait_loaded,
)

ANN = Person.create(name="Ann [bold]Lee[/")
FOLLOW_UP = plan_outreach("follow-up", [ANN], due=TODAY, title="Send Ann the [b]NDA[/ template")
LATER = plan_outreach("reconnect", [ANN], due=TODAY, title="Reconnect with Ann")


async def test_n_in_outreach_logs_what_happened_and_u_takes_it_back(journal_dir: Path) -> None:
    app = make_app(journal_dir, ANN, FOLLOW_UP, LATER)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        screen = await area(pilot, "3")
        assert isinstance(screen, OutreachScreen)
        chosen = table(screen).current_key
        plan = reopen(journal_dir).get(Outreach, chosen or "")
        assert plan is not None
        await pilot.press("n")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, DoneNoteForm)
        said = form.query_one("#field-said", Input)
        assert app.focused is said and said.placeholder == plan.title
        channel = form.query_one("#field-channel", Input)
        await paste(pilot, "Phoned her: [b]yes[/b] to the pilot")
        assert channel.placeholder == "call"  # from the words, as typed
        await pilot.press("tab", *"fax", "ctrl+s")  # a channel that is none: nothing is done
        await settle(pilot)
        assert app.screen is form and "'fax' is not a channel" in form_error(form)
        assert app.focused is channel and reopen(journal_dir).interactions() == []
        channel.value = ""
        await pilot.press(*"ch", "ctrl+s")
        await settle(pilot)

        assert app.screen is screen
        [talk] = reopen(journal_dir).interactions()
        assert (talk.summary, talk.channel) == ("Phoned her: [b]yes[/b] to the pilot", "chat")
        done = reopen(journal_dir).get(Outreach, plan.id)
        assert done is not None and done.status == "done"
        assert table(screen).current_key not in (None, chosen)  # on to the next plan
        assert f"Done: {plan.title} (u takes it back)" in told.messages()
        await pilot.press("u")
        await settle(pilot)
        assert reopen(journal_dir).interactions() == []
        again = reopen(journal_dir).get(Outreach, plan.id)
        assert again is not None and again.status == "open"


async def test_n_and_d_show_in_help_and_the_review_key_line(journal_dir: Path) -> None:
    app = make_app(journal_dir, ANN, FOLLOW_UP)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        for key, hint in (("3", ""), ("4", "n done with a note")):
            screen = await area(pilot, key)
            if hint:
                assert hint in str(screen.query_one("#review-keys", Static).content)
            await pilot.press("question_mark")
            await settle(pilot)
            assert isinstance(app.screen, HelpScreen)
            text = str(app.screen.query_one(Static).content)
            assert "Done+note" in text and "Done" in text, text
            await pilot.press("escape")
            await settle(pilot)


async def test_escape_on_the_done_note_does_nothing(journal_dir: Path) -> None:
    app = make_app(journal_dir, ANN, FOLLOW_UP)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = await area(pilot, "4")
        await pilot.press("n", "escape")
        await settle(pilot)
        assert app.screen is screen
        assert reopen(journal_dir).interactions() == []
        assert reopen(journal_dir).get(Outreach, FOLLOW_UP.id) == FOLLOW_UP


async def test_the_log_form_takes_the_channel_from_the_words_or_its_letters(
    journal_dir: Path,
) -> None:
    app = make_app(journal_dir, ANN)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("l")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, LogForm)
        channel = form.query_one("#field-channel", Input)
        assert channel.placeholder == "meeting"
        await paste(pilot, "Lunch at the depot")
        assert channel.placeholder == "coffee (from your words)"
        await pilot.press("ctrl+s")
        await settle(pilot)
        await pilot.press("l")
        await settle(pilot)
        await paste(pilot, "Lunch, then the pricing")
        await pilot.press("tab", "e", "m", "ctrl+s")  # typed beats the words
        await settle(pilot)
        talks = {t.summary: t.channel for t in reopen(journal_dir).interactions()}
        assert talks == {"Lunch at the depot": "coffee", "Lunch, then the pricing": "email"}


async def test_editing_a_talk_keeps_its_channel(journal_dir: Path) -> None:
    talk = Interaction.create(date=TODAY, person_ids=[ANN.id], summary="Coffee", channel="call")
    app = make_app(journal_dir, ANN, talk)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.push_screen(LogForm(ANN, talk))
        await settle(pilot)
        assert app.screen.query_one("#field-channel", Input).value == "call"
        await pilot.press("end", *" and cake", "ctrl+s")
        await settle(pilot)
        [saved] = reopen(journal_dir).interactions()
        assert (saved.summary, saved.channel) == ("Coffee and cake", "call")


async def test_a_done_that_fails_brings_the_line_back(journal_dir: Path) -> None:
    app = make_app(journal_dir, ANN, FOLLOW_UP)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        told = record_notifications(app)
        screen = await area(pilot, "4")
        await pilot.press("n")
        await settle(pilot)
        await paste(pilot, "She signed")
        mark_done(reopen(journal_dir), FOLLOW_UP, TODAY)  # another window was quicker
        await pilot.press("ctrl+s")
        await settle(pilot)
        form = app.screen
        assert isinstance(form, DoneNoteForm) and form is not screen
        assert form.query_one("#field-said", Input).value == "She signed"  # not lost
        assert "is already done" in told.messages("error")[-1]
        assert [t.summary for t in reopen(journal_dir).interactions()] == [FOLLOW_UP.title]
