"""Capture mode (`c`): the event first, then one quick entry per person met, as fast as scribbling.

The common path costs few keys: `enter` goes to the next field usually filled (event, name,
organisation, what you talked about, follow-up note; `tab` reaches every field), `ctrl+f`
turns the follow-up on or off, and `ctrl+s` (or `enter` in the follow-up note) saves the
person and clears the form for the next one at once, keeping the event. `ctrl+l` notes a
learning from the event; `escape` ends with a summary and offers the follow-ups.

A business card fits: email, phone and kind sit on one row, and a follow-up has a note of its
own. A name close to people you have asks which of them it is; someone with an open
follow-up is asked about adding to it rather than planning a second.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Header, Input, Label, Select, Static

from netjournal.core.capture import Captured, Entry, Tally, capture, check, open_follow_up
from netjournal.core.dates import parse_due, parse_past
from netjournal.core.errors import DateError, NetjournalError
from netjournal.core.records import PERSON_KINDS, Outreach, Person
from netjournal.core.same_person import likely_same
from netjournal.core.words import count_of
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.keys import key_hint
from netjournal.tui.safe_text import safe_content
from netjournal.tui.widgets.key_footer import KeyFooter
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.typed_input import TypedInput, type_where_the_focus_is
from netjournal.tui.widgets.word_suggester import WordListSuggester

WHO_FIELDS = (
    ("name", "Name"),
    ("org", "Organisation"),
    ("department_role", "Department / role (Sales / Key accounts; no slash: the role)"),
)
CARD_FIELDS = (("email", "Email"), ("phone", "Phone"))  # one row with the kind, as on a card
TALK_FIELDS = (
    ("talked", "What you talked about"),
    ("interests", "Interests heard (comma-separated)"),
)
NOTE_FIELD = ("follow_up_note", "Follow-up note (what to send or do; apart from the talk)")
PERSON_FIELDS = (*WHO_FIELDS, *CARD_FIELDS, *TALK_FIELDS, NOTE_FIELD)  # every typed line
FOLLOW_UP_DUE = "+1w"
# In words too: a checkbox's X looks much the same ticked or not in many themes.
FOLLOW_UP_LABEL = {False: "Follow up: no ({capture.follow_up})",
                   True: "Follow up: yes ({capture.follow_up})"}  # fmt: skip
# Where enter goes: the fields filled for most people; the rest are a tab away.
NEXT_ON_ENTER = {"event": "name", "date": "name", "name": "org", "org": "talked",
                 "talked": "follow_up_note"}  # fmt: skip


@dataclass(frozen=True)
class Waiting:
    """A person typed and checked, waiting for their turn to be saved."""

    entry: Entry
    event: str
    day: date
    fields: dict[str, str | bool]  # as typed, to put back if it cannot be saved


class CaptureScreen(NetjournalScreen[None]):
    # Not priority bindings: those run as the key arrives, before the keys typed just ahead
    # of it reach the field, and saved a cut name. These come after them, in typing order.
    BINDINGS = [
        Binding("ctrl+s", "save", "Save person", id="capture.save"),
        Binding("ctrl+f", "follow_up", "Follow up", id="capture.follow_up"),
        Binding("ctrl+l", "learning", "Learning", id="capture.learning"),
        Binding("escape", "finish", "End capture", id="capture.finish"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tally = Tally(event="")
        self._waiting: list[Waiting] = []  # saved one at a time, in the order typed
        # Failed to save while the next person was typed: back in the form after that one.
        self._not_saved: list[tuple[Waiting, str]] = []
        self._busy = False  # saving one, or asking about one
        self._note_had_text = False
        self._end_after_save = False  # escape while saving: the summary counts them all

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content("Capture: name the event, then each person you met"), id="progress")
        with VerticalScroll(id="capture"):
            with Horizontal(id="capture-event"):
                with Vertical():
                    yield Label("Event")
                    yield TypedInput(id="field-event", compact=True, placeholder="LogiMAT 2027",
                                     suggester=self._suggester("events"),
                                     on_enter=self._next_field)  # fmt: skip
                with Vertical(id="capture-date"):
                    yield Label("Date")
                    yield TypedInput("today", id="field-date", compact=True,
                                     on_enter=self._next_field)  # fmt: skip
            yield from self._lines(WHO_FIELDS)
            with Horizontal(id="capture-card"):
                for name, label in CARD_FIELDS:
                    with Vertical():
                        yield Label(label)
                        yield TypedInput(id=f"field-{name}", compact=True,
                                         on_enter=self._next_field)  # fmt: skip
                with Vertical(id="capture-kind"):
                    yield Label("Kind")
                    yield Select([(k, k) for k in PERSON_KINDS], value="other", allow_blank=False,
                                 id="field-kind", compact=True)  # fmt: skip
            yield from self._lines(TALK_FIELDS)
            with Horizontal(id="capture-follow-up"):
                yield Checkbox("Follow up", id="field-follow_up", compact=True)
                yield Label(" due ")
                yield TypedInput(FOLLOW_UP_DUE, id="field-due", compact=True,
                                 on_enter=self._next_field)  # fmt: skip
            yield from self._lines((NOTE_FIELD,))
        yield Static("", id="form-error", markup=False)
        yield KeyHint("enter next field · tab every field · {capture.follow_up} follow up · "
                      "{capture.save} save person · {capture.learning} a learning · "
                      "{capture.finish} end capture", id="review-keys")  # fmt: skip
        yield KeyFooter()

    def _lines(self, fields: tuple[tuple[str, str], ...]) -> ComposeResult:
        for name, label in fields:
            yield Label(Content(label), classes="form-label")
            suggester = self._suggester("interests", many=True) if name == "interests" else None
            yield TypedInput(id=f"field-{name}", compact=True, suggester=suggester,
                             on_enter=self._next_field)  # fmt: skip

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        self._label_follow_up()

    def _label_follow_up(self) -> None:
        box = self.query_one("#field-follow_up", Checkbox)
        box.label = key_hint(self, FOLLOW_UP_LABEL[box.value], style="")

    def action_follow_up(self) -> None:
        box = self.query_one("#field-follow_up", Checkbox)
        box.value = not box.value

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id != "field-follow_up_note":
            return
        # A follow-up note means a follow-up: starting one ticks it (unticked, it is not kept).
        has_text = bool(event.value.strip())
        if has_text and not self._note_had_text:
            self.query_one("#field-follow_up", Checkbox).value = True
        self._note_had_text = has_text

    def _suggester(self, what: str, many: bool = False) -> WordListSuggester:
        def used() -> list[str]:
            snapshot = self.nj.snapshot
            return snapshot.values_used.get(what, []) if snapshot else []

        return WordListSuggester(used, single=not many)

    def on_mount(self) -> None:
        self.sub_title = "Capture"
        self._label_follow_up()
        self.set_focus(self._input("event"), scroll_visible=False)  # now: focus() waits a turn

    def on_key(self, event: events.Key) -> None:
        type_where_the_focus_is(self, event, self._input("event"))

    # Typing

    def _input(self, name: str) -> Input:
        return self.query_one(f"#field-{name}", Input)

    def _next_field(self, field: Input) -> None:
        """enter: on along the quick path (at once, so the keys typed next land there)."""
        if field.id == "field-event" and field.cursor_at_end:
            field.action_cursor_right()  # enter takes the past event's name offered
        name = (field.id or "").removeprefix("field-")
        if name == NOTE_FIELD[0]:
            self.action_save()  # the last field of the quick path: enter saves the person
        elif name in NEXT_ON_ENTER:
            self.set_focus(self._input(NEXT_ON_ENTER[name]))  # now: focus() waits a turn
        else:
            self.focus_next()

    def _error(self, message: str, field: str = "") -> None:
        self.query_one("#form-error", Static).update(safe_content(message))
        if field:
            self.query_one(f"#field-{field}").focus()

    def _event(self) -> tuple[str, date]:
        """The event's name and day (DateError for a day that does not parse or is ahead)."""
        event = " ".join(self._input("event").value.split())
        return event, parse_past(self._input("date").value, self.nj.today(), "A meeting")

    def _entry(self) -> Entry:
        values = {name: self._input(name).value for name, _ in PERSON_FIELDS}
        values["kind"] = str(self.query_one("#field-kind", Select).value)
        follow_up = self.query_one("#field-follow_up", Checkbox).value
        due = None
        if follow_up:
            try:
                due = parse_due(self._input("due").value, self.nj.today())
            except DateError as error:
                self._error(str(error), "due")
                raise
        return Entry(**values, follow_up=follow_up, due=due)

    # Saving one person

    def action_save(self) -> None:
        """Check what was typed, then clear the form at once for the next person: this one is
        saved in turn (after a save still running, and a question if the name is known)."""
        if self.nj.snapshot is None:
            return
        try:
            event, day = self._event()
        except DateError as error:
            self._error(str(error), "date")
            return
        try:
            entry = self._entry()
            check(entry, event)
        except DateError:
            return  # already shown at the due field
        except NetjournalError as error:
            self._error(str(error), error.field)
            return
        self._error("")
        self._waiting.append(Waiting(entry, event, day, self._typed()))
        self._clear()  # now, not after the save: the next person typed meanwhile is kept
        if self._not_saved:  # a failed one comes back to be saved again
            self._put_back(*self._not_saved.pop(0))
        self._next()

    def _next(self) -> None:
        """Save the next person waiting, asking first if the name is close to people you have."""
        if self._busy:
            return
        if not self._waiting:
            if self._end_after_save:
                self._end_after_save = False
                self.action_finish()
            return
        person = self._waiting.pop(0)
        snapshot = self.nj.snapshot
        people = snapshot.people.values() if snapshot else ()
        known = likely_same(person.entry.name, people, person.entry.org)
        if not known:
            self._save(person, None)
            return
        from netjournal.tui.screens.same_person import SameAnswer, SamePersonDialog

        def answered(answer: SameAnswer | None) -> None:
            self._busy = False
            if answer is None:
                self._put_back(person, "")  # back to typing
                self._next()
            elif answer.person is None:
                self._save(person, None)
            else:
                self._ask_about_follow_up(person, answer.person)

        self._busy = True
        self.app.push_screen(SamePersonDialog(person.entry.name, known), answered)

    def _ask_about_follow_up(self, person: Waiting, known: Person) -> None:
        """Someone with an open follow-up: add this one's note to it, or plan a second?"""
        snapshot = self.nj.snapshot
        plans = snapshot.outreach.values() if snapshot else ()
        open_plan = open_follow_up(known.id, plans) if person.entry.follow_up else None
        if open_plan is None:
            self._save(person, known)
            return
        from netjournal.tui.screens.open_follow_up import OpenFollowUpDialog

        def answered(add: bool | None) -> None:
            self._busy = False
            if add is None:
                self._put_back(person, "")
                self._next()
            else:
                self._save(person, known, open_plan if add else None)

        self._busy = True
        self.app.push_screen(OpenFollowUpDialog(known, open_plan, self.nj.today()), answered)

    def _save(self, person: Waiting, known: Person | None, add_to: Outreach | None = None) -> None:
        self._busy = True
        self.run_worker(self._saved(person, known, add_to), group="save")

    async def _saved(self, person: Waiting, known: Person | None, add_to: Outreach | None) -> None:
        entry, event, day = person.entry, person.event, person.day
        try:
            result: Captured | None = await self.nj.save(
                lambda store: capture(store, entry, event, day, known, add_to)
            )
        finally:
            self._busy = False
        if result is None:
            self._put_back(person, "Not saved: see the message; what you typed is still here.")
        else:
            self._count(result, event, known)
        self._next()

    def _count(self, result: Captured, event: str, known: Person | None) -> None:
        self.tally.event = event
        self.tally.people += 1
        self.tally.matched += known is not None
        follow_up = result.follow_up
        if follow_up is not None and follow_up.id not in self.tally.follow_up_ids:
            self.tally.follow_up_ids.append(follow_up.id)
        self._show_tally()
        said = "logged the meeting with" if known else "added"
        added = "; the note is added to their open follow-up" if result.added_to_plan else ""
        self.notify(f"{event}: {said} {result.person.name}{added}.", markup=False)

    def _typed(self) -> dict[str, str | bool]:
        """The person's fields as they are now (to put back if the save fails)."""
        typed: dict[str, str | bool] = {name: self._input(name).value for name, _ in PERSON_FIELDS}
        typed["kind"] = str(self.query_one("#field-kind", Select).value)
        typed["follow_up"] = self.query_one("#field-follow_up", Checkbox).value
        typed["due"] = self._input("due").value
        return typed

    def _put_back(self, person: Waiting, message: str) -> None:
        """A person not saved goes back in the form, unless the next one is being typed there."""
        if self._typing():
            self._not_saved.append((person, message))
            self._error(f"Not saved: {person.entry.name}; they come back here once this one is.")
            return
        for name, value in person.fields.items():
            if isinstance(value, bool):
                self.query_one("#field-follow_up", Checkbox).value = value
            elif name == "kind":
                self.query_one("#field-kind", Select).value = value
            else:
                self._input(name).value = value
        self._error(message)

    def _clear(self) -> None:
        for name, _ in PERSON_FIELDS:
            self._input(name).value = ""
        self.query_one("#field-kind", Select).value = "other"
        self.query_one("#field-follow_up", Checkbox).value = False
        self._input("due").value = FOLLOW_UP_DUE
        self.set_focus(self._input("name"))  # now, not a turn later: the next name goes here

    def _show_tally(self) -> None:
        self.query_one("#progress", Static).update(safe_content(self.tally.summary()))

    # A learning from the event

    def action_learning(self) -> None:
        from netjournal.tui.screens.learning_form import LearningForm

        event = " ".join(self._input("event").value.split())
        prefill = {"event": event, "date": self._input("date").value, "source_kind": "trade-show"}

        def closed(result: object) -> None:
            if result is not None:
                self.tally.learnings += 1
                self.tally.event = self.tally.event or event
                self._show_tally()

        self.app.push_screen(LearningForm(None, prefill), closed)

    # Ending

    HOLDS_TYPING = True  # the app's keys that would leave this screen are off here

    def unsaved_typing(self) -> bool:
        """A person half-typed, or waiting to be saved: quitting asks first (escape does too)."""
        return bool(self._waiting or self._not_saved) or self._typing()

    def _typing(self) -> bool:
        return any(self._input(name).value.strip() for name, _ in PERSON_FIELDS)

    def action_finish(self) -> None:
        if self._busy or self._waiting:
            self._end_after_save = True
            return
        if self._not_saved and not self._typing():  # show it before anything is discarded
            self._put_back(*self._not_saved.pop(0))
            return
        if not self.unsaved_typing():
            self._end()
            return
        from netjournal.tui.screens.confirm import ConfirmDialog

        others = len(self._not_saved)
        also = f" and {count_of(others, 'person', 'people')} not saved" if others else ""

        def answered(discard: bool | None) -> None:
            if discard:
                self._end()

        self.app.push_screen(
            ConfirmDialog(f"End capture and discard the person you were typing{also}?", "Discard",
                          "Keep typing"), answered)  # fmt: skip

    def _end(self) -> None:
        tally = self.tally
        self.dismiss(None)
        if not (tally.people or tally.learnings):
            return
        from netjournal.tui.screens.capture_summary import CaptureSummary

        self.app.push_screen(CaptureSummary(tally))
