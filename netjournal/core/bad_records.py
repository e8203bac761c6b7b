"""Records on disk that this version cannot read: where they are and what is wrong, as sentences.

A record that fails the read check (a name that is a number, `tags: [1]`, `created: 5`) is left
out of what commands and the app show, named in a warning, and its file is never rewritten
while it is there: the record is not lost, and the user fixes or removes it by hand.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

FIX = "fix or remove it (netjournal doctor lists every such record)"
SHOWN = 3  # warnings name this many bad records; doctor lists every one


@dataclass(frozen=True, order=True)
class BadRecord:
    """One record that could not be read: its file, its id, and what is wrong with it."""

    path: Path
    record_id: str
    problem: str  # a predicate: "has a 'name' field that is not text"

    @property
    def where(self) -> str:
        """The file as `people/2026-12.json`: its table folder and its name."""
        return f"{self.path.parent.name}/{self.path.name}"

    def sentence(self) -> str:
        """What is wrong, naming the file and the record, and what to do."""
        return f"{self.where}: record {self.record_id} {self.problem}; {FIX}."

    def refusal(self) -> str:
        """Why a save that would rewrite this record's file was refused."""
        return (
            f"Nothing was saved: the change would rewrite {self.where}, and record "
            f"{self.record_id} there {self.problem}; {FIX}."
        )

    def left_out(self) -> str:
        """A warning for a command or the app that shows the rest of the journal."""
        return f"{self.where}: record {self.record_id} {self.problem} and was left out; {FIX}."


def warning_lines(bad: Sequence[BadRecord], leave_out: str = "") -> list[str]:
    """At most SHOWN warnings and a count of the rest; records named in `leave_out` are skipped.

    `leave_out` is an error message already shown (a refused save names its bad record).
    """
    named = [item for item in bad if item.record_id not in leave_out]
    lines = [item.left_out() for item in named[:SHOWN]]
    if len(named) > SHOWN:
        lines.append(
            f"{len(named) - SHOWN} more records that cannot be read were left out; "
            "netjournal doctor lists every one."
        )
    return lines
