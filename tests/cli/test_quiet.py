"""`-q` on a command that changes the journal: nothing printed when it worked, errors still said."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import RunCli, ok_json, one_line_error, prepare


def test_q_silences_the_success_line_of_each_write(
    run_cli: RunCli, journal_dir: Path, tmp_path: Path
) -> None:
    card = tmp_path / "bo.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Bo Chen\nEND:VCARD\n", encoding="utf-8")
    runs = [
        ("add", "person", "Ann Lee", "-q"),
        ("add", "learning", "Robot payback", "-m", "18 months", "--quiet"),
        ("add", "outreach", "follow-up", "--to", "Ann", "-q"),
        ("log", "Ann", "-m", "Coffee", "-q"),
        ("import", "vcard", str(card), "-q"),
    ]
    for args in runs:
        result = run_cli(*args)
        assert (result.returncode, result.stdout, result.stderr) == (0, "", ""), args

    [plan] = ok_json(run_cli("list", "outreach", "--json"))
    snoozed = run_cli("snooze", plan["id"], "--until", "+3d", "-q")
    done = run_cli("done", plan["id"], "-q")

    assert (snoozed.stdout, done.stdout) == ("", "")
    assert snoozed.returncode == 0 and done.returncode == 0, snoozed.stderr + done.stderr
    people = ok_json(run_cli("list", "people", "--json"))
    assert sorted(person["name"] for person in people) == ["Ann Lee", "Bo Chen"]
    assert len(ok_json(run_cli("list", "interactions", "--json"))) == 2  # the log and the done
    assert len(ok_json(run_cli("list", "learnings", "--json"))) == 1


def test_q_still_says_what_went_wrong(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")

    refused = run_cli("log", "Zebedee", "-m", "Coffee", "-q")

    assert "Zebedee" in one_line_error(refused)


def test_q_keeps_what_was_asked_for_a_dry_run(run_cli: RunCli, tmp_path: Path) -> None:
    card = tmp_path / "bo.vcf"
    card.write_text("BEGIN:VCARD\nVERSION:3.0\nFN:Bo Chen\nEND:VCARD\n", encoding="utf-8")

    report = run_cli("import", "vcard", str(card), "--dry-run", "-q")

    assert report.returncode == 0, report.stderr
    assert "nothing was written: would have created 1 person" in report.stdout
