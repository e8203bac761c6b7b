"""Importing LinkedIn's "Connections.csv" (Settings > Data privacy > Get a copy of your data).

The file starts with a few lines of notes before the header; columns are looked up by name
(older exports have no URL column, newer ones may add more); `Connected On` is "14 Mar 2024".
Rows without a name (deactivated profiles) are skipped and counted. A cell of any length is
read (the import caps judge it); a row that cannot be read is reported with its line.
"""

from __future__ import annotations

from datetime import date, datetime

from netjournal.formats.csv_table import find_table
from netjournal.formats.errors import FormatError
from netjournal.formats.incoming import Parsed, Progress, Ticker
from netjournal.formats.limits import check_record_count
from netjournal.formats.report import Note
from netjournal.formats.sniff import guess_text, hint, is_linkedin_header

FORMAT = "LinkedIn"
DATE_FORMATS = ("%d %b %Y", "%Y-%m-%d", "%m/%d/%y", "%m/%d/%Y", "%d-%b-%y", "%b %d, %Y")


def parse_connections(text: str, progress: Progress | None = None, source: str = "") -> Parsed:
    table = find_table(text, is_linkedin_header)
    if table is None:
        raise FormatError(
            f"{source or 'The file'} is not a LinkedIn Connections export (no header line "
            f"with First Name, Last Name and Connected On){hint(guess_text(text))}; "
            "nothing was imported."
        )
    check_record_count(len(table.rows) + len(table.bad_rows), "rows", source)
    parsed = Parsed(FORMAT)
    parsed.problems += [Note(f"line {bad.line}", "", bad.reason) for bad in table.bad_rows]
    ticker = Ticker(progress, len(table.rows))
    for done, row in enumerate(table.rows, 1):
        connected = row.get("connected on")
        day = connected_on(connected)
        when = day.isoformat() if day else connected
        parsed.add_person(
            {
                "name": " ".join(filter(None, (row.get("first name"), row.get("last name")))),
                "org": row.get("company"),
                "role": row.get("position"),
                "email": [row.get("email address", "e-mail address", "email")],
                "links": [row.get("url", "profile url")],
                "met_via": f"LinkedIn, connected {when}" if when else "LinkedIn",
            },
            f"line {row.line}",
        )
        ticker.tick(done)
    return parsed


def connected_on(text: str) -> date | None:
    """LinkedIn's date ("14 Mar 2024"; older exports used other forms), or None."""
    for form in DATE_FORMATS:
        try:
            return datetime.strptime(text.strip(), form).date()
        except ValueError:
            continue
    return None
