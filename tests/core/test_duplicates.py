"""Likely duplicates: who they are, why, best first; found by blocks, not by all pairs."""

from __future__ import annotations

from pathlib import Path

import pytest

from netjournal.core.duplicates import (
    DuplicatePair,
    duplicates_in,
    likely_duplicates,
    locale_region,
    number_key,
    phone_region,
)
from netjournal.core.records import Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.formats.importing import import_file
from tests.formats.support import SAMPLES, card, write


def people(*specs: dict[str, object]) -> list[Person]:
    """People created one after the other (so the first is the older)."""
    return [Person.create(**spec) for spec in specs]


def kinds(pair: DuplicatePair) -> list[str]:
    return [reason.kind for reason in pair.reasons]


def names(pairs: list[DuplicatePair]) -> list[tuple[str, str]]:
    return [(pair.keep.name, pair.other.name) for pair in pairs]


def test_the_same_email_in_another_case_is_one_person_and_the_older_is_kept() -> None:
    ann, anne = people({"name": "Ann Lee", "email": ["ann@contoso.example"]},
                       {"name": "A. Lee", "email": ["ANN@Contoso.example"]})  # fmt: skip

    (pair,) = likely_duplicates([anne, ann])

    assert (pair.keep, pair.other) == (ann, anne)
    assert kinds(pair) == ["email"]
    assert pair.why() == "same email ann@contoso.example"


def test_phone_numbers_are_compared_as_numbers_not_by_their_last_digits() -> None:
    berlin, local, new_york = people(
        {"name": "Ann Lee", "phone": ["+49 30 1234567"]},
        {"name": "Dr. A. Lee", "phone": ["030 / 123 45 67"]},  # the same number, typed in DE
        {"name": "Bob Stone", "phone": ["+1 212 123 4567"]},  # ends alike: another number
    )

    pairs = likely_duplicates([berlin, local, new_york], region="DE")

    assert names(pairs) == [("Ann Lee", "Dr. A. Lee")]
    assert kinds(pairs[0]) == ["phone"]
    assert number_key("+49 (0)30 1234567", None) == number_key("030 1234567", "DE")


def test_numbers_without_a_country_code_are_read_in_the_journals_own_country() -> None:
    crowd = people(*({"name": f"P{i}", "phone": [f"+49 170 55500{i}"]} for i in range(3)),
                   {"name": "Q", "phone": ["+44 20 7946 0000"]})  # fmt: skip
    typed = people({"name": "Ann Lee", "phone": ["+49 30 1234567"]},
                   {"name": "Ann L.", "phone": ["030 1234567"]})  # fmt: skip

    assert phone_region(crowd) == "DE"
    assert names(likely_duplicates([*crowd, *typed])) == [("Ann Lee", "Ann L.")]


def test_without_international_numbers_the_locale_says_the_country(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    for name in ("LC_ALL", "LC_CTYPE"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setenv("LANG", "en_GB.UTF-8")
    assert locale_region() == "GB"
    assert phone_region(people({"name": "A", "phone": ["020 7946 0000"]})) == "GB"
    monkeypatch.setenv("LANG", "C.UTF-8")
    assert locale_region() is None
    # Then numbers are compared by their digits: the same digits are still the same.
    pair = people({"name": "A", "phone": ["020 7946 0000"]},
                  {"name": "B", "phone": ["(020) 7946-0000"]})  # fmt: skip
    assert names(likely_duplicates(pair)) == [("A", "B")]


def test_a_switchboard_number_or_shared_inbox_is_no_evidence() -> None:
    staff = people(*({"name": f"Person {i}", "phone": ["+49 30 9999000"],
                      "email": ["info@acme.example"]} for i in range(5)))  # fmt: skip

    assert likely_duplicates(staff) == []


def test_the_same_name_at_the_same_org_folded_and_spelt_out() -> None:
    found = likely_duplicates(people(
        {"name": "Jürgen Müller", "org": "ACME"}, {"name": "Juergen Mueller", "org": "Acme"},
        {"name": "Đorđe Petrović", "org": "Tesla"}, {"name": "dorde petrovic", "org": "TESLA"},
        {"name": "Ann Lee"}, {"name": "ann lee"},
    ))  # fmt: skip

    assert sorted(names(found)) == [("Ann Lee", "ann lee"), ("Jürgen Müller", "Juergen Mueller"),
                                    ("Đorđe Petrović", "dorde petrovic")]  # fmt: skip
    assert {pair.why() for pair in found} == {"same name, at ACME", "same name, at Tesla",
                                              "same name, neither has an org"}  # fmt: skip


def test_the_same_name_elsewhere_is_listed_last_as_an_import_would_flag_it() -> None:
    (pair,) = likely_duplicates(people({"name": "Ann Lee", "org": "Contoso"}, {"name": "Ann Lee"}))

    assert (kinds(pair), pair.why()) == (["namesake"], "same name, one without an org")


def test_close_names_at_the_same_org_are_typos_not_colleagues() -> None:
    found = likely_duplicates(people(
        {"name": "Ann Lee", "org": "Contoso"}, {"name": "Anne Lee", "org": "Contoso"},
        {"name": "Jon Smith", "org": "Contoso"}, {"name": "John Smith", "org": "Fabrikam"},
        {"name": "Catherine Byrne", "org": "Contoso"}, {"name": "Katherine Byrne", "org": "Contoso"},
        {"name": "Ida Smyth", "org": "Contoso"}, {"name": "Ida Smith", "org": "Contoso"},
        {"name": "Kofi Mwangi", "org": "Contoso"}, {"name": "Kofi B. Mwangi", "org": "Contoso"},
        # Colleagues who share a first or a last name are two people.
        {"name": "Aarav Johansson", "org": "Contoso"}, {"name": "Sarah Johansson", "org": "Contoso"},
        {"name": "Wei Wang", "org": "Contoso"}, {"name": "Wei Yang", "org": "Contoso"},
        {"name": "Maël Almeida", "org": "Contoso"}, {"name": "Alejandro M. Almeida", "org": "Contoso"},
        {"name": "Jon Smith", "org": "Fabrikam"},  # a close name at another org: not a reason
    ))  # fmt: skip

    assert sorted(names(found)) == [
        ("Ann Lee", "Anne Lee"), ("Catherine Byrne", "Katherine Byrne"), ("Ida Smyth", "Ida Smith"),
        ("John Smith", "Jon Smith"), ("Jon Smith", "Jon Smith"), ("Kofi Mwangi", "Kofi B. Mwangi"),
    ]  # fmt: skip
    by_names = {(p.keep.name, p.other.name, p.keep.org): p for p in found}
    assert by_names["Ann Lee", "Anne Lee", "Contoso"].why() == "similar names at Contoso"
    assert kinds(by_names["John Smith", "Jon Smith", "Fabrikam"]) == ["close-name"]
    assert kinds(by_names["Jon Smith", "Jon Smith", "Contoso"]) == ["namesake"]


def test_pairs_come_best_first_with_every_reason() -> None:
    found = likely_duplicates(people(
        {"name": "Wei Chen", "org": "Contoso"}, {"name": "Wei Chen", "org": "Fabrikam"},
        {"name": "Ann Lee", "org": "Contoso"}, {"name": "Anne Lee", "org": "Contoso"},
        {"name": "Bo Ek", "org": "X"}, {"name": "Bo Ek", "org": "x"},
        {"name": "Cy Do", "phone": ["+44 7700 900123"]}, {"name": "C. Do", "phone": ["+447700900123"]},
        {"name": "Di Fa", "email": ["d@f.example"]}, {"name": "Dee Fa", "email": ["d@f.example"]},
        {"name": "Ed Go", "org": "Y", "email": ["e@g.example"]},
        {"name": "Ed Go", "org": "Y", "email": ["e@g.example"]},
    ))  # fmt: skip

    assert [kinds(pair) for pair in found] == [
        ["email", "name"],
        ["email"],
        ["phone"],
        ["name"],
        ["close-name"],
        ["namesake"],
    ]
    assert [pair.score for pair in found] == sorted((pair.score for pair in found), reverse=True)
    data = found[0].to_dict()
    assert data["keep"]["name"] == "Ed Go" and data["other"]["id"] == found[0].other.id
    assert data["reasons"] == [{"kind": "email", "text": "same email e@g.example"},
                               {"kind": "name", "text": "same name, at Y"}]  # fmt: skip


def test_what_an_import_flags_as_maybe_the_same_is_listed(
    tmp_path: Path, store: Store, journal_dir: Path
) -> None:
    store.add(Person.create(name="Wei Chen", org="Contoso"))
    report = import_file(
        store, "vcard", write(tmp_path, "c.vcf", card("FN:Wei Chen", "ORG:Fabrikam"))
    )
    assert report.created[0].reason.startswith("maybe the same as Wei Chen, Contoso")

    (pair,) = likely_duplicates(Store.open(journal_dir).people())

    assert (pair.keep.org, pair.other.org, pair.why()) == ("Contoso", "Fabrikam",
                                                            "same name, another org")  # fmt: skip


# The samples, each imported twice: the second time edited as a second source would have it.
EDITS = {
    ("vcard", "apple-contacts.vcf"): {"@example.com": "@mail.example.com",
                                      "Chinedu": "Chinedo", "Lindqvist": "Lindquist"},
    ("vcard", "android-contacts.vcf"): {"Tailspin Toys": "Tailspin Toys Ltd",
                                        "example.net": "mail.example.net",
                                        "M=C3=BCller;J=C3=BCrgen": "Mueller;Juergen",
                                        "J=C3=BCrgen M=C3=BCller": "Juergen Mueller"},
    ("vcard", "broken-photo.vcf"): {"Ana Souza": "Anna Souza", "Bank;Treasury": ";Treasury"},
    ("linkedin", "linkedin-Connections.csv"): {"Priya,Raman": "Priya,Ramann",
                                               "O'Neill": "O'Neil",
                                               "tomas.ibarra@example.org": "t@mail.example"},
    ("google", "google-contacts.csv"): {"Hannah,,Schmidt": "Hanna,,Schmidt",
                                        "example.com": "mail.example.com",
                                        "example.org": "mail.example.org",
                                        "example.edu": "mail.example.edu",
                                        "University of Accra": "Univ. of Accra"},
}  # fmt: skip


def test_the_samples_imported_twice_with_edits_pair_every_new_record_with_its_first(
    tmp_path: Path, store: Store, journal_dir: Path
) -> None:
    for (format_name, name), _ in EDITS.items():
        import_file(store, format_name, SAMPLES / name)
    first = {p.id: p for p in Store.open(journal_dir).people()}
    assert likely_duplicates(first.values()) == []  # fourteen different people

    for (format_name, name), edits in EDITS.items():
        text = (SAMPLES / name).read_bytes().decode("utf-8")
        for old, new in edits.items():
            assert old in text, (name, old)
            text = text.replace(old, new)
        import_file(Store.open(journal_dir), format_name, write(tmp_path, name, text))

    everyone = Store.open(journal_dir).people()
    second = [p for p in everyone if p.id not in first]
    found = likely_duplicates(everyone)
    why = {(pair.keep.name, pair.other.name): pair.why() for pair in found}
    assert all(pair.keep.id in first and pair.other.id not in first for pair in found)
    assert sorted(pair.other.id for pair in found) == sorted(p.id for p in second)
    assert why == {
        ("Chinedu Okafor", "Chinedo Okafor"):
            "same phone number +44 7700 900123; similar names at Northwind Logistics",
        ("Sofia Lindqvist", "Sofia Lindquist"): "similar names at Contoso Ltd, Nordic",
        ("Wei Chen", "Wei Chen"): "same name, another org",
        ("Ana Souza", "Anna Souza"): "similar names at Woodgrove Bank",
        ("Luca Bianchi", "Luca Bianchi"): "same name, another org",
        ("Priya Raman", "Priya Ramann"): "similar names at Northwind Logistics",
        ("Grace O'Neill", "Grace O'Neil"): "similar names at Contoso Ltd",
        ("Hannah Schmidt", "Hanna Schmidt"):
            "same phone number +1 555 0100; similar names at Contoso Ltd",
        ("Kwame Mensah", "Kwame Mensah"): "same name, another org",
    }  # fmt: skip


def test_a_snapshot_works_them_out_once() -> None:
    snapshot = JournalSnapshot(people={p.id: p for p in people({"name": "A B"}, {"name": "a b"})})

    first = duplicates_in(snapshot)

    assert len(first) == 1 and duplicates_in(snapshot) is first
