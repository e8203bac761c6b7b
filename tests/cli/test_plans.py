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
    # In text: due, standing, kind, title, id.
    rows = [[cell.strip() for cell in line.split("  ") if cell.strip()]
            for line in run_cli("list", "outreach").stdout.splitlines()]  # fmt: skip
    words = {row[3]: row[1] for row in rows}
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
