"""Merging two versions of a table file record by record: what each case keeps."""

from __future__ import annotations

from typing import Any

import orjson

from netjournal.core.conflict_notes import CONFLICTS
from netjournal.core.records import Person
from netjournal.core.table_merge import NotATable, merge_files, serialize
from netjournal.core.tombstones import TOMBSTONES, tombstone

T0 = "2026-12-01T09:00:00.000000Z"
T1 = "2026-12-01T10:00:00.000000Z"  # an hour later: clocks tell these apart
T2 = "2026-12-01T11:00:00.000000Z"


def person(pid: str, updated: str = T0, **fields: Any) -> dict[str, Any]:
    return Person.build(id=pid, created=T0, updated=updated, name=f"P {pid}", **fields).to_dict()


def file(*docs: dict[str, Any], deleted: tuple[str, ...] = ()) -> bytes:
    stones = {pid: tombstone(pid, "people", T1) for pid in deleted}
    return serialize("people", {doc["id"]: doc for doc in docs}, stones)


def merged(ours: bytes, theirs: bytes, base: bytes | None = None) -> dict[str, Any]:
    result = merge_files(ours, theirs, base)
    other_way = merge_files(theirs, ours, base)
    assert result.data == other_way.data  # two devices merging each other's file agree
    data: dict[str, Any] = orjson.loads(result.data)
    return data


def test_add_add_keeps_both() -> None:
    out = merged(file(person("a")), file(person("b")))
    assert set(out["people"]) == {"a", "b"}


def test_edit_edit_of_different_fields_keeps_both_edits() -> None:
    base = person("a")
    ours = person("a", T1, org="Acme")
    theirs = person("a", T2, role="CTO")
    out = merged(file(ours), file(theirs), file(base))["people"]["a"]
    assert (out["org"], out["role"], out["updated"]) == ("Acme", "CTO", T2)
    assert CONFLICTS not in out


def test_edit_edit_same_text_field_newer_wins_and_other_is_noted() -> None:
    base = person("a")
    out = merged(
        file(person("a", T1, notes="met at the fair")),
        file(person("a", T2, notes="prefers email")),
        file(base),
    )["people"]["a"]
    assert out["notes"] == "prefers email"
    assert out[CONFLICTS] == [{"field": "notes", "value": "met at the fair", "updated": T1}]


def test_clocks_a_few_seconds_apart_are_not_trusted_but_nothing_is_lost() -> None:
    near = "2026-12-01T10:00:03.000000Z"
    out = merged(file(person("a", T1, influence=2)), file(person("a", near, influence=3)))
    record = out["people"]["a"]
    kept = {record["influence"]} | {note["value"] for note in record[CONFLICTS]}
    assert kept == {2, 3}


def test_lists_are_united_and_a_removal_on_one_side_stays_removed() -> None:
    base = person("a", tags=["x", "y"])
    ours = person("a", T1, tags=["x", "y", "fair"])
    theirs = person("a", T2, tags=["x"], interests=["ai"])
    out = merged(file(ours), file(theirs), file(base))["people"]["a"]
    assert out["tags"] == ["x", "fair"]
    assert out["interests"] == ["ai"]
    no_base = merged(file(person("a", T1, email=["a@x.io"])), file(person("a", T2, email=["b@y.io"])))
    assert sorted(no_base["people"]["a"]["email"]) == ["a@x.io", "b@y.io"]


def test_edit_delete_keeps_it_deleted() -> None:
    out = merged(file(person("a", T2, org="Acme")), file(deleted=("a",)), file(person("a")))
    assert "a" not in out["people"]
    assert "a" in out[TOMBSTONES]


def test_delete_delete_keeps_one_tombstone() -> None:
    out = merged(file(person("b"), deleted=("a",)), file(person("b"), deleted=("a",)))
    assert list(out["people"]) == ["b"]
    assert list(out[TOMBSTONES]) == ["a"]


def test_an_untouched_record_deleted_without_a_tombstone_stays_deleted_with_a_base() -> None:
    out = merged(file(person("a"), person("b")), file(person("b")), file(person("a"), person("b")))
    assert list(out["people"]) == ["b"]


def test_without_a_base_a_record_on_one_side_only_is_kept() -> None:
    out = merged(file(person("a"), person("b")), file(person("b")))
    assert set(out["people"]) == {"a", "b"}


def test_the_merged_record_reads_back_with_its_conflict_note() -> None:
    from netjournal.core.conflict_notes import conflict_notes

    out = merged(file(person("a", T1, notes="one")), file(person("a", T2, notes="two")))
    record = Person.from_dict(out["people"]["a"])
    assert record.notes == "two"
    assert [note.value for note in conflict_notes(record)] == ["one"]


def test_not_a_table_is_refused_with_a_sentence() -> None:
    for bad in (b'{"app": "netjournal", "schema": 1}', b'{"people": {"a": 1', b"[]"):
        try:
            merge_files(bad, file(person("a")))
        except NotATable as error:
            assert str(error).endswith("so it was not merged.")
        else:
            raise AssertionError(bad)


def test_a_number_changed_an_hour_later_simply_wins() -> None:
    out = merged(file(person("a", T1, influence=2)), file(person("a", T2, influence=3)))
    record = out["people"]["a"]
    assert record["influence"] == 3
    assert CONFLICTS not in record
