"""Everything in a journal at one moment, with what the screens derive from it.

The app builds a snapshot in a worker after each load or save and hands it to the screens,
which only read it; nothing here touches the disk.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date
from functools import cached_property
from typing import cast

from netjournal.core.bad_records import BadRecord
from netjournal.core.contacts import last_contacts
from netjournal.core.people_filter import PeopleFinder
from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.core.store import Store

_FINDER = "people_finder"


@dataclass(frozen=True, repr=False)  # a repr of 100,000 records helps nobody and takes seconds
class JournalSnapshot:
    """All records by id, and derived views (last contact, timelines)."""

    people: dict[str, Person] = field(default_factory=dict)
    learnings: dict[str, Learning] = field(default_factory=dict)
    interactions: dict[str, Interaction] = field(default_factory=dict)
    outreach: dict[str, Outreach] = field(default_factory=dict)
    # Records on disk that failed the read check: left out above, named to the user.
    bad: tuple[BadRecord, ...] = ()
    # What other modules derive once per snapshot (e.g. bring_in's people by org), by name.
    memo: dict[str, object] = field(default_factory=dict, compare=False)
    # False for a first look (people and plans only, read before the big tables): what it
    # leaves out (learnings, interactions) is unknown, not empty.
    complete: bool = True

    def __repr__(self) -> str:
        return (
            f"JournalSnapshot({len(self.people)} people, {len(self.learnings)} learnings, "
            f"{len(self.interactions)} interactions, {len(self.outreach)} outreach)"
        )

    @classmethod
    def load(cls, store: Store) -> JournalSnapshot:
        """Read the whole journal (run it in a worker: it reads every file once)."""
        tables = store.everything()  # one moment of the journal: another save whole or not at all
        people = cast("list[Person]", tables[Person.TABLE])
        learnings = cast("list[Learning]", tables[Learning.TABLE])
        interactions = cast("list[Interaction]", tables[Interaction.TABLE])
        outreach = cast("list[Outreach]", tables[Outreach.TABLE])
        return cls(
            people={p.id: p for p in people},
            learnings={item.id: item for item in learnings},
            interactions={i.id: i for i in interactions},
            outreach={o.id: o for o in outreach},
            bad=tuple(store.bad_records()),
        )

    @classmethod
    def first_look(cls, store: Store) -> JournalSnapshot:
        """People and plans only (a tenth of a large journal): enough to list people while
        the learnings and interactions are still being read. Never `complete`."""
        people = cast("list[Person]", store.all(Person))
        outreach = cast("list[Outreach]", store.all(Outreach))
        return cls(people={p.id: p for p in people}, outreach={o.id: o for o in outreach},
                   complete=False)  # fmt: skip

    def warm(self, previous: JournalSnapshot | None = None) -> None:
        """Work out now (in a worker) what People shows of a new snapshot, so the event loop
        does not; what `previous` worked out for the same records is reused."""
        before = previous.memo.get(_FINDER) if previous is not None else None
        reuse = before if isinstance(before, PeopleFinder) else None
        self.memo[_FINDER] = PeopleFinder(self.people.values(), reuse=reuse)
        if self.complete:
            _ = self.last_contact, self._interactions_by_person

    def warm_areas(self) -> None:
        """Work out now (in a worker) what the other areas and the forms ask of it first."""
        if self.complete:
            _ = self.learnings_newest_first, self.values_used, self._shared

    @property
    def people_finder(self) -> PeopleFinder:
        """The people by name, folded for the People filter (made by `warm`, else now)."""
        found = self.memo.get(_FINDER)
        if not isinstance(found, PeopleFinder):
            found = self.memo[_FINDER] = PeopleFinder(self.people.values())
        return found

    @cached_property
    def learnings_newest_first(self) -> list[Learning]:
        return sorted(self.learnings.values(), key=lambda x: (x.date, x.created), reverse=True)

    def records(self) -> list[Record]:
        """Every record, of every kind."""
        return [*self.people.values(), *self.learnings.values(), *self.interactions.values(),
                *self.outreach.values()]  # fmt: skip

    @cached_property
    def last_contact(self) -> dict[str, date]:
        return last_contacts(self.interactions.values())

    @cached_property
    def _interactions_by_person(self) -> dict[str, list[Interaction]]:
        found: dict[str, list[Interaction]] = defaultdict(list)
        for interaction in self.interactions.values():
            for person_id in interaction.person_ids:
                found[person_id].append(interaction)
        for items in found.values():
            items.sort(key=lambda i: (i.date, i.created), reverse=True)
        return found

    def interactions_with(self, person_id: str) -> list[Interaction]:
        """Newest first."""
        return self._interactions_by_person.get(person_id, [])

    def outreach_for(self, person_id: str, *, open_only: bool = True) -> list[Outreach]:
        return [
            o
            for o in self.outreach.values()
            if person_id in o.person_ids and (o.status == "open" or not open_only)
        ]

    @cached_property
    def _shared(self) -> dict[str, set[str]]:
        shared: dict[str, set[str]] = defaultdict(set)
        for interaction in self.interactions.values():
            for learning_id in interaction.learning_ids:
                shared[learning_id].update(interaction.person_ids)
        for outreach in self.outreach.values():
            if outreach.kind == "share" and outreach.status == "done" and outreach.learning_id:
                shared[outreach.learning_id].update(outreach.person_ids)
        return shared

    def shared_with(self, learning_id: str) -> list[Person]:
        """The people a learning went to (logged interactions and done shares)."""
        ids = self._shared.get(learning_id, set())
        return sorted((self.people[i] for i in ids if i in self.people), key=lambda p: p.name)

    def names(self, person_ids: tuple[str, ...]) -> str:
        return ", ".join(self.people[i].name for i in person_ids if i in self.people) or "(nobody)"

    @cached_property
    def values_used(self) -> dict[str, list[str]]:
        """Values already used, for completion in forms: interests, expertise, needs, tags,
        people (names), learnings (titles) and events."""
        used: dict[str, dict[str, str]] = defaultdict(dict)
        for person in self.people.values():
            for name in ("interests", "expertise", "needs", "tags"):
                for value in getattr(person, name):
                    used[name].setdefault(value.casefold(), value)
        for learning in self.learnings.values():
            for value in learning.tags:
                used["tags"].setdefault(value.casefold(), value)
            used["learnings"].setdefault(learning.title.casefold(), learning.title)
            if learning.event:
                used["events"].setdefault(learning.event.casefold(), learning.event)
        for interaction in self.interactions.values():
            if interaction.event:
                used["events"].setdefault(interaction.event.casefold(), interaction.event)
        for person in self.people.values():
            used["people"].setdefault(person.name.casefold(), person.name)
        return {name: sorted(values.values(), key=str.casefold) for name, values in used.items()}

    @cached_property
    def departments(self) -> list[str]:
        return sorted(
            {p.department for p in self.people.values() if p.department}, key=str.casefold
        )

    @cached_property
    def tags(self) -> list[str]:
        return self.values_used.get("tags", [])
