"""Network insights at a fixed date: department coverage, power, mix, months, going cold."""

from __future__ import annotations

import dataclasses
from datetime import date

from netjournal.core.insights import month_keys, network_insights
from netjournal.core.records import Interaction, Person
from netjournal.core.snapshot import JournalSnapshot
from tests.core.support import snapshot

DAY = date(2026, 11, 29)


def person(name: str, created: str = "2026-01-10", **fields: object) -> Person:
    """A person as if added on `created` (records stamp the real clock otherwise)."""
    made = Person.create(name=name, **fields)
    stamp = f"{created}T09:00:00.000000Z"
    return dataclasses.replace(made, created=stamp, updated=stamp)


def met(who: Person, when: str, *others: Person) -> Interaction:
    return Interaction.create(
        date=when, person_ids=[who.id, *(o.id for o in others)], summary="Coffee"
    )


def test_departments_cover_internal_people_and_the_configured_list() -> None:
    ann = person("Ann", kind="internal", department="Sales", influence=1)
    bea = person(
        "Bea", "2026-02-01", kind="internal", department="sales", influence=3, status="prospect"
    )
    cal = person("Cal", kind="internal", department="Finance", influence=2)
    dee = person("Dee", kind="internal", department="Finance", influence=0)
    eve = person("Eve", kind="internal", department="Legal", influence=2, status="prospect")
    cus = person("Cus", kind="customer", department="Purchasing", org="Contoso")
    blank = person("Blank", kind="internal", department="  ")
    records = (ann, bea, cal, dee, eve, cus, blank, met(ann, "2026-10-01"), met(bea, "2026-11-02"),
               met(cal, "2026-09-01"), met(dee, "2026-09-15"))  # fmt: skip

    found = network_insights(snapshot(*records), DAY, departments=["HR", "FINANCE", " "])

    rows = {row.department: row for row in found.departments}
    # The configured spelling wins; a customer's department is not your organization's.
    assert list(rows) == ["HR", "Legal", "Sales", "FINANCE"]
    assert rows["HR"].invisible and rows["HR"].person_ids == () and rows["HR"].last_contact is None
    legal = rows["Legal"]
    assert (legal.invisible, legal.connected, legal.prospects, legal.max_influence) == (
        True, 0, 1, 2
    )  # fmt: skip
    sales = rows["Sales"]
    assert (sales.invisible, sales.connected, sales.prospects) == (False, 1, 1)
    assert sales.max_influence == 3  # the prospect's influence counts
    assert sales.last_contact == date(2026, 11, 2)  # anyone there, the prospect included
    assert sales.person_ids == (ann.id, bea.id)  # connected first
    finance = rows["FINANCE"]
    assert finance.connected == 2 and finance.person_ids == (cal.id, dee.id)  # influence desc
    assert finance.last_contact == date(2026, 9, 15)
    assert finance.to_dict() == {
        "department": "FINANCE", "connected": 2, "prospects": 0, "last_contact": "2026-09-15",
        "max_influence": 2, "invisible": False, "person_ids": [cal.id, dee.id],
    }  # fmt: skip


def test_without_config_the_first_person_spelling_wins() -> None:
    first = person("A", created="2026-02-01", kind="internal", department="R&D")
    later = person("B", created="2026-03-01", kind="internal", department="r&d")
    found = network_insights(snapshot(later, first), DAY)
    assert [(row.department, row.connected) for row in found.departments] == [("R&D", 2)]


def test_power_lists_connected_people_with_influence_longest_silence_first() -> None:
    ceo = person("Cara", kind="internal", influence=3, role="CEO", department="Board")
    vp = person("Vic", kind="customer", influence=2, role="VP")
    new = person("Nia", kind="supplier", influence=2)
    low = person("Lou", influence=1)
    far = person("Pat", influence=3, status="prospect")
    records = (ceo, vp, new, low, far, met(ceo, "2026-11-20"), met(vp, "2026-06-01"),
               met(low, "2025-01-01"))  # fmt: skip

    power = network_insights(snapshot(*records), DAY).power

    assert [row.name for row in power] == ["Nia", "Vic", "Cara"]
    assert (power[0].last_contact, power[0].days_since) == (None, None)
    assert (power[1].days_since, power[2].days_since) == (181, 9)
    assert power[2].to_dict() == {
        "person_id": ceo.id, "name": "Cara", "influence": 3, "role": "CEO",
        "department": "Board", "last_contact": "2026-11-20", "days_since": 9,
    }  # fmt: skip


def test_mix_counts_connected_people_of_every_kind() -> None:
    people = [
        person("A", kind="internal"),
        person("B", kind="internal"),
        person("C", kind="customer"),
        person("D", kind="journalist"),
        person("E", kind="internal", status="prospect"),
    ]
    found = network_insights(snapshot(*people), DAY)
    assert found.mix == {"internal": 2, "customer": 1, "supplier": 0, "expert": 0,
                         "journalist": 1, "other": 0}  # fmt: skip
    assert list(found.mix) == ["internal", "customer", "supplier", "expert", "journalist", "other"]
    assert found.internal_share == 0.5
    assert found.to_dict()["internal_share"] == 0.5


def test_month_keys_cross_the_year() -> None:
    assert month_keys(date(2026, 2, 3), 4) == ["2025-11", "2025-12", "2026-01", "2026-02"]
    assert month_keys(DAY, 0) == []


def test_months_count_people_added_interactions_and_network_size() -> None:
    old = person("Old", created="2025-05-01")
    sep = person("Sep", created="2026-09-03")
    sep2 = person("Sep2", created="2026-09-30")
    prospect = person("Pro", created="2026-10-10", status="prospect")
    late = person("Late", created="2026-11-02")  # typed in in November, met in October
    records = (old, sep, sep2, prospect, late, met(old, "2026-09-10", sep),
               met(late, "2026-10-05"), met(sep, "2026-11-01"), met(old, "2026-06-30"))  # fmt: skip

    months = network_insights(snapshot(*records), DAY, months=3).months

    assert [row.to_dict() for row in months] == [
        {"month": "2026-09", "people_added": 2, "interactions": 1, "network_size": 3},
        {"month": "2026-10", "people_added": 1, "interactions": 1, "network_size": 4},
        {"month": "2026-11", "people_added": 1, "interactions": 1, "network_size": 4},
    ]
    assert len(network_insights(snapshot(*records), DAY).months) == 12


def test_going_cold_is_the_review_cold_items_and_the_json_shape() -> None:
    bob = person("Bob", kind="supplier", cadence_days=30)
    tag = person("Tia", kind="customer", tags=["board"])
    ceo = person("Cara", influence=2, role="CFO", cadence_days=365)
    records = (bob, tag, ceo, met(bob, "2026-10-01"), met(tag, "2026-11-10"),
               met(ceo, "2026-07-01"))  # fmt: skip

    found = network_insights(snapshot(*records), DAY, cadence_by_tag={"Board": 14})

    assert [(i.kind, i.title) for i in found.going_cold] == [("cold", "Bob"), ("cold", "Tia")]
    data = found.to_dict()
    assert set(data) == {"departments", "power", "mix", "internal_share", "months", "going_cold",
                         "organization"}  # fmt: skip
    assert data["going_cold"][0]["id"] == f"cold:{bob.id}"
    assert data["organization"] is None  # nobody internal to infer it from, and none set


def test_your_organization_is_the_setting_or_inferred_from_colleagues() -> None:
    ann = person("Ann", kind="internal", org="Northwind")
    bob = person("Bob", kind="customer", org="Contoso")
    found = network_insights(snapshot(ann, bob), DAY)
    assert found.organization is not None
    assert found.to_dict()["organization"] == {"name": "Northwind", "inferred": True}
    named = network_insights(snapshot(ann, bob), DAY, organization="Northwind Logistics")
    assert named.to_dict()["organization"] == {"name": "Northwind Logistics", "inferred": False}


def test_an_empty_journal_has_empty_insights() -> None:
    found = network_insights(JournalSnapshot(), DAY)
    assert (found.departments, found.power, found.going_cold) == ([], [], [])
    assert found.connected == 0 and found.internal_share == 0.0
    assert all(row.network_size == 0 for row in found.months)
