"""Ids and timestamps. The clock is injected wherever "today" matters, so tests fix it."""

from __future__ import annotations

import secrets
from datetime import UTC, date, datetime

# No 0/o, 1/l/i: an id read aloud or typed from a printout stays unambiguous.
_ID_ALPHABET = "23456789abcdefghjkmnpqrstuvwxyz"
ID_LENGTH = 10


def new_id() -> str:
    """A short random id (about 50 bits), stable for the record's whole life."""
    return "".join(secrets.choice(_ID_ALPHABET) for _ in range(ID_LENGTH))


def now_stamp() -> str:
    """The current UTC time as an ISO timestamp, to the microsecond.

    Fine enough that every edit gets a new stamp: the search index and other processes tell
    a changed record from an unchanged one by it.
    """
    return datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%S.%fZ")


def today() -> date:
    """The local calendar day: what "today" means to the person at the keyboard."""
    return date.today()
