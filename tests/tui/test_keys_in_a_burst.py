"""Keys typed faster than the app answers (tmux, a quick typist) land where they were typed.

Each burst is queued whole, as the terminal driver queues what it reads in one go: the key that
opens a form, then the words, then the key that saves. What is saved is exactly what was typed.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from textual import events
from textual.pilot import Pilot

from netjournal.core.records import Person
from tests.tui.support import SIZE, make_app, reopen, settle, wait_loaded, wait_until

SPECIAL = {" ": ("space", " "), "\n": ("enter", "\r"), "\t": ("tab", "\t")}


def burst(pilot: Pilot[Any], *parts: str) -> None:
    """Queue every key of `parts` at once: a part is words, or a key name such as "ctrl+s"."""
    for part in parts:
        if part.startswith("ctrl+"):
            pilot.app.post_message(events.Key(part, None))
            continue
        for character in part:
            key, typed = SPECIAL.get(character, (character, character))
            pilot.app.post_message(events.Key(key, typed))


async def test_a_then_a_name_then_ctrl_s_saves_the_whole_name(journal_dir: Path) -> None:
    app = make_app(journal_dir, Person.create(name="Ann Archer"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        burst(pilot, "a", "Dana Kowalski", "ctrl+s")
        await wait_until(pilot, lambda: len(reopen(journal_dir).people()) == 2, what="the save")
        await settle(pilot)
    assert sorted(p.name for p in reopen(journal_dir).people()) == ["Ann Archer", "Dana Kowalski"]


async def test_l_then_the_words_then_ctrl_s_logs_them_whole(journal_dir: Path) -> None:
    app = make_app(journal_dir, Person.create(name="Ann Archer"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        burst(pilot, "l", "Coffee about the pilot", "ctrl+s")
        await wait_until(pilot, lambda: reopen(journal_dir).interactions(), what="the talk")
        await settle(pilot)
    [talk] = reopen(journal_dir).interactions()
    assert talk.summary == "Coffee about the pilot"
    assert talk.channel == "coffee"


async def test_c_then_a_show_and_a_person_in_one_burst_saves_them(journal_dir: Path) -> None:
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        burst(pilot, "c", "Expo X\n", "Hannah Fischer\n", "Fabrikam\n", "Shuttle pilot", "ctrl+s")
        await wait_until(pilot, lambda: reopen(journal_dir).people(), what="the capture")
        await settle(pilot)
    [person] = reopen(journal_dir).people()
    assert (person.name, person.org, person.met_via) == ("Hannah Fischer", "Fabrikam", "Expo X")
    [talk] = reopen(journal_dir).interactions()
    assert talk.summary == "Shuttle pilot"


def burst_keys(pilot: Pilot[Any], *keys: str) -> None:
    """Queue `keys` at once: each a character, or a key name ("backspace", "ctrl+u")."""
    for key in keys:
        character = key if len(key) == 1 else {"backspace": "\x7f"}.get(key)
        pilot.app.post_message(events.Key(key, character))


async def test_a_search_typed_erased_and_retyped_in_one_burst_is_what_was_typed(
    journal_dir: Path,
) -> None:
    from textual.widgets import Input

    app = make_app(journal_dir, Person.create(name="Priya Raman", expertise="pricing"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        burst_keys(pilot, "slash", *"supply", *["backspace"] * 6, *"pricing")
        await settle(pilot)
        box = app.screen.query_one("#query", Input)
        await wait_until(pilot, lambda: box.value == "pricing", what=f"'pricing', not {box.value!r}")
        burst_keys(pilot, *" chain", "ctrl+u", *"raman")
        await wait_until(pilot, lambda: box.value == "raman", what=f"'raman', not {box.value!r}")

