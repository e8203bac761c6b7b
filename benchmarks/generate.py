"""Build a large, realistic journal through the real Store API, for the benchmarks.

    python benchmarks/generate.py DIR --people 10000 --notes 100000 [--seed 1]

People (names from many cultures, orgs, departments, roles, influence, interests, expertise,
needs, tags), learnings (1-2 KB Markdown bodies, trade shows and other sources), interactions
(1-3 people, summaries and notes) spread over ten years ending today, and some outreach.
Records are made with `Kind.create(...)` (cleaned and validated like any user input) with ids
and timestamps drawn from the seed, and saved with `store.add(*records)` one year at a time,
so each shard file is written once. The same seed and --today give the same journal.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import random
import shutil
import sys
import time
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, timedelta
from pathlib import Path

from netjournal.core.clock import _ID_ALPHABET, ID_LENGTH
from netjournal.core.planning import outreach_title
from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.core.store import META_NAME, Store

sys.path.insert(0, str(Path(__file__).resolve().parent))
from corpus import (
    DEPARTMENTS,
    EXPERTISE,
    FIRST_NAMES,
    INTERESTS,
    LAST_NAMES,
    NEEDS,
    NOTE_OPENERS,
    OWN_ORG,
    PERSON_KINDS_WEIGHTED,
    PODCASTS,
    PUBLICATIONS,
    ROLES_BY_INFLUENCE,
    SITES,
    TAGS,
    TRADE_SHOWS,
    UNIVERSITIES,
    Pool,
    Prose,
    company_names,
)

YEARS = 10
LEARNING_SHARE = 0.4  # of --notes; the rest are interactions
SOURCE_KINDS_WEIGHTED = [
    ("trade-show", 20), ("conference", 15), ("workshop", 5), ("book", 10), ("podcast", 12),
    ("article", 25), ("conversation", 10), ("other", 3),
]  # fmt: skip
CHANNELS_WEIGHTED = [
    ("meeting", 30), ("call", 20), ("email", 20), ("chat", 10), ("coffee", 10), ("other", 3),
]  # fmt: skip
OUTREACH_KINDS_WEIGHTED = [
    ("share", 30), ("follow-up", 30), ("introduce", 10), ("reconnect", 15), ("bring-in", 5),
    ("ask", 10),
]  # fmt: skip
JOURNALIST_ROLES = {0: "Reporter", 1: "Correspondent", 2: "Senior Editor", 3: "Editor-in-Chief"}


@dataclass(frozen=True)
class Event:
    name: str  # "LogiMAT 2024"
    kind: str  # source kind: trade-show, conference, workshop
    day: date


class Generator:
    """Makes records; every random choice comes from one seeded Random."""

    def __init__(self, seed: int, today: date, people: int, notes: int, outreach: int) -> None:
        self.rng = random.Random(seed)
        self.today = today
        self.start = date(today.year - YEARS, today.month, 1)
        self.span = (today - self.start).days
        self.n_people, self.n_notes, self.n_outreach = people, notes, outreach
        self.ids: set[str] = set()
        rng = self.rng
        self.companies = company_names(rng, 600)
        self.firsts = Pool(FIRST_NAMES, rng, exponent=0.5)
        self.lasts = Pool(LAST_NAMES, rng, exponent=0.5)
        self.company_pool = Pool(self.companies, rng, exponent=0.8)
        self.departments = Pool(DEPARTMENTS, rng, exponent=0.6)
        self.interests = Pool(INTERESTS, rng)
        self.expertise = Pool(EXPERTISE, rng)
        self.needs = Pool(NEEDS, rng)
        self.tags = Pool(TAGS, rng)
        self.prose = Prose(rng, self.companies, [self._name() for _ in range(300)])
        self.events = self._calendar()

    # Small helpers

    def _id(self) -> str:
        while True:
            made = "".join(self.rng.choices(_ID_ALPHABET, k=ID_LENGTH))
            if made not in self.ids:
                self.ids.add(made)
                return made

    def _stamp(self, day: date) -> str:
        rng = self.rng
        return f"{day.isoformat()}T{rng.randint(6, 21):02d}:{rng.randint(0, 59):02d}:{rng.randint(0, 59):02d}Z"

    def _weighted(self, table: Sequence[tuple[str, int]]) -> str:
        return self.rng.choices([v for v, _ in table], weights=[w for _, w in table])[0]

    def _day(self) -> date:
        """A day in the last ten years, a little more often recent (use grows over time)."""
        rng = self.rng
        fraction = rng.random() if rng.random() < 0.7 else rng.random() ** 0.5
        return self.start + timedelta(days=min(self.span, int(fraction * (self.span + 1))))

    def _name(self) -> str:
        rng = self.rng
        first = self.firsts.one()
        if rng.random() < 0.04:
            first = f"{first} {rng.choice('ABCDEFGHJKLMNPRSTW')}."
        return f"{first} {self.lasts.one()}"

    def _calendar(self) -> list[Event]:
        """Each show once a year, in its own month: learnings and meetings cluster there."""
        events = []
        for name, kind in TRADE_SHOWS:
            month = self.rng.randint(1, 12)
            for year in range(self.start.year, self.today.year + 1):
                day = date(year, month, self.rng.randint(1, 25))
                if self.start <= day <= self.today:
                    events.append(Event(f"{name} {year}", kind, day))
        events.sort(key=lambda event: event.day)
        return events

    def _event(self, kind: str | None = None) -> Event:
        choices = [e for e in self.events if kind is None or e.kind == kind] or self.events
        return self.rng.choice(choices)

    # People

    def people(self) -> list[Person]:
        rng = self.rng
        made: list[Person] = []
        for _ in range(self.n_people):
            # A third came in with an import of contacts when the journal started.
            day = (
                self.start + timedelta(days=rng.randint(0, 20))
                if rng.random() < 0.3
                else self._day()
            )
            made.append(self._person(day))
        made.sort(key=lambda person: person.created)
        return made

    def _person(self, day: date) -> Person:
        rng = self.rng
        name = self._name()
        kind = self._weighted(PERSON_KINDS_WEIGHTED)
        influence = rng.choices((0, 1, 2, 3), weights=(40, 35, 18, 7))[0]
        department = self.departments.one()
        if kind == "internal":
            org = OWN_ORG
        elif kind == "expert":
            org = rng.choice(UNIVERSITIES) if rng.random() < 0.5 else self.company_pool.one()
        elif kind == "journalist":
            org, department = rng.choice(PUBLICATIONS), "Newsroom"
        else:
            org = self.company_pool.one()
        role = (
            JOURNALIST_ROLES[influence]
            if kind == "journalist"
            else rng.choice(ROLES_BY_INFLUENCE[influence]).format(dept=department)
        )
        plain = ascii_slug(name, ".")
        domain = ascii_slug(org.split()[0], "") + ".example"
        created = self._stamp(day)
        met_via = ""
        if rng.random() < 0.4:
            met_via = rng.choice(
                [f"Intro by {self._name()}", f"Met at {self._event().name}", "Cold email",
                 f"Colleague of {self._name()}", "LinkedIn", "Former colleague"]
            )  # fmt: skip
        return Person.create(
            id=self._id(),
            created=created,
            updated=created,
            name=name,
            org=org,
            department=department,
            role=role,
            kind=kind,
            influence=influence,
            status="prospect" if rng.random() < 0.05 else "connected",
            interests=self.interests.distinct(rng.choice((0, 1, 2, 2, 3, 4))),
            expertise=self.expertise.distinct(rng.choice((0, 1, 2, 3, 3, 4))),
            needs=self.needs.distinct(rng.choice((0, 0, 1, 1, 2))),
            tags=self.tags.distinct(rng.choice((0, 1, 1, 2, 3))),
            email=[f"{plain}@{domain}"] if rng.random() < 0.8 else [],
            phone=[f"+{rng.randint(1, 99)} {rng.randint(100, 999)} {rng.randint(100000, 9999999)}"]
            if rng.random() < 0.5
            else [],
            links=[f"https://www.linkedin.com/in/{ascii_slug(name, '-')}-{rng.randint(1, 9999)}"]
            if rng.random() < 0.2
            else [],
            met_via=met_via,
            cadence_days=rng.choice((14, 30, 60, 90, 180, 365)) if rng.random() < 0.3 else None,
            notes=self.prose.body(50, 400, NOTE_OPENERS) if rng.random() < 0.5 else "",
        )

    # Learnings

    def learning(self) -> Learning:
        rng = self.rng
        kind = self._weighted(SOURCE_KINDS_WEIGHTED)
        event, url, source = "", "", ""
        if kind in ("trade-show", "conference", "workshop"):
            held = self._event(kind)
            day = min(self.today, held.day + timedelta(days=rng.randint(0, 3)))
            event = held.name
            source = self.prose.orgs.one()
        else:
            day = self._day()
        if kind == "book":
            source = f"{self.prose.title()} by {self._name()}"
        elif kind == "podcast":
            source = f"{rng.choice(PODCASTS)} (ep. {rng.randint(1, 600)})"
        elif kind == "article":
            site = rng.choice(SITES)
            source = rng.choice(PUBLICATIONS) if rng.random() < 0.4 else site
            url = f"https://{site}/{rng.randint(2016, 2026)}/{ascii_slug(self.prose.title(), '-')[:60]}"
        elif kind == "conversation":
            source = self._name()
        stamp = self._stamp(day)
        return Learning.create(
            id=self._id(),
            created=stamp,
            updated=stamp,
            date=day,
            title=self.prose.title(),
            body=self.prose.body(1000, 2000),
            source_kind=kind,
            source=source,
            url=url,
            event=event,
            tags=self.tags.distinct(rng.choice((0, 1, 2, 2, 3, 4))),
        )

    # Interactions

    def interactions(
        self, count: int, people: Sequence[Person], learnings: Sequence[Learning]
    ) -> list[Interaction]:
        """Each with 1-3 people who were in the journal by then, some sharing learnings."""
        rng = self.rng
        known_since = [person.created[:10] for person in people]  # people are sorted by created
        popularity = list(itertools.accumulate(rng.paretovariate(1.2) for _ in people))
        learning_days = [learning.date for learning in learnings]  # sorted by date
        made = []
        for _ in range(count):
            event = ""
            if rng.random() < 0.12:
                held = self._event()
                day, channel, event = held.day, "event", held.name
            else:
                day, channel = self._day(), self._weighted(CHANNELS_WEIGHTED)
            eligible = max(1, bisect.bisect_right(known_since, day.isoformat()))
            how_many = rng.choices((1, 2, 3), weights=(70, 22, 8))[0]
            chosen: list[Person] = []
            for _ in range(how_many):
                pick = bisect.bisect_left(popularity, rng.random() * popularity[eligible - 1])
                if all(person is not people[pick] for person in chosen):
                    chosen.append(people[pick])
            shared: list[str] = []
            if learnings and rng.random() < 0.12:
                before = bisect.bisect_right(learning_days, day)
                if before:
                    shared = [learnings[rng.randrange(before)].id for _ in range(rng.randint(1, 2))]
            roll = rng.random()
            notes = (
                ""
                if roll < 0.15
                else self.prose.body(80, 300, NOTE_OPENERS)
                if roll < 0.32
                else self.prose.body(800, 2400, NOTE_OPENERS)
            )
            stamp = self._stamp(day)
            made.append(
                Interaction.create(
                    id=self._id(),
                    created=stamp,
                    updated=stamp,
                    date=day,
                    person_ids=[person.id for person in chosen],
                    channel=channel,
                    event=event,
                    summary=self.prose.summary(chosen[0].name.split()[0], event),
                    notes=notes,
                    learning_ids=list(dict.fromkeys(shared)),
                )
            )
        return made

    # Outreach

    def outreach(self, people: Sequence[Person], learnings: Sequence[Learning]) -> list[Outreach]:
        rng = self.rng
        made = []
        for _ in range(self.n_outreach):
            kind = self._weighted(OUTREACH_KINDS_WEIGHTED)
            who = rng.sample(
                list(people), 2 if kind == "introduce" else rng.choice((1, 1, 1, 2, 3))
            )
            learning = rng.choice(learnings) if kind == "share" and learnings else None
            if kind == "share" and learning is None:
                kind = "follow-up"
            status = rng.choices(("open", "done", "dropped"), weights=(55, 35, 10))[0]
            planned = self.today - timedelta(days=rng.randint(0, 365))
            due = planned + timedelta(days=rng.randint(1, 90)) if rng.random() < 0.7 else None
            done_at = (
                min(self.today, planned + timedelta(days=rng.randint(0, 60)))
                if status == "done"
                else None
            )
            snoozed = (
                self.today + timedelta(days=rng.randint(1, 30))
                if status == "open" and rng.random() < 0.1
                else None
            )
            stamp = self._stamp(planned)
            made.append(
                Outreach.create(
                    id=self._id(),
                    created=stamp,
                    updated=stamp,
                    kind=kind,
                    person_ids=[person.id for person in who],
                    learning_id=learning.id if learning else "",
                    title=outreach_title(kind, who, learning),
                    notes=self.prose.paragraph(rng.randint(1, 3), NOTE_OPENERS)
                    if rng.random() < 0.5
                    else "",
                    due=due,
                    status=status,
                    snoozed_until=snoozed,
                    done_at=done_at,
                )
            )
        return made


def ascii_slug(text: str, joiner: str) -> str:
    """'Jürgen O'Neil' -> 'jurgen.oneil' (with joiner '.')."""
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    words = ["".join(char for char in word if char.isalnum()) for word in plain.split()]
    return joiner.join(word for word in words if word)


def by_year(records: Sequence[Record]) -> dict[str, list[Record]]:
    """Records grouped by the year of their shard, so one save writes each shard once."""
    groups: dict[str, list[Record]] = {}
    for record in records:
        day = getattr(record, "date", None)
        year = day.isoformat()[:4] if day is not None else record.created[:4]
        groups.setdefault(year, []).append(record)
    return groups


def save(folder: Path, records: Sequence[Record]) -> float:
    """One `store.add` per year of records, each on a fresh Store; seconds taken."""
    began = time.perf_counter()
    for group in by_year(records).values():
        Store.open(folder).add(*group)
    return time.perf_counter() - began


def folder_size(folder: Path) -> tuple[int, int]:
    files = [path for path in folder.rglob("*.json") if path.is_file()]
    return len(files), sum(path.stat().st_size for path in files)


def parse_args(argv: Sequence[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("dir", type=Path, help="the journal folder to create")
    parser.add_argument("--people", type=int, default=10_000)
    parser.add_argument("--notes", type=int, default=100_000,
                        help="learnings + interactions (40%% learnings)")  # fmt: skip
    parser.add_argument("--outreach", type=int, help="planned actions (default people/5)")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--today", type=date.fromisoformat, default=date.today(),
                        help="the last day of the ten years (default today)")  # fmt: skip
    parser.add_argument("--force", action="store_true", help="replace an existing journal at DIR")
    return parser.parse_args(argv)


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    folder: Path = args.dir
    if folder.exists() and any(folder.iterdir()):
        if not (args.force and (folder / META_NAME).exists()):
            print(
                f"{folder} is not empty; use --force to replace a journal there.", file=sys.stderr
            )
            return 2
        shutil.rmtree(folder)
    began = time.perf_counter()
    gen = Generator(
        args.seed,
        args.today,
        args.people,
        args.notes,
        args.people // 5 if args.outreach is None else args.outreach,
    )
    n_learnings = round(args.notes * LEARNING_SHARE)
    timings: dict[str, tuple[float, float]] = {}

    t0 = time.perf_counter()
    people = gen.people()
    timings["people"] = (time.perf_counter() - t0, save(folder, people))

    t0 = time.perf_counter()
    learnings = sorted((gen.learning() for _ in range(n_learnings)), key=lambda x: x.date)
    timings["learnings"] = (time.perf_counter() - t0, save(folder, learnings))

    t0 = time.perf_counter()
    interactions = gen.interactions(args.notes - n_learnings, people, learnings)
    timings["interactions"] = (time.perf_counter() - t0, save(folder, interactions))

    t0 = time.perf_counter()
    outreach = gen.outreach(people, learnings)
    timings["outreach"] = (time.perf_counter() - t0, save(folder, outreach))

    total = time.perf_counter() - began
    counts = {
        "people": len(people),
        "learnings": len(learnings),
        "interactions": len(interactions),
        "outreach": len(outreach),
    }
    print(f"Journal at {folder} (seed {args.seed}, {gen.start} .. {gen.today}):")
    print(f"  {'table':<13}{'records':>9}{'shards':>8}{'MB':>9}{'make s':>9}{'save s':>9}")
    for name, count in counts.items():
        shards, size = folder_size(folder / name)
        made, saved = timings[name]
        print(f"  {name:<13}{count:>9,}{shards:>8}{size / 1e6:>9.1f}{made:>9.1f}{saved:>9.1f}")
    shards, size = folder_size(folder)
    events = len({learning.event for learning in learnings if learning.event})
    print(
        f"  {'total':<13}{sum(counts.values()):>9,}{shards - 1:>8}{size / 1e6:>9.1f}"
        f"   ({events} distinct events, {len({p.org for p in people})} orgs)"
    )
    print(f"Done in {total:.1f} s.")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
