"""Network insights: where your network is thin, who holds power you have not heard from,
what your network is made of, and how it grew.

- Departments (coverage of your own organization): every department named by an internal
  person (connected or prospect) or listed in config.toml's `departments`, matched
  case-insensitively; the config's spelling wins, then the first person's (oldest first). A
  department where you know nobody (connected) is *invisible*: those come first.
- Positional power: connected people with influence 2 or 3, longest silence first (never
  contacted first of all).
- Mix: connected people per kind, every kind listed; `internal_share` is the internal part.
- Months: the last N calendar months ending with the given day's month: people added, logged
  interactions, and the size of the network: connected people added by the month's end, or
  first spoken to by then if that was earlier (people imported or typed in after you met
  them). The journal keeps no history of status, so today's status is used.
- Going cold: the daily review's "cold" items.

Pure: computed from a JournalSnapshot for a given day; nothing here reads the disk.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from datetime import date

from netjournal.core.organization import Organization, our_organization
from netjournal.core.records import PERSON_KINDS, Person
from netjournal.core.review import ReviewItem, people_items
from netjournal.core.snapshot import JournalSnapshot

POWER_INFLUENCE = 2  # influence from which someone holds positional power


@dataclass(frozen=True)
class DepartmentRow:
    """One department of your organization and how well you are connected there.

    JSON: department, connected, prospects, last_contact (ISO or null), max_influence,
    invisible, person_ids.
    """

    department: str
    connected: int
    prospects: int
    last_contact: date | None
    max_influence: int
    invisible: bool
    person_ids: tuple[str, ...]

    def to_dict(self) -> dict[str, object]:
        return {
            "department": self.department,
            "connected": self.connected,
            "prospects": self.prospects,
            "last_contact": self.last_contact.isoformat() if self.last_contact else None,
            "max_influence": self.max_influence,
            "invisible": self.invisible,
            "person_ids": list(self.person_ids),
        }


@dataclass(frozen=True)
class PowerRow:
    """Someone connected with positional power, and how long since you spoke."""

    person_id: str
    name: str
    influence: int
    role: str
    department: str
    last_contact: date | None
    days_since: int | None

    def to_dict(self) -> dict[str, object]:
        return {
            "person_id": self.person_id,
            "name": self.name,
            "influence": self.influence,
            "role": self.role,
            "department": self.department,
            "last_contact": self.last_contact.isoformat() if self.last_contact else None,
            "days_since": self.days_since,
        }


@dataclass(frozen=True)
class MonthRow:
    """One calendar month ("2026-11") of the network's growth."""

    month: str
    people_added: int  # people added to the journal that month (prospects too)
    interactions: int  # interactions dated that month
    network_size: int  # connected people added (or first spoken to) by the end of that month

    def to_dict(self) -> dict[str, object]:
        return {
            "month": self.month,
            "people_added": self.people_added,
            "interactions": self.interactions,
            "network_size": self.network_size,
        }


@dataclass(frozen=True)
class Insights:
    """Everything the Network area and `netjournal insights` show."""

    departments: list[DepartmentRow]
    power: list[PowerRow]
    mix: dict[str, int]  # connected people per kind, every kind, in PERSON_KINDS order
    months: list[MonthRow]
    going_cold: list[ReviewItem]
    organization: Organization | None = None  # yours: set in config.toml, or inferred

    @property
    def connected(self) -> int:
        """How many connected people the journal holds."""
        return sum(self.mix.values())

    @property
    def internal_share(self) -> float:
        """The share (0 to 1) of your connected network inside your own organization."""
        total = self.connected
        return self.mix.get("internal", 0) / total if total else 0.0

    @property
    def invisible(self) -> list[DepartmentRow]:
        return [row for row in self.departments if row.invisible]

    def to_dict(self) -> dict[str, object]:
        return {
            "departments": [row.to_dict() for row in self.departments],
            "power": [row.to_dict() for row in self.power],
            "mix": dict(self.mix),
            "internal_share": round(self.internal_share, 4),
            "months": [row.to_dict() for row in self.months],
            "going_cold": [item.to_dict() for item in self.going_cold],
            "organization": self.organization.to_dict() if self.organization else None,
        }


def network_insights(
    snapshot: JournalSnapshot,
    day: date,
    *,
    departments: Sequence[str] = (),
    cadence_by_tag: Mapping[str, int] | None = None,
    months: int = 12,
    organization: str = "",
) -> Insights:
    """The insights of a journal on `day` (`departments` and `organization`: config.toml's)."""
    people = list(snapshot.people.values())
    connected = [p for p in people if not p.is_prospect]
    mix = {kind: 0 for kind in PERSON_KINDS}
    for person in connected:
        mix[person.kind] = mix.get(person.kind, 0) + 1
    return Insights(
        departments=department_rows(snapshot, departments),
        power=power_rows(snapshot, day),
        mix=mix,
        months=month_rows(snapshot, day, months),
        going_cold=_going_cold(snapshot, day, cadence_by_tag),
        organization=our_organization(organization, people),
    )


def _going_cold(
    snapshot: JournalSnapshot, day: date, cadence_by_tag: Mapping[str, int] | None
) -> list[ReviewItem]:
    cold = [item for item in people_items(snapshot, day, cadence_by_tag) if item.kind == "cold"]
    cold.sort(key=lambda item: (item.due or date.max, item.title.casefold()))
    return cold


def department_rows(
    snapshot: JournalSnapshot, configured: Sequence[str] = ()
) -> list[DepartmentRow]:
    """Coverage of your organization's departments, invisible ones first."""
    spelling: dict[str, str] = {}
    members: dict[str, list[Person]] = {}
    for name in configured:
        name = " ".join(str(name).split())
        if name:
            spelling.setdefault(name.casefold(), name)
            members.setdefault(name.casefold(), [])
    internal = sorted(
        (p for p in snapshot.people.values() if p.kind == "internal" and p.department.strip()),
        key=lambda p: (p.created, p.id),
    )
    for person in internal:
        name = " ".join(person.department.split())
        key = name.casefold()
        spelling.setdefault(key, name)
        members.setdefault(key, []).append(person)
    rows = []
    last = snapshot.last_contact
    for key, there in members.items():
        linked = [p for p in there if not p.is_prospect]
        prospects = [p for p in there if p.is_prospect]
        contacts = [last[p.id] for p in there if p.id in last]
        order = sorted(linked, key=_by_power) + sorted(prospects, key=_by_power)
        rows.append(
            DepartmentRow(
                department=spelling[key],
                connected=len(linked),
                prospects=len(prospects),
                last_contact=max(contacts) if contacts else None,
                max_influence=max((p.influence for p in there), default=0),
                invisible=not linked,
                person_ids=tuple(p.id for p in order),
            )
        )
    rows.sort(key=lambda r: (not r.invisible, r.connected, r.department.casefold()))
    return rows


def _by_power(person: Person) -> tuple[int, str]:
    return (-person.influence, person.name.casefold())


def power_rows(snapshot: JournalSnapshot, day: date) -> list[PowerRow]:
    """Connected people with positional power, longest silence first (never spoken first)."""
    rows = []
    for person in snapshot.people.values():
        if person.is_prospect or person.influence < POWER_INFLUENCE:
            continue
        last = snapshot.last_contact.get(person.id)
        rows.append(
            PowerRow(
                person_id=person.id,
                name=person.name,
                influence=person.influence,
                role=person.role,
                department=person.department,
                last_contact=last,
                days_since=(day - last).days if last else None,
            )
        )
    rows.sort(
        key=lambda r: (
            r.last_contact is not None,
            r.last_contact or date.min,
            -r.influence,
            r.name.casefold(),
        )
    )
    return rows


def month_keys(day: date, months: int) -> list[str]:
    """The last `months` months ending with `day`'s, oldest first: ["2025-12", ..., "2026-11"]."""
    keys = []
    year, month = day.year, day.month
    for _ in range(max(months, 0)):
        keys.append(f"{year:04d}-{month:02d}")
        year, month = (year, month - 1) if month > 1 else (year - 1, 12)
    return keys[::-1]


def month_rows(snapshot: JournalSnapshot, day: date, months: int = 12) -> list[MonthRow]:
    """People added, interactions and network size per month, oldest month first."""
    keys = month_keys(day, months)
    if not keys:
        return []
    added = dict.fromkeys(keys, 0)
    talks = dict.fromkeys(keys, 0)
    before = 0  # connected people created before the first month shown
    joined = dict.fromkeys(keys, 0)
    first_talk: dict[str, date] = {}
    for interaction in snapshot.interactions.values():
        for person_id in interaction.person_ids:
            seen = first_talk.get(person_id)
            if seen is None or interaction.date < seen:
                first_talk[person_id] = interaction.date
    for person in snapshot.people.values():
        key = person.created[:7]
        if key in added:
            added[key] += 1
        if not person.is_prospect:
            # In the network from when they were added, or first spoken to if that was
            # earlier (people imported or typed in later than you met them).
            talked = first_talk.get(person.id)
            if talked is not None:
                key = min(key, talked.isoformat()[:7])
            if key < keys[0]:
                before += 1
            elif key in joined:
                joined[key] += 1
    for interaction in snapshot.interactions.values():
        key = interaction.date.isoformat()[:7]
        if key in talks:
            talks[key] += 1
    rows = []
    size = before
    for key in keys:
        size += joined[key]
        rows.append(MonthRow(key, added[key], talks[key], size))
    return rows
