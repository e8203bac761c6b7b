"""Your organization settles who comes in as a colleague: people at it are internal, and a
"Colleagues" label on someone at another company does not make them internal."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from netjournal.core.records import Person
from netjournal.core.store import Store
from netjournal.formats.exporting import export_journal
from tests.core.support import snapshot
from tests.formats.support import SAMPLES, people_by_name, run_import, write

HEADER = "First Name,Last Name,Organization Name,Labels\n"


def test_people_at_your_organization_come_in_as_internal(tmp_path: Path, store: Store) -> None:
    path = write(tmp_path, "contacts.csv", HEADER + "Ada,Byron,Northwind Logistics,\n"
                 "Bo,Chen,northwind logistics,* starred ::: Customers\nCy,Diaz,Contoso,\n")  # fmt: skip
    report = run_import(store, "google", path, organization="Northwind Logistics")
    kinds = {p.name: p.kind for p in Store.open(store.folder).people()}
    assert kinds == {"Ada Byron": "internal", "Bo Chen": "internal", "Cy Diaz": "other"}
    assert report.colleagues == "2 people at Northwind Logistics come in as internal colleagues."
    assert report.lines()[1] == report.colleagues


def test_a_colleagues_label_at_another_company_is_not_internal(
    tmp_path: Path, store: Store
) -> None:
    store.add(Person.create(name="Me Myself", org="Northwind Logistics", kind="internal"))
    path = write(tmp_path, "contacts.csv", HEADER + "Eve,Fox,Contoso,* myContacts ::: Colleagues\n"
                 "Gil,Hart,,* myContacts ::: Colleagues\n")  # fmt: skip
    report = run_import(store, "google", path)
    people = people_by_name(store.folder)
    assert people["Eve Fox"].kind == "other"  # no department of yours is made up for her
    assert people["Eve Fox"].tags == ("Colleagues",)  # the label itself is kept
    assert people["Gil Hart"].kind == "internal"  # no org: the label is all there is
    assert report.colleagues == (
        "1 person labelled as colleagues but at another company comes in as other, not internal."
    )


def test_unset_and_nobody_internal_the_files_colleagues_name_it(store: Store) -> None:
    report = run_import(store, "google", SAMPLES / "google-contacts.csv")
    assert people_by_name(store.folder)["Hannah Schmidt"].kind == "internal"
    linked = run_import(store, "linkedin", SAMPLES / "linkedin-Connections.csv")
    people = people_by_name(store.folder)
    assert people["Tomás Ibarra"].kind == "internal"  # at Contoso Ltd, like Hannah
    assert people["Aiko Tanaka"].kind == "other"
    assert report.colleagues == ""  # Hannah's label already said so
    assert linked.colleagues == (
        "2 people at Contoso Ltd (inferred; set organization in config.toml) come in as "
        "internal colleagues."
    )


def test_a_backup_keeps_every_kind_as_it_was(tmp_path: Path, store: Store) -> None:
    outsider = Person.create(name="Ivy Jones", org="Contoso", kind="internal")
    exported = export_journal(snapshot(outsider), "json", today=date(2026, 3, 12))
    backup = tmp_path / "backup.json"
    backup.write_bytes(exported.data)
    run_import(store, "json", backup, organization="Northwind Logistics")
    assert people_by_name(store.folder)["Ivy Jones"].kind == "internal"
