"""The same-person check every way of adding a person makes: who may be meant, who is surely
already there, and what saying "it is them" fills in."""

from __future__ import annotations

from netjournal.core.records import Person
from netjournal.core.same_person import add_to_person, already_there, described, likely_same
from netjournal.core.store import Store

ANNA_F = Person.create(name="Anna Smith", org="Fabrikam")
ANNA_C = Person.create(name="Anna Smith", org="Contoso")
HANNAH = Person.create(name="Hannah Smith")
JURGEN = Person.create(name="Jürgen Müller", org="Siemens")
DORDE = Person.create(name="Đorđe Petrović")
ANN = Person.create(name="Ann Lee")
PEOPLE = [ANNA_F, ANNA_C, HANNAH, JURGEN, DORDE, ANN]


def names(people: list[Person]) -> list[tuple[str, str]]:
    return [(p.name, p.org) for p in people]


def test_every_namesake_is_offered_those_at_the_typed_org_first() -> None:
    assert names(likely_same("Anna Smith", PEOPLE, "contoso")) == [
        ("Anna Smith", "Contoso"), ("Anna Smith", "Fabrikam"),
    ]  # fmt: skip
    # Not Hannah Smith: clearly worse than the two Annas.
    assert ("Hannah Smith", "") not in names(likely_same("Anna Smith", PEOPLE))


def test_typos_spelt_out_umlauts_and_plain_letters_are_the_same_person() -> None:
    assert likely_same("Ann Smith", PEOPLE) == [ANNA_F, ANNA_C]  # both, in the order met
    assert likely_same("Juergen Mueller", PEOPLE) == [JURGEN]
    assert likely_same("dorde petrovic", PEOPLE) == [DORDE]
    assert likely_same("Anne Lee", PEOPLE) == [ANN]
    assert likely_same("Zed Quist", PEOPLE) == []


def test_already_there_needs_the_same_name_and_the_same_org_or_none() -> None:
    assert already_there("anna smith", "CONTOSO", PEOPLE) == [ANNA_C]
    assert already_there("Anna Smith", "", PEOPLE) == []  # hers have an org, this one none
    assert already_there("Ann Lee", "", PEOPLE) == [ANN]  # both without an org
    assert already_there("Ann Lee", "Contoso", PEOPLE) == []  # a namesake elsewhere
    assert already_there("Juergen Mueller", "Siemens", PEOPLE) == [JURGEN]
    assert already_there("Anne Lee", "", PEOPLE) == []  # a close name is not the same name


def test_a_person_is_described_with_org_department_and_id() -> None:
    ann = Person.create(name="Ann Lee", org="Contoso", department="Sales")
    assert described(ann) == f"Ann Lee (Contoso, Sales, {ann.id})"
    assert described(ANN) == f"Ann Lee ({ANN.id})"


def test_it_is_them_fills_empty_fields_and_adds_to_lists(store: Store) -> None:
    ann = Person.create(name="Ann Lee", org="Contoso", email=["ann@contoso.example"],
                        tags=["board"])  # fmt: skip
    store.add(ann)
    typed = Person.create(name="Anne Lee", org="Fabrikam", role="CFO", kind="customer",
                          email=["ann@contoso.example", "ann@home.example"], tags=["Board", "golf"])  # fmt: skip
    result = add_to_person(store, ann.id, typed)
    saved = store.get(Person, ann.id)
    assert saved == result.person
    assert (saved.name, saved.org, saved.role, saved.kind) == ("Ann Lee", "Contoso", "CFO",
                                                               "customer")  # fmt: skip
    assert saved.email == ("ann@contoso.example", "ann@home.example")
    assert saved.tags == ("board", "golf")
    assert result.sentence() == (
        "Ann Lee was already in your network: filled role; filled kind; "
        "added email ann@home.example; added tag golf."
    )
    assert len(store.people()) == 1


def test_it_is_them_with_nothing_new_changes_nothing(store: Store) -> None:
    ann = Person.create(name="Ann Lee", org="Contoso")
    store.add(ann)
    result = add_to_person(store, ann.id, Person.create(name="Ann Lee"))
    assert result.person == ann
    assert result.sentence() == "Ann Lee was already in your network; nothing new to add."


def test_a_name_of_a_letter_or_three_is_only_ever_the_same_name() -> None:
    tiny = [Person.create(name="é"), Person.create(name="Al")]
    assert likely_same("Bea New", tiny) == []  # "e" is inside it, but that is no resemblance
    assert likely_same("Alma Lind", tiny) == []
    assert likely_same("e", tiny) == [tiny[0]] and likely_same("AL", tiny) == [tiny[1]]
