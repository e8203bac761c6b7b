"""`netjournal review`, `netjournal done ID`, `netjournal snooze ID --until DATE`."""

from __future__ import annotations

import argparse

from netjournal.commands.output import print_json, print_table
from netjournal.core.clock import today
from netjournal.core.config import load_config
from netjournal.core.dates import parse_date
from netjournal.core.errors import Ambiguous, NotFound, RecordError
from netjournal.core.outreach_actions import drop, mark_done, snooze
from netjournal.core.records import Outreach
from netjournal.core.review import review_queue
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store


def review(store: Store, args: argparse.Namespace) -> int:
    day = parse_date(args.date, today()) if args.date else today()
    items = review_queue(JournalSnapshot.load(store), day, load_config().cadence_by_tag)
    if args.json:
        print_json([item.to_dict() for item in items])
        return 0
    rows = [[item.kind, item.title, item.reason, item.id] for item in items]
    print_table(rows, f"Nothing to review on {day.isoformat()}.")
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
    snooze(store, outreach, until, today())
    print(f"Snoozed until {until.isoformat()}: {outreach.title}.")
    return 0


def suggest(store: Store, args: argparse.Namespace) -> int:
    """`netjournal suggest LEARNING`: whom to share it with, best first, with the reasons."""
    from netjournal.commands.resolving import resolve_learning
    from netjournal.core.suggest import suggest_people

    learning = resolve_learning(store, args.learning)
    snapshot = JournalSnapshot.load(store)
    already = [p.id for p in snapshot.shared_with(learning.id)]
    found = suggest_people(learning, snapshot.people.values(), already, limit=args.limit)
    if args.json:
        print_json([entry.to_dict() for entry in found])
        return 0
    rows = [[entry.person.name + (" (has it)" if entry.shared else ""), f"{entry.score:.1f}",
             "; ".join(entry.reasons)] for entry in found]  # fmt: skip
    print_table(rows, f"Nobody's interests, expertise or needs match '{learning.title}' yet.")
    return 0
