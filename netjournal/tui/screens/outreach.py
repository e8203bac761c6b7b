"""Outreach (3): open plans grouped as overdue, today, upcoming, someday and snoozed; then
what was done or dropped lately."""

from __future__ import annotations

from datetime import date

from textual.binding import Binding
from textual.content import Content

from netjournal.core.records import Outreach
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.standing import finished_lately, standing, standing_date
from netjournal.tui.detail import outreach_detail
from netjournal.tui.screens.area import AreaScreen
from netjournal.tui.widgets.record_table import Column, RecordTable, Row


def group_of(outreach: Outreach, day: date) -> str:
    """The heading a plan is listed under: its standing; done and dropped ones together."""
    where = standing(outreach, day)
    return "Done lately" if where.is_finished else where.label


GROUPS = ("Overdue", "Today", "Upcoming", "Someday", "Snoozed", "Done lately")


class OutreachScreen(AreaScreen):
    AREA = "Outreach"
    COLUMNS = (
        Column("Due", width=10),
        Column("Kind", width=10),
        Column("What", weight=2.0),
        Column("Who", weight=1.0),
    )
    EMPTY = "Nothing planned. Press {outreach.add} to plan a follow-up, a share or an introduction."
    BINDINGS = [
        Binding("a", "add", "Add", id="outreach.add"),
        Binding("e", "edit", "Edit", id="outreach.edit"),
        Binding("d", "done", "Done", id="outreach.done"),
        # In help and the palette: the footer has no room left at 120 columns.
        Binding("n", "done_note", "Done+note", show=False, id="outreach.done_note"),
        Binding("u", "undo", "Undo done", show=False, id="outreach.undo"),  # d's toast says it
        Binding("z", "snooze", "Snooze", id="outreach.snooze"),
        Binding("D", "drop", "Drop", id="outreach.drop"),
        Binding("x", "delete", "Delete", id="outreach.delete"),
    ]

    def rows(self, snapshot: JournalSnapshot) -> list[Row]:
        day = self.nj.today()
        shown = [o for o in snapshot.outreach.values()
                 if o.status == "open" or finished_lately(o, day)]  # fmt: skip
        rows: list[Row] = []
        for group in GROUPS:
            members = sorted(
                (o for o in shown if group_of(o, day) == group),
                key=lambda o: (standing_date(o, day) or date.max, o.created),
                reverse=group == "Done lately",  # the latest first
            )
            if members:
                rows.append(Row(f"group:{group}", (f"{group} ({len(members)})",), heading=True))
            rows += [
                Row(
                    o.id,
                    (_when(o, day), o.kind, _title(o), snapshot.names(o.person_ids)),
                    dim=o.status != "open",
                )
                for o in members
            ]
        return rows

    def detail(self, snapshot: JournalSnapshot, key: str) -> Content:
        outreach = snapshot.outreach.get(key)
        return outreach_detail(snapshot, outreach, self.nj.today()) if outreach else Content("")

    def _selected_outreach(self) -> Outreach | None:
        snapshot = self.snapshot
        return snapshot.outreach.get(self.selected or "") if snapshot else None

    def action_done(self) -> None:
        outreach = self._selected_outreach()
        if outreach is not None and outreach.status == "open":
            self.run_worker(self._finish(outreach), group="save")

    async def _finish(self, outreach: Outreach) -> None:
        after = self._open_plan_after(outreach)
        if await self.nj.finish(outreach) and after is not None:
            self.select(after)

    def _open_plan_after(self, outreach: Outreach) -> str | None:
        """The open plan listed after `outreach` (else before it): where the cursor goes when
        `outreach` moves down to "Done lately"."""
        snapshot = self.snapshot
        keys = [r.key for r in self.table.rows if not r.heading and snapshot
                and r.key in snapshot.outreach and snapshot.outreach[r.key].status == "open"]  # fmt: skip
        at = keys.index(outreach.id) if outreach.id in keys else -1
        return next(iter(keys[at + 1 :] or keys[:at][-1:]), None)

    def action_done_note(self) -> None:
        """Done, saying what happened: a line and the channel become the talk logged."""
        outreach = self._selected_outreach()
        if outreach is None or outreach.status != "open":
            return
        from netjournal.tui.screens.done_note import finish_with_note

        after = self._open_plan_after(outreach)

        def moved_on() -> None:
            if after is not None:
                self.select(after)

        finish_with_note(self, outreach, moved_on)

    def action_undo(self) -> None:
        self.run_worker(self._undo(), group="save")

    async def _undo(self) -> None:
        last = self.nj.last_done
        if await self.nj.take_back_done() and last is not None:
            self.select(last.outreach.id)  # back on the plan, as it was before the d

    def action_drop(self) -> None:
        outreach = self._selected_outreach()
        if outreach is not None and outreach.status == "open":
            from netjournal.tui.screens.confirm import drop_outreach

            after = self._open_plan_after(outreach)

            def moved_on() -> None:
                if after is not None:
                    self.select(after)

            drop_outreach(self, outreach, moved_on)

    def action_snooze(self) -> None:
        outreach = self._selected_outreach()
        if outreach is not None and outreach.status == "open":
            from netjournal.tui.screens.snooze import SnoozeDialog

            self.app.push_screen(SnoozeDialog(outreach))

    def on_record_table_opened(self, event: RecordTable.Opened) -> None:
        self.action_edit()

    def action_add(self) -> None:
        from netjournal.tui.screens.outreach_form import OutreachForm

        self.app.push_screen(OutreachForm(None), self.select_saved)

    def action_edit(self) -> None:
        outreach = self._selected_outreach()
        if outreach is not None:
            from netjournal.tui.screens.outreach_form import OutreachForm

            self.app.push_screen(OutreachForm(outreach), self.select_saved)

    def action_delete(self) -> None:
        outreach = self._selected_outreach()
        if outreach is not None:
            from netjournal.tui.screens.confirm import confirm_delete

            confirm_delete(self, outreach)


def _title(outreach: Outreach) -> str:
    return outreach.title + (" (dropped)" if outreach.status == "dropped" else "")


def _when(outreach: Outreach, day: date) -> str:
    """The date column: due, or for a snoozed plan the day it comes back."""
    shown = standing_date(outreach, day)
    return shown.isoformat() if shown else "someday"
