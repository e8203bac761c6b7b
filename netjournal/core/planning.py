"""Planning outreach: the words for what you intend to do, shared by the CLI and the app."""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from datetime import date
from enum import Enum

from netjournal.core.errors import RecordError
from netjournal.core.records import Learning, Outreach, Person
from netjournal.core.snapshot import JournalSnapshot


def outreach_title(kind: str, people: Sequence[Person], learning: Learning | None = None) -> str:
    """A title in plain words: "Share 'Pallet robots' with Ann Lee", "Introduce A to B"."""
    names = _join([person.name for person in people])
    if kind == "share" and learning is not None:
        return f"Share '{learning.title}' with {names}"
    if kind == "introduce" and len(people) >= 2:
        return f"Introduce {people[0].name} to {_join([p.name for p in people[1:]])}"
    verbs = {
        "follow-up": "Follow up with",
        "reconnect": "Reconnect with",
        "bring-in": "Bring in",
        "ask": "Ask",
        "share": "Share with",
        "introduce": "Introduce",
    }
    return f"{verbs[kind]} {names}" if kind in verbs else names


def plan_outreach(
    kind: str,
    people: Sequence[Person],
    *,
    learning: Learning | None = None,
    due: date | None = None,
    title: str = "",
    notes: str = "",
    reason: str = "",
) -> Outreach:
    """A new open outreach (validated; not yet saved); an introduction needs its reason."""
    planned = Outreach.create(
        kind=kind,
        person_ids=[person.id for person in people],
        learning_id=learning.id if learning else "",
        title=title or outreach_title(kind, people, learning),
        reason=reason,
        notes=notes,
        due=due,
    )
    # Checked here, not in the record, so older introductions without one still edit and snooze.
    if kind == "introduce" and not planned.reason:
        raise RecordError(
            "An introduction says why the two should meet: give the reason.", "reason"
        )
    return planned


class Unchanged(Enum):
    """A field `edit_outreach` leaves as it is (None is a value there: someday, no learning)."""

    UNCHANGED = "unchanged"


UNCHANGED = Unchanged.UNCHANGED


def edit_outreach(
    old: Outreach,
    known: JournalSnapshot,
    *,
    kind: str | None = None,
    people: Sequence[Person] | None = None,
    learning: Learning | Unchanged | None = UNCHANGED,
    due: date | Unchanged | None = UNCHANGED,
    title: str | None = None,
    notes: str | None = None,
    reason: str | None = None,
) -> Outreach:
    """`old` with the changes given (validated; not yet saved), kept true to itself:

    - a title written for you follows the plan's kind, people and learning (an empty one is
      written anew; one you typed stays);
    - a new due date is a new decision: a snooze from before it ends;
    - a plan that is no longer a share hands no learning over: it drops its learning.

    `known` names the plan's people and learning as they are now (to tell a written title)."""
    before_people = [known.people[i] for i in old.person_ids if i in known.people]
    before_learning = known.learnings.get(old.learning_id)
    kind = kind or old.kind
    now_people = list(people) if people is not None else before_people
    person_ids = [p.id for p in people] if people is not None else list(old.person_ids)
    if kind != "share":
        learning = None
    now_learning = before_learning if learning is UNCHANGED else learning
    learning_id = old.learning_id if learning is UNCHANGED else (learning.id if learning else "")
    written_for_you = old.title == outreach_title(old.kind, before_people, before_learning)
    typed = old.title if title is None else title
    if not typed or (written_for_you and typed == old.title):
        typed = outreach_title(kind, now_people, now_learning)
    now_due = old.due if due is UNCHANGED else due
    return old.edit(
        kind=kind, person_ids=person_ids, learning_id=learning_id, title=typed, due=now_due,
        snoozed_until=old.snoozed_until if now_due == old.due else None,
        notes=old.notes if notes is None else notes,
        reason=old.reason if reason is None else reason,
    )  # fmt: skip


def _join(names: Sequence[str]) -> str:
    if len(names) <= 2:
        return " and ".join(names)
    return ", ".join(names[:-1]) + f" and {names[-1]}"


def already_planned(plan: Outreach, existing: Iterable[Outreach]) -> Outreach | None:
    """An open plan that `plan` would repeat: the same share of the same learning with the same
    people, the same introduction, or bringing in the same prospect. (Two follow-ups with one
    person can be about different things, so they are never called repeats.)"""
    if plan.kind not in ("share", "introduce", "bring-in"):
        return None
    key = (plan.kind, frozenset(plan.person_ids), plan.learning_id)
    return next((o for o in existing if o.status == "open" and o.id != plan.id
                 and (o.kind, frozenset(o.person_ids), o.learning_id) == key), None)  # fmt: skip


def planned_share_people(plans: Iterable[Outreach], learning_id: str) -> set[str]:
    """The people an open share of the learning is already planned with."""
    return {person_id for o in plans
            if o.kind == "share" and o.status == "open" and o.learning_id == learning_id
            for person_id in o.person_ids}  # fmt: skip
