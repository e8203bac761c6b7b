"""`netjournal show ID|NAME [--json]`: one record whole; a person with their recent talks and
open plans."""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence

from netjournal.commands.output import print_json, print_table, show
from netjournal.commands.record_json import as_listed, outreach_json, record_json
from netjournal.core.cadence_words import cadence_words
from netjournal.core.clock import today
from netjournal.core.conflict_notes import conflict_notes
from netjournal.core.contacts import last_contacts
from netjournal.core.errors import NotFound
from netjournal.core.fields import label
from netjournal.core.line_numbers import is_line_number, numbered_id
from netjournal.core.names import learning_candidates, person_candidates, resolve
from netjournal.core.records import INFLUENCE_LEVELS, Interaction, Learning, Outreach, Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.standing import standing_words
from netjournal.core.store import Store

RECENT_TALKS = 5  # a person's latest interactions shown with them (`list interactions` has all)
AnyRecord = Person | Interaction | Learning | Outreach


def show_record(store: Store, args: argparse.Namespace) -> int:
    snapshot = JournalSnapshot.load(store)
    record = which_record(store, snapshot, args.what)
    if isinstance(record, Person):
        return _show_person(snapshot, record, args.json)
    if args.json:
        print_json(as_listed(record))
        return 0
    _print_fields(record, snapshot)
    return 0


def which_record(store: Store, snapshot: JournalSnapshot, typed: str) -> AnyRecord:
    """The record `typed` names: a line number of today's numbered list, an id, a person's
    name (matched as `log` matches names), a learning's title, or a unique start of an id."""
    typed = typed.strip()
    if is_line_number(typed):
        meant = numbered_id(store, typed, today())
        if meant is not None:
            typed = meant.partition(":")[2] or meant  # "cold:ID" is about the person ID
    tables: Sequence[Mapping[str, AnyRecord]] = (
        snapshot.people, snapshot.outreach, snapshot.learnings, snapshot.interactions
    )
    for table in tables:
        if typed in table:
            return table[typed]
    try:
        return snapshot.people[resolve(typed, person_candidates(snapshot.people.values())).id]
    except NotFound:
        pass
    try:
        found = resolve(typed, learning_candidates(snapshot.learnings.values()), "learning")
        return snapshot.learnings[found.id]
    except NotFound:
        pass
    starting = [t[i] for t in tables for i in t if typed and i.startswith(typed)]
    if len(starting) == 1:
        return starting[0]
    raise NotFound(
        f"Nothing in the journal has the id, name or title '{typed}'; "
        "`netjournal search` finds records by their words."
    )


def _show_person(snapshot: JournalSnapshot, person: Person, as_json: bool) -> int:
    talks = sorted((i for i in snapshot.interactions.values() if person.id in i.person_ids),
                   key=lambda i: (i.date, i.created), reverse=True)  # fmt: skip
    plans = sorted((o for o in snapshot.outreach.values()
                    if person.id in o.person_ids and o.status == "open"),
                   key=lambda o: (o.due is None, o.due or today(), o.created))  # fmt: skip
    day = today()
    if as_json:  # the person as `list people --json` has them, with their talks and plans
        print_json({**as_listed(person, last_contacts(talks).get(person.id)),
                    "recent_interactions": [record_json(i) for i in talks[:RECENT_TALKS]],
                    "interaction_count": len(talks),
                    "open_outreach": [outreach_json(o, day) for o in plans]})  # fmt: skip
        return 0
    _print_fields(person, snapshot)
    show()
    shown = f" ({len(talks[:RECENT_TALKS])} of {len(talks)})" if len(talks) > RECENT_TALKS else ""
    show(f"Recent talks{shown}")
    names = {p.id: p.name for p in snapshot.people.values()}
    print_table(
        [["  " + i.date.isoformat(), i.channel, i.summary + _others(i.person_ids, person, names),
          i.id] for i in talks[:RECENT_TALKS]],
        "  (none yet: log one with `netjournal log NAME -m SUMMARY`)",
    )  # fmt: skip
    show()
    show("Open plans")
    print_table(
        [["  " + (o.due.isoformat() if o.due else "someday"), standing_words(o, day), o.kind,
          o.title, o.id] for o in plans],
        "  (none: plan one with `netjournal add outreach KIND --to NAME`)",
    )  # fmt: skip
    return 0


def _others(person_ids: Sequence[str], person: Person, names: dict[str, str]) -> str:
    others = [names.get(i, "(deleted)") for i in person_ids if i != person.id]
    return f" (with {', '.join(others)})" if others else ""


def _print_fields(record: AnyRecord, snapshot: JournalSnapshot) -> None:
    """The record's title line, its filled-in fields one a line, then its long text whole."""
    show(f"{record.label} ({record.id})")
    rows, long_text = _fields(record, snapshot)
    print_table([["  " + label, value] for label, value in rows if value], "")
    if long_text.strip():
        show()
        show("\n".join(f"  {line}" for line in long_text.splitlines()))
    kept = conflict_notes(record)
    if kept:  # what a merge of two devices did not keep, as the app's detail shows it
        show()
        show("Also written on another device")
        print_table([["  " + label(note.field), note.value] for note in kept], "")
        show(f"  (`netjournal edit {record.id} --clear-conflicts` once you have looked)")


def _fields(record: AnyRecord, snapshot: JournalSnapshot) -> tuple[list[tuple[str, str]], str]:
    names = {p.id: p.name for p in snapshot.people.values()}
    people = ", ".join(names.get(i, f"(deleted {i})") for i in getattr(record, "person_ids", ()))
    if isinstance(record, Person):
        last = last_contacts(snapshot.interactions.values()).get(record.id)
        return [
            ("org", record.org), ("department", record.department), ("role", record.role),
            ("kind", record.kind), ("status", record.status),
            ("influence", f"{record.influence} ({INFLUENCE_LEVELS[record.influence]})"
             if record.influence else ""),
            ("interests", ", ".join(record.interests)),
            ("expertise", ", ".join(record.expertise)), ("needs", ", ".join(record.needs)),
            ("tags", ", ".join(record.tags)), ("email", ", ".join(record.email)),
            ("phone", ", ".join(record.phone)), ("links", ", ".join(record.links)),
            ("met via", record.met_via),
            ("cadence", cadence_words(record.cadence_days) if record.cadence_days else ""),
            ("quiet until", record.quiet_until.isoformat() if record.quiet_until else ""),
            ("last contact", last.isoformat() if last else "never"),
            ("added", record.created[:10]),
        ], record.notes  # fmt: skip
    if isinstance(record, Interaction):
        shared = ", ".join(snapshot.learnings[i].title if i in snapshot.learnings else i
                           for i in record.learning_ids)  # fmt: skip
        return [("type", "interaction"), ("date", record.date.isoformat()), ("with", people),
                ("channel", record.channel), ("event", record.event),
                ("shared", shared)], record.notes  # fmt: skip
    if isinstance(record, Learning):
        return [("type", "learning"), ("date", record.date.isoformat()),
                ("source", " · ".join(x for x in (record.source_kind, record.source) if x)),
                ("url", record.url), ("event", record.event),
                ("tags", ", ".join(record.tags))], record.body  # fmt: skip
    learning = snapshot.learnings.get(record.learning_id)
    return [("type", f"outreach ({record.kind})"), ("with", people),
            ("due", record.due.isoformat() if record.due else "someday"),
            ("standing", standing_words(record, today())),
            ("snoozed until", record.snoozed_until.isoformat() if record.snoozed_until else ""),
            ("done", record.done_at.isoformat() if record.done_at else ""),
            ("learning", learning.title if learning else record.learning_id),
            ("reason", record.reason)], record.notes  # fmt: skip
