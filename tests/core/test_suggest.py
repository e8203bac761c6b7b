"""Whom to share a learning with: matching interests, expertise and needs; receivers last."""

from __future__ import annotations

from netjournal.core.records import Learning, Person
from netjournal.core.suggest import suggest_people

ROBOTS = Learning.create(date="2026-03-01", title="Pallet robots cut picking time",
                         tags="automation", body="Seen at LogiMAT. Payback in under three years.")  # fmt: skip
NEEDY = Person.create(name="Priya", needs="fewer picking errors, payback under three years")
EXPERT = Person.create(name="Yuki", expertise="pallet robots")
FAN = Person.create(name="Lars", interests="warehouse automation, sailing")
NOBODY = Person.create(name="Dan", interests="jazz", expertise="tax law")


def test_needs_rank_first_then_expertise_and_interests_with_reasons() -> None:
    found = suggest_people(ROBOTS, [NOBODY, FAN, EXPERT, NEEDY])
    assert [(s.person.name, s.reasons) for s in found] == [
        ("Priya", ["need: payback under three years"]),  # "fewer picking errors": 1 word of 3
        ("Yuki", ["expertise: pallet robots"]),
        ("Lars", ["interest: warehouse automation"]),
    ]


def test_people_who_already_have_it_are_marked_and_ranked_out() -> None:
    found = suggest_people(ROBOTS, [FAN, EXPERT, NEEDY], already=[NEEDY.id])
    assert [(s.person.name, s.shared) for s in found] == [
        ("Yuki", False),
        ("Lars", False),
        ("Priya", True),
    ]
    assert found[-1].to_dict()["shared"] is True


def test_someone_who_has_it_but_nothing_in_common_is_not_suggested() -> None:
    # Issue 15: "suggest lists a person with score 0.0 and no reason".
    found = suggest_people(ROBOTS, [NOBODY, EXPERT], already=[NOBODY.id])
    assert [(s.person.name, s.shared, s.reasons) for s in found] == [
        ("Yuki", False, ["expertise: pallet robots"]),
    ]


def test_nobody_with_nothing_in_common() -> None:
    assert suggest_people(ROBOTS, [NOBODY]) == []


def test_the_author_is_not_offered_their_own_book_and_a_lone_body_word_is_weak() -> None:
    book = Learning.create(date="2026-11-01", title="Kubernetes operators at the edge",
                           source_kind="book", source="Maya Goldberg",
                           body="Running clusters on forklifts. Watch the IoT gateways.")  # fmt: skip
    maya = Person.create(name="Maya Goldberg", expertise=["kubernetes operators"])
    runner = Person.create(name="Dan", interests=["running"])
    oliver = Person.create(name="Oliver", expertise=["kubernetes operators"])
    gateways = Person.create(name="Ines", expertise=["IoT"])
    found = suggest_people(book, [maya, runner, oliver, gateways])
    # The body's "Running" (the verb) is no reason to send a runner a book on Kubernetes; an
    # expertise the body names counts half.
    assert [(s.person.name, s.score) for s in found] == [("Oliver", 2.0), ("Ines", 1.0)]
    race = Learning.create(date="2026-11-02", title="Running a marathon on data",
                           body="What running taught a planner.")  # fmt: skip
    assert [(s.person.name, s.score) for s in suggest_people(race, [runner])] == [("Dan", 2.0)]
