"""Importing a file into a journal: read it, compare with the journal, then one save.

The file is read and checked completely before the journal is touched, so a file that cannot
be imported changes nothing. The comparison is made again under the journal's lock (another
process may have saved meanwhile), and everything is written in one save, however many
people come in. A dry run reads the journal and writes nothing at all.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from netjournal.core.cleaning import clean_line
from netjournal.core.organization import inferred_from, our_organization
from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.core.store import Store
from netjournal.core.words import count_of
from netjournal.formats import backup, google, linkedin, vcard_import
from netjournal.formats.decoding import STDIN, STDIN_NAME, read_decoded
from netjournal.formats.errors import FormatError
from netjournal.formats.incoming import Incoming, Parsed, Progress
from netjournal.formats.kinds import settle_kind
from netjournal.formats.merge import plan_people
from netjournal.formats.report import ImportReport, Note
from netjournal.formats.sniff import guess_text

Parser = Callable[[str, Progress | None, str], Parsed]
PARSERS: dict[str, Parser] = {
    "vcard": vcard_import.parse_vcards,
    "linkedin": linkedin.parse_connections,
    "google": google.parse_contacts,
    "json": backup.parse_backup,
}
IMPORT_FORMATS = (*PARSERS, "auto")
_LINE = re.compile(r"^(?:(.*), )?line (\d+)")  # "line 14", or "a.csv, line 14" (several files)


def read_file(format_name: str, path: Path | str, progress: Progress | None = None) -> Parsed:
    """Read and check an import file ("auto": whatever its content says it is; `-`: standard
    input), and say in which encoding it was read."""
    if format_name not in IMPORT_FORMATS:
        raise FormatError(
            f"'{format_name}' is not a format netjournal imports; use one of: "
            f"{', '.join(IMPORT_FORMATS)}."
        )
    decoded = read_decoded(path)
    source = STDIN_NAME if str(path) == STDIN else str(path)
    if format_name == "auto":
        guessed = guess_text(decoded.text)
        if guessed is None:
            raise FormatError(
                f"Cannot tell what kind of file {source} is; name its format: "
                f"netjournal import vcard|linkedin|google|json FILE."
            )
        format_name = guessed
    parsed = PARSERS[format_name](decoded.text, progress, source)
    parsed.encodings[source] = decoded.encoding
    parsed.encoding_notes += [decoded.note] if decoded.note else []
    return parsed


@dataclass
class ImportPlan:
    add: list[Record]
    update: list[Record]
    report: ImportReport


def plan_import(
    store: Store, parsed: Parsed, source: str, dry_run: bool = False, organization: str = ""
) -> ImportPlan:
    """What importing `parsed` changes in the journal as it is now (nothing is written).

    `organization` is config.toml's; unset, it is inferred from the journal's internal
    people, else from the people the file labels as colleagues."""
    current = store.people()
    incoming, colleagues = parsed.people, ""
    if not parsed.keep_ids:  # a backup states every kind: nothing to settle
        incoming, colleagues = _settled(parsed.people, current, organization)
    people = plan_people(current, incoming, keep_ids=parsed.keep_ids)
    report = ImportReport(clean_line(source), parsed.format, dry_run, colleagues=colleagues,
                          encodings=dict(parsed.encodings),
                          encoding_notes=list(parsed.encoding_notes))  # fmt: skip
    report.created += people.created
    report.updated += people.updated
    report.skipped += parsed.skipped + people.skipped
    report.problems += parsed.problems
    add: list[Record] = [*people.add]
    if parsed.records:
        in_journal = {
            kind.TABLE: {record.id for record in store.all(kind)}
            for kind in (Learning, Interaction, Outreach)
        }
        people_ids = {person.id for person in current} | {person.id for person in people.add}
        others = backup.plan_records(parsed.records, in_journal, people.id_map, people_ids)
        add += others.add
        report.created += others.created
        report.skipped += others.skipped
        report.problems += others.problems
    files = list(parsed.encodings)
    report.skipped.sort(key=lambda note: _file_order(note, files))
    report.problems.sort(key=lambda note: _file_order(note, files))
    return ImportPlan(add, list(people.update), report)


def _settled(
    incoming: list[Incoming], current: Sequence[Person], organization: str
) -> tuple[list[Incoming], str]:
    """The file's people with kinds settled by your organization, and a sentence saying so."""
    ours = our_organization(organization, current) or inferred_from(
        item.person for item in incoming if item.kind_from_label and item.person.kind == "internal"
    )
    if ours is None:
        return incoming, ""
    settled, made, unmade = [], 0, 0
    for item in incoming:
        person = settle_kind(item.person, item.kind_from_label, ours)
        if person is not item.person:
            made += person.kind == "internal"
            unmade += person.kind != "internal"
            item = replace(item, person=person)
        settled.append(item)
    parts = []
    if made:
        parts.append(f"{count_of(made, 'person', 'people')} at {ours.describe()} "
                     f"{'comes' if made == 1 else 'come'} in as internal colleagues")  # fmt: skip
    if unmade:
        parts.append(f"{count_of(unmade, 'person', 'people')} labelled as colleagues but at "
                     f"another company {'comes' if unmade == 1 else 'come'} in as other, "
                     "not internal")  # fmt: skip
    return settled, "; ".join(parts) + "." if parts else ""


def import_file(
    store: Store,
    format_name: str,
    path: Path,
    *,
    dry_run: bool = False,
    progress: Progress | None = None,
    organization: str = "",
) -> ImportReport:
    """Import `path` into the journal in one save (none for a dry run); the report."""
    parsed = read_file(format_name, path, progress)
    source = STDIN_NAME if str(path) == STDIN else str(path)
    return apply_import(store, parsed, source, dry_run=dry_run, organization=organization)


def apply_import(
    store: Store, parsed: Parsed, source: str, *, dry_run: bool = False, organization: str = ""
) -> ImportReport:
    """Save what a file read with `read_file` changes, in one save; the report.

    For a preview that the user confirms: `read_file`, `apply_import(..., dry_run=True)`,
    then `apply_import(...)` with the same `parsed` (the journal is compared again).
    `organization`: config.toml's (people at it come in as internal colleagues).
    """
    plan = plan_import(store, parsed, source, dry_run, organization)
    if dry_run or not (plan.add or plan.update):
        return plan.report
    with store.batch() as changes:
        # Again, under the lock: others may have saved.
        plan = plan_import(store, parsed, source, organization=organization)
        changes.add += plan.add
        changes.update += plan.update
    return plan.report


def _file_order(note: Note, files: list[str]) -> tuple[int, int]:
    """Files in the order given, then lines in file order."""
    found = _LINE.match(note.where)
    if not found:
        return (0, 0)
    file = found[1] or ""
    return (files.index(file) if file in files else 0, int(found[2]))
