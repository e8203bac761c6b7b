"""Cadences in words: round ones read as people say them, inferred ones are rounded first."""

from __future__ import annotations

from datetime import date

from netjournal.core.cadence_words import cadence_words, natural_cadence
from netjournal.core.records import Interaction, Person
from netjournal.core.review import cadence_for, review_queue
from tests.core.support import snapshot


def test_round_cadences_read_in_words_and_others_in_days() -> None:
    said = {d: cadence_words(d) for d in (1, 7, 14, 21, 30, 42, 60, 90, 120, 180, 365, 730)}
    assert said == {
        1: "every day", 7: "every week", 14: "every 2 weeks", 21: "every 3 weeks",
        30: "every month", 42: "every 6 weeks", 60: "every 2 months", 90: "every quarter",
        120: "every 4 months", 180: "every 6 months", 365: "every year", 730: "every 2 years",
    }  # fmt: skip
    # A number the user typed that is not round is shown as typed: never a rounded lie.
    assert [cadence_words(d) for d in (3, 10, 22, 45, 68, 91, 360)] == [
        "every 3 days", "every 10 days", "every 22 days", "every 45 days", "every 68 days",
        "every 91 days", "every 360 days",
    ]  # fmt: skip


def test_an_inferred_cadence_is_rounded_to_the_nearest_natural_one() -> None:
    assert [natural_cadence(d) for d in (22.5, 45, 67.5, 90, 100, 300, 3600)] == [
        21, 42, 60, 90, 90, 270, 3650,
    ]
    for days in range(7, 3651):  # from a week on, whatever it is rounded to reads in words
        natural = natural_cadence(days)
        assert not cadence_words(natural).endswith(" days"), (days, natural)


def test_the_review_counts_the_days_its_words_name() -> None:
    day = date(2026, 11, 29)
    # A customer with power: 30 days a quarter sooner, 22.5, is every 3 weeks: 21 days.
    ann = Person.create(name="Ann Lee", kind="customer", influence=2)
    assert cadence_for(ann) == 21
    talked = Interaction.create(date=date(2026, 11, 8), person_ids=[ann.id], summary="Coffee")
    [cold] = review_queue(snapshot(ann, talked), day)  # 21 days ago: cold today, not tomorrow
    assert cold.reason == "going cold: last contact 21 days ago (every 3 weeks)"
    assert cold.due == date(2026, 11, 29)
    yesterday = Interaction.create(date=date(2026, 11, 9), person_ids=[ann.id], summary="Call")
    assert review_queue(snapshot(ann, yesterday), day) == []
    # Her own cadence, as typed, is shown and counted as typed.
    own = ann.edit(cadence_days=20)
    [cold] = review_queue(snapshot(own, yesterday), day)
    assert cold.reason == "going cold: last contact 20 days ago (every 20 days)"
