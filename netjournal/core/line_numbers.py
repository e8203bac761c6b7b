"""Short handles: `netjournal review` and `list outreach` number their lines, and `done 2`,
`skip 2`, `snooze 2`, `drop 2` name a line by its number for the rest of that day (as
taskwarrior's ids), besides the id.

The numbering of the last listing is kept in `.cache/line-numbers.json` in the journal folder,
a side file (atomic, under the journal lock): `{"app": "netjournal", "line_numbers": 1,
"day": "2026-12-03", "listing": "review", "ids": [...]}`, the id of line N at N-1. It lives in
`.cache/` with the search cache because it belongs to this device: another machine's listing
is not the one its user saw. A number must never reach the wrong record, so one is refused when
its day is over, when it was never printed, or when its record is gone or no longer open.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import orjson

from netjournal.core.clock import ID_LENGTH
from netjournal.core.errors import NetjournalError, NotFound, RecordError
from netjournal.core.records import Learning, Outreach, Person
from netjournal.core.store import Store
from netjournal.core.words import count_of

ID_DIGITS = 4  # the shortest run of digits taken as the start of an id, not a line number

NUMBERS_NAME = ".cache/line-numbers.json"
NUMBERS_FORMAT = 1
LISTINGS = {"review": "`netjournal review`", "outreach": "`netjournal list outreach`"}
# Review items about one person or learning have ids KIND:ID; a plan's item is the plan's id.
_ITEM_RECORDS = {"cold": Person, "power": Person, "prospect": Person, "share": Learning}


@dataclass(frozen=True)
class Numbering:
    """The lines a listing numbered on a day: the id of line N is `ids[N - 1]`."""

    day: date
    listing: str  # "review" or "outreach"
    ids: tuple[str, ...]

    def to_bytes(self) -> bytes:
        data = {"app": "netjournal", "line_numbers": NUMBERS_FORMAT, "day": self.day.isoformat(),
                "listing": self.listing, "ids": list(self.ids)}  # fmt: skip
        return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"


def is_line_number(typed: str) -> bool:
    """Whether `typed` reads as a line number ("3"), not an id (ids are 10 characters)."""
    typed = typed.strip()
    return typed.isascii() and typed.isdigit() and len(typed) < ID_LENGTH


def last_numbering(store: Store) -> Numbering | None:
    """The numbering the last listing on this device left, or None (none, or unreadable: the
    numbers are a convenience, and a damaged file is replaced by the next listing)."""
    try:
        raw = store.read_side(NUMBERS_NAME)
        data = orjson.loads(raw) if raw is not None else None
    except (OSError, orjson.JSONDecodeError):
        return None
    if not isinstance(data, dict) or data.get("listing") not in LISTINGS:
        return None
    ids = data.get("ids")
    try:
        day = date.fromisoformat(str(data.get("day")))
    except ValueError:
        return None
    if not isinstance(ids, list) or not all(isinstance(i, str) for i in ids):
        return None
    return Numbering(day, str(data["listing"]), tuple(ids))


def remember_numbers(store: Store, numbering: Numbering) -> bool:
    """Keep `numbering` as the last listing's (a write only when it differs); False when it
    could not be kept (then its numbers are refused as never printed, nothing worse)."""
    if not store.exists:
        return False  # a listing never creates a journal
    if last_numbering(store) == numbering:
        return True
    try:
        store.update_side(NUMBERS_NAME, lambda _old: numbering.to_bytes(), what="the line numbers")
    except NetjournalError:
        return False
    return True


def numbered_id(store: Store, typed: str, day: date) -> str | None:
    """The id line number `typed` stands for on `day`, checked still to mean that record; None
    when `typed` is an id (or the start of one), not a number.

    Four digits or more that start a plan's id, with no numbering of `day` that has them, are
    taken as the id, as before numbers existed; fewer are always a line number. Raises RecordError (the numbering is of another
    day, or there is none) or NotFound (its record is gone, done or dropped).
    """
    if not is_line_number(typed):
        return None
    number = int(typed)
    numbering = last_numbering(store)
    fresh = numbering is not None and numbering.day == day
    if numbering is None or not fresh or not 1 <= number <= len(numbering.ids):
        # Only a longer run of digits may be an id's start: `done 1` from yesterday's list must
        # never hit a plan whose id happens to start with 1.
        if len(typed.strip()) >= ID_DIGITS and any(
            plan.id.startswith(typed.strip()) for plan in store.outreach()
        ):
            return None
        raise RecordError(_no_such_number(number, numbering, day))
    meant = numbering.ids[number - 1]
    problem = _gone_or_closed(store, meant)
    if problem:
        where = LISTINGS[numbering.listing]
        raise NotFound(f"Line {number} of {where} was {problem}; nothing was changed: "
                       f"run {where} again for today's numbers.")  # fmt: skip
    return meant


def _no_such_number(number: int, numbering: Numbering | None, day: date) -> str:
    listings = " or ".join(LISTINGS.values())
    if numbering is None:
        return (f"'{number}' is read as a line number, and no numbered list was shown on this "
                f"device: {listings} numbers its lines (the start of an id needs "
                f"{ID_DIGITS} characters or more); nothing was changed.")  # fmt: skip
    where = LISTINGS[numbering.listing]
    if numbering.day != day:
        return (f"Line numbers count for the day they were shown, and the last list was shown "
                f"on {numbering.day.isoformat()}: run {where} again; nothing was changed.")  # fmt: skip
    return (f"The last {where} numbered {count_of(len(numbering.ids), 'line')} today, so there "
            f"is no line {number}; nothing was changed.")  # fmt: skip


def _gone_or_closed(store: Store, item_id: str) -> str:
    """What became of the record behind a numbered line ("" when it is still there, open)."""
    kind, colon, record_id = item_id.partition(":")
    if colon and kind in _ITEM_RECORDS:
        record = store.get(_ITEM_RECORDS[kind], record_id)
        return "" if record is not None else f"about '{record_id}', which is no longer in the journal"
    plan = store.get(Outreach, item_id)
    if plan is None:
        return f"'{item_id}', which is no longer in the journal"
    if plan.status != "open":
        return f"'{plan.title}' ({plan.id}), which is {plan.status} now"
    return ""

