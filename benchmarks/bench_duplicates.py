"""Finding likely duplicates among all the people of a large journal (issue 13).

    python benchmarks/bench_duplicates.py DIR [--runs 15] [--cli-runs 5] [--json FILE]

Budget (the issue): finding duplicates among 10,000 people <= 1 s. DIR is only read.

1. Core: `likely_duplicates(people)` on every person of DIR (read once with `Store.people()`),
   a fresh call each run (nothing cached between runs; the app caches per snapshot), then
   each step alone (emails, phone numbers, same names, close names). The phone region is worked out from the journal each run, as the app and CLI do.
   Then again with `--planted N` (default 1,000) people copied as a second source would have
   them (a letter of the last name dropped, the phone in its national format, the email in
   capitals), to time it when there are many duplicates to find.
2. CLI: `netjournal --dir DIR duplicates --json`, whole process (the console script): start,
   reading the people, finding the pairs, printing them.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import phonenumbers
from benchutil import Row, check_journal, child_env, machine_line, print_table

from netjournal.core import duplicates
from netjournal.core.records import Person
from netjournal.core.store import Store

BUDGET_S = 1.0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("journal", type=Path)
    parser.add_argument("--runs", type=int, default=15)
    parser.add_argument("--cli-runs", type=int, default=5)
    parser.add_argument(
        "--planted",
        type=int,
        default=1000,
        metavar="N",
        help="also time it with N copies of people, as a second source has them",
    )
    parser.add_argument("--json", type=Path, metavar="FILE", help="save the numbers here")
    args = parser.parse_args()
    check_journal(args.journal)
    print(machine_line())

    began = time.perf_counter()
    people = Store.open(args.journal).people()
    print(f"Read {len(people):,} people in {time.perf_counter() - began:.2f} s.")

    found: list[duplicates.DuplicatePair] = []
    core: list[float] = []
    for _ in range(args.runs):
        began = time.perf_counter()
        found = duplicates.likely_duplicates(people)
        core.append(time.perf_counter() - began)
    kinds = Counter(reason.kind for pair in found for reason in pair.reasons)
    print(f"{len(found):,} pairs; reasons: {dict(kinds)}; phone region: "
          f"{duplicates.phone_region(people)}")  # fmt: skip

    # Each step is a generator (its time is spent while it is iterated): drained one by one.
    steps = {
        "emails": lambda: list(duplicates._shared(people, duplicates._email_keys)),
        "phone numbers": lambda: list(duplicates._same_numbers(people, None)),
        "same names": lambda: list(duplicates._same_name(people)),
        "close names": lambda: list(duplicates._close_names(
            people, [duplicates.fold(p.name) for p in people],
            [duplicates.fold(p.org) for p in people])),
    }  # fmt: skip
    step_rows = []
    for label, run in steps.items():
        values = []
        for _ in range(5):
            began = time.perf_counter()
            run()
            values.append(time.perf_counter() - began)
        step_rows.append(Row(f"  of which {label}", values, unit="s"))

    planted = plant(people, args.planted)
    crowd = [*people, *planted]
    with_planted: list[float] = []
    for _ in range(args.runs):
        began = time.perf_counter()
        again = duplicates.likely_duplicates(crowd)
        with_planted.append(time.perf_counter() - began)
    copies = {person.id for person in planted}
    caught = {pair.other.id for pair in again if pair.other.id in copies}
    print(f"With {len(planted):,} planted copies: {len(again):,} pairs, "
          f"{len(caught):,} of the copies found.")  # fmt: skip

    cli: list[float] = []
    command = [str(Path(sys.executable).parent / "netjournal"), "--dir", str(args.journal),
               "duplicates", "--json"]  # fmt: skip
    for _ in range(args.cli_runs):
        began = time.perf_counter()
        result = subprocess.run(command, capture_output=True, env=child_env(), check=False)
        cli.append(time.perf_counter() - began)
        if result.returncode != 0:
            sys.exit(result.stderr.decode())
    assert len(json.loads(result.stdout)) == len(found)

    rows = [
        Row(f"core: likely_duplicates, {len(people):,} people", core, unit="s",
            median_budget=BUDGET_S, p95_budget=BUDGET_S),
        *step_rows,
        Row(f"core: likely_duplicates, {len(crowd):,} people ({len(planted):,} planted copies)",
            with_planted, unit="s", median_budget=BUDGET_S, p95_budget=BUDGET_S),
        Row("CLI: netjournal duplicates --json, whole process", cli, unit="s"),
    ]  # fmt: skip
    print_table("Finding duplicates", rows)
    if args.json:
        args.json.write_text(json.dumps([row.as_dict() for row in rows], indent=2) + "\n")
    return 0 if all(not row.verdict().startswith("FAIL") for row in rows) else 1


def plant(people: list[Person], count: int) -> list[Person]:
    """`count` people again as another source would have them: a letter of the last name
    dropped, the phone number in its national format, the email in capitals (fixed seed)."""
    rng = random.Random(13)
    copies = []
    for person in rng.sample(people, min(count, len(people))):
        *first, last = person.name.split()
        cut = rng.randrange(1, len(last)) if len(last) > 4 else len(last)
        phones = [_national(number) for number in person.phone]
        copies.append(Person.create(
            name=" ".join([*first, last[:cut] + last[cut + 1:]]), org=person.org,
            email=[address.upper() for address in person.email], phone=phones,
        ))  # fmt: skip
    return copies


def _national(number: str) -> str:
    try:
        parsed = phonenumbers.parse(number, None)
    except phonenumbers.NumberParseException:
        return number
    return phonenumbers.format_number(parsed, phonenumbers.PhoneNumberFormat.NATIONAL)


if __name__ == "__main__":
    os.environ.setdefault("PYTHONHASHSEED", "0")
    sys.exit(main())
