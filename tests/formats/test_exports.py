"""Exports: vCard that re-imports to the same people, readable Markdown, iCalendar to-dos and
all-day events, written safely."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest
import vobject
from icalendar import Calendar

from netjournal.core.demo import build_demo
from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Learning, Outreach, Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.formats.errors import FormatError
from netjournal.formats.exporting import export_journal, write_file, write_markdown_folder
from tests.formats.support import fields_of, run_import

DAY = date(2026, 3, 14)


@pytest.fixture
def journal() -> JournalSnapshot:
    """A small journal with every kind of record and text that looks like markup."""
    ann = Person.create(
        name="Ann Lee", org="Acme, Inc.", department="R&D", role="CTO", kind="customer",
        influence=3, status="prospect", interests=["sailing, racing", "robots"],
        expertise=["supply chains"], needs=["a forklift supplier"], tags=["vip", "logimat"],
        email=["ann@acme.example", "ann@home.example"], phone=["+49 30 1234567"],
        links=["https://example.com/ann"], met_via="Bob; at LogiMAT", cadence_days=30,
        notes="Prefers email.\nLikes boats; and \\backslashes\\.",
    )  # fmt: skip
    odd = Person.create(name="[bold]x[/", org="[@click=app.quit]me[/]")
    bob = Person.create(name="Bob Stone")
    robots = Learning.create(date=DAY - timedelta(days=10), title="Pallet robots", tags=["robots"],
                             source_kind="trade-show", source="LogiMAT", body="Picking time fell.")  # fmt: skip
    older = Learning.create(date=DAY - timedelta(days=40), title="Older learning")
    met = Interaction.create(date=DAY - timedelta(days=9), person_ids=[ann.id, bob.id],
                             summary="Robots at the booth", event="LogiMAT",
                             learning_ids=[robots.id], notes="She wants a pilot.")  # fmt: skip
    call = Interaction.create(date=DAY - timedelta(days=2), person_ids=[ann.id], channel="call",
                              summary="Pilot budget")  # fmt: skip
    follow = Outreach.create(kind="follow-up", person_ids=[ann.id], title="Send the pilot quote",
                             due=DAY + timedelta(days=3), notes="Numbers from Bob.")  # fmt: skip
    someday = Outreach.create(kind="reconnect", person_ids=[bob.id], title="Coffee with Bob")
    snoozed = Outreach.create(kind="ask", person_ids=[odd.id], title="Ask [x] about it",
                              due=DAY - timedelta(days=5), snoozed_until=DAY + timedelta(days=7))  # fmt: skip
    done = Outreach.create(kind="share", person_ids=[bob.id], learning_id=robots.id, status="done",
                           title="Share robots", done_at=DAY, due=DAY)  # fmt: skip
    return JournalSnapshot(
        people={p.id: p for p in (ann, odd, bob)},
        learnings={x.id: x for x in (robots, older)},
        interactions={i.id: i for i in (met, call)},
        outreach={o.id: o for o in (follow, someday, snoozed, done)},
    )


def person(journal: JournalSnapshot, name: str) -> Person:
    return next(p for p in journal.people.values() if p.name == name)


def test_vcard_export_re_imports_to_the_same_people_with_every_field(
    journal: JournalSnapshot, tmp_path: Path, journal_dir: Path
) -> None:
    path = tmp_path / "people.vcf"
    path.write_bytes(export_journal(journal, "vcard", today=DAY).data)

    report = run_import(Store.open(journal_dir), "vcard", path)

    assert report.problems == [] and len(report.created) == 3
    back = {p.name: fields_of(p) for p in Store.open(journal_dir).people()}
    assert back == {p.name: fields_of(p) for p in journal.people.values()}


def test_the_demo_journal_survives_a_vcard_round_trip(tmp_path: Path, journal_dir: Path) -> None:
    demo = Store.open(tmp_path / "demo")
    build_demo(demo, DAY)
    path = tmp_path / "demo.vcf"
    path.write_bytes(export_journal(JournalSnapshot.load(demo), "vcard", today=DAY).data)

    run_import(Store.open(journal_dir), "vcard", path)

    def people(folder: Path) -> list[dict[str, object]]:
        return sorted((fields_of(p) for p in Store.open(folder).people()), key=str)

    assert people(journal_dir) == people(demo.folder)


def test_vcard_export_is_standard_vcard_3_for_other_address_books(journal: JournalSnapshot) -> None:
    text = export_journal(journal, "vcard", today=DAY).data.decode()

    cards = {c.fn.value: c for c in vobject.readComponents(text)}
    ann = cards["Ann Lee"]
    assert ann.version.value == "3.0"
    assert ann.org.value == ["Acme, Inc.", "R&D"]
    assert ann.title.value == "CTO"
    assert [e.value for e in ann.contents["email"]] == ["ann@acme.example", "ann@home.example"]
    assert ann.categories.value == ["vip", "logimat"]
    assert ann.note.value == journal.people[person(journal, "Ann Lee").id].notes
    assert "X-NETJOURNAL-KIND:customer\r\n" in text and "X-NETJOURNAL-INFLUENCE:3\r\n" in text
    assert text.count("BEGIN:VCARD") == 3
    assert "X-NETJOURNAL-KIND" not in str(cards["Bob Stone"].serialize())  # defaults left out


def test_markdown_document_profiles_timeline_journal_and_open_outreach(
    journal: JournalSnapshot,
) -> None:
    text = export_journal(journal, "markdown", today=DAY).data.decode()

    assert text.startswith("# netjournal\n")
    ann = text[text.index("### Ann Lee") : text.index("### Bob Stone")]
    assert "- **Org:** Acme, Inc. / R&D" in ann
    assert "- **Kind:** customer; influence 3 (executive); prospect" in ann
    assert "- **Interests:** sailing, racing, robots" in ann
    assert "- **Last contact:** 2026-03-12" in ann
    assert "- **Keep in touch:** every month" in ann  # 30 days, in words as the app says it
    assert "Likes boats; and \\\\backslashes\\\\." in ann  # escaped: it renders as typed
    assert "- [ ] **2026-03-17** follow-up: Send the pilot quote" in ann
    newest, oldest = (
        ann.index("**2026-03-12** call"),
        ann.index("**2026-03-05** meeting at LogiMAT"),
    )
    assert newest < oldest
    assert "(with Bob Stone): Robots at the booth" in ann
    assert "  - shared: Pallet robots" in ann
    assert "### \\[bold\\]x\\[/" in text  # escaped: it renders as typed
    journal_part = text[text.index("## Journal") :]
    assert journal_part.index("Pallet robots") < journal_part.index("Older learning")
    assert "Shared with: Ann Lee, Bob Stone" in journal_part
    outreach = text[text.index("## Open outreach") : text.index("## People")]
    assert outreach.index("Send the pilot quote") < outreach.index("Coffee with Bob")
    # Snoozed past its due date is "snoozed", not "overdue": the standing `list outreach` shows.
    assert "(snoozed to 2026-03-21) ask: Ask \\[x\\] about it" in outreach
    assert "**someday** reconnect: Coffee with Bob (with Bob Stone)" in outreach
    assert "Share robots" not in text  # done outreach is not open


def test_markdown_folder_one_file_per_person_journal_and_outreach(
    journal: JournalSnapshot, tmp_path: Path
) -> None:
    namesake = Person.create(name="Ann Lee", org="Contoso")
    journal.people[namesake.id] = namesake
    folder = tmp_path / "export"

    count = write_markdown_folder(folder, journal, DAY)

    files = sorted(str(p.relative_to(folder)) for p in folder.rglob("*.md"))
    assert count == len(files) == 7
    assert {
        "index.md",
        "journal.md",
        "outreach.md",
        "people/bold-x.md",
        "people/bob-stone.md",
    } <= set(files)
    ann_files = [f for f in files if f.startswith("people/ann-lee-")]
    assert len(ann_files) == 2  # namesakes get their ids in their file names
    index = (folder / "index.md").read_text()
    assert "- [\\[bold\\]x\\[/](people/bold-x.md) · \\[@click=app.quit\\]me\\[/\\]" in index
    assert all(f"({name})" in index for name in ann_files)
    profile = (folder / "people" / "bob-stone.md").read_text()
    assert profile.startswith("# Bob Stone\n")
    assert "## Timeline" in profile and "Robots at the booth" in profile
    assert (
        (folder / "journal.md").read_text().startswith("# Journal\n\n## 2026-03-04 · Pallet robots")
    )
    assert "Send the pilot quote" in (folder / "outreach.md").read_text()


def test_markdown_folder_is_written_only_into_a_new_or_empty_folder(
    journal: JournalSnapshot, tmp_path: Path
) -> None:
    busy = tmp_path / "busy"
    busy.mkdir()
    (busy / "mine.txt").write_text("keep me")
    with pytest.raises(FormatError, match="is not empty"):
        write_markdown_folder(busy, journal, DAY)
    assert [p.name for p in busy.iterdir()] == ["mine.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    assert write_markdown_folder(empty, journal, DAY) == 6
    # Exporting again over its own earlier export replaces it, and leaves other files alone.
    (empty / ".git").mkdir()
    people = sorted(p.name for p in (empty / "people").iterdir())
    gone = next(iter(journal.people.values()))
    fewer = JournalSnapshot(people={k: v for k, v in journal.people.items() if k != gone.id},
                            learnings=journal.learnings, interactions=journal.interactions,
                            outreach=journal.outreach)  # fmt: skip
    assert write_markdown_folder(empty, fewer, DAY) == 5
    assert len(list((empty / "people").iterdir())) == len(people) - 1  # their page went too
    assert (empty / ".git").is_dir()


def test_ics_open_outreach_as_to_dos_with_due_dates(journal: JournalSnapshot) -> None:
    exported = export_journal(journal, "ics", today=DAY)

    calendar = Calendar.from_ical(exported.data)
    todos = {str(todo["summary"]): todo for todo in calendar.walk("VTODO")}
    assert set(todos) == {"Send the pilot quote", "Coffee with Bob", "Ask [x] about it"}
    quote = todos["Send the pilot quote"]
    assert quote.decoded("due") == DAY + timedelta(days=3)
    assert str(quote["status"]) == "NEEDS-ACTION"
    assert "With: Ann Lee" in str(quote["description"]) and "Numbers from Bob." in str(
        quote["description"]
    )
    assert "due" not in todos["Coffee with Bob"]
    # Snoozed past its due date: due when the snooze ends, with no DTSTART (RFC 5545 wants
    # DUE after DTSTART); the description keeps the date it was due.
    asked = todos["Ask [x] about it"]
    assert asked.decoded("due") == DAY + timedelta(days=7) and "dtstart" not in asked
    assert "Snoozed to 2026-03-21; due 2026-03-09." in str(asked["description"])
    assert len({str(todo["uid"]) for todo in todos.values()}) == 3
    assert exported.summary == "3 to-dos" and exported.note == ""


def test_ics_all_day_events_for_calendars_that_ignore_to_dos(journal: JournalSnapshot) -> None:
    exported = export_journal(journal, "ics", today=DAY, events=True)

    calendar = Calendar.from_ical(exported.data)
    assert list(calendar.walk("VTODO")) == []
    events = {str(event["summary"]): event for event in calendar.walk("VEVENT")}
    assert set(events) == {"Send the pilot quote", "Ask [x] about it"}
    quote = events["Send the pilot quote"]
    assert quote.decoded("dtstart") == DAY + timedelta(days=3)  # a date: all day
    assert quote.decoded("dtend") == DAY + timedelta(days=4)
    assert events["Ask [x] about it"].decoded("dtstart") == DAY + timedelta(
        days=7
    )  # after the snooze
    assert exported.note.startswith("1 open outreach without a due date was left out")


def test_files_are_replaced_whole_and_bad_destinations_refused(tmp_path: Path) -> None:
    target = tmp_path / "out.vcf"
    target.write_text("old contents")
    write_file(target, b"new")
    assert target.read_bytes() == b"new"
    assert [p.name for p in tmp_path.iterdir()] == ["out.vcf"]  # no temporary left behind
    with pytest.raises(FormatError, match="is a folder"):
        write_file(tmp_path, b"x")
    with pytest.raises(FormatError, match="does not exist"):
        write_file(tmp_path / "missing" / "out.vcf", b"x")


def test_an_introduction_exports_with_its_reason(tmp_path: Path) -> None:
    ann, bob = Person.create(name="Ann Lee"), Person.create(name="Bob Stone")
    intro = plan_outreach("introduce", [ann, bob], due=DAY, reason="both pilot pallet robots")
    journal = JournalSnapshot(people={p.id: p for p in (ann, bob)}, outreach={intro.id: intro})

    markdown = export_journal(journal, "markdown", today=DAY).data.decode()
    calendar = Calendar.from_ical(export_journal(journal, "ics", today=DAY).data)

    assert "introduce: Introduce Ann Lee to Bob Stone\n  Why: both pilot pallet robots" in markdown
    assert "(with Ann Lee, Bob Stone)" not in markdown  # the title already names them
    [todo] = calendar.walk("VTODO")
    assert "Why: both pilot pallet robots" in str(todo["description"])
