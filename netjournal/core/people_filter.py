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
FIELDS = tuple(dict.fromkeys(PREFIXES.values()))

SEP = "\x00"  # between a field's folded values (see PeopleFinder)
Test = tuple[str, str]  # (field, folded wanted text); field "" means anywhere in the person


def filter_people(people: Iterable[Person], query: str) -> list[Person]:
    """The people matching every part of `query`."""
    tests = filter_tests(query)
    if not tests:
        return list(people)
    return [person for person in people if all(_matches(person, f, w) for f, w in tests)]


def filter_tests(query: str) -> list[Test]:
    """What each part of `query` asks of a person."""
    tests = []
    for part in _parts(query):
        name, colon, wanted = part.partition(":")
        if colon and name.lower() in PREFIXES and wanted:
            tests.append((PREFIXES[name.lower()], fold(wanted)))
        else:
            tests.append(("", fold(part)))
    return tests


def _text(person: Person) -> str:
    """Everything a plain word of the filter may be found in, folded."""
    return fold(" ".join((person.name, person.org, person.department, person.role,
                          *person.interests, *person.expertise, *person.needs, *person.tags)))  # fmt: skip


def _values(person: Person, field: str) -> tuple[str, ...]:
    value = getattr(person, field)
    return tuple(fold(item) for item in (value if isinstance(value, tuple) else (value,)))


def _matches(person: Person, field: str, wanted: str) -> bool:
    if not field:
        return wanted in _text(person)
    return any(item.startswith(wanted) for item in _values(person, field))


def _narrows(old: list[Test], new: list[Test]) -> bool:
    """Whether whoever passes `new` surely passed `old` (the filter only grew: "an" -> "ann",
    one more word), so `new` needs to look only at what `old` found."""
    return all(
        any(f == g and (w in v if not f else v.startswith(w)) for g, v in new) for f, w in old
    )


class PeopleFinder:
    """The people in name order with their text folded once (per journal snapshot), so that a
    keystroke in the People filter folds only what was typed; a filter that only grew looks
    again only at the people the last one found."""

    def __init__(self, people: Iterable[Person], reuse: PeopleFinder | None = None) -> None:
        self.people = sorted(people, key=lambda p: p.name.casefold())
        # Unchanged records are the same objects after a save: their folded text is reused.
        known = {entry[0].id: entry for entry in reuse._entries} if reuse is not None else {}
        # (person, text, {field: SEP + value + SEP + value ...}): "any value starts with w" is
        # then one substring test, SEP + w, in C (folded text never holds SEP).
        self._entries: list[tuple[Person, str, dict[str, str]]] = []
        for person in self.people:
            kept = known.get(person.id)
            if kept is None or kept[0] is not person:
                fields = {name: "".join(SEP + v for v in _values(person, name)) for name in FIELDS}
                kept = (person, _text(person), fields)
            self._entries.append(kept)
        self._last: tuple[list[Test], list[tuple[Person, str, dict[str, str]]]] = (
            [], self._entries)  # fmt: skip

    def matching(self, query: str) -> list[Person]:
        """The people matching every part of `query`, by name (as `filter_people`, sorted)."""
        tests = filter_tests(query)
        old_tests, old_found = self._last
        found = old_found if _narrows(old_tests, tests) else self._entries
        for field, wanted in tests:
            if not field:
                found = [e for e in found if wanted in e[1]]
            else:
                starts = SEP + wanted
                found = [e for e in found if starts in e[2][field]]
        self._last = (tests, found)
        return [e[0] for e in found]


def _parts(query: str) -> list[str]:
    """Words, with "quoted phrases" kept whole (an unclosed quote counts as plain text)."""
    try:
        return shlex.split(query)
    except ValueError:
        return query.split()
