"""Editing a plan keeps it true to itself: a written title follows, a new due date ends a
snooze, a plan no longer a share drops its learning. No form needed to prove it."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from netjournal.core.errors import RecordError
from netjournal.core.planning import edit_outreach, plan_outreach
from netjournal.core.records import Learning, Person
from tests.core.support import snapshot

DAY = date(2026, 11, 29)
ANN, BOB = Person.create(name="Ann Lee"), Person.create(name="Bob Stone")
TALK = Learning.create(date=DAY, title="Solid state batteries")
KNOWN = snapshot(ANN, BOB, TALK)


def test_a_title_written_for_you_follows_the_people_and_kind() -> None:
    plan = plan_outreach("follow-up", [ANN], due=DAY)
    assert plan.title == "Follow up with Ann Lee"

    to_bob = edit_outreach(plan, KNOWN, people=[BOB])
    assert (to_bob.title, to_bob.person_ids) == ("Follow up with Bob Stone", (BOB.id,))
    # The form sends the title it showed, unchanged: still written for you, so it follows.
    asked = edit_outreach(plan, KNOWN, kind="ask", people=[ANN, BOB], title=plan.title)
    assert asked.title == "Ask Ann Lee and Bob Stone"
    # Emptied: written anew.
    assert edit_outreach(plan, KNOWN, title="").title == "Follow up with Ann Lee"


def test_a_title_you_typed_stays() -> None:
    plan = plan_outreach("follow-up", [ANN], due=DAY, title="Call Ann about the pilot")
    assert edit_outreach(plan, KNOWN, people=[BOB]).title == "Call Ann about the pilot"
    retyped = edit_outreach(plan, KNOWN, people=[BOB], title="Call Bob instead")
    assert retyped.title == "Call Bob instead"


def test_a_new_due_date_ends_a_snooze_and_the_same_one_keeps_it() -> None:
    later = DAY + timedelta(days=30)
    snoozed = plan_outreach("follow-up", [ANN], due=DAY).edit(snoozed_until=later)
    assert edit_outreach(snoozed, KNOWN, notes="Bring the deck").snoozed_until == later
    assert edit_outreach(snoozed, KNOWN, due=DAY).snoozed_until == later
    woken = edit_outreach(snoozed, KNOWN, due=DAY + timedelta(days=1))
    assert (woken.due, woken.snoozed_until) == (DAY + timedelta(days=1), None)
    assert edit_outreach(snoozed, KNOWN, due=None).snoozed_until is None  # someday now


def test_a_share_turned_another_kind_drops_its_learning() -> None:
    share = plan_outreach("share", [ANN], learning=TALK, due=DAY)
    assert share.title == "Share 'Solid state batteries' with Ann Lee"

    follow_up = edit_outreach(share, KNOWN, kind="follow-up", learning=TALK)
    assert (follow_up.kind, follow_up.learning_id) == ("follow-up", "")
    assert follow_up.title == "Follow up with Ann Lee"  # it was written for you
    # Kept a share: the learning stays unless another is given.
    assert edit_outreach(share, KNOWN, people=[BOB]).learning_id == TALK.id
    with pytest.raises(RecordError, match="names the learning"):
        edit_outreach(share, KNOWN, learning=None)


def test_fields_not_given_stay_and_the_edit_is_validated() -> None:
    plan = plan_outreach("introduce", [ANN, BOB], due=DAY, reason="both pilot robots")
    same = edit_outreach(plan, KNOWN)
    assert (same.id, same.kind, same.person_ids, same.due, same.reason) == (
        plan.id, plan.kind, plan.person_ids, plan.due, plan.reason,
    )  # fmt: skip
    with pytest.raises(RecordError, match="two different people"):
        edit_outreach(plan, KNOWN, people=[ANN])
