"""Themes (built-in and the user's), the remembered choice, and keys remapped in config.toml.

Every test runs against NETJOURNAL_CONFIG_DIR = tmp_path/"config" (tests/conftest.py).
Assertions are on state: app.theme, the screen shown, config.toml, and the notifications the
app asked for (recorded by wrapping `app.notify`, which still shows them).
"""

from __future__ import annotations

import re
import time
import tomllib
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import pytest
from textual.color import Color
from textual.command import CommandPalette
from textual.pilot import Pilot
from textual.widgets import OptionList

from netjournal.core.config import load_config
from netjournal.core.locations import user_themes_folder
from netjournal.core.store import Store
from netjournal.tui.app import NetjournalApp
from netjournal.tui.themes import (
    DEFAULT_THEME,
    ThemeFileError,
    builtin_themes_folder,
    fits_stylesheet,
    read_theme_folders,
    theme_from_table,
)

SIZE = (120, 40)
BUILTIN = ("netjournal-dark", "netjournal-light", "netjournal-high-contrast")

GOOD_USER_THEME = """\
name = "harbour"
primary = "#2E86AB"
accent = "#F18F01"
background = "#0B1D2A"
dark = true

[variables]
block-cursor-background = "#2E86AB"
"""


@dataclass
class Recorded:
    calls: list[dict[str, Any]] = field(default_factory=list)

    def warnings(self) -> list[dict[str, Any]]:
        return [call for call in self.calls if call["severity"] == "warning"]


def record_notifications(app: NetjournalApp) -> Recorded:
    """Record every `app.notify` call (and still show it)."""
    recorded = Recorded()
    original = app.notify

    def notify(message: str, **kwargs: Any) -> None:
        recorded.calls.append({"message": str(message), "severity": "information", **kwargs})
        original(message, **kwargs)

    app.notify = notify  # type: ignore[method-assign]
    return recorded


def config_path(tmp_path: Path) -> Path:
    return tmp_path / "config" / "config.toml"


def new_app(tmp_path: Path) -> NetjournalApp:
    return NetjournalApp(
        Store.open(tmp_path / "journal"), config=load_config(config_path(tmp_path))
    )


async def wait_until(pilot: Pilot[Any], ready: Callable[[], object], what: str) -> None:
    deadline = time.monotonic() + 5
    while not ready():
        assert time.monotonic() < deadline, f"timed out waiting for {what}"
        await pilot.pause(0.05)


async def settle(pilot: Pilot[Any]) -> None:
    for _ in range(3):
        await pilot.pause()
        await pilot.app.workers.wait_for_complete()


def top_hit(app: NetjournalApp) -> str:
    """The plain text of the highlighted hit in the open command palette ("" if none)."""
    lists = app.screen.query(OptionList)
    option = lists.first().highlighted_option if lists else None
    return str(option.prompt) if option is not None else ""


def remembered_theme(tmp_path: Path) -> object:
    return tomllib.loads(config_path(tmp_path).read_text(encoding="utf-8")).get("theme")


def write_user_theme(file_name: str, text: str) -> Path:
    folder = user_themes_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / file_name
    path.write_text(text, encoding="utf-8")
    return path


def contrast(one: str, other: str) -> float:
    """WCAG contrast ratio of two opaque colours."""

    def luminance(colour: str) -> float:
        def channel(value: int) -> float:
            c = value / 255
            return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

        r, g, b = Color.parse(colour).rgb
        return 0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)

    high, low = sorted((luminance(one), luminance(other)), reverse=True)
    return (high + 0.05) / (low + 0.05)


# Built-in themes


def test_the_builtin_themes_load_and_validate() -> None:
    found = read_theme_folders([builtin_themes_folder()])
    assert found.problems == []
    assert set(BUILTIN) <= set(found.themes)
    assert found.themes["netjournal-dark"].dark
    assert not found.themes["netjournal-light"].dark
    for name in BUILTIN:
        theme = found.themes[name]
        assert theme.foreground and theme.background
        assert contrast(theme.foreground, theme.background) >= 7, name


def test_the_high_contrast_theme_is_black_and_white_with_a_bright_accent() -> None:
    theme = read_theme_folders([builtin_themes_folder()]).themes["netjournal-high-contrast"]
    assert Color.parse(theme.background or "") == Color.parse("#000000")
    assert Color.parse(theme.foreground or "") == Color.parse("#FFFFFF")
    assert contrast(theme.accent or "", "#000000") >= 15
    assert contrast(theme.variables["text-muted"], "#000000") >= 7


async def test_the_app_starts_in_netjournal_dark_and_every_builtin_theme_applies(
    tmp_path: Path,
) -> None:
    app = new_app(tmp_path)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == DEFAULT_THEME
        assert set(BUILTIN) <= set(app.available_themes)
        for name in BUILTIN:
            app.theme = name
            for key in "12345":  # every area's CSS is parsed with the theme's variables
                await pilot.press(key)
                await pilot.pause()
            assert app.theme == name
            assert fits_stylesheet(app, app.current_theme)
        await pilot.press("question_mark")  # and the help screen's
        await settle(pilot)
    assert seen.warnings() == []


# The chosen theme is remembered


async def test_setting_the_theme_writes_config_and_the_next_start_uses_it(
    tmp_path: Path,
) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert not config_path(tmp_path).exists()  # starting writes nothing
        app.theme = "netjournal-light"
        await settle(pilot)
    assert remembered_theme(tmp_path) == "netjournal-light"
    assert config_path(tmp_path).stat().st_mode & 0o777 == 0o600
    assert config_path(tmp_path).parent.stat().st_mode & 0o777 == 0o700

    again = new_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "netjournal-light"
        assert again.current_theme.dark is False


async def test_the_palette_theme_command_switches_and_remembers(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("ctrl+p")
        await wait_until(pilot, lambda: isinstance(app.screen, CommandPalette), "the palette")
        palette = app.screen
        await pilot.press(*"theme")
        # The palette searches in the background: wait for the best hit, then pick it.
        await wait_until(pilot, lambda: top_hit(app).startswith("Theme\n"), "the Theme command")
        await pilot.press("enter")
        # "Theme" opens a second palette listing the registered themes.
        await wait_until(
            pilot,
            lambda: isinstance(app.screen, CommandPalette) and app.screen is not palette,
            "the theme list",
        )
        await pilot.press(*"high")
        await wait_until(pilot, lambda: top_hit(app) == "netjournal-high-contrast", "the hit")
        await pilot.press("enter")
        await wait_until(pilot, lambda: app.theme == "netjournal-high-contrast", "the theme")
        await settle(pilot)
        assert not isinstance(app.screen, CommandPalette)
    assert remembered_theme(tmp_path) == "netjournal-high-contrast"

    again = new_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "netjournal-high-contrast"


async def test_writing_the_theme_keeps_the_users_comments_and_settings(tmp_path: Path) -> None:
    original = (
        "# My netjournal settings\n"
        'theme = "netjournal-dark"  # dark for the evening\n'
        "\n"
        "# departments I deal with\n"
        'departments = ["Sales", "R&D"]\n'
        "\n"
        "[keys]\n"
        '"people.add" = "n"  # n for new\n'
    )
    config_path(tmp_path).parent.mkdir(parents=True)
    config_path(tmp_path).write_text(original, encoding="utf-8")
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        app.theme = "netjournal-light"
        await settle(pilot)
    text = config_path(tmp_path).read_text(encoding="utf-8")
    assert text == original.replace('"netjournal-dark"', '"netjournal-light"')
    assert load_config(config_path(tmp_path)).keys == {"people.add": "n"}


async def test_a_quick_series_of_changes_leaves_the_last_one(tmp_path: Path) -> None:
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        for name in ("netjournal-light", "nord", "netjournal-high-contrast", "gruvbox"):
            app.theme = name
            await pilot.pause()
        await settle(pilot)
    assert remembered_theme(tmp_path) == "gruvbox"


# User themes and what goes wrong with them


async def test_bad_user_themes_are_reported_once_and_the_good_one_is_usable(
    tmp_path: Path,
) -> None:
    write_user_theme("harbour.toml", GOOD_USER_THEME)
    write_user_theme("typo.toml", 'name = "typo"\nprimary = "#112233"\ncolour = "#ffffff"\n')
    write_user_theme("colour.toml", 'name = "colour"\nprimary = "notacolour"\n')
    write_user_theme(
        "sneaky.toml",
        'name = "sneaky"\nprimary = "#112233"\n[variables]\nborder = "red; x: y"\n',
    )
    app = new_app(tmp_path)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        warnings = seen.warnings()
        assert len(warnings) == 1
        message = warnings[0]["message"]
        assert warnings[0]["markup"] is False
        assert "typo.toml" in message and "'colour'" in message
        assert "colour.toml" in message and "notacolour" in message
        assert "sneaky.toml" in message and "border" in message
        assert "harbour.toml" not in message
        assert str(user_themes_folder()) in message
        assert {"typo", "colour", "sneaky"}.isdisjoint(app.available_themes)
        assert app.theme == DEFAULT_THEME  # a bad file is never fatal

        app.theme = "harbour"
        await settle(pilot)
        assert app.current_theme.primary == "#2E86AB"
        await pilot.press("2")
        await settle(pilot)
        assert len(seen.warnings()) == 1  # reported once, not on every screen change
    assert remembered_theme(tmp_path) == "harbour"

    again = new_app(tmp_path)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert again.theme == "harbour"


async def test_a_user_theme_may_replace_a_builtin_one(tmp_path: Path) -> None:
    write_user_theme("mine.toml", 'name = "netjournal-dark"\nprimary = "#FF00FF"\n')
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == "netjournal-dark"
        assert app.current_theme.primary == "#FF00FF"


async def test_a_theme_name_with_markup_is_refused_and_shown_literally(tmp_path: Path) -> None:
    write_user_theme("[b]x.toml", 'name = "[bold]x[/"\nprimary = "#112233"\n')
    app = new_app(tmp_path)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (warning,) = seen.warnings()
        assert "[b]x.toml" in warning["message"]
        assert warning["markup"] is False
        assert "[bold]x[/" not in app.available_themes


async def test_an_unknown_theme_in_config_falls_back_to_the_default(tmp_path: Path) -> None:
    config_path(tmp_path).parent.mkdir(parents=True)
    config_path(tmp_path).write_text('theme = "no-such-theme"\n', encoding="utf-8")
    app = new_app(tmp_path)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert app.theme == DEFAULT_THEME
        (warning,) = seen.warnings()
        assert "no-such-theme" in warning["message"]
    # The user's choice is kept for when the theme file is back.
    assert remembered_theme(tmp_path) == "no-such-theme"


async def test_a_broken_config_does_not_stop_the_app_and_is_not_overwritten(
    tmp_path: Path,
) -> None:
    broken = 'theme = "netjournal-light\n[keys\n'
    config_path(tmp_path).parent.mkdir(parents=True)
    config_path(tmp_path).write_text(broken, encoding="utf-8")
    app = new_app(tmp_path)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "PeopleScreen"
        assert app.theme == DEFAULT_THEME
        (warning,) = seen.warnings()
        assert "not valid TOML" in warning["message"]
        assert str(config_path(tmp_path)) in warning["message"]

        app.theme = "netjournal-light"  # cannot be remembered: the file is left alone
        await settle(pilot)
        assert app.theme == "netjournal-light"
        assert any("not remembered" in call["message"] for call in seen.warnings())
    assert config_path(tmp_path).read_text(encoding="utf-8") == broken


async def test_config_problems_and_theme_problems_share_one_notification(
    tmp_path: Path,
) -> None:
    config_path(tmp_path).parent.mkdir(parents=True)
    config_path(tmp_path).write_text("theme = 3\n", encoding="utf-8")
    write_user_theme("colour.toml", 'name = "colour"\nprimary = "notacolour"\n')
    app = new_app(tmp_path)
    seen = record_notifications(app)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        (warning,) = seen.warnings()
        assert "'theme' should be a str" in warning["message"]
        assert "colour.toml" in warning["message"]


# Validation of one theme table


@pytest.mark.parametrize(
    ("table", "says"),
    [
        ({"name": "x", "primary": "#000", "colour": "#fff"}, "unknown key 'colour'"),
        ({"name": "x", "primary": "#000", "primay": "#fff"}, "did you mean 'primary'"),
        ({"primary": "#000"}, "no name"),
        ({"name": "x"}, "no primary"),
        ({"name": "a,b", "primary": "#000"}, "name should be"),
        ({"name": "x", "primary": "notacolour"}, "'notacolour' is not a colour"),
        ({"name": "x", "primary": 12}, "primary: should be a colour"),
        ({"name": "x", "primary": "#000", "dark": "yes"}, "dark should be true or false"),
        ({"name": "x", "primary": "#000", "text_alpha": 2}, "text_alpha should be a number"),
        ({"name": "x", "primary": "#000", "variables": "red"}, "variables should be a table"),
        (
            {"name": "x", "primary": "#000", "variables": {"border": "red; x: y"}},
            "variable 'border'",
        ),
        ({"name": "x", "primary": "#000", "variables": {"border": "red }"}}, "'red }'"),
        ({"name": "x", "primary": "#000", "variables": {"border": "red\nx"}}, "variable"),
        ({"name": "x", "primary": "#000", "variables": {"border": "$primary"}}, "variable"),
        ({"name": "x", "primary": "#000", "variables": {"border": "auto 50%"}}, "variable"),
        ({"name": "x", "primary": "#000", "variables": {"border": "notacolour"}}, "variable"),
        ({"name": "x", "primary": "#000", "variables": {"border": 3}}, "in quotes"),
        (
            {"name": "x", "primary": "#000", "variables": {"block-cursor-text-style": "red"}},
            "not a text style",
        ),
        (
            {"name": "x", "primary": "#000", "variables": {"block-cursor-backgrond": "red"}},
            "did you mean 'block-cursor-background'",
        ),
        (
            {"name": "x", "primary": "#000", "variables": {"primary-lighten-1": "initial"}},
            "variable 'primary-lighten-1'",
        ),
    ],
)
def test_a_bad_theme_table_is_refused_with_the_reason(table: dict[str, Any], says: str) -> None:
    with pytest.raises(ThemeFileError) as caught:
        theme_from_table(table)
    assert says in str(caught.value)


def test_a_theme_table_with_every_field_and_textual_style_values_is_accepted() -> None:
    theme = theme_from_table(
        {
            "name": "full_theme-2",
            "primary": "#1F5F8B",
            "secondary": "rgb(42, 127, 158)",
            "accent": "hsl(30, 100%, 35%)",
            "foreground": "#1D232A",
            "background": "white",
            "surface": "#EFECE5",
            "panel": "#E3DFD6",
            "boost": "#0000000A",
            "warning": "#8A5A00",
            "error": "#B42318",
            "success": "#2E7D32",
            "dark": False,
            "luminosity_spread": 0.2,
            "text_alpha": 1,
            "variables": {
                "input-selection-background": "#1F5F8B 25%",
                "text-muted": "auto 60%",
                "link-background": "initial",
                "link-style-hover": "bold not underline",
                "block-cursor-text-style": "none",
            },
        }
    )
    assert theme.name == "full_theme-2"
    assert theme.dark is False
    assert theme.variables["text-muted"] == "auto 60%"


def test_several_problems_in_one_file_are_summarised() -> None:
    with pytest.raises(ThemeFileError) as caught:
        theme_from_table({"a": 1, "b": 2, "c": 3, "d": 4, "e": 5})
    assert "and " in str(caught.value) and "more" in str(caught.value)


def test_unreadable_and_non_toml_files_are_reported(tmp_path: Path) -> None:
    folder = tmp_path / "themes"
    folder.mkdir()
    (folder / "latin1.toml").write_bytes(b'name = "caf\xe9"\n')
    (folder / "half.toml").write_text('name = "half\n', encoding="utf-8")
    (folder / ".hidden.toml").write_text("junk", encoding="utf-8")
    (folder / "notes.txt").write_text("junk", encoding="utf-8")
    (folder / "one.toml").write_text('name = "twice"\nprimary = "#000"\n', encoding="utf-8")
    (folder / "two.toml").write_text('name = "twice"\nprimary = "#111"\n', encoding="utf-8")
    found = read_theme_folders([folder])
    text = "\n".join(found.problems)
    assert "latin1.toml skipped: it is not UTF-8" in text
    assert "half.toml skipped: it is not valid TOML" in text
    assert "two.toml skipped: one.toml already defines the theme 'twice'" in text
    assert ".hidden" not in text and "notes.txt" not in text
    assert list(found.themes) == ["twice"]
    assert found.origins["twice"].name == "one.toml"


# Remapped keys


async def test_a_remapped_key_works_and_the_old_key_no_longer_does(tmp_path: Path) -> None:
    config_path(tmp_path).parent.mkdir(parents=True)
    config_path(tmp_path).write_text(
        '[keys]\n"people.add" = "n"\n"area.outreach" = "o"\n', encoding="utf-8"
    )
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert type(app.screen).__name__ == "PeopleScreen"
        await pilot.press("a")  # the old key does nothing now
        await settle(pilot)
        assert type(app.screen).__name__ == "PeopleScreen"
        await pilot.press("n")
        await settle(pilot)
        assert type(app.screen).__name__ == "PersonForm"
        await pilot.press("escape")
        await settle(pilot)
        assert type(app.screen).__name__ == "PeopleScreen"
        await pilot.press("3")
        await settle(pilot)
        assert type(app.screen).__name__ == "PeopleScreen"
        await pilot.press("o")
        await settle(pilot)
        assert type(app.screen).__name__ == "OutreachScreen"


# The user documentation stays true

DOCS = Path(__file__).parents[2] / "docs" / "themes.md"


def test_the_example_theme_in_the_docs_is_valid() -> None:
    text = DOCS.read_text(encoding="utf-8")
    examples = [block.split("```", 1)[0] for block in text.split("```toml\n")[1:]]
    (theme_example,) = [block for block in examples if "primary" in block]
    theme = theme_from_table(tomllib.loads(theme_example))
    assert theme.name == "harbour"


def test_every_binding_id_is_documented() -> None:
    """A new binding needs its line in docs/themes.md, so users can remap it."""
    package = Path(__file__).parents[2] / "netjournal" / "tui"
    ids = {
        match
        for path in package.rglob("*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
        if "Binding(" in line
        for match in re.findall(r'id="([^"]+)"', line)
    }
    assert ids, "no binding ids found"
    documented = set(re.findall(r"^\| `([a-z_.]+)` \|", DOCS.read_text(encoding="utf-8"), re.M))
    assert ids - documented == set(), "add these binding ids to docs/themes.md"


async def test_a_key_can_be_given_several_keys(tmp_path: Path) -> None:
    config_path(tmp_path).parent.mkdir(parents=True)
    config_path(tmp_path).write_text('[keys]\n"area.outreach" = "o,3"\n', encoding="utf-8")
    app = new_app(tmp_path)
    async with app.run_test(size=SIZE) as pilot:
        await settle(pilot)
        await pilot.press("o")
        await settle(pilot)
        assert type(app.screen).__name__ == "OutreachScreen"
        await pilot.press("1", "3")
        await settle(pilot)
        assert type(app.screen).__name__ == "OutreachScreen"
