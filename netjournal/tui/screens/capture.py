"""Capture mode (`c`): the event first, then one quick entry per person met, as fast as scribbling.

`enter` in the event or date field goes to the person's name (and from field to field);
`ctrl+s` saves the person and clears the form for the next one, keeping the event; `ctrl+l`
notes a learning from the event; `escape` ends with a summary and offers the follow-ups.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Footer, Header, Input, Label, Static

from netjournal.core.capture import Entry, Tally, capture, check, same_person
from netjournal.core.dates import parse_due, parse_past
from netjournal.core.errors import DateError, NetjournalError
from netjournal.core.records import Person
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.word_suggester import WordListSuggester

PERSON_FIELDS = (
    ("name", "Name"),
    ("org", "Organisation"),
    ("department_role", "Department / role (Sales / Key accounts; no slash: the role)"),
    ("talked", "What you talked about"),
    ("interests", "Interests heard (comma-separated)"),
)
FOLLOW_UP_DUE = "+1w"
# In words too: a checkbox's X looks much the same ticked or not in many themes.
FOLLOW_UP_LABEL = {False: "Follow up: no (space)", True: "Follow up: yes"}


class CaptureScreen(NetjournalScreen[None]):
    BINDINGS = [
        Binding("ctrl+s", "save", "Save person", priority=True, id="capture.save"),
        Binding("ctrl+l", "learning", "Learning", priority=True, id="capture.learning"),
        Binding("escape", "finish", "End capture", id="capture.finish"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.tally = Tally(event="")
        self._saving = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content("Capture: name the event, then each person you met"), id="progress")
        with VerticalScroll(id="capture"):
            with Horizontal(id="capture-event"):
                with Vertical():
                    yield Label("Event")
                    yield Input(id="field-event", compact=True, placeholder="LogiMAT 2027",
                                suggester=self._suggester("events"))  # fmt: skip
                with Vertical(id="capture-date"):
                    yield Label("Date")
                    yield Input("today", id="field-date", compact=True)
            for name, label in PERSON_FIELDS:
                yield Label(Content(label), classes="form-label")
                suggester = self._suggester("interests", many=True) if name == "interests" else None
                yield Input(id=f"field-{name}", compact=True, suggester=suggester)
            with Horizontal(id="capture-follow-up"):
                yield Checkbox(FOLLOW_UP_LABEL[False], id="field-follow_up", compact=True)
                yield Label(" due ")
                yield Input(FOLLOW_UP_DUE, id="field-due", compact=True)
        yield Static("", id="form-error", markup=False)
        yield KeyHint("enter next field · tab between fields · {capture.save} save person · "
                      "{capture.learning} a learning · {capture.finish} end capture",
                      id="review-keys")  # fmt: skip
        yield Footer()

    def on_checkbox_changed(self, event: Checkbox.Changed) -> None:
        event.checkbox.label = FOLLOW_UP_LABEL[event.value]

    def _suggester(self, what: str, many: bool = False) -> WordListSuggester:
        def used() -> list[str]:
            snapshot = self.nj.snapshot
            return snapshot.values_used.get(what, []) if snapshot else []

        return WordListSuggester(used, single=not many)

    def on_mount(self) -> None:
        self.sub_title = "Capture"
        self.query_one("#field-event", Input).focus()

    # Typing

    def _input(self, name: str) -> Input:
        return self.query_one(f"#field-{name}", Input)

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if event.input.id == "field-event" and event.input.cursor_at_end:
            event.input.action_cursor_right()  # enter takes the past event's name offered
        if event.input.id in ("field-event", "field-date"):
            self._input("name").focus()
        else:
            self.focus_next()

    def _error(self, message: str, field: str = "") -> None:
        self.query_one("#form-error", Static).update(Content(message))
        if field:
            self.query_one(f"#field-{field}").focus()

    def _event(self) -> tuple[str, date]:
        """The event's name and day (DateError for a day that does not parse or is ahead)."""
        event = " ".join(self._input("event").value.split())
        return event, parse_past(self._input("date").value, self.nj.today(), "A meeting")

    def _entry(self) -> Entry:
        values = {name: self._input(name).value for name, _ in PERSON_FIELDS}
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
        snapshot = self.nj.snapshot
        if self._saving or snapshot is None:
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
        known = same_person(entry.name, snapshot.people.values())
        if known is None:
            self._save(entry, event, day, None)
            return
        from netjournal.tui.screens.same_person import SamePersonDialog

        def answered(same: bool | None) -> None:
            if same is not None:
                self._save(entry, event, day, known if same else None)

        self.app.push_screen(SamePersonDialog(entry.name, known), answered)

    def _save(self, entry: Entry, event: str, day: date, known: Person | None) -> None:
        self._saving = True
        self.run_worker(self._saved(entry, event, day, known), group="save")

    async def _saved(self, entry: Entry, event: str, day: date, known: Person | None) -> None:
        try:
            result = await self.nj.save(lambda store: capture(store, entry, event, day, known))
        finally:
            self._saving = False
        if result is None:
            self._error("Not saved: see the message; what you typed is still here.")
            return
        person, _, follow_up = result
        self.tally.event = event
        self.tally.people += 1
        self.tally.matched += known is not None
        if follow_up is not None:
            self.tally.follow_up_ids.append(follow_up.id)
        self._clear()
        said = "logged the meeting with" if known else "added"
        self.notify(f"{event}: {said} {person.name}.", markup=False)

    def _clear(self) -> None:
        for name, _ in PERSON_FIELDS:
            self._input(name).value = ""
        self.query_one("#field-follow_up", Checkbox).value = False
        self._input("due").value = FOLLOW_UP_DUE
        self._input("name").focus()
        self._show_tally()

    def _show_tally(self) -> None:
        self.query_one("#progress", Static).update(Content(self.tally.summary()))

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
        """A person half-typed: quitting asks first (escape does too)."""
        return any(self._input(name).value.strip() for name, _ in PERSON_FIELDS)

    def action_finish(self) -> None:
        if not self.unsaved_typing():
            self._end()
            return
        from netjournal.tui.screens.confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self._end()

        self.app.push_screen(
            ConfirmDialog("End capture and discard the person you were typing?", "Discard",
                          "Keep typing"), answered)  # fmt: skip

    def _end(self) -> None:
        tally = self.tally
        self.dismiss(None)
        if not (tally.people or tally.learnings):
            return
        from netjournal.tui.screens.capture_summary import CaptureSummary

        self.app.push_screen(CaptureSummary(tally))
