"""`netjournal done ID [-m TEXT] [--channel C]`, `drop ID`, `snooze ID --until DATE`: acting
on planned outreach."""

from __future__ import annotations

import argparse

from netjournal.commands.output import print_json, show
from netjournal.commands.record_json import outreach_json, record_json
from netjournal.commands.resolving import only_one
from netjournal.core.clock import today
from netjournal.core.dates import parse_date
from netjournal.core.errors import NotFound, RecordError
from netjournal.core.line_numbers import numbered_id
from netjournal.core.outreach_actions import (
    AlreadyDone,
    awake_where,
    drop,
    joined_words,
    mark_done,
    snooze,
)
from netjournal.core.person_quiet import person_in_item
from netjournal.core.records import Outreach, Person
from netjournal.core.store import Store


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
    return only_one(typed, matches, "outreach items", lambda o: o.title, lambda o: o.id)


def done(store: Store, args: argparse.Namespace) -> int:
    outreach = find_outreach(store, _meant(store, args.id))
    try:
        finished = mark_done(store, outreach, today(), said=args.message, channel=args.channel)
    except AlreadyDone as already:  # a retry after an error, or a second window: no harm done
        if getattr(args, "json", False):  # the plan as it is, and no talk logged now
            current = store.get(Outreach, outreach.id) or outreach
            print_json({**outreach_json(current, today()), "logged": None, "connected": []})
        else:
            show(already)
        return 0
    if getattr(args, "json", False):  # the plan as listed, the talk it logged, who joined
        print_json({**outreach_json(finished.outreach, today()),
                    "logged": record_json(finished.logged),
                    "connected": list(finished.connected)})  # fmt: skip
        return 0
    joined = joined_words([p.name for i in finished.connected if (p := store.get(Person, i))])
    logged = finished.logged
    said = "" if logged.summary == finished.outreach.title else f", '{logged.summary}'"
    show(
        f"Done: {finished.outreach.title} (logged as interaction {logged.id}: "
        f"{logged.channel}{said}){joined}."
    )
    return 0


def drop_outreach(store: Store, args: argparse.Namespace) -> int:
    outreach = find_outreach(store, _meant(store, args.id))
    dropped = drop(store, outreach)
    if getattr(args, "json", False):
        print_json(outreach_json(dropped, today()))
        return 0
    show(f"Dropped: {outreach.title} (kept in the journal, no longer planned).")
    return 0


def snooze_outreach(store: Store, args: argparse.Namespace) -> int:
    args.id = _meant(store, args.id)  # `snooze 2`: a line of the last numbered list
    if person_in_item(args.id) is not None:  # a person in the review: not before DATE
        from netjournal.commands.review import quiet_person

        return quiet_person(store, args)
    outreach = find_outreach(store, args.id)
    until = parse_date(args.until, today())
    snoozed = snooze(store, outreach, until, today())
    if getattr(args, "json", False):
        print_json(outreach_json(snoozed, today()))
    elif snoozed.snoozed_until is None:
        show(f"Awake again, {awake_where(snoozed, today())}: {outreach.title}.")
    else:
        show(f"Snoozed until {until.isoformat()}: {outreach.title}.")
    return 0


def _meant(store: Store, typed: str) -> str:
    """The id `typed` names: a line number of today's last numbered list, or the id itself."""
    return numbered_id(store, typed, today()) or typed
