"""Filling a person in from another record of them, without changing anything the user wrote.

Empty fields get the other's value; kind and influence count as empty while they hold their
defaults; emails, phones, links, tags, interests, expertise and needs the person does not have
yet are added. Imports use it for someone already in the journal, and the app when what was
typed in the `a` form turns out to be someone you have.
"""

from __future__ import annotations

import re
from typing import Any

from netjournal.core.records import Person

FILLED = ("org", "department", "role", "met_via", "notes", "cadence_days")
DEFAULTS = {"kind": "other", "influence": 0}  # a default value is not something the user chose
ADDED = ("email", "phone", "links", "tags", "interests", "expertise", "needs")
LABELS = {"met_via": "met via", "cadence_days": "keep-in-touch cadence", "email": "email",
          "phone": "phone", "links": "link", "tags": "tag", "interests": "interest",
          "needs": "need"}  # fmt: skip
_NOT_DIGITS = re.compile(r"\D")
_LINK_START = re.compile(r"^(?:https?://)?(?:www\.)?")


def fill_in(existing: Person, incoming: Person) -> tuple[dict[str, Any], list[str]]:
    """The changes that fill `existing` in from `incoming`, and what they are in words."""
    changes: dict[str, Any] = {}
    said: list[str] = []
    for name in FILLED:
        theirs = getattr(incoming, name)
        if theirs not in ("", None) and getattr(existing, name) in ("", None):
            changes[name] = theirs
            said.append(f"filled {LABELS.get(name, name)}")
    for name, default in DEFAULTS.items():
        theirs = getattr(incoming, name)
        if getattr(existing, name) == default and theirs != default:
            changes[name] = theirs
            said.append(f"filled {name}")
    for name in ADDED:
        mine: tuple[str, ...] = getattr(existing, name)
        have = {same(name, value) for value in mine}
        new = [value for value in getattr(incoming, name) if same(name, value) not in have]
        if new:
            changes[name] = (*mine, *new)
            said.append(f"added {LABELS.get(name, name)} {', '.join(new)}")
    return changes, said


def same(field_name: str, value: str) -> str:
    """What makes two values of a list field the same: case, and a phone's punctuation."""
    if field_name == "phone":
        digits = _NOT_DIGITS.sub("", value)
        return digits or value.casefold()
    if field_name == "links":
        return _LINK_START.sub("", value.casefold()).rstrip("/")
    return value.casefold()
