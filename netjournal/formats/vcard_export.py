"""People as vCard 3.0, which every address book reads.

Standard properties carry what vCard knows (N, FN, ORG with the department as its unit,
TITLE, EMAIL, TEL, URL, NOTE, CATEGORIES for tags); what only netjournal knows goes into
X-NETJOURNAL-* properties, which other tools keep or ignore and a re-import restores. List
fields get one property per value, so a comma inside a value needs no escaping rules.
"""

from __future__ import annotations

from collections.abc import Iterable

import vobject
from nameparser import HumanName

from netjournal.core.records import Person

X_SINGLE = {"kind": "KIND", "influence": "INFLUENCE", "status": "STATUS", "met_via": "MET-VIA",
            "cadence_days": "CADENCE"}  # fmt: skip
X_LISTS = {"interests": "INTEREST", "expertise": "EXPERTISE", "needs": "NEED"}
DEFAULTS = {"kind": "other", "influence": 0, "status": "connected"}  # what a re-import assumes


def vcards(people: Iterable[Person]) -> str:
    """A .vcf file of `people`, sorted by name (CRLF line endings, as the standard says)."""
    ordered = sorted(people, key=lambda person: (person.name.casefold(), person.id))
    return "".join(vcard(person) for person in ordered)


def vcard(person: Person) -> str:
    card = vobject.vCard()
    card.add("fn").value = person.name
    card.add("n").value = structured_name(person.name)
    if person.org or person.department:
        card.add("org").value = (
            [person.org, person.department] if person.department else [person.org]
        )
    if person.role:
        card.add("title").value = person.role
    for address in person.email:
        card.add("email").value = address
        card.contents["email"][-1].type_param = "INTERNET"
    for number in person.phone:
        card.add("tel").value = number
    for link in person.links:
        card.add("url").value = link
    if person.tags:
        card.add("categories").value = list(person.tags)
    if person.notes:
        card.add("note").value = person.notes
    for name, suffix in X_SINGLE.items():
        value = getattr(person, name)
        if value not in ("", None) and value != DEFAULTS.get(name):
            card.add(f"x-netjournal-{suffix.lower()}").value = str(value)
    for name, suffix in X_LISTS.items():
        for value in getattr(person, name):
            card.add(f"x-netjournal-{suffix.lower()}").value = value
    return card.serialize()


def structured_name(name: str) -> vobject.vcard.Name:
    """N's parts, split by nameparser: 'Dr. Amara Ifeoma Nwosu, Jr.' has Dr. as its prefix,
    Nwosu as its family name and Jr. as its suffix (a last space would make 'Jr.' the family)."""
    parts = HumanName(name)
    return vobject.vcard.Name(family=parts.last, given=parts.first, additional=parts.middle,
                              prefix=parts.title, suffix=parts.suffix)  # fmt: skip
