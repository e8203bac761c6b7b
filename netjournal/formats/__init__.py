"""Reading and writing other tools' formats: vCard, CSV, Markdown, iCalendar, JSON.

Importing: `importing.import_file(store, format, path, dry_run=..., progress=...)` reads the
file (vcard_import, linkedin, google, backup), compares it with the journal (merge) and saves
once; it returns an `ImportReport` (report); `several.import_files` does the same for several
files (or `-`, standard input) in one save. `decoding` reads a file as text whatever its
encoding (`legacy` for files not in UTF-8). `sniff.guess_format(path)` tells a file's format
from its content. Exporting: `exporting.export_journal(snapshot, format, today=...)` gives
the bytes (vcard_export, markdown_export, ics_export, backup); `write_file` and
`write_markdown_folder` put them on disk. Errors the user can act on are `FormatError`s.
"""
