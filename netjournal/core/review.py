"""The daily review: one queue of what deserves attention on a given day, each with its reason.

- planned outreach that is overdue or due (snoozed items return on their date);
- people going cold: last contact older than their keep-in-touch cadence;
- people with positional power you have not spoken to in a long time;
- learnings of the last weeks not yet shared (nor planned) that strongly match someone;
- prospects (key people not yet in your network) with no plan to bring them in.

Cadence: the person's own, else the shortest of their tags' cadences in config.toml, else a
default by kind, shortened for positional power and rounded to a natural cadence (it reads
"every 3 weeks" and counts 21 days). Logging any interaction resets the clock. A person kept
quiet with `z` (`quiet_until`) is neither going cold nor unheard before that day.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date, timedelta

from netjournal.core.cadence_words import cadence_words, natural_cadence
from netjournal.core.dates import days_ago
from netjournal.core.records import Outreach, Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.standing import Standing, due_words, standing
from netjournal.core.suggest import WholePhrases
from netjournal.core.word_weights import weights_for

DEFAULT_CADENCE = {"internal": 60, "customer": 30, "supplier": 60, "expert": 90,
                   "journalist": 60, "other": 120}  # fmt: skip
POWER_SILENCE_DAYS = 90  # influence 2+ unheard for this long is worth a review item
FRESH_LEARNING_DAYS = 60  # older learnings are no news; the Journal still offers `s` on them
# A day's pass stays doable with 10,000 people: the rest of those going cold are in Network.
PER_DAY = {"cold": 20, "power": 10, "prospect": 10}
SHARE_ITEMS_AT_MOST = 10  # the newest; a daily pass is no place for a hundred share ideas
STRONG_MATCH = 2.0  # a whole interest, expertise or need phrase the learning holds
KIND_ORDER = {"outreach": 0, "cold": 1, "power": 2, "share": 3, "prospect": 4}


@dataclass(frozen=True)
class ReviewItem:
    """One thing to look at today (JSON: id, kind, title, reason, due, person_ids, note)."""

    id: str
    kind: str
    title: str
    reason: str
    due: date | None
    person_ids: tuple[str, ...]
    note: str = ""  # a plan's notes, whole ("" for items that are not plans)

    def to_dict(self) -> dict[str, object]:
        return {"id": self.id, "kind": self.kind, "title": self.title, "reason": self.reason,
                "due": self.due.isoformat() if self.due else None,
                "person_ids": list(self.person_ids), "note": self.note}  # fmt: skip

    def why(self, names: Sequence[str], title_shown: str | None = None) -> str:
        """The reason, and whom a plan is with where its title (as far as it is shown, when a
        narrow column cuts it) does not name them already: "due today · Priya Raman", but
        "overdue by 3 days" for "Follow up with Bob Stone"."""
        if self.kind != "outreach":
            return self.reason
        title = (self.title if title_shown is None else title_shown).casefold()
        unnamed = [name for name in names if name and name.casefold() not in title]
        return " · ".join([self.reason, ", ".join(unnamed)]) if unnamed else self.reason


def cadence_for(person: Person, by_tag: Mapping[str, int] | None = None) -> int:
    """Days between contacts before `person` counts as going cold."""
    if person.cadence_days:
        return person.cadence_days
    tagged = [
        days
        for tag, days in (by_tag or {}).items()
        if tag.casefold() in {t.casefold() for t in person.tags}
    ]
    if tagged:
        return min(tagged)
    days = DEFAULT_CADENCE.get(person.kind, 120)
    if person.influence >= 3:
        return min(days, 30)
    if person.influence == 2:  # a quarter sooner, rounded so the words count the very days
        return natural_cadence(days * 0.75)
    return days


def keep_in_touch_due(
    person: Person, snapshot: JournalSnapshot, by_tag: Mapping[str, int] | None = None
) -> tuple[date, int, date]:
    """When the clock started (last contact, else when they were added), the cadence in days,
    and the day they go cold."""
    since = snapshot.last_contact.get(person.id) or date.fromisoformat(person.created[:10])
    cadence = cadence_for(person, by_tag)
    return since, cadence, since + timedelta(days=cadence)


def review_queue(
    snapshot: JournalSnapshot, day: date, by_tag: Mapping[str, int] | None = None
) -> list[ReviewItem]:
    """Everything worth attention on `day`, most pressing first."""
    items = [
        outreach_item(outreach, day)
        for outreach in snapshot.outreach.values()
        if standing(outreach, day).is_due
    ]
    influence = {person.id: person.influence for person in snapshot.people.values()}
    items += _most_pressing(people_items(snapshot, day, by_tag), influence)
    items += _share_items(snapshot, day)
    items.sort(key=lambda i: (KIND_ORDER[i.kind], i.due or date.max, i.title.casefold()))
    return items


def people_items(
    snapshot: JournalSnapshot, day: date, by_tag: Mapping[str, int] | None = None
) -> list[ReviewItem]:
    """Every person going cold, in power and unheard, or a prospect with no plan (no cap)."""
    planned = {
        pid for o in snapshot.outreach.values() if o.status == "open" for pid in o.person_ids
    }
    bring_in = {pid for o in snapshot.outreach.values()
                if o.status == "open" and o.kind == "bring-in" for pid in o.person_ids}  # fmt: skip
    return [
        item
        for person in snapshot.people.values()
        if (item := _person_item(person, snapshot, day, by_tag, planned, bring_in)) is not None
    ]


def _most_pressing(items: list[ReviewItem], influence: Mapping[str, int]) -> list[ReviewItem]:
    """At most PER_DAY of each kind about people: the longest overdue, the most senior first."""
    kept: list[ReviewItem] = []
    for kind, limit in PER_DAY.items():
        group = [item for item in items if item.kind == kind]
        group.sort(key=lambda i: (i.due or date.max, -influence.get(i.person_ids[0], 0)))
        kept += group[:limit]
    return kept


def outreach_item(outreach: Outreach, day: date) -> ReviewItem:
    """A planned outreach as a review item, its reason saying when it is due."""
    reason = due_words(outreach, day)
    if standing(outreach, day) is Standing.SNOOZED and outreach.snoozed_until:
        reason += f", snoozed until {outreach.snoozed_until.isoformat()}"
    return ReviewItem(outreach.id, "outreach", outreach.title, reason, outreach.due,
                      outreach.person_ids, outreach.notes)  # fmt: skip


def _person_item(
    person: Person, snapshot: JournalSnapshot, day: date, by_tag: Mapping[str, int] | None,
    planned: set[str], bring_in: set[str],
) -> ReviewItem | None:  # fmt: skip
    if person.is_prospect:
        if person.id in bring_in:
            return None
        return ReviewItem(f"prospect:{person.id}", "prospect", person.name,
                          "key person not in your network yet; no plan to bring them in",
                          None, (person.id,))  # fmt: skip
    if person.id in planned or person.is_quiet_on(day):  # planned, or `z`: not before a day
        return None
    last = snapshot.last_contact.get(person.id)
    since, cadence, due = keep_in_touch_due(person, snapshot, by_tag)
    if due <= day:
        spoken = (
            f"last contact {days_ago(last, day)}"
            if last
            else f"no contact logged since you added them {days_ago(since, day)}"
        )
        return ReviewItem(f"cold:{person.id}", "cold", person.name,
                          f"going cold: {spoken} ({cadence_words(cadence)})", due, (person.id,))  # fmt: skip
    if person.influence >= 2 and last and (day - last).days >= POWER_SILENCE_DAYS:
        return ReviewItem(f"power:{person.id}", "power", person.name,
                          f"positional power ({person.role or 'influence ' + str(person.influence)}), "
                          f"last contact {days_ago(last, day)}", last + timedelta(days=POWER_SILENCE_DAYS),
                          (person.id,))  # fmt: skip
    return None


def _share_items(snapshot: JournalSnapshot, day: date) -> list[ReviewItem]:
    """Fresh learnings nobody got yet, with the people they strongly fit."""
    planned = {o.learning_id for o in snapshot.outreach.values()
               if o.kind == "share" and o.status == "open"}  # fmt: skip
    fresh = [
        learning
        for learning in snapshot.learnings.values()
        if 0 <= (day - learning.date).days <= FRESH_LEARNING_DAYS
        and learning.id not in planned
        and not snapshot.shared_with(learning.id)
    ]
    if not fresh:
        return []
    # The phrases folded once per snapshot, as `suggest` and the share list fold them.
    askable = (p for p in snapshot.people.values() if not p.is_prospect)
    matcher = WholePhrases(askable, weights_for(snapshot))
    items: list[ReviewItem] = []
    fresh.sort(key=lambda learning: (learning.date, learning.created), reverse=True)
    for learning in fresh:
        if len(items) == SHARE_ITEMS_AT_MOST:
            break
        strong = [s for s in matcher.best(learning) if s.score >= STRONG_MATCH]
        if not strong:
            continue
        best = strong[0]
        more = f" and {len(strong) - 1} more" if len(strong) > 1 else ""
        reason = f"not shared yet; fits {best.person.name} ({best.reasons[0]}){more}"
        items.append(ReviewItem(f"share:{learning.id}", "share", learning.title, reason,
                                learning.date, tuple(s.person.id for s in strong)))  # fmt: skip
    return items
