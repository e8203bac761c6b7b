"""`netjournal add ...` and `netjournal log ...`: capturing without opening the app."""

from __future__ import annotations

import argparse
import datetime as dt

from netjournal.commands.output import note, said_or_json
from netjournal.commands.resolving import resolve_learning, resolve_people
from netjournal.commands.text_input import (
    STDIN,
    first_line_and_rest,
    from_stdin,
    on_a_terminal,
    written_in_editor,
)
from netjournal.core.channel_words import channel_for
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
    said_or_json(args, f"Added {person.name} ({person.id}).", person)  # --json: the record
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
    date = parse_past(args.date, today(), "A learning")  # a bad date is said before the editor
    body = from_stdin(args.message)
    if body is not None or not on_a_terminal():  # a script without -m: a title-only learning
        return _save_learning(store, args, body or "", date)
    title = " ".join(args.title.split())  # one line: it is quoted in a comment line
    hint = (f"What did you learn? It is saved as the body of '{title}' (Markdown).\n"
            "An empty text cancels: nothing is added.")  # fmt: skip
    with written_in_editor(hint, "learning") as body:
        return _save_learning(store, args, body, date)


def _save_learning(store: Store, args: argparse.Namespace, body: str, date: dt.date) -> int:
    learning = Learning.create(
        title=args.title,
        body=body,
        source_kind=args.source_kind,
        source=args.source or "",
        url=args.url or "",
        event=args.event or "",
        tags=args.tag,
        date=date,
    )
    store.add(learning)
    said_or_json(args, f"Added learning '{learning.title}' ({learning.id}).", learning)
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
            notes=from_stdin(args.message) or "",
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
    said_or_json(args, f"Planned: {outreach.title}{when} ({outreach.id}).", outreach)
    return 0


def log_interaction(store: Store, args: argparse.Namespace) -> int:
    if args.message is None and not on_a_terminal():  # a script: no editor to ask
        raise RecordError("An interaction needs a summary: add -m/--message TEXT, or -m - to "
                          "read it from standard input.")  # fmt: skip
    # Names, learnings and the date are checked first: a typo never costs what was written.
    people = resolve_people(store, args.names)
    learnings = [resolve_learning(store, title) for title in args.shared]
    date = parse_past(args.date, today())
    message = from_stdin(args.message)
    if message is not None:
        summary, rest = first_line_and_rest(message) if args.message == STDIN else (message, "")
        return _save_interaction(store, args, people, learnings, date, summary, rest)
    names = ", ".join(person.name for person in people)
    hint = (f"What did you talk about with {names}? The first line is the summary; the lines\n"
            "after it are kept as notes. An empty text cancels: nothing is logged.")  # fmt: skip
    with written_in_editor(hint, "interaction") as text:
        summary, rest = first_line_and_rest(text)
        return _save_interaction(store, args, people, learnings, date, summary, rest)


def _save_interaction(
    store: Store,
    args: argparse.Namespace,
    people: list[Person],
    learnings: list[Learning],
    date: dt.date,
    summary: str,
    more_notes: str,
) -> int:
    notes = "\n\n".join(part for part in (args.notes or "", more_notes) if part)
    interaction = Interaction.create(
        date=date,
        person_ids=[person.id for person in people],
        # "Coffee with Ann" is a coffee, as in the app's log form
        channel=args.channel or channel_for("", summary),
        event=args.event or "",
        summary=summary,
        notes=notes,
        learning_ids=[learning.id for learning in learnings],
    )
    store.add(interaction)
    names = ", ".join(person.name for person in people)
    said_or_json(args, f"Logged {interaction.channel} with {names} on "
                 f"{interaction.date.isoformat()} ({interaction.id}).", interaction)  # fmt: skip
    return 0
