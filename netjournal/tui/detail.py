"""Detail views as Content: user text is always a plain string in a (text, style) pair, and
the joined view is made safe for the terminal (`lines`)."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date

from textual.content import Content

from netjournal.core.bring_in import introducers_for
from netjournal.core.cadence_words import cadence_words
from netjournal.core.conflict_notes import conflict_notes
from netjournal.core.dates import days_ago
from netjournal.core.person_quiet import quiet_words
from netjournal.core.records import INFLUENCE_LEVELS, Learning, Outreach, Person, Record
from netjournal.core.review import keep_in_touch_due
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.standing import standing_words
from netjournal.tui.safe_text import safe_assemble, safe_content

Line = str | Content | tuple[str, str]
# The keys bound now to a binding id ("l"), "" where it is not bound (tui/keys.py KeysNow.key):
# a hint names a key only where pressing it works.
KeyLookup = Callable[[str], str]


def _no_keys(binding_id: str) -> str:
    return ""


def lines(parts: Iterable[Line]) -> Content:
    """Join parts into one Content: strings stay plain text, tuples are (text, style); the
    whole is made safe for the terminal (every detail pane is built with this)."""
    return safe_content(
        Content("\n").join(
            part if isinstance(part, Content) else safe_assemble(part) for part in parts
        )
    )


# A detail pane wraps all it shows on every draw: a huge imported note would stall the app.
PREVIEW_CHARACTERS = 20_000


def preview(text: str, limit: int = PREVIEW_CHARACTERS) -> str:
    """`text`, or its start and how much more there is (the whole stays in the journal)."""
    if len(text) <= limit:
        return text
    return f"{text[:limit]}\n… {len(text) - limit:,} more characters (edit to read them all)"


def field(label: str, value: str) -> Content:
    return safe_assemble((f"{label:<14}", "$text-muted"), value)


def heading(text: str) -> Content:
    return safe_assemble(("\n" + text, "bold $accent"))


def conflict_lines(record: Record) -> list[Line]:
    """Values another device wrote that a merge did not keep (kept so nothing is lost)."""
    notes = conflict_notes(record)
    if not notes:
        return []
    parts: list[Line] = [heading("Also written on another device")]
    parts += [field(note.field.replace("_", " ").capitalize(), preview(note.value, 2000))
              for note in notes]  # fmt: skip
    parts.append((f"netjournal edit {record.id} --clear-conflicts once you have looked",
                  "$text-muted"))  # fmt: skip
    return parts


def keep_in_touch(
    snapshot: JournalSnapshot, person: Person, day: date, by_tag: Mapping[str, int] | None
) -> str:
    """ "every month (default); next by 2026-12-20 (in 21 days)", and "; quiet until
    2026-12-24" while a `z` in the review keeps them out of it."""
    _, cadence, due = keep_in_touch_due(person, snapshot, by_tag)
    why = "" if person.cadence_days else " (default)"
    when = "due today" if due == day else (
        f"next by {due.isoformat()} ({days_ago(due, day)})" if due > day
        else f"due since {due.isoformat()} ({days_ago(due, day)})")  # fmt: skip
    quiet = quiet_words(person, day)
    return f"{cadence_words(cadence)}{why}; {when}" + (f"; {quiet}" if quiet else "")


def bring_in_lines(
    snapshot: JournalSnapshot, prospect: Person, day: date, keys: KeyLookup = _no_keys
) -> list[Line]:
    """How to bring a prospect in: who could introduce you, and why; people.bring_in plans it."""
    plan_key = keys("people.bring_in")
    parts: list[Line] = [
        heading(
            f"How to bring them in ({plan_key} plans it)" if plan_key else "How to bring them in"
        )
    ]
    found = introducers_for(prospect, snapshot, day, limit=3)
    if not found:
        parts.append(("Nobody in your network links to them yet.", "$text-muted"))
    for entry in found:
        parts.append(safe_assemble(
            "Ask ", (entry.person.name, "bold"), "  ", ("; ".join(entry.reasons), "$text-muted")
        ))  # fmt: skip
    return parts


def person_detail(
    snapshot: JournalSnapshot,
    person: Person,
    day: date,
    by_tag: Mapping[str, int] | None = None,
    keys: KeyLookup = _no_keys,
) -> Content:
    """A person's card: who they are, how to bring them in, plans, the timeline; `keys` names
    the keys that work where it is shown."""
    last = snapshot.last_contact.get(person.id)
    parts: list[Line] = [safe_assemble((person.name, "bold"))]
    where = " · ".join(x for x in (person.role, person.department, person.org) if x)
    if where:
        parts.append(where)
    if person.is_prospect:
        parts.append(("Prospect: not yet in your network", "$warning"))
        parts += bring_in_lines(snapshot, person, day, keys)
    parts.append("")
    parts.append(field("Kind", person.kind))
    parts.append(field("Influence", f"{person.influence} ({INFLUENCE_LEVELS[person.influence]})"))
    parts.append(
        field(
            "Last contact",
            f"{last.isoformat()} ({days_ago(last, day)})" if last else "never",
        )
    )
    if not person.is_prospect:
        parts.append(field("Keep in touch", keep_in_touch(snapshot, person, day, by_tag)))
    for label, values in (
        ("Interests", person.interests), ("Expertise", person.expertise), ("Needs", person.needs),
        ("Tags", person.tags), ("Email", person.email), ("Phone", person.phone), ("Links", person.links),
    ):  # fmt: skip
        if values:
            parts.append(field(label, ", ".join(values)))
    if person.met_via:
        parts.append(field("Met via", person.met_via))
    if person.notes:
        parts += [heading("Notes"), preview(person.notes)]
    parts += conflict_lines(person)
    plans = snapshot.outreach_for(person.id)
    if plans:
        parts.append(heading("Open outreach"))
        parts += [outreach_line(o) for o in sorted(plans, key=lambda o: o.due or date.max)]
    history = snapshot.interactions_with(person.id)
    parts.append(heading(f"Timeline ({len(history)})"))
    if not history:
        log_key = keys("people.log")
        said = f": press {log_key} to log an interaction." if log_key else "."
        parts.append(("Nothing logged yet" + said, "$text-muted"))
    for interaction in history[:50]:
        shared = [
            snapshot.learnings[i].title for i in interaction.learning_ids if i in snapshot.learnings
        ]
        others = [
            snapshot.people[i].name
            for i in interaction.person_ids
            if i != person.id and i in snapshot.people
        ]
        parts.append(safe_assemble(
            (f"{interaction.date.isoformat()}  ", "$text-muted"), (f"{interaction.channel:<9}", "$secondary"),
            interaction.summary,
        ))  # fmt: skip
        if interaction.event:
            parts.append(safe_assemble("                     at ", interaction.event))
        if others:
            parts.append(safe_assemble("                     with ", ", ".join(others)))
        if shared:
            parts.append(
                safe_assemble("                     shared ", ("; ".join(shared), "italic"))
            )
    return lines(parts)


def outreach_line(outreach: Outreach) -> Content:
    due = outreach.due.isoformat() if outreach.due else "someday"
    return safe_assemble(
        (f"{due:<11}", "$text-muted"), (f"{outreach.kind:<10}", "$secondary"), outreach.title
    )


def learning_header(
    snapshot: JournalSnapshot, learning: Learning, keys: KeyLookup = _no_keys
) -> Content:
    """A learning's heading lines: title, source, link, tags, whom it was shared with."""
    parts: list[Line] = [safe_assemble((learning.title, "bold"))]
    source = " · ".join(x for x in (learning.source_kind, learning.source, learning.event) if x)
    parts.append(safe_assemble((f"{learning.date.isoformat()}  ", "$text-muted"), source))
    if learning.url:
        parts.append(field("Link", learning.url))
    if learning.tags:
        parts.append(field("Tags", ", ".join(learning.tags)))
    shared = snapshot.shared_with(learning.id)
    share_key = keys("journal.share")
    nobody = f"nobody yet (press {share_key})" if share_key else "nobody yet"
    parts.append(field("Shared with", ", ".join(p.name for p in shared) if shared else nobody))
    planned = [o for o in snapshot.outreach.values()
               if o.kind == "share" and o.status == "open" and o.learning_id == learning.id]  # fmt: skip
    if planned:
        names = sorted({snapshot.names(o.person_ids) for o in planned}, key=str.casefold)
        parts.append(field("Planned for", ", ".join(names)))
    parts += conflict_lines(learning)
    return lines(parts)


def outreach_detail(snapshot: JournalSnapshot, outreach: Outreach, day: date) -> Content:
    parts: list[Line] = [safe_assemble((outreach.title, "bold")), ""]
    parts.append(field("Kind", outreach.kind))
    # The standing as `list outreach` says it (core decides): "overdue", "snoozed to ...".
    parts.append(field("Status", standing_words(outreach, day)))
    parts.append(field("Due", outreach.due.isoformat() if outreach.due else "someday"))
    parts.append(field("People", snapshot.names(outreach.person_ids)))
    learning = snapshot.learnings.get(outreach.learning_id)
    if learning:
        parts.append(field("Learning", learning.title))
    if outreach.reason:
        parts.append(field("Why", outreach.reason))
    if outreach.notes:
        parts += [heading("Notes"), preview(outreach.notes)]
    parts += conflict_lines(outreach)
    return lines(parts)
