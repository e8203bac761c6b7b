"""Is this someone already in the journal? The check every way of adding a person makes.

Two strengths of "the same":

- `likely_same`: everyone a typed name may mean (a close name, typos and spelt-out umlauts
  forgiven), best first, those at the typed org first. The app asks about them when a person
  is added with `a` or met in capture; `netjournal add person` notes them on stderr.
- `already_there`: the same folded name (spelt-out umlauts count) and the same folded org, or
  both without an org. `netjournal add person` refuses these unless told `--new`.

Saying "it is them" fills the person in with what was typed (`add_to_person`): empty fields
get the typed value, lists get what they lack, nothing already there changes.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from netjournal.core.errors import NotFound
from netjournal.core.filling import fill_in
from netjournal.core.names import CLOSE_TIE, fold, person_candidates, rank, spellings
from netjournal.core.records import Person
from netjournal.core.store import Store

SAME_PERSON_SCORE = 85.0  # a fuzzy name this close is worth asking about
MOST_OFFERED = 8  # more than this and the name is too common to ask about one by one


def likely_same(name: str, people: Iterable[Person], org: str = "") -> list[Person]:
    """The people `name` may mean, best first (at a tie: those at `org`, then the first met).

    Every namesake is offered, not only the best: two Anna Smiths are both candidates. Names
    clearly worse than the best (more than CLOSE_TIE behind) are left out, so typing "Anna
    Smith" offers the Anna Smiths and not Hannah Smith.
    """
    by_id = {person.id: person for person in people}
    wanted = spellings(name)
    exact = [p for p in by_id.values() if spellings(p.name) & wanted]
    scores = {person.id: 100.0 for person in exact}
    for candidate, score in rank(name, person_candidates(by_id.values()), limit=MOST_OFFERED * 2):
        # A name of a letter or three ("é", "Al") sits inside any typed name: exact only.
        if score >= SAME_PERSON_SCORE and len(fold(candidate.name).replace(" ", "")) > 3:
            scores.setdefault(candidate.id, score)
    if not scores:
        return []
    best = max(scores.values())
    here = spellings(org) if org.strip() else set()
    close = [by_id[i] for i, score in scores.items() if score >= best - CLOSE_TIE]
    close.sort(key=lambda p: (-scores[p.id], not (here & spellings(p.org)), p.created, p.id))
    return close[:MOST_OFFERED]


def already_there(name: str, org: str, people: Iterable[Person]) -> list[Person]:
    """People with the same folded name and the same folded org (or both without one)."""
    names, orgs = spellings(name), spellings(org) if org.strip() else set()
    found = []
    for person in people:
        if not spellings(person.name) & names:
            continue
        theirs = spellings(person.org) if person.org.strip() else set()
        if theirs & orgs or not (theirs or orgs):
            found.append(person)
    return sorted(found, key=lambda p: (p.created, p.id))


def described(person: Person) -> str:
    """A person told apart from namesakes: 'Ann Lee (Contoso, Sales, p2ann00000)'."""
    where = ", ".join(x for x in (person.org, person.department) if x)
    return f"{person.name} ({where}, {person.id})" if where else f"{person.name} ({person.id})"


@dataclass(frozen=True)
class AddedTo:
    """What `add_to_person` did: the person as saved, and what was added in words."""

    person: Person
    said: tuple[str, ...]  # "filled org", "added email ann@contoso.example"

    def sentence(self) -> str:
        """'Ann Lee was already in your network: filled org; added email x.' and so on."""
        if not self.said:
            return f"{self.person.name} was already in your network; nothing new to add."
        return f"{self.person.name} was already in your network: {'; '.join(self.said)}."


def add_to_person(store: Store, person_id: str, typed: Person) -> AddedTo:
    """Fill the person `person_id` in from `typed` (what was typed for them), in one save."""
    with store.batch() as changes:
        current = store.get(Person, person_id)
        if current is None:
            raise NotFound(f"'{typed.name}' is no longer in the journal; nothing was saved.")
        edits, said = fill_in(current, typed)
        person = current.edit(**edits) if edits else current
        if person != current:
            changes.update.append(person)
    return AddedTo(person, tuple(said))
