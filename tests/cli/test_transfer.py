"""`netjournal import` and `netjournal export` as real processes, on real files."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from icalendar import Calendar

from tests.cli.support import RunCli, by_name, ok_json, one_line_error, prepare, snapshot

SAMPLES = Path(__file__).parent.parent / "formats" / "samples"


def test_import_prints_the_report_and_re_import_changes_nothing(
    run_cli: RunCli, journal_dir: Path
) -> None:
    first = run_cli("import", "vcard", str(SAMPLES / "broken-photo.vcf"))

    assert first.returncode == 0, first.stderr
    assert first.stderr == ""  # no progress line: stderr is not a terminal
    assert first.stdout.splitlines() == [
        f"Imported {SAMPLES / 'broken-photo.vcf'} (vCard): created 2 people, updated 0, "
        "skipped 0, 1 problem.",
        "created: Ana Souza (line 1)",
        "created: Luca Bianchi (line 14)",
        "problem: Broken Photo (line 7): the card could not be read: its photo is damaged "
        "(not base64)",
    ]
    before = snapshot(journal_dir)
    again = run_cli("import", "auto", str(SAMPLES / "broken-photo.vcf"))
    assert "created 0 people, updated 0, skipped 2, 1 problem." in again.stdout
    assert snapshot(journal_dir) == before
    assert sorted(by_name(ok_json(run_cli("list", "people", "--json")))) == [
        "Ana Souza",
        "Luca Bianchi",
    ]


def test_import_json_report_and_updates_from_another_source(
    run_cli: RunCli, journal_dir: Path
) -> None:
    prepare(journal_dir, "add", "person", "Tomás Ibarra", "--org", "Contoso Ltd", "--role", "Buyer")

    report = ok_json(
        run_cli("import", "linkedin", str(SAMPLES / "linkedin-Connections.csv"), "--json")
    )

    assert report["format"] == "LinkedIn" and report["dry_run"] is False
    assert report["counts"] == {"created": 5, "updated": 1, "skipped": 1, "problems": 0}
    assert report["skipped"] == [
        {"where": "line 8", "name": "", "reason": "no name", "kind": "person"}
    ]
    (updated,) = report["updated"]
    assert updated["name"] == "Tomás Ibarra" and "filled met via" in updated["reason"]
    tomas = by_name(ok_json(run_cli("list", "people", "--json")))["Tomás Ibarra"]
    assert tomas["role"] == "Buyer"  # what the user wrote stays
    assert tomas["email"] == ["tomas.ibarra@example.org"]


def test_dry_run_shows_the_report_and_leaves_every_file_as_it_was(
    run_cli: RunCli, journal_dir: Path
) -> None:
    prepare(journal_dir, "add", "person", "Hannah Schmidt", "--org", "Contoso Ltd")
    before = snapshot(journal_dir)

    result = run_cli("import", "google", str(SAMPLES / "google-contacts.csv"), "--dry-run")

    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(
        f"Dry run of {SAMPLES / 'google-contacts.csv'} (Google Contacts), nothing was written: "
        "would have created 1 person, updated 1, skipped 1."
    )
    assert (
        "updated: Hannah Schmidt (line 2): filled department, role, notes, kind; added email "
        "hannah.schmidt@example.com, hannah@example.org; phone +1 555 0100; tag Colleagues\n"
    ) in result.stdout
    assert snapshot(journal_dir) == before


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("import", "vcard", "{tmp}/missing.vcf"), "missing.vcf does not exist; nothing was imported."),
        (("import", "vcard", "{tmp}"), "is a folder, not a file; nothing was imported."),
        (("import", "linkedin", "{tmp}/empty.csv"), "empty.csv is empty; nothing was imported."),
        (("import", "google", "{tmp}/photo.jpg"), "is not a text file (it looks binary)"),
        (("import", "vcard", "{samples}/linkedin-Connections.csv"),
         "is not a vCard file (it has no BEGIN:VCARD line) but looks like a LinkedIn"),
        (("import", "json", "{samples}/google-contacts.csv"), "is not a netjournal backup"),
        (("import", "auto", "{tmp}/notes.txt"), "Cannot tell what kind of file"),
        (("import", "outlook", "{tmp}/notes.txt"), "invalid choice: 'outlook'"),
        (("export", "vcard", "--events"), "--events is for `netjournal export ics`."),
        (("export", "ics", "--folder", "-o", "{tmp}/x"), "--folder is for `netjournal export markdown`."),
        (("export", "markdown", "--folder"), "--folder needs the folder to write: -o DIR."),
        (("export", "json", "-o", "{tmp}"), "is a folder; give a file name to export to."),
        (("export", "vcard", "-o", "{tmp}/no/such/out.vcf"), "does not exist."),
        (("export", "markdown", "-o", "{tmp}/busy/"), "holds no earlier netjournal export; export into a new or empty folder."),
    ],
)  # fmt: skip
def test_bad_files_and_options_are_one_sentence_and_nothing_is_written(
    args: tuple[str, ...], fragment: str, run_cli: RunCli, journal_dir: Path, tmp_path: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    (tmp_path / "empty.csv").write_bytes(b"")
    (tmp_path / "photo.jpg").write_bytes(bytes(range(256)) * 16)
    (tmp_path / "notes.txt").write_text("Dear diary,\nmet Ann.\n")
    (tmp_path / "busy").mkdir()
    (tmp_path / "busy" / "mine.md").write_text("keep")
    files_before = snapshot(tmp_path)
    argv = [a.format(tmp=tmp_path, samples=SAMPLES) for a in args]

    line = one_line_error(run_cli(*argv))

    assert fragment in line
    assert snapshot(tmp_path) == files_before  # neither the journal nor anything beside it


def test_export_to_stdout_and_to_files(run_cli: RunCli, journal_dir: Path, tmp_path: Path) -> None:
    ann = prepare(journal_dir, "add", "person", "Ann Lee", "--org", "Acme", "--dept", "R&D",
                  "--kind", "customer", "--interest", "sailing", "--email", "ann@acme.example")  # fmt: skip
    prepare(journal_dir, "log", "Ann", "-m", "Robots at LogiMAT", "--date", "2026-03-02")
    prepare(journal_dir, "add", "outreach", "follow-up", "--to", "Ann", "--due", "2030-01-15")

    vcard = run_cli("export", "vcard")
    assert vcard.returncode == 0 and vcard.stderr == ""
    assert vcard.stdout.startswith("BEGIN:VCARD") and "ORG:Acme;R&D" in vcard.stdout
    markdown = run_cli("export", "markdown")
    assert (
        "### Ann Lee" in markdown.stdout
        and "**2026-03-02** meeting: Robots at LogiMAT" in markdown.stdout
    )
    ics = run_cli("export", "ics", "-o", str(tmp_path / "out.ics"))
    assert ics.stdout == f"Exported 1 to-do to {tmp_path / 'out.ics'}.\n"
    (todo,) = Calendar.from_ical((tmp_path / "out.ics").read_bytes()).walk("VTODO")
    assert str(todo["summary"]) == "Follow up with Ann Lee"
    events = run_cli("export", "ics", "--events")
    (event,) = Calendar.from_ical(events.stdout.encode()).walk("VEVENT")
    assert event.decoded("dtstart").isoformat() == "2030-01-15"
    backup = json.loads(run_cli("export", "json").stdout)
    assert [p["id"] for p in backup["people"]] == [ann]
    assert len(backup["interactions"]) == len(backup["outreach"]) == 1


def test_markdown_folder_with_a_trailing_slash_or_folder_flag(
    run_cli: RunCli, journal_dir: Path, tmp_path: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    prepare(journal_dir, "add", "person", "[bold]x[/")

    slash = run_cli("export", "markdown", "-o", f"{tmp_path}/md/")
    flag = run_cli("export", "markdown", "--folder", "-o", str(tmp_path / "md2"))

    assert slash.stdout == (
        f"Exported 2 people, 0 learnings and the open outreach to {tmp_path}/md/ (5 files).\n"
    )
    for folder in (tmp_path / "md", tmp_path / "md2"):
        names = sorted(str(p.relative_to(folder)) for p in folder.rglob("*.md"))
        assert names == [
            "index.md",
            "journal.md",
            "outreach.md",
            "people/ann-lee.md",
            "people/bold-x.md",
        ]
    assert (tmp_path / "md" / "people" / "bold-x.md").read_text().startswith("# \\[bold\\]x\\[/\n")
    assert flag.returncode == 0


def test_a_backup_restores_an_identical_journal_in_a_new_folder(
    run_cli: RunCli, journal_dir: Path, tmp_path: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee", "--org", "Acme", "--tag", "vip")
    prepare(journal_dir, "add", "person", "Bob Stone")
    prepare(journal_dir, "add", "learning", "Pallet robots", "-m", "Picking time fell.")
    prepare(journal_dir, "log", "Ann", "Bob", "-m", "Coffee", "--shared", "Pallet robots")
    prepare(journal_dir, "add", "outreach", "introduce", "--to", "Ann", "Bob", "--reason", "robots")
    backup = tmp_path / "backup.json"
    assert run_cli("export", "json", "-o", str(backup)).returncode == 0
    restored = tmp_path / "restored"

    report = ok_json(run_cli("import", "json", str(backup), "--json", folder=restored))

    assert report["counts"]["created"] == 5
    for what in ("people", "learnings", "interactions", "outreach"):
        assert ok_json(run_cli("list", what, "--json", folder=restored)) == ok_json(
            run_cli("list", what, "--json")
        ), what
    assert run_cli("doctor", folder=restored).returncode == 0


def test_hostile_names_in_a_vcard_are_cleaned_and_stay_literal(
    run_cli: RunCli, tmp_path: Path
) -> None:
    path = tmp_path / "hostile.vcf"
    path.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:[bold]x[/\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:[@click=app.quit]me[/]\r\nEND:VCARD\r\n"
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:\x1b[31mred\x1b[0m\r\nNOTE:\x1b]8;;http://x\x07link\r\nEND:VCARD\r\n",
        encoding="utf-8",
    )

    result = run_cli("import", "vcard", str(path))

    assert "\x1b" not in result.stdout
    people = by_name(ok_json(run_cli("list", "people", "--json")))
    assert set(people) == {"[bold]x[/", "[@click=app.quit]me[/]", "red"}
    assert people["red"]["notes"] == "link"
    assert "created: [bold]x[/ (line 1)" in result.stdout


@pytest.mark.skipif(sys.platform == "win32", reason="needs a pseudo-terminal")
def test_progress_is_shown_on_a_terminal_only(journal_dir: Path, tmp_path: Path) -> None:
    path = tmp_path / "many.vcf"
    path.write_text("".join(
        f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Person {n}\r\nEND:VCARD\r\n" for n in range(300)
    ))  # fmt: skip
    main, child = pty.openpty()
    process = subprocess.Popen(
        [sys.executable, "-m", "netjournal", "--dir", str(journal_dir), "import", "vcard", str(path)],
        stdout=subprocess.PIPE, stderr=child, env=os.environ.copy(),
    )  # fmt: skip
    os.close(child)
    out, _ = process.communicate(timeout=60)
    seen = b""
    while True:
        try:
            chunk = os.read(main, 4096)
        except OSError:
            break
        if not chunk:
            break
        seen += chunk
    os.close(main)

    assert process.returncode == 0
    assert out.decode().startswith("Imported ")  # the report itself is on stdout
    assert b"Reading " in seen and b"300/300" in seen


def test_a_large_import_or_a_first_one_leaves_a_search_index_ready(
    run_cli: RunCli, journal_dir: Path
) -> None:
    imported = run_cli("import", "linkedin", str(SAMPLES / "linkedin-Connections.csv"))
    assert imported.returncode == 0, imported.stderr
    assert (journal_dir / ".cache" / "search-index").is_file()  # no index yet: built now
    found = run_cli("search", "Tomas", "--json")
    assert json.loads(found.stdout)[0]["title"] == "Tomás Ibarra"
