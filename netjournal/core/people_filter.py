"""Filtering the people list: `kind:customer tag:logimat dept:sales ann`, `dept:"supply chain"`.

Words with a prefix filter a field (prefix match, case and accents ignored); other words must
appear somewhere in the person's name, org, department, role, interests, expertise, needs
or tags.
"""

from __future__ import annotations

import shlex
from collections.abc import Iterable

from netjournal.core.names import fold
from netjournal.core.records import Person

PREFIXES = {"kind": "kind", "tag": "tags", "dept": "department", "department": "department",
            "org": "org", "status": "status"}  # fmt: skip


def filter_people(people: Iterable[Person], query: str) -> list[Person]:
    """The people matching every part of `query`."""
    tests = []
    for part in _parts(query):
        name, colon, wanted = part.partition(":")
        if colon and name.lower() in PREFIXES and wanted:
            tests.append((PREFIXES[name.lower()], fold(wanted)))
        else:
            tests.append(("", fold(part)))
    if not tests:
        return list(people)
    return [person for person in people if all(_matches(person, f, w) for f, w in tests)]


def _matches(person: Person, field: str, wanted: str) -> bool:
    if not field:
        text = fold(" ".join((person.name, person.org, person.department, person.role,
                              *person.interests, *person.expertise, *person.needs, *person.tags)))  # fmt: skip
        return wanted in text
    value = getattr(person, field)
    values = value if isinstance(value, tuple) else (value,)
    return any(fold(item).startswith(wanted) for item in values)


def _parts(query: str) -> list[str]:
    """Words, with "quoted phrases" kept whole (an unclosed quote counts as plain text)."""
    try:
        return shlex.split(query)
    except ValueError:
        return query.split()
