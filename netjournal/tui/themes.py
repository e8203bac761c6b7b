"""Themes: the built-in TOML files and the user's, validated, registered, the choice remembered.

A theme file holds Textual `Theme` fields and an optional `[variables]` table. Every file is
checked before it is registered (known keys, colours that parse, variables Textual's CSS
accepts), because a bad value would only fail later, when Textual re-parses its CSS with the
theme, and take the app down with it. A bad file is skipped; all problems (and those of
config.toml) are shown together in one notification. Choosing a theme (the palette's "Theme"
command sets `app.theme`) is written to config.toml in a thread worker.
"""

from __future__ import annotations

import contextlib
import difflib
import re
import threading
import tomllib
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from textual.color import Color
from textual.css.parse import parse_declarations
from textual.design import ColorSystem
from textual.theme import Theme

import netjournal
from netjournal.core.config import ConfigError, remember_theme
from netjournal.core.locations import user_themes_folder

if TYPE_CHECKING:
    from netjournal.tui.app import NetjournalApp

DEFAULT_THEME = "netjournal-dark"

COLOUR_KEYS = (
    "primary",
    "secondary",
    "accent",
    "foreground",
    "background",
    "surface",
    "panel",
    "boost",
    "warning",
    "error",
    "success",
)
FRACTION_KEYS = ("luminosity_spread", "text_alpha")
KNOWN_KEYS = frozenset({"name", "dark", "variables", *COLOUR_KEYS, *FRACTION_KEYS})

# Names end up in CSS classes and in the palette (where Textual reads them as markup), so
# they are kept to plain identifier characters.
THEME_NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9_-]{0,63}")
VARIABLE_NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,63}")
# What a colour or text style needs: `#1F5F8B 25%`, `rgb(1, 2, 3)`, `bold not underline`.
# No `;`, braces, `$`, newlines or comments, which would reach into the surrounding CSS.
VARIABLE_VALUE = re.compile(r"[A-Za-z0-9#%.,()_ -]{1,100}")
MAX_FILE_BYTES = 64 * 1024
MAX_REASONS_PER_FILE = 3


class ThemeFileError(ValueError):
    """A theme file cannot be used; the message says why, in a few words."""


@dataclass
class ThemeFiles:
    """The themes read from some folders, and one sentence per file that was skipped."""

    themes: dict[str, Theme] = field(default_factory=dict)
    origins: dict[str, Path] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)


def builtin_themes_folder() -> Path:
    """`netjournal/themes` in an installed wheel; the repository's `themes/` in a checkout."""
    package = Path(netjournal.__file__).parent
    packaged = package / "themes"
    return packaged if packaged.is_dir() else package.parent / "themes"


@cache
def textual_variables() -> dict[str, str]:
    """Every variable Textual's colour system defines (a theme may set these), with the
    value Textual gives it by default."""
    variables: dict[str, str] = {}
    for dark in (False, True):
        variables.update(ColorSystem(primary="#000000", dark=dark).generate())
    return variables


def read_theme_folders(
    folders: Iterable[Path], *, extra_variables: Mapping[str, str] | None = None
) -> ThemeFiles:
    """Read `*.toml` in each folder (later folders override earlier ones by theme name).

    `extra_variables` are the app's own theme variables (name: default value).
    """
    known = {**textual_variables(), **(extra_variables or {})}
    found = ThemeFiles()
    for folder in folders:
        names_here: dict[str, Path] = {}
        for path in theme_files(folder, found):
            try:
                theme = load_theme_file(path, known)
            except ThemeFileError as error:
                found.problems.append(f"Theme file {path.name} skipped: {error}")
                continue
            if theme.name in names_here:
                found.problems.append(
                    f"Theme file {path.name} skipped: {names_here[theme.name].name} "
                    f"already defines the theme {theme.name!r}."
                )
                continue
            names_here[theme.name] = path
            found.themes[theme.name] = theme
            found.origins[theme.name] = path
    return found


def theme_files(folder: Path, found: ThemeFiles) -> list[Path]:
    """The theme files of `folder`, sorted; a missing folder has none."""
    try:
        return sorted(
            path
            for path in folder.glob("*.toml")
            if not path.name.startswith(".") and path.is_file()
        )
    except OSError as error:
        found.problems.append(f"Cannot read the themes folder {folder}: {error.strerror}.")
        return []


def load_theme_file(path: Path, known_variables: Mapping[str, str]) -> Theme:
    """Read and check one theme file; ThemeFileError says what is wrong with it."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ThemeFileError(f"it is larger than {MAX_FILE_BYTES // 1024} KB.")
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as error:
        raise ThemeFileError("it is not UTF-8 text.") from error
    except OSError as error:
        raise ThemeFileError(f"it cannot be read ({error.strerror}).") from error
    except tomllib.TOMLDecodeError as error:
        raise ThemeFileError(f"it is not valid TOML ({error}).") from error
    return theme_from_table(data, known_variables)


def theme_from_table(
    data: Mapping[str, object], known_variables: Mapping[str, str] | None = None
) -> Theme:
    """Make a Theme from a parsed theme file, or say (ThemeFileError) everything wrong with it."""
    known_variables = known_variables if known_variables is not None else textual_variables()
    reasons: list[str] = []
    for key in data:
        if key not in KNOWN_KEYS:
            reasons.append(f"unknown key {shorten(key)!r}{suggestion(key, KNOWN_KEYS)}")
    name = data.get("name")
    if name is None:
        reasons.append('it has no name (name = "my-theme")')
    elif not isinstance(name, str) or not THEME_NAME.fullmatch(name):
        reasons.append("name should be letters, digits, '-' or '_' (up to 64)")
    if "primary" not in data:
        reasons.append("it has no primary colour")
    colours: dict[str, str] = {}
    for key in COLOUR_KEYS:
        if key in data:
            reason = colour_problem(data[key])
            if reason:
                reasons.append(f"{key}: {reason}")
            else:
                colours[key] = str(data[key])
    dark = data.get("dark", True)
    if not isinstance(dark, bool):
        reasons.append("dark should be true or false")
    fractions: dict[str, float] = {}
    for key in FRACTION_KEYS:
        if key in data:
            value = data[key]
            if isinstance(value, bool) or not isinstance(value, int | float) or not 0 <= value <= 1:
                reasons.append(f"{key} should be a number from 0 to 1")
            else:
                fractions[key] = float(value)
    variables = data.get("variables", {})
    if not isinstance(variables, dict):
        reasons.append("variables should be a table ([variables])")
        variables = {}
    for variable, value in variables.items():
        reason = variable_problem(variable, value, known_variables)
        if reason:
            reasons.append(reason)
    if reasons:
        raise ThemeFileError(summary(reasons))
    theme = Theme(
        name=str(name),
        dark=bool(dark),
        variables={str(k): str(v) for k, v in variables.items()},
        **colours,  # type: ignore[arg-type]
        **fractions,  # type: ignore[arg-type]
    )
    try:
        theme.to_color_system().generate()
    except Exception as error:  # whatever Textual raises, the theme is unusable
        raise ThemeFileError(f"Textual cannot build its colours ({error}).") from error
    return theme


def colour_problem(value: object) -> str | None:
    """Why `value` is not a colour Textual understands, or None."""
    if not isinstance(value, str):
        return 'should be a colour in quotes, like "#1F5F8B"'
    try:
        Color.parse(value)
    except Exception:
        return f'{shorten(value)!r} is not a colour (try "#1F5F8B" or "rgb(31, 95, 139)")'
    return None


def variable_problem(name: str, value: object, known: Mapping[str, str]) -> str | None:
    """Why a `[variables]` entry cannot be used, or None.

    The value must parse as the CSS property the variable feeds. `auto` and `initial` are
    only valid in some properties, so they are accepted only where Textual's own default for
    that variable uses them (`text-muted = "auto 60%"`, `link-background = "initial"`).
    """
    if not VARIABLE_NAME.fullmatch(name) or name not in known:
        return f"unknown variable {shorten(name)!r}{suggestion(name, known)}"
    if not isinstance(value, str):
        return f"variable {name!r} should be a text value in quotes"
    prop = css_property_for(name)
    kind = "text style" if prop == "text-style" else "colour"
    problem = f"variable {name!r}: {shorten(value)!r} is not a {kind} Textual accepts here"
    if not VARIABLE_VALUE.fullmatch(value) or not value.strip():
        return problem
    first_word = value.split()[0].lower()
    default_word = (known[name].split() or [""])[0].lower()
    if prop != "text-style" and first_word in ("auto", "initial") and first_word != default_word:
        return problem
    try:
        parse_declarations(f"{prop}: {value};", ("theme", name))
    except Exception:
        return problem
    return None


def css_property_for(variable: str) -> str:
    """The CSS property a variable of this name feeds (Textual's own names follow this rule)."""
    if "style" in variable:
        return "text-style"
    if "background" in variable:
        return "background"
    return "color"


def suggestion(word: str, choices: Iterable[str]) -> str:
    close = difflib.get_close_matches(word, list(choices), n=1)
    return f" (did you mean {close[0]!r}?)" if close else ""


def shorten(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def summary(reasons: list[str]) -> str:
    shown = "; ".join(reasons[:MAX_REASONS_PER_FILE])
    more = len(reasons) - MAX_REASONS_PER_FILE
    return f"{shown}; and {more} more." if more > 0 else f"{shown}."


def fits_stylesheet(app: NetjournalApp, theme: Theme) -> bool:
    """Whether the app's CSS parses with this theme's variables (checked on a copy)."""
    stylesheet = app.stylesheet.copy()
    stylesheet.set_variables(
        {
            **app.get_theme_variable_defaults(),
            **theme.to_color_system().generate(),
            **theme.variables,
        }
    )
    try:
        stylesheet.reparse()
    except Exception:
        return False
    return True


def install_themes(app: NetjournalApp) -> None:
    """Register every good theme, apply the configured one, report problems once, and
    remember the user's later choices in config.toml.

    The files are read here, on the event loop, on purpose: they are a few small files, and
    the chosen theme must be in place before the first frame is drawn.
    """
    problems = list(app.config.problems)
    known = app.get_theme_variable_defaults()
    builtin = read_theme_folders([builtin_themes_folder()], extra_variables=known)
    if not builtin.themes:
        problems.append(f"The built-in themes are missing from {builtin_themes_folder()}.")
    problems += builtin.problems
    user_folder = user_themes_folder()
    user = read_theme_folders([user_folder], extra_variables=known)
    problems += user.problems
    for theme in builtin.themes.values():
        app.register_theme(theme)
    user_skipped = bool(user.problems)
    for name, theme in user.themes.items():
        # Per-variable checks catch nearly everything; this catches a variable used by a
        # property we did not foresee, before Textual would fail on it.
        if fits_stylesheet(app, theme):
            app.register_theme(theme)
        else:
            user_skipped = True
            problems.append(
                f"Theme file {user.origins[name].name} skipped: its variables do not work "
                "with netjournal's styles."
            )
    if user_skipped:
        problems.append(f"Your theme files are in {user_folder}.")
    app.theme = chosen_theme(app, problems)
    if problems:
        app.notify(
            "\n".join(problems),
            title="Some settings were skipped",
            severity="warning",
            markup=False,
            timeout=20,
        )
    keeper = ThemeKeeper(app, app.config.path, app.theme)
    app.theme_changed_signal.subscribe(app, keeper.theme_changed)


def chosen_theme(app: NetjournalApp, problems: list[str]) -> str:
    """The configured theme if it is registered, else the default (the problem is noted)."""
    fallback = DEFAULT_THEME if DEFAULT_THEME in app.available_themes else app.theme
    wanted = app.config.theme
    if not wanted:
        return fallback
    if wanted in app.available_themes:
        return wanted
    problems.append(
        f"The theme {shorten(wanted)!r} named in config.toml is not installed; using {fallback}."
    )
    return fallback


class ThemeKeeper:
    """Writes the theme the user picks into config.toml, off the event loop, latest wins."""

    def __init__(self, app: NetjournalApp, path: Path, current: str) -> None:
        self.app = app
        self.path = path
        self.wanted = current
        self.written = current
        self._lock = threading.Lock()

    def theme_changed(self, theme: Theme) -> None:
        if theme.name == self.wanted:
            return
        self.wanted = theme.name
        self.app.run_worker(
            self.write,
            name="remember theme",
            group="theme-choice",
            thread=True,
            exit_on_error=False,
        )

    def write(self) -> None:
        """Write the latest wanted theme (a slower, older write never overwrites a newer one)."""
        with self._lock:
            name = self.wanted
            if name == self.written:
                return
            try:
                remember_theme(name, self.path)
            except ConfigError as error:
                self.notify_from_thread(str(error))
                return
            self.written = name

    def notify_from_thread(self, message: str) -> None:
        with contextlib.suppress(RuntimeError):  # the app has already closed
            self.app.call_from_thread(
                self.app.notify,
                message,
                title="Theme not remembered",
                severity="warning",
                markup=False,
                timeout=10,
            )
