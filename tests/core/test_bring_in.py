"""How to bring a prospect in: introducers ranked by org, mention, department, shared phrases."""

from __future__ import annotations

from datetime import date

from netjournal.core.bring_in import introducers_for, plan_bring_in
from netjournal.core.records import Interaction, Person
from netjournal.core.snapshot import JournalSnapshot
from tests.core.support import snapshot

DAY = date(2026, 11, 29)


def talks(person: Person, *days: str) -> list[Interaction]:
    return [Interaction.create(date=d, person_ids=[person.id], summary="Call") for d in days]


VIC = Person.create(
    name="Victor Almeida", kind="customer", org="Contoso", department="Sales",
    status="prospect", interests=["sailing"], expertise=["pricing"],
)  # fmt: skip


def names(found: list) -> list[str]:  # type: ignore[type-arg]
    return [entry.person.name for entry in found]


def test_org_beats_department_beats_a_shared_interest() -> None:
    org = Person.create(name="Olga", org="contoso")
    dept = Person.create(name="Dora", department="sales")
    fun = Person.create(name="Finn", interests=["Sailing"])
    found = introducers_for(VIC, snapshot(VIC, fun, dept, org), DAY)
    assert names(found) == ["Olga", "Dora", "Finn"]
    assert found[0].reasons == ["also at Contoso"]
    assert found[1].reasons == ["same department: Sales"]
    assert found[2].reasons == ["shares an interest: sailing"]
    assert found[0].to_dict() == {"id": org.id, "name": "Olga", "score": 4.0,
                                  "reasons": ["also at Contoso"]}  # fmt: skip


def test_shared_expertise_and_several_phrases() -> None:
    both = Person.create(name="Bo", interests=["sailing"], expertise=["Pricing"])
    found = introducers_for(VIC, snapshot(VIC, both), DAY)
    assert found[0].reasons == ["shares an interest: sailing", "shares expertise: pricing"]
    assert found[0].score == 2.0


def test_the_same_department_at_another_org_is_no_link() -> None:
    other = Person.create(name="Sam", org="Fabrikam", department="Sales")
    assert introducers_for(VIC, snapshot(VIC, other), DAY) == []


def test_the_prospect_other_prospects_and_unlinked_people_are_not_listed() -> None:
    other_prospect = Person.create(name="Pia", org="Contoso", status="prospect")
    stranger = Person.create(name="Stan", org="Northwind", interests=["chess"])
    warm = Person.create(name="Wes")  # you talk all the time, but no link to Victor
    records = [VIC, other_prospect, stranger, warm, *talks(warm, "2026-11-01", "2026-10-01")]
    assert introducers_for(VIC, snapshot(*records), DAY) == []


def test_a_name_in_met_via_or_notes_links_them() -> None:
    ann = Person.create(name="Ann Lee")
    bob = Person.create(name="Bob Stone")
    ben = Person.create(name="Bob Marsh")  # two Bobs: "Bob" alone names neither
    vic = VIC.edit(met_via="Ann at the expo", notes="Bob said he is hard to reach", org="")
    found = introducers_for(vic, snapshot(vic, ann, bob, ben), DAY)
    assert names(found) == ["Ann Lee"]
    assert found[0].reasons == ["mentioned in their met via"]
    noted = VIC.edit(notes="Ask Bob Stone", org="")
    assert introducers_for(noted, snapshot(noted, ann, bob, ben), DAY)[0].reasons == [
        "mentioned in your notes on them"
    ]


def test_warmth_and_influence_only_break_ties() -> None:
    cold = Person.create(name="Al", org="Contoso", influence=3)
    warm = Person.create(name="Zed", org="Contoso")
    old = talks(warm, "2025-01-01")  # more than a year ago: not warm
    recent = talks(warm, "2026-11-01", "2026-09-01", "2026-06-01", "2026-03-01", "2026-01-01")
    found = introducers_for(VIC, snapshot(VIC, cold, warm, *old, *recent), DAY)
    assert names(found) == ["Zed", "Al"]
    assert found[0].reasons == ["also at Contoso", "you talked 5 times this year"]
    assert found[0].score == 4.4  # four talks counted
    assert found[1].score == 4.09
    # Warmth never outweighs a link: a department beats a warm shared interest.
    dept = Person.create(name="Dora", department="Sales")
    fun = Person.create(name="Finn", interests=["sailing"], influence=3)
    found = introducers_for(VIC, snapshot(VIC, dept, fun, *talks(fun, *["2026-11-0" + str(d)
                                                                      for d in range(1, 6)])), DAY)  # fmt: skip
    assert names(found) == ["Dora", "Finn"]


def test_internal_colleagues_link_to_an_internal_prospect_and_limit() -> None:
    boss = Person.create(name="Big Boss", kind="internal", status="prospect", department="Legal")
    mates = [Person.create(name=f"Mate {n}", kind="internal") for n in range(7)]
    lawyer = Person.create(name="Lena", kind="internal", department="legal")
    found = introducers_for(boss, snapshot(boss, lawyer, *mates), DAY)
    assert len(found) == 5
    assert found[0].person.name == "Lena"
    assert found[0].reasons == ["also in your organization", "same department: Legal"]
    assert found[1].reasons == ["also in your organization"]
    assert len(introducers_for(boss, snapshot(boss, lawyer, *mates), DAY, limit=None)) == 8


def test_a_bring_in_plan_names_the_best_introducer_and_why() -> None:
    victor = Person.create(name="Victor Almeida", org="Contoso", status="prospect")
    helena = Person.create(name="Helena Okafor", org="Contoso")
    stranger = Person.create(name="Stan Lee", org="Litware")
    snap = JournalSnapshot(people={p.id: p for p in (victor, helena, stranger)})
    day = date(2026, 11, 29)

    plan = plan_bring_in(victor, snap, day)

    assert (plan.kind, plan.person_ids, plan.due) == ("bring-in", (victor.id,), date(2026, 12, 6))
    assert plan.title == "Bring in Victor Almeida via Helena Okafor"
    assert plan.notes == "Ask Helena Okafor for an introduction (also at Contoso)."
    alone = JournalSnapshot(people={p.id: p for p in (victor, stranger)})
    assert plan_bring_in(victor, alone, day).title == "Bring in Victor Almeida"
