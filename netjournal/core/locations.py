"""Where things live: the journal folder, the config folder, user themes, per-machine state.

Nothing is created here; folders are made when something is first written to them.
"""

from __future__ import annotations

import os
from pathlib import Path

import platformdirs

APP = "netjournal"


def journal_folder(chosen: str | os.PathLike[str] | None = None) -> Path:
    """`--dir` if given, else NETJOURNAL_DIR, else the platform's user data folder."""
    if chosen:
        return Path(chosen).expanduser()
    if os.environ.get("NETJOURNAL_DIR"):
        return Path(os.environ["NETJOURNAL_DIR"]).expanduser()
    return Path(platformdirs.user_data_dir(APP, appauthor=False))


def config_folder() -> Path:
    """NETJOURNAL_CONFIG_DIR if set (tests use it), else the platform's user config folder."""
    if os.environ.get("NETJOURNAL_CONFIG_DIR"):
        return Path(os.environ["NETJOURNAL_CONFIG_DIR"]).expanduser()
    return Path(platformdirs.user_config_dir(APP, appauthor=False))


def state_folder() -> Path:
    """NETJOURNAL_STATE_DIR if set (tests use it), else the platform's user state folder."""
    if os.environ.get("NETJOURNAL_STATE_DIR"):
        return Path(os.environ["NETJOURNAL_STATE_DIR"]).expanduser()
    return Path(platformdirs.user_state_dir(APP, appauthor=False))


def config_file() -> Path:
    return config_folder() / "config.toml"


def user_themes_folder() -> Path:
    return config_folder() / "themes"
