"""Review (4): one pass through what deserves attention today, a key per action.

d done, z snooze (a plan; someone going cold: not before a day), s skip for today, l log a
note, p plan an outreach, enter open. A progress line counts the items; when the last is
handled, a summary says what was done.
"""

from __future__ import annotations

import asyncio

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Header, Static

from netjournal.core.errors import NetjournalError
from netjournal.core.note_line import note_line
from netjournal.core.person_quiet import person_in_item
from netjournal.core.review import ReviewItem
from netjournal.core.review_session import Handled, ReviewSession, plan_kind
from netjournal.core.snapshot import JournalSnapshot
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.keys import key_text
from netjournal.tui.safe_text import safe_assemble, safe_for_terminal
from netjournal.tui.widgets.key_footer import KeyFooter
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.record_table import Column, RecordTable, Row


class ReviewScreen(NetjournalScreen[None]):
    BINDINGS = [
        Binding("d", "done", "Done", id="review.done"),
        # The key line names it; the footer has no room at 120 columns.
        Binding("n", "done_note", "Done+note", show=False, id="review.done_note"),
        Binding("u", "undo", "Undo done", show=False, id="review.undo"),  # the key line says it
        Binding("z", "snooze", "Snooze", id="review.snooze"),
        Binding("s", "skip", "Skip today", id="review.skip"),
        Binding("l", "log", "Log", id="review.log"),
        Binding("p", "plan", "Plan", id="review.plan"),
        Binding("D", "drop", "Drop", id="review.drop"),
        Binding("escape", "close", "Close", id="review.close"),
    ]
    session: ReviewSession  # the pass's state and rules: made on mount, which knows the day

    def __init__(self, only: tuple[str, ...] = (), title: str = "") -> None:
        super().__init__()
        self.only = only  # a review of these outreach ids only (capture's follow-ups)
        self.title_text = title

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="progress", markup=False)
        yield RecordTable((Column("What", width=9), Column("Who / what", weight=1.0),
                           Column("Why", weight=1.6)), id="list")  # fmt: skip
        yield KeyHint("{review.done} done ({review.undo} takes back) · {review.snooze} snooze · "
                      "{review.skip} skip today · {review.log} log a note · {review.plan} plan · "
                      "{review.drop} drop · {review.done_note} done with a note · {list.open} open",
                      id="review-keys")  # fmt: skip
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = safe_for_terminal(self.title_text or "Review", one_line=True)
        self.session = ReviewSession(self.nj.today(), self.only)
        self.watch(self.app, "snapshot", self._refresh, init=True)
        self.query_one("#list", RecordTable).focus()

    # Composed ahead by the app (never shown yet): the queue is worked out when first shown,
    # not while the user types elsewhere.
    _unseen: JournalSnapshot | None = None

    def _refresh(self, snapshot: JournalSnapshot | None) -> None:
        if snapshot is None:
            self.query_one("#progress", Static).update(Content("Loading the journal…"))
            return
        if not self.is_current and self.stack_updates == 0:
            self._unseen = snapshot
            return
        self._compute(snapshot)

    def on_screen_resume(self) -> None:
        unseen, self._unseen = self._unseen, None
        if unseen is not None and unseen is self.nj.snapshot:
            self._compute(unseen)

    # A description, or Textual would repr() the snapshot to name the worker.
    @work(exclusive=True, group="review", description="the review queue")
    async def _compute(self, snapshot: JournalSnapshot) -> None:
        """The queue, off the event loop: a fraction of a second at 10,000 people."""
        session = self.session = self.session.on_day(self.nj.today())
        # Skips of earlier visits today, in this app or by `netjournal skip`, stay skipped.
        on_disk = await asyncio.to_thread(session.skips_on_disk, self.nj.store)
        by_tag = self.nj.config.cadence_by_tag
        queue = await asyncio.to_thread(session.queue_from, snapshot, by_tag)
        if snapshot is self.nj.snapshot and session is self.session:  # else a newer one is coming
            current = self.query_one("#list", RecordTable).current_key
            self._show(session.refresh(queue, on_disk, current), snapshot)

    def _show(self, keep: str | None, snapshot: JournalSnapshot) -> None:
        """Draw what is left to review, the cursor on `keep`."""
        table = self.query_one("#list", RecordTable)
        room = table.widths(table.scrollable_content_region.width)[1]  # the title's column
        rows = [Row(item.id, (item.kind, item.title, self._why(item, snapshot, room)))
                for item in self.session.items]  # fmt: skip
        table.set_rows(rows, keep=keep)
        self._progress()

    def on_resize(self) -> None:
        # A wider title column may show the names the Why column had to give.
        snapshot = self.nj.snapshot
        if snapshot is not None and hasattr(self, "session") and self.session.queue:
            self._show(self.query_one("#list", RecordTable).current_key, snapshot)

    def _why(self, item: ReviewItem, snapshot: JournalSnapshot, room: int) -> str | Content:
        # Whom a plan is with where its title, as the column shows it, does not say; its note.
        people = snapshot.people
        shown = item.title if len(item.title) <= room else item.title[: max(0, room - 1)]
        why = item.why([people[i].name for i in item.person_ids if i in people], shown)
        note = note_line(item.note)
        return safe_assemble(why, " · ", (note, "italic")) if note else why

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        return self.only != () if action == "close" else True

    def action_close(self) -> None:
        self.dismiss(None)

    def _progress(self) -> None:
        self.query_one("#progress", Static).update(Content(self.session.progress()))

    def _current(self) -> ReviewItem | None:
        key = self.query_one("#list", RecordTable).current_key
        return self.session.item(key or "")

    def _count(self, what: Handled) -> None:
        self.session.handled(what)
        self._progress()

    def action_done(self) -> None:
        item = self._current()
        if item is None:
            return
        if item.kind == "share":
            said = ("{review.done} finishes planned outreach; {review.plan} picks whom to share "
                    "this with.")  # fmt: skip
            self.notify(key_text(self, said), markup=False)
            return
        if item.kind != "outreach":
            said = ("{review.done} finishes planned outreach; for a person, {review.log} logs a "
                    "note or {review.plan} plans.")  # fmt: skip
            self.notify(key_text(self, said), markup=False)
            return
        self.run_worker(self._done(item), group="save")

    async def _done(self, item: ReviewItem) -> None:
        snapshot = self.nj.snapshot
        outreach = snapshot.outreach.get(item.id) if snapshot else None
        if outreach is not None and await self.nj.finish(outreach):
            self._count("done")

    def action_done_note(self) -> None:
        """Done, saying what happened: a line and the channel become the talk logged."""
        item = self._current()
        snapshot = self.nj.snapshot
        outreach = snapshot.outreach.get(item.id) if item and snapshot else None
        if outreach is None:
            if item is not None:
                self.action_done()  # says what d does instead
            return
        from netjournal.tui.screens.done_note import finish_with_note

        finish_with_note(self, outreach, lambda: self._count("done"))

    def action_undo(self) -> None:
        self.run_worker(self._undo(), group="save")

    async def _undo(self) -> None:
        last = self.nj.last_done
        if await self.nj.take_back_done() and last is not None:
            # The queue of the save's snapshot is drawn after this: the cursor goes back to it.
            self.session.taken_back(last.outreach.id)
            self._progress()

    def action_snooze(self) -> None:
        item = self._current()
        snapshot = self.nj.snapshot
        if item is None or snapshot is None:
            return
        from netjournal.tui.screens.snooze import SnoozeDialog

        person_id = person_in_item(item.id)
        if person_id is not None and person_id in snapshot.people:  # not before a day
            def quiet(result: object) -> None:
                refreshed = self.nj.snapshot
                now = refreshed.people.get(person_id) if refreshed else None
                if now is not None and now.is_quiet_on(self.session.day):
                    self._count("snoozed")

            self.app.push_screen(SnoozeDialog(snapshot.people[person_id]), quiet)
            return
        if item.kind != "outreach":
            said = (
                "{review.snooze} snoozes planned outreach or someone going cold; "
                + ("{review.plan} picks whom to share this with." if item.kind == "share"
                   else "{review.plan} plans to bring them in, {review.skip} skips for today.")
            )  # fmt: skip
            self.notify(key_text(self, said), markup=False)
            return

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
                said = (
                    "{review.drop} drops planned outreach; {review.skip} skips the rest for today."
                )
                self.notify(key_text(self, said), markup=False)
            return
        from netjournal.tui.screens.confirm import drop_outreach

        drop_outreach(self, outreach, lambda: self._count("dropped"))

    def action_skip(self) -> None:
        item = self._current()
        if item is None:
            return
        keep = self.session.skip(item.id)
        snapshot = self.nj.snapshot
        if snapshot is not None:  # nothing changed in the journal: no need to build the queue again
            self._show(keep, snapshot)
        self._remember_skip(item.id)

    @work(group="save", description="remember a skip")
    async def _remember_skip(self, item_id: str) -> None:
        """On disk, so that the item stays skipped today when the app is opened again."""
        try:
            await asyncio.to_thread(self.session.remember_skip, self.nj.store, item_id)
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

        prefill = {"kind": plan_kind(item), "people": person.name}
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
        item = self.session.item(event.key)
        if item is None:
            return
        if item.kind == "share":
            learning_id = item.id.removeprefix("share:")
            self.run_worker(self.nj.open_record("learnings", learning_id), group="open")
        elif item.kind == "outreach":
            self.run_worker(self.nj.open_record("outreach", item.id), group="open")
        elif item.person_ids:
            self.run_worker(self.nj.open_record("people", item.person_ids[0]), group="open")
