"""Skipping a review item for today is remembered on disk for that day only."""

from __future__ import annotations

from datetime import date, timedelta
from pathlib import Path

import pytest

from netjournal.core.errors import JournalError
from netjournal.core.records import Person
from netjournal.core.review_skips import skip_for_today, skipped_on, skips_path
from netjournal.core.store import Store

DAY = date(2026, 11, 29)


@pytest.fixture
def journal(journal_dir: Path) -> Store:
    store = Store.open(journal_dir)
    store.add(Person.create(name="Ann Lee"))
    return store


def test_skips_add_up_during_a_day_and_count_for_that_day_only(journal: Store) -> None:
    skip_for_today(journal, DAY, ["cold:a"])
    assert skip_for_today(journal, DAY, ["prospect:b"]) == {"cold:a", "prospect:b"}
    assert skipped_on(journal, DAY) == {"cold:a", "prospect:b"}
    assert skipped_on(journal, DAY + timedelta(days=1)) == frozenset()
    # The next day's first skip replaces yesterday's.
    skip_for_today(journal, DAY + timedelta(days=1), ["cold:c"])
    assert skipped_on(journal, DAY) == frozenset()
    assert skipped_on(journal, DAY + timedelta(days=1)) == {"cold:c"}


def test_a_damaged_skips_file_means_nothing_skipped_and_is_rewritten(journal: Store) -> None:
    skips_path(journal).write_text('{"day": "2026-11-29", "items": ', encoding="utf-8")
    assert skipped_on(journal, DAY) == frozenset()
    skip_for_today(journal, DAY, ["cold:a"])
    assert skipped_on(journal, DAY) == {"cold:a"}
    assert Store.open(journal.folder).people()[0].name == "Ann Lee"  # the journal is untouched


def test_no_journal_folder_is_one_clear_sentence(tmp_path: Path) -> None:
    with pytest.raises(JournalError, match="does not exist"):
        skip_for_today(Store.open(tmp_path / "nowhere"), DAY, ["cold:a"])
    assert not (tmp_path / "nowhere").exists()
