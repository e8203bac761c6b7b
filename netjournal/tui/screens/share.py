"""`s` on a learning: people ranked for it, `space` picks, `b` picks the best three, `enter`
plans one share each.

The due date (today unless changed: tab to it) takes everyday forms like the forms do.
Dismisses with the number of shares planned (0 when cancelled).
"""

from __future__ import annotations

import asyncio

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Header, Input, Label, Static

from netjournal.core.dates import parse_due
from netjournal.core.errors import NetjournalError
from netjournal.core.planning import plan_outreach, planned_share_people
from netjournal.core.records import Learning, Outreach
from netjournal.core.share_picks import BEST, best_to_share
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.suggest import share_candidates
from netjournal.core.words import count_of
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.keys import key_text
from netjournal.tui.safe_text import safe_assemble
from netjournal.tui.widgets.key_footer import KeyFooter
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.record_table import Column, RecordTable, Row
from netjournal.tui.widgets.typed_input import TypedInput


class ShareScreen(NetjournalScreen[int]):
    BINDINGS = [
        Binding("space", "pick", "Pick", id="share.pick"),
        Binding("b", "pick_best", f"Pick best {BEST}", id="share.pick_best"),
        Binding("enter", "plan", "Plan shares", priority=True, id="share.plan"),
        Binding("escape", "close", "Cancel", id="share.close"),
    ]

    def __init__(self, learning: Learning, picked: tuple[str, ...] = ()) -> None:
        super().__init__()
        self.learning = learning
        self.picked: list[str] = list(picked)  # pre-picked by the review's strong matches
        self.planned: set[str] = set()  # people a share of this learning is planned with
        self._rows: dict[str, tuple[str, str, str]] = {}
        self._best: list[str] | None = None  # whom b picks; None until ranked
        self._saving = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(
            safe_assemble("Share ", (self.learning.title, "bold"), " with…"),
            id="progress",
        )
        yield RecordTable(
            (Column("", width=3), Column("Person", weight=1.0), Column("Why", weight=2.0)),
            id="list",
        )
        with Horizontal(id="share-due"):
            yield Label("Due ")
            yield TypedInput("today", placeholder="today, fri, +1w, 2026-12-14", id="due")
        yield KeyHint(f"{{share.pick}} picks · {{share.pick_best}} picks the best {BEST} · tab: "
                      "due date · {share.plan} plans a share for each · {share.close} cancels",
                      id="review-keys")  # fmt: skip
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Share"
        snapshot = self.nj.snapshot
        if snapshot is None:
            return
        self.planned = planned_share_people(snapshot.outreach.values(), self.learning.id)
        self.query_one("#list", RecordTable).focus()
        self._rank(snapshot)

    # A description, or Textual would repr() the snapshot to name the worker.
    @work(exclusive=True, group="share", description="rank people for the learning")
    async def _rank(self, snapshot: JournalSnapshot) -> None:
        """Rank everyone off the event loop (a tenth of a second at 10,000 people)."""
        # The fits (the review's pre-picked first), everyone else, then the ranked out.
        candidates = await asyncio.to_thread(
            share_candidates, snapshot, self.learning, everyone=True, picked=tuple(self.picked)
        )
        self._best = best_to_share(candidates)
        for entry in candidates:
            why = "; ".join(entry.reasons)
            mark = (
                "(already has it)" if entry.has_it
                else "(share already planned)" if entry.planned else ""
            )  # fmt: skip
            shown = "  ".join(part for part in (why, mark) if part)
            self._rows[entry.person.id] = ("", entry.person.name, shown)
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

    def action_pick_best(self) -> None:
        """Pick the people the learning fits best (the three at the top, as ranked)."""
        if self._best is None:
            self.notify("Still ranking people for it; press again in a moment.", markup=False)
            return
        if not self._best:
            self.notify(key_text(self, "It fits nobody in particular: pick people with "
                                 "{share.pick}."), markup=False)  # fmt: skip
            return
        self.picked += [i for i in self._best if i not in self.picked]
        self._show()

    def action_plan(self) -> None:
        snapshot = self.nj.snapshot
        if snapshot is None or self._saving:
            return
        if not self.picked:
            self.notify(key_text(self, "Pick people with {share.pick} first."), markup=False)
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

    async def _save(self, plans: list[Outreach]) -> None:
        def add_all(store: Store) -> int:
            store.add(*plans)
            return len(plans)

        try:
            saved = await self.nj.save(add_all)
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
