"""`netjournal who TOPIC` and `netjournal suggest LEARNING`: people ranked, with the reasons."""

from __future__ import annotations

import argparse

from netjournal.commands.output import print_json, print_table
from netjournal.core.search_index import open_index
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.who import nobody_knows, rank_people_for


def who(store: Store, args: argparse.Namespace) -> int:
    """`netjournal who TOPIC`: people ranked for a topic, with the reasons."""
    people, interactions, learnings = store.people(), store.interactions(), store.learnings()
    index = open_index(
        store, [*people, *interactions, *learnings, *store.outreach()], save=store.exists
    )
    ranked = rank_people_for(
        args.topic, people, interactions, learnings, limit=args.limit, mentioning=index.mentioning
    )
    if args.json:
        print_json([entry.to_dict() for entry in ranked])
        return 0
    rows = [[entry.person.name, f"{entry.score:.1f}", "; ".join(entry.reasons)] for entry in ranked]
    print_table(rows, nobody_knows(args.topic),
                ("Name", "Score", "Why"))
    return 0


def suggest(store: Store, args: argparse.Namespace) -> int:
    """`netjournal suggest LEARNING`: whom to share it with, best first, with the reasons."""
    from netjournal.commands.resolving import resolve_learning
    from netjournal.core.suggest import share_candidates

    learning = resolve_learning(store, args.learning)
    # Those who have it or will get it are ranked out; the JSON says which ("shared", "planned").
    found = share_candidates(JournalSnapshot.load(store), learning, limit=args.limit)
    if args.json:
        print_json([entry.to_dict() for entry in found])
        return 0
    marks = {(True, False): " (has it)", (False, True): " (share planned)"}
    rows = [[entry.person.name + marks.get((entry.has_it, entry.planned), ""),
             f"{entry.score:.1f}", "; ".join(entry.reasons)] for entry in found]  # fmt: skip
    print_table(rows, f"Nobody's interests, expertise or needs match '{learning.title}' yet.",
                ("Name", "Score", "Why"))
    return 0
