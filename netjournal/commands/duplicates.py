"""`netjournal duplicates` and `netjournal merge KEEP OTHER`: one person, one record."""

from __future__ import annotations

import argparse

from netjournal.commands.output import print_json, print_table, show
from netjournal.commands.record_json import person_json
from netjournal.core.contacts import last_contacts
from netjournal.core.duplicates import likely_duplicates
from netjournal.core.names import person_candidates, resolve
from netjournal.core.person_merge import merge_people, plan_merge
from netjournal.core.records import Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.words import count_of


def duplicates(store: Store, args: argparse.Namespace) -> int:
    """List the likely duplicates, best first, with why and the command that merges them."""
    pairs = likely_duplicates(store.people())
    if args.json:
        print_json([pair.to_dict() for pair in pairs])
        return 0
    if not pairs:
        show("No likely duplicates: nobody shares an email, a phone number, or a name at one org.")
        return 0
    show(f"{count_of(len(pairs), 'likely duplicate')}, best first:")
    print_table([(_who(pair.keep), _who(pair.other), pair.why()) for pair in pairs], "",
                ("Keep", "Other", "Why"))
    show("Merge a pair with `netjournal merge KEEP OTHER` (the first is kept; "
         "--dry-run shows what would change).")  # fmt: skip
    return 0


def _who(person: Person) -> str:
    where = f"{person.org}, " if person.org else ""
    return f"{person.name} ({where}{person.id})"


def merge(store: Store, args: argparse.Namespace) -> int:
    """Merge OTHER into KEEP (or, with --dry-run, say what that would change)."""
    snapshot = JournalSnapshot.load(store)  # every record that may point at OTHER
    plan = plan_merge(snapshot, _which(snapshot, args.keep), _which(snapshot, args.other))
    merged = None if args.dry_run else merge_people(store, plan)
    if args.json:  # "kept" as `list people --json` has them: with the talks of both
        seen = last_contacts(snapshot.interactions.values())
        last = max(filter(None, (seen.get(plan.keep.id), seen.get(plan.other.id))), default=None)
        print_json({"dry_run": args.dry_run, **plan.to_dict(),
                    "kept": person_json(plan.merged, last)})  # fmt: skip
        return 0
    if merged is None:
        show(f"Merging {plan.other.name} into {plan.keep.name} would change:")
        show("\n".join(f"  {line}" for line in plan.lines()))
        show("Nothing was changed (a dry run).")
        return 0
    show("\n".join(plan.lines()))
    show(merged.sentence())
    return 0


def _which(snapshot: JournalSnapshot, typed: str) -> str:
    """The id `typed` means: any record's id as it is (the merge says if it is no person's),
    else a person's name, matched like every command's names."""
    typed = typed.strip()
    tables = (snapshot.people, snapshot.learnings, snapshot.interactions, snapshot.outreach)
    if any(typed in table for table in tables):
        return typed
    return resolve(typed, person_candidates(snapshot.people.values()), "person").id
