"""Two records of one person side by side: choose field by field, then merge them in one save.

Each row is a field where the two differ: the kept record's value on the left, the other's on
the right, what the merged person gets last. `left` and `right` take a side for the field
under the cursor; lists and notes may take both (`b`, their default). `s` keeps the other
record instead. `ctrl+s` merges: the screen is the question, nothing more is asked.
What the merge does is decided in core (`core/person_merge.py`); this screen only shows it.
"""

from __future__ import annotations

from typing import Any

from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Header, Static

from netjournal.core.errors import NetjournalError
from netjournal.core.person_merge import (
    BOTH,
    KEEP,
    OTHER,
    FieldChoice,
    MergePlan,
    MergeResult,
    plan_merge,
    shown,
)
from netjournal.core.records import Outreach
from netjournal.core.snapshot import JournalSnapshot
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.keys import KeysNow
from netjournal.tui.safe_text import safe_assemble
from netjournal.tui.screens.duplicates import DuplicatesScreen
from netjournal.tui.widgets.key_footer import KeyFooter
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.record_table import Column, RecordTable, Row

CHOSEN, NOT_CHOSEN = "● ", "○ "
FLIPPED = {KEEP: OTHER, OTHER: KEEP, BOTH: BOTH}


class MergeScreen(NetjournalScreen[MergeResult | None]):
    """Merge person `other_id` into person `keep_id`; dismisses with the merge, or None."""

    BINDINGS = [
        # Priority: the list under the cursor would take left and right for scrolling.
        # (Not 1 and 2: those are the areas everywhere.)
        Binding("left", "choose('keep')", "Left value", id="merge.left", priority=True),
        Binding("right", "choose('other')", "Right value", id="merge.right", priority=True),
        Binding("b", "choose('both')", "Both", id="merge.both"),
        Binding("s", "swap", "Keep the other", id="merge.swap"),
        Binding("ctrl+s", "merge", "Merge", id="merge.save", priority=True),
        Binding("escape", "close", "Cancel", id="merge.close"),
    ]

    def __init__(self, keep_id: str, other_id: str) -> None:
        super().__init__()
        self.keep_id, self.other_id = keep_id, other_id
        self.choices: dict[str, str] = {}  # the sides chosen here; other fields: defaults
        self.plan: MergePlan | None = None
        self._saving = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="merge-heading", markup=False)
        yield RecordTable(
            (Column("Field", width=14), Column("Kept (left)", weight=1.0),
             Column("Merged in (right)", weight=1.0), Column("Result", weight=1.2)),
            id="merge-fields",
        )  # fmt: skip
        yield Static(id="merge-moves", markup=False)
        yield KeyHint("{merge.left} / {merge.right} takes the left or right value · {merge.both} "
                      "both (lists, notes) · {merge.swap} keeps the other record · "
                      "{merge.save} merges · {merge.close} cancels", id="merge-keys")  # fmt: skip
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Merge"
        # Another window's save is planned in at once: a plan made before it would be refused.
        self.watch(self.app, "snapshot", self._replan, init=False)
        self._replan(self.nj.snapshot)
        self.query_one("#merge-fields", RecordTable).focus()

    def _replan(self, snapshot: JournalSnapshot | None) -> None:
        if snapshot is None or self._saving:
            return
        try:
            self.plan = plan_merge(snapshot, self.keep_id, self.other_id, self.choices)
        except NetjournalError as error:
            self.notify(str(error), title="Cannot merge", severity="error", markup=False)
            self.dismiss(None)
            return
        self._show(self.plan)

    def _show(self, plan: MergePlan) -> None:
        self.query_one("#merge-heading", Static).update(safe_assemble(
            "Merge ", (plan.other.name, "bold"), f" ({plan.other.id}) into ",
            (plan.keep.name, "bold"), f" ({plan.keep.id}), whose id stays",
        ))  # fmt: skip
        rows = [Row(choice.name, _cells(choice)) for choice in plan.fields]
        if not rows:
            rows = [Row("same", ("(all the same)", "", "", ""), dim=True)]
        self.query_one("#merge-fields", RecordTable).set_rows(rows)
        keys = KeysNow(self, also=(DuplicatesScreen,))  # where u takes the merge back
        after = keys.content("{merge.save} merges in one save; {duplicates.undo} right after, "
                             "in Duplicates or People, takes it back.")  # fmt: skip
        self.query_one("#merge-moves", Static).update(Content.assemble(_moves(plan), "\n", after))

    def _field(self) -> FieldChoice | None:
        key = self.query_one("#merge-fields", RecordTable).current_key
        plan = self.plan
        return next((f for f in plan.fields if f.name == key), None) if plan else None

    def action_choose(self, side: str) -> None:
        choice = self._field()
        if choice is None:
            return
        if side not in choice.options:
            said = f"{choice.label.capitalize()} takes one value: the left or the right."
            self.notify(said, markup=False)
            return
        self.choices[choice.name] = side
        self._replan(self.nj.snapshot)

    def action_swap(self) -> None:
        """Keep the other record (its id) instead; the values chosen stay chosen."""
        self.keep_id, self.other_id = self.other_id, self.keep_id
        self.choices = {name: FLIPPED[side] for name, side in self.choices.items()}
        self._replan(self.nj.snapshot)

    def action_merge(self) -> None:
        plan = self.plan
        if plan is None or self._saving:
            return
        self._saving = True
        self.run_worker(self._merge(plan), group="save")

    async def _merge(self, plan: MergePlan) -> None:
        try:
            merged = await self.nj.merge(plan)
        finally:
            self._saving = False
        if merged is not None:
            self.dismiss(merged)

    def action_close(self) -> None:
        self.dismiss(None)


def _cells(choice: FieldChoice) -> tuple[str | Content, ...]:
    """The field, both values (the side taken marked), and what the merged person gets."""
    keep_taken = choice.choice in (KEEP, BOTH)
    other_taken = choice.choice in (OTHER, BOTH)
    return (choice.label, _side(choice.keep_value, keep_taken),
            _side(choice.other_value, other_taken), shown(choice.value))  # fmt: skip


def _side(value: Any, taken: bool) -> Content:
    if taken:
        return Content.assemble((CHOSEN, "bold $success"), (shown(value), "bold"))
    return Content.assemble((NOT_CHOSEN, "$text-muted"), (shown(value), "$text-muted"))


def _moves(plan: MergePlan) -> Content:
    """What else the merge does: what moves, what is dropped, who goes."""
    moving = (
        f"{plan.counts().capitalize()} {'moves' if len(plan.moved) == 1 else 'move'} to "
        f"{plan.merged.name}; "
        if plan.moved
        else "Nothing else points at them; "
    )
    parts: list[str | tuple[str, str]] = [
        moving, (plan.other.name, "bold"), f" ({plan.other.id}) is removed.",
    ]  # fmt: skip
    for moved in plan.moved:
        before, after = moved.before, moved.after
        # An introduction of them to themselves, a plan that now repeats another: dropped.
        if (
            isinstance(before, Outreach)
            and isinstance(after, Outreach)
            and (after.status != before.status)
        ):
            parts.append(f"\n{moved.what}: {moved.change}.")
    return safe_assemble(*parts)
