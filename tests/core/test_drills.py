""" "Who would you ask?" drills: questions from the journal, grading, history, gaps."""

from __future__ import annotations

import os
from datetime import date
from pathlib import Path

import pytest

from netjournal.core import atomic_file
from netjournal.core.doctor import check_journal
from netjournal.core.drills import (
    HISTORY_NAME,
    DrillQuestion,
    DrillSession,
    GapPlan,
    can_teach,
    drill_questions,
    gap_plan,
    grade,
    journal_topics,
    load_history,
    plan_for_gap,
    record_session,
    session_from,
    teach,
)
from netjournal.core.errors import JournalError, NetjournalError
from netjournal.core.records import Interaction, Learning, Person
from netjournal.core.store import Store
from tests.core.support import snapshot

DAY = date(2026, 11, 29)


ANN = Person.create(name="Ann Lee", kind="internal", department="Finance",
                    expertise=["budgets"], interests=["sailing"])  # fmt: skip
BOB = Person.create(name="Bob Stone", kind="customer", org="Contoso", needs=["supplier risk"])
SUE = Person.create(name="Sue Park", kind="supplier", org="Fabrikam", expertise=["pallet robots"])
VIC = Person.create(name="Victor", status="prospect", expertise=["Supplier risk"])
NOTE = Learning.create(date="2026-11-01", title="Robots at the expo", tags=["automation"])
JOURNAL = snapshot(ANN, BOB, SUE, VIC, NOTE)


def test_questions_come_from_the_journal_own_topics_with_a_template_per_source() -> None:
    asked = {q.topic: q for q in journal_topics(JOURNAL)}
    # Bob's need is no topic (a need says who wants it); Victor's expertise is, in his words.
    assert set(asked) == {"Finance", "Contoso", "Fabrikam", "Supplier risk", "budgets",
                          "pallet robots", "sailing", "automation"}  # fmt: skip
    assert asked["Finance"].text == "Who in Finance would you ask about budgets?"
    assert asked["Contoso"].text == "Who would you go to for pricing data on Contoso?"
    assert asked["Fabrikam"].text == "Who would you call about supplier risk at Fabrikam?"
    assert asked["Supplier risk"].text == "Who would you go to for Supplier risk?"
    assert asked["budgets"].text == "Who would you go to for budgets?"
    assert asked["automation"].text == "Who would you ask about automation?"
    assert asked["sailing"].source == "interest"


def test_a_draw_is_distinct_and_the_same_for_the_same_seed() -> None:
    first = drill_questions(JOURNAL, count=5, seed=7)
    assert len(first) == 5
    assert len({q.topic.casefold() for q in first}) == 5
    assert drill_questions(JOURNAL, count=5, seed=7) == first
    draws = {tuple(q.topic for q in drill_questions(JOURNAL, count=5, seed=s)) for s in range(20)}
    assert len(draws) > 1  # seeds do change the draw
    assert len(drill_questions(JOURNAL, count=50, seed=1)) == 8  # no more than there are topics
    assert drill_questions(snapshot(), seed=1) == []
    assert drill_questions(JOURNAL, count=0, seed=1) == []


def test_recently_asked_topics_and_topics_many_people_hold_are_drawn_less() -> None:
    a = Person.create(name="A", interests=["chess"])
    b = Person.create(name="B", interests=["golf"])
    journal = snapshot(a, b)
    recent = [DrillSession(DAY, 1, 1, 1, [], topics=["Chess"])]
    chess = sum(drill_questions(journal, 1, seed=s, history=recent)[0].topic == "chess"
                for s in range(300))  # fmt: skip
    assert chess < 60  # about 1 in 11 expected
    many = [Person.create(name=f"P{n}", interests=["golf"]) for n in range(5)]
    crowded = snapshot(a, b, *many)
    golf = sum(drill_questions(crowded, 1, seed=s)[0].topic == "golf" for s in range(300))
    assert golf < 80  # weight 1/7 against 1/2: about 1 in 5 expected


def test_hobbies_are_asked_about_less_often_than_work_topics() -> None:
    a = Person.create(name="A", interests=["chess"])
    b = Person.create(name="B", expertise=["customs law"])
    journal = snapshot(a, b)
    chess = sum(drill_questions(journal, 1, seed=s)[0].topic == "chess" for s in range(300))
    assert 30 < chess < 110  # weight 0.3 against 1: about 1 in 4.3 expected (70 of 300)


def test_a_department_question_is_answered_from_your_own_organization() -> None:
    buyer = Person.create(name="Jamal Carter", kind="customer", org="Contoso",
                          department="Procurement")  # fmt: skip
    colleague = Person.create(name="Ines Roth", kind="internal", department="Procurement")
    [question] = [q for q in journal_topics(snapshot(buyer, colleague)) if q.topic == "Procurement"]
    answer = grade(question, [], snapshot(buyer, colleague))
    assert [entry.person.name for entry in answer.journal] == ["Ines Roth"]
    alone = grade(question, [], snapshot(buyer))
    assert alone.journal == [] and not alone.covered  # a gap: nobody inside Procurement


def test_grade_agreed_covered_and_nobody() -> None:
    cal = Person.create(name="Cal", expertise=["supplier risk"])
    far = Person.create(name="Far", expertise=["supplier risk"], status="prospect")
    journal = snapshot(ANN, BOB, cal, far, NOTE)
    question = DrillQuestion("supplier risk", "Who would you call about supplier risk?", "need")

    agreed = grade(question, [cal.id, ANN.id, cal.id], journal)
    assert agreed.picked == (cal.id, ANN.id)
    assert [entry.person.name for entry in agreed.journal] == ["Cal"]  # Bob only needs it
    assert (agreed.agreed, agreed.covered) == (True, True)

    other = grade(question, [ANN.id], journal)
    assert (other.agreed, other.covered) == (False, True)

    nobody_but_journal = grade(question, [], journal)
    assert (nobody_but_journal.agreed, nobody_but_journal.covered) == (False, True)

    gap = DrillQuestion("tariffs", "Who would you call about tariffs?", "need")
    nobody = grade(gap, [], journal)
    assert (nobody.journal, nobody.agreed, nobody.covered) == ([], False, False)
    assert grade(gap, [ANN.id], journal).covered  # you know whom to ask; the journal does not

    session = session_from([agreed, other, nobody], DAY)
    assert session.to_dict() == {
        "day": "2026-11-29", "asked": 3, "covered": 2, "agreed": 1,
        "uncovered": ["tariffs"], "topics": ["supplier risk", "supplier risk", "tariffs"],
        "knew": 2, "journal_had": 2, "filled": 0,
    }  # fmt: skip


def test_the_journal_counts_only_whom_it_had_itself_and_learns_from_your_answer(
    journal_dir: Path,
) -> None:
    store = Store.open(journal_dir)
    cal = Person.create(name="Cal", expertise=["supplier risk"])
    store.add(ANN, cal, NOTE)
    known = DrillQuestion("supplier risk", "Who would you call about supplier risk?", "need")
    gap = DrillQuestion("automation", "Who would you ask about automation?", "tag")
    journal = snapshot(ANN, cal, NOTE)

    agreed = grade(known, [cal.id], journal)
    filled = grade(gap, [ANN.id], journal)  # you know whom to ask; the journal had nobody
    assert filled.fills_gap and filled.covered and not agreed.fills_gap
    assert not grade(gap, [], journal).fills_gap
    session = session_from([agreed, filled], DAY)
    assert (session.knew, session.covered, session.journal_had, session.filled) == (2, 2, 1, 1)
    assert DrillSession.from_dict(session.to_dict()) == session

    assert can_teach(filled) and not can_teach(agreed)
    [taught] = teach(store, filled)
    assert taught.id == ANN.id and taught.expertise == ("budgets", "automation")
    assert teach(store, grade(gap, [ANN.id], snapshot(ANN, cal, NOTE))) == []  # already there
    again = grade(gap, [ANN.id], snapshot(*Store.open(journal_dir).people(), NOTE))
    assert again.agreed and not again.fills_gap  # the journal finds Ann now
    department = DrillQuestion("Procurement", "Who in Procurement would you ask?", "department")
    assert not can_teach(grade(department, [ANN.id], journal))  # a fact for the person's form


def test_the_journal_top_three_uses_talks_too() -> None:
    dee = Person.create(name="Dee")
    talk = Interaction.create(date="2026-11-02", person_ids=[dee.id], summary="Tariffs again")
    answer = grade(DrillQuestion("tariffs", "?"), [dee.id], snapshot(dee, talk))
    assert answer.agreed and answer.journal[0].reasons == ["talked about it on 2026-11-02"]


def test_history_round_trip_and_keep_limit(journal_dir: Path) -> None:
    store = Store.open(journal_dir)
    assert load_history(store) == []
    sessions = [DrillSession(date(2026, 11, d), 5, 4, d % 3, [f"gap {d}"], [f"t{d}"])
                for d in range(1, 8)]  # fmt: skip
    for session in sessions:
        record_session(store, session, keep=5)
    assert load_history(store) == sessions[-5:]
    assert oct(os.stat(journal_dir / HISTORY_NAME).st_mode & 0o777) == "0o600"
    # The journal folder stays a journal: it opens, and doctor finds nothing wrong.
    Store.open(journal_dir)
    assert check_journal(journal_dir).healthy
    assert DrillSession.from_dict(sessions[0].to_dict()) == sessions[0]
    with pytest.raises(ValueError):
        record_session(store, sessions[0], keep=0)


def test_an_older_session_without_topics_still_loads() -> None:
    old = DrillSession.from_dict({"day": "2026-01-02", "asked": 2, "covered": 1, "agreed": 0,
                                  "uncovered": ["x"]})  # fmt: skip
    assert old.topics == [] and old.uncovered == ["x"]


@pytest.mark.parametrize(
    "content",
    [b"{not json", b"[]", b'{"drills": 1, "sessions": [{"day": "soon"}]}',
     b'{"drills": 99, "sessions": []}',
     b'{"drills": 1, "sessions": [{"day": "2026-01-02", "asked": -1, "covered": 0, "agreed": 0}]}'],
)  # fmt: skip
def test_a_damaged_history_is_reported_by_name_and_never_overwritten(
    journal_dir: Path, content: bytes
) -> None:
    store = Store.open(journal_dir)
    record_session(store, DrillSession(DAY, 1, 1, 1, []))
    path = journal_dir / HISTORY_NAME
    path.write_bytes(content)
    with pytest.raises(JournalError) as caught:
        load_history(store)
    message = str(caught.value)
    assert isinstance(caught.value, NetjournalError)
    assert str(path) in message and message.count(". ") == 0 and message.endswith(".")
    with pytest.raises(JournalError):
        record_session(store, DrillSession(DAY, 1, 1, 1, []))
    assert path.read_bytes() == content
    checkup = check_journal(journal_dir)
    assert [p for p in checkup.problems if HISTORY_NAME in p] == [message]


def test_record_session_is_atomic(journal_dir: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first = DrillSession(DAY, 3, 2, 1, ["tariffs"], ["a", "b", "tariffs"])
    store = Store.open(journal_dir)
    record_session(store, first)
    before = (journal_dir / HISTORY_NAME).read_bytes()

    def crash(step: str) -> None:
        if step == "after-temp-write":
            raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic_file, "checkpoint", crash)
    with pytest.raises(JournalError, match="Could not save the drill history"):
        record_session(store, DrillSession(DAY, 1, 0, 0, ["x"], ["x"]))
    assert (journal_dir / HISTORY_NAME).read_bytes() == before
    assert [p.name for p in journal_dir.iterdir() if p.name.endswith(".tmp")] == []
    monkeypatch.setattr(atomic_file, "checkpoint", lambda step: None)
    assert load_history(store) == [first]


def test_record_session_refuses_a_folder_that_is_not_a_journal(tmp_path: Path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "taxes.txt").write_text("mine")
    with pytest.raises(JournalError, match="not a netjournal journal"):
        record_session(Store.open(folder), DrillSession(DAY, 1, 1, 1, []))
    assert sorted(os.listdir(folder)) == ["taxes.txt"]


def test_a_gap_is_a_bring_in_when_a_prospect_knows_it_else_an_ask() -> None:
    risk = DrillQuestion("supplier risk", "Who would you call about supplier risk?", "need")
    assert plan_for_gap(risk, JOURNAL) == ("bring-in", "Bring in Victor (knows supplier risk)")
    assert gap_plan(risk, JOURNAL).person_ids == (VIC.id,)
    tariffs = DrillQuestion("tariffs", "Who would you call about tariffs?", "need")
    assert plan_for_gap(tariffs, JOURNAL) == ("ask", "Find someone to ask about tariffs")
    assert gap_plan(tariffs, JOURNAL).person_ids == ()


def test_a_department_gap_brings_in_its_prospect_and_an_ask_goes_to_your_connector() -> None:
    counsel = Person.create(name="Vera", kind="internal", department="Legal", influence=3,
                            status="prospect")  # fmt: skip
    clerk = Person.create(name="Cy", kind="internal", department="Legal", status="prospect")
    talks = [Interaction.create(date="2026-11-0" + str(d), person_ids=[ANN.id], summary="Chat")
             for d in (1, 2)] + [Interaction.create(date="2026-11-03", person_ids=[BOB.id],
                                                    summary="Call")]  # fmt: skip
    journal = snapshot(ANN, BOB, counsel, clerk, *talks)
    legal = DrillQuestion("Legal", "Who in Legal would you ask about contracts?", "department")
    assert gap_plan(legal, journal) == GapPlan("bring-in", "Bring in Vera (Legal)", (counsel.id,))
    tariffs = DrillQuestion("tariffs", "Who would you call about tariffs?", "expertise")
    # Ann, the colleague you talk to most, likely knows whom to ask.
    assert gap_plan(tariffs, journal) == GapPlan(
        "ask", "Ask Ann Lee who knows about tariffs", (ANN.id,)
    )


def test_someone_who_only_needs_the_topic_is_not_whom_to_ask() -> None:
    needy = Person.create(name="Oli", needs=["budget for edge devices"])
    knows = Person.create(name="Kim", expertise=["edge devices"])
    question = DrillQuestion("edge devices", "Who would you go to for edge devices?", "expertise")
    assert [e.person.name for e in grade(question, [], snapshot(needy, knows)).journal] == ["Kim"]
    assert grade(question, [], snapshot(needy)).covered is False
