"""Re-importing and importing the same people from several sources never duplicates them."""

from __future__ import annotations

from pathlib import Path

from netjournal.core.records import Person
from netjournal.core.store import Store
from netjournal.formats.incoming import Incoming
from netjournal.formats.kinds import kind_from
from netjournal.formats.merge import plan_people
from tests.cli.support import snapshot
from tests.formats.support import SAMPLES, card, people_by_name, run_import, write


def test_importing_the_same_files_again_changes_nothing(store: Store, journal_dir: Path) -> None:
    # Google's file first: its "Colleagues" label makes your organization known from the start
    # (imported later, the next import would make people at it internal: test_colleagues.py).
    samples = [
        ("google", "google-contacts.csv"), ("vcard", "apple-contacts.vcf"),
        ("vcard", "android-contacts.vcf"), ("vcard", "broken-photo.vcf"),
        ("linkedin", "linkedin-Connections.csv"),
    ]  # fmt: skip
    for format_name, name in samples:
        run_import(store, format_name, SAMPLES / name)
    people = people_by_name(journal_dir)
    before = snapshot(journal_dir)

    for format_name, name in samples:
        report = run_import(Store.open(journal_dir), format_name, SAMPLES / name)
        assert report.created == [] and report.updated == [], name
        assert {note.reason for note in report.skipped} <= {
            "already in the journal, nothing new", "no name",
        }  # fmt: skip

    assert people_by_name(journal_dir) == people
    assert snapshot(journal_dir) == before  # not even rewritten


def test_same_email_fills_empty_fields_and_never_overwrites_what_the_user_wrote(
    tmp_path: Path, store: Store, journal_dir: Path
) -> None:
    mine = Person.create(
        name="Ann Lee", org="Acme", email=["ann@acme.example"], notes="My own notes.",
        kind="customer", tags=["vip"], phone=["+44 7700 900123"],
    )  # fmt: skip
    store.add(mine)
    text = card(
        "FN:Ann B. Lee", "ORG:Other Org;Robotics", "TITLE:CTO", "EMAIL:ANN@ACME.EXAMPLE",
        "EMAIL:ann@home.example", "NOTE:From the phone.", "CATEGORIES:VIP,robots",
        "TEL:+447700900123", "TEL:+1 555 0100", "X-NETJOURNAL-KIND:supplier",
        "X-NETJOURNAL-INFLUENCE:2",
    )  # fmt: skip

    report = run_import(Store.open(journal_dir), "vcard", write(tmp_path, "ann.vcf", text))

    (ann,) = Store.open(journal_dir).people()
    assert ann.id == mine.id and ann.created == mine.created and ann.updated > mine.updated
    assert (ann.name, ann.org, ann.notes, ann.kind) == (
        "Ann Lee",
        "Acme",
        "My own notes.",
        "customer",
    )
    assert (ann.department, ann.role, ann.influence) == ("Robotics", "CTO", 2)  # were empty
    assert ann.email == ("ann@acme.example", "ann@home.example")
    assert ann.tags == ("vip", "robots")
    assert ann.phone == ("+44 7700 900123", "+1 555 0100")  # the same number, written otherwise
    (updated,) = report.updated
    assert updated.name == "Ann Lee" and updated.where == "line 1"
    assert "filled department, role, influence" in updated.reason
    assert "added email ann@home.example" in updated.reason and "tag robots" in updated.reason


def test_same_name_and_org_match_whatever_the_accents_and_case(
    tmp_path: Path, store: Store
) -> None:
    store.add(Person.create(name="Jurgen Muller", org="FABRIKAM GmbH"))

    run_import(store, "vcard", SAMPLES / "android-contacts.vcf")

    people = sorted(store.people(), key=lambda p: p.name)
    assert [p.name for p in people] == ["Jurgen Muller", "Wei Chen"]
    assert people[0].phone == ("+49 151 23456789",)
    assert people[0].notes.startswith("Spricht gern")


def test_namesakes_at_another_org_or_without_an_org_are_other_people(
    tmp_path: Path, store: Store
) -> None:
    store.add(Person.create(name="Wei Chen", org="Contoso"))

    report = run_import(
        store,
        "vcard",
        write(tmp_path, "w.vcf", card("FN:Wei Chen", "ORG:Tailspin") + card("FN:Wei Chen")),
    )

    assert sorted(p.org for p in store.people()) == ["", "Contoso", "Tailspin"]
    assert len(report.created) == 2
    # Not merged, but the report says who they might be, to check by hand.
    assert all(n.reason.startswith("maybe the same as Wei Chen, Contoso,") for n in report.created)


def test_umlauts_spelled_out_and_a_shared_phone_are_the_same_person(
    tmp_path: Path, store: Store
) -> None:
    store.add(
        Person.create(name="Jürgen Müller", org="Fabrikam GmbH"),
        Person.create(name="Chinedu Okafor", phone=["+234 803 555 0199"]),
        Person.create(name="Front Desk", org="Litware", phone=["+1 425 555 0100"]),
    )
    cards = (card("FN:Juergen Mueller", "ORG:Fabrikam GmbH", "TITLE:Head of Sales")
             + card("FN:Chinedu Okafor", "TEL:0803 555 0199", "EMAIL:chinedu@example.com")
             + card("FN:Someone Else", "TEL:+1 425 555 0100"))  # fmt: skip

    report = run_import(store, "vcard", write(tmp_path, "p.vcf", cards))

    people = people_by_name(store.folder)
    assert sorted(people) == ["Chinedu Okafor", "Front Desk", "Jürgen Müller", "Someone Else"]
    assert people["Jürgen Müller"].role == "Head of Sales"
    assert people["Chinedu Okafor"].email == ("chinedu@example.com",)
    assert [n.name for n in report.created] == ["Someone Else"]  # a shared switchboard is no match


def test_someone_matching_two_people_is_skipped_never_guessed(tmp_path: Path, store: Store) -> None:
    first = Person.create(name="Ann Lee", org="Acme")
    second = Person.create(name="Ann Lee", org="Acme", role="Buyer")
    store.add(first, second)

    report = run_import(
        store, "vcard", write(tmp_path, "a.vcf", card("FN:Ann Lee", "ORG:Acme", "TITLE:CTO"))
    )

    assert sorted(p.role for p in store.people()) == ["", "Buyer"]
    (skipped,) = report.skipped
    assert skipped.reason.startswith("matches 2 people in the journal")
    assert first.id in skipped.reason and second.id in skipped.reason


def test_the_same_person_twice_in_one_file_comes_in_once(tmp_path: Path, store: Store) -> None:
    text = card("FN:Ann Lee", "EMAIL:ann@acme.example") + card(
        "FN:Ann Lee", "EMAIL:Ann@Acme.example", "TITLE:CTO"
    )

    report = run_import(store, "vcard", write(tmp_path, "twice.vcf", text))

    (ann,) = store.people()
    assert (ann.email, ann.role) == (("ann@acme.example",), "CTO")
    assert [note.where for note in report.created] == ["line 1"]
    (skipped,) = report.skipped
    assert skipped.where == "line 6"
    assert skipped.reason == "the same person as line 1; its details were merged into that one"


def test_one_person_from_three_sources_is_one_person_with_everything(
    tmp_path: Path, store: Store, journal_dir: Path
) -> None:
    vcf = card("FN:Chinedu Okafor", "ORG:Northwind Logistics;Warehouse Automation",
               "TITLE:Automation Engineer", "EMAIL:chinedu.okafor@example.com")  # fmt: skip
    linkedin = (
        'Notes:\n"LinkedIn notes"\n\nFirst Name,Last Name,URL,Email Address,Company,Position,'
        "Connected On\nChinedu,Okafor,https://www.linkedin.com/in/chinedu,,Northwind Logistics,"
        "Head of Automation,14 Mar 2024\n"
    )
    google = (
        "First Name,Last Name,Organization Name,Labels,E-mail 1 - Value,Phone 1 - Value\n"
        "Chinedu,Okafor,Northwind,* myContacts ::: Robotics,chinedu.okafor@example.com,+44 1\n"
    )

    run_import(store, "vcard", write(tmp_path, "c.vcf", vcf))
    linkedin_report = run_import(store, "linkedin", write(tmp_path, "c.csv", linkedin))
    google_report = run_import(store, "google", write(tmp_path, "g.csv", google))

    (chinedu,) = people_by_name(journal_dir).values()
    assert chinedu.role == "Automation Engineer"  # LinkedIn's newer title did not overwrite it
    assert chinedu.org == "Northwind Logistics"  # Google's other spelling did not either
    assert chinedu.links == ("https://www.linkedin.com/in/chinedu",)
    assert chinedu.met_via == "LinkedIn, connected 2024-03-14"
    assert (chinedu.tags, chinedu.phone) == (("Robotics",), ("+44 1",))
    assert len(linkedin_report.updated) == len(google_report.updated) == 1


def test_planning_is_pure_and_says_why(tmp_path: Path) -> None:
    journal = [Person.create(name="Ann Lee", email=["ann@acme.example"])]
    incoming = [
        Incoming(Person.create(name="Ann L.", email=["ann@acme.example"]), "line 1"),
        Incoming(Person.create(name="Bob Stone"), "line 5"),
    ]

    plan = plan_people(journal, incoming)

    assert [p.name for p in plan.add] == ["Bob Stone"]
    assert plan.update == []
    assert [(n.where, n.reason) for n in plan.skipped] == [
        ("line 1", "already in the journal, nothing new")
    ]
    assert plan.id_map[incoming[0].person.id] == journal[0].id
    assert journal[0].name == "Ann Lee"  # nothing given was changed


def test_a_label_that_names_a_kind_sets_it_and_a_reporter_is_a_journalist() -> None:
    assert kind_from(["Customers", "* starred"]) == "customer"
    assert kind_from(["Colleagues"]) == "internal"
    assert kind_from([], "Industry Reporter") == "journalist"
    assert kind_from(["Customers", "Suppliers"]) is None  # two kinds: no guess
    assert kind_from(["Friends"], "Buyer") is None
