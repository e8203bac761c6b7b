"""Edits that meet another window's save, deleting a learning, short names, future dates."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from netjournal.core.dates import parse_past
from netjournal.core.doctor import check_journal
from netjournal.core.errors import Ambiguous, DateError, RecordError
from netjournal.core.names import Candidate, resolve
from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Learning, Outreach, Person
from netjournal.core.removal import delete_learning
from netjournal.core.store import Store


def test_two_windows_editing_different_fields_keep_both_changes(journal_dir: Path) -> None:
    Store.open(journal_dir).add(Person.create(name="Ann", role="Head of Ops", org="Contoso"))
    window_a, window_b = Store.open(journal_dir), Store.open(journal_dir)
    [seen_by_a], [seen_by_b] = window_a.people(), window_b.people()
    window_a.save_edit(seen_by_a, seen_by_a.edit(role="VP Ops"))
    window_b.save_edit(seen_by_b, seen_by_b.edit(org="Contoso Group"))
    [ann] = Store.open(journal_dir).people()
    assert (ann.role, ann.org) == ("VP Ops", "Contoso Group")


def test_two_windows_changing_the_same_field_refuse_the_second(journal_dir: Path) -> None:
    Store.open(journal_dir).add(Person.create(name="Ann", role="Head of Ops"))
    window_a, window_b = Store.open(journal_dir), Store.open(journal_dir)
    [seen_by_a], [seen_by_b] = window_a.people(), window_b.people()
    window_a.save_edit(seen_by_a, seen_by_a.edit(role="VP Ops"))
    with pytest.raises(RecordError, match="changed elsewhere while you edited it \\(role\\)"):
        window_b.save_edit(seen_by_b, seen_by_b.edit(role="CTO"))
    assert Store.open(journal_dir).people()[0].role == "VP Ops"


def test_deleting_a_learning_leaves_no_dangling_reference(journal_dir: Path) -> None:
    store = Store.open(journal_dir)
    ann = Person.create(name="Ann")
    article = Learning.create(date="2026-03-01", title="Pallet robots")
    told = Interaction.create(date="2026-03-02", person_ids=[ann.id], summary="Sent it",
                              learning_ids=[article.id])  # fmt: skip
    store.add(ann, article, told, plan_outreach("share", [ann], learning=article))
    removal = delete_learning(store, article)
    assert removal.describe() == (
        "Deleted 'Pallet robots'; 1 interaction no longer mentions it, "
        "1 planned share of it deleted."
    )
    fresh = Store.open(journal_dir)
    assert fresh.learnings() == [] and fresh.all(Outreach) == []
    assert fresh.interactions()[0].learning_ids == ()
    assert check_journal(journal_dir).healthy


def test_one_or_two_letters_never_pick_a_person_by_chance() -> None:
    people = [Candidate("1", "Ann Lee"), Candidate("2", "Anna Smith"), Candidate("3", "Oliver Grant"),
              Candidate("4", "Mei Chen"), Candidate("5", "Markus Brandt")]  # fmt: skip
    with pytest.raises(Ambiguous) as raised:
        resolve("an", people)
    assert raised.value.candidates == ["1", "2"]  # word starts only: not Grant or Brandt
    with pytest.raises(Ambiguous):
        resolve("m", people)
    assert resolve("mei", people).name == "Mei Chen"


def test_what_happened_cannot_be_dated_in_the_future() -> None:
    today = date(2026, 11, 29)
    assert parse_past("fri", today) == date(2026, 11, 27)
    with pytest.raises(DateError, match="in the future"):
        parse_past("+3d", today)
