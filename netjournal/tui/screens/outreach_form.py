"""Planning or editing an outreach: kind, people (fuzzy names), learning, due date."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netjournal.core.dates import parse_due
from netjournal.core.errors import RecordError
from netjournal.core.names import fold, learning_candidates, person_candidates, resolve
from netjournal.core.planning import already_planned, edit_outreach, plan_outreach
from netjournal.core.records import OUTREACH_KINDS, Outreach
from netjournal.core.store import Store
from netjournal.tui.screens.form import Field, FormScreen, in_field


class OutreachForm(FormScreen):
    FIELDS = (
        Field("kind", "Kind", "choice", OUTREACH_KINDS),
        Field(
            "people", "With (names, comma-separated; two for an introduction)", completion="people"
        ),
        Field(
            "learning", "Learning to share (title; for share)", completion="learnings", single=True
        ),
        Field("reason", "Why (for an introduction: why should they meet?)"),
        Field("due", "Due (fri, +2w, next month, 2026-03-14; empty: someday)"),
        Field("title", "Title (empty: written for you)"),
        Field("notes", "Notes", "text"),
    )

    def __init__(self, outreach: Outreach | None, prefill: dict[str, str] | None = None) -> None:
        super().__init__()
        self.outreach = outreach
        self.prefill = prefill or {}  # a new plan started from elsewhere (the review)
        self.HEADING = "Edit outreach" if outreach else "Plan outreach"

    def initial_values(self) -> dict[str, str]:
        if self.outreach is None:
            return {"kind": "follow-up", **self.prefill}
        snapshot = self.nj.snapshot
        o = self.outreach
        learning = snapshot.learnings.get(o.learning_id) if snapshot else None
        return {
            "kind": o.kind,
            "people": ", ".join(
                snapshot.people[i].name for i in o.person_ids if i in snapshot.people
            )
            if snapshot
            else "",
            "learning": learning.title if learning else "",
            "due": o.due.isoformat() if o.due else "",
            "reason": o.reason,
            "title": o.title,
            "notes": o.notes,
        }

    def saver(self, values: dict[str, str]) -> Callable[[Store], Any]:
        snapshot = self.nj.snapshot
        if snapshot is None:
            raise RecordError("The journal is still loading; try again in a moment.")
        candidates = person_candidates(snapshot.people.values())
        names = [name.strip() for name in values["people"].split(",") if name.strip()]
        if not names:
            raise RecordError("Name at least one person.")
        # Names already on this plan keep their person, even if a namesake exists.
        current = [
            snapshot.people[i]
            for i in (self.outreach.person_ids if self.outreach else ())
            if i in snapshot.people
        ]
        people = []
        for name in names:
            same = [p for p in current if fold(p.name) == fold(name)]
            with in_field("people"):
                people.append(same[0] if same else snapshot.people[resolve(name, candidates).id])
        learning = None
        if values["learning"].strip() and values["kind"] == "share":  # the field is for shares
            titles = learning_candidates(snapshot.learnings.values())
            with in_field("learning"):
                learning = snapshot.learnings[resolve(values["learning"], titles, "learning").id]
        due = parse_due(values["due"], self.nj.today())
        if self.outreach is None:
            planned = plan_outreach(values["kind"], people, learning=learning, due=due,
                                    title=values["title"], notes=values["notes"],
                                    reason=values["reason"])  # fmt: skip
            repeat = already_planned(planned, snapshot.outreach.values())
            if repeat is not None:
                raise RecordError(f"Already planned: {repeat.title}.")
            return lambda store: store.added(planned)
        old = self.outreach
        edited = edit_outreach(old, snapshot, kind=values["kind"], people=people,
                               learning=learning, due=due, title=values["title"],
                               notes=values["notes"], reason=values["reason"])  # fmt: skip
        return lambda store: store.save_edit(old, edited)

    def saved_message(self, result: Any) -> str:
        return f"{'Saved' if self.outreach else 'Planned'}: {result.title}"
