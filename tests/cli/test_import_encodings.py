"""`netjournal import` reads files from other tools right: their encoding, their separator.

Real files written in legacy encodings in a temporary folder, imported by a real process.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import RunCli, by_name, ok_json

GOOGLE_HEADER = "First Name,Middle Name,Last Name,Organization Name,Organization Title,Labels,E-mail 1 - Value\r\n"  # fmt: skip
LINKEDIN = (
    "Notes:\r\n\"When exporting your connection data, you may notice...\"\r\n\r\n"
    "First Name,Last Name,URL,Email Address,Company,Position,Connected On\r\n"
)
CHINESE = [("伟", "王", "华为技术有限公司", "采购经理"), ("芳", "李", "阿里巴巴集团", "研究员"),
           ("强", "张", "腾讯科技", "工程师")]  # fmt: skip
JAPANESE = [("太郎", "山田", "株式会社トヨタ", "部長"), ("花子", "佐藤", "ソニー株式会社", "研究者"),
            ("健", "鈴木", "日本電気", "技術者")]  # fmt: skip
RUSSIAN = [("Иван", "Петров", "Газпром", "Инженер"), ("Ольга", "Смирнова", "Яндекс", "Аналитик"),
           ("Сергей", "Кузнецов", "Сбербанк", "Директор по закупкам")]  # fmt: skip


def google_csv(people: list[tuple[str, str, str, str]]) -> str:
    rows = [f"{first},,{last},{org},{role},* myContacts,p{n}@example.org\r\n"
            for n, (first, last, org, role) in enumerate(people)]  # fmt: skip
    return GOOGLE_HEADER + "".join(rows)


def linkedin_csv(people: list[tuple[str, str, str, str]], separator: str = ",") -> str:
    rows = [separator.join((first, last, "", "", org, role, "14 Mar 2024")) + "\r\n"
            for first, last, org, role in people]  # fmt: skip
    return LINKEDIN.replace(",", separator) + "".join(rows)


def people_in(run_cli: RunCli) -> dict[str, dict[str, object]]:
    return by_name(ok_json(run_cli("list", "people", "--json")))


@pytest.mark.parametrize(
    ("encoding", "kind", "people", "said"),
    [
        ("gbk", "google", CHINESE, "read as GBK/GB18030 (Chinese)"),
        ("shift_jis", "google", JAPANESE, "read as Shift-JIS (Japanese)"),
        ("cp1251", "linkedin", RUSSIAN, "read as Windows-1251 (Cyrillic)"),
        ("utf-16", "linkedin", RUSSIAN, "read as UTF-16"),
    ],
)
def test_a_file_in_a_legacy_encoding_comes_in_right_and_the_report_says_which(
    run_cli: RunCli, tmp_path: Path, encoding: str, kind: str,
    people: list[tuple[str, str, str, str]], said: str,
) -> None:  # fmt: skip
    text = google_csv(people) if kind == "google" else linkedin_csv(people)
    path = tmp_path / "contacts.csv"
    path.write_bytes(text.encode(encoding))

    result = run_cli("import", "auto", str(path))

    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"Imported {path} (") and "created 3 people" in lines[0]
    assert any("not UTF-8" in line and said in line for line in lines), lines
    assert not any("could not be told" in line for line in lines), lines
    found = people_in(run_cli)
    for first, last, org, role in people:
        name = f"{first} {last}"
        assert (found[name]["org"], found[name]["role"]) == (org, role)
    report = ok_json(run_cli("import", "auto", str(path), "--dry-run", "--json"))
    assert report["encodings"] == {str(path): said.removeprefix("read as ")}


def test_a_western_file_that_cannot_be_told_apart_is_read_as_cp1252_and_says_so(
    run_cli: RunCli, tmp_path: Path
) -> None:
    text = ("BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Zoë Müller\r\nORG:Café Ñandú\r\nEND:VCARD\r\n"
            "BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Jürgen Weiß\r\nORG:Bäckerei Größe\r\nEND:VCARD\r\n")  # fmt: skip
    path = tmp_path / "old.vcf"
    path.write_bytes(text.encode("cp1252"))

    result = run_cli("import", "vcard", str(path))

    assert result.returncode == 0, result.stderr
    (note,) = [line for line in result.stdout.splitlines() if "UTF-8" in line]
    assert "could not be told for sure" in note and "Windows-1252 (Western European)" in note
    found = people_in(run_cli)
    assert found["Zoë Müller"]["org"] == "Café Ñandú"
    assert found["Jürgen Weiß"]["org"] == "Bäckerei Größe"


def test_a_utf8_file_gets_no_word_about_its_encoding(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "contacts.csv"
    path.write_text(google_csv(CHINESE), encoding="utf-8")

    result = run_cli("import", "google", str(path))

    assert result.returncode == 0, result.stderr
    assert "UTF-8" not in result.stdout and len(result.stdout.splitlines()) == 4
    assert people_in(run_cli)["伟 王"]["org"] == "华为技术有限公司"


def test_semicolon_google_csv_from_excel_is_recognised(run_cli: RunCli, tmp_path: Path) -> None:
    text = google_csv([("Zoë", "Müller", "Café; Ñandú", "Buyer"), ("Ann", "Lee", "Contoso", "CFO")])
    # Excel in Europe: `;` between cells, a cell with `;` quoted, UTF-8 with a byte-order mark
    text = text.replace(",", ";").replace("Café; Ñandú", '"Café; Ñandú"')
    path = tmp_path / "google.csv"
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))

    for format_name in ("google", "auto"):
        result = run_cli("import", format_name, str(path), "--dry-run")
        assert result.returncode == 0, result.stderr
        assert "(Google Contacts)" in result.stdout and "created 2 people" in result.stdout
    run_cli("import", "google", str(path))
    found = people_in(run_cli)
    assert found["Zoë Müller"]["org"] == "Café; Ñandú"
    assert found["Ann Lee"]["email"] == ["p1@example.org"]


def test_tab_separated_linkedin_export_is_recognised(run_cli: RunCli, tmp_path: Path) -> None:
    path = tmp_path / "Connections.tsv"
    path.write_text(linkedin_csv(RUSSIAN, "\t"), encoding="utf-8")

    result = run_cli("import", "auto", str(path))

    assert result.returncode == 0, result.stderr
    assert "(LinkedIn)" in result.stdout and "created 3 people" in result.stdout
    assert people_in(run_cli)["Сергей Кузнецов"]["role"] == "Директор по закупкам"
