"""`netjournal review`, `done ID` and `snooze ID --until DATE` through real subprocesses."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from tests.cli.support import RunCli, ok_json, one_line_error, prepare
from tests.cli.table_text import read_table


def test_review_done_and_snooze(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee", "--kind", "customer")
    prepare(journal_dir, "log", "ann", "-m", "Coffee")
    prepare(journal_dir, "add", "outreach", "follow-up", "--to", "ann", "--due", "yesterday")
    prepare(journal_dir, "add", "outreach", "reconnect", "--to", "ann", "--due", "today")
    queue = json.loads(run_cli("review", "--json").stdout)
    assert [(item["kind"], item["title"]) for item in queue] == [
        ("outreach", "Follow up with Ann Lee"),
        ("outreach", "Reconnect with Ann Lee"),
    ]
    assert queue[0]["reason"] == "overdue by 1 day"
    assert set(queue[0]) == {"id", "kind", "title", "reason", "due", "person_ids", "note"}

    done = run_cli("done", queue[0]["id"][:5])  # the start of an id is enough
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Done: Follow up with Ann Lee")
    snoozed = run_cli("snooze", queue[1]["id"], "--until", "+3d")
    assert snoozed.returncode == 0, snoozed.stderr
    assert json.loads(run_cli("review", "--json").stdout) == []
    later = (date.today() + timedelta(days=3)).isoformat()
    listed = run_cli("list", "outreach").stdout.splitlines()
    assert any(f"snoozed to {later}" in line and "Reconnect" in line for line in listed), listed
    assert [
        i["title"] for i in json.loads(run_cli("review", "--date", later, "--json").stdout)
    ] == ["Reconnect with Ann Lee"]
    talks = json.loads(run_cli("list", "interactions", "--json").stdout)
    assert {t["summary"] for t in talks} == {"Coffee", "Follow up with Ann Lee"}
    woken = run_cli("snooze", queue[1]["id"], "--until", "today")
    assert woken.stdout == "Awake again, in today's list: Reconnect with Ann Lee.\n"
    assert [i["title"] for i in ok_json(run_cli("review", "--json"))] == ["Reconnect with Ann Lee"]


def test_drop_keeps_the_plan_as_dropped_and_refuses_twice(
    run_cli: RunCli, journal_dir: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    prepare(journal_dir, "add", "outreach", "follow-up", "--to", "ann", "--due", "today")
    [plan] = json.loads(run_cli("list", "outreach", "--json").stdout)

    dropped = run_cli("drop", plan["id"][:4])

    assert dropped.stdout == (
        "Dropped: Follow up with Ann Lee (kept in the journal, no longer planned).\n"
    )
    [kept] = json.loads(run_cli("list", "outreach", "--json").stdout)
    assert (kept["id"], kept["status"]) == (plan["id"], "dropped")
    assert json.loads(run_cli("review", "--json").stdout) == []
    assert json.loads(run_cli("list", "interactions", "--json").stdout) == []
    again = one_line_error(run_cli("drop", plan["id"]))
    assert again == "netjournal: 'Follow up with Ann Lee' is already dropped."


def test_done_and_snooze_refuse_what_they_cannot_do(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    prepare(journal_dir, "add", "outreach", "follow-up", "--to", "ann", "--due", "today")
    assert "No planned outreach has the id 'zzz'" in one_line_error(run_cli("done", "zzz"))
    assert "not a planned outreach" in one_line_error(run_cli("done", "cold:abc"))
    outreach = json.loads(run_cli("list", "outreach", "--json").stdout)[0]
    assert "after today" in one_line_error(
        run_cli("snooze", outreach["id"], "--until", "yesterday")
    )
    assert run_cli("done", outreach["id"]).returncode == 0
    # Done again (a retry after an error): it says so, logs nothing, and is no error.
    again = run_cli("done", outreach["id"])
    assert (again.returncode, again.stderr) == (0, "")
    assert again.stdout == (
        f"'Follow up with Ann Lee' is already done on {date.today().isoformat()}; "
        "nothing was logged.\n"
    )
    assert len(json.loads(run_cli("list", "interactions", "--json").stdout)) == 1


def test_suggest_ranks_people_and_marks_who_has_it(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Priya Raman", "--need", "payback under three years")
    prepare(journal_dir, "add", "person", "Yuki Tanaka", "--expertise", "pallet robots")
    prepare(journal_dir, "add", "person", "Dan Wu", "--interest", "jazz")
    prepare(
        journal_dir,
        "add",
        "learning",
        "Pallet robots cut picking time",
        "-m",
        "Payback in under three years.",
    )
    prepare(journal_dir, "log", "yuki", "-m", "Sent the article", "--shared", "pallet robots")
    prepare(journal_dir, "add", "outreach", "share", "--to", "dan", "--learning", "pallet")
    found = json.loads(run_cli("suggest", "palet robots", "--json").stdout)
    assert [(f["name"], f["shared"], f["planned"]) for f in found] == [
        ("Priya Raman", False, False),
        ("Yuki Tanaka", True, False),
    ]  # Dan has a share planned but nothing in common: no reason to suggest him (issue 15)
    assert found[0]["reasons"] == ["need: payback under three years"]
    assert set(found[0]) == {"id", "name", "score", "reasons", "shared", "planned"}
    listed = read_table(run_cli("suggest", "palet robots").stdout)
    assert [row["Name"] for row in listed] == ["Priya Raman", "Yuki Tanaka (has it)"]


def test_skip_leaves_an_item_out_of_todays_review_only(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Victor Almeida", "--prospect")
    prepare(journal_dir, "add", "person", "Vera Lind", "--prospect")
    queue = {item["title"]: item["id"] for item in ok_json(run_cli("review", "--json"))}
    assert set(queue) == {"Victor Almeida", "Vera Lind"}
    ambiguous = run_cli("skip", "prospect:")
    assert ambiguous.returncode == 2
    assert one_line_error(ambiguous).startswith("netjournal: 'prospect:' starts the ids of 2 ")

    skipped = run_cli("skip", queue["Victor Almeida"])

    assert skipped.stdout == "Skipped for today: Victor Almeida.\n", skipped.stderr
    assert [i["title"] for i in ok_json(run_cli("review", "--json"))] == ["Vera Lind"]
    tomorrow = (date.today() + timedelta(days=1)).isoformat()
    back = ok_json(run_cli("review", "--date", tomorrow, "--json"))
    assert {i["title"] for i in back} == {"Victor Almeida", "Vera Lind"}
    assert one_line_error(run_cli("skip", queue["Victor Almeida"])) == (
        f"netjournal: '{queue['Victor Almeida']}' is already skipped for today."
    )
    assert one_line_error(run_cli("skip", "cold:nobody")) == (
        "netjournal: Today's review has no item 'cold:nobody'; `netjournal review` lists them."
    )
