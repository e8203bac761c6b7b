"""`z`: snooze an outreach to a date typed in everyday words."""

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
from netjournal.core.records import Outreach
from netjournal.tui.contract import NetjournalModal
from netjournal.tui.safe_text import safe_assemble


class SnoozeDialog(NetjournalModal[None]):
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="snooze.cancel")]

    def __init__(self, outreach: Outreach) -> None:
        super().__init__()
        self.outreach = outreach
        self._saving = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(safe_assemble("Snooze ", (self.outreach.title, "bold"), " until:"))
            yield Input(
                placeholder="tomorrow, mon, +3d, +2w, next month, 2026-12-24",
                id="until",
                compact=True,
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
        problem = snooze_problem(self.outreach, until, day)
        if problem:
            self.query_one("#snooze-error", Static).update(Content(problem))
            return
        if not self._saving:
            self._saving = True
            self.run_worker(self._save(until), group="save")

    async def _save(self, until: date) -> None:
        app = self.nj
        try:
            result = await app.save(lambda store: snooze(store, self.outreach, until, app.today()))
        finally:
            self._saving = False
        if result is not None:
            said = (f"Snoozed until {until.isoformat()}" if result.snoozed_until
                    else f"Awake again, {awake_where(result, app.today())}")  # fmt: skip
            self.notify(f"{said}: {self.outreach.title}", markup=False)
            self.dismiss(None)

    def action_cancel(self) -> None:
        self.dismiss(None)
