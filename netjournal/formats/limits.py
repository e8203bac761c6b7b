"""How much one import may bring in: caps per file and per record.

A file larger than MAX_FILE_BYTES, or a contact file with more than MAX_RECORDS cards or rows,
is refused whole with a sentence (nothing is imported). A record with a value over its cap is
left out and reported with its line, and the rest come in. Every cap is far above what a real
export holds; they keep a damaged or hostile file from making an import, the journal and the
app take minutes and gigabytes (see docs/decisions.md, "Import caps").
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from netjournal.core.records import Record
from netjournal.formats.errors import FormatError

MAX_FILE_BYTES = 200_000_000  # 200 MB: an address book of 30,000 people with photos is less
MAX_RECORDS = 100_000  # cards or rows in one contact file (LinkedIn stops at 30,000)
MAX_LINE_CHARS = 65_536  # one line: a name, an org, a title, an email, a link, a tag
MAX_TEXT_CHARS = 1_000_000  # free text: notes, a learning's body (about 400 pages)
MAX_VALUES = 10_000  # values in one list field: emails, phones, links, tags, people
MAX_RECORD_CHARS = 2_000_000  # every value of one record together


def check_file_size(size: int, source: str) -> None:
    """FormatError with a sentence when a file of `size` bytes is too large to import."""
    if size > MAX_FILE_BYTES:
        raise FormatError(
            f"{source} is {_megabytes(size)}, more than netjournal imports from one file "
            f"({_megabytes(MAX_FILE_BYTES)}); export it in parts (or without photos) and import "
            "each; nothing was imported."
        )


def check_record_count(count: int, what: str, source: str) -> None:
    """FormatError with a sentence when a contact file holds too many cards or rows."""
    if count > MAX_RECORDS:
        raise FormatError(
            f"{source or 'The file'} holds {count:,} {what}, more than netjournal imports from "
            f"one file ({MAX_RECORDS:,}); split it and import each part; nothing was imported."
        )


def over_cap(kind: type[Record], fields: Mapping[str, Any]) -> str:
    """Why a record with `fields` (as a file gave them) is too large to take in, or ""."""
    total = 0
    for name, value in fields.items():
        label = name.replace("_", " ")
        if isinstance(value, str):
            cap = MAX_TEXT_CHARS if name in kind.FIELDS.texts else MAX_LINE_CHARS
            if len(value) > cap:
                return _too_long(f"its {label}", len(value), cap)
            total += len(value)
        elif isinstance(value, list | tuple):
            if len(value) > MAX_VALUES:
                return (
                    f"it has {len(value):,} values in {label}, more than netjournal takes "
                    f"({MAX_VALUES:,}); it was left out"
                )
            for item in value:
                if isinstance(item, str):
                    if len(item) > MAX_LINE_CHARS:
                        return _too_long(f"one of its {label} values", len(item), MAX_LINE_CHARS)
                    total += len(item)
    if total > MAX_RECORD_CHARS:
        return _too_long("all its fields together", total, MAX_RECORD_CHARS)
    return ""


def _too_long(where: str, length: int, cap: int) -> str:
    return (
        f"{length:,} characters in {where}, more than netjournal takes ({cap:,}); it was left out"
    )


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.0f} MB" if size >= 10_000_000 else f"{size / 1_000_000:.1f} MB"
