"""`netjournal review`, `done ID`, `drop ID`, `snooze ID --until DATE`, `skip ID`."""

from __future__ import annotations

import argparse
from datetime import date

from netjournal.commands.output import print_json, print_table
from netjournal.core.clock import today
from netjournal.core.config import load_config
from netjournal.core.dates import parse_date
from netjournal.core.errors import Ambiguous, NotFound, RecordError
from netjournal.core.outreach_actions import awake_where, drop, mark_done, snooze
from netjournal.core.records import Outreach
from netjournal.core.review import ReviewItem, review_queue
from netjournal.core.review_skips import skip_for_today, skipped_on
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.words import count_of


def review(store: Store, args: argparse.Namespace) -> int:
    day = parse_date(args.date, today()) if args.date else today()
    items, skipped = todays_queue(store, day)
    if args.json:
        print_json([item.to_dict() for item in items])
        return 0
    rows = [[item.kind, item.title, item.reason, item.id] for item in items]
    aside = f" ({count_of(skipped, 'item')} skipped for the day)" if skipped else ""
    print_table(rows, f"Nothing to review on {day.isoformat()}{aside}.")
    return 0


def todays_queue(store: Store, day: date) -> tuple[list[ReviewItem], int]:
    """The review queue of `day` without what was skipped for that day (here or in the app),
    and how many were skipped."""
    items = review_queue(JournalSnapshot.load(store), day, load_config().cadence_by_tag)
    skipped = skipped_on(store.folder, day)
    kept = [item for item in items if item.id not in skipped]
    return kept, len(items) - len(kept)


def skip(store: Store, args: argparse.Namespace) -> int:
    """Skip a review item for today: it leaves today's queue, here and in the app."""
    day = today()
    typed = args.id.strip()
    items, _ = todays_queue(store, day)
    matches = [item for item in items if item.id == typed] or [
        item for item in items if typed and item.id.startswith(typed)
    ]
    if not matches:
        if typed and any(i.startswith(typed) for i in skipped_on(store.folder, day)):
            raise RecordError(f"'{typed}' is already skipped for today.")
        raise NotFound(f"Today's review has no item '{typed}'; `netjournal review` lists them.")
    if len(matches) > 1:
        raise Ambiguous(
            f"'{typed}' starts the ids of {len(matches)} review items: "
            + "; ".join(f"{item.title} ({item.id})" for item in matches[:8])
            + ".",
            [item.id for item in matches],
        )
    skip_for_today(store.folder, day, [matches[0].id])
    print(f"Skipped for today: {matches[0].title}.")
    return 0


def find_outreach(store: Store, typed: str) -> Outreach:
    """The planned outreach with this id (or a unique start of it)."""
    typed = typed.strip()
    if typed.startswith("share:"):  # a review item about a learning nobody got yet
        raise RecordError(
            f"'{typed}' is a learning to share, not a planned outreach: see whom with "
            "`netjournal suggest TITLE`, then plan it with `netjournal add outreach share`."
        )
    if ":" in typed:  # a review item about a person (cold:..., power:...)
        raise RecordError(
            f"'{typed}' is a person to get back to, not a planned outreach: log a conversation "
            "with `netjournal log NAME -m ...`, or plan one with `netjournal add outreach`."
        )
    matches = [o for o in store.outreach() if o.id.startswith(typed)] if typed else []
    exact = [o for o in matches if o.id == typed]
    if exact:
        return exact[0]
    if not matches:
        raise NotFound(
            f"No planned outreach has the id '{typed}'; `netjournal list outreach` shows them."
        )
    if len(matches) > 1:
        raise Ambiguous(
            f"'{typed}' starts the ids of {len(matches)} outreach items: "
            + "; ".join(f"{o.title} ({o.id})" for o in matches[:8])
            + ".",
            [o.id for o in matches],
        )
    return matches[0]


def done(store: Store, args: argparse.Namespace) -> int:
    outreach = find_outreach(store, args.id)
    interaction = mark_done(store, outreach, today())
    print(f"Done: {outreach.title} (logged as interaction {interaction.id}).")
    return 0


def drop_outreach(store: Store, args: argparse.Namespace) -> int:
    outreach = find_outreach(store, args.id)
    drop(store, outreach)
    print(f"Dropped: {outreach.title} (kept in the journal, no longer planned).")
    return 0


def snooze_outreach(store: Store, args: argparse.Namespace) -> int:
    outreach = find_outreach(store, args.id)
    until = parse_date(args.until, today())
    snoozed = snooze(store, outreach, until, today())
    if snoozed.snoozed_until is None:
        print(f"Awake again, {awake_where(snoozed, today())}: {outreach.title}.")
    else:
        print(f"Snoozed until {until.isoformat()}: {outreach.title}.")
    return 0


def suggest(store: Store, args: argparse.Namespace) -> int:
    """`netjournal suggest LEARNING`: whom to share it with, best first, with the reasons."""
    from netjournal.commands.resolving import resolve_learning
    from netjournal.core.planning import planned_share_people
    from netjournal.core.suggest import suggest_people

    learning = resolve_learning(store, args.learning)
    snapshot = JournalSnapshot.load(store)
    has_it = {p.id for p in snapshot.shared_with(learning.id)}
    planned = planned_share_people(snapshot.outreach.values(), learning.id) - has_it
    # Both are ranked out; the JSON's "shared" says who has it, "planned" who will.
    found = suggest_people(learning, snapshot.people.values(), has_it | planned, limit=args.limit)
    if args.json:
        print_json([{**entry.to_dict(), "shared": entry.person.id in has_it,
                     "planned": entry.person.id in planned} for entry in found])  # fmt: skip
        return 0
    marks = {**dict.fromkeys(planned, " (share planned)"), **dict.fromkeys(has_it, " (has it)")}
    rows = [[entry.person.name + marks.get(entry.person.id, ""), f"{entry.score:.1f}",
             "; ".join(entry.reasons)] for entry in found]  # fmt: skip
    print_table(rows, f"Nobody's interests, expertise or needs match '{learning.title}' yet.")
    return 0
