"""`netjournal import FORMAT FILE...` (one report, one save, all or nothing) and `import FORMAT -`."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from tests.cli.support import RunCli, by_name, ok_json, one_line_error, snapshot

LINKEDIN = (
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
    "Ann,Lee,,ann@example.org,Contoso,CFO,14 Mar 2024\r\n"
    ",,,,,,14 Mar 2024\r\n"
    "Bo,Chen,,,Fabrikam,Buyer,02 Jan 2025\r\n"
)
VCARDS = (
    "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ann Lee\r\nEMAIL:ann@example.org\r\nTEL:+1 555 0100\r\n"
    "END:VCARD\r\nBEGIN:VCARD\r\nVERSION:3.0\r\nFN:Cleo Diaz\r\nORG:Northwind\r\nEND:VCARD\r\n"
)


def files(tmp_path: Path) -> tuple[Path, Path]:
    csv, vcf = tmp_path / "Connections.csv", tmp_path / "phone.vcf"
    csv.write_text(LINKEDIN, encoding="utf-8")
    vcf.write_text(VCARDS, encoding="utf-8")
    return csv, vcf


def test_several_files_make_one_report_and_one_person_each(
    run_cli: RunCli, tmp_path: Path
) -> None:
    csv, vcf = files(tmp_path)

    result = run_cli("import", "auto", str(csv), str(vcf))

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == (f"Imported {csv}, {vcf} (LinkedIn, vCard): created 3 people, "
                        "updated 0, skipped 2.")  # fmt: skip
    assert f"skipped: {csv}, line 3: no name" in lines
    assert any(line.startswith(f"skipped: Ann Lee ({vcf}, line 1): the same person as {csv}, "
                               "line 2") for line in lines), lines  # fmt: skip
    people = by_name(ok_json(run_cli("list", "people", "--json")))
    assert sorted(people) == ["Ann Lee", "Bo Chen", "Cleo Diaz"]
    assert people["Ann Lee"]["phone"] == ["+1 555 0100"]  # the vCard filled in the LinkedIn row


def test_one_bad_file_among_several_imports_nothing(
    run_cli: RunCli, tmp_path: Path, journal_dir: Path
) -> None:
    csv, vcf = files(tmp_path)
    run_cli("import", "vcard", str(vcf))
    before = snapshot(journal_dir)
    notes = tmp_path / "notes.txt"
    notes.write_text("just some notes\n", encoding="utf-8")

    missing = one_line_error(run_cli("import", "auto", str(csv), str(tmp_path / "missing.vcf")))
    assert missing.endswith("missing.vcf does not exist; nothing was imported.")
    unknown = one_line_error(run_cli("import", "auto", str(csv), str(notes)))
    assert f"Cannot tell what kind of file {notes} is" in unknown
    wrong = one_line_error(run_cli("import", "linkedin", str(csv), str(vcf)))
    assert f"{vcf} is not a LinkedIn Connections export" in wrong

    assert snapshot(journal_dir) == before


def test_dash_reads_standard_input(journal_dir: Path) -> None:
    command = [sys.executable, "-m", "netjournal", "--dir", str(journal_dir), "import"]

    def run(*args: str, data: bytes) -> subprocess.CompletedProcess[bytes]:
        return subprocess.run([*command, *args], input=data, capture_output=True, timeout=30)

    piped = run("vcard", "-", data=VCARDS.encode("utf-8"))
    assert piped.returncode == 0, piped.stderr
    assert piped.stdout.decode().startswith(
        "Imported standard input (vCard): created 2 people, updated 0, skipped 0."
    )
    legacy = LINKEDIN.replace("Bo,Chen", "Сергей,Кузнецов").replace("Buyer", "Директор по закупкам")
    piped = run("auto", "-", "--json", data=legacy.encode("cp1251"))
    assert piped.returncode == 0, piped.stderr
    assert b'"Windows-1251 (Cyrillic)"' in piped.stdout
    empty = run("auto", "-", data=b"")
    assert empty.returncode == 2
    assert empty.stderr.decode().endswith(": Standard input is empty; nothing was imported.\n")
    listed = subprocess.run([sys.executable, "-m", "netjournal", "--dir", str(journal_dir),
                             "list", "people", "--json"], capture_output=True, text=True)  # fmt: skip
    assert sorted(by_name(ok_json(listed))) == ["Ann Lee", "Cleo Diaz", "Сергей Кузнецов"]
