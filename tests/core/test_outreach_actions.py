"""Finishing planned outreach logs what happened: a share records the learning, an introduction
both people and why."""

from __future__ import annotations

from datetime import date

import pytest

from netjournal.core.errors import RecordError
from netjournal.core.outreach_actions import awake_where, mark_done, snooze, take_back
from netjournal.core.planning import plan_outreach
from netjournal.core.records import Learning, Outreach, Person
from netjournal.core.store import Store

DAY = date(2026, 11, 29)


def test_an_introduction_needs_its_reason() -> None:
    ann, bob = Person.create(name="Ann Lee"), Person.create(name="Bob Stone")
    with pytest.raises(RecordError, match="why the two should meet") as raised:
        plan_outreach("introduce", [ann, bob])
    assert raised.value.field == "reason"


def test_a_done_introduction_logs_one_talk_with_both_people_and_the_reason(store: Store) -> None:
    ann, bob = Person.create(name="Ann Lee"), Person.create(name="Bob Stone")
    intro = plan_outreach("introduce", [ann, bob], due=DAY, reason="both pilot pallet robots")
    store.add(ann, bob, intro)

    done = mark_done(store, intro, DAY)
    logged = done.logged

    fresh = Store.open(store.folder)
    assert fresh.interactions() == [logged]
    assert fresh.get(Outreach, intro.id) == done.outreach  # the plan as saved
    assert done.connected == ()
    assert logged.person_ids == (ann.id, bob.id)
    assert logged.summary == "Introduce Ann Lee to Bob Stone"
    assert "Why: both pilot pallet robots" in logged.notes
    assert (done.outreach.status, done.outreach.done_at) == ("done", DAY)


def test_a_done_share_records_which_learning_went_to_whom(store: Store) -> None:
    ann = Person.create(name="Ann Lee")
    talk = Learning.create(date=DAY, title="Robots pay back in 14 months")
    share = plan_outreach("share", [ann], learning=talk, due=DAY)
    store.add(ann, talk, share)

    logged = mark_done(store, share, DAY).logged

    assert (logged.person_ids, logged.learning_ids) == ((ann.id,), (talk.id,))
    with pytest.raises(RecordError, match="already done"):
        mark_done(store, share, DAY)


def test_a_done_bring_in_makes_the_prospect_part_of_your_network(store: Store) -> None:
    victor = Person.create(name="Victor Almeida", status="prospect")
    vera = Person.create(name="Vera Lind")  # already connected: not one the plan connects
    plan = plan_outreach("bring-in", [victor, vera], due=DAY)
    store.add(victor, vera, plan)

    done = mark_done(store, plan, DAY)

    assert done.connected == (victor.id,)  # said by the action, not guessed by its caller
    now = Store.open(store.folder).get(Person, victor.id)
    assert now is not None and now.status == "connected"
    assert [i.person_ids for i in Store.open(store.folder).interactions()] == [(victor.id, vera.id)]


def test_a_plan_that_is_no_longer_a_share_hands_no_learning_over(store: Store) -> None:
    ann = Person.create(name="Ann Lee")
    talk = Learning.create(date=DAY, title="Robots pay back in 14 months")
    share = plan_outreach("share", [ann], learning=talk, due=DAY)
    store.add(ann, talk, share)
    follow_up = share.edit(kind="follow-up")  # as saved before the form dropped the learning
    store.save_edit(share, follow_up)

    logged = mark_done(store, follow_up, DAY).logged

    assert logged.learning_ids == ()


def test_snooze_refuses_a_day_that_changes_nothing_and_today_wakes_a_snoozed_plan(
    store: Store,
) -> None:
    ann = Person.create(name="Ann Lee")
    plan = plan_outreach("follow-up", [ann], due=date(2026, 12, 4))
    store.add(ann, plan)
    with pytest.raises(RecordError, match="It is due 2026-12-04: snoozing until 2026-12-01"):
        snooze(store, plan, date(2026, 12, 1), DAY)
    with pytest.raises(RecordError, match=r"Choose a day after today \(2026-11-29\)"):
        snooze(store, plan, DAY, DAY)  # not snoozed: nothing to wake
    assert Store.open(store.folder).get(Outreach, plan.id) == plan  # refused: unchanged

    snoozed = snooze(store, plan, date(2026, 12, 20), DAY)
    assert snoozed.snoozed_until == date(2026, 12, 20)
    awake = snooze(store, snoozed, DAY, DAY)
    assert awake.snoozed_until is None
    assert awake.is_open_on(DAY)  # back in the list today
    assert awake_where(awake, DAY) == "due 2026-12-04"  # not yet due: not in today's review
    assert awake_where(awake, date(2026, 12, 4)) == "in today's list"


def test_a_done_is_taken_back_whole(store: Store) -> None:
    victor = Person.create(name="Victor Almeida", status="prospect")
    plan = plan_outreach("bring-in", [victor], due=DAY)
    store.add(victor, plan)
    done = mark_done(store, plan, DAY)

    back = take_back(store, done)

    fresh = Store.open(store.folder)
    assert fresh.get(Outreach, plan.id) == back.outreach
    assert (back.outreach.status, back.outreach.done_at) == ("open", None)
    assert (back.talk_removed, back.prospects_again) == (True, (victor.id,))
    assert fresh.interactions() == []
    now = fresh.get(Person, victor.id)
    assert now is not None and now.status == "prospect"
    with pytest.raises(RecordError, match="is open, not done"):
        take_back(store, done)


def test_taking_back_keeps_a_talk_edited_since(store: Store) -> None:
    ann = Person.create(name="Ann Lee")
    plan = plan_outreach("follow-up", [ann], due=DAY)
    store.add(ann, plan)
    done = mark_done(store, plan, DAY)
    noted = done.logged.edit(notes="She said yes to the pilot")
    store.save_edit(done.logged, noted)

    back = take_back(store, done)

    assert not back.talk_removed
    assert Store.open(store.folder).interactions() == [noted]  # what the user wrote stays


def test_a_plan_done_with_what_happened_logs_that_line_and_channel(store: Store) -> None:
    ann = Person.create(name="Ann Lee")
    plan = plan_outreach("follow-up", [ann], due=DAY, notes="Send the NDA template")
    store.add(ann, plan)

    done = mark_done(store, plan, DAY, said="  She signed;\n pilot starts in May ", channel="ca")

    logged = Store.open(store.folder).interactions()
    assert logged == [done.logged]
    assert (done.logged.summary, done.logged.channel) == ("She signed; pilot starts in May", "call")
    assert done.logged.notes == "Planned: Follow up with Ann Lee\n\nSend the NDA template"
    assert done.outreach.status == "done"
    back = take_back(store, done)  # u takes the noted done back whole, as a plain one
    assert back.talk_removed and Store.open(store.folder).interactions() == []


def test_the_channel_of_a_done_plan_comes_from_the_words_else_its_kind(store: Store) -> None:
    ann = Person.create(name="Ann Lee")
    reconnect = plan_outreach("reconnect", [ann], due=DAY)
    follow_up = plan_outreach("follow-up", [ann], due=DAY)
    coffee = plan_outreach("follow-up", [ann], due=DAY, title="Coffee with Ann at the depot")
    store.add(ann, reconnect, follow_up, coffee)

    assert mark_done(store, reconnect, DAY).logged.channel == "call"  # was "other"
    assert mark_done(store, coffee, DAY).logged.channel == "coffee"
    assert mark_done(store, follow_up, DAY, said="Lunch at the fair").logged.channel == "coffee"


def test_a_channel_that_names_none_is_one_sentence_and_nothing_is_done(store: Store) -> None:
    ann = Person.create(name="Ann Lee")
    plan = plan_outreach("follow-up", [ann], due=DAY)
    store.add(ann, plan)

    with pytest.raises(RecordError, match="'fax' is not a channel"):
        mark_done(store, plan, DAY, said="Talked", channel="fax")

    fresh = Store.open(store.folder)
    assert fresh.interactions() == [] and fresh.get(Outreach, plan.id) == plan
