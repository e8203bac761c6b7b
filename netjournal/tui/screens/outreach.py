"""Outreach (3): open plans grouped as overdue, today, upcoming and someday."""

from __future__ import annotations

from datetime import date

from textual.binding import Binding
from textual.content import Content

from netjournal.core.records import Outreach
from netjournal.core.snapshot import JournalSnapshot
from netjournal.tui.detail import outreach_detail
from netjournal.tui.screens.area import AreaScreen
from netjournal.tui.widgets.record_table import Column, RecordTable, Row


def group_of(outreach: Outreach, day: date) -> str:
    if not outreach.is_open_on(day):
        return "Snoozed"
    if outreach.due is None:
        return "Someday"
    if outreach.due < day:
        return "Overdue"
    if outreach.due == day:
        return "Today"
    return "Upcoming"


GROUPS = ("Overdue", "Today", "Upcoming", "Someday", "Snoozed")


class OutreachScreen(AreaScreen):
    AREA = "Outreach"
    COLUMNS = (
        Column("Due", width=10),
        Column("Kind", width=10),
        Column("What", weight=2.0),
        Column("Who", weight=1.0),
    )
    EMPTY = "Nothing planned. Press a to plan a follow-up, a share or an introduction."
    BINDINGS = [
        Binding("a", "add", "Add", id="outreach.add"),
        Binding("e", "edit", "Edit", id="outreach.edit"),
        Binding("d", "done", "Done", id="outreach.done"),
        Binding("u", "undo", "Undo done", id="outreach.undo"),
        Binding("z", "snooze", "Snooze", id="outreach.snooze"),
        Binding("D", "drop", "Drop", id="outreach.drop"),
        Binding("x", "delete", "Delete", id="outreach.delete"),
    ]

    def rows(self, snapshot: JournalSnapshot) -> list[Row]:
        day = self.nj.today()
        open_items = [o for o in snapshot.outreach.values() if o.status == "open"]
        rows: list[Row] = []
        for group in GROUPS:
            members = sorted(
                (o for o in open_items if group_of(o, day) == group),
                key=lambda o: (_shown_date(o, group) or date.max, o.created),
            )
            if members:
                rows.append(Row(f"group:{group}", (f"{group} ({len(members)})",), heading=True))
            rows += [
                Row(o.id, (_when(o, group), o.kind, o.title, snapshot.names(o.person_ids)))
                for o in members
            ]
        return rows

    def detail(self, snapshot: JournalSnapshot, key: str) -> Content:
        outreach = snapshot.outreach.get(key)
        return outreach_detail(snapshot, outreach) if outreach else Content("")

    def _selected_outreach(self) -> Outreach | None:
        snapshot = self.snapshot
        return snapshot.outreach.get(self.selected or "") if snapshot else None

    def action_done(self) -> None:
        outreach = self._selected_outreach()
        if outreach is not None and outreach.status == "open":
            self.run_worker(self.nj.finish(outreach), group="save")

    def action_undo(self) -> None:
        self.run_worker(self._undo(), group="save")

    async def _undo(self) -> None:
        last = self.nj.last_done
        if await self.nj.take_back_done() and last is not None:
            self.select(last[0].id)  # back on the plan, as it was before the d

    def action_drop(self) -> None:
        outreach = self._selected_outreach()
        if outreach is not None and outreach.status == "open":
            from netjournal.tui.screens.confirm import drop_outreach

            drop_outreach(self, outreach)

    def action_snooze(self) -> None:
        outreach = self._selected_outreach()
        if outreach is not None:
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


def _shown_date(outreach: Outreach, group: str) -> date | None:
    # A snoozed plan is listed by the day it comes back, not the due date it passed.
    return outreach.snoozed_until if group == "Snoozed" else outreach.due


def _when(outreach: Outreach, group: str) -> str:
    """The date column: due, or for a snoozed plan the day it comes back."""
    shown = _shown_date(outreach, group)
    if shown is None:
        return "someday"
    return shown.isoformat()  # under "Snoozed", the day it comes back
