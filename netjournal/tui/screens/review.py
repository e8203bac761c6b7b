"""Review (4): one pass through what deserves attention today, a key per action.

d done, z snooze (planned outreach), s skip for today, l log a note, p plan an outreach,
enter open. A progress line counts the items; when the last is handled, a summary says
what was done.
"""

from __future__ import annotations

import asyncio
from typing import TYPE_CHECKING, cast

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.screen import Screen
from textual.widgets import Footer, Header, Static

from netjournal.core.errors import NetjournalError
from netjournal.core.review import ReviewItem, outreach_item, review_queue
from netjournal.core.review_skips import skip_for_today, skipped_on
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.words import count_of
from netjournal.tui.widgets.record_table import Column, RecordTable, Row

if TYPE_CHECKING:
    from netjournal.tui.app import NetjournalApp

PLAN_KIND = {"cold": "reconnect", "power": "reconnect", "prospect": "bring-in"}


class ReviewScreen(Screen[None]):
    BINDINGS = [
        Binding("d", "done", "Done", id="review.done"),
        Binding("u", "undo", "Undo done", show=False, id="review.undo"),  # the key line says it
        Binding("z", "snooze", "Snooze", id="review.snooze"),
        Binding("s", "skip", "Skip today", id="review.skip"),
        Binding("l", "log", "Log", id="review.log"),
        Binding("p", "plan", "Plan", id="review.plan"),
        Binding("D", "drop", "Drop", id="review.drop"),
        Binding("escape", "close", "Close", id="review.close"),
    ]

    def __init__(self, only: tuple[str, ...] = (), title: str = "") -> None:
        super().__init__()
        self.only = only  # a review of these outreach ids only (capture's follow-ups)
        self.title_text = title
        self.items: dict[str, ReviewItem] = {}
        self.seen: set[str] = set()  # every item the queue has held: the "of N" of the progress
        self.handled = {"done": 0, "snoozed": 0, "skipped": 0, "logged": 0, "planned": 0,
                        "dropped": 0}  # fmt: skip
        self.skipped: set[str] = set()  # in this visit
        self.skipped_earlier: set[str] = set()  # today, before this visit: not counted again
        self.left_skipped = 0  # of today's queue, items skipped earlier
        self.back: str | None = None  # a plan taken back with u: the cursor goes to it
        self.queue: list[ReviewItem] = []  # the day's queue as computed, skips included

    @property
    def nj(self) -> NetjournalApp:
        return cast("NetjournalApp", self.app)

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="progress", markup=False)
        yield RecordTable((Column("What", width=9), Column("Who / what", weight=1.0),
                           Column("Why", weight=1.6)), id="list")  # fmt: skip
        yield Static(Content("d done (u takes back) · z snooze · s skip today · l log a note · p plan · "
                             "D drop · enter open"),
                     id="review-keys")  # fmt: skip
        yield Footer()

    def on_mount(self) -> None:
        self.sub_title = self.title_text or "Review"
        self.watch(self.app, "snapshot", self._refresh, init=True)
        self.query_one("#list", RecordTable).focus()

    def _refresh(self, snapshot: JournalSnapshot | None) -> None:
        if snapshot is None:
            self.query_one("#progress", Static).update(Content("Loading the journal…"))
            return
        self._compute(snapshot)

    # A description, or Textual would repr() the snapshot to name the worker.
    @work(exclusive=True, group="review", description="the review queue")
    async def _compute(self, snapshot: JournalSnapshot) -> None:
        """The queue, off the event loop: a fraction of a second at 10,000 people."""
        day = self.nj.today()
        # Skips of earlier visits today, in this app or by `netjournal skip`, stay skipped.
        on_disk = await asyncio.to_thread(skipped_on, self.nj.store.folder, day)
        self.skipped_earlier |= on_disk - self.skipped
        if self.only:
            queue = [outreach_item(snapshot.outreach[i], day) for i in self.only
                     if i in snapshot.outreach and snapshot.outreach[i].status == "open"]  # fmt: skip
        else:
            by_tag = self.nj.config.cadence_by_tag
            queue = await asyncio.to_thread(review_queue, snapshot, day, by_tag)
        if snapshot is self.nj.snapshot:  # else a newer save is on its way
            self._show(queue, snapshot)

    def _show(self, queue: list[ReviewItem], snapshot: JournalSnapshot) -> None:
        before = list(self.items)
        self.queue = queue
        kept = [item for item in queue if item.id not in self.skipped_earlier]
        self.left_skipped = len(queue) - len(kept)
        queue = kept
        self.seen.update(item.id for item in queue)  # items planned meanwhile join the count
        self.items = {item.id: item for item in queue if item.id not in self.skipped}
        rows = [Row(item.id, (item.kind, item.title, self._why(item, snapshot)))
                for item in self.items.values()]  # fmt: skip
        table = self.query_one("#list", RecordTable)
        if self.back in self.items:
            keep, self.back = self.back, None
        else:
            keep = self._next_after(table.current_key, before)
        table.set_rows(rows, keep=keep)
        self._progress()

    def _why(self, item: ReviewItem, snapshot: JournalSnapshot) -> str:
        # Plans' titles get cut in narrow columns: the reason names whom they are with.
        if item.kind == "outreach" and item.person_ids:
            return f"{item.reason} · {snapshot.names(item.person_ids)}"
        return item.reason

    def _next_after(self, current: str | None, before: list[str]) -> str | None:
        """The item to stay on: the current one, or when it was handled, the one after it."""
        if current in self.items or current not in before:
            return current
        later = before[before.index(current) + 1 :]
        return next((key for key in later if key in self.items), None)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.only != () if action == "close" else True

    def action_close(self) -> None:
        self.dismiss(None)

    def _progress(self) -> None:
        # Handled items leave the queue; items planned during the review join it.
        total, left = len(self.seen), len(self.items)
        done_count = total - left
        summary = ", ".join(f"{name} {count}" for name, count in self.handled.items() if count)
        if left == 0 and total:
            text = f"All {total} reviewed: {summary or 'nothing changed'}. Well done."
        elif left == 0:
            text = (
                f"Nothing left for today: {count_of(self.left_skipped, 'item')} skipped earlier."
                if self.left_skipped
                else "Nothing to review today: no plans due, nobody going cold."
            )
        else:
            earlier = f"{self.left_skipped} skipped earlier" if self.left_skipped else ""
            text = " · ".join(x for x in (f"{done_count + 1} of {total}", summary, earlier) if x)
        self.query_one("#progress", Static).update(Content(text))

    def _current(self) -> ReviewItem | None:
        key = self.query_one("#list", RecordTable).current_key
        return self.items.get(key or "")

    def _count(self, what: str) -> None:
        self.handled[what] += 1
        self._progress()

    def action_done(self) -> None:
        item = self._current()
        if item is None:
            return
        if item.kind == "share":
            self.notify("d finishes planned outreach; p picks whom to share this with.",
                        markup=False)  # fmt: skip
            return
        if item.kind != "outreach":
            self.notify(
                "d finishes planned outreach; for a person, l logs a note or p plans.", markup=False
            )
            return
        self.run_worker(self._done(item), group="save")

    async def _done(self, item: ReviewItem) -> None:
        snapshot = self.nj.snapshot
        outreach = snapshot.outreach.get(item.id) if snapshot else None
        if outreach is not None and await self.nj.finish(outreach):
            self._count("done")

    def action_undo(self) -> None:
        self.run_worker(self._undo(), group="save")

    async def _undo(self) -> None:
        last = self.nj.last_done
        self.back = last[0].id if last else None  # the cursor goes to it when the queue shows it
        if not await self.nj.take_back_done():
            self.back = None
        elif self.handled["done"]:
            self.handled["done"] -= 1  # the plan is back in the queue, to do after all
            self._progress()

    def action_snooze(self) -> None:
        item = self._current()
        snapshot = self.nj.snapshot
        if item is None or snapshot is None:
            return
        if item.kind != "outreach":
            self.notify("z snoozes planned outreach; s skips a person for today.", markup=False)
            return
        from netjournal.tui.screens.snooze import SnoozeDialog

        def closed(result: object) -> None:
            refreshed = self.nj.snapshot
            now = refreshed.outreach.get(item.id) if refreshed else None
            if now is not None and now.snoozed_until is not None:
                self._count("snoozed")

        self.app.push_screen(SnoozeDialog(snapshot.outreach[item.id]), closed)

    def action_drop(self) -> None:
        item = self._current()
        snapshot = self.nj.snapshot
        outreach = snapshot.outreach.get(item.id) if item and snapshot else None
        if outreach is None:
            if item is not None:
                self.notify("D drops planned outreach; s skips the rest for today.", markup=False)
            return
        from netjournal.tui.screens.confirm import drop_outreach

        drop_outreach(self, outreach, lambda: self._count("dropped"))

    def action_skip(self) -> None:
        item = self._current()
        if item is None:
            return
        self.skipped.add(item.id)
        self.handled["skipped"] += 1
        snapshot = self.nj.snapshot
        if snapshot is not None:  # nothing changed in the journal: no need to build the queue again
            self._show(self.queue, snapshot)
        self._remember_skip(item.id)

    @work(group="save", description="remember a skip")
    async def _remember_skip(self, item_id: str) -> None:
        """On disk, so that the item stays skipped today when the app is opened again."""
        try:
            await asyncio.to_thread(
                skip_for_today, self.nj.store.folder, self.nj.today(), [item_id]
            )
        except NetjournalError as error:
            self.notify(f"Skipped in this session only: {error}", severity="warning", markup=False)

    def _person(self, item: ReviewItem):  # type: ignore[no-untyped-def]
        snapshot = self.nj.snapshot
        people = [snapshot.people[i] for i in item.person_ids if snapshot and i in snapshot.people]
        return people[0] if people else None

    def action_log(self) -> None:
        item = self._current()
        person = self._person(item) if item else None
        if person is None:
            return
        from netjournal.tui.screens.log_form import LogForm

        def closed(result: object) -> None:
            if result is not None:
                self._count("logged")

        self.app.push_screen(LogForm(person), closed)

    def action_plan(self) -> None:
        item = self._current()
        if item is not None and item.kind == "share":
            self._plan_shares(item)
            return
        person = self._person(item) if item else None
        if item is None or person is None:
            return
        from netjournal.tui.screens.outreach_form import OutreachForm

        def closed(result: object) -> None:
            if result is not None:
                self._count("planned")

        prefill = {"kind": PLAN_KIND.get(item.kind, "follow-up"), "people": person.name}
        snapshot = self.nj.snapshot
        if item.kind == "prospect" and snapshot is not None:  # with the best introducer, as b does
            from netjournal.core.bring_in import plan_bring_in

            plan = plan_bring_in(person, snapshot, self.nj.today())
            due = plan.due.isoformat() if plan.due else ""
            prefill.update(title=plan.title, notes=plan.notes, due=due)
        self.app.push_screen(OutreachForm(None, prefill), closed)

    def _plan_shares(self, item: ReviewItem) -> None:
        snapshot = self.nj.snapshot
        learning = snapshot.learnings.get(item.id.removeprefix("share:")) if snapshot else None
        if learning is None:
            return
        from netjournal.tui.screens.share import ShareScreen

        def closed(planned: int | None) -> None:
            if planned:
                self._count("planned")

        self.app.push_screen(ShareScreen(learning, picked=item.person_ids), closed)

    def on_record_table_opened(self, event: RecordTable.Opened) -> None:
        item = self.items.get(event.key)
        if item is None:
            return
        if item.kind == "share":
            learning_id = item.id.removeprefix("share:")
            self.run_worker(self.nj.open_record("learnings", learning_id), group="open")
        elif item.kind == "outreach":
            self.run_worker(self.nj.open_record("outreach", item.id), group="open")
        elif item.person_ids:
            self.run_worker(self.nj.open_record("people", item.person_ids[0]), group="open")
