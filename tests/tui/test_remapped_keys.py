"""Keys remapped in config.toml show everywhere a key is named: the footer, help (?), the
palette, hint lines, empty lists, detail hints and toasts; the old keys no longer do.

The app reads config.toml from the test's own folder (NETJOURNAL_CONFIG_DIR, see conftest).
"""

from __future__ import annotations

import ast
import re
from pathlib import Path
from typing import Any

from textual.command import CommandList, CommandPalette
from textual.pilot import Pilot
from textual.screen import Screen
from textual.widgets import Input, Static

from netjournal.core.config import load_config
from netjournal.core.demo import build_demo
from netjournal.core.records import Person
from netjournal.core.store import Store
from netjournal.tui.app import NetjournalApp
from netjournal.tui.keys import PALETTE, PLACEHOLDER
from netjournal.tui.screens.help import HelpScreen
from netjournal.tui.screens.people import PeopleScreen
from netjournal.tui.screens.review import ReviewScreen
from netjournal.tui.widgets.key_footer import KeyFooter
from tests.tui.support import (
    SIZE,
    TODAY,
    area,
    detail_text,
    record_notifications,
    static_text,
    table,
    wait_loaded,
    wait_until,
)


def remapped_app(journal_dir: Path, keys: dict[str, str]) -> NetjournalApp:
    """An app on `journal_dir` whose config.toml remaps `keys` (binding id -> keys)."""
    path = journal_dir.parent / "config" / "config.toml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        "[keys]\n" + "".join(f'"{i}" = "{k}"\n' for i, k in keys.items()), encoding="utf-8"
    )
    return NetjournalApp(Store.open(journal_dir), config=load_config(path), day=lambda: TODAY)


def footer_keys(screen: Screen[Any]) -> list[str]:
    """What the footer shows, one "key description" string per item."""
    return [item.text for item in screen.query_one(KeyFooter).shown()]


def help_lines(pilot: Pilot[Any]) -> list[str]:
    return str(pilot.app.screen.query_one(Static).content).splitlines()


def help_row(lines: list[str], description: str) -> str:
    """The keys column of help's row for `description` ("↓, v" for Down)."""
    [row] = [line for line in lines if line[18:].strip() == description]
    return row[:18].strip()


async def palette_hit(pilot: Pilot[Any], typed: str, name: str) -> str:
    """Type into the palette and return the hit for `name` ("Add\\nkey: n")."""
    await pilot.press("ctrl+p")
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, CommandPalette))
    await pilot.press(*typed)
    hits = pilot.app.screen.query_one(CommandList)

    def found() -> str:
        prompts = [str(hits.get_option_at_index(i).prompt) for i in range(hits.option_count)]
        return next((p for p in prompts if p.splitlines()[0] == name), "")

    await wait_until(pilot, found, what=f"{name!r} in the palette")
    hit = found()
    await pilot.press("escape")
    await pilot.pause()
    return hit


async def test_remapped_keys_show_in_the_footer_help_palette_and_hints(journal_dir: Path) -> None:
    build_demo(Store.open(journal_dir), TODAY)
    keys = {"people.add": "n", "review.done": "o", "list.down": "v"}
    app = remapped_app(journal_dir, keys)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        people = app.screen
        assert isinstance(people, PeopleScreen)

        footer = footer_keys(people)
        assert "n Add" in footer and "a Add" not in footer, footer

        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), what="help")
        lines = help_lines(pilot)
        assert help_row(lines, "Add") == "n"
        assert help_row(lines, "Down") == "↓, v"  # the arrow stays; j is now v
        assert help_row(lines, "Up") == "↑, k"
        assert any(line.startswith("Lists: arrows or v/k move") for line in lines), lines
        assert not any("j/k" in line for line in lines)
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is people

        assert await palette_hit(pilot, "Add", "Add") == "Add\nkey: n"

        # The remapped list key moves the cursor, as the hint says.
        cursor = table(people).cursor
        await pilot.press("v")
        assert table(people).cursor == cursor + 1

        review = await area(pilot, "4")
        assert isinstance(review, ReviewScreen)
        await wait_until(pilot, lambda: table(review).rows, what="the review queue")
        hint = static_text(review, "#review-keys")
        assert hint.startswith("o done (u takes back) · z snooze"), hint
        assert "d done" not in hint and hint.endswith("⏎ open")
        footer = footer_keys(review)
        assert "o Done" in footer and "d Done" not in footer, footer
        assert await palette_hit(pilot, "Done", "Done") == "Done\nkey: o"

        await pilot.press("question_mark")
        await wait_until(pilot, lambda: isinstance(app.screen, HelpScreen), what="help")
        assert help_row(help_lines(pilot), "Done") == "o"
        await pilot.press("escape")
        await pilot.pause()

        # The toast for a person (o is for planned outreach) names the remapped key.
        notes = record_notifications(app)
        rows = table(review)
        while rows.rows[rows.cursor].cells[0] in ("outreach", "share"):  # the first column: kind
            await pilot.press("v")
        await pilot.press("o")
        await pilot.pause()
        assert notes.messages()[-1].startswith("o finishes planned outreach"), notes.messages()


async def test_remapped_keys_show_in_empty_lists_and_detail_hints(journal_dir: Path) -> None:
    Store.open(journal_dir).add(Person.create(name="Ann Lee"))
    # "[" would be markup if the text were parsed: it must show as itself.
    keys = {"people.log": "L", "people.filter": "F", "journal.add": "w",
            "outreach.add": "left_square_bracket"}  # fmt: skip
    app = remapped_app(journal_dir, keys)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        people = app.screen
        assert "Nothing logged yet: press L to log an interaction." in detail_text(people)
        assert people.query_one("#filter", Input).placeholder.endswith("dept:sales (F)")

        journal = await area(pilot, "2")
        empty = static_text(journal, "#empty")
        assert empty.startswith("No learnings yet. Press w to write down"), empty

        outreach = await area(pilot, "3")
        empty = static_text(outreach, "#empty")
        assert empty.startswith("Nothing planned. Press [ to plan"), empty


def test_every_key_named_in_the_apps_text_is_a_binding_id() -> None:
    """A placeholder with a typo would show as "{people.ad}": every one names a real binding."""
    package = Path(__file__).parents[2] / "netjournal" / "tui"
    sources = [path.read_text(encoding="utf-8") for path in package.rglob("*.py")]
    declared = {PALETTE} | {i for s in sources for i in re.findall(r'\bid="([a-z_.]+)"', s)}
    trees = [ast.parse(source) for source in sources]
    docstrings = {  # they describe placeholders ("{binding.id}"); they are never shown
        id(node.body[0].value)
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef)
        and node.body and isinstance(node.body[0], ast.Expr)
    }  # fmt: skip
    named = {
        match
        for tree in trees
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant) and isinstance(node.value, str)
        and id(node) not in docstrings
        for match in PLACEHOLDER.findall(node.value)
    }  # fmt: skip
    assert "people.add" in named and "list.down" in named
    assert named - declared == set()
