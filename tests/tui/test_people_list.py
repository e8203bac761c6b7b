"""The People list: sorted by name with last contact, j/k and arrows, the filter."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from textual.widgets import Input

from netjournal.core.names import fold
from netjournal.core.records import Person
from tests.tui.support import (
    SIZE,
    detail_text,
    make_app,
    paste,
    reopen,
    settle,
    table,
    wait_loaded,
)


def expected_rows(journal_dir: Path) -> list[tuple[str, str]]:
    """(name as listed, last contact) for every person on disk, in the order the list shows."""
    store = reopen(journal_dir)
    last: dict[str, str] = {}
    for interaction in store.interactions():
        for person_id in interaction.person_ids:
            last[person_id] = max(last.get(person_id, ""), interaction.date.isoformat())
    people = sorted(store.people(), key=lambda p: p.name.casefold())
    return [(p.name + (" ◇" if p.is_prospect else ""), last.get(p.id, "never")) for p in people]


async def test_people_are_sorted_by_name_with_their_last_contact(journal_dir: Path) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        rows = table(app.screen).rows
        assert [(row.cells[0], row.cells[3]) for row in rows] == expected_rows(journal_dir)
        assert any(row.cells[3] == "never" for row in rows)  # prospects were never met
        assert any(row.dim for row in rows)  # and are shown dimmed


async def test_j_k_and_arrows_move_the_cursor_and_the_detail_follows(journal_dir: Path) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        people = reopen(journal_dir).people()
        names = {p.id: p.name for p in people}
        records = table(screen)
        assert records.cursor == 0
        moves = [("j", 1), ("down", 2), ("down", 3), ("k", 2), ("up", 1), ("up", 0), ("k", 0)]
        for key, where in moves:
            await pilot.press(key)
            await pilot.pause()
            assert records.cursor == where, f"after {key}"
            key_now = records.current_key
            assert key_now == records.rows[where].key
            assert detail_text(screen).splitlines()[0] == names[key_now]
        await pilot.press("G")
        await pilot.pause()
        assert records.cursor == len(people) - 1
        await pilot.press("g")
        await pilot.pause()
        assert records.cursor == 0


def _field_starts(person: Person, field: str, wanted: str) -> bool:
    value = getattr(person, field)
    values = value if isinstance(value, tuple) else (value,)
    return any(fold(item).startswith(wanted) for item in values)


def _has_words(person: Person, words: str) -> bool:
    text = fold(
        " ".join(
            (
                person.name,
                person.org,
                person.department,
                person.role,
                *person.interests,
                *person.expertise,
                *person.needs,
                *person.tags,
            )
        )
    )
    return all(word in text for word in words.split())


FILTERS: list[tuple[str, Callable[[Person], bool]]] = [
    ("dept:sales", lambda p: _field_starts(p, "department", "sales")),
    ("tag:logimat", lambda p: "logimat" in p.tags),
    ("north oper", lambda p: _has_words(p, "north oper")),  # plain words, all must match
]


async def test_the_filter_narrows_the_rows_and_escape_clears_it(journal_dir: Path) -> None:
    app = make_app(journal_dir, demo=True)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        screen = app.screen
        everyone = {p.id: p for p in reopen(journal_dir).people()}
        records = table(screen)
        box = screen.query_one("#filter", Input)

        def shown() -> set[str]:
            return {row.key for row in records.rows}

        def expected(check: Callable[[Person], bool]) -> set[str]:
            return {p.id for p in everyone.values() if check(p)}

        assert shown() == set(everyone)
        # Typed key by key, the list narrows as you type.
        await pilot.press("f")
        await pilot.pause()
        assert app.focused is box
        await pilot.press(*"kind:customer")
        await settle(pilot)
        customers = expected(lambda p: p.kind == "customer")
        assert 0 < len(customers) < len(everyone)
        assert shown() == customers
        assert everyone[records.current_key or ""].kind == "customer"  # the detail follows
        assert detail_text(screen).splitlines()[0] == everyone[records.rows[0].key].name
        await pilot.press("escape")
        await settle(pilot)
        assert box.value == ""
        assert shown() == set(everyone)
        assert app.focused is records

        # Far down the list, a filter still puts the cursor on its first match, ready for enter.
        await pilot.press(*"jjjjjjjjjjjj", "f", *"ann")
        await settle(pilot)
        assert len(records.rows) > 1 and records.current_key == records.rows[0].key
        assert detail_text(screen).splitlines()[0] == everyone[records.rows[0].key].name
        await pilot.press("escape")
        await settle(pilot)

        for typed, check in FILTERS:
            await pilot.press("f")
            await paste(pilot, typed)
            await settle(pilot)
            wanted = expected(check)
            assert 0 < len(wanted) < len(everyone), typed
            assert shown() == wanted, typed
            await pilot.press("escape")
            await settle(pilot)
            assert (box.value, shown()) == ("", set(everyone)), typed

        # Enter goes back to the list and keeps the filter; list keys work again.
        await pilot.press("f")
        await paste(pilot, "kind:supplier")
        await pilot.press("enter")
        await settle(pilot)
        assert app.focused is records
        suppliers = expected(lambda p: p.kind == "supplier")
        assert len(suppliers) > 1
        await pilot.press("g", "j")
        assert records.cursor == 1  # moved the cursor, was not typed into the filter
        assert box.value == "kind:supplier"
        assert shown() == suppliers
        await pilot.press("escape")
        await settle(pilot)
        assert shown() == set(everyone)
