"""Your own organization: set in config.toml (`organization = "Northwind Logistics"`), or
inferred as the org most of your internal colleagues have.

It decides who is a colleague when people come in from an import (someone at your
organization is `internal`; a "Colleagues" label on someone at another company is not enough),
and it is named where it is used (Network's header, `netjournal insights`), saying when it was
inferred so a wrong guess is easy to spot and to fix.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass

from netjournal.core.names import fold
from netjournal.core.records import Person


@dataclass(frozen=True)
class Organization:
    """Your organization's name, and whether it was inferred rather than set."""

    name: str
    inferred: bool = False

    def describe(self) -> str:
        """'Northwind Logistics', or 'Northwind Logistics (inferred; set organization in
        config.toml)' when it is a guess."""
        if self.inferred:
            return f"{self.name} (inferred; set organization in config.toml)"
        return self.name

    def holds(self, org: str) -> bool:
        """Whether `org` names this organization (case, accents and punctuation ignored)."""
        wanted = fold(org)
        return bool(wanted) and wanted == fold(self.name)

    def to_dict(self) -> dict[str, object]:
        return {"name": self.name, "inferred": self.inferred}


def our_organization(setting: str, people: Iterable[Person]) -> Organization | None:
    """The organization config.toml names, else the org most internal people share (ties go
    to the one met first), else None."""
    named = " ".join(setting.split())
    if named:
        return Organization(named)
    return inferred_from(p for p in people if p.kind == "internal")


def inferred_from(colleagues: Iterable[Person]) -> Organization | None:
    """The org most of `colleagues` share, as the first of them spelt it; None if none has one."""
    counts: Counter[str] = Counter()
    spelling: dict[str, str] = {}
    for person in sorted(colleagues, key=lambda p: (p.created, p.id)):
        key = fold(person.org)
        if key:
            counts[key] += 1
            spelling.setdefault(key, " ".join(person.org.split()))
    if not counts:
        return None
    key, _ = counts.most_common(1)[0]  # most_common keeps first-seen order among ties
    return Organization(spelling[key], inferred=True)
