"""How to bring a prospect in: the people you know who could introduce you, with the reasons.

A connected person is listed only when something links them to the prospect:
- the same org (strongest: "also at Contoso"); for two internal people with no org typed,
  "also in your organization" (weaker: it is true of every colleague);
- their name in the prospect's "met via" or notes ("mentioned in their met via"): the full
  name, or the first name alone when no other connected person has that first name;
- the same department, unless both have an org and the orgs differ (Sales at Contoso is not
  Sales at Fabrikam): "same department: Sales";
- a shared interest or expertise phrase (folded, whole phrase): "shares an interest: sailing",
  "shares expertise: pricing".
Then, as tie-breaks that never list anyone by themselves: how warm your own link to them is
(interactions in the 365 days up to the day asked: "you talked 4 times this year") and their
influence.
"""

from __future__ import annotations

import re
from datetime import date, timedelta

from netjournal.core.names import fold
from netjournal.core.planning import plan_outreach
from netjournal.core.records import Outreach, Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.who import Ranked

ORG_WEIGHT = 4.0
MENTION_WEIGHT = 3.0
DEPARTMENT_WEIGHT = 2.0
COLLEAGUE_WEIGHT = 1.0  # both internal, no org typed
FIRST_SHARED_WEIGHT = 1.5
MORE_SHARED_WEIGHT = 0.5  # each further shared phrase, up to SHARED_COUNTED in all
SHARED_COUNTED = 3
WARMTH_PER_TALK = 0.1
WARM_TALKS_COUNTED = 4  # at most 0.4, with influence under 0.5: no link level is overturned
WARM_DAYS = 365
INFLUENCE_WEIGHT = 0.03


# Someone who could bring a prospect in, how strongly, and why: the same shape as a person
# ranked for a topic (JSON: id, name, score, reasons).
Introducer = Ranked


def introducers_for(
    prospect: Person, snapshot: JournalSnapshot, day: date, limit: int | None = 5
) -> list[Introducer]:
    """Connected people who could introduce you to `prospect`, best first."""
    links = _people_links(snapshot)
    about = fold(prospect.met_via), fold(prospect.notes)
    phrases = _phrase_keys(prospect)
    candidates = [p for p in links.could_link(prospect, about, phrases) if p.id != prospect.id]
    first_names = links.first_names if any(about) else {}
    since = day - timedelta(days=WARM_DAYS)
    found = []
    for person in candidates:
        entry = Introducer(person)
        _links(entry, prospect, about, first_names, phrases)
        if not entry.reasons:
            continue
        talks = sum(1 for i in snapshot.interactions_with(person.id) if since < i.date <= day)
        if talks:
            entry.score += WARMTH_PER_TALK * min(talks, WARM_TALKS_COUNTED)
            entry.reasons.append(f"you talked {_times(talks)} this year")
        entry.score += INFLUENCE_WEIGHT * person.influence
        found.append(entry)
    found.sort(key=lambda e: (-e.score, -e.person.influence, e.person.name.casefold(), e.person.id))
    return found[:limit] if limit else found


class _PeopleLinks:
    """Connected people by org, department and phrase, built once per snapshot, so a prospect
    is compared with the few who share something rather than with everyone."""

    def __init__(self, people: list[Person]) -> None:
        self.by_org: dict[str, list[Person]] = {}
        self.by_department: dict[str, list[Person]] = {}
        self.by_phrase: dict[str, list[Person]] = {}
        self.colleagues: list[Person] = []  # internal, no org typed
        self.names: list[tuple[Person, str]] = []
        self.first_names: dict[str, int] = {}
        for person in people:
            if person.org.strip():
                self.by_org.setdefault(person.org.strip().casefold(), []).append(person)
            elif person.kind == "internal":
                self.colleagues.append(person)
            if person.department.strip():
                self.by_department.setdefault(person.department.strip().casefold(), []).append(
                    person
                )
            for phrase in {fold(x) for x in (*person.interests, *person.expertise)} - {""}:
                self.by_phrase.setdefault(phrase, []).append(person)
            name = fold(person.name)
            self.names.append((person, name))
            if name:
                first = name.split()[0]
                self.first_names[first] = self.first_names.get(first, 0) + 1

    def could_link(
        self, prospect: Person, about: tuple[str, str], phrases: dict[str, tuple[str, str]]
    ) -> list[Person]:
        """Everyone who shares an org, department or phrase with `prospect`, or is named in
        their met via or notes (each once, in no particular order)."""
        found: dict[str, Person] = {}
        org = prospect.org.strip().casefold()
        groups = [self.by_org.get(org, []) if org else [],
                  self.colleagues if not org and prospect.kind == "internal" else [],
                  self.by_department.get(prospect.department.strip().casefold(), []),
                  *(self.by_phrase.get(key, []) for key in phrases)]  # fmt: skip
        for group in groups:
            found.update((person.id, person) for person in group)
        text = " ".join(about)
        if text.strip():
            for person, name in self.names:
                if name and name.split()[0] in text:
                    found[person.id] = person
        return list(found.values())


def _people_links(snapshot: JournalSnapshot) -> _PeopleLinks:
    links = snapshot.memo.get("bring_in")
    if not isinstance(links, _PeopleLinks):
        links = _PeopleLinks([p for p in snapshot.people.values() if not p.is_prospect])
        snapshot.memo["bring_in"] = links
    return links


def _links(
    entry: Introducer,
    prospect: Person,
    about: tuple[str, str],
    first_names: dict[str, int],
    phrases: dict[str, tuple[str, str]],
) -> None:
    person = entry.person
    org, their_org = prospect.org.strip(), person.org.strip()
    if org and their_org and org.casefold() == their_org.casefold():
        entry.score += ORG_WEIGHT
        entry.reasons.append(f"also at {org}")
    elif not org and not their_org and prospect.kind == person.kind == "internal":
        entry.score += COLLEAGUE_WEIGHT
        entry.reasons.append("also in your organization")
    where = _named_in(person, about, first_names) if first_names else ""
    if where:
        entry.score += MENTION_WEIGHT
        entry.reasons.append(f"mentioned in {where}")
    dept = prospect.department.strip()
    different_orgs = bool(org and their_org and org.casefold() != their_org.casefold())
    if dept and not different_orgs and dept.casefold() == person.department.strip().casefold():
        entry.score += DEPARTMENT_WEIGHT
        entry.reasons.append(f"same department: {dept}")
    shared = _shared_phrases(phrases, person) if phrases else []
    for index, reason in enumerate(shared[:SHARED_COUNTED]):
        entry.score += FIRST_SHARED_WEIGHT if index == 0 else MORE_SHARED_WEIGHT
        entry.reasons.append(reason)


def _named_in(person: Person, about: tuple[str, str], first_names: dict[str, int]) -> str:
    """Where the prospect's met-via or notes name `person` ("" when they do not)."""
    words = fold(person.name).split()
    if not words:
        return ""
    names = [" ".join(words)]
    if len(words) > 1 and len(words[0]) >= 3 and first_names.get(words[0]) == 1:
        names.append(words[0])
    if not any(name in text for name in names for text in about):
        return ""  # the quick test, before whole-word patterns
    patterns = [re.compile(rf"(?<!\w){re.escape(name)}(?!\w)") for name in names]
    met_via, notes = about
    if any(p.search(met_via) for p in patterns):
        return "their met via"
    if any(p.search(notes) for p in patterns):
        return "your notes on them"
    return ""


def _phrase_keys(prospect: Person) -> dict[str, tuple[str, str]]:
    """The prospect's interests then expertise, folded once: key -> (field, phrase)."""
    keys: dict[str, tuple[str, str]] = {}
    for field_name, phrases in (("interests", prospect.interests),
                                ("expertise", prospect.expertise)):  # fmt: skip
        for phrase in phrases:
            keys.setdefault(fold(phrase), (field_name, phrase))
    keys.pop("", None)
    return keys


def _shared_phrases(keys: dict[str, tuple[str, str]], person: Person) -> list[str]:
    """Reasons for the interest and expertise phrases both have, in the prospect's order."""
    interests = {fold(x) for x in person.interests}
    expertise = {fold(x) for x in person.expertise}
    reasons: list[str] = []
    for key, (field_name, phrase) in keys.items():
        if field_name == "expertise" and key in expertise:
            reasons.append(f"shares expertise: {phrase}")
        elif key in interests or key in expertise:
            reasons.append(f"shares an interest: {phrase}")
    return reasons


def _times(count: int) -> str:
    return {1: "once", 2: "twice"}.get(count, f"{count} times")


BRING_IN_WEEKS = 1  # a plan made in passing is due next week, not someday


def plan_bring_in(prospect: Person, snapshot: JournalSnapshot, day: date) -> Outreach:
    """A bring-in outreach for `prospect` (not saved), naming the best introducer and why."""
    best = introducers_for(prospect, snapshot, day, limit=1)
    if not best:
        return plan_outreach("bring-in", [prospect], due=day + timedelta(weeks=BRING_IN_WEEKS),
                             notes="Nobody in your network links to them yet: find a way in.")  # fmt: skip
    via = best[0]
    return plan_outreach(
        "bring-in", [prospect], due=day + timedelta(weeks=BRING_IN_WEEKS),
        title=f"Bring in {prospect.name} via {via.person.name}",
        notes=f"Ask {via.person.name} for an introduction ({'; '.join(via.reasons)}).",
    )  # fmt: skip
