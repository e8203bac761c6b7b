"""Dates as people type them: ISO dates and everyday forms.

`parse_date("fri", today=...)` is the coming Friday when planning (due dates, snoozes) and the
last Friday when recording (`past=True`, as for a logged interaction). Today itself is never a
weekday's answer: type `today` for that. A date to plan for (a due date, a snooze, a day to
review) is at most MAX_YEARS_AHEAD years ahead: `9999-12-31` is a typo, and a date at the end
of the calendar has no next day to compute (a calendar export needs one).
"""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta

from netjournal.core.errors import DateError

WEEKDAYS = {
    "mon": 0, "monday": 0,
    "tue": 1, "tues": 1, "tuesday": 1,
    "wed": 2, "weds": 2, "wednesday": 2,
    "thu": 3, "thur": 3, "thurs": 3, "thursday": 3,
    "fri": 4, "friday": 4,
    "sat": 5, "saturday": 5,
    "sun": 6, "sunday": 6,
}  # fmt: skip
MONTHS = {
    name: number
    for number in range(1, 13)
    for name in (calendar.month_name[number].lower(), calendar.month_abbr[number].lower())
}
MONTHS["sept"] = 9
_UNITS = {"d": "d", "day": "d", "days": "d", "w": "w", "week": "w", "weeks": "w",
          "m": "m", "month": "m", "months": "m", "y": "y", "year": "y", "years": "y"}  # fmt: skip

_OFFSET = re.compile(r"^([+-])\s*(\d{1,4})\s*([a-z]+)$")
_IN_N = re.compile(r"^in\s+(\d{1,4})\s*([a-z]+)$")
_N_AGO = re.compile(r"^(\d{1,4})\s*([a-z]+)\s+ago$")
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
_DAY_MONTH = re.compile(r"^(\d{1,2})\.?\s+([a-z]+)\.?(?:,?\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")

MAX_YEARS_AHEAD = 100
HELP = "an ISO date (2026-03-14), today, tomorrow, yesterday, a weekday (fri), +3d, +2w, -1w, next month, or 14 mar"


def parse_date(text: str, today: date, *, past: bool = False) -> date:
    """Understand `text` as a date relative to `today`; raise DateError with a sentence if not."""
    raw = " ".join(str(text).split())
    value = raw.lower()
    if not value:
        raise DateError(f"A date is needed: {HELP}.")
    found = _parse(value, today, past)
    if found is None:
        raise DateError(f"'{raw}' is not a date netjournal understands; use {HELP}.")
    if not past and found > latest_plan_day(today):
        raise DateError(
            f"'{raw}' is too far ahead: plan at most {MAX_YEARS_AHEAD} years ahead, until "
            f"{latest_plan_day(today).isoformat()}."
        )
    return found


def latest_plan_day(today: date) -> date:
    """The last day a plan can be made for: MAX_YEARS_AHEAD years from `today`."""
    try:
        return add_months(today, 12 * MAX_YEARS_AHEAD)
    except DateError:  # within a century of the calendar's end: its last day
        return date.max


SOMEDAY = ("", "someday", "none", "never", "-")


def parse_due(text: str | None, today: date) -> date | None:
    """A due date for planning; empty or `someday` means no date (someday)."""
    if text is None or " ".join(text.split()).lower() in SOMEDAY:
        return None
    return parse_date(text, today)


def parse_past(text: str, today: date, what: str = "An interaction") -> date:
    """A date for something that happened: everyday forms read backwards, the future refused."""
    day = parse_date(text, today, past=True)
    if day > today:
        raise DateError(
            f"{what} cannot be dated {day.isoformat()}, in the future: log what happened, "
            "and plan what is coming as an outreach."
        )
    return day


def days_ago(day: date, today: date) -> str:
    """'today', '1 day ago', '12 days ago' (or 'in 3 days' for a date still to come)."""
    delta = (today - day).days
    if delta == 0:
        return "today"
    if delta < 0:
        return f"in {-delta} day{'s' if delta < -1 else ''}"
    return f"{delta} day{'s' if delta > 1 else ''} ago"


def parse_iso(text: str, what: str = "Date") -> date:
    """A stored or imported ISO date `YYYY-MM-DD`; anything else is refused with a sentence."""
    match = _ISO.match(text.strip())
    if match is None:
        raise DateError(f"{what} '{text}' is not a date in the form 2026-03-14.")
    return _real_date(text.strip(), *(int(part) for part in match.groups()))


def add_months(day: date, months: int) -> date:
    """The same day `months` later (or earlier), clamped to the month's last day."""
    index = day.year * 12 + (day.month - 1) + months
    year, month = divmod(index, 12)
    if not 1 <= year <= 9999:
        raise DateError("That date is out of range.")
    last = calendar.monthrange(year, month + 1)[1]
    return date(year, month + 1, min(day.day, last))


def _parse(value: str, today: date, past: bool) -> date | None:
    simple = {"today": 0, "now": 0, "tomorrow": 1, "tmrw": 1, "yesterday": -1}
    if value in simple:
        return today + timedelta(days=simple[value])
    if match := _ISO.match(value):
        return _real_date(value, *(int(part) for part in match.groups()))
    if value in WEEKDAYS:
        return _weekday(today, WEEKDAYS[value], forward=not past)
    words = value.split()
    if len(words) == 2 and words[0] in ("next", "last", "this"):
        return _relative(words[0], words[1], today, past)
    if match := _OFFSET.match(value):
        sign, amount, unit = match.groups()
        return _shift(today, int(amount) * (-1 if sign == "-" else 1), unit)
    if match := _IN_N.match(value):
        return _shift(today, int(match.group(1)), match.group(2))
    if match := _N_AGO.match(value):
        return _shift(today, -int(match.group(1)), match.group(2))
    if match := _DAY_MONTH.match(value):
        day, month, year = match.groups()
        return _calendar_day(value, today, past, month, day, year)
    if match := _MONTH_DAY.match(value):
        month, day, year = match.groups()
        return _calendar_day(value, today, past, month, day, year)
    return None


def _real_date(text: str, year: int, month: int, day: int) -> date:
    try:
        return date(year, month, day)
    except ValueError:
        raise DateError(f"'{text}' is not a real date: {_why_not(year, month, day)}.") from None


def _why_not(year: int, month: int, day: int) -> str:
    if not 1 <= month <= 12:
        return "months run from 1 to 12"
    if not 1 <= year <= 9999:
        return "the year is out of range"
    last = calendar.monthrange(year, month)[1]
    return f"{calendar.month_name[month]} {year} has {last} days"


def _weekday(today: date, weekday: int, *, forward: bool) -> date:
    if forward:
        return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)
    return today - timedelta(days=(today.weekday() - weekday - 1) % 7 + 1)


def _relative(which: str, what: str, today: date, past: bool) -> date | None:
    if what in WEEKDAYS:
        if which == "this":
            return _weekday(today, WEEKDAYS[what], forward=not past)
        return _weekday(today, WEEKDAYS[what], forward=which == "next")
    unit = _UNITS.get(what)
    if unit is None or which == "this":
        return today if unit else None
    return _shift(today, 1 if which == "next" else -1, unit)


def _shift(today: date, amount: int, unit_word: str) -> date | None:
    unit = _UNITS.get(unit_word)
    try:
        if unit == "d":
            return today + timedelta(days=amount)
        if unit == "w":
            return today + timedelta(weeks=amount)
    except OverflowError:
        raise DateError("That date is out of range.") from None
    if unit == "m":
        return add_months(today, amount)
    if unit == "y":
        return add_months(today, 12 * amount)
    return None


def _calendar_day(
    text: str, today: date, past: bool, month_word: str, day: str, year: str | None
) -> date | None:
    month = MONTHS.get(month_word)
    if month is None:
        return None
    if year:
        return _real_date(text, int(year), month, int(day))
    guess = (
        _real_date(text, today.year, month, int(day)) if not (month == 2 and day == "29") else None
    )
    if guess is None:  # 29 feb without a year: the nearest leap year in the right direction
        step = -1 if past else 1
        year_ = today.year
        while not calendar.isleap(year_) or (
            date(year_, 2, 29) < today if not past else date(year_, 2, 29) > today
        ):
            year_ += step
        return date(year_, 2, 29)
    if past and guess > today:
        return _real_date(text, today.year - 1, month, int(day))
    if not past and guess < today:
        return _real_date(text, today.year + 1, month, int(day))
    return guess


def iso(day: date | None) -> str | None:
    """A date as stored: ISO `YYYY-MM-DD`, or None."""
    return day.isoformat() if day else None
