"""`z` on someone going cold: not in the review before the day chosen, kept on the person (it
syncs and survives a restart), today ends it, and a day in the past changes nothing."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from netjournal.core.errors import RecordError
from netjournal.core.insights import network_insights
from netjournal.core.person_quiet import keep_quiet, person_in_item, quiet_words
from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Person
from netjournal.core.review import review_queue
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store

DAY = date(2026, 11, 29)


def cold_and_plan(store: Store) -> tuple[Person, str]:
    bob = Person.create(name="Bob Stone", kind="supplier", cadence_days=30)
    ann = Person.create(name="Ann Lee")
    talk = Interaction.create(date=DAY - timedelta(days=59), person_ids=[bob.id], summary="Call")
    store.add(bob, ann, talk)
    return bob, ann.id


def titles(store: Store, day: date) -> list[tuple[str, str]]:
    return [(i.kind, i.title) for i in review_queue(JournalSnapshot.load(store), day)]


def test_a_quiet_person_is_not_going_cold_before_the_day(store: Store) -> None:
    bob, _ = cold_and_plan(store)
    assert titles(store, DAY) == [("cold", "Bob Stone")]
    until = DAY + timedelta(days=7)

    saved = keep_quiet(store, bob, until, DAY)

    assert saved.quiet_until == until
    again = Store.open(store.folder)  # another process, or the app opened again
    assert again.get(Person, bob.id).quiet_until == until  # type: ignore[union-attr]
    assert titles(again, DAY) == []
    assert titles(again, until - timedelta(days=1)) == []
    assert titles(again, until) == [("cold", "Bob Stone")]  # back on the day chosen
    # Network's going-cold list says the same as the review.
    insights = network_insights(JournalSnapshot.load(again), DAY)
    assert insights.going_cold == []
    assert quiet_words(saved, DAY) == f"quiet until {until.isoformat()}"
    assert quiet_words(saved, until) == ""


def test_a_plan_with_a_quiet_person_still_comes_due(store: Store) -> None:
    bob, _ = cold_and_plan(store)
    keep_quiet(store, bob, DAY + timedelta(days=30), DAY)
    plan = plan_outreach("follow-up", [store.get(Person, bob.id)], due=DAY)  # type: ignore[list-item]
    store.add(plan)
    assert titles(store, DAY) == [("outreach", "Follow up with Bob Stone")]


def test_today_ends_a_quiet_spell_and_a_past_day_is_refused(store: Store) -> None:
    bob, _ = cold_and_plan(store)
    with pytest.raises(RecordError, match="Choose a day after today"):
        keep_quiet(store, bob, DAY, DAY)  # not quiet: today would change nothing
    with pytest.raises(RecordError, match="Choose a day after today"):
        keep_quiet(store, bob, DAY - timedelta(days=1), DAY)
    assert store.get(Person, bob.id) == bob  # nothing changed
    quiet = keep_quiet(store, bob, DAY + timedelta(days=3), DAY)
    awake = keep_quiet(store, quiet, DAY, DAY)
    assert awake.quiet_until is None
    assert titles(store, DAY) == [("cold", "Bob Stone")]


def test_an_edit_elsewhere_is_kept_when_a_person_is_made_quiet(store: Store) -> None:
    bob, _ = cold_and_plan(store)
    store.update(bob.edit(role="Buyer"))  # another window edited him meanwhile
    quiet = keep_quiet(store, bob, DAY + timedelta(days=3), DAY)  # from the stale copy
    assert (quiet.role, quiet.quiet_until) == ("Buyer", DAY + timedelta(days=3))


def test_which_review_items_z_can_keep_quiet() -> None:
    assert person_in_item("cold:abc") == "abc"
    assert person_in_item(" power:abc ") == "abc"
    assert [person_in_item(i) for i in ("prospect:abc", "share:abc", "abc", "cold:")] == [
        None, None, None, None,
    ]  # fmt: skip
