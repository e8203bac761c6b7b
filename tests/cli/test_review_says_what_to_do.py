"""`netjournal review` and `list outreach` show a plan's note; `snooze cold:ID` keeps someone
going cold out of the review until a day; cadences read in words. Real subprocesses."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Person
from netjournal.core.store import Store
from tests.cli.support import RunCli, ok_json, one_line_error, snapshot
from tests.cli.table_text import read_table


def test_review_and_list_outreach_show_each_plans_note(run_cli: RunCli, journal_dir: Path) -> None:
    day = date.today()  # the CLI's today
    anna = Person.create(name="Anna Smith")
    notes = ("Send the NDA template", "Ask about the Q3 budget\nand the pilot", "")
    plans = [plan_outreach("follow-up", [anna], due=day - timedelta(days=i), notes=note)
             for i, note in enumerate(notes)]  # fmt: skip
    Store.open(journal_dir).add(anna, *plans)

    queue = ok_json(run_cli("review", "--json"))
    assert {item["title"] for item in queue} == {"Follow up with Anna Smith"}
    assert [item["note"] for item in queue] == [notes[2], notes[1], notes[0]]  # whole
    text = read_table(run_cli("review").stdout)
    assert [[row["Title"], row["Why"], row["Note"]] for row in text] == [
        ["Follow up with Anna Smith", "overdue by 2 days", ""],  # the title names her: not again
        ["Follow up with Anna Smith", "overdue by 1 day", "Ask about the Q3 budget…"],
        ["Follow up with Anna Smith", "due today", "Send the NDA template"],
    ]
    listed = read_table(run_cli("list", "outreach").stdout)
    assert [[row["Title"], row["Note"]] for row in listed] == [
        ["Follow up with Anna Smith", ""],
        ["Follow up with Anna Smith", "Ask about the Q3 budget…"],
        ["Follow up with Anna Smith", "Send the NDA template"],
    ]
    as_json = ok_json(run_cli("list", "outreach", "--json"))
    assert [plan["notes"] for plan in as_json] == [notes[2], notes[1], notes[0]]


def test_snooze_keeps_someone_going_cold_out_of_the_review_until_a_day(
    run_cli: RunCli, journal_dir: Path
) -> None:
    day = date.today()
    bob = Person.create(name="Bob Stone", kind="customer")  # every month, by default
    talk = Interaction.create(date=day - timedelta(days=45), person_ids=[bob.id], summary="Call")
    Store.open(journal_dir).add(bob, talk)
    [cold] = ok_json(run_cli("review", "--json"))
    assert cold["id"] == f"cold:{bob.id}"
    assert cold["reason"] == "going cold: last contact 45 days ago (every month)"
    assert cold["note"] == ""

    before = snapshot(journal_dir)
    refused = one_line_error(run_cli("snooze", cold["id"], "--until", "yesterday"))
    assert refused == (
        f"netjournal: Choose a day after today ({day.isoformat()}); today ends a quiet spell."
    )
    unknown = one_line_error(run_cli("snooze", "cold:nobody", "--until", "+2w"))
    assert unknown.startswith("netjournal: No person has the review item 'cold:nobody'")
    assert snapshot(journal_dir) == before  # nothing written

    until = day + timedelta(weeks=2)
    quiet = run_cli("snooze", f"cold:{bob.id[:4]}", "--until", "+2w")  # the start of the id
    assert quiet.stdout == (
        f"Quiet until {until.isoformat()}: Bob Stone (not in the review before then).\n"
    ), quiet.stderr
    assert ok_json(run_cli("review", "--json")) == []
    eve = (until - timedelta(days=1)).isoformat()
    assert ok_json(run_cli("review", "--date", eve, "--json")) == []
    back = ok_json(run_cli("review", "--date", until.isoformat(), "--json"))
    assert [item["title"] for item in back] == ["Bob Stone"]
    [person] = ok_json(run_cli("list", "people", "--json"))
    assert person["quiet_until"] == until.isoformat()  # on the person: it syncs

    woken = run_cli("snooze", cold["id"], "--until", "today")
    assert woken.stdout == "Back in the review: Bob Stone.\n"
    assert [item["title"] for item in ok_json(run_cli("review", "--json"))] == ["Bob Stone"]
