"""Whom to share a learning with, for `netjournal suggest` and the share screen alike."""

from __future__ import annotations

from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Learning, Person
from netjournal.core.suggest import ShareCandidate, share_candidates
from tests.core.support import snapshot

ROBOTS = Learning.create(date="2026-11-01", title="Pallet robots cut picking time",
                         body="Payback in under three years.")  # fmt: skip
PRIYA = Person.create(name="Priya Raman", needs="payback under three years")
YUKI = Person.create(name="Yuki Tanaka", expertise="pallet robots")
LARS = Person.create(name="Lars Berg", interests="pallet robots")
DAN = Person.create(name="Dan Wu", interests="jazz")
ADA = Person.create(name="Ada Kim", interests="opera")
SENT = Interaction.create(
    date="2026-11-02", person_ids=[YUKI.id], summary="Sent it", learning_ids=[ROBOTS.id]
)
TO_DAN = plan_outreach("share", [DAN], learning=ROBOTS)


def rows(found: list[ShareCandidate]) -> list[tuple[str, bool, bool, tuple[str, ...]]]:
    return [(c.person.name, c.has_it, c.planned, c.reasons) for c in found]


def test_fits_best_first_then_who_has_it_or_will_get_it_marked() -> None:
    journal = snapshot(ROBOTS, PRIYA, YUKI, LARS, DAN, ADA, SENT, TO_DAN)
    assert rows(share_candidates(journal, ROBOTS)) == [
        ("Priya Raman", False, False, ("need: payback under three years",)),
        ("Lars Berg", False, False, ("interest: pallet robots",)),
        ("Yuki Tanaka", True, False, ("expertise: pallet robots",)),  # has it: ranked out
    ]  # Dan (a share planned, nothing in common) is not suggested: no reason to
    screen = share_candidates(journal, ROBOTS, everyone=True)
    assert rows(screen)[-1] == ("Dan Wu", False, True, ())  # the share screen lists everyone


def test_everyone_adds_the_rest_by_name_between_the_fits_and_the_ranked_out() -> None:
    journal = snapshot(ROBOTS, PRIYA, YUKI, LARS, DAN, ADA, SENT)
    found = share_candidates(journal, ROBOTS, everyone=True)
    assert [(c.person.name, c.has_it, c.score) for c in found] == [
        ("Priya Raman", False, found[0].score),
        ("Lars Berg", False, found[1].score),
        ("Ada Kim", False, 0.0),
        ("Dan Wu", False, 0.0),
        ("Yuki Tanaka", True, found[4].score),
    ]
    assert found[0].score > found[1].score > 0


def test_picked_people_lead_their_group() -> None:
    journal = snapshot(ROBOTS, PRIYA, YUKI, LARS, DAN, SENT, TO_DAN)
    found = share_candidates(journal, ROBOTS, picked=(LARS.id, DAN.id), everyone=True)
    assert [c.person.name for c in found] == ["Lars Berg", "Priya Raman", "Dan Wu", "Yuki Tanaka"]


def test_someone_who_has_it_and_has_a_share_planned_counts_as_having_it() -> None:
    again = plan_outreach("share", [YUKI], learning=ROBOTS)
    found = share_candidates(snapshot(ROBOTS, YUKI, SENT, again), ROBOTS)
    assert rows(found) == [("Yuki Tanaka", True, False, ("expertise: pallet robots",))]


def test_a_done_share_counts_as_having_it() -> None:
    done = plan_outreach("share", [PRIYA], learning=ROBOTS).edit(
        status="done", done_at="2026-11-03"
    )
    found = share_candidates(snapshot(ROBOTS, PRIYA, LARS, done), ROBOTS)
    assert [(c.person.name, c.has_it) for c in found] == [("Lars Berg", False),
                                                          ("Priya Raman", True)]  # fmt: skip


def test_limit_keeps_the_first_and_the_json_shape_is_the_cli_s() -> None:
    journal = snapshot(ROBOTS, PRIYA, YUKI, LARS, DAN, SENT, TO_DAN)
    found = share_candidates(journal, ROBOTS, limit=3)
    assert [c.person.name for c in found] == ["Priya Raman", "Lars Berg", "Yuki Tanaka"]
    assert found[2].to_dict() == {
        "id": YUKI.id, "name": "Yuki Tanaka", "score": round(found[2].score, 2),
        "reasons": ["expertise: pallet robots"], "shared": True, "planned": False,
    }  # fmt: skip


def test_nobody_fits_and_nobody_has_it() -> None:
    assert share_candidates(snapshot(ROBOTS, DAN), ROBOTS) == []
    assert [c.person.name for c in share_candidates(snapshot(ROBOTS, DAN), ROBOTS,
                                                    everyone=True)] == ["Dan Wu"]  # fmt: skip
