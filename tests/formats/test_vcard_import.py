"""vCard import: the sample files from real address books, and every quirk on its own."""

from __future__ import annotations

import codecs
from pathlib import Path

from netjournal.core.store import Store
from tests.formats.support import SAMPLES, card, people_by_name, run_import, write


def test_apple_contacts_grouped_email_folded_note_escaped_commas_and_department(
    store: Store, journal_dir: Path
) -> None:
    report = run_import(store, "vcard", SAMPLES / "apple-contacts.vcf")

    assert [note.name for note in report.created] == ["Chinedu Okafor", "Sofia Lindqvist"]
    assert report.problems == [] and report.skipped == []
    people = people_by_name(journal_dir)
    chinedu = people["Chinedu Okafor"]
    assert chinedu.email == ("chinedu.okafor@example.com",)  # an item1. grouped EMAIL
    assert chinedu.org == "Northwind Logistics"
    assert chinedu.department == "Warehouse Automation"
    assert chinedu.role == "Automation Engineer"
    assert chinedu.phone == ("+44 7700 900123",)
    assert chinedu.tags == ("robotics", "logistics")
    assert chinedu.notes == (
        "Met at LogiMAT booth 4B. Into robotics, sailing and sourdough. "
        "Wants introductions to the data team."
    )  # unfolded, and "\," unescaped
    assert chinedu.kind == "other" and chinedu.status == "connected"
    sofia = people["Sofia Lindqvist"]
    assert (sofia.org, sofia.department) == ("Contoso Ltd, Nordic", "Legal")
    assert sofia.role == "General Counsel"


def test_android_quoted_printable_with_soft_line_breaks(store: Store, journal_dir: Path) -> None:
    report = run_import(store, "vcard", SAMPLES / "android-contacts.vcf")

    assert report.problems == []
    people = people_by_name(journal_dir)
    assert set(people) == {"Jürgen Müller", "Wei Chen"}
    jurgen = people["Jürgen Müller"]
    assert jurgen.org == "Fabrikam GmbH"
    assert jurgen.notes == (
        "Spricht gern über Lieferketten und Radsport. Sucht Kontakte in der Beschaffung."
    )
    assert jurgen.phone == ("+49 151 23456789",)
    assert people["Wei Chen"].email == ("wei.chen@example.net",)


def test_one_card_with_a_corrupt_photo_is_reported_and_the_others_come_in(
    store: Store, journal_dir: Path
) -> None:
    report = run_import(store, "vcard", SAMPLES / "broken-photo.vcf")

    assert set(people_by_name(journal_dir)) == {"Ana Souza", "Luca Bianchi"}
    (problem,) = report.problems
    assert problem.where == "line 7"
    assert problem.name == "Broken Photo"
    assert "photo" in problem.reason
    assert "problem" in report.summary()


def test_vcard_4_uri_phones_role_and_cards_that_are_not_people(
    tmp_path: Path, store: Store
) -> None:
    text = (
        card("FN:Ann Lee", "N:Lee;Ann;;;", "ORG:Acme;R&D;Robotics", "ROLE:Pilot lead",
             'TEL;VALUE=uri;TYPE="voice,cell":tel:+1-555-0100', "EMAIL;PREF=1:mailto:ann@acme.example",
             "URL:https://acme.example/ann", "KIND:individual", version="4.0")
        + card("FN:The Robotics Team", "KIND:group", "MEMBER:urn:uuid:1", version="4.0")
        + card("FN:Contoso", "ORG:Contoso", "X-ABShowAs:COMPANY")
    )  # fmt: skip
    report = run_import(store, "vcard", write(tmp_path, "v4.vcf", text))

    (ann,) = store.people()
    assert (ann.name, ann.org, ann.department) == ("Ann Lee", "Acme", "R&D / Robotics")
    assert ann.role == "Pilot lead"
    assert ann.phone == ("+1-555-0100",)
    assert ann.email == ("ann@acme.example",)
    assert ann.links == ("https://acme.example/ann",)
    assert sorted(note.reason for note in report.skipped) == [
        "a card for a group, not a person",
        "a company card, not a person",
    ]


def test_title_and_role_both_kept_and_a_name_built_from_n_when_fn_is_missing(
    tmp_path: Path, store: Store
) -> None:
    text = card("N:Nwosu;Amara;Ifeoma;Dr.;", "TITLE:Head of Research", "ROLE:Advisor",
                "NOTE:first", "NOTE:second", version="2.1")  # fmt: skip
    run_import(store, "vcard", write(tmp_path, "n.vcf", text))

    (amara,) = store.people()
    assert amara.name == "Dr. Amara Ifeoma Nwosu"
    assert amara.role == "Head of Research / Advisor"
    assert amara.notes == "first\n\nsecond"


def test_encodings_utf8_bom_utf16_with_and_without_bom_and_legacy_8_bit(
    tmp_path: Path, journal_dir: Path
) -> None:
    text = card("FN:Zoë Müller-Łukasz", "ORG:Café Ñandú")
    files = {
        "bom.vcf": codecs.BOM_UTF8 + text.encode("utf-8"),
        "utf16.vcf": text.encode("utf-16"),  # with its byte-order mark
        "utf16le.vcf": text.encode("utf-16-le"),
        "utf16be.vcf": text.encode("utf-16-be"),
    }
    for name, data in files.items():
        path = tmp_path / name
        path.write_bytes(data)
        folder = tmp_path / f"journal-{name}"
        report = run_import(Store.open(folder), "vcard", path)
        assert [note.name for note in report.created] == ["Zoë Müller-Łukasz"], name
        assert people_by_name(folder)["Zoë Müller-Łukasz"].org == "Café Ñandú"
    legacy = card("FN:Jürgen Weiß", "ORG:Bäckerei Müller", "NOTE:Grüße – €5")
    path = tmp_path / "legacy.vcf"
    path.write_bytes(legacy.encode("cp1252"))
    run_import(Store.open(journal_dir), "vcard", path)
    jurgen = people_by_name(journal_dir)["Jürgen Weiß"]
    assert (jurgen.org, jurgen.notes) == ("Bäckerei Müller", "Grüße – €5")


def test_quoted_printable_in_a_latin_1_charset(tmp_path: Path, store: Store) -> None:
    text = card("FN;CHARSET=ISO-8859-1;ENCODING=QUOTED-PRINTABLE:J=FCrgen M=FCller",
                "NOTE;ENCODING=QUOTED-PRINTABLE;CHARSET=ISO-8859-1:Gr=FC=DFe aus K=F6ln, =",
                "bis bald", version="2.1")  # fmt: skip
    run_import(store, "vcard", write(tmp_path, "qp.vcf", text))

    (jurgen,) = store.people()
    assert jurgen.name == "Jürgen Müller"
    assert jurgen.notes == "Grüße aus Köln, bis bald"


def test_lower_case_lf_endings_text_between_cards_and_a_card_cut_short(
    tmp_path: Path, store: Store
) -> None:
    text = (
        "exported by some tool\n"
        "begin:vcard\nversion:3.0\nfn:Ann Lee\nemail:ann@example.com\nend:vcard\n"
        "\n-- next --\n"
        "Begin:VCard\nVersion:3.0\nFN:Bob Stone\nEnd:VCard\n"
        "BEGIN:VCARD\nVERSION:3.0\nFN:Cut Short\nNOTE:the file ends here"
    )
    report = run_import(store, "vcard", write(tmp_path, "lf.vcf", text))

    assert sorted(person.name for person in store.people()) == ["Ann Lee", "Bob Stone"]
    (problem,) = report.problems
    assert (problem.where, problem.name) == ("line 13", "Cut Short")
    assert "END:VCARD" in problem.reason


def test_an_unparseable_line_fails_only_its_card_with_the_line_number(
    tmp_path: Path, store: Store
) -> None:
    text = (
        card("FN:Good One")
        + card("FN:Bad One", "this line is not a property")
        + card("FN:Also Good")
    )
    report = run_import(store, "vcard", write(tmp_path, "bad-line.vcf", text))

    assert sorted(person.name for person in store.people()) == ["Also Good", "Good One"]
    (problem,) = report.problems
    assert problem.name == "Bad One"
    assert problem.where == "line 5"
    assert "line 8" in problem.reason


def test_a_card_without_a_name_is_skipped_and_a_bad_email_is_left_out(
    tmp_path: Path, store: Store
) -> None:
    text = card("EMAIL:nobody@example.com", "TEL:+1 555 0100") + card(
        "FN:Ann Lee", "EMAIL:not an address", "EMAIL:ann@example.com"
    )
    report = run_import(store, "vcard", write(tmp_path, "names.vcf", text))

    (ann,) = store.people()
    assert ann.email == ("ann@example.com",)
    assert [(note.where, note.reason) for note in report.skipped] == [("line 1", "no name")]
    (problem,) = report.problems
    assert (
        problem.name == "Ann Lee" and "'not an address' is not an email address" in problem.reason
    )


def test_hostile_text_is_cleaned_and_markup_stays_literal(
    tmp_path: Path, journal_dir: Path
) -> None:
    text = (
        card("FN:[bold]x[/", "NOTE:[@click=app.quit]me[/]")
        + card("FN:[@click=app.quit]me[/]", "ORG:[link=https://evil.example]Acme[/link]")
        + card("FN:\x1b[31mred\x1b[0m Alert", "NOTE:bell\x07 and \x1b]0;title\x07osc",
               "ORG:Bidi\u202eevil", "CATEGORIES:\x1b[1mbold-tag")
    )  # fmt: skip
    run_import(Store.open(journal_dir), "vcard", write(tmp_path, "hostile.vcf", text))

    people = people_by_name(journal_dir)
    assert set(people) == {"[bold]x[/", "[@click=app.quit]me[/]", "red Alert"}
    assert people["[bold]x[/"].notes == "[@click=app.quit]me[/]"
    assert people["[@click=app.quit]me[/]"].org == "[link=https://evil.example]Acme[/link]"
    red = people["red Alert"]
    assert (red.notes, red.org, red.tags) == ("bell and osc", "Bidievil", ("bold-tag",))
    for person in people.values():
        assert person.problems() == []  # stored exactly as typed text would be


def test_our_own_x_properties_are_read(tmp_path: Path, store: Store) -> None:
    text = card("FN:Ann Lee", "X-NETJOURNAL-KIND:customer", "X-NETJOURNAL-INFLUENCE:2",
                "X-NETJOURNAL-STATUS:prospect", "X-NETJOURNAL-INTEREST:sailing\\, racing",
                "X-NETJOURNAL-INTEREST:robots", "X-NETJOURNAL-NEED:a forklift supplier",
                "X-NETJOURNAL-EXPERTISE:supply chains", "X-NETJOURNAL-MET-VIA:Bob at LogiMAT",
                "X-NETJOURNAL-CADENCE:30")  # fmt: skip
    run_import(store, "vcard", write(tmp_path, "x.vcf", text))

    (ann,) = store.people()
    assert (ann.kind, ann.influence, ann.status) == ("customer", 2, "prospect")
    assert ann.interests == ("sailing, racing", "robots")
    assert (ann.needs, ann.expertise) == (("a forklift supplier",), ("supply chains",))
    assert (ann.met_via, ann.cadence_days) == ("Bob at LogiMAT", 30)


def test_an_impossible_value_in_our_x_properties_fails_only_that_card(
    tmp_path: Path, store: Store
) -> None:
    text = card("FN:Ann Lee", "X-NETJOURNAL-KIND:overlord") + card("FN:Bob Stone")
    report = run_import(store, "vcard", write(tmp_path, "x.vcf", text))

    assert [person.name for person in store.people()] == ["Bob Stone"]
    (problem,) = report.problems
    assert problem.name == "Ann Lee" and "overlord" in problem.reason


def test_escaped_and_unescaped_commas_and_semicolons_keep_the_whole_value(
    tmp_path: Path, store: Store
) -> None:
    text = card("FN:Lee\\, Ann", "ORG:Contoso\\; Fabrikam;Legal\\, Risk", "TITLE:Director, Sales",
                "NOTE:one\\; two\\, three\\nfour \\\\ five", "CATEGORIES:a\\,b,c")  # fmt: skip
    legacy = card("FN:Bob Stone", "TITLE:Head, Procurement; EMEA", "NOTE:2.1 never escapes, ever",
                  version="2.1")  # fmt: skip
    run_import(store, "vcard", write(tmp_path, "commas.vcf", text + legacy))

    people = {person.name: person for person in store.people()}
    ann = people["Lee, Ann"]
    assert (ann.org, ann.department) == ("Contoso; Fabrikam", "Legal, Risk")
    assert ann.role == "Director, Sales"
    assert ann.notes == "one; two, three\nfour \\ five"
    assert ann.tags == ("a,b", "c")
    bob = people["Bob Stone"]
    assert (bob.role, bob.notes) == ("Head, Procurement; EMEA", "2.1 never escapes, ever")
