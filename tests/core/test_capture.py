"""Capture's rules: who counts as already known, how "department / role" splits, the summary,
a business card's fields, the follow-up's own note, and adding to an open follow-up."""

from __future__ import annotations

from datetime import date

import pytest

from netjournal.core.capture import Entry, Tally, capture, check, open_follow_up
from netjournal.core.errors import RecordError
from netjournal.core.records import Outreach, Person
from netjournal.core.same_person import likely_same
from netjournal.core.store import Store

PEOPLE = [Person.create(name=n) for n in ("Ann Lee", "Markus Brandt", "John Smith")]
DAY = date(2026, 3, 12)


def test_a_close_name_is_offered_as_the_same_person_and_a_new_one_is_not() -> None:
    offered = {typed: [p.name for p in likely_same(typed, PEOPLE)]
               for typed in ("anne lee", "Jon Smith", "Marcus Brandt", "Anna Berg", "Peter Lee")}  # fmt: skip
    assert offered == {"anne lee": ["Ann Lee"], "Jon Smith": ["John Smith"],
                       "Marcus Brandt": ["Markus Brandt"], "Anna Berg": [], "Peter Lee": []}  # fmt: skip


def test_department_and_role_share_one_field() -> None:
    assert (Entry("x", department_role="Sales / Key accounts").department,
            Entry("x", department_role="Sales / Key accounts").role) == ("Sales", "Key accounts")  # fmt: skip
    assert (Entry("x", department_role="IT/OT / Architect").department,
            Entry("x", department_role="IT/OT / Architect").role) == ("IT/OT", "Architect")  # fmt: skip
    assert (Entry("x", department_role="Sales/KAM").department,
            Entry("x", department_role="Sales/KAM").role) == ("Sales", "KAM")  # fmt: skip
    assert (Entry("x", department_role="Head of Sales").department,
            Entry("x", department_role="Head of Sales").role) == ("", "Head of Sales")  # fmt: skip


def test_the_summary_counts_in_words() -> None:
    tally = Tally("LogiMAT 2027", people=12, learnings=3, follow_up_ids=["a"] * 5)
    assert tally.summary() == "Captured 12 people, 5 follow-ups, 3 learnings at LogiMAT 2027."
    one = Tally("Expo", people=1, matched=1, learnings=1, follow_up_ids=["a"])
    assert one.summary() == (
        "Captured 1 person, 1 follow-up, 1 learning at Expo (1 already in your network)."
    )


def test_a_business_card_comes_in_whole(store: Store) -> None:
    card = Entry("Zoe Quist", org="Litware", department_role="Sales / KAM", talked="Scanners",
                 email="zoe@litware.example, z.quist@example.org", phone="+49 170 1234567",
                 kind="customer", follow_up=True, due=date(2026, 3, 19),
                 follow_up_note="Send the 2027 price list")  # fmt: skip
    saved = capture(store, card, "LogiMAT 2026", DAY)
    zoe = store.get(Person, saved.person.id)
    assert zoe is not None
    assert (zoe.email, zoe.phone, zoe.kind, zoe.role) == (
        ("zoe@litware.example", "z.quist@example.org"), ("+49 170 1234567",), "customer", "KAM"
    )  # fmt: skip
    assert saved.met.summary == "Scanners"  # the talk is the meeting's
    assert saved.follow_up is not None
    assert saved.follow_up.notes == "Send the 2027 price list"  # the plan's own note


def test_without_a_follow_up_note_the_plan_says_what_was_talked_about(store: Store) -> None:
    saved = capture(store, Entry("Zoe", talked="Scanners", follow_up=True), "Expo", DAY)
    assert saved.follow_up is not None and saved.follow_up.notes == "Met at Expo: Scanners"


def test_a_bad_email_is_refused_at_its_field_before_anything_is_saved(store: Store) -> None:
    with pytest.raises(RecordError) as refused:
        check(Entry("Zoe", email="not an address"), "Expo")
    assert refused.value.field == "email"
    assert store.people() == []


def test_meeting_someone_known_adds_their_card_and_keeps_what_they_had(store: Store) -> None:
    ann = Person.create(name="Ann Lee", org="Contoso", email=["ann@contoso.example"])
    store.add(ann)
    entry = Entry("Anne Lee", org="Fabrikam", email="ANN@contoso.example, ann@home.example",
                  phone="0170 555", kind="supplier")  # fmt: skip
    saved = capture(store, entry, "Expo", DAY, existing=ann)
    assert saved.person.id == ann.id and saved.person.name == "Ann Lee"
    assert saved.person.org == "Contoso"  # what you had stays
    assert saved.person.email == ("ann@contoso.example", "ann@home.example")
    assert (saved.person.phone, saved.person.kind) == (("0170 555",), "supplier")
    assert saved.person.met_via == ""  # met earlier than this event


def test_an_open_follow_up_is_found_and_the_new_note_added_to_it(store: Store) -> None:
    ann = Person.create(name="Ann Lee")
    bob = Person.create(name="Bob Stone")
    shared = Outreach.create(kind="follow-up", person_ids=[ann.id, bob.id], title="Both")
    hers = Outreach.create(kind="follow-up", person_ids=[ann.id], title="Follow up with Ann",
                           notes="Pricing", due=date(2026, 4, 1))  # fmt: skip
    done = Outreach.create(kind="follow-up", person_ids=[bob.id], title="Old", status="done",
                          done_at=DAY)  # fmt: skip
    share = Outreach.create(kind="reconnect", person_ids=[bob.id], title="Coffee")
    store.add(ann, bob, shared, hers, done, share)
    plans = store.outreach()
    assert open_follow_up(ann.id, plans) == hers  # hers alone before one shared with Bob
    assert open_follow_up(bob.id, plans) == shared  # done plans and other kinds do not count

    entry = Entry("Ann Lee", talked="Returns", follow_up=True, due=date(2026, 3, 20),
                  follow_up_note="Send the case study")  # fmt: skip
    saved = capture(store, entry, "Expo", DAY, existing=ann, add_to=hers)
    assert saved.added_to_plan and saved.follow_up is not None
    plan = store.get(Outreach, hers.id)
    assert plan is not None
    assert plan.notes == "Pricing\n\n2026-03-12, Expo: Send the case study"
    assert plan.due == date(2026, 3, 20)  # the sooner of the two
    assert len([p for p in store.outreach() if ann.id in p.person_ids]) == 2  # no new plan


def test_a_follow_up_closed_meanwhile_gets_a_plan_of_its_own(store: Store) -> None:
    ann = Person.create(name="Ann Lee")
    hers = Outreach.create(kind="follow-up", person_ids=[ann.id], title="Old", status="done",
                          done_at=DAY)  # fmt: skip
    store.add(ann, hers)
    saved = capture(store, Entry("Ann Lee", follow_up=True), "Expo", DAY, ann, add_to=hers)
    assert not saved.added_to_plan
    assert saved.follow_up is not None and saved.follow_up.id != hers.id
