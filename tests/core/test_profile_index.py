"""`/?topic` ranks from an index of people's fields, kept while no one changes."""

from __future__ import annotations

from dataclasses import replace

from netjournal.core.finding import people_to_ask
from netjournal.core.profile_index import profiles_for
from netjournal.core.records import Learning, Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.who import FIELDS

ANN = Person.create(name="Ann Lee", expertise="cold chain")
BOB = Person.create(name="Bob Stone", interests="sailing")


def test_a_save_that_changes_no_one_keeps_the_index_and_an_edit_is_seen(store: Store) -> None:
    store.add(ANN, BOB)
    before = profiles_for(JournalSnapshot.load(store), FIELDS)
    store.add(Learning.create(date="2026-10-01", title="Zeppelin freight"))
    assert profiles_for(JournalSnapshot.load(store), FIELDS) is before  # nobody changed
    bob = store.get(Person, BOB.id)
    assert bob is not None
    store.update(replace(bob, expertise=("zeppelins",)))
    edited = JournalSnapshot.load(store)
    assert profiles_for(edited, FIELDS) is not before
    assert [hit.title for hit in people_to_ask(edited, "zepelin")] == ["Bob Stone"]
