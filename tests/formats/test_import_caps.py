"""Imports cannot hang, balloon or silently stop: long CSV cells, quoted-printable soft breaks,
records and files over the import caps, written as an attacker or a broken export would."""

from __future__ import annotations

import contextlib
import csv
import io
import time
from collections.abc import Iterator
from pathlib import Path

import orjson
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from vobject.base import getLogicalLines

from netjournal.core.records import Learning, Person
from netjournal.core.store import Store
from netjournal.formats import csv_table
from netjournal.formats.backup import backup_bytes
from netjournal.formats.errors import FormatError
from netjournal.formats.limits import (
    MAX_FILE_BYTES,
    MAX_LINE_CHARS,
    MAX_RECORD_CHARS,
    MAX_RECORDS,
    MAX_TEXT_CHARS,
    MAX_VALUES,
)
from netjournal.formats.report import ImportReport
from netjournal.formats.vcard_cards import split_cards
from netjournal.formats.vcard_lines import logical_lines
from tests.formats.support import SAMPLES, card, people_by_name, run_import, write

CSV_LIMIT = 131_072  # the csv module's default field limit
LINKEDIN_HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position",
                   "Connected On"]  # fmt: skip


def linkedin(rows: list[list[str]]) -> str:
    """A LinkedIn Connections export: notes above the header, CRLF, as LinkedIn writes it."""
    out = io.StringIO()
    out.write('Notes:\r\n"When exporting your connection data, ..."\r\n\r\n')
    csv.writer(out).writerows([LINKEDIN_HEADER, *rows])
    return out.getvalue()


def connection(first: str, position: str = "CTO") -> list[str]:
    return [first, "Lee", "", "", "Acme", position, "14 Mar 2024"]


def problems(report: ImportReport) -> list[tuple[str, str, str]]:
    return [(note.where, note.name, note.reason) for note in report.problems]


# --- CSV: a cell over the csv module's limit ---------------------------------------------------


def test_a_linkedin_cell_over_the_csv_limit_no_longer_ends_the_import(
    tmp_path: Path, store: Store, journal_dir: Path
) -> None:
    rows = [connection(f"Before{i}") for i in range(3)]
    rows.append(connection("Huge", "x" * (CSV_LIMIT + 70_000)))
    rows += [connection(f"After{i}") for i in range(3)]
    path = write(tmp_path, "Connections.csv", linkedin(rows))

    report = run_import(store, "linkedin", path)

    names = set(people_by_name(journal_dir))
    assert names == {f"{w}{i} Lee" for w in ("Before", "After") for i in range(3)}
    [(where, name, reason)] = problems(report)
    assert (where, name) == ("line 8", "Huge Lee")
    assert reason.startswith("201,072 characters in its role, more than netjournal takes")
    assert len(report.created) == 6  # every row imported or reported, none lost
    assert csv.field_size_limit() == CSV_LIMIT  # the raised limit was for that read only


def test_a_long_cell_under_the_caps_comes_in_whole(
    tmp_path: Path, store: Store, journal_dir: Path
) -> None:
    note = "Met at LogiMAT. " * 12_000  # 192,000 characters: over the csv limit, under the cap
    out = io.StringIO()
    rows = [["First Name", "Last Name", "Notes", "Labels"], ["Ann", "Lee", note, "* myContacts"],
            ["Bob", "Stone", "", "* myContacts"]]  # fmt: skip
    csv.writer(out).writerows(rows)
    report = run_import(store, "google", write(tmp_path, "contacts.csv", out.getvalue()))

    people = people_by_name(journal_dir)
    assert people["Ann Lee"].notes == note.strip()
    assert "Bob Stone" in people and report.problems == []


@contextlib.contextmanager
def _csv_limit_not_raised() -> Iterator[None]:
    yield


def test_a_row_the_csv_module_refuses_is_reported_and_the_rows_after_it_come_in(
    tmp_path: Path, store: Store, journal_dir: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Should the limit ever not be raised (another library lowering it meanwhile), the row
    # that trips it is reported with its line and reading goes on: nothing stops silently.
    monkeypatch.setattr(csv_table, "_cells_up_to", lambda length: _csv_limit_not_raised())
    rows = [connection("Ann"), connection("Huge", "x" * (CSV_LIMIT + 1)), connection("Bob")]
    path = write(tmp_path, "Connections.csv", linkedin(rows))

    report = run_import(store, "linkedin", path)

    assert set(people_by_name(journal_dir)) == {"Ann Lee", "Bob Lee"}
    [(where, _name, reason)] = problems(report)
    assert where == "line 6"
    assert reason == (
        "the row could not be read: a cell is longer than netjournal reads; it was left out"
    )


def test_a_quote_left_open_in_the_last_row_is_reported_not_swallowed(
    tmp_path: Path, store: Store, journal_dir: Path
) -> None:
    text = linkedin([connection("Ann"), connection("Bob")])
    text += 'Cut,Short,,,"Acme,CTO,14 Mar 2024\r\nDan,Lee,,,Acme,CTO,14 Mar 2024\r\n'

    report = run_import(store, "linkedin", write(tmp_path, "Connections.csv", text))

    assert set(people_by_name(journal_dir)) == {"Ann Lee", "Bob Lee"}
    [(where, _name, reason)] = problems(report)
    assert where == "line 7"
    assert "a quote in it is never closed" in reason and "left out" in reason


def test_quotes_that_close_are_not_mistaken_for_an_open_one(tmp_path: Path, store: Store) -> None:
    text = linkedin([connection("Ann"), connection("Bob", 'Head of "R&D",\nEurope')])
    report = run_import(store, "linkedin", write(tmp_path, "Connections.csv", text))
    assert report.problems == [] and len(report.created) == 2


# --- vCard: quoted-printable soft breaks in linear time -----------------------------------------


def soft_break_card(characters: int) -> str:
    """A vCard 2.1 card whose NOTE is `characters` quoted-printable lines of one soft break each."""
    body = "=\r\n".join("=41" for _ in range(characters))
    return card("FN:Ann Lee", f"NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=UTF-8:{body}", version="2.1")


def test_a_card_of_quoted_printable_soft_breaks_reads_in_linear_time(
    tmp_path: Path, store: Store, journal_dir: Path
) -> None:
    # 2.4 MB of soft breaks: quadratic unfolding took minutes (1.2 MB took 36 s to 107 s);
    # linear reading takes well under a second. The bound leaves room for a slow machine.
    characters = 400_000
    path = write(tmp_path, "phone.vcf", soft_break_card(characters) + card("FN:Bob Stone"))
    assert path.stat().st_size > 2_400_000

    started = time.perf_counter()
    report = run_import(store, "vcard", path)
    elapsed = time.perf_counter() - started

    assert elapsed < 10, f"{elapsed:.1f} s"
    assert report.problems == [] and len(report.created) == 2
    assert people_by_name(journal_dir)["Ann Lee"].notes == "A" * characters


def test_unfolding_takes_time_in_proportion_to_the_card() -> None:
    # Four times the soft breaks take about four times as long (quadratic: sixteen times).
    def seconds(characters: int) -> float:
        text = soft_break_card(characters)
        best = float("inf")
        for _ in range(3):
            started = time.perf_counter()
            for _line in logical_lines(text):
                pass
            best = min(best, time.perf_counter() - started)
        return best

    small, large = seconds(25_000), seconds(100_000)
    assert large < 8 * small + 0.05, (small, large)


def test_logical_lines_are_vobjects_on_real_cards() -> None:
    for path in SAMPLES.glob("*.vcf"):
        for raw in split_cards(path.read_text(encoding="utf-8", errors="replace")):
            expected = list(getLogicalLines(io.StringIO(raw.text), allowQP=True))
            assert list(logical_lines(raw.text)) == expected, path.name


PIECES = ["a", "=", "\r\n", "\n", "\r", " ", "\t", ":", ";", "quoted-printable", "QUOTED-",
          "PRINTABLE", "NOTE;ENCODING=QUOTED-PRINTABLE:", "=0D=0A", "x=", "İ", "K"]  # fmt: skip


@settings(max_examples=400, deadline=None)
@given(st.lists(st.sampled_from(PIECES), max_size=40))
def test_logical_lines_are_vobjects_on_any_text(pieces: list[str]) -> None:
    text = "".join(pieces)
    assert list(logical_lines(text)) == list(getLogicalLines(io.StringIO(text), allowQP=True))


# --- caps per record: over-cap records are left out and reported, the rest come in -------------


def test_a_card_over_a_cap_is_reported_by_line_and_name_and_the_rest_come_in(
    tmp_path: Path, store: Store, journal_dir: Path
) -> None:
    cards = [
        card("FN:Ann Lee", "NOTE:" + "n" * (MAX_TEXT_CHARS + 1)),
        card("FN:" + "Long" * (MAX_LINE_CHARS // 4 + 1)),
        card("FN:Many Mails", *(f"EMAIL:m{i}@example.com" for i in range(MAX_VALUES + 1))),
        card(
            "FN:Wide Card",
            "NOTE:" + "n" * (MAX_TEXT_CHARS - 10),
            *(f"X-NETJOURNAL-INTEREST:{i}" + "i" * 60_000 for i in range(20)),
        ),
        card("FN:Bob Stone", "NOTE:" + "n" * MAX_TEXT_CHARS),  # at the cap: it comes in
    ]
    path = write(tmp_path, "hostile.vcf", "".join(cards))
    starts = [1 + sum(c.count("\r\n") for c in cards[:i]) for i in range(len(cards))]

    report = run_import(store, "vcard", path)

    assert set(people_by_name(journal_dir)) == {"Bob Stone"}
    found = problems(report)
    assert [where for where, _name, _reason in found] == [f"line {n}" for n in starts[:4]]
    assert found[0][1] == "Ann Lee"
    assert found[0][2] == (
        f"{MAX_TEXT_CHARS + 1:,} characters in its notes, more than netjournal takes "
        f"({MAX_TEXT_CHARS:,}); it was left out"
    )
    assert found[1][1] == "Long" * 14 + "Lon…"  # a report line names it, briefly
    assert f"{MAX_LINE_CHARS + 4:,} characters in its name" in found[1][2]
    assert f"it has {MAX_VALUES + 1:,} values in email" in found[2][2]
    assert (
        f"in all its fields together, more than netjournal takes ({MAX_RECORD_CHARS:,})"
        in (found[3][2])
    )
    lines = report.lines()
    assert sum("left out" in line for line in lines) == 4
    assert all(len(line) < 300 for line in lines)  # no 1 MB line in the report


def test_a_50_megabyte_note_is_left_out_quickly(
    tmp_path: Path, store: Store, journal_dir: Path
) -> None:
    path = write(tmp_path, "big.vcf", card("FN:Big Note", "NOTE:" + "x" * 50_000_000)
                 + card("FN:Bob Stone"))  # fmt: skip

    started = time.perf_counter()
    report = run_import(store, "vcard", path)

    assert time.perf_counter() - started < 20
    assert set(people_by_name(journal_dir)) == {"Bob Stone"}
    assert problems(report)[0][:2] == ("line 1", "Big Note")


def test_a_backup_record_over_a_cap_is_reported_and_the_rest_restored(
    tmp_path: Path, journal_dir: Path
) -> None:
    ann = Person.create(name="Ann Lee")
    fine = Learning.create(date="2026-03-01", title="Pallet robots", body="Picking time fell.")
    data = orjson.loads(backup_bytes({"people": [ann], "learnings": [fine]}))
    huge = {**data["learnings"][0], "id": "hugebody01", "title": "Huge",
            "body": "b" * (MAX_TEXT_CHARS + 1)}  # fmt: skip
    data["learnings"].append(huge)
    path = tmp_path / "backup.json"
    path.write_bytes(orjson.dumps(data))

    report = run_import(Store.open(journal_dir), "json", path)

    assert {note.name for note in report.created} == {"Ann Lee", "Pallet robots"}
    [(where, name, reason)] = problems(report)
    assert (where, name) == ("learning hugebody01", "Huge")
    assert reason.startswith(f"{MAX_TEXT_CHARS + 1:,} characters in its body")


# --- caps per file: refused whole, with a sentence, nothing written ----------------------------


def test_a_file_over_the_size_cap_is_refused_before_it_is_read(
    tmp_path: Path, store: Store
) -> None:
    path = tmp_path / "huge.vcf"
    with path.open("wb") as handle:  # sparse: no disk space, the size as a real one
        handle.write(card("FN:Ann").encode())
        handle.truncate(MAX_FILE_BYTES + 1)

    with pytest.raises(FormatError) as caught:
        run_import(store, "vcard", path)

    assert str(caught.value) == (
        f"{path} is 200 MB, more than netjournal imports from one file (200 MB); export it in "
        "parts (or without photos) and import each; nothing was imported."
    )
    assert not store.folder.exists()


def test_a_file_with_too_many_cards_is_refused_whole(tmp_path: Path, store: Store) -> None:
    path = write(tmp_path, "many.vcf", "BEGIN:VCARD\r\nFN:x\r\nEND:VCARD\r\n" * (MAX_RECORDS + 1))

    with pytest.raises(FormatError, match=r"holds 100,001 cards, more than netjournal imports"):
        run_import(store, "vcard", path)

    assert not store.folder.exists()


def test_a_csv_with_too_many_rows_is_refused_whole(tmp_path: Path, store: Store) -> None:
    text = "First Name,Last Name,Company\n" + "Ann,Lee,Acme\n" * (MAX_RECORDS + 1)

    with pytest.raises(FormatError, match=r"holds 100,001 rows, more than netjournal imports"):
        run_import(store, "linkedin", write(tmp_path, "Connections.csv", text))

    assert not store.folder.exists()
