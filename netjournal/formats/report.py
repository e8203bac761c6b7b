"""What an import did (or, in a dry run, would do): created, updated, skipped, problems.

Every entry says where in the file it came from (a line number, or a record's id in a
backup), whom it is about, and why, so the user can fix the file and import again.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import asdict, dataclass, field
from typing import Any

from netjournal.core.words import count_of

_LINE_NUMBER = re.compile(r"line \d+")
PLURALS = {"person": "people", "learning": "learnings", "interaction": "interactions",
           "outreach": "outreach"}  # fmt: skip


@dataclass(frozen=True, slots=True)
class Note:
    """One card, row or record and what happened to it."""

    where: str  # "line 14", or "learning 7k2m9x4p3q" in a backup
    name: str  # whom or what it is about ("" when the file did not say)
    reason: str = ""  # why it was skipped, what was filled in, what is wrong
    kind: str = "person"

    def text(self) -> str:
        about = f"{self.name} ({self.where})" if self.name else self.where
        return f"{about}: {self.reason}" if self.reason else about


@dataclass
class ImportReport:
    source: str
    format: str  # as people say it: "vCard", "LinkedIn", "Google Contacts", "netjournal backup"
    dry_run: bool = False
    created: list[Note] = field(default_factory=list)
    updated: list[Note] = field(default_factory=list)
    skipped: list[Note] = field(default_factory=list)
    problems: list[Note] = field(default_factory=list)
    colleagues: str = ""  # who your organization made internal (or not), in one sentence
    encodings: dict[str, str] = field(default_factory=dict)  # file -> the encoding it was read in
    encoding_notes: list[str] = field(default_factory=list)  # a file not in UTF-8, in words

    @property
    def changes_anything(self) -> bool:
        return bool(self.created or self.updated)

    def counts(self) -> dict[str, int]:
        return {
            "created": len(self.created),
            "updated": len(self.updated),
            "skipped": len(self.skipped),
            "problems": len(self.problems),
        }

    def summary(self) -> str:
        """One sentence: 'created 3 people, updated 1, skipped 2, 1 problem.'"""
        parts = [
            f"created {_by_kind(self.created)}",
            f"updated {len(self.updated)}",
            f"skipped {len(self.skipped)}",
        ]
        if self.problems:
            parts.append(count_of(len(self.problems), "problem", "problems"))
        if self.dry_run:
            return (
                f"Dry run of {self.source} ({self.format}), nothing was written: would have "
                + ", ".join(parts)
                + "."
            )
        return f"Imported {self.source} ({self.format}): " + ", ".join(parts) + "."

    def lines(self, limit: int = 20) -> list[str]:
        """The summary, then each section, at most `limit` entries each."""
        out = [self.summary(), *([self.colleagues] if self.colleagues else []),
               *self.encoding_notes]  # fmt: skip
        sections = (
            ("created", self.created),
            ("updated", self.updated),
            ("skipped", self.skipped),
            ("problem", self.problems),
        )
        for label, notes in sections:
            if label == "skipped" and len(notes) > limit:
                reasons = Counter(_reason_kind(note.reason) for note in notes)
                out.append(
                    "skipped: " + "; ".join(f"{n} {reason}" for reason, n in reasons.most_common())
                )
            for note in notes[:limit]:
                out.append(f"{label}: {note.text()}")
            if len(notes) > limit:
                out.append(f"{label}: ... and {len(notes) - limit} more (all of them with --json)")
        return out

    def to_dict(self) -> dict[str, Any]:
        return {
            "source": self.source,
            "format": self.format,
            "dry_run": self.dry_run,
            "counts": self.counts(),
            "encodings": dict(self.encodings),
            "encoding_notes": list(self.encoding_notes),
            "created": [asdict(note) for note in self.created],
            "updated": [asdict(note) for note in self.updated],
            "skipped": [asdict(note) for note in self.skipped],
            "problems": [asdict(note) for note in self.problems],
        }


def _by_kind(notes: list[Note]) -> str:
    counts = Counter(note.kind for note in notes)
    if set(counts) <= {"person"}:
        return count_of(len(notes), "person", "people")
    return ", ".join(
        count_of(counts[kind], kind, PLURALS.get(kind, kind + "s"))
        for kind in PLURALS
        if counts[kind]
    )


def _reason_kind(reason: str) -> str:
    # "matches 2 people in the journal (Ann, id1, ...); ..." groups under its start.
    start = re.split(r"[:;(]", reason)[0].strip()
    return _LINE_NUMBER.sub("an earlier line", start)
