"""LinkedIn Connections and Google Contacts CSV exports: the samples and their variants."""

from __future__ import annotations

from pathlib import Path

from netjournal.core.store import Store
from tests.formats.support import SAMPLES, people_by_name, run_import, write

OLD_LINKEDIN = (
    "First Name,Last Name,Email Address,Company,Position,Connected On\n"
    "Ann,Lee,ann@acme.example,Acme,CTO,03/14/19\n"
    'Bob,Stone,,"Fabrikam, Inc.","Buyer, Robotics",\n'
)
GOOGLE_LEGACY = (
    "Name,Given Name,Additional Name,Family Name,Nickname,Notes,Group Membership,"
    "E-mail 1 - Type,E-mail 1 - Value,Phone 1 - Type,Phone 1 - Value,"
    "Organization 1 - Type,Organization 1 - Name,Organization 1 - Title,"
    "Organization 1 - Department,Website 1 - Type,Website 1 - Value\n"
    'Ann Lee,Ann,,Lee,,"Met at LogiMAT;\nlikes boats",* myContacts ::: * starred ::: Suppliers,'
    "* Work,ann@acme.example ::: ann@home.example,Mobile,+1 555 0100 ::: +1 555 0101,"
    ",Acme,CTO,Robotics,Blog,https://ann.example\n"
    ",,,,Bobby,,* myContacts,,,,,,,,,,\n"
)


def test_linkedin_sample_header_after_notes_dates_and_a_row_without_a_name(
    store: Store, journal_dir: Path
) -> None:
    report = run_import(store, "linkedin", SAMPLES / "linkedin-Connections.csv")

    people = people_by_name(journal_dir)
    assert len(people) == 6
    priya = people["Priya Raman"]
    assert priya.org == "Northwind Logistics"
    assert priya.role == "Director, Supply Chain Analytics"  # a comma inside quotes
    assert priya.links == ("https://www.linkedin.com/in/priyaraman",)
    assert priya.email == ()
    assert priya.met_via == "LinkedIn, connected 2024-03-14"
    assert (priya.kind, priya.status) == ("other", "connected")
    assert people["Tomás Ibarra"].email == ("tomas.ibarra@example.org",)
    assert people["Oluwaseun Adeyemi"].org == "Tailspin Toys, Inc."
    assert "Grace O'Neill" in people
    assert [(note.where, note.reason) for note in report.skipped] == [("line 8", "no name")]
    assert "skipped 1" in report.summary()


def test_older_linkedin_exports_without_url_or_notes_and_other_date_forms(
    tmp_path: Path, journal_dir: Path
) -> None:
    run_import(Store.open(journal_dir), "linkedin", write(tmp_path, "old.csv", OLD_LINKEDIN))

    people = people_by_name(journal_dir)
    assert people["Ann Lee"].met_via == "LinkedIn, connected 2019-03-14"
    assert people["Ann Lee"].links == ()
    bob = people["Bob Stone"]
    assert (bob.org, bob.role, bob.met_via) == ("Fabrikam, Inc.", "Buyer, Robotics", "LinkedIn")


def test_linkedin_columns_are_found_by_name_in_any_order(tmp_path: Path, store: Store) -> None:
    text = (
        "Connected On,Position,Company,Last Name,First Name\r\n01 Feb 2024,CFO,Contoso,Lee,Ann\r\n"
    )
    run_import(store, "linkedin", write(tmp_path, "moved.csv", text))

    (ann,) = store.people()
    assert (ann.name, ann.org, ann.role) == ("Ann Lee", "Contoso", "CFO")
    assert ann.met_via == "LinkedIn, connected 2024-02-01"


def test_linkedin_export_in_utf16_is_read(tmp_path: Path, store: Store) -> None:
    path = tmp_path / "utf16.csv"
    path.write_bytes(OLD_LINKEDIN.replace("Ann,Lee", "Zoë,Müller").encode("utf-16"))

    run_import(store, "linkedin", path)

    assert "Zoë Müller" in {person.name for person in store.people()}


def test_google_sample_multi_values_labels_and_notes(store: Store, journal_dir: Path) -> None:
    report = run_import(store, "google", SAMPLES / "google-contacts.csv")

    people = people_by_name(journal_dir)
    assert set(people) == {"Hannah Schmidt", "Kwame Mensah"}
    hannah = people["Hannah Schmidt"]
    assert hannah.email == ("hannah.schmidt@example.com", "hannah@example.org")
    assert (hannah.org, hannah.role, hannah.department) == (
        "Contoso Ltd", "Product Marketing Manager", "Marketing",
    )  # fmt: skip
    assert hannah.tags == ("Colleagues",)  # "* myContacts" dropped
    assert hannah.phone == ("+1 555 0100",)
    assert hannah.notes == "Runs the internal product newsletter; loves climbing."
    kwame = people["Kwame Mensah"]
    assert kwame.tags == ("Experts",)
    assert kwame.email == ("k.mensah@example.edu",)
    assert [(note.where, note.reason) for note in report.skipped] == [("line 4", "no name")]


def test_google_legacy_columns_multi_line_notes_and_nicknames(
    tmp_path: Path, journal_dir: Path
) -> None:
    report = run_import(
        Store.open(journal_dir), "google", write(tmp_path, "legacy.csv", GOOGLE_LEGACY)
    )

    people = people_by_name(journal_dir)
    ann = people["Ann Lee"]
    assert ann.email == ("ann@acme.example", "ann@home.example")
    assert ann.phone == ("+1 555 0100", "+1 555 0101")
    assert (ann.org, ann.role, ann.department) == ("Acme", "CTO", "Robotics")
    assert ann.links == ("https://ann.example",)
    assert ann.tags == ("starred", "Suppliers")
    assert ann.notes == "Met at LogiMAT;\nlikes boats"
    assert people["Bobby"].tags == ()
    assert [note.where for note in report.created] == ["line 2", "line 4"]


def test_csv_text_is_cleaned_and_markup_kept_literally(tmp_path: Path, journal_dir: Path) -> None:
    text = (
        "First Name,Last Name,Company,Position,Connected On\n"
        '[bold]x[/,,\x1b[31mAcme\x1b[0m,"[@click=app.quit]me[/]",01 Jan 2024\n'
    )
    run_import(Store.open(journal_dir), "linkedin", write(tmp_path, "hostile.csv", text))

    person = people_by_name(journal_dir)["[bold]x[/"]
    assert (person.org, person.role) == ("Acme", "[@click=app.quit]me[/]")
