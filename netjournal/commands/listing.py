"""`netjournal list ...` and `netjournal search ...`."""

from __future__ import annotations

import argparse
import sys
from datetime import date
from functools import partial

from netjournal.commands.output import print_json, print_table
from netjournal.commands.record_json import outreach_json, person_json, record_json
from netjournal.core.background_index import build_in_background, index_at_once
from netjournal.core.cleaning import clean_line
from netjournal.core.clock import today
from netjournal.core.contacts import last_contacts
from netjournal.core.finding import find, find_reading
from netjournal.core.line_numbers import Numbering, remember_numbers
from netjournal.core.note_line import note_line
from netjournal.core.search import SearchHit
from netjournal.core.search_index import open_cached
from netjournal.core.search_query import parse_query
from netjournal.core.standing import standing_words
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
        print_json([person_json(p, last.get(p.id)) for p in people])
        return 0
    rows = [
        [p.name, " / ".join(x for x in (p.org, p.department) if x), p.role,
         _iso(last.get(p.id)) or "never", p.id]
        for p in people
    ]  # fmt: skip
    print_table(rows, "No people yet: add one with `netjournal add person NAME`.",
                ("Name", "Org / Department", "Role", "Last contact", "Id"))
    return 0


def _learnings(store: Store, as_json: bool) -> int:
    learnings = sorted(store.learnings(), key=lambda item: (item.date, item.created), reverse=True)
    if as_json:
        print_json([record_json(item) for item in learnings])
        return 0
    rows = [[item.date.isoformat(), item.title, item.source or item.source_kind, item.id]
            for item in learnings]  # fmt: skip
    print_table(rows, "No learnings yet: add one with `netjournal add learning TITLE`.",
                ("Date", "Title", "Source", "Id"))
    return 0


def _outreach(store: Store, as_json: bool) -> int:
    items = sorted(
        store.outreach(), key=lambda o: (o.status != "open", o.due or date.max, o.created)
    )
    day = today()
    if as_json:  # "standing" is the word the app's Outreach area groups the plan under
        print_json([outreach_json(o, day) for o in items])
        return 0
    # Open plans are numbered (`done 2`: today's short handles); done and dropped ones are not.
    numbered = [o.id for o in items if o.status == "open"]
    number = {plan_id: str(n) for n, plan_id in enumerate(numbered, 1)}
    # The note tells three "Follow up with Ann Lee" apart (whole in --json, as "notes").
    rows = [[number.get(o.id, "").rjust(len(str(len(numbered)))), _iso(o.due) or "someday",
             standing_words(o, day), o.kind, o.title, note_line(o.notes), o.id]
            for o in items]  # fmt: skip
    print_table(rows, "Nothing planned: plan with `netjournal add outreach KIND --to NAME`.",
                ("#", "Due", "Standing", "Kind", "Title", "Note", "Id"))
    if numbered:
        remember_numbers(store, Numbering(day, "outreach", tuple(numbered)))
    return 0


def _interactions(store: Store, as_json: bool) -> int:
    items = sorted(store.interactions(), key=lambda i: (i.date, i.created), reverse=True)
    if as_json:
        print_json([record_json(item) for item in items])
        return 0
    names = {person.id: person.name for person in store.people()}
    rows = [
        [i.date.isoformat(), ", ".join(names.get(pid, "(deleted)") for pid in i.person_ids) or "-",
         i.channel, i.summary, i.id]
        for i in items
    ]  # fmt: skip
    print_table(rows, "No interactions yet: log one with `netjournal log NAME -m SUMMARY`.",
                ("Date", "With", "Channel", "Summary", "Id"))
    return 0


def search_journal(store: Store, args: argparse.Namespace) -> int:
    """`netjournal search QUERY`: the app's search (words, p: j: o: i: and @tag), best first.

    With the search cache, only the shards changed since it was written and those of the hits
    are read; without it, a small journal is indexed at once, a large one scanned while a
    process of its own builds the cache.
    """
    words = parse_query(args.query).words.strip()
    index = open_cached(store) if words else None
    if index is not None:
        hits = find_reading(args.query, index, partial(index.record, store), limit=args.limit)
        _print_hits(hits, args)
        if index.outdated:  # the journal was copied or restored: the next search is quick again
            build_in_background(store, afresh=True)
        return 0
    records = [*store.people(), *store.learnings(), *store.interactions(), *store.outreach()]
    built = index_at_once(store, records) if words else None
    _print_hits(find(records, args.query, built, limit=args.limit), args)
    if words and built is None:
        build_in_background(store)
    return 0


def _print_hits(hits: list[SearchHit], args: argparse.Namespace) -> None:
    if args.json:
        print_json([hit.to_dict() for hit in hits])
    else:
        rows = [[hit.type, hit.title, hit.snippet, hit.id] for hit in hits]
        print_table(rows, f"Nothing matches '{clean_line(args.query)}'.",
                    ("Type", "Title", "Snippet", "Id"))
    sys.stdout.flush()  # the answer first: a cache may be built after it


def _iso(day: date | None) -> str | None:
    return day.isoformat() if day else None
