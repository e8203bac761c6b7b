"""A review item says what to do: a plan's note comes with it, and its why names only whom the
title does not already name."""

from __future__ import annotations

from datetime import date

from netjournal.core.note_line import note_line
from netjournal.core.planning import plan_outreach
from netjournal.core.records import Learning, Person
from netjournal.core.review import review_queue
from tests.core.support import snapshot

DAY = date(2026, 11, 29)
ANN = Person.create(name="Anna Smith", kind="customer")
PRIYA = Person.create(name="Priya Raman")


def test_three_follow_ups_with_one_person_are_told_apart_by_their_notes() -> None:
    notes = ("Send the NDA template", "Ask about the Q3 budget", "")
    plans = [plan_outreach("follow-up", [ANN], due=DAY, notes=note) for note in notes]
    items = review_queue(snapshot(ANN, *plans), DAY)
    assert {i.title for i in items} == {"Follow up with Anna Smith"}
    assert sorted(i.note for i in items) == sorted(notes)  # whole, as written
    as_json = items[0].to_dict()
    assert set(as_json) == {"id", "kind", "title", "reason", "due", "person_ids", "note"}
    assert as_json["note"] in notes


def test_the_why_names_people_the_title_does_not() -> None:
    follow = plan_outreach("follow-up", [ANN], due=DAY)
    learning = Learning.create(date=DAY, title="Pallet robots cut picking time")
    share = plan_outreach("share", [PRIYA], learning=learning, due=DAY, title="Send the article")
    items = {i.title: i for i in review_queue(snapshot(ANN, PRIYA, learning, follow, share), DAY)}
    named = {title: item.why([p.name for p in (ANN, PRIYA) if p.id in item.person_ids])
             for title, item in items.items()}  # fmt: skip
    assert named == {
        "Follow up with Anna Smith": "due today",  # the title names her: not again
        "Send the article": "due today · Priya Raman",
    }


def test_a_note_in_a_row_is_its_first_line_cut_at_a_word() -> None:
    assert note_line("Send the NDA template") == "Send the NDA template"
    assert note_line("  Send the NDA\n\nthen call her back") == "Send the NDA…"
    long = "Ask about the budget, the timeline and whether procurement has to sign off first"
    short = note_line(long)
    assert short == "Ask about the budget, the timeline and whether procurement…"
    assert len(short) <= 60 and long.startswith(short[:-1])
    assert note_line("") == ""
