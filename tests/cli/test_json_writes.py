"""Scripting: every command that writes a record prints it with --json, in the shape
`list --json` gives the same record; `netjournal show ID|NAME` prints one record whole.
Real subprocesses on a real journal folder."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path
from typing import Any

from netjournal.core.records import Interaction, Person
from netjournal.core.store import Store
from tests.cli.support import RunCli, ok_json, one_line_error, prepare, snapshot


def listed(run_cli: RunCli, what: str, record_id: str) -> dict[str, Any]:
    """The record as `netjournal list WHAT --json` prints it."""
    (item,) = [i for i in ok_json(run_cli("list", what, "--json")) if i["id"] == record_id]
    return item  # type: ignore[no-any-return]


def test_add_and_log_print_the_record_they_wrote_as_list_does(run_cli: RunCli) -> None:
    person = ok_json(run_cli("add", "person", "Ann Lee", "--org", "Acme", "--email",
                             "ann@acme.example", "--tag", "board", "--json"))  # fmt: skip
    assert person["name"] == "Ann Lee" and person["email"] == ["ann@acme.example"]
    assert person["last_contact"] is None
    assert person == listed(run_cli, "people", person["id"])

    learning = ok_json(run_cli("add", "learning", "Pallet robots pay back", "-m", "In 18 months.",
                               "--tag", "robots", "--json"))  # fmt: skip
    assert learning["body"] == "In 18 months." and learning == listed(
        run_cli, "learnings", learning["id"]
    )

    talk = ok_json(run_cli("log", "ann", "-m", "Coffee at LogiMAT", "--json"))
    assert talk["person_ids"] == [person["id"]] and talk["channel"] == "coffee"
    assert talk == listed(run_cli, "interactions", talk["id"])
    assert listed(run_cli, "people", person["id"])["last_contact"] == talk["date"]

    plan = ok_json(run_cli("add", "outreach", "follow-up", "--to", "Ann Lee", "--due", "+2d",
                           "-m", "Send the quote", "--json"))  # fmt: skip
    assert plan["standing"] == "upcoming" and plan["notes"] == "Send the quote"
    assert plan == listed(run_cli, "outreach", plan["id"])


def test_done_snooze_and_drop_print_the_plan_as_saved(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    first = prepare(journal_dir, "add", "outreach", "follow-up", "--to", "Ann Lee", "--due", "today")
    second = prepare(journal_dir, "add", "outreach", "reconnect", "--to", "Ann Lee")
    third = prepare(journal_dir, "add", "outreach", "ask", "--to", "Ann Lee", "--title", "Ask")

    done = ok_json(run_cli("done", first, "-m", "Called her", "--json"))
    assert done["status"] == "done" and done["standing"] == "done"
    assert {k: v for k, v in done.items() if k not in ("logged", "connected")} == listed(
        run_cli, "outreach", first
    )
    assert done["logged"]["summary"] == "Called her"
    assert done["logged"] == listed(run_cli, "interactions", done["logged"]["id"])
    assert done["connected"] == []
    again = ok_json(run_cli("done", first, "--json"))  # a retry logs nothing, says so in JSON
    assert again["logged"] is None and again["status"] == "done"
    assert len(ok_json(run_cli("list", "interactions", "--json"))) == 1

    until = (date.today() + timedelta(days=3)).isoformat()
    snoozed = ok_json(run_cli("snooze", second, "--until", "+3d", "--json"))
    assert snoozed["snoozed_until"] == until and snoozed["standing"] == "snoozed"
    assert snoozed == listed(run_cli, "outreach", second)

    dropped = ok_json(run_cli("drop", third, "--json"))
    assert dropped["status"] == "dropped" and dropped == listed(run_cli, "outreach", third)


def test_snooze_of_a_person_and_merge_print_the_person_as_list_people_does(
    run_cli: RunCli, journal_dir: Path
) -> None:
    bob = prepare(journal_dir, "add", "person", "Bob Stone", "--kind", "customer")
    prepare(journal_dir, "log", "Bob Stone", "-m", "Lunch", "--date", "2026-01-05")
    twin = prepare(journal_dir, "add", "person", "Bob Stone", "--org", "Contoso", "--new")

    quiet = ok_json(run_cli("snooze", f"cold:{bob}", "--until", "+1w", "--json"))
    assert quiet["quiet_until"] == (date.today() + timedelta(days=7)).isoformat()
    assert quiet["last_contact"] == "2026-01-05"
    assert quiet == listed(run_cli, "people", bob)

    merged = ok_json(run_cli("merge", twin, bob, "--json"))
    assert merged["kept"]["org"] == "Contoso" and merged["kept"]["last_contact"] == "2026-01-05"
    assert merged["kept"] == listed(run_cli, "people", twin)
    assert set(merged) >= {"dry_run", "kept", "removed", "fields", "moved"}  # as before


def test_show_prints_a_person_whole_with_recent_talks_and_open_plans(
    run_cli: RunCli, journal_dir: Path
) -> None:
    ann = prepare(journal_dir, "add", "person", "[bold]Ann[/ Lee", "--org", "Acme", "--role",
                  "CTO", "--expertise", "cold chain", "--notes", "Two kids.\nLoves sailing.")  # fmt: skip
    bo = prepare(journal_dir, "add", "person", "Bo Chen")
    for day in range(1, 8):  # seven talks: the latest five are shown
        prepare(journal_dir, "log", ann, "-m", f"Talk {day}", "--date", f"2026-01-0{day}")
    prepare(journal_dir, "log", ann, bo, "-m", "Dinner together", "--date", "2026-02-01")
    plan = prepare(journal_dir, "add", "outreach", "follow-up", "--to", ann, "--due", "+1d")
    done = prepare(journal_dir, "add", "outreach", "ask", "--to", ann, "--title", "Old ask")
    assert run_cli("done", done).returncode == 0
    before = snapshot(journal_dir)

    data = ok_json(run_cli("show", "ann lee", "--json"))
    assert {k: v for k, v in data.items() if k not in (
        "recent_interactions", "interaction_count", "open_outreach")} == listed(
        run_cli, "people", ann)  # fmt: skip
    talks = [i for i in ok_json(run_cli("list", "interactions", "--json")) if ann in i["person_ids"]]
    assert data["recent_interactions"] == talks[:5] and data["interaction_count"] == len(talks) == 9
    assert data["recent_interactions"][0]["summary"] == "Old ask"  # logged by done, today
    assert data["open_outreach"] == [listed(run_cli, "outreach", plan)]  # the done one is not

    text = run_cli("show", ann)
    assert text.returncode == 0 and text.stderr == ""
    lines = text.stdout.splitlines()
    assert lines[0] == f"[bold]Ann[/ Lee ({ann})"  # literally: user text is never markup
    assert any(line.split() == ["role", "CTO"] for line in lines)
    assert any(line.split() == ["expertise", "cold", "chain"] for line in lines)
    assert "  Two kids." in lines and "  Loves sailing." in lines
    recent = lines.index("Recent talks (5 of 9)")
    assert "Dinner together (with Bo Chen)" in lines[recent + 2]
    plans = lines.index("Open plans")
    assert plan in lines[plans + 1] and "Old ask" not in "\n".join(lines[plans:])
    assert snapshot(journal_dir) == before  # showing writes nothing


def test_show_takes_any_records_id_and_says_when_a_name_is_ambiguous(
    run_cli: RunCli, journal_dir: Path
) -> None:
    fabrikam = Person.create(name="Anna Smith", org="Fabrikam")
    Store.open(journal_dir).add(fabrikam, Person.create(name="Anna Smith", org="Contoso"))
    talk = prepare(journal_dir, "log", fabrikam.id, "-m", "Kick-off")
    learning = prepare(journal_dir, "add", "learning", "Cold chain basics", "-m", "Keep it cold.")
    before = snapshot(journal_dir)

    assert ok_json(run_cli("show", talk, "--json")) == listed(run_cli, "interactions", talk)
    assert ok_json(run_cli("show", learning, "--json")) == listed(run_cli, "learnings", learning)
    assert ok_json(run_cli("show", "cold chain basics", "--json"))["id"] == learning
    text = run_cli("show", learning).stdout.splitlines()
    assert text[0] == f"Cold chain basics ({learning})" and "  Keep it cold." in text

    line = one_line_error(run_cli("show", "Anna Smith"))
    assert "more than one person" in line and "Fabrikam" in line and "Contoso" in line
    assert "nothing" in one_line_error(run_cli("show", "Zed Nobody")).lower()
    assert snapshot(journal_dir) == before
    stored = Store.open(journal_dir).get(Interaction, talk)
    assert stored is not None and stored.summary == "Kick-off"
