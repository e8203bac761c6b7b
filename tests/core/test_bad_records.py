"""Records read from disk are checked: a bad one is named (file, id), left out, never rewritten."""

from __future__ import annotations

import dataclasses
import json
from pathlib import Path

import pytest

from netjournal.core.bad_records import BadRecord, warning_lines
from netjournal.core.doctor import check_journal
from netjournal.core.errors import JournalError, RecordError
from netjournal.core.records import RECORD_TYPES, Interaction, Learning, Outreach, Person, Record
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from tests.core.hand_edits import CASES, MISSING, Case, hand_edit, one_of_each, shard_of

FIX = "fix or remove it (netjournal doctor lists every such record)"


@pytest.fixture
def journal(store: Store) -> dict[str, Record]:
    return one_of_each(store)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_from_dict_refuses_each_bad_field_with_a_predicate_naming_it(
    journal: dict[str, Record], case: Case
) -> None:
    data = journal[case.table].to_dict()
    if case.value is MISSING:
        del data[case.field]
    else:
        data[case.field] = case.value
    with pytest.raises(RecordError) as raised:
        RECORD_TYPES[case.table].from_dict(data)
    assert case.said in str(raised.value)


@pytest.mark.parametrize("case", CASES, ids=[case.id for case in CASES])
def test_a_bad_record_is_left_out_named_and_its_file_never_rewritten(
    journal_dir: Path, journal: dict[str, Record], case: Case
) -> None:
    bad = journal[case.table]
    path = hand_edit(journal_dir, bad, case.field, case.value)
    before = path.read_bytes()
    store = Store.open(journal_dir)
    kind = type(bad)

    # Reading: everything else is there; the bad record is named with its file and id.
    assert bad.id not in {record.id for record in store.all(kind)}
    others = {r.id for r in journal.values() if r.id != bad.id}
    everything = {r.id for name in RECORD_TYPES for r in store.all(RECORD_TYPES[name])}
    assert others <= everything
    [named] = store.bad_records()
    assert (named.record_id, named.path) == (bad.id, path)
    sentence = named.sentence()
    assert sentence.startswith(f"{case.table}/{path.name}: record {bad.id} ")
    assert case.said in sentence and sentence.endswith(f"{FIX}.")

    # Writing to that file is refused with the sentence; the file is untouched.
    with pytest.raises(JournalError) as raised:
        store.add(_neighbour(case.table))
    assert bad.id in str(raised.value) and path.name in str(raised.value)
    assert str(raised.value).startswith("Nothing was saved")
    assert path.read_bytes() == before

    # doctor lists it, in its own words.
    problems = check_journal(journal_dir).problems
    assert any(bad.id in p and case.said in p and str(path) in p for p in problems), problems


def _neighbour(table: str) -> Record:
    """A new record that goes to the same file as the one of `table` in `one_of_each`."""
    if table == "people":
        return Person.create(name="Cleo Park")
    if table == "interactions":
        return Interaction.create(date="2026-03-11", person_ids=[], summary="Call")
    if table == "learnings":
        return Learning.create(date="2026-03-11", title="Cobots")
    return Outreach.create(kind="ask", person_ids=["someone"], title="Ask about cobots")


def test_saves_to_other_files_work_and_keep_the_bad_record(
    journal_dir: Path, journal: dict[str, Record]
) -> None:
    path = hand_edit(journal_dir, journal["people"], "name", 123)
    before = path.read_bytes()
    store = Store.open(journal_dir)
    store.people()
    talk = Interaction.create(date="2026-01-05", person_ids=[journal["bob"].id], summary="Call")
    store.add(talk)  # interactions/2026-01.json
    assert Store.open(journal_dir).get(Interaction, talk.id) == talk
    assert path.read_bytes() == before


def test_a_record_without_its_fields_is_one_bad_record_not_a_damaged_file(
    journal_dir: Path, journal: dict[str, Record]
) -> None:
    path = shard_of(journal_dir, journal["bob"])
    data = json.loads(path.read_bytes())
    data["people"]["x"] = {"id": "x"}
    path.write_text(json.dumps(data))
    store = Store.open(journal_dir)
    assert {p.name for p in store.people()} == {"Ann Lee", "Bob Stone"}
    [bad] = store.bad_records()
    assert bad.record_id == "x" and "has no 'created' field" in bad.problem


def test_every_fault_of_a_record_is_named_in_one_sentence(
    journal_dir: Path, journal: dict[str, Record]
) -> None:
    ann = journal["people"]
    hand_edit(journal_dir, ann, "kind", "ceo")
    hand_edit(journal_dir, ann, "influence", 7)
    store = Store.open(journal_dir)
    store.people()
    [bad] = store.bad_records()
    assert "'ceo'" in bad.problem and "(7)" in bad.problem


def test_the_snapshot_carries_the_bad_records(
    journal_dir: Path, journal: dict[str, Record]
) -> None:
    hand_edit(journal_dir, journal["people"], "name", 123)
    snapshot = JournalSnapshot.load(Store.open(journal_dir))
    assert journal["people"].id not in snapshot.people
    assert [bad.record_id for bad in snapshot.bad] == [journal["people"].id]


def test_doctor_does_not_call_a_reference_to_a_bad_record_dangling(
    journal_dir: Path, journal: dict[str, Record]
) -> None:
    hand_edit(journal_dir, journal["people"], "name", 123)
    problems = check_journal(journal_dir).problems
    assert len(problems) == 1, problems  # the record itself; the talk with Ann still points at her


def test_warnings_name_three_records_and_count_the_rest() -> None:
    bad = [BadRecord(Path("/j/people/2026-12.json"), f"id{i}", "has x") for i in range(5)]
    lines = warning_lines(bad)
    assert lines[0] == f"people/2026-12.json: record id0 has x and was left out; {FIX}."
    assert len(lines) == 4 and lines[3].startswith("2 more records that cannot be read")
    assert warning_lines(bad[:1], leave_out="... record id0 there ...") == []


# meta.json


@pytest.mark.parametrize(
    "schema",
    ['"1"', "true", "1.9", "0", "-1", "null", "[1]", '{"v": 1}'],
)
def test_meta_json_accepts_only_an_integer_schema_version_it_knows(
    journal_dir: Path, journal: dict[str, Record], schema: str
) -> None:
    meta = journal_dir / "meta.json"
    meta.write_text(f'{{"app": "netjournal", "schema": {schema}}}')
    before = meta.read_bytes()
    with pytest.raises(JournalError) as raised:
        Store.open(journal_dir)
    assert str(meta) in str(raised.value) and "damaged" in str(raised.value)
    with pytest.raises(JournalError):
        Store(journal_dir).add(Person.create(name="Cleo Park"))
    assert meta.read_bytes() == before
    assert any("meta.json" in p for p in check_journal(journal_dir).problems)


@pytest.mark.parametrize("meta", ["[]", '"schema"', "1", '{"app": "netjournal"}'])
def test_meta_json_that_is_not_an_object_with_a_schema_is_damaged(
    journal_dir: Path, journal: dict[str, Record], meta: str
) -> None:
    (journal_dir / "meta.json").write_text(meta)
    with pytest.raises(JournalError, match="damaged"):
        Store.open(journal_dir)


def test_meta_json_with_schema_1_opens(journal_dir: Path, journal: dict[str, Record]) -> None:
    (journal_dir / "meta.json").write_text('{"app": "netjournal", "schema": 1}')
    assert len(Store.open(journal_dir).people()) == 2


# Fields a version does not know


def test_unknown_fields_survive_an_edit_through_save_edit(
    journal_dir: Path, journal: dict[str, Record]
) -> None:
    ann = journal["people"]
    hand_edit(journal_dir, ann, "pronouns", "she/her")
    hand_edit(journal_dir, ann, "rings", {"inner": True})
    store = Store.open(journal_dir)
    base = store.get(Person, ann.id)
    assert base is not None and dict(base.extra) == {
        "pronouns": "she/her",
        "rings": {"inner": True},
    }
    store.save_edit(base, base.edit(name="Ann Lee-Smith"))
    stored = json.loads(shard_of(journal_dir, ann).read_bytes())["people"][ann.id]
    assert stored["name"] == "Ann Lee-Smith"
    assert stored["pronouns"] == "she/her" and stored["rings"] == {"inner": True}


def test_unknown_fields_survive_update_and_a_merge_with_another_window(
    journal_dir: Path, journal: dict[str, Record]
) -> None:
    talk = journal["interactions"]
    hand_edit(journal_dir, talk, "mood", "great")
    store = Store.open(journal_dir)
    base = store.get(Interaction, talk.id)
    assert base is not None
    store.update(base.edit(summary="Long coffee"))
    other = Store.open(journal_dir)  # another window edits another field meanwhile
    mine = base.edit(notes="Asked about robots")
    other.update(other.get(Interaction, talk.id).edit(event="Hannover Messe"))  # type: ignore[union-attr]
    merged = store.save_edit(base, mine)
    assert (merged.summary, merged.event, merged.notes) == (
        "Long coffee", "Hannover Messe", "Asked about robots",
    )  # fmt: skip
    stored = json.loads(shard_of(journal_dir, talk).read_bytes())["interactions"][talk.id]
    assert stored["mood"] == "great"


def test_a_record_with_unknown_fields_is_clean_for_doctor_and_round_trips(
    journal_dir: Path, journal: dict[str, Record]
) -> None:
    ann = journal["people"]
    hand_edit(journal_dir, ann, "pronouns", "she/her")
    read = Store.open(journal_dir).get(Person, ann.id)
    assert read is not None
    assert read.problems() == []
    assert Person.from_dict(read.to_dict()) == read
    assert read.to_dict()["pronouns"] == "she/her"
    assert check_journal(journal_dir).healthy
    assert hash(read) == hash(dataclasses.replace(read))  # still hashable: extra is not hashed
