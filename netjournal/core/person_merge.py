"""Merging two records of one person: plan it field by field, save it in one step, take it back.

`plan_merge` decides everything without writing: for each field where the two differ, which
side's value the kept person gets (a one-value field: the kept one's unless it is empty or
a default; interests, expertise, needs, tags, emails, phones and links: both, united, a
phone number written two ways kept once; notes: both, the other's after the kept one's), and what happens to every record that points at the
other person. `merge_people` saves exactly that plan in one save, and `undo_merge` puts back
every record as it was before, byte for byte.

What points at a person: interactions and outreach (`person_ids`). Both are moved to the kept
person, each named once. An open introduction of the two to each other is dropped (they are
one person), and an open plan that now repeats another (the same share, introduction or
bring-in) is dropped; both say why in their notes. A title written for you follows the new
name ("Follow up with Anne Lee" becomes "Follow up with Ann Lee"). Nothing else holds a
person's id: a prospect's introducers are worked out when asked, "met via" is text, and the
drill history keeps topics and counts only.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from netjournal.core.clock import now_stamp
from netjournal.core.duplicates import number_key, phone_region
from netjournal.core.errors import NotFound, RecordError
from netjournal.core.filling import same
from netjournal.core.planning import already_planned, edit_outreach
from netjournal.core.records import Interaction, Outreach, Person, Record
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.words import count_of

KEEP, OTHER, BOTH = "keep", "other", "both"
ONE_VALUE = ("name", "org", "department", "role", "kind", "influence", "status", "met_via",
             "cadence_days")  # fmt: skip
LISTS = ("interests", "expertise", "needs", "tags", "email", "phone", "links")
JOINED = ("notes",)  # text: both sides kept, one after the other
FIELDS = (*ONE_VALUE, *LISTS, *JOINED)
DEFAULTS: dict[str, object] = {"kind": "other", "influence": 0}  # no one chose these
LABELS = {"met_via": "met via", "cadence_days": "keep-in-touch days", "email": "emails",
          "phone": "phones"}  # fmt: skip
NOT_PEOPLE = {"learnings": "a learning", "interactions": "an interaction",
              "outreach": "a planned outreach"}  # fmt: skip


@dataclass(frozen=True)
class FieldChoice:
    """One field where the two differ: both values, the side chosen, and the value it gives."""

    name: str
    keep_value: Any
    other_value: Any
    choice: str  # KEEP, OTHER or BOTH
    value: Any  # what the kept person gets

    @property
    def label(self) -> str:
        return LABELS.get(self.name, self.name.replace("_", " "))

    @property
    def options(self) -> tuple[str, ...]:
        """The choices this field offers: both sides, and for lists and notes both at once."""
        return (KEEP, OTHER) if self.name in ONE_VALUE else (KEEP, OTHER, BOTH)

    def to_dict(self) -> dict[str, Any]:
        return {"field": self.name, "keep": _json(self.keep_value),
                "other": _json(self.other_value), "choice": self.choice,
                "result": _json(self.value)}  # fmt: skip


@dataclass(frozen=True)
class Moved:
    """A record that pointed at the other person: as it is, as it will be, and in words."""

    before: Interaction | Outreach
    after: Interaction | Outreach
    change: str  # "now with Ann Lee", "dropped: ..."

    @property
    def what(self) -> str:
        if isinstance(self.before, Interaction):
            return f"interaction {self.before.date.isoformat()} '{self.before.summary}'"
        return f"plan '{self.before.title}'"

    def to_dict(self) -> dict[str, str]:
        kind = "interaction" if isinstance(self.before, Interaction) else "outreach"
        return {"type": kind, "id": self.before.id, "title": self.before.label,
                "change": self.change}  # fmt: skip


@dataclass(frozen=True)
class MergePlan:
    """What merging `other` into `keep` does: the kept person as it will be written, every
    field where the two differ, and every record that moves. Nothing is written yet."""

    keep: Person  # as it is now
    other: Person  # as it is now; removed by the merge
    merged: Person  # the kept person as the merge writes it
    fields: tuple[FieldChoice, ...]
    moved: tuple[Moved, ...]

    def choices(self) -> dict[str, str]:
        """The choice made for each differing field, to plan again with one changed."""
        return {field.name: field.choice for field in self.fields}

    def lines(self) -> list[str]:
        """What the merge changes, a line each, for `--dry-run` and the merge screen."""
        out = [f"{self.merged.name} ({self.keep.id}) is kept; "
               f"{self.other.name} ({self.other.id}) is removed."]  # fmt: skip
        for field in self.fields:
            out.append(f"{field.label}: {shown(field.value)} ({_why(field)})")
        out.extend(f"{moved.what} ({moved.before.id}): {moved.change}" for moved in self.moved)
        return out

    def counts(self) -> str:
        """ "2 interactions and 1 plan", or "nothing else" when nothing pointed at them."""
        talks = sum(1 for m in self.moved if isinstance(m.before, Interaction))
        plans = len(self.moved) - talks
        parts = [count_of(n, one) for n, one in ((talks, "interaction"), (plans, "plan")) if n]
        return " and ".join(parts) or "nothing else"

    def to_dict(self) -> dict[str, Any]:
        return {
            "kept": self.merged.to_dict(),
            "removed": {"id": self.other.id, "name": self.other.name},
            "fields": [field.to_dict() for field in self.fields],
            "moved": [moved.to_dict() for moved in self.moved],
        }


@dataclass(frozen=True)
class MergeResult:
    """A merge as saved (everything needed to take it back)."""

    plan: MergePlan

    def sentence(self) -> str:
        plan = self.plan
        renamed = f" (now {plan.merged.name})" if plan.merged.name != plan.keep.name else ""
        return f"Merged {plan.other.name} into {plan.keep.name}{renamed}: {plan.counts()} moved."


@dataclass(frozen=True)
class MergeTakenBack:
    """What `undo_merge` put back."""

    keep: Person
    other: Person

    def sentence(self) -> str:
        return f"Merge taken back: {self.keep.name} and {self.other.name} are two people again."


def shown(value: Any) -> str:
    """A field's value in words: lists joined with commas, nothing as "(empty)"."""
    if isinstance(value, tuple):
        value = ", ".join(value)
    return "(empty)" if value in ("", None) else " ".join(str(value).split())  # notes: one line


def _json(value: Any) -> Any:
    return list(value) if isinstance(value, tuple) else value


def _why(field: FieldChoice) -> str:
    if field.choice == BOTH:
        return "both"
    if field.choice == KEEP:
        return f"kept; the other had {shown(field.other_value)}"
    return f"the other's; was {shown(field.keep_value)}"


# Planning


def person_to_merge(snapshot: JournalSnapshot, record_id: str) -> Person:
    """The person with id `record_id`; a sentence if it is another kind of record or none."""
    person = snapshot.people.get(record_id)
    if person is not None:
        return person
    for table, what in NOT_PEOPLE.items():
        record = getattr(snapshot, table).get(record_id)
        if record is not None:
            raise RecordError(
                f"'{record_id}' is {what} ('{record.label}'), not a person: only people are "
                "merged; nothing was changed."
            )
    raise NotFound(f"No person has the id '{record_id}'; nothing was changed.")


def plan_merge(
    snapshot: JournalSnapshot,
    keep_id: str,
    other_id: str,
    choices: Mapping[str, str] | None = None,
) -> MergePlan:
    """What merging person `other_id` into person `keep_id` would do (nothing is written).

    `choices` picks a side (KEEP, OTHER, or BOTH for lists and notes) per field name; a field
    not named takes its default. Refuses (one sentence) the same person twice, an unknown id,
    an id that is not a person's, and a choice that is not one.
    """
    keep = person_to_merge(snapshot, keep_id)
    other = person_to_merge(snapshot, other_id)
    if keep.id == other.id:
        raise RecordError(
            f"{keep.name} cannot be merged with themselves: name two different people; "
            "nothing was changed."
        )
    chosen = dict(choices or {})
    for name, choice in chosen.items():
        if name not in FIELDS:
            raise RecordError(f"A person has no field '{name}' to choose a side for.")
        if choice not in (KEEP, OTHER, BOTH) or (choice == BOTH and name in ONE_VALUE):
            raise RecordError(f"'{choice}' is not a choice for {name}: keep or other.")
    region = phone_region(snapshot.people.values())
    fields = tuple(
        _field(name, keep, other, chosen.get(name), region)
        for name in FIELDS
        if getattr(keep, name) != getattr(other, name)
    )
    values = {field.name: field.value for field in fields}
    merged = Person.build(**{**keep.known_fields(), **values, "updated": now_stamp()},
                          extra={**other.extra, **keep.extra})  # fmt: skip
    return MergePlan(keep, other, merged, fields, tuple(_moved(snapshot, keep, other, merged)))


def _field(
    name: str, keep: Person, other: Person, choice: str | None, region: str | None
) -> FieldChoice:
    mine, theirs = getattr(keep, name), getattr(other, name)
    if choice is None:
        choice = _default(name, mine, theirs)
    if choice == KEEP:
        value = mine
    elif choice == OTHER:
        value = theirs
    elif name in LISTS:

        def key(item: str) -> str:  # a phone number however it is written is one number
            return number_key(item, region) if name == "phone" else same(name, item)

        have = {key(item) for item in mine}
        value = (*mine, *(item for item in theirs if key(item) not in have))
    else:  # notes: the other's after the kept one's, when both have some
        value = f"{mine}\n\n{theirs}" if mine and theirs else mine or theirs
    return FieldChoice(name, mine, theirs, choice, value)


def _default(name: str, mine: Any, theirs: Any) -> str:
    """The kept person's value, unless it is empty or a default; lists and notes: both."""
    if name not in ONE_VALUE:
        return BOTH
    if name == "status":  # someone either record says you are connected with is connected
        return OTHER if theirs == "connected" else KEEP
    empty = mine in ("", None) or DEFAULTS.get(name, object()) == mine
    return OTHER if empty else KEEP


def _moved(snapshot: JournalSnapshot, keep: Person, other: Person, merged: Person) -> list[Moved]:
    """Every interaction and plan that names `other`, as it will be after the merge."""

    def renamed(person_ids: Sequence[str]) -> tuple[str, ...]:
        return tuple(dict.fromkeys(keep.id if pid == other.id else pid for pid in person_ids))

    moved: list[Moved] = []
    for interaction in sorted(snapshot.interactions_with(other.id), key=lambda i: (i.date, i.id)):
        talk = interaction.edit(person_ids=renamed(interaction.person_ids))
        moved.append(Moved(interaction, talk, f"now with {merged.name}"))
    people = {**snapshot.people, keep.id: merged}
    plans = {o.id: o for o in snapshot.outreach.values()}
    for plan in sorted(snapshot.outreach_for(other.id, open_only=False), key=lambda o: o.id):
        person_ids = renamed(plan.person_ids)
        said = f"now with {merged.name}"
        if plan.kind == "introduce" and plan.status == "open" and len(person_ids) < 2:
            after = _dropped(plan, person_ids, f"{keep.name} and {other.name} were merged: "
                             "an introduction of one person to themselves")  # fmt: skip
            said = "dropped: it introduced the two to each other"
        else:
            named = [people[pid] for pid in person_ids if pid in people]
            after = edit_outreach(plan, snapshot, people=named).edit(person_ids=person_ids)
            if after.title != plan.title:
                said += f", retitled '{after.title}'"
            repeat = already_planned(after, plans.values())
            if repeat is not None:
                after = _dropped(after, person_ids, f"it repeats '{repeat.title}' since "
                                 f"{other.name} was merged into {keep.name}")  # fmt: skip
                said = f"dropped: it repeats '{repeat.title}'"
        plans[plan.id] = after
        moved.append(Moved(plan, after, said))
    return moved


def _dropped(plan: Outreach, person_ids: tuple[str, ...], why: str) -> Outreach:
    """`plan` dropped, with why in its notes."""
    note = f"Dropped: {why}."
    return plan.edit(person_ids=person_ids, status="dropped",
                     notes=f"{plan.notes}\n\n{note}" if plan.notes else note)  # fmt: skip


# Saving and taking back


def merge_people(store: Store, plan: MergePlan) -> MergeResult:
    """Save `plan` in one save: the kept person, every moved record, the other one removed.

    Refuses, changing nothing, if any record the plan read changed since (another window or
    process): the plan would undo that change.
    """
    with store.batch() as changes:
        if store.get(Person, plan.keep.id) != plan.keep or (
            store.get(Person, plan.other.id) != plan.other
        ):
            raise RecordError(_changed(plan))
        pointing: dict[str, Interaction | Outreach] = {
            i.id: i for i in store.interactions() if plan.other.id in i.person_ids
        }
        pointing.update((o.id, o) for o in store.outreach() if plan.other.id in o.person_ids)
        if pointing != {moved.before.id: moved.before for moved in plan.moved}:
            raise RecordError(_changed(plan))
        changes.update.append(plan.merged)
        changes.update.extend(moved.after for moved in plan.moved)
        changes.delete.append(plan.other)
    return MergeResult(plan)


def _changed(plan: MergePlan) -> str:
    return (f"{plan.keep.name}, {plan.other.name} or their records changed since the merge "
            "was shown; nothing was merged: look at them again.")  # fmt: skip


def undo_merge(store: Store, result: MergeResult) -> MergeTakenBack:
    """Put back every record the merge changed as it was before, in one save.

    Refuses, changing nothing, once the kept person or a moved record has changed since the
    merge (taking it back would lose that change).
    """
    plan = result.plan
    with store.batch() as changes:
        if store.get(Person, plan.other.id) is not None:
            raise RecordError(f"{plan.other.name} is back already; nothing was changed.")
        now: list[Record | None] = [store.get(Person, plan.keep.id)]
        now += [store.get(type(moved.after), moved.after.id) for moved in plan.moved]
        if now != [plan.merged, *(moved.after for moved in plan.moved)]:
            raise RecordError(
                f"{plan.merged.name} or their records changed after the merge, so it cannot "
                "be taken back; nothing was changed."
            )
        changes.add.append(plan.other)
        changes.update.append(plan.keep)
        changes.update.extend(moved.before for moved in plan.moved)
    return MergeTakenBack(plan.keep, plan.other)
