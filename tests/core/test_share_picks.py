"""One key picks a learning's three best people: those it fits best, never one who has it."""

from __future__ import annotations

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Learning, Person
from netjournal.core.share_picks import best_to_share
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.suggest import share_candidates

ROBOTS = Learning.create(date="2026-11-01", title="Pallet robots cut picking time",
                         body="Payback in under three years.", tags="pallet robots")  # fmt: skip


def test_the_best_three_are_the_first_it_fits_and_lack_it(store: Store) -> None:
    has_it = Person.create(name="Yuki Tanaka", expertise="pallet robots")
    planned = Person.create(name="Zoe Park", interests="pallet robots")
    fits = [Person.create(name=f"Fit {n}", interests="pallet robots") for n in range(4)]
    best = Person.create(name="Priya Raman", expertise="pallet robots", needs="payback")
    nobody = Person.create(name="Dan Wu", interests="jazz")
    sent = Interaction.create(date="2026-11-02", person_ids=[has_it.id], summary="Sent it",
                              learning_ids=[ROBOTS.id])  # fmt: skip
    share = plan_outreach("share", [planned], learning=ROBOTS)
    store.add(ROBOTS, has_it, planned, *fits, best, nobody, sent, share)
    snapshot = JournalSnapshot.load(store)

    ranked = share_candidates(snapshot, ROBOTS, everyone=True)
    picked = best_to_share(ranked)

    fitting = [c.person.id for c in ranked if c.reasons and not (c.has_it or c.planned)]
    assert picked == fitting[:3] and len(picked) == 3
    assert best.id in picked  # the strongest fit
    assert not {has_it.id, planned.id, nobody.id} & set(picked)
    assert best_to_share(ranked, 10) == fitting  # fewer than asked: only those it fits


def test_nobody_it_fits_picks_nobody(store: Store) -> None:
    store.add(ROBOTS, Person.create(name="Dan Wu", interests="jazz"))
    ranked = share_candidates(JournalSnapshot.load(store), ROBOTS, everyone=True)
    assert ranked and best_to_share(ranked) == []
