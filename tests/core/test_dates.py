"""Dates as people type them, always relative to a fixed `today` (never the real clock)."""

from __future__ import annotations

from datetime import date

import pytest

from netjournal.core.dates import add_months, latest_plan_day, parse_date, parse_due, parse_iso
from netjournal.core.errors import DateError, RecordError

TODAY = date(2026, 3, 11)  # a Wednesday


def future(text: str, today: date = TODAY) -> str:
    return parse_date(text, today).isoformat()


def past(text: str, today: date = TODAY) -> str:
    return parse_date(text, today, past=True).isoformat()


def test_the_fixed_today_is_a_wednesday() -> None:
    assert TODAY.strftime("%A") == "Wednesday"


def test_iso_dates() -> None:
    assert future("2026-03-14") == "2026-03-14"
    assert past("2024-02-29") == "2024-02-29"
    assert future("2026-3-5") == "2026-03-05"


@pytest.mark.parametrize(
    ("text", "expected"),
    [("today", "2026-03-11"), ("now", "2026-03-11"), ("tomorrow", "2026-03-12"),
     ("yesterday", "2026-03-10"), ("Tomorrow", "2026-03-12"), ("  TODAY ", "2026-03-11")],
)  # fmt: skip
def test_named_days(text: str, expected: str) -> None:
    assert future(text) == expected
    assert past(text) == expected  # named days mean the same when recording


@pytest.mark.parametrize(
    ("text", "coming", "last"),
    [
        ("thu", "2026-03-12", "2026-03-05"),
        ("fri", "2026-03-13", "2026-03-06"),
        ("friday", "2026-03-13", "2026-03-06"),
        ("sun", "2026-03-15", "2026-03-08"),
        ("mon", "2026-03-16", "2026-03-09"),
        ("tue", "2026-03-17", "2026-03-10"),
        ("wed", "2026-03-18", "2026-03-04"),  # today is a Wednesday: never today
        ("Wednesday", "2026-03-18", "2026-03-04"),
    ],
)
def test_weekdays_are_the_coming_one_when_planning_and_the_last_one_when_recording(
    text: str, coming: str, last: str
) -> None:
    assert future(text) == coming
    assert past(text) == last


def test_a_weekday_is_never_today_whatever_day_today_is() -> None:
    for offset in range(7):
        today = date(2026, 3, 9 + offset)
        name = today.strftime("%a").lower()
        assert parse_date(name, today) == date.fromordinal(today.toordinal() + 7)
        assert parse_date(name, today, past=True) == date.fromordinal(today.toordinal() - 7)


@pytest.mark.parametrize(
    ("text", "expected"),
    [("next fri", "2026-03-13"), ("last fri", "2026-03-06"), ("next wed", "2026-03-18"),
     ("last wed", "2026-03-04"), ("next monday", "2026-03-16"), ("last tue", "2026-03-10")],
)  # fmt: skip
def test_next_and_last_weekday_ignore_the_direction(text: str, expected: str) -> None:
    assert future(text) == expected
    assert past(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("+3d", "2026-03-14"),
        ("+ 3 days", "2026-03-14"),
        ("+2w", "2026-03-25"),
        ("-1w", "2026-03-04"),
        ("-10d", "2026-03-01"),
        ("+1m", "2026-04-11"),
        ("+1y", "2027-03-11"),
        ("in 3 days", "2026-03-14"),
        ("in 2 weeks", "2026-03-25"),
        ("in 1 month", "2026-04-11"),
        ("3 days ago", "2026-03-08"),
        ("2 weeks ago", "2026-02-25"),
        ("1 year ago", "2025-03-11"),
        ("next week", "2026-03-18"),
        ("last week", "2026-03-04"),
        ("next month", "2026-04-11"),
        ("last month", "2026-02-11"),
        ("next year", "2027-03-11"),
    ],
)
def test_offsets(text: str, expected: str) -> None:
    assert future(text) == expected


@pytest.mark.parametrize(
    ("today", "text", "expected"),
    [
        (date(2026, 1, 31), "next month", "2026-02-28"),
        (date(2028, 1, 31), "next month", "2028-02-29"),
        (date(2026, 3, 31), "last month", "2026-02-28"),
        (date(2026, 8, 31), "+1m", "2026-09-30"),
        (date(2024, 2, 29), "+1y", "2025-02-28"),
        (date(2026, 12, 15), "next month", "2027-01-15"),
        (date(2026, 1, 15), "last month", "2025-12-15"),
    ],
)
def test_months_clamp_to_the_last_day(today: date, text: str, expected: str) -> None:
    assert future(text, today) == expected


def test_add_months_across_many_years() -> None:
    assert add_months(date(2026, 1, 31), 25) == date(2028, 2, 29)
    assert add_months(date(2026, 3, 31), -13) == date(2025, 2, 28)


@pytest.mark.parametrize(
    "text", ["14 mar", "mar 14", "14 March", "March 14th", "14. mar", "Mar. 14"]
)
def test_day_and_month_without_a_year_is_the_next_one_when_planning(text: str) -> None:
    assert future(text) == "2026-03-14"
    assert past(text) == "2025-03-14"  # recording: it has not happened yet this year


@pytest.mark.parametrize("text", ["1 mar", "mar 1", "1 march"])
def test_day_and_month_already_past_this_year(text: str) -> None:
    assert future(text) == "2027-03-01"  # planning: this year's is gone, so next year's
    assert past(text) == "2026-03-01"


def test_day_and_month_that_is_today_is_today_both_ways() -> None:
    assert future("11 mar") == "2026-03-11"
    assert past("mar 11") == "2026-03-11"


def test_year_inference_around_new_year() -> None:
    new_years_eve = date(2026, 12, 31)
    assert future("2 jan", new_years_eve) == "2027-01-02"
    assert past("30 dec", date(2027, 1, 2)) == "2026-12-30"


def test_day_and_month_with_a_year_is_taken_as_typed() -> None:
    assert future("14 mar 2024") == "2024-03-14"
    assert past("mar 14, 2030") == "2030-03-14"
    assert future("sept 3 2026") == "2026-09-03"


def test_29_february_without_a_year_is_the_nearest_leap_year_in_the_right_direction() -> None:
    assert future("29 feb") == "2028-02-29"
    assert past("feb 29") == "2024-02-29"


@pytest.mark.parametrize(
    ("text", "month_words"),
    [("2026-02-30", "February 2026 has 28 days"), ("2024-02-30", "February 2024 has 29 days"),
     ("2026-04-31", "April 2026 has 30 days"), ("30 feb", "February 2026 has 28 days"),
     ("feb 31 2026", "February 2026 has 28 days"), ("2026-13-01", "months run from 1 to 12")],
)  # fmt: skip
def test_impossible_dates_say_why(text: str, month_words: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_date(text, TODAY)
    message = str(raised.value)
    assert text in message
    assert month_words in message
    assert_one_sentence(message)


@pytest.mark.parametrize(
    "text",
    ["blorp", "next blorp", "+3x", "+3", "in three days", "3 fridays ago", "14 smarch", "fri 13",
     "2026/03/14", "14-03-2026", "this blorp", "0 foo ago", "--1d", "tomorrow!"],
)  # fmt: skip
def test_gibberish_is_a_date_error_in_one_sentence(text: str) -> None:
    with pytest.raises(DateError) as raised:
        parse_date(text, TODAY)
    message = str(raised.value)
    assert text in message
    assert "2026-03-14" in message  # says what would have worked
    assert_one_sentence(message)


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_date_asks_for_one(text: str) -> None:
    with pytest.raises(DateError, match="A date is needed"):
        parse_date(text, TODAY)


@pytest.mark.parametrize("text", ["+9999y", "9999 years ago"])
def test_dates_out_of_range_are_a_date_error(text: str) -> None:
    with pytest.raises(DateError, match="out of range"):
        parse_date(text, TODAY)


def test_date_errors_are_record_errors_so_a_form_shows_them_the_same_way() -> None:
    assert issubclass(DateError, RecordError)


def test_parse_iso_accepts_only_iso() -> None:
    assert parse_iso(" 2026-03-14 ") == date(2026, 3, 14)
    with pytest.raises(DateError, match="Due 'tomorrow' is not a date in the form 2026-03-14"):
        parse_iso("tomorrow", what="Due")
    with pytest.raises(DateError, match="February 2026 has 28 days"):
        parse_iso("2026-02-29")


def assert_one_sentence(message: str) -> None:
    assert "\n" not in message
    assert message.endswith(".")
    assert ". " not in message, message
    assert message[0].isupper() or message[0] == "'"


@pytest.mark.parametrize("text", ["9999-12-31", "2126-03-12", "+101y", "in 1300 months"])
def test_a_plan_more_than_a_hundred_years_ahead_is_refused_with_a_sentence(text: str) -> None:
    for parse in (lambda: parse_due(text, TODAY), lambda: parse_date(text, TODAY)):
        with pytest.raises(DateError) as caught:
            parse()
        message = str(caught.value)
        assert message == (
            f"'{text}' is too far ahead: plan at most 100 years ahead, until 2126-03-11."
        )
        assert_one_sentence(message)


def test_a_hundred_years_ahead_is_still_a_date_to_plan_for() -> None:
    assert parse_due("2126-03-11", TODAY) == date(2126, 3, 11)
    assert parse_due("in 100 years", TODAY) == date(2126, 3, 11)
    assert latest_plan_day(date(9950, 1, 1)) == date.max  # near the calendar's end: its end
    assert past("1926-03-11") == "1926-03-11"  # the past is not capped: history is history
