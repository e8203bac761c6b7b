"""A review pass without a screen: the day's queue, skips for the day, done and its undo,
where the cursor goes after each action, and the progress line."""

from __future__ import annotations

from datetime import date, timedelta

from netjournal.core.outreach_actions import mark_done
from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Person
from netjournal.core.review import ReviewItem, review_queue
from netjournal.core.review_session import ReviewSession, day_queue, plan_kind
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from tests.core.support import snapshot

DAY = date(2026, 11, 29)


def item(item_id: str, kind: str = "cold") -> ReviewItem:
    return ReviewItem(item_id, kind, item_id.title(), "why", None, ("p",))


A, B, C, D = item("a", "outreach"), item("b", "outreach"), item("c"), item("d", "prospect")


def session_of(*items: ReviewItem) -> ReviewSession:
    session = ReviewSession(DAY)
    session.refresh(items)
    return session


def ids(session: ReviewSession) -> list[str]:
    return [i.id for i in session.items]


def test_the_queue_of_a_day_is_the_review_queue() -> None:
    ann = Person.create(name="Ann Lee", kind="customer")
    vic = Person.create(name="Victor Almeida", status="prospect")
    late = plan_outreach("follow-up", [ann], due=DAY - timedelta(days=2))
    later = plan_outreach("ask", [ann], due=DAY + timedelta(days=3))
    talk = Interaction.create(date=DAY - timedelta(days=1), person_ids=[ann.id], summary="Hi")
    journal = snapshot(ann, vic, late, later, talk)
    session = ReviewSession(DAY)
    session.refresh(session.queue_from(journal))
    assert session.items == review_queue(journal, DAY)
    assert ids(session) == [late.id, f"prospect:{vic.id}"]
    assert session.item(late.id) == session.items[0]
    assert session.item("nothing") is None
    # A review of some plans only (capture's follow-ups): those, still open, in their order.
    assert [i.id for i in day_queue(journal, DAY, only=(later.id, "gone", late.id))] == [
        later.id, late.id,
    ]  # fmt: skip


def test_the_cursor_stays_or_goes_on_to_the_next_item() -> None:
    session = session_of(A, B, C, D)
    # Nothing left the queue: the cursor stays where it is.
    assert session.refresh([A, B, C, D], current="c") == "c"
    # The item under the cursor was handled (B done): the one after it.
    assert session.refresh([A, C, D], current="b") == "c"
    # An item planned meanwhile joins the queue and the count; the cursor stays.
    assert session.refresh([A, item("e", "outreach"), C, D], current="c") == "c"
    assert session.progress() == "2 of 5"
    # The last one handled: nothing after it.
    assert session.refresh([A, item("e", "outreach"), C], current="d") is None


def test_skip_for_today_moves_on_and_counts() -> None:
    session = session_of(A, B, C)
    assert session.skip("b") == "c"
    assert ids(session) == ["a", "c"]
    assert session.progress() == "2 of 3 · skipped 1"
    # A new queue (after a save elsewhere) keeps it skipped.
    assert session.refresh([A, B, C], current="a") == "a"
    assert ids(session) == ["a", "c"]
    assert session.was_skipped("b") and not session.was_skipped("a")


def test_done_and_its_undo() -> None:
    session = session_of(A, B, C)
    session.handled("done")  # A done: it leaves the queue at the next refresh
    assert session.refresh([B, C], current="a") == "b"
    assert session.progress() == "2 of 3 · done 1"
    session.taken_back("a")  # u: counted done no more, and the cursor goes back to it
    assert session.refresh([A, B, C], current="b") == "a"
    assert session.progress() == "1 of 3"
    session.taken_back("x")  # a done from elsewhere (Outreach): no count goes below zero
    assert session.counts["done"] == 0


def test_the_progress_line_from_start_to_end() -> None:
    assert session_of().progress() == "Nothing to review today: no plans due, nobody going cold."
    session = session_of(A, B)
    assert session.progress() == "1 of 2"
    session.handled("snoozed")
    session.refresh([B], current="a")
    session.skip("b")
    assert session.progress() == "All 2 reviewed: snoozed 1, skipped 1. Well done."


def test_skips_are_kept_for_the_day_and_count_as_earlier_next_time(store: Store) -> None:
    bob = Person.create(name="Bob Stone", status="prospect")
    vic = Person.create(name="Victor Almeida", status="prospect")
    store.add(bob, vic)
    first = ReviewSession.load(store, DAY)
    assert ids(first) == [f"prospect:{bob.id}", f"prospect:{vic.id}"]
    first.skip(f"prospect:{bob.id}")
    first.remember_skip(store, f"prospect:{bob.id}")

    again = ReviewSession.load(store, DAY)  # the app opened again, or `netjournal review`
    assert ids(again) == [f"prospect:{vic.id}"]
    assert again.skipped_before == 1
    assert again.progress() == "1 of 1 · 1 skipped earlier"
    assert again.was_skipped("prospect:" + bob.id[:3])
    again.skip(f"prospect:{vic.id}")
    again.remember_skip(store, f"prospect:{vic.id}")
    assert again.progress() == "All 1 reviewed: skipped 1. Well done."

    last = ReviewSession.load(store, DAY)
    assert last.items == []
    assert last.progress() == "Nothing left for today: 2 items skipped earlier."
    # The next day, both are back; and a session carried over midnight starts afresh.
    assert len(ReviewSession.load(store, DAY + timedelta(days=1)).items) == 2
    assert last.on_day(DAY) is last
    assert last.on_day(DAY + timedelta(days=1)).skipped_earlier == set()


def test_a_done_in_the_journal_leaves_the_queue(store: Store) -> None:
    ann = Person.create(name="Ann Lee")
    plan = plan_outreach("follow-up", [ann], due=DAY)
    other = plan_outreach("reconnect", [ann], due=DAY)
    store.add(ann, plan, other)
    session = ReviewSession.load(store, DAY)
    mark_done(store, plan, DAY)
    session.handled("done")
    keep = session.refresh(session.queue_from(JournalSnapshot.load(store)), current=plan.id)
    assert (ids(session), keep) == ([other.id], other.id)


def test_find_an_item_by_its_id_or_the_start_of_it() -> None:
    session = session_of(item("cold:ab"), item("cold:ac"), item("prospect:x"))
    assert [i.id for i in session.find("cold:ab")] == ["cold:ab"]
    assert [i.id for i in session.find(" cold:a ")] == ["cold:ab", "cold:ac"]
    assert session.find("") == []


def test_the_plan_an_item_suggests() -> None:
    assert [plan_kind(item("x", kind)) for kind in ("cold", "power", "prospect", "share")] == [
        "reconnect", "reconnect", "bring-in", "follow-up",
    ]  # fmt: skip
