"""Network (5), prospects and drills: coverage rows that act, bring-in in one key, a drill."""

from __future__ import annotations

from datetime import timedelta
from pathlib import Path

from textual.widgets import Input, Sparkline

from netjournal.core.drills import load_history
from netjournal.core.records import Interaction, Outreach, Person
from netjournal.tui.screens.drill import DrillScreen
from netjournal.tui.screens.outreach_form import OutreachForm
from netjournal.tui.screens.people import PeopleScreen
from tests.tui.support import (
    SIZE,
    TODAY,
    detail_text,
    field_value,
    make_app,
    paste,
    reopen,
    settle,
    static_text,
    table,
    wait_loaded,
    wait_until,
)

ANN = Person.create(name="Ann Lee", kind="internal", department="Sales", influence=2,
                    expertise=["pricing data"])  # fmt: skip
BOB = Person.create(name="Bob Stone", kind="internal", department="Sales", org="Northwind")
VIC = Person.create(name="Victor Almeida", kind="internal", department="Legal", influence=3,
                    status="prospect", org="Northwind", expertise=["export control"])  # fmt: skip
CUS = Person.create(name="[bold]Cid[/", kind="customer", department="Purchasing", org="Contoso")
TALKS = [
    Interaction.create(date=TODAY - timedelta(days=d), person_ids=[p.id], summary="Coffee")
    for d, p in ((3, ANN), (40, BOB), (10, CUS))
]


async def test_the_network_area_shows_coverage_and_every_row_acts(journal_dir: Path) -> None:
    app = make_app(journal_dir, ANN, BOB, VIC, CUS, *TALKS)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await pilot.press("5")
        network = app.screen
        await wait_until(pilot, lambda: network.insights is not None, what="the insights")
        await settle(pilot)
        rows = [(r.key, r.cells[0], r.cells[1]) for r in table(network).rows if not r.heading]
        assert rows[:2] == [
            ("dept:Legal", "Legal", "INVISIBLE: nobody connected · 1 prospect · power up to executive"),
            ("dept:Sales", "Sales", "2 connected · power up to senior"),
        ]  # fmt: skip
        assert ("power:" + ANN.id, "Ann Lee", "senior, Sales; 3 days ago") in rows
        assert all("Purchasing" not in r[1] for r in rows)  # a customer's department is theirs
        mix = static_text(network, "#network-mix")
        assert mix.startswith(
            "3 connected, 1 prospect · 67% inside Northwind (inferred; set "
            "organization in config.toml)"
        )  # named, and said it is a guess
        assert network.query_one("#talks", Sparkline).data[-2:] == [1, 2]  # Oct, Nov

        # p on an invisible department with a prospect: plan to bring them in.
        await pilot.press("p")
        await settle(pilot)
        assert isinstance(app.screen, OutreachForm)
        assert (field_value(app.screen, "people"), app.screen.values()["kind"]) == (
            "Victor Almeida", "bring-in"
        )  # fmt: skip
        await pilot.press("escape")
        await settle(pilot)

        # enter on a department shows its people in People, filtered.
        await pilot.press("down", "enter")
        await settle(pilot)
        people = app.screen
        assert isinstance(people, PeopleScreen)
        assert people.query_one("#filter", Input).value == 'kind:internal dept:"Sales"'
        assert sorted(r.cells[0] for r in table(people).rows) == ["Ann Lee", "Bob Stone"]


async def test_b_plans_a_bring_in_for_a_prospect_via_the_best_introducer(journal_dir: Path) -> None:
    app = make_app(journal_dir, ANN, BOB, VIC, *TALKS)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        people = app.screen
        people.select(VIC.id)
        await settle(pilot)
        assert "How to bring them in (b plans it)\nAsk Bob Stone  also at Northwind" in (
            detail_text(people)
        )
        await pilot.press("b")
        await settle(pilot)
    [plan] = reopen(journal_dir).all(Outreach)
    assert (plan.kind, plan.title, plan.person_ids, plan.due) == (
        "bring-in", "Bring in Victor Almeida via Bob Stone", (VIC.id,), TODAY + timedelta(weeks=1)
    )  # fmt: skip


async def test_a_drill_session_compares_answers_and_plans_for_a_gap(journal_dir: Path) -> None:
    app = make_app(journal_dir, ANN, BOB, VIC, *TALKS)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.push_screen(DrillScreen(seed=7))
        await settle(pilot)
        drill = app.screen
        asked = [q.topic for q in drill.questions]
        assert {"pricing data", "export control"} <= set(asked)
        assert set(asked) <= {"pricing data", "export control", "Sales", "Legal", "Northwind"}
        answered = 0
        while answered < len(asked):
            topic = drill.questions[answered].topic
            if topic == "pricing data":
                await paste(pilot, "ann")  # the expert: the journal agrees
            await pilot.press("enter")
            await settle(pilot)
            answer = drill.answers[-1]
            text = static_text(drill, "#drill-answer")
            if topic == "pricing data":
                assert answer.agreed and "Same as the journal." in text
                assert not app.active_bindings["g"].enabled  # no gap to plan for
            if topic == "export control":  # only a prospect knows it: bring them in
                assert not answer.covered
                assert (
                    "g plans an outreach (Bring in Victor Almeida (knows export control))" in text
                )
                assert app.active_bindings["g"].enabled
                await pilot.press("g")
                await settle(pilot)
                assert not app.active_bindings["g"].enabled  # planned once
            answered += 1
            await pilot.press("enter")
            await settle(pilot)
        assert static_text(drill, "#progress") == "Drill done"
        assert static_text(drill, "#drill-question").startswith(
            f"You knew whom to ask for 1 of {len(asked)} topics;"
        )
        # A second drill, answered "nobody" throughout: the history shows the drop.
        await pilot.press("escape")
        app.push_screen(DrillScreen(seed=8))
        await settle(pilot)
        second = app.screen
        for _ in second.questions:
            await pilot.press("enter")
            await settle(pilot)
            await pilot.press("enter")
            await settle(pilot)
        share = round(100 / len(asked))
        assert static_text(second, "#drill-answer") == (
            f"You knew whom to ask, by session: {share}% ({TODAY}) → 0% ({TODAY})"
        )
    first_session, _ = load_history(reopen(journal_dir))
    assert (first_session.asked, first_session.knew, first_session.day) == (len(asked), 1, TODAY)
    [plan] = reopen(journal_dir).all(Outreach)
    assert (plan.kind, plan.person_ids) == ("bring-in", (VIC.id,))
