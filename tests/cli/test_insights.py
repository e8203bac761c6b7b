"""`netjournal insights` through real subprocesses: plain sections, --json shape, empty journal."""

from __future__ import annotations

import os
from pathlib import Path

from tests.cli.support import RunCli, ok_json, one_line_error, prepare, snapshot

DAY = "2026-11-29"


def write_config(text: str) -> None:
    folder = Path(os.environ["NETJOURNAL_CONFIG_DIR"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "config.toml").write_text(text, encoding="utf-8")


def build(journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee", "--kind", "internal", "--dept", "Sales",
            "--influence", "2", "--role", "VP Sales")  # fmt: skip
    prepare(journal_dir, "add", "person", "Bea Cruz", "--kind", "internal", "--dept", "Legal",
            "--influence", "3", "--prospect")  # fmt: skip
    prepare(journal_dir, "add", "person", "Cid Moss", "--kind", "customer", "--org", "Contoso",
            "--cadence", "30")  # fmt: skip
    prepare(journal_dir, "log", "ann", "-m", "Pipeline review", "--date", "2026-11-20")
    prepare(journal_dir, "log", "cid", "-m", "Coffee", "--date", "2026-09-01")


def test_insights_json_is_an_object_with_every_section(run_cli: RunCli, journal_dir: Path) -> None:
    write_config('departments = ["Finance", "sales"]\n')
    build(journal_dir)
    before = snapshot(journal_dir)

    data = ok_json(run_cli("insights", "--json", "--date", DAY))

    assert snapshot(journal_dir) == before  # insights only read
    assert set(data) == {"departments", "power", "mix", "internal_share", "months", "going_cold",
                         "organization"}  # fmt: skip
    assert data["organization"] is None  # nobody internal has an org, and none is set
    rows = {row["department"]: row for row in data["departments"]}
    assert list(rows) == ["Finance", "Legal", "sales"]  # invisible first; the config spelling
    assert rows["Finance"] == {"department": "Finance", "connected": 0, "prospects": 0,
                               "last_contact": None, "max_influence": 0, "invisible": True,
                               "person_ids": []}  # fmt: skip
    assert (rows["Legal"]["invisible"], rows["Legal"]["prospects"]) == (True, 1)
    assert rows["Legal"]["max_influence"] == 3
    assert rows["sales"]["last_contact"] == "2026-11-20" and not rows["sales"]["invisible"]
    assert [(p["name"], p["days_since"]) for p in data["power"]] == [("Ann Lee", 9)]
    assert data["mix"]["internal"] == 1 and data["mix"]["customer"] == 1
    assert data["internal_share"] == 0.5
    assert [m["month"] for m in data["months"]][-1] == "2026-11"
    assert len(data["months"]) == 12
    assert next(m for m in data["months"] if m["month"] == "2026-09")["interactions"] == 1
    assert [item["title"] for item in data["going_cold"]] == ["Cid Moss"]


def test_insights_plain_text_has_readable_sections(run_cli: RunCli, journal_dir: Path) -> None:
    write_config('departments = ["Finance"]\n')
    build(journal_dir)

    result = run_cli("insights", "--date", DAY)

    assert result.returncode == 0, result.stderr
    out = result.stdout
    for heading in ("Departments of your organization (3; 2 invisible)",
                    "Positional power", "Mix (connected people: 2; 50% inside your organization)",
                    "Last 12 months", "Going cold"):  # fmt: skip
        assert heading in out
    finance = next(line for line in out.splitlines() if line.strip().startswith("Finance"))
    assert "INVISIBLE" in finance
    assert "Ann Lee" in out and "senior" in out and "last contact 9 days ago" in out
    assert "2026-11" in out and "#" in out
    assert "Cid Moss" in out and "going cold" in out


def test_the_organization_set_in_config_names_the_sections(
    run_cli: RunCli, journal_dir: Path
) -> None:
    write_config('organization = "Northwind Logistics"\n')
    build(journal_dir)
    out = run_cli("insights", "--date", DAY).stdout
    assert "Departments of Northwind Logistics (2; 1 invisible)" in out
    assert "50% inside Northwind Logistics" in out


def test_an_empty_journal_says_how_to_start(run_cli: RunCli, journal_dir: Path) -> None:
    result = run_cli("insights")
    assert result.returncode == 0, result.stderr
    assert "No people in the journal yet" in result.stdout
    assert "netjournal add person" in result.stdout and "departments" in result.stdout
    assert not journal_dir.exists()  # nothing was written
    data = ok_json(run_cli("insights", "--json"))
    assert data["departments"] == [] and data["power"] == [] and data["internal_share"] == 0.0


def test_a_bad_date_is_one_sentence(run_cli: RunCli) -> None:
    assert "date" in one_line_error(run_cli("insights", "--date", "someday soon")).lower()
