"""The daily review at fixed dates: due and overdue plans, snoozes, cadences, power, prospects."""

from __future__ import annotations

from datetime import date

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Learning, Person
from netjournal.core.review import cadence_for, review_queue
from tests.core.support import snapshot

DAY = date(2026, 11, 29)


def met(person: Person, when: str) -> Interaction:
    return Interaction.create(date=when, person_ids=[person.id], summary="Coffee")


def kinds(items: list) -> list[tuple[str, str]]:  # type: ignore[type-arg]
    return [(item.kind, item.title) for item in items]


def test_overdue_and_due_plans_come_first_and_future_ones_wait() -> None:
    ann = Person.create(name="Ann", kind="customer")
    late = plan_outreach("follow-up", [ann], due=date(2026, 11, 26))
    today = plan_outreach("reconnect", [ann], due=DAY, title="Call Ann")
    later = plan_outreach("ask", [ann], due=date(2026, 12, 3), title="Ask Ann later")
    items = review_queue(snapshot(ann, met(ann, "2026-11-20"), late, today, later), DAY)
    assert kinds(items) == [("outreach", "Follow up with Ann"), ("outreach", "Call Ann")]
    assert [item.reason for item in items] == ["overdue by 3 days", "due today"]


def test_a_snoozed_plan_is_hidden_until_its_date() -> None:
    ann = Person.create(name="Ann")
    plan = plan_outreach("follow-up", [ann], due=date(2026, 11, 20)).edit(
        snoozed_until=date(2026, 12, 1)
    )
    records = (ann, met(ann, "2026-11-20"), plan)
    assert review_queue(snapshot(*records), DAY) == []
    assert kinds(review_queue(snapshot(*records), date(2026, 12, 1))) == [
        ("outreach", "Follow up with Ann")
    ]


def test_going_cold_follows_the_cadence_and_a_logged_talk_resets_it() -> None:
    bob = Person.create(name="Bob", kind="supplier", cadence_days=30)
    items = review_queue(snapshot(bob, met(bob, "2026-10-01")), DAY)
    assert kinds(items) == [("cold", "Bob")]
    assert items[0].reason == "going cold: last contact 59 days ago (every month)"
    assert review_queue(snapshot(bob, met(bob, "2026-10-01"), met(bob, "2026-11-28")), DAY) == []


def test_default_cadences_by_kind_power_and_tag() -> None:
    assert cadence_for(Person.create(name="A", kind="customer")) == 30
    assert cadence_for(Person.create(name="B", kind="expert")) == 90
    assert cadence_for(Person.create(name="C", kind="expert", influence=3)) == 30
    # A quarter sooner for power, rounded to a natural cadence: 45 days is 6 weeks (42).
    assert cadence_for(Person.create(name="D", kind="internal", influence=2)) == 42
    assert cadence_for(Person.create(name="F", kind="customer", influence=2)) == 21
    assert cadence_for(Person.create(name="G", kind="expert", influence=2)) == 60
    assert cadence_for(Person.create(name="H", kind="customer", influence=2, cadence_days=22)) == 22
    assert cadence_for(Person.create(name="E", kind="other", tags="board"), {"Board": 14}) == 14


def test_people_with_power_unheard_for_long_are_listed_once() -> None:
    ceo = Person.create(name="Cara", kind="internal", influence=2, role="CFO", cadence_days=365)
    items = review_queue(snapshot(ceo, met(ceo, "2026-07-01")), DAY)
    assert kinds(items) == [("power", "Cara")]
    assert items[0].reason == "positional power (CFO), last contact 151 days ago"


def test_prospects_without_a_plan_to_bring_them_in() -> None:
    vic = Person.create(name="Victor", status="prospect", influence=3)
    assert kinds(review_queue(snapshot(vic), DAY)) == [("prospect", "Victor")]
    plan = plan_outreach("bring-in", [vic])
    assert review_queue(snapshot(vic, plan), DAY) == []


def test_a_fresh_unshared_learning_that_fits_someone_is_offered_for_sharing() -> None:
    ann = Person.create(name="Ann", interests=["offshore racing"])
    bob = Person.create(name="Bob", needs=["pallet robot pricing"])
    cid = Person.create(name="Cid", interests=["gardening"])
    racing = Learning.create(
        date="2026-11-20", title="What offshore racing teaches about logistics"
    )
    old = Learning.create(date="2026-08-01", title="Offshore racing and supply chains")
    dull = Learning.create(date="2026-11-25", title="Minutes of the budget meeting")
    records = [ann, bob, cid, racing, old, dull]
    for person in (ann, bob, cid):
        records.append(met(person, "2026-11-25"))

    items = review_queue(snapshot(*records), DAY)

    assert kinds(items) == [("share", "What offshore racing teaches about logistics")]
    assert items[0].reason == "not shared yet; fits Ann (interest: offshore racing)"
    assert items[0].person_ids == (ann.id,)


def test_a_learning_already_shared_or_planned_is_not_offered_again() -> None:
    ann = Person.create(name="Ann", interests=["offshore racing"])
    shared = Learning.create(date="2026-11-20", title="Offshore racing one")
    planned = Learning.create(date="2026-11-21", title="Offshore racing two")
    told = Interaction.create(date="2026-11-22", person_ids=[ann.id], summary="Told Ann",
                              learning_ids=[shared.id])  # fmt: skip
    plan = plan_outreach("share", [ann], learning=planned, due=date(2026, 12, 5))
    assert review_queue(snapshot(ann, shared, planned, told, plan), DAY) == []
    # Once the plan is dropped, the learning is news again.
    dropped = plan.edit(status="dropped")
    assert kinds(review_queue(snapshot(ann, shared, planned, told, dropped), DAY)) == [
        ("share", "Offshore racing two")
    ]


def test_at_most_ten_share_ideas_a_day_the_newest_ones() -> None:
    ann = Person.create(name="Ann", interests=["offshore racing"])
    learnings = [
        Learning.create(date=date(2026, 11, 1 + n), title=f"Offshore racing, part {n}")
        for n in range(12)
    ]
    items = review_queue(snapshot(ann, met(ann, "2026-11-25"), *learnings), DAY)
    # The ten newest, listed like the rest of the queue: the one waiting longest first.
    assert [item.title for item in items] == [f"Offshore racing, part {n}" for n in range(2, 12)]


def test_a_day_holds_at_most_twenty_going_cold_the_longest_silent_first() -> None:
    people = [Person.create(name=f"P{n:02}", kind="customer") for n in range(25)]
    talks = [met(p, f"2026-0{1 + n // 5}-{10 + n % 5}") for n, p in enumerate(people)]
    items = review_queue(snapshot(*people, *talks), DAY)
    assert [item.title for item in items] == [f"P{n:02}" for n in range(20)]
