"""The People filter's finder: the same people as `filter_people`, in name order, keystroke
after keystroke (the finder narrows from the last result when the filter only grows)."""

from __future__ import annotations

from netjournal.core.people_filter import PeopleFinder, filter_people
from netjournal.core.records import Person
from tests.core.support import snapshot

PEOPLE = [
    Person.create(name="Jürgen Müller", org="Contoso", department="Supply Chain", kind="customer",
                  tags=["logimat"], interests=["pallet robots"]),
    Person.create(name="Ann Lee", org="Fabrikam", department="Sales", kind="supplier"),
    Person.create(name="anna Berg", org="Contoso", role="Buyer", kind="customer", tags=["expo"]),
    Person.create(name="Bob Stone", org="Annex Labs", department="Supply Chain Finance"),
    Person.create(name="[bold]x[/", org="Contoso", kind="expert", expertise=["annealing"]),
]  # fmt: skip


def by_name(people: list[Person]) -> list[str]:
    return [p.id for p in sorted(people, key=lambda p: p.name.casefold())]


def test_every_prefix_of_a_typed_filter_finds_what_filter_people_finds() -> None:
    finder = PeopleFinder(PEOPLE)
    for typed in ('ann', 'kind:customer cont', 'dept:"supply chain" ', 'tag:log jurgen',
                  'org:con', 'dept:"supply', 'kind:', 'annealing', 'nobody at all'):  # fmt: skip
        for end in [*range(len(typed) + 1), *range(len(typed), -1, -1)]:  # typed, then erased
            query = typed[:end]
            found = finder.matching(query)
            assert [p.id for p in found] == by_name(filter_people(PEOPLE, query)), query


def test_a_filter_that_grows_a_word_into_a_field_test_is_not_taken_as_narrower() -> None:
    finder = PeopleFinder(PEOPLE)
    # "kind" as a word matches nobody's text; "kind:c" then asks the kind field.
    assert finder.matching("kind") == []
    assert {p.name for p in finder.matching("kind:c")} == {"Jürgen Müller", "anna Berg"}


def test_a_finder_made_after_a_save_sees_the_changed_person_and_reuses_the_rest() -> None:
    journal = snapshot(*PEOPLE)
    journal.warm()
    ann = next(p for p in PEOPLE if p.name == "Ann Lee")
    moved = ann.edit(org="Northwind")
    after = snapshot(*[moved if p is ann else p for p in PEOPLE])
    after.warm(previous=journal)
    assert [p.name for p in after.people_finder.matching("northwind")] == ["Ann Lee"]
    assert after.people_finder.matching("fabrikam") == []
    assert [p.name for p in after.people_finder.matching("")] == [
        p.name for p in sorted(after.people.values(), key=lambda p: p.name.casefold())
    ]
