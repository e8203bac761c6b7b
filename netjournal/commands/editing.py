"""`netjournal edit ID ...` and `netjournal rm ID`: change or delete one record by its id."""

from __future__ import annotations

import argparse
from typing import Any

from netjournal.commands.output import said_or_json, show
from netjournal.commands.text_input import from_stdin, on_a_terminal
from netjournal.core.clock import today
from netjournal.core.dates import parse_due, parse_past
from netjournal.core.errors import RecordError
from netjournal.core.record_edits import edit_record, record_by_id, remove_record
from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.core.store import Store
from netjournal.core.terminal_text import safe_for_terminal

# Option (argparse dest) -> field, by kind of record: the options `add` / `log` take for it.
TEXTS: dict[type[Record], dict[str, str]] = {
    Person: {"name": "name", "org": "org", "dept": "department", "role": "role",
             "kind": "kind", "met_via": "met_via", "notes": "notes"},
    Learning: {"title": "title", "message": "body", "source_kind": "source_kind",
               "source": "source", "url": "url", "event": "event"},
    Outreach: {"title": "title", "reason": "reason", "message": "notes"},
    Interaction: {"summary": "summary", "event": "event", "message": "notes",
                  "channel": "channel"},
}  # fmt: skip
LISTS: dict[type[Record], dict[str, str]] = {
    Person: {"interest": "interests", "expertise": "expertise", "need": "needs", "tag": "tags",
             "email": "email", "phone": "phone", "link": "links"},
    Learning: {"tag": "tags"},
    Outreach: {},
    Interaction: {},
}  # fmt: skip
OTHERS = {
    Person: ("influence", "cadence", "prospect", "connected"),
    Learning: ("date",),
    Outreach: ("due",),
    Interaction: ("date",),
}
EVERY = sorted({dest for table in (TEXTS, LISTS) for names in table.values() for dest in names}
               | {dest for names in OTHERS.values() for dest in names})  # fmt: skip
KIND_WORDS = {Person: "a person", Learning: "a learning", Outreach: "an outreach",
              Interaction: "an interaction"}  # fmt: skip


def edit(store: Store, args: argparse.Namespace) -> int:
    record = record_by_id(store, args.id)
    kind = type(record)
    given = [dest for dest in EVERY if _given(getattr(args, dest, None))]
    allowed = set(TEXTS[kind]) | set(LISTS[kind]) | set(OTHERS[kind])
    wrong = [dest for dest in given if dest not in allowed]
    if wrong:
        options = ", ".join("--" + dest.replace("_", "-") for dest in wrong)
        raise RecordError(f"{options}: not an option for {KIND_WORDS[kind]}; nothing was changed.")
    if not given and not args.clear_conflicts:
        raise RecordError("Say what to change (netjournal edit --help); nothing was changed.")
    changes: dict[str, Any] = {}
    for dest, name in TEXTS[kind].items():
        value = getattr(args, dest, None)
        if value is not None:
            changes[name] = from_stdin(value) if dest == "message" else value
    for dest, name in LISTS[kind].items():
        added = getattr(args, dest, None)
        if added:  # a list option adds to what is there, as in the app's comma lists
            current = list(getattr(record, name))
            changes[name] = current + [item for item in added if item not in current]
    if args.influence is not None:
        changes["influence"] = args.influence
    if args.cadence is not None:
        changes["cadence_days"] = args.cadence
    if args.prospect or args.connected:
        changes["status"] = "prospect" if args.prospect else "connected"
    if args.date is not None:
        what = "A learning" if kind is Learning else "An interaction"
        changes["date"] = parse_past(args.date, today(), what)
    if args.due is not None:
        changes["due"] = parse_due(args.due, today())
    saved = edit_record(store, record, changes, clear_conflicts=args.clear_conflicts)
    assert isinstance(saved, Person | Interaction | Learning | Outreach)
    said_or_json(args, f"Changed '{saved.label}' ({saved.id}).", saved)
    return 0


def remove(store: Store, args: argparse.Namespace) -> int:
    record = record_by_id(store, args.id)
    if not args.yes:
        if not on_a_terminal():
            raise RecordError(
                f"Deleting '{record.label}' needs a yes: run it on a terminal, or add --yes; "
                "nothing was deleted."
            )
        history = "" if not isinstance(record, Person) else (
            " Their interactions and outreach are deleted too where only theirs."
            if args.with_history else " Their interactions and outreach are kept."
        )  # fmt: skip
        try:
            answer = input(safe_for_terminal(f"Delete '{record.label}'?{history} [y/N] "))
        except EOFError:
            answer = ""
        if answer.strip().lower() not in ("y", "yes"):
            show("Nothing was deleted.")
            return 0
    removed = remove_record(store, record, keep_history=not args.with_history)
    show(removed.said)
    return 0


def _given(value: object) -> bool:
    return value not in (None, False, [])
