"""Imports and exports as real processes, on files written as an attacker or a broken sync
would: a LinkedIn cell past the csv limit, dates at the end of the calendar, hostile text in a
Markdown export, an export killed halfway."""

from __future__ import annotations

import csv
import io
import json
import stat
import subprocess
import sys
from datetime import date
from pathlib import Path

from icalendar import Calendar

from tests.cli.support import RunCli, by_name, ok_json, one_line_error, prepare, snapshot

HEADER = ["First Name", "Last Name", "URL", "Email Address", "Company", "Position", "Connected On"]


def test_a_linkedin_cell_past_the_csv_limit_is_reported_and_no_row_is_lost(
    run_cli: RunCli, tmp_path: Path
) -> None:
    out = io.StringIO()
    out.write('Notes:\r\n"When exporting your connection data, ..."\r\n\r\n')
    rows = [[f"Before{i}", "Lee", "", "", "Acme", "CTO", "14 Mar 2024"] for i in range(3)]
    rows.append(["Huge", "Lee", "", "", "Acme", "x" * 200_000, "14 Mar 2024"])  # > 131,072
    rows += [[f"After{i}", "Lee", "", "", "Acme", "CTO", "14 Mar 2024"] for i in range(3)]
    csv.writer(out).writerows([HEADER, *rows])
    path = tmp_path / "Connections.csv"
    path.write_text(out.getvalue(), newline="")

    result = run_cli("import", "auto", str(path))

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (
        f"Imported {path} (LinkedIn): created 6 people, updated 0, skipped 0, 1 problem."
    )
    assert lines[-1] == (
        "problem: Huge Lee (line 8): 200,000 characters in its role, more than netjournal "
        "takes (65,536); it was left out"
    )
    names = set(by_name(ok_json(run_cli("list", "people", "--json"))))
    assert names == {f"{w}{i} Lee" for w in ("Before", "After") for i in range(3)}


def test_a_due_date_or_snooze_past_a_hundred_years_is_refused_and_nothing_written(
    run_cli: RunCli, journal_dir: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    plan = prepare(journal_dir, "add", "outreach", "follow-up", "--to", "Ann", "--due", "today")
    before = snapshot(journal_dir)

    due = one_line_error(run_cli("add", "outreach", "ask", "--to", "Ann", "--due", "9999-12-31"))
    snooze = one_line_error(run_cli("snooze", plan, "--until", "9999-12-31"))

    for line in (due, snooze):
        assert "'9999-12-31' is too far ahead: plan at most 100 years ahead, until " in line
    assert snapshot(journal_dir) == before


def hand_edit(journal_dir: Path, old: str, new: str) -> None:
    """Change a date in the journal's files as a text editor (or a bad merge) would."""
    changed = 0
    for path in journal_dir.rglob("*.json"):
        text = path.read_text()
        if old in text:
            path.write_text(text.replace(old, new))
            changed += 1
    assert changed


def test_a_journal_with_dates_at_the_end_of_the_calendar_still_exports(
    run_cli: RunCli, journal_dir: Path, tmp_path: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    prepare(journal_dir, "add", "outreach", "follow-up", "--to", "Ann", "--due", "2031-01-15")
    snoozed = prepare(journal_dir, "add", "outreach", "ask", "--to", "Ann", "--due", "2031-02-01")
    assert run_cli("snooze", snoozed, "--until", "2031-03-01").returncode == 0
    hand_edit(journal_dir, "2031-01-15", "9999-12-31")

    for args in (("export", "ics"), ("export", "ics", "--events"), ("export", "markdown"),
                 ("export", "json"), ("list", "outreach")):  # fmt: skip
        result = run_cli(*args)
        assert result.returncode == 0 and "Traceback" not in result.stderr, (args, result.stderr)
    todos = Calendar.from_ical(run_cli("export", "ics").stdout.encode()).walk("VTODO")
    assert {str(t["summary"]): t.decoded("due").isoformat() for t in todos} == {
        "Follow up with Ann Lee": "9999-12-31",
        "Ask Ann Lee": "2031-03-01",  # snoozed past its due date: due when it comes back
    }
    assert all("dtstart" not in t or t.decoded("dtstart") < t.decoded("due") for t in todos)
    events = Calendar.from_ical(run_cli("export", "ics", "--events").stdout.encode())
    far = next(e for e in events.walk("VEVENT") if str(e["summary"]) == "Follow up with Ann Lee")
    assert far.decoded("dtstart") == date(9999, 12, 31) and "dtend" not in far


def test_hostile_text_in_a_markdown_folder_stays_text_and_the_folder_is_private(
    run_cli: RunCli, journal_dir: Path, tmp_path: Path
) -> None:
    vcf = tmp_path / "mallory.vcf"
    vcf.write_text(
        "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:<img src=x onerror=alert(1)> Mallory\r\n"
        "NOTE:# Not a heading\\n[x](javascript:alert(1))\\n<script>alert(1)</script>\r\n"
        "URL:javascript:alert(1)\r\nEND:VCARD\r\n",
        newline="",
    )
    assert run_cli("import", "vcard", str(vcf)).returncode == 0
    folder = tmp_path / "export"

    result = run_cli("export", "markdown", "-o", f"{folder}/")

    assert result.returncode == 0, result.stderr
    [page] = (folder / "people").iterdir()
    text = page.read_text()
    assert text.startswith("# \\<img src=x onerror=alert(1)> Mallory\n")
    assert "\\# Not a heading\n\\[x\\](javascript:alert(1))\n\\<script>alert(1)\\</script>" in text
    assert "- **Links:** javascript:alert(1)" in text  # text, not a link
    for path in (folder, folder / "people"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700
    for path in folder.rglob("*"):
        if path.is_file():
            assert stat.S_IMODE(path.stat().st_mode) == 0o600, path


KILL_MIDWAY = """
import os, signal, sys
from netjournal.formats import export_folder
real, written = export_folder.write_new_file, []
def write(path, data):
    if len(written) == 2:
        os.kill(os.getpid(), signal.SIGKILL)
    written.append(path)
    real(path, data)
export_folder.write_new_file = write
from netjournal.cli import main
sys.exit(main(sys.argv[1:]))
"""


def test_an_export_killed_halfway_leaves_the_earlier_one_whole(
    run_cli: RunCli, journal_dir: Path, tmp_path: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    prepare(journal_dir, "add", "person", "Bob Stone")
    folder = tmp_path / "export"
    assert run_cli("export", "markdown", "-o", f"{folder}/").returncode == 0
    earlier = snapshot(folder)
    prepare(journal_dir, "add", "person", "Cem Kaya")

    killed = subprocess.run(
        [sys.executable, "-c", KILL_MIDWAY, "--dir", str(journal_dir), "export", "markdown",
         "-o", f"{folder}/"],
        capture_output=True, text=True, timeout=30,
    )  # fmt: skip

    assert killed.returncode == -9
    assert snapshot(folder) == earlier  # not one file of the new export got in
    assert len(list(tmp_path.glob(".export.*.netjournal-tmp"))) == 1  # what it left aside
    again = run_cli("export", "markdown", "-o", f"{folder}/")
    assert again.returncode == 0, again.stderr
    assert sorted(p.name for p in (folder / "people").iterdir()) == [
        "ann-lee.md", "bob-stone.md", "cem-kaya.md",
    ]  # fmt: skip
    assert list(tmp_path.glob(".export.*")) == []  # the next export cleaned up after it
    assert json.dumps(sorted(p.name for p in tmp_path.iterdir())) == '["export", "journal"]'
