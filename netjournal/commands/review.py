"""`netjournal review`, `netjournal skip ID` and `netjournal snooze cold:ID`: the day's review at
the shell, as in the app."""

from __future__ import annotations

import argparse
from datetime import date

from netjournal.commands.output import print_json, print_table, show
from netjournal.commands.record_json import last_contact_of, person_json
from netjournal.commands.resolving import only_one
from netjournal.core.clock import today
from netjournal.core.config import load_config
from netjournal.core.dates import parse_date
from netjournal.core.errors import NotFound, RecordError
from netjournal.core.line_numbers import Numbering, numbered_id, remember_numbers
from netjournal.core.note_line import note_line
from netjournal.core.person_quiet import keep_quiet, person_in_item
from netjournal.core.records import Person
from netjournal.core.review_session import ReviewSession
from netjournal.core.store import Store
from netjournal.core.words import count_of


def review(store: Store, args: argparse.Namespace) -> int:
    day = parse_date(args.date, today()) if args.date else today()
    session = todays_review(store, day)
    if args.json:
        print_json([item.to_dict() for item in session.items])
        return 0
    names = {person.id: person.name for person in store.people()}
    rows = [[item.kind, item.title, item.why([names.get(i, "") for i in item.person_ids]),
             note_line(item.note), item.id] for item in session.items]  # fmt: skip
    header = ["Kind", "Title", "Why", "Note", "Id"]
    numbered = day == today()  # `done 2`: today's lines only (another day's would mislead)
    if numbered:
        width = len(str(len(rows)))
        rows = [[str(n).rjust(width), *row] for n, row in enumerate(rows, 1)]
        header.insert(0, "#")
    skipped = session.skipped_before
    aside = f" ({count_of(skipped, 'item')} skipped for the day)" if skipped else ""
    print_table(rows, f"Nothing to review on {day.isoformat()}{aside}.", header)
    if numbered and rows:
        remember_numbers(store, Numbering(day, "review", tuple(i.id for i in session.items)))
    return 0


def todays_review(store: Store, day: date) -> ReviewSession:
    """The review of `day` as the app shows it: what was skipped for that day (here or in the
    app) left out and counted."""
    return ReviewSession.load(store, day, load_config().cadence_by_tag)


def skip(store: Store, args: argparse.Namespace) -> int:
    """Skip a review item for today: it leaves today's queue, here and in the app."""
    typed = numbered_id(store, args.id, today()) or args.id.strip()  # `skip 2`: a line
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


def quiet_person(store: Store, args: argparse.Namespace) -> int:
    """`snooze cold:ID --until DATE`: the person stays out of the review until then (today:
    back in it), as `z` on them in the app."""
    typed = args.id.strip()
    person_id = person_in_item(typed) or ""
    person = store.get(Person, person_id) if person_id else None
    if person is None:  # the start of an id is enough, as for plans
        matches = [p for p in store.people() if person_id and p.id.startswith(person_id)]
        if not matches:
            raise NotFound(
                f"No person has the review item '{typed}'; `netjournal review` lists them."
            )
        person = only_one(typed, matches, "people", lambda p: p.name, lambda p: p.id)
    day = today()
    until = parse_date(args.until, day)
    quiet = keep_quiet(store, person, until, day)
    if getattr(args, "json", False):  # the person as saved, as `list people --json` has them
        print_json(person_json(quiet, last_contact_of(quiet.id, store.interactions())))
    elif quiet.quiet_until is None:
        show(f"Back in the review: {person.name}.")
    else:
        show(f"Quiet until {until.isoformat()}: {person.name} (not in the review before then).")
    return 0
