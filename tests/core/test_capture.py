"""Capture's rules: who counts as already known, how "department / role" splits, the summary."""

from __future__ import annotations

from netjournal.core.capture import Entry, Tally, same_person
from netjournal.core.records import Person

PEOPLE = [Person.create(name=n) for n in ("Ann Lee", "Markus Brandt", "John Smith")]


def test_a_close_name_is_offered_as_the_same_person_and_a_new_one_is_not() -> None:
    offered = {typed: getattr(same_person(typed, PEOPLE), "name", None)
               for typed in ("anne lee", "Jon Smith", "Marcus Brandt", "Anna Berg", "Peter Lee")}  # fmt: skip
    assert offered == {"anne lee": "Ann Lee", "Jon Smith": "John Smith",
                       "Marcus Brandt": "Markus Brandt", "Anna Berg": None, "Peter Lee": None}  # fmt: skip


def test_department_and_role_share_one_field() -> None:
    assert (Entry("x", department_role="Sales / Key accounts").department,
            Entry("x", department_role="Sales / Key accounts").role) == ("Sales", "Key accounts")  # fmt: skip
    assert (Entry("x", department_role="IT/OT / Architect").department,
            Entry("x", department_role="IT/OT / Architect").role) == ("IT/OT", "Architect")  # fmt: skip
    assert (Entry("x", department_role="Sales/KAM").department,
            Entry("x", department_role="Sales/KAM").role) == ("Sales", "KAM")  # fmt: skip
    assert (Entry("x", department_role="Head of Sales").department,
            Entry("x", department_role="Head of Sales").role) == ("", "Head of Sales")  # fmt: skip


def test_the_summary_counts_in_words() -> None:
    tally = Tally("LogiMAT 2027", people=12, learnings=3, follow_up_ids=["a"] * 5)
    assert tally.summary() == "Captured 12 people, 5 follow-ups, 3 learnings at LogiMAT 2027."
    one = Tally("Expo", people=1, matched=1, learnings=1, follow_up_ids=["a"])
    assert one.summary() == (
        "Captured 1 person, 1 follow-up, 1 learning at Expo (1 already in your network)."
    )
