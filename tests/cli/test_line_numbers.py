"""Short handles: `review` and `list outreach` number their lines, and `done`, `skip`, `snooze`
and `drop` take that number for the rest of the day; a number that no longer means what was
shown is refused with one sentence and nothing changes. Real subprocesses."""

from __future__ import annotations

import json
from datetime import date, timedelta
from pathlib import Path

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Outreach, Person
from netjournal.core.store import Store
from tests.cli.support import RunCli, ok_json, one_line_error, snapshot
from tests.cli.table_text import read_table

NUMBERS = Path(".cache/line-numbers.json")


def three_plans(journal_dir: Path) -> list[Outreach]:
    """Ann with three open plans (due two days ago, today, in a week) and one done."""
    day = date.today()
    ann = Person.create(name="Ann Lee")
    plans = [
        plan_outreach("follow-up", [ann], due=day - timedelta(days=2), title="Send the quote"),
        plan_outreach("reconnect", [ann], due=day, title="Call about the pilot"),
        plan_outreach("ask", [ann], due=day + timedelta(days=7), title="Ask for an intro"),
    ]
    finished = plan_outreach("ask", [ann], due=day, title="Old ask").edit(
        status="done", done_at=day
    )
    Store.open(journal_dir).add(ann, *plans, finished)
    return plans


def status_of(journal_dir: Path, plan: Outreach) -> str:
    stored = Store.open(journal_dir).get(Outreach, plan.id)
    assert stored is not None
    return stored.status


def test_list_outreach_numbers_open_plans_and_done_takes_the_number(
    run_cli: RunCli, journal_dir: Path
) -> None:
    quote, call, intro = three_plans(journal_dir)

    rows = read_table(run_cli("list", "outreach").stdout)
    assert [(row["#"], row["Title"]) for row in rows] == [
        ("1", "Send the quote"), ("2", "Call about the pilot"), ("3", "Ask for an intro"),
        ("", "Old ask"),  # done: no number
    ]  # fmt: skip
    done = run_cli("done", "2")
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Done: Call about the pilot")
    assert status_of(journal_dir, call) == "done"
    assert status_of(journal_dir, quote) == status_of(journal_dir, intro) == "open"

    dropped = run_cli("drop", "3")
    assert dropped.stdout.startswith("Dropped: Ask for an intro")
    assert status_of(journal_dir, intro) == "dropped"
    assert status_of(journal_dir, quote) == "open"


def test_review_numbers_its_lines_for_skip_snooze_and_done(
    run_cli: RunCli, journal_dir: Path
) -> None:
    quote, call, _intro = three_plans(journal_dir)
    bob = Person.create(name="Bob Stone", kind="customer")  # monthly, last seen in spring
    lunch = Interaction.create(date=date.today() - timedelta(days=200), person_ids=[bob.id],
                               summary="Lunch")  # fmt: skip
    Store.open(journal_dir).add(bob, lunch)

    queue = ok_json(run_cli("review", "--json"))
    rows = read_table(run_cli("review").stdout)
    assert [row["#"] for row in rows] == [str(n) for n in range(1, len(queue) + 1)]
    assert [row["Id"] for row in rows] == [item["id"] for item in queue]
    number = {row["Id"]: row["#"] for row in rows}

    skipped = run_cli("skip", number[quote.id])
    assert skipped.stdout == "Skipped for today: Send the quote.\n"
    assert quote.id not in {i["id"] for i in ok_json(run_cli("review", "--json"))}
    # The numbers shown stay meant until listed again: the skip did not renumber them.
    snoozed = run_cli("snooze", number[f"cold:{bob.id}"], "--until", "+1w")
    assert snoozed.stdout.startswith("Quiet until"), snoozed.stderr
    quiet = Store.open(journal_dir).get(Person, bob.id)
    assert quiet is not None and quiet.quiet_until == date.today() + timedelta(days=7)
    assert run_cli("done", number[call.id]).returncode == 0
    assert status_of(journal_dir, call) == "done"


def test_a_number_whose_plan_was_done_or_removed_since_is_refused(
    run_cli: RunCli, journal_dir: Path
) -> None:
    quote, call, intro = three_plans(journal_dir)
    assert run_cli("list", "outreach").returncode == 0
    assert run_cli("done", call.id).returncode == 0  # by its id, in another window
    Store.open(journal_dir).delete(intro)  # and this one removed
    before = snapshot(journal_dir)

    line = one_line_error(run_cli("done", "2"))
    assert "Call about the pilot" in line and "done now" in line and "nothing was changed" in line
    line = one_line_error(run_cli("snooze", "3", "--until", "fri"))
    assert intro.id in line and "no longer in the journal" in line
    one_line_error(run_cli("skip", "3"))
    assert snapshot(journal_dir) == before
    assert status_of(journal_dir, quote) == "open"  # line 1 was never touched

    # Listed again, the numbers are today's: line 1 is still the quote, nothing else is open.
    assert [r["#"] for r in read_table(run_cli("list", "outreach").stdout) if r["#"]] == ["1"]
    assert "there is no line 2" in one_line_error(run_cli("done", "2"))


def test_stale_numbers_are_refused_with_one_sentence(run_cli: RunCli, journal_dir: Path) -> None:
    three_plans(journal_dir)
    before = snapshot(journal_dir)

    line = one_line_error(run_cli("done", "1"))  # nothing was ever listed on this device
    assert "no numbered list" in line and "netjournal review" in line
    assert snapshot(journal_dir) == before
    ok_json(run_cli("list", "outreach", "--json"))  # scripts get ids: JSON numbers nothing
    one_line_error(run_cli("done", "1"))

    assert run_cli("list", "outreach").returncode == 0
    numbers = journal_dir / NUMBERS
    kept = json.loads(numbers.read_text(encoding="utf-8"))
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    numbers.write_text(json.dumps({**kept, "day": yesterday}), encoding="utf-8")  # a day passed
    before = snapshot(journal_dir)

    line = one_line_error(run_cli("drop", "1"))
    assert f"shown on {yesterday}" in line and "nothing was changed" in line
    assert snapshot(journal_dir) == before


def test_a_review_of_another_day_numbers_nothing(run_cli: RunCli, journal_dir: Path) -> None:
    three_plans(journal_dir)
    assert run_cli("list", "outreach").returncode == 0
    kept = (journal_dir / NUMBERS).read_bytes()

    text = run_cli("review", "--date", "+7d").stdout
    assert text.splitlines()[0].split()[:2] == ["Kind", "Title"]  # no # column
    assert (journal_dir / NUMBERS).read_bytes() == kept  # today's numbers still mean the same


def test_an_id_made_of_digits_still_works_when_no_list_has_that_number(
    run_cli: RunCli, journal_dir: Path
) -> None:
    ann = Person.create(name="Ann Lee")
    plan = plan_outreach("follow-up", [ann], title="Digits")
    digits = Outreach.build(**{**plan.known_fields(), "id": "2345678923"})
    Store.open(journal_dir).add(ann, digits)

    # Two digits are a line number, whatever an id starts with: no list, so refused.
    assert "no numbered list" in one_line_error(run_cli("done", "23"))
    assert status_of(journal_dir, digits) == "open"
    done = run_cli("done", "2345")  # the start of its id, as before numbers existed
    assert done.returncode == 0, done.stderr
    assert status_of(journal_dir, digits) == "done"


def test_listing_never_creates_a_journal(run_cli: RunCli, journal_dir: Path) -> None:
    assert run_cli("list", "outreach").returncode == 0
    assert run_cli("review").returncode == 0
    assert not journal_dir.exists()
