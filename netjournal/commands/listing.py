"""`netjournal list ...` and `netjournal search ...`."""

from __future__ import annotations

import argparse
from datetime import date

from netjournal.commands.output import print_json, print_table
from netjournal.core.cleaning import clean_line
from netjournal.core.clock import today
from netjournal.core.contacts import last_contacts
from netjournal.core.finding import find
from netjournal.core.search_index import open_index
from netjournal.core.standing import standing, standing_words
from netjournal.core.store import Store


def list_records(store: Store, args: argparse.Namespace) -> int:
    return {
        "people": _people,
        "learnings": _learnings,
        "outreach": _outreach,
        "interactions": _interactions,
    }[args.what](store, args.json)


def _people(store: Store, as_json: bool) -> int:
    people = sorted(store.people(), key=lambda p: p.name.casefold())
    last = last_contacts(store.interactions())
    if as_json:
        print_json([{**p.to_dict(), "last_contact": _iso(last.get(p.id))} for p in people])
        return 0
    rows = [
        [p.name, " / ".join(x for x in (p.org, p.department) if x), p.role,
         _iso(last.get(p.id)) or "never", p.id]
        for p in people
    ]  # fmt: skip
    print_table(rows, "No people yet: add one with `netjournal add person NAME`.")
    return 0


def _learnings(store: Store, as_json: bool) -> int:
    learnings = sorted(store.learnings(), key=lambda item: (item.date, item.created), reverse=True)
    if as_json:
        print_json([item.to_dict() for item in learnings])
        return 0
    rows = [[item.date.isoformat(), item.title, item.source or item.source_kind, item.id]
            for item in learnings]  # fmt: skip
    print_table(rows, "No learnings yet: add one with `netjournal add learning TITLE`.")
    return 0


def _outreach(store: Store, as_json: bool) -> int:
    items = sorted(
        store.outreach(), key=lambda o: (o.status != "open", o.due or date.max, o.created)
    )
    day = today()
    if as_json:  # "standing" is the word the app's Outreach area groups the plan under
        print_json([{**o.to_dict(), "standing": standing(o, day).value} for o in items])
        return 0
    rows = [[_iso(o.due) or "someday", standing_words(o, day), o.kind, o.title, o.id]
            for o in items]  # fmt: skip
    print_table(rows, "Nothing planned: plan with `netjournal add outreach KIND --to NAME`.")
    return 0


def _interactions(store: Store, as_json: bool) -> int:
    items = sorted(store.interactions(), key=lambda i: (i.date, i.created), reverse=True)
    if as_json:
        print_json([item.to_dict() for item in items])
        return 0
    names = {person.id: person.name for person in store.people()}
    rows = [
        [i.date.isoformat(), ", ".join(names.get(pid, "(deleted)") for pid in i.person_ids) or "-",
         i.channel, i.summary, i.id]
        for i in items
    ]  # fmt: skip
    print_table(rows, "No interactions yet: log one with `netjournal log NAME -m SUMMARY`.")
    return 0


def search_journal(store: Store, args: argparse.Namespace) -> int:
    """`netjournal search QUERY`: the app's search (words, p: j: o: i: and @tag), best first."""
    records = [*store.people(), *store.learnings(), *store.interactions(), *store.outreach()]
    index = open_index(store, records, save=store.exists)
    hits = find(records, args.query, index, limit=args.limit)
    if args.json:
        print_json([hit.to_dict() for hit in hits])
        return 0
    rows = [[hit.type, hit.title, hit.snippet, hit.id] for hit in hits]
    print_table(rows, f"Nothing matches '{clean_line(args.query)}'.")
    return 0


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
