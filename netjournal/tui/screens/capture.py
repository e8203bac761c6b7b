"""Capture mode (`c`): the event first, then one quick entry per person met, as fast as scribbling.

`enter` in the event or date field goes to the person's name (and from field to field);
`ctrl+s` saves the person and clears the form for the next one, keeping the event; `ctrl+l`
notes a learning from the event; `escape` ends with a summary and offers the follow-ups.

A business card fits: email, phone and kind sit on one row, and a follow-up has a note of its
own. A name close to people you have asks which of them it is; someone with an open
follow-up is asked about adding to it rather than planning a second.
"""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Checkbox, Footer, Header, Input, Label, Select, Static

from netjournal.core.capture import Captured, Entry, Tally, capture, check, open_follow_up
from netjournal.core.dates import parse_due, parse_past
from netjournal.core.errors import DateError, NetjournalError
from netjournal.core.records import PERSON_KINDS, Outreach, Person
from netjournal.core.same_person import likely_same
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.safe_text import safe_content
from netjournal.tui.widgets.key_hint import KeyHint
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
            yield from self._lines(WHO_FIELDS)
            with Horizontal(id="capture-card"):
                for name, label in CARD_FIELDS:
                    with Vertical():
                        yield Label(label)
                        yield Input(id=f"field-{name}", compact=True)
                with Vertical(id="capture-kind"):
                    yield Label("Kind")
                    yield Select([(k, k) for k in PERSON_KINDS], value="other", allow_blank=False,
                                 id="field-kind", compact=True)  # fmt: skip
            yield from self._lines(TALK_FIELDS)
            with Horizontal(id="capture-follow-up"):
                yield Checkbox(FOLLOW_UP_LABEL[False], id="field-follow_up", compact=True)
                yield Label(" due ")
                yield Input(FOLLOW_UP_DUE, id="field-due", compact=True)
            yield from self._lines((NOTE_FIELD,))
        yield Static("", id="form-error", markup=False)
        yield KeyHint("enter next field · tab between fields · {capture.save} save person · "
                      "{capture.learning} a learning · {capture.finish} end capture",
                      id="review-keys")  # fmt: skip
        yield Footer()

    def _lines(self, fields: tuple[tuple[str, str], ...]) -> ComposeResult:
        for name, label in fields:
            yield Label(Content(label), classes="form-label")
            suggester = self._suggester("interests", many=True) if name == "interests" else None
            yield Input(id=f"field-{name}", compact=True, suggester=suggester)

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
        known = likely_same(entry.name, snapshot.people.values(), entry.org)
        if not known:
            self._save(entry, event, day, None)
            return
        from netjournal.tui.screens.same_person import SameAnswer, SamePersonDialog

        def answered(answer: SameAnswer | None) -> None:
            if answer is None:
                return  # back to typing
            if answer.person is None:
                self._save(entry, event, day, None)
            else:
                self._ask_about_follow_up(entry, event, day, answer.person)

        self.app.push_screen(SamePersonDialog(entry.name, known), answered)

    def _ask_about_follow_up(self, entry: Entry, event: str, day: date, known: Person) -> None:
        """Someone with an open follow-up: add this one's note to it, or plan a second?"""
        snapshot = self.nj.snapshot
        plans = snapshot.outreach.values() if snapshot else ()
        open_plan = open_follow_up(known.id, plans) if entry.follow_up else None
        if open_plan is None:
            self._save(entry, event, day, known)
            return
        from netjournal.tui.screens.open_follow_up import OpenFollowUpDialog

        def answered(add: bool | None) -> None:
            if add is not None:
                self._save(entry, event, day, known, open_plan if add else None)

        self.app.push_screen(OpenFollowUpDialog(known, open_plan, self.nj.today()), answered)

    def _save(
        self, entry: Entry, event: str, day: date, known: Person | None,
        add_to: Outreach | None = None,
    ) -> None:  # fmt: skip
        self._saving = True
        self.run_worker(self._saved(entry, event, day, known, add_to), group="save")

    async def _saved(
        self, entry: Entry, event: str, day: date, known: Person | None, add_to: Outreach | None
    ) -> None:
        try:
            result: Captured | None = await self.nj.save(
                lambda store: capture(store, entry, event, day, known, add_to)
            )
        finally:
            self._saving = False
        if result is None:
            self._error("Not saved: see the message; what you typed is still here.")
            return
        self.tally.event = event
        self.tally.people += 1
        self.tally.matched += known is not None
        follow_up = result.follow_up
        if follow_up is not None and follow_up.id not in self.tally.follow_up_ids:
            self.tally.follow_up_ids.append(follow_up.id)
        self._clear()
        said = "logged the meeting with" if known else "added"
        added = "; the note is added to their open follow-up" if result.added_to_plan else ""
        self.notify(f"{event}: {said} {result.person.name}{added}.", markup=False)

    def _clear(self) -> None:
        for name, _ in PERSON_FIELDS:
            self._input(name).value = ""
        self.query_one("#field-kind", Select).value = "other"
        self.query_one("#field-follow_up", Checkbox).value = False
        self._input("due").value = FOLLOW_UP_DUE
        self._input("name").focus()
        self._show_tally()

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
