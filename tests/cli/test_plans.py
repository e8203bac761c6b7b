"""`netjournal list outreach` says where each plan stands, as the Outreach area groups it; `done`
says what it changed."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Person
from netjournal.core.standing import Standing, standing
from netjournal.core.store import Store
from netjournal.tui.screens.outreach import group_of
from tests.cli.support import RunCli, ok_json
from tests.cli.table_text import read_table


def test_list_outreach_shows_the_standing_the_outreach_area_groups_by(
    run_cli: RunCli, journal_dir: Path
) -> None:
    day = date.today()  # the CLI's today
    ann = Person.create(name="Ann Lee")
    plans = {
        "overdue": plan_outreach(
            "follow-up", [ann], due=day - timedelta(days=2), title="A late call"
        ),
        "today": plan_outreach("follow-up", [ann], due=day, title="A call now"),
        "upcoming": plan_outreach(
            "follow-up", [ann], due=day + timedelta(days=4), title="A call soon"
        ),
        "someday": plan_outreach("follow-up", [ann], title="A call sometime"),
        "snoozed": plan_outreach("follow-up", [ann], due=day, title="A snoozed call").edit(
            snoozed_until=day + timedelta(days=3)
        ),
        "done": plan_outreach("follow-up", [ann], due=day, title="A finished call").edit(
            status="done", done_at=day
        ),
        "dropped": plan_outreach("follow-up", [ann], due=day, title="A call given up").edit(
            status="dropped"
        ),
    }
    Store.open(journal_dir).add(ann, *plans.values())

    listed = {item["title"]: item for item in ok_json(run_cli("list", "outreach", "--json"))}

    for word, plan in plans.items():
        item = listed[plan.title]
        assert item["standing"] == word == standing(plan, day).value
        # The same plan in the Outreach area: under the heading of that standing.
        where = Standing(item["standing"])
        assert group_of(plan, day) == ("Done lately" if where.is_finished else where.label)
        assert {k: v for k, v in item.items() if k != "standing"} == plan.to_dict()  # as before
    # In text: #, due, standing, kind, title, note, id under a header row.
    words = {row["Title"]: row["Standing"] for row in read_table(run_cli("list", "outreach").stdout)}
    assert words == {plan.title: word for word, plan in plans.items()} | {
        "A snoozed call": f"snoozed to {(day + timedelta(days=3)).isoformat()}"
    }


def test_done_says_whom_a_bring_in_brought_into_your_network(
    run_cli: RunCli, journal_dir: Path
) -> None:
    vic = Person.create(name="Victor Almeida", status="prospect")
    plan = plan_outreach("bring-in", [vic], due=date.today())
    Store.open(journal_dir).add(vic, plan)

    done = run_cli("done", plan.id)

    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Done: Bring in Victor Almeida (logged as interaction ")
    assert done.stdout.endswith("); Victor Almeida is in your network now.\n")
    [person] = ok_json(run_cli("list", "people", "--json"))
    assert person["status"] == "connected"


def test_done_with_a_message_and_channel_logs_what_happened(
    run_cli: RunCli, journal_dir: Path
) -> None:
    ann = Person.create(name="Ann Lee")
    plan = plan_outreach("reconnect", [ann], due=date.today())
    other = plan_outreach("follow-up", [ann], due=date.today(), title="Send the NDA")
    Store.open(journal_dir).add(ann, plan, other)

    done = run_cli("done", plan.id[:6], "-m", "Lunch: she moves to Berlin", "--channel", "call")
    plain = run_cli("done", other.id)  # no message, no channel: as before, the kind's channel

    assert done.returncode == plain.returncode == 0, done.stderr + plain.stderr
    assert done.stdout.endswith(": call, 'Lunch: she moves to Berlin').\n")
    talks = {t["summary"]: t for t in ok_json(run_cli("list", "interactions", "--json"))}
    assert talks["Lunch: she moves to Berlin"]["channel"] == "call"  # typed beats the words
    assert talks["Lunch: she moves to Berlin"]["notes"] == "Planned: Reconnect with Ann Lee"
    assert talks["Send the NDA"]["channel"] == "email"
    bad = run_cli("done", plan.id, "--channel", "fax")
    assert bad.returncode == 2 and "invalid choice: 'fax'" in bad.stderr


def test_log_without_a_channel_takes_it_from_the_summary(run_cli: RunCli, journal_dir: Path) -> None:
    Store.open(journal_dir).add(Person.create(name="Ann Lee"))

    run_cli("log", "ann", "-m", "Lunch at the depot")
    run_cli("log", "ann", "-m", "Talked about pallets")
    run_cli("log", "ann", "-m", "Coffee, then a call", "--channel", "email")

    talks = {t["summary"]: t["channel"] for t in ok_json(run_cli("list", "interactions", "--json"))}
    assert talks == {"Lunch at the depot": "coffee", "Talked about pallets": "meeting",
                     "Coffee, then a call": "email"}  # fmt: skip
