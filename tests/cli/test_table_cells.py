"""Plain tables for people: a header row naming the columns, and columns that line up in a
terminal whatever the names hold (CJK, emoji sequences, flags, combining accents), measured
independently with wcwidth. Real subprocesses."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import wcwidth

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Learning, Person
from netjournal.core.store import Store
from tests.cli.support import RunCli, ok_json
from tests.cli.table_text import read_table

NAMES = [
    "王小明",  # CJK: two cells a character
    "Zoë 👩‍💻 Dev",  # a ZWJ sequence: one glyph, two cells
    "🇩🇪 Jonas Weber",  # a flag: two regional indicators, two cells
    "José Núñez",  # combining accents: no cells of their own
    "김민준 👍🏽",  # Hangul and an emoji with a skin tone
    "[bold]x[/",  # markup-like, shown literally
    "Ann Lee",
]


def wide_journal(journal_dir: Path) -> list[Person]:
    people = [Person.create(name=name, org=f"{name[:3]} Org", role="CTO", expertise=["robots"])
              for name in NAMES]  # fmt: skip
    learning = Learning.create(title="机器人 🤖 pay back", date=date(2026, 3, 1), tags=["robots"])
    talks = [Interaction.create(date=date(2026, 3, 2), person_ids=[p.id], summary=f"Talk {p.name}")
             for p in people]  # fmt: skip
    plans = [plan_outreach("follow-up", [p], due=date.today(), notes="报价 📎") for p in people]
    Store.open(journal_dir).add(*people, learning, *talks, *plans)
    return people


def test_lists_have_a_header_row_and_columns_that_line_up(
    run_cli: RunCli, journal_dir: Path
) -> None:
    wide_journal(journal_dir)

    people = read_table(run_cli("list", "people").stdout)  # asserts every column lines up
    assert list(people[0]) == ["Name", "Org / Department", "Role", "Last contact", "Id"]
    assert sorted(row["Name"] for row in people) == sorted(NAMES)
    by_id = {p["id"]: p for p in ok_json(run_cli("list", "people", "--json"))}
    for row in people:
        assert row["Name"] == by_id[row["Id"]]["name"]
        assert row["Org / Department"] == by_id[row["Id"]]["org"]
        assert row["Role"] == "CTO" and row["Last contact"] == "2026-03-02"

    plans = read_table(run_cli("list", "outreach").stdout)
    assert list(plans[0]) == ["#", "Due", "Standing", "Kind", "Title", "Note", "Id"]
    assert {row["Note"] for row in plans} == {"报价 📎"}
    talks = read_table(run_cli("list", "interactions").stdout)
    assert list(talks[0]) == ["Date", "With", "Channel", "Summary", "Id"]
    assert sorted(row["With"] for row in talks) == sorted(NAMES)
    learnings = read_table(run_cli("list", "learnings").stdout)
    assert list(learnings[0]) == ["Date", "Title", "Source", "Id"]
    assert learnings[0]["Title"] == "机器人 🤖 pay back"

    review = read_table(run_cli("review").stdout)
    assert list(review[0]) == ["#", "Kind", "Title", "Why", "Note", "Id"]
    who = read_table(run_cli("who", "robots").stdout)
    assert list(who[0]) == ["Name", "Score", "Why"] and len(who) == len(NAMES)
    suggest = read_table(run_cli("suggest", "pay back").stdout)
    assert list(suggest[0]) == ["Name", "Score", "Why"]
    found = read_table(run_cli("search", "Talk").stdout)
    assert list(found[0]) == ["Type", "Title", "Snippet", "Id"]


def test_wide_names_take_fewer_characters_of_padding(run_cli: RunCli, journal_dir: Path) -> None:
    wide_journal(journal_dir)

    lines = run_cli("list", "people").stdout.splitlines()
    org_column = wcwidth.width(lines[0][: lines[0].index("Org / Department")])
    for line in lines[1:]:
        name = next(n for n in NAMES if line.startswith(n))
        padding = len(line) - len(line[len(name):].lstrip(" ")) - len(name)
        # The name and its padding fill the Name column exactly, counted in terminal cells.
        assert wcwidth.width(name) + padding == org_column, (name, padding)
