"""`config.toml`: the user's settings (theme, remapped keys, your organization, its
departments, cadences per tag).

Read with tomllib. A file that does not parse, or a value of the wrong type, is reported in
`Config.problems` (one sentence each, naming the file and key) and ignored: a typo in the
config never stops the app.

`remember_theme` is the one writer: it changes the `theme` line with tomlkit, so the rest of the
user's file (comments, order, other tables) is kept as it was.
"""

from __future__ import annotations

import threading
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import TypeVar

import tomlkit
import tomlkit.exceptions

from netjournal.core.atomic_file import make_folder, write_atomically
from netjournal.core.cleaning import clean_line
from netjournal.core.errors import NetjournalError
from netjournal.core.locations import config_file

V = TypeVar("V")

_writing = threading.Lock()  # one read-modify-write of config.toml at a time in this process


class ConfigError(NetjournalError):
    """config.toml could not be changed (it does not parse, or the folder is not writable)."""


@dataclass(frozen=True)
class Config:
    """What config.toml says, with defaults for what it does not."""

    path: Path
    theme: str = ""
    keys: dict[str, str] = field(
        default_factory=dict
    )  # binding id -> keys, e.g. "people.add" = "n"
    organization: str = ""  # your own; empty: inferred from your internal colleagues
    departments: tuple[str, ...] = ()
    cadence_by_tag: dict[str, int] = field(default_factory=dict)
    problems: tuple[str, ...] = ()


def load_config(path: Path | None = None) -> Config:
    """Read config.toml (a missing file is an empty config)."""
    path = path or config_file()
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except FileNotFoundError:
        return Config(path)
    except (OSError, UnicodeDecodeError) as error:
        return Config(path, problems=(f"Cannot read {path}: {error}; using the defaults.",))
    except tomllib.TOMLDecodeError as error:
        return Config(path, problems=(f"{path} is not valid TOML ({error}); using the defaults.",))
    problems: list[str] = []

    def take(key: str, kind: type[V], default: V) -> V:
        value = data.get(key, default)
        if not isinstance(value, kind):
            problems.append(f"{path}: '{key}' should be a {kind.__name__}; it is ignored.")
            return default
        return value

    theme = take("theme", str, "")
    organization = take("organization", str, "")
    keys: dict[object, object] = take("keys", dict, {})
    departments: list[object] = take("departments", list, [])
    cadence: dict[object, object] = take("cadence", dict, {})
    good_keys = {str(k): v for k, v in keys.items() if isinstance(v, str)}
    if len(good_keys) != len(keys):
        problems.append(f'{path}: every value in [keys] should be a string like "ctrl+n".')
    good_cadence = {str(k): v for k, v in cadence.items() if isinstance(v, int) and 1 <= v <= 3650}
    if len(good_cadence) != len(cadence):
        problems.append(
            f"{path}: every value in [cadence] should be a number of days from 1 to 3650."
        )
    return Config(
        path,
        theme=str(theme),
        keys=good_keys,
        organization=clean_line(organization),  # shown in the app: no escapes, one line
        departments=tuple(str(d) for d in departments),
        cadence_by_tag=good_cadence,
        problems=tuple(problems),
    )


def remember_theme(name: str, path: Path | None = None) -> None:
    """Set `theme = "<name>"` in config.toml, keeping everything else in the file as it was.

    The file (and its folder, 0700) is created if missing; the new version replaces the old one
    atomically (0600). A file that does not parse is left alone: ConfigError says why.
    """
    path = path or config_file()
    if path.is_symlink():  # a dotfiles manager's link stays a link; its target is rewritten
        path = path.resolve()
    with _writing:
        try:
            text = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            text = ""
        except (OSError, UnicodeDecodeError) as error:
            raise ConfigError(
                f"Cannot read {path} ({error}); the theme is not remembered."
            ) from error
        try:
            document = tomlkit.parse(text)
        except tomlkit.exceptions.ParseError as error:
            raise ConfigError(
                f"{path} is not valid TOML ({error}); the theme is not remembered."
            ) from error
        current = document.get("theme")
        if isinstance(current, dict):
            raise ConfigError(
                f"{path}: 'theme' is a table, not a name; the theme is not remembered."
            )
        if current == name:
            return
        document["theme"] = name
        try:
            make_folder(path.parent)
            # A unique temporary each time: two processes may remember a theme at once.
            write_atomically(path, tomlkit.dumps(document).encode("utf-8"))
        except OSError as error:
            raise ConfigError(
                f"Cannot write {path} ({error.strerror or error}); the theme is not remembered."
            ) from error
