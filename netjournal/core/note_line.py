"""A plan's note in a one-line row (the review, `list outreach`): the whole is in the detail and
the JSON."""

from __future__ import annotations

NOTE_LINE = 60  # characters: enough to tell three "Follow up with Ann Lee" apart


def note_line(note: str, limit: int = NOTE_LINE) -> str:
    """A note in one line for a row: its first line, cut at a word with "…" past `limit`."""
    first = next((line.strip() for line in note.splitlines() if line.strip()), "")
    first = " ".join(first.split())
    more = first != " ".join(note.split())  # more lines follow: say so with the ellipsis
    if len(first) > limit:
        cut = first[: limit - 1]
        first, more = (cut.rsplit(" ", 1)[0] if " " in cut[limit // 2 :] else cut), True
    return f"{first.rstrip(' ,;:.')}…" if more and first else first
