"""Importing a 10,000-card vCard file (budget: <= 10 s, with progress, one save).

    python benchmarks/bench_import.py [--cards 10000] [--runs 5] [--seed 7] [--keep DIR]

Generates a realistic .vcf (vCard 3.0 from Apple with `item1.` grouped emails and
X-ABLabel, folded NOTE lines, escaped commas, ORG with a department; one card in five vCard
2.1 from Android with quoted-printable UTF-8 and soft line breaks; one in twenty with a small
PHOTO; one in fifty a second card for someone already in the file), then imports it into a new temporary journal, `--runs` times, each in a new journal:
the whole `import_file` (read, parse, compare, one save), with its parts timed. Then a
re-import of the same file into the full journal (everyone already there: nothing written),
peak memory (tracemalloc, in a run of its own) and the whole `netjournal import` process.
"""

from __future__ import annotations

import argparse
import base64
import quopri
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from benchutil import Row, Timers, machine_line, print_table

from netjournal.core import store as store_module
from netjournal.core.store import Store
from netjournal.formats import importing, vcard_import
from netjournal.formats.incoming import Parsed

BUDGET_S = 10.0
DUPLICATES = 0.02
FIRST = ["Anna", "Jürgen", "Søren", "Chinedu", "Priya", "Wei", "Aiko", "Marie-Claire", "Tomás",
         "Oluwaseun", "Grace", "Łukasz", "Zoë", "Ingrid", "Farid", "Amara", "Dmitri", "Carmen",
         "Hannah", "Kwame", "Sofia", "Luca", "Ana", "Bob", "Helena", "Nguyễn", "François"]  # fmt: skip
LAST = ["Müller", "Okafor", "Raman", "Chen", "Tanaka", "Dubois", "Ibarra", "Adeyemi", "O'Neill",
        "Nowak", "Larsen", "Haddad", "Nwosu", "Volkov", "Díaz", "Schmidt", "Mensah", "Lindqvist",
        "Bianchi", "Souza", "van den Berg", "Ó Súilleabháin", "Kowalski", "Petrova"]  # fmt: skip
ORGS = ["Northwind Logistics", "Contoso Ltd, Nordic", "Fabrikam GmbH", "Tailspin Toys, Inc.",
        "Woodgrove Bank", "Litware Scanners", "Proseware", "Adventure Works", "TU Logistics Lab"]  # fmt: skip
DEPARTMENTS = ["Warehouse Automation", "Legal", "Procurement", "Risk", "Treasury", "Sales", "R&D"]
TITLES = ["Automation Engineer", "General Counsel", "Procurement Lead", "Director, Supply Chain",
          "VP Engineering", "Industry Reporter", "Head of Developer Relations"]  # fmt: skip
NOTES = ["Met at LogiMAT booth 4B. Into robotics, sailing and sourdough. Wants introductions "
         "to the data team; asked about pallet robots, leasing and the WMS integration.",
         "Spricht gern über Lieferketten und Radsport. Sucht Kontakte in der Beschaffung.",
         "Second source for scanners; prefers email; knows everyone at the CSRD working group."]  # fmt: skip
PHOTO = base64.b64encode(random.Random(1).randbytes(1500)).decode()


def fold_line(line: str) -> str:
    """RFC 6350 folding: 75 characters, continuation lines start with a space."""
    parts = [line[:75]] + [" " + line[i : i + 74] for i in range(75, len(line), 74)]
    return "\r\n".join(parts)


def person_name(number: int) -> tuple[str, str]:
    """A different name for each number below 27 * 26 * 24 = 16,848 (a middle initial helps)."""
    first = FIRST[number % len(FIRST)]
    initial = chr(ord("A") + (number // len(FIRST)) % 26)
    last = LAST[(number // (len(FIRST) * 26)) % len(LAST)]
    return f"{first} {initial}.", last


def apple_card(rng: random.Random, number: int) -> str:
    first, last = person_name(number)
    org = rng.choice(ORGS).replace(",", "\\,")
    title = rng.choice(TITLES).replace(",", "\\,")
    lines = [
        "BEGIN:VCARD", "VERSION:3.0", "PRODID:-//Apple Inc.//macOS 15.1//EN",
        f"N:{last};{first};;;", f"FN:{first} {last}",
        f"ORG:{org};{rng.choice(DEPARTMENTS)}", f"TITLE:{title}",
        f"item1.EMAIL;type=INTERNET;type=pref:{first[0].lower()}.{number}@example.com",
        "item1.X-ABLabel:_$!<Other>!$_",
        f"TEL;type=CELL;type=VOICE;type=pref:+44 7700 {number:06d}",
        fold_line("NOTE:" + rng.choice(NOTES).replace(",", "\\,").replace(";", "\\;")),
        "CATEGORIES:robotics,logistics",
    ]  # fmt: skip
    if rng.random() < 0.05:
        lines.append(fold_line(f"PHOTO;ENCODING=b;TYPE=JPEG:{PHOTO}"))
    return "\r\n".join([*lines, "END:VCARD"]) + "\r\n"


def android_card(rng: random.Random, number: int) -> str:
    first, last = person_name(number)

    def qp(text: str) -> str:  # quoted-printable with soft line breaks every 60 or so
        encoded = quopri.encodestring(text.encode(), quotetabs=False).decode()
        return encoded.replace("=\n", "=\r\n")

    return "\r\n".join([
        "BEGIN:VCARD", "VERSION:2.1",
        f"N;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(last)};{qp(first)};;;",
        f"FN;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(f'{first} {last}')}",
        f"ORG;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(rng.choice(ORGS).replace(',', ''))}",
        f"NOTE;CHARSET=UTF-8;ENCODING=QUOTED-PRINTABLE:{qp(rng.choice(NOTES))}",
        f"TEL;CELL:+49 151 {number:08d}",
        f"EMAIL;HOME:{first[0].lower()}.{number}@example.net",
        "END:VCARD",
    ]) + "\r\n"  # fmt: skip


def generate(path: Path, cards: int, seed: int) -> None:
    """`cards` cards; one in fifty is someone met before (a second card, the same email)."""
    rng = random.Random(seed)
    with open(path, "w", encoding="utf-8", newline="") as handle:
        for number in range(cards):
            person = rng.randrange(number) if number and rng.random() < DUPLICATES else number
            make = android_card if person % 5 == 0 else apple_card
            handle.write(make(rng, person))


def one_import(vcf: Path, folder: Path) -> tuple[float, int]:
    """Seconds for the whole import into `folder`, and the people created."""
    calls: list[int] = []
    began = time.perf_counter()
    report = importing.import_file(Store.open(folder), "vcard", vcf,
                                   progress=lambda done, total: calls.append(done))  # fmt: skip
    seconds = time.perf_counter() - began
    assert len(calls) > 10 and calls[-1] == cards_in(vcf), "progress was not reported"
    return seconds, len(report.created)


def cards_in(vcf: Path) -> int:
    return vcf.read_bytes().count(b"BEGIN:VCARD")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--cards", type=int, default=10_000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--keep", type=Path, help="keep the generated .vcf at this path")
    args = parser.parse_args()
    print(machine_line())
    scratch = Path(tempfile.mkdtemp(prefix="nj-import-bench-"))
    try:
        vcf = scratch / "contacts.vcf"
        began = time.perf_counter()
        generate(vcf, args.cards, args.seed)
        size = vcf.stat().st_size
        print(f"Generated {args.cards:,} cards ({size / 2**20:.1f} MB) in "
              f"{time.perf_counter() - began:.1f} s: {vcf}")  # fmt: skip
        if args.keep:
            shutil.copy(vcf, args.keep)

        timers = Timers()
        timers.wrap(importing, "read_file", "read and parse the file (vobject, each card)")
        timers.wrap(vcard_import, "card_properties", "  vobject: a card's content lines")
        timers.wrap(vcard_import, "person_fields", "  decoding values into fields")
        timers.wrap(Parsed, "add_person", "  Person.create (cleaning, validation)")
        timers.wrap(importing, "plan_people", "compare with the journal (merge.plan_people)")
        timers.wrap(store_module.Store, "_write", "the save (Store._write)")
        seconds: list[float] = []
        for run in range(args.runs):
            timers.reset()
            took, created = one_import(vcf, scratch / f"journal-{run}")
            seconds.append(took)
            saves = timers.calls["the save (Store._write)"]
            print(f"run {run + 1}: {took:.2f} s, {created:,} people created, {saves} save(s)")
            assert saves == 1, "an import must be one save"
        print("\nWhere the time of the last run went:")
        for name, spent in timers.seconds.items():
            print(f"  {name:50} {spent:6.2f} s  ({timers.calls[name]:,} calls)")
        timers.restore()

        again: list[float] = []
        for _ in range(max(1, args.runs // 2)):
            began = time.perf_counter()
            report = importing.import_file(Store.open(scratch / "journal-0"), "vcard", vcf)
            again.append(time.perf_counter() - began)
            assert not report.created and not report.updated
        tracemalloc.start()
        one_import(vcf, scratch / "journal-memory")
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()

        process: list[float] = []
        for run in range(3):
            began = time.perf_counter()
            subprocess.run([sys.executable, "-m", "netjournal", "--dir",
                            str(scratch / f"journal-cli-{run}"), "import", "vcard", str(vcf)],
                           check=True, capture_output=True)  # fmt: skip
            process.append(time.perf_counter() - began)

        rows = [
            Row(f"import {args.cards:,} cards (in process)", seconds, "s", BUDGET_S, BUDGET_S),
            Row("re-import, all already there (no save)", again, "s"),
            Row("`netjournal import vcard` whole process", process, "s", BUDGET_S),
            Row("peak traced memory of one import", [float(peak)], "MB", peak=True),
        ]
        print_table(f"Importing {args.cards:,} vCards", rows)
        print(f"median {statistics.median(seconds):.2f} s: "
              f"{statistics.median(seconds) / args.cards * 1e6:.0f} µs per card")  # fmt: skip
        return 0 if all(row.verdict() in ("", "PASS") for row in rows) else 1
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
