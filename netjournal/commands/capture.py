"""`netjournal add ...` and `netjournal log ...`: capturing without opening the app."""

from __future__ import annotations

import argparse

from netjournal.commands.output import note, show
from netjournal.commands.resolving import resolve_learning, resolve_people
from netjournal.core.clock import today
from netjournal.core.dates import parse_due, parse_past
from netjournal.core.errors import RecordError
from netjournal.core.names import spellings
from netjournal.core.planning import already_planned, plan_outreach
from netjournal.core.records import Interaction, Learning, Person
from netjournal.core.same_person import already_there, described, likely_same
from netjournal.core.store import Store
from netjournal.core.words import count_of


def add_person(store: Store, args: argparse.Namespace) -> int:
    person = Person.create(
        name=args.name,
        org=args.org or "",
        department=args.dept or "",
        role=args.role or "",
        kind=args.kind,
        influence=args.influence,
        status="prospect" if args.prospect else "connected",
        interests=args.interest,
        expertise=args.expertise,
        needs=args.need,
        tags=args.tag,
        email=args.email,
        phone=args.phone,
        links=args.link,
        met_via=args.met_via or "",
        cadence_days=args.cadence,
        notes=args.notes or "",
    )
    similar: list[Person] = []
    with store.batch() as changes:  # checked under the lock: another window may add them too
        people = store.people()
        if not args.new:
            twins = already_there(person.name, person.org, people)
            if twins:
                listed = "; ".join(described(twin) for twin in twins)
                raise RecordError(
                    f"Already in your journal with the same name and org: {listed}; nothing was "
                    "added (add --new if this is another person)."
                )
            similar = likely_same(person.name, people, person.org)
        changes.add.append(person)
    show(f"Added {person.name} ({person.id}).")
    namesakes = [other for other in similar if spellings(other.name) & spellings(person.name)]
    if namesakes:
        listed = "; ".join(described(other) for other in namesakes)
        now = count_of(len(namesakes) + 1, "person", "people")
        note(f"{listed} {'was' if len(namesakes) == 1 else 'were'} already in your journal; "
             f"now {now} share the name.")  # fmt: skip
    elif similar:
        listed = "; ".join(described(other) for other in similar)
        note(f"also in your journal with a similar name: {listed}.")
    return 0


def add_learning(store: Store, args: argparse.Namespace) -> int:
    learning = Learning.create(
        title=args.title,
        body=args.message or "",
        source_kind=args.source_kind,
        source=args.source or "",
        url=args.url or "",
        event=args.event or "",
        tags=args.tag,
        date=parse_past(args.date, today(), "A learning"),
    )
    store.add(learning)
    show(f"Added learning '{learning.title}' ({learning.id}).")
    return 0


def add_outreach(store: Store, args: argparse.Namespace) -> int:
    people = resolve_people(store, args.to)
    learning = resolve_learning(store, args.learning) if args.learning else None
    due = parse_due(args.due, today())
    try:
        outreach = plan_outreach(
            args.kind,
            people,
            learning=learning,
            due=due,
            title=args.title or "",
            notes=args.message or "",
            reason=args.reason or "",
        )
    except RecordError as error:
        if error.field == "reason":
            raise RecordError(
                "An introduction says why the two should meet: add --reason TEXT."
            ) from None
        raise
    with store.batch() as changes:  # checked under the lock: another window may plan it too
        repeat = already_planned(outreach, store.outreach())
        if repeat is not None:
            raise RecordError(f"Already planned: {repeat.title} ({repeat.id}); nothing was added.")
        changes.add.append(outreach)
    when = f", due {due.isoformat()}" if due else ", someday"
    show(f"Planned: {outreach.title}{when} ({outreach.id}).")
    return 0


def log_interaction(store: Store, args: argparse.Namespace) -> int:
    people = resolve_people(store, args.names)
    learnings = [resolve_learning(store, title) for title in args.shared]
    interaction = Interaction.create(
        date=parse_past(args.date, today()),
        person_ids=[person.id for person in people],
        channel=args.channel,
        event=args.event or "",
        summary=args.message,
        notes=args.notes or "",
        learning_ids=[learning.id for learning in learnings],
    )
    store.add(interaction)
    names = ", ".join(person.name for person in people)
    show(
        f"Logged {interaction.channel} with {names} on {interaction.date.isoformat()} ({interaction.id})."
    )
    return 0
