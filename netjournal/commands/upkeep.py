"""`netjournal doctor` and `netjournal locate`."""

from __future__ import annotations

import argparse
from pathlib import Path

from netjournal.commands.output import show
from netjournal.core.doctor import check_journal
from netjournal.core.last_place import place_file
from netjournal.core.locations import config_file, config_folder, user_themes_folder
from netjournal.core.words import count_of


def doctor(folder: Path, args: argparse.Namespace) -> int:
    checkup = check_journal(folder)
    for problem in checkup.problems:
        show(f"problem: {problem}")
    for note in checkup.notes:
        show(f"note: {note}")
    counts = ", ".join(f"{name}: {count}" for name, count in checkup.counts.items())
    if checkup.healthy:
        show(f"ok: {folder} ({counts or 'empty'}; {count_of(checkup.files, 'file')}): no problems.")
        return 0
    show(f"{count_of(len(checkup.problems), 'problem')} in {folder}.")
    return 1


def locate(folder: Path, args: argparse.Namespace) -> int:
    places = {
        "journal": folder,
        "config": config_file(),
        "themes": user_themes_folder(),
        "config-folder": config_folder(),
        # Where the app was left, for this journal on this machine (never in the journal).
        "state": place_file(folder, demo=args.demo),
    }
    if args.what:
        show(places[args.what])
        return 0
    for name, path in places.items():
        show(f"{name + ':':15}{path}")
    return 0
