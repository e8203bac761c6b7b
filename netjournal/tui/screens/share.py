"""`s` on a learning: people ranked for it, `space` picks, `enter` plans one share each.

The due date (today unless changed: tab to it) takes everyday forms like the forms do.
Dismisses with the number of shares planned (0 when cancelled).
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Input, Label, Static

from netjournal.core.dates import parse_due
from netjournal.core.errors import NetjournalError
from netjournal.core.planning import plan_outreach, planned_share_people
from netjournal.core.records import Learning
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.suggest import suggest_people
from netjournal.core.words import count_of
from netjournal.tui.widgets.record_table import Column, RecordTable, Row

if TYPE_CHECKING:
    from netjournal.tui.app import NetjournalApp


class ShareScreen(Screen[int]):
    BINDINGS = [
        Binding("space", "pick", "Pick", id="share.pick"),
        Binding("enter", "plan", "Plan shares", priority=True, id="share.plan"),
        Binding("escape", "close", "Cancel", id="share.close"),
    ]

    def __init__(self, learning: Learning, picked: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.learning = learning
        self.picked: list[str] = list(picked)  # pre-picked by the review's strong matches
        self.planned: set[str] = set()  # people a share of this learning is planned with
        self._rows: dict[str, tuple[str, str, str]] = {}
        self._saving = False

    @property
    def nj(self) -> NetjournalApp:
        return cast("NetjournalApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            Content.assemble("Share ", (self.learning.title, "bold"), " with…"), id="progress"
        )
        yield RecordTable(
            (Column("", width=3), Column("Person", weight=1.0), Column("Why", weight=2.0)),
            id="list",
        )
        with Horizontal(id="share-due"):
            yield Label("Due ")
            yield Input("today", placeholder="today, fri, +1w, 2026-12-14", id="due")
        yield Static(Content("space picks · tab: due date · enter plans a share for each · "
                             "escape cancels"), id="review-keys")  # fmt: skip
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = "Share"
        snapshot = self.nj.snapshot
        if snapshot is None:
            return
        has_it = {p.id for p in snapshot.shared_with(self.learning.id)}
        self.planned = planned_share_people(snapshot.outreach.values(), self.learning.id)
        self.query_one("#list", RecordTable).focus()
        self._rank(snapshot, has_it)

    # A description, or Textual would repr() the snapshot to name the worker.
    @work(exclusive=True, group="share", description="rank people for the learning")
    async def _rank(self, snapshot: JournalSnapshot, has_it: set[str]) -> None:
        """Rank everyone off the event loop (a tenth of a second at 10,000 people)."""
        ranked = await asyncio.to_thread(
            suggest_people, self.learning, snapshot.people.values(), has_it | self.planned
        )
        # The review's strong fits (pre-picked) lead, in the order the review gave them.
        ranked.sort(key=lambda e: e.person.id not in self.picked)
        listed = {entry.person.id for entry in ranked}
        fits = [entry for entry in ranked if not entry.shared]
        others = sorted(
            (p for p in snapshot.people.values() if p.id not in listed),
            key=lambda p: p.name.casefold(),
        )
        # The fits, then everyone else, then those who have it or will get it: ranked out.
        for entry in fits:
            self._rows[entry.person.id] = ("", entry.person.name, "; ".join(entry.reasons))
        for person in others:
            self._rows[person.id] = ("", person.name, "")
        for entry in ranked:
            pid = entry.person.id
            if entry.shared:
                mark = "(already has it)" if pid in has_it else "(share already planned)"
                why = "; ".join(entry.reasons)
                self._rows[pid] = ("", entry.person.name, f"{why}  {mark}" if why else mark)
        self._show()

    def _show(self) -> None:
        rows = [
            Row(key, ("[x]" if key in self.picked else "[ ]", name, why), dim=not why)
            for key, (_, name, why) in self._rows.items()
        ]
        self.query_one("#list", RecordTable).set_rows(rows)

    def action_pick(self) -> None:
        key = self.query_one("#list", RecordTable).current_key
        if key is None:
            return
        if key in self.picked:
            self.picked.remove(key)
        else:
            self.picked.append(key)
        self._show()

    def action_plan(self) -> None:
        snapshot = self.nj.snapshot
        if snapshot is None or self._saving:
            return
        if not self.picked:
            self.notify("Pick people with space first.", markup=False)
            return
        due_field = self.query_one("#due", Input)
        try:
            due = parse_due(due_field.value, self.nj.today())
        except NetjournalError as error:
            self.notify(str(error), severity="error", markup=False)
            due_field.focus()
            return
        picked = [i for i in self.picked if i in snapshot.people and i not in self.planned]
        if not picked:
            self.notify("A share with everyone picked is already planned.", markup=False)
            return
        plans = [plan_outreach("share", [snapshot.people[i]], learning=self.learning, due=due)
                 for i in picked]  # fmt: skip
        self._saving = True
        self.run_worker(self._save(plans), group="save")

    async def _save(self, plans: list) -> None:  # type: ignore[type-arg]
        try:
            saved = await self.nj.save(lambda store: (store.add(*plans), len(plans))[1])
        finally:
            self._saving = False
        if saved:
            due = plans[0].due
            when = "someday" if due is None else (
                "due today" if due == self.nj.today() else f"due {due.isoformat()}")  # fmt: skip
            self.notify(
                f"Planned {count_of(saved, 'share')} of '{self.learning.title}', {when}.",
                markup=False,
            )
            self.dismiss(saved)

    def action_close(self) -> None:
        self.dismiss(0)
