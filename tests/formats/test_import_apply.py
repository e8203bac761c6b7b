"""Applying an import: a dry run writes nothing, an import is one save, progress is reported."""

from __future__ import annotations

import quopri
from pathlib import Path

import pytest

from netjournal.core.records import Person
from netjournal.core.store import Store
from netjournal.formats import importing
from tests.cli.support import snapshot
from tests.formats.support import SAMPLES, card, people_by_name, run_import, write


def many_cards(count: int) -> str:
    """Cards as phones and Apple write them: grouped emails, QP with soft breaks, folded notes."""
    cards = []
    for number in range(count):
        if number % 3 == 0:
            note = quopri.encodestring(f"Grüße from card {number}, ".encode() * 4).decode()
            cards.append(card(f"FN:Person {number}",
                              f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{note.replace(chr(10), chr(13) + chr(10))}",
                              version="2.1"))  # fmt: skip
        else:
            cards.append(card(f"FN:Person {number}", f"item1.EMAIL:p{number}@example.com",
                              "item1.X-ABLabel:_$!<Other>!$_",
                              "NOTE:A long note that a phone folds over two lines\\, as they\r\n  do."))  # fmt: skip
    return "".join(cards)


def test_a_dry_run_reports_and_writes_nothing(
    tmp_path: Path, store: Store, journal_dir: Path
) -> None:
    store.add(Person.create(name="Wei Chen", org="Tailspin Toys"))
    before = snapshot(journal_dir)

    report = run_import(Store.open(journal_dir), "vcard", SAMPLES / "android-contacts.vcf",
                        dry_run=True)  # fmt: skip

    assert snapshot(journal_dir) == before  # same bytes, same inodes, same times
    assert report.dry_run
    assert [note.name for note in report.created] == ["Jürgen Müller"]
    assert [note.name for note in report.updated] == ["Wei Chen"]
    assert report.summary().startswith("Dry run of")
    assert "nothing was written" in report.summary()
    assert [p.name for p in Store.open(journal_dir).people()] == ["Wei Chen"]


def test_a_dry_run_into_a_new_journal_creates_no_folder(journal_dir: Path) -> None:
    report = run_import(Store.open(journal_dir), "linkedin", SAMPLES / "linkedin-Connections.csv",
                        dry_run=True)  # fmt: skip

    assert len(report.created) == 6
    assert not journal_dir.exists()


def test_an_import_is_one_save_with_progress(
    tmp_path: Path, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "many.vcf", many_cards(600))
    saves: list[int] = []
    write_changes = Store._write

    def counted(self: Store, changes: object) -> None:
        saves.append(len(changes.add))  # type: ignore[attr-defined]
        write_changes(self, changes)  # type: ignore[arg-type]

    monkeypatch.setattr(Store, "_write", counted)
    calls: list[tuple[int, int]] = []

    report = run_import(Store.open(journal_dir), "vcard", path,
                        progress=lambda done, total: calls.append((done, total)))  # fmt: skip

    assert saves == [600]
    assert len(report.created) == 600 and report.problems == []
    people = people_by_name(journal_dir)
    assert people["Person 3"].notes == "Grüße from card 3, " * 3 + "Grüße from card 3,"
    assert people["Person 4"].notes == "A long note that a phone folds over two lines, as they do."
    assert calls[0] == (0, 600) and calls[-1] == (600, 600)
    assert [done for done, _ in calls] == sorted(done for done, _ in calls)
    assert 10 <= len(calls) <= 202  # often enough for a progress bar, not once per card


def test_an_import_with_nothing_new_writes_nothing(tmp_path: Path, journal_dir: Path) -> None:
    path = write(tmp_path, "nobody.vcf", card("EMAIL:x@example.com") + card("TEL:+1 555"))

    report = run_import(Store.open(journal_dir), "vcard", path)

    assert [note.reason for note in report.skipped] == ["no name", "no name"]
    assert not journal_dir.exists()


def test_someone_saved_by_another_process_meanwhile_is_updated_not_duplicated(
    tmp_path: Path, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    plan = importing.plan_import

    def plan_then_another_process_saves(store: Store, *args: object, **kwargs: object):
        planned = plan(store, *args, **kwargs)  # type: ignore[arg-type]
        if not store.folder.exists():  # only once: the journal is made by this other save
            Store.open(journal_dir).add(Person.create(name="Ann Lee", email=["ann@acme.example"]))
        return planned

    monkeypatch.setattr(importing, "plan_import", plan_then_another_process_saves)
    path = write(tmp_path, "ann.vcf", card("FN:Ann Lee", "EMAIL:ann@acme.example", "TITLE:CTO"))

    report = run_import(Store.open(journal_dir), "vcard", path)

    (ann,) = Store.open(journal_dir).people()
    assert ann.role == "CTO"
    assert report.created == [] and [note.name for note in report.updated] == ["Ann Lee"]


def test_the_report_lists_each_section_and_caps_long_ones(tmp_path: Path, store: Store) -> None:
    run_import(store, "vcard", write(tmp_path, "many.vcf", many_cards(30)))
    report = run_import(store, "vcard", write(tmp_path, "again.vcf", many_cards(30)))

    lines = report.lines(limit=5)

    assert lines[0] == (
        f"Imported {tmp_path / 'again.vcf'} (vCard): created 0 people, updated 0, skipped 30."
    )
    assert lines[1] == "skipped: 30 already in the journal, nothing new"
    assert lines[2] == "skipped: Person 0 (line 1): already in the journal, nothing new"
    assert lines[-1] == "skipped: ... and 25 more (all of them with --json)"
    data = report.to_dict()
    assert data["counts"] == {"created": 0, "updated": 0, "skipped": 30, "problems": 0}
    assert len(data["skipped"]) == 30


def test_a_preview_then_the_same_file_applied(tmp_path: Path, journal_dir: Path) -> None:
    parsed = importing.read_file("auto", SAMPLES / "apple-contacts.vcf")
    store = Store.open(journal_dir)

    preview = importing.apply_import(store, parsed, "apple-contacts.vcf", dry_run=True)
    assert not journal_dir.exists()
    done = importing.apply_import(store, parsed, "apple-contacts.vcf")

    assert [n.name for n in preview.created] == [n.name for n in done.created] == [
        "Chinedu Okafor", "Sofia Lindqvist",
    ]  # fmt: skip
    assert sorted(people_by_name(journal_dir)) == ["Chinedu Okafor", "Sofia Lindqvist"]
