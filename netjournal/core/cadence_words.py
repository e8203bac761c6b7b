"""A keep-in-touch cadence in words: "every week", "every 2 weeks", "every month", "every quarter".

One place for every surface that shows a cadence (the review's reasons, the person detail, the
Markdown export, the CLI). A cadence of a round number of days reads in words; any other reads
in days ("every 10 days"), so a number the user typed is shown as typed. An inferred cadence (a
default by kind and power) is first rounded to the nearest natural one (`natural_cadence`), so
that it reads in words and the review counts the very days it names.
"""

from __future__ import annotations

import math

DAYS_IN = {"week": 7, "month": 30, "year": 365}
# The natural cadences an inferred one is rounded to, in days: a few days, weeks, months, years.
NATURAL_DAYS = (1, 2, 3, 4, 5, 6, 7, 14, 21, 30, 42, 60, 90, 120, 180, 270, 365, 730)


def cadence_words(days: int) -> str:
    """ "every day", "every 3 weeks", "every month", "every quarter", "every year", else
    "every N days"."""
    if days == 1:
        return "every day"
    if days == 90:
        return "every quarter"
    for unit in ("year", "month", "week"):  # the largest unit that divides it evenly
        size = DAYS_IN[unit]
        count, rest = divmod(days, size)
        # Weeks up to 8 (beyond, months read better); months up to 11 (then years).
        if rest == 0 and (unit != "week" or count <= 8) and (unit != "month" or count < 12):
            return f"every {unit}" if count == 1 else f"every {count} {unit}s"
    return f"every {days} days"


def natural_cadence(days: float) -> int:
    """The natural cadence nearest to `days` (by ratio: 22 -> 21, 45 -> 42, 68 -> 60)."""
    if days <= NATURAL_DAYS[0]:
        return NATURAL_DAYS[0]
    if days >= NATURAL_DAYS[-1]:
        return round(days / DAYS_IN["year"]) * DAYS_IN["year"]
    return min(NATURAL_DAYS, key=lambda natural: abs(math.log(days / natural)))
