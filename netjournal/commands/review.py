"""`netjournal review` and `netjournal skip ID`: the day's review at the shell, as in the app."""

from __future__ import annotations

import argparse
from datetime import date

from netjournal.commands.output import print_json, print_table, show
from netjournal.commands.resolving import only_one
from netjournal.core.clock import today
from netjournal.core.config import load_config
from netjournal.core.dates import parse_date
from netjournal.core.errors import NotFound, RecordError
from netjournal.core.review_session import ReviewSession
from netjournal.core.store import Store
from netjournal.core.words import count_of


def review(store: Store, args: argparse.Namespace) -> int:
    day = parse_date(args.date, today()) if args.date else today()
    session = todays_review(store, day)
    if args.json:
        print_json([item.to_dict() for item in session.items])
        return 0
    rows = [[item.kind, item.title, item.reason, item.id] for item in session.items]
    skipped = session.skipped_before
    aside = f" ({count_of(skipped, 'item')} skipped for the day)" if skipped else ""
    print_table(rows, f"Nothing to review on {day.isoformat()}{aside}.")
    return 0


def todays_review(store: Store, day: date) -> ReviewSession:
    """The review of `day` as the app shows it: what was skipped for that day (here or in the
    app) left out and counted."""
    return ReviewSession.load(store, day, load_config().cadence_by_tag)


def skip(store: Store, args: argparse.Namespace) -> int:
    """Skip a review item for today: it leaves today's queue, here and in the app."""
    typed = args.id.strip()
    session = todays_review(store, today())
    matches = session.find(typed)
    if not matches:
        if session.was_skipped(typed):
            raise RecordError(f"'{typed}' is already skipped for today.")
        raise NotFound(f"Today's review has no item '{typed}'; `netjournal review` lists them.")
    item = only_one(typed, matches, "review items", lambda i: i.title, lambda i: i.id)
    session.skip(item.id)
    session.remember_skip(store, item.id)
    show(f"Skipped for today: {item.title}.")
    return 0
