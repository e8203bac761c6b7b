"""Merging two records of one person: field choices, every reference moved, one save, undo."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

import pytest

from netjournal.core.drills import DrillSession, record_session
from netjournal.core.errors import NotFound, RecordError
from netjournal.core.person_merge import (
    BOTH,
    KEEP,
    OTHER,
    MergePlan,
    merge_people,
    plan_merge,
    undo_merge,
)
from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Learning, Outreach, Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from tests.cli.support import snapshot as files_of

DAY = date(2026, 11, 2)


def file_bytes(folder: Path) -> dict[str, bytes]:
    """Every file of the journal folder and its bytes."""
    return {name: data for name, (data, _inode, _mtime) in files_of(folder).items()}


@dataclass
class Journal:
    ann: Person
    anne: Person
    bob: Person
    learning: Learning
    talks: dict[str, Interaction]
    plans: dict[str, Outreach]


def two_ann_lees(store: Store) -> Journal:
    """Ann Lee twice (the second from a business card), Bob, and everything that names them."""
    ann = Person.create(name="Ann Lee", org="Contoso", email=["ann@contoso.example"],
                        interests=["sailing"], notes="Met at LogiMAT.")  # fmt: skip
    anne = Person.create(
        name="Anne Lee", org="Contoso Ltd", role="CFO", kind="customer", influence=3,
        email=["ANN@contoso.example", "anne@home.example"], phone=["+44 7700 900123"],
        interests=["Sailing", "pricing"], tags=["vip"], notes="Likes coffee.",
    )  # fmt: skip
    bob = Person.create(name="Bob Stone", org="Fabrikam")
    learning = Learning.create(title="Pallet robots", date=DAY)
    talks = {
        "alone": Interaction.create(date=DAY, person_ids=[anne.id], summary="Coffee"),
        "both": Interaction.create(date=DAY, person_ids=[ann.id, anne.id], summary="Dinner"),
        "with bob": Interaction.create(date=DAY, person_ids=[anne.id, bob.id], summary="Demo"),
        "not her": Interaction.create(date=DAY, person_ids=[bob.id], summary="Call"),
    }
    plans = {
        "follow up": plan_outreach("follow-up", [anne]),
        "own title": plan_outreach("reconnect", [anne], title="Call about pallets"),
        "intro to self": plan_outreach("introduce", [ann, anne], reason="same team"),
        "intro to bob": plan_outreach("introduce", [anne, bob], reason="robots"),
        "share ann": plan_outreach("share", [ann], learning=learning),
        "share anne": plan_outreach("share", [anne], learning=learning),
        "bob's": plan_outreach("reconnect", [bob]),
    }
    store.add(ann, anne, bob, learning, *talks.values(), *plans.values())
    return Journal(ann, anne, bob, learning, talks, plans)


def plan_for(store: Store, keep: str, other: str, **choices: str) -> MergePlan:
    return plan_merge(JournalSnapshot.load(store), keep, other, choices)


def test_each_differing_field_takes_a_side_and_lists_and_notes_are_united(store: Store) -> None:
    j = two_ann_lees(store)

    plan = plan_for(store, j.ann.id, j.anne.id)

    choices = plan.choices()
    assert choices == {"name": KEEP, "org": KEEP, "role": OTHER, "kind": OTHER,
                       "influence": OTHER, "interests": BOTH, "tags": BOTH, "email": BOTH,
                       "phone": BOTH, "notes": BOTH}  # fmt: skip
    kept = plan.merged
    assert (kept.id, kept.created, kept.name, kept.org) == (j.ann.id, j.ann.created, "Ann Lee",
                                                            "Contoso")  # fmt: skip
    assert (kept.role, kept.kind, kept.influence) == ("CFO", "customer", 3)  # empty or default
    assert kept.email == ("ann@contoso.example", "anne@home.example")  # case: one address
    assert kept.interests == ("sailing", "pricing")
    assert kept.phone == ("+44 7700 900123",) and kept.tags == ("vip",)
    assert kept.notes == "Met at LogiMAT.\n\nLikes coffee."
    assert plan.lines()[0] == f"Ann Lee ({j.ann.id}) is kept; Anne Lee ({j.anne.id}) is removed."
    assert "org: Contoso (kept; the other had Contoso Ltd)" in plan.lines()
    assert "role: CFO (the other's; was (empty))" in plan.lines()


def test_the_other_side_can_be_chosen_field_by_field(store: Store) -> None:
    j = two_ann_lees(store)

    plan = plan_for(store, j.ann.id, j.anne.id, name=OTHER, kind=KEEP, email=KEEP, notes=OTHER)

    assert merge_people(store, plan).sentence().startswith("Merged Anne Lee into Ann Lee (now Anne")
    kept = plan.merged
    assert (kept.name, kept.kind, kept.email, kept.notes) == (
        "Anne Lee", "other", ("ann@contoso.example",), "Likes coffee.",
    )  # fmt: skip
    assert kept.id == j.ann.id


def test_a_merge_moves_every_reference_in_one_save(
    store: Store, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    j = two_ann_lees(store)
    record_session(Store.open(journal_dir), DrillSession(DAY, 1, 1, 0, [], ["pricing"]))
    drills = (journal_dir / "drills.json").read_bytes()
    plan = plan_for(store, j.ann.id, j.anne.id)
    saves: list[object] = []
    original = Store._write
    monkeypatch.setattr(Store, "_write", lambda self, changes: (saves.append(changes),
                                                               original(self, changes)))  # fmt: skip

    result = merge_people(Store.open(journal_dir), plan)

    assert len(saves) == 1
    after = JournalSnapshot.load(Store.open(journal_dir))
    assert j.anne.id not in after.people and after.people[j.ann.id] == plan.merged
    for record in [*after.interactions.values(), *after.outreach.values()]:
        assert j.anne.id not in record.person_ids
    talks = {name: after.interactions[t.id] for name, t in j.talks.items()}
    assert talks["alone"].person_ids == (j.ann.id,)
    assert talks["both"].person_ids == (j.ann.id,)  # named once
    assert talks["with bob"].person_ids == (j.ann.id, j.bob.id)
    assert talks["not her"] == j.talks["not her"]  # untouched
    plans = {name: after.outreach[o.id] for name, o in j.plans.items()}
    assert plans["follow up"].title == "Follow up with Ann Lee"  # a title written for you
    assert plans["own title"].title == "Call about pallets"  # yours stays
    assert plans["intro to bob"].title == "Introduce Ann Lee to Bob Stone"
    assert (plans["intro to bob"].status, plans["intro to bob"].person_ids) == (
        "open", (j.ann.id, j.bob.id))  # fmt: skip
    assert (plans["intro to self"].status, plans["intro to self"].person_ids) == (
        "dropped", (j.ann.id,))  # fmt: skip
    assert "an introduction of one person to themselves" in plans["intro to self"].notes
    assert (plans["share anne"].status, plans["share ann"].status) == ("dropped", "open")
    assert "repeats 'Share 'Pallet robots' with Ann Lee'" in plans["share anne"].notes
    assert plans["bob's"] == j.plans["bob's"]
    assert (journal_dir / "drills.json").read_bytes() == drills  # holds no person ids
    assert result.sentence() == "Merged Anne Lee into Ann Lee: 3 interactions and 5 plans moved."
    changes = {m.before.id: m.change for m in plan.moved}
    assert changes[j.plans["intro to self"].id] == "dropped: it introduced the two to each other"
    assert changes[j.plans["follow up"].id] == "now with Ann Lee, retitled 'Follow up with Ann Lee'"


def test_taking_a_merge_back_restores_the_journal_byte_for_byte(
    store: Store, journal_dir: Path
) -> None:
    j = two_ann_lees(store)
    before = file_bytes(journal_dir)
    result = merge_people(store, plan_for(store, j.ann.id, j.anne.id))
    assert file_bytes(journal_dir) != before

    back = undo_merge(Store.open(journal_dir), result)

    assert file_bytes(journal_dir) == before
    assert back.sentence() == "Merge taken back: Ann Lee and Anne Lee are two people again."


def test_a_merge_is_not_taken_back_over_a_later_edit(store: Store, journal_dir: Path) -> None:
    j = two_ann_lees(store)
    result = merge_people(store, plan_for(store, j.ann.id, j.anne.id))
    other = Store.open(journal_dir)
    kept = other.get(Person, j.ann.id)
    assert kept is not None
    other.update(kept.edit(role="CEO"))
    edited = file_bytes(journal_dir)

    with pytest.raises(RecordError, match="changed after the merge, so it cannot be taken back"):
        undo_merge(Store.open(journal_dir), result)

    assert file_bytes(journal_dir) == edited


def test_a_merge_planned_before_another_window_saved_changes_nothing(
    store: Store, journal_dir: Path
) -> None:
    j = two_ann_lees(store)
    plan = plan_for(store, j.ann.id, j.anne.id)
    Store.open(journal_dir).add(Interaction.create(date=DAY, person_ids=[j.anne.id],
                                                   summary="Logged meanwhile"))  # fmt: skip
    meanwhile = file_bytes(journal_dir)

    with pytest.raises(RecordError, match="changed since the merge was shown; nothing was merged"):
        merge_people(Store.open(journal_dir), plan)

    assert file_bytes(journal_dir) == meanwhile


def test_bad_merges_are_one_sentence_and_change_nothing(store: Store, journal_dir: Path) -> None:
    j = two_ann_lees(store)
    before = files_of(journal_dir)
    known = JournalSnapshot.load(store)
    talk = j.talks["alone"]

    with pytest.raises(RecordError, match=r"^Ann Lee cannot be merged with themselves"):
        plan_merge(known, j.ann.id, j.ann.id)
    with pytest.raises(NotFound, match=r"^No person has the id 'nosuchid00'"):
        plan_merge(known, j.ann.id, "nosuchid00")
    with pytest.raises(RecordError, match=f"^'{talk.id}' is an interaction \\('Coffee'\\), not a"):
        plan_merge(known, talk.id, j.ann.id)
    with pytest.raises(RecordError, match="is a learning \\('Pallet robots'\\), not a person"):
        plan_merge(known, j.ann.id, j.learning.id)
    with pytest.raises(RecordError, match="'both' is not a choice for org"):
        plan_merge(known, j.ann.id, j.anne.id, {"org": BOTH})
    with pytest.raises(RecordError, match="no field 'birthday'"):
        plan_merge(known, j.ann.id, j.anne.id, {"birthday": KEEP})

    assert files_of(journal_dir) == before
