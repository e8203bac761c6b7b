"""`config.toml`: the user's settings (theme, remapped keys, departments, cadences per tag).

Read with tomllib. A file that does not parse, or a value of the wrong type, is reported in
`Config.problems` (one sentence each, naming the file and key) and ignored: a typo in the
config never stops the app.
"""

from __future__ import annotations

import tomllib
from dataclasses import dataclass, field
from pathlib import Path

from netjournal.core.locations import config_file


@dataclass(frozen=True)
class Config:
    """What config.toml says, with defaults for what it does not."""

    path: Path
    theme: str = ""
    keys: dict[str, str] = field(
        default_factory=dict
    )  # binding id -> keys, e.g. "people.add" = "n"
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

    def take(key: str, kind: type, default: object) -> object:
        value = data.get(key, default)
        if not isinstance(value, kind):
            problems.append(f"{path}: '{key}' should be a {kind.__name__}; it is ignored.")
            return default
        return value

    theme = take("theme", str, "")
    keys = take("keys", dict, {})
    departments = take("departments", list, [])
    cadence = take("cadence", dict, {})
    good_keys = {str(k): v for k, v in keys.items() if isinstance(v, str)}  # type: ignore[union-attr]
    if len(good_keys) != len(keys):  # type: ignore[arg-type]
        problems.append(f'{path}: every value in [keys] should be a string like "ctrl+n".')
    good_cadence = {
        str(k): v
        for k, v in cadence.items()
        if isinstance(v, int) and 1 <= v <= 3650  # type: ignore[union-attr]
    }
    if len(good_cadence) != len(cadence):  # type: ignore[arg-type]
        problems.append(
            f"{path}: every value in [cadence] should be a number of days from 1 to 3650."
        )
    return Config(
        path,
        theme=str(theme),
        keys=good_keys,
        departments=tuple(str(d) for d in departments),  # type: ignore[union-attr]
        cadence_by_tag=good_cadence,
        problems=tuple(problems),
    )
