"""`z`: snooze an outreach, or a person in the review ("not before DATE"), to a date typed in
everyday words."""

from __future__ import annotations

from datetime import date

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Static

from netjournal.core.dates import parse_date
from netjournal.core.errors import NetjournalError
from netjournal.core.outreach_actions import awake_where, snooze, snooze_problem
from netjournal.core.person_quiet import keep_quiet, quiet_problem
from netjournal.core.records import Outreach, Person
from netjournal.tui.contract import NetjournalModal
from netjournal.tui.safe_text import safe_assemble
from netjournal.tui.widgets.typed_input import TypedInput


class SnoozeDialog(NetjournalModal[None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="snooze.cancel")]

    def __init__(self, snoozed: Outreach | Person) -> None:
        super().__init__()
        self.snoozed = snoozed  # a plan, or a person kept out of the review until the day
        self._saving = False

    @property
    def label(self) -> str:
        return self.snoozed.label

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(safe_assemble("Snooze ", (self.label, "bold"), " until:"))
            yield TypedInput(
                placeholder="tomorrow, mon, +3d, +2w, next month, 2026-12-24",
                id="until",
                compact=True,
            )
            if isinstance(self.snoozed, Person):
                yield Static(
                    "Not in the review as going cold before this day (today: back in it).",
                    classes="dialog-hint",
                    markup=False,
                )
            yield Static("", id="snooze-error", markup=False)

    def on_mount(self) -> None:
        self.query_one("#until", Input).focus()

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        app = self.nj
        day = app.today()
        try:
            until = parse_date(event.value, day)
        except NetjournalError as error:
            self.query_one("#snooze-error", Static).update(Content(str(error)))
            return
        problem = (
            quiet_problem(self.snoozed, until, day)
            if isinstance(self.snoozed, Person)
            else snooze_problem(self.snoozed, until, day)
        )
        if problem:
            self.query_one("#snooze-error", Static).update(Content(problem))
            return
        if not self._saving:
            self._saving = True
            self.run_worker(self._save(until), group="save")

    async def _save(self, until: date) -> None:
        app = self.nj
        snoozed = self.snoozed
        try:
            if isinstance(snoozed, Person):
                quiet = await app.save(lambda store: keep_quiet(store, snoozed, until, app.today()))
                said = None if quiet is None else (
                    f"Quiet until {until.isoformat()}" if quiet.quiet_until else "Back in the review")  # fmt: skip
            else:
                plan = await app.save(lambda store: snooze(store, snoozed, until, app.today()))
                said = None if plan is None else (
                    f"Snoozed until {until.isoformat()}" if plan.snoozed_until
                    else f"Awake again, {awake_where(plan, app.today())}")  # fmt: skip
        finally:
            self._saving = False
        if said is not None:
            self.notify(f"{said}: {self.label}", markup=False)
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
