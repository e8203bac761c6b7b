"""The journal as Markdown for people to read: one document, or a folder of files.

Profiles list a person's fields, open outreach and timeline (interactions, newest first); the
journal lists learnings, newest first, with whom each was shared; the outreach list is what is
still open, soonest first. User text reads as typed and never becomes markup: names, notes
and titles are escaped, a learning's body keeps its Markdown but no HTML, links or headings,
and only http(s) and mailto URLs are links (markdown_text.py).

Folder layout: index.md (counts and links), people/<name>.md (one profile each),
journal.md, outreach.md.
"""

from __future__ import annotations

import re
from datetime import date

from netjournal.core.cadence_words import cadence_words
from netjournal.core.names import fold
from netjournal.core.records import INFLUENCE_LEVELS, Learning, Outreach, Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.standing import Standing, standing, standing_words
from netjournal.core.words import count_of
from netjournal.formats.markdown_text import block, body, inline, link

_SLUG_SPACES = re.compile(r"\s+")


def markdown_document(journal: JournalSnapshot, today: date) -> str:
    """Everything in one document: open outreach, people, the journal of learnings."""
    people = _people_in_order(journal)
    learnings = _learnings_in_order(journal)
    return _blocks(
        "# netjournal",
        _counts(journal, today),
        "## Open outreach",
        _outreach_list(journal, today) or "Nothing open.",
        "## People",
        *([profile(journal, person, 3, today) for person in people] or ["No people yet."]),
        "## Journal",
        *([entry(journal, item, 3) for item in learnings] or ["No learnings yet."]),
    )


def markdown_files(journal: JournalSnapshot, today: date) -> dict[str, str]:
    """The folder's files: relative path -> content."""
    names = person_file_names(journal)
    listed = "\n".join(
        f"- [{link_text(person.name)}](people/{names[person.id]})"
        + (f" · {inline(person.org)}" if person.org else "")
        for person in _people_in_order(journal)
    )
    files = {
        "index.md": _blocks(
            "# netjournal",
            _counts(journal, today),
            "- [Open outreach](outreach.md)\n- [Journal of learnings](journal.md)",
            "## People",
            listed or "No people yet.",
        )
    }
    for person in journal.people.values():
        files[f"people/{names[person.id]}"] = _blocks(profile(journal, person, 1, today))
    learnings = [entry(journal, item, 2) for item in _learnings_in_order(journal)]
    files["journal.md"] = _blocks("# Journal", *(learnings or ["No learnings yet."]))
    files["outreach.md"] = _blocks(
        "# Open outreach", _outreach_list(journal, today) or "Nothing open."
    )
    return files


def person_file_names(journal: JournalSnapshot) -> dict[str, str]:
    """A readable, unique file name per person: 'ann-lee.md', 'ann-lee-<id>.md' for namesakes."""
    slugs: dict[str, list[Person]] = {}
    for person in journal.people.values():
        slug = _SLUG_SPACES.sub("-", fold(person.name).strip()) or "person"
        slugs.setdefault(slug[:80], []).append(person)
    names = {}
    for slug, people in slugs.items():
        for person in people:
            names[person.id] = f"{slug}.md" if len(people) == 1 else f"{slug}-{person.id}.md"
    return names


def profile(journal: JournalSnapshot, person: Person, level: int, today: date) -> str:
    """A person's fields, open outreach and timeline under a heading of `level`."""
    heading = "#" * level
    last = journal.last_contact.get(person.id)
    facts = [
        ("Org", " / ".join(x for x in (person.org, person.department) if x)),
        ("Role", person.role),
        ("Kind", _kind(person)),
        ("Interests", ", ".join(person.interests)),
        ("Expertise", ", ".join(person.expertise)),
        ("Needs", ", ".join(person.needs)),
        ("Tags", ", ".join(person.tags)),
        ("Email", ", ".join(person.email)),
        ("Phone", ", ".join(person.phone)),
        ("Links", ", ".join(person.links)),
        ("Met via", person.met_via),
        ("Keep in touch", cadence_words(person.cadence_days) if person.cadence_days else ""),
        ("Last contact", last.isoformat() if last else "never"),
    ]
    blocks = [
        f"{heading} {inline(person.name)}",
        "\n".join(f"- **{label}:** {inline(value)}" for label, value in facts if value),
    ]
    if person.notes:
        blocks += [f"{heading}# Notes", block(person.notes)]
    planned = sorted(journal.outreach_for(person.id), key=_soonest)
    if planned:
        blocks.append(f"{heading}# Open outreach")
        blocks.append(
            "\n".join(_outreach_line(journal, item, today, with_people=False) for item in planned)
        )
    timeline = journal.interactions_with(person.id)
    if timeline:
        blocks.append(f"{heading}# Timeline")
        out: list[str] = []
        for interaction in timeline:
            where = f" at {inline(interaction.event)}" if interaction.event else ""
            others = [i for i in interaction.person_ids if i != person.id]
            with_ = f" (with {inline(journal.names(tuple(others)))})" if others else ""
            out.append(
                f"- **{interaction.date.isoformat()}** {inline(interaction.channel)}{where}"
                f"{with_}: {inline(interaction.summary)}"
            )
            if interaction.notes:
                out.append(_indented(block(interaction.notes)))
            shared = [journal.learnings[i].title for i in interaction.learning_ids
                      if i in journal.learnings]  # fmt: skip
            if shared:
                out.append(f"  - shared: {inline('; '.join(shared))}")
        blocks.append("\n".join(out))
    return _blocks(*blocks).rstrip()


def entry(journal: JournalSnapshot, learning: Learning, level: int) -> str:
    """One learning: date, title, where it came from, whom it was shared with, its body."""
    heading = "#" * level
    source = " · ".join(x for x in (learning.source_kind, learning.source, learning.event) if x)
    facts = [f"*{inline(source)}*"]
    if learning.url:
        facts.append(link(learning.url))
    if learning.tags:
        facts.append(f"Tags: {inline(', '.join(learning.tags))}")
    shared = journal.shared_with(learning.id)
    if shared:
        facts.append(f"Shared with: {inline(', '.join(person.name for person in shared))}")
    # Two trailing spaces: a Markdown line break, so the facts stay on lines of their own.
    heading_line = f"{heading} {learning.date.isoformat()} · {inline(learning.title)}"
    return _blocks(heading_line, "  \n".join(facts), body(learning.body)).rstrip()


def link_text(text: str) -> str:
    """`text` safe inside [...] of a Markdown link: escaped like any text on one line."""
    return inline(text)


def _blocks(*blocks: str) -> str:
    """Paragraphs and headings separated by one blank line, ending with a newline."""
    return "\n\n".join(block.strip("\n") for block in blocks if block.strip()) + "\n"


def _outreach_list(journal: JournalSnapshot, today: date) -> str:
    items = sorted((o for o in journal.outreach.values() if o.status == "open"), key=_soonest)
    return "\n".join(_outreach_line(journal, item, today) for item in items)


def _outreach_line(
    journal: JournalSnapshot, item: Outreach, today: date, with_people: bool = True
) -> str:
    when = item.due.isoformat() if item.due else "someday"
    # The standing as `list outreach` and the Outreach area say it; a due date says itself.
    where = standing(item, today)
    marked = where in (Standing.OVERDUE, Standing.SNOOZED)
    aside = f" ({standing_words(item, today)})" if marked else ""
    line = f"- [ ] **{when}**{aside} {inline(item.kind)}: {inline(item.title)}"
    names = [journal.people[i].name for i in item.person_ids if i in journal.people]
    if with_people and not all(name in item.title for name in names):  # titles often name them
        line += f" (with {inline(journal.names(item.person_ids))})"
    if item.reason:
        line += "\n" + _indented(f"Why: {inline(item.reason)}")
    if item.notes:
        line += "\n" + _indented(block(item.notes))
    return line


def _indented(text: str) -> str:
    return "\n".join(f"  {line}" if line else "" for line in text.splitlines())


def _kind(person: Person) -> str:
    parts = [person.kind]
    if person.influence:
        parts.append(f"influence {person.influence} ({INFLUENCE_LEVELS[person.influence]})")
    if person.is_prospect:
        parts.append("prospect: not yet in your network")
    return "; ".join(parts)


def _counts(journal: JournalSnapshot, today: date) -> str:
    open_ = sum(1 for o in journal.outreach.values() if o.status == "open")
    return (
        f"Exported on {today.isoformat()}: {count_of(len(journal.people), 'person', 'people')}, "
        f"{count_of(len(journal.learnings), 'learning', 'learnings')}, "
        f"{count_of(len(journal.interactions), 'interaction', 'interactions')}, "
        f"{open_} open outreach."
    )


def _people_in_order(journal: JournalSnapshot) -> list[Person]:
    return sorted(journal.people.values(), key=lambda p: (p.name.casefold(), p.id))


def _learnings_in_order(journal: JournalSnapshot) -> list[Learning]:
    return sorted(journal.learnings.values(), key=lambda x: (x.date, x.created), reverse=True)


def _soonest(item: Outreach) -> tuple[date, str]:
    return (item.due or date.max, item.created)
