"""One pass through a day's review: its queue, what was skipped for the day, what was handled
(done, snoozed, skipped, logged, planned, dropped; a done taken back with u counts no more),
where the cursor goes after an action, and the progress line.

The app's Review (4) draws a session and forwards keys to it; `netjournal review` and
`netjournal skip` read the same queue, and the same skips, through one.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from datetime import date
from typing import Literal, get_args

from netjournal.core.review import ReviewItem, outreach_item, review_queue
from netjournal.core.review_skips import skip_for_today, skipped_on
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.words import count_of

Handled = Literal["done", "snoozed", "skipped", "logged", "planned", "dropped"]
# The plan a review item about a person suggests (p); anything else is a follow-up.
PLAN_KIND = {"cold": "reconnect", "power": "reconnect", "prospect": "bring-in"}


def plan_kind(item: ReviewItem) -> str:
    """The kind of outreach to plan for `item`: reconnect with someone going cold, bring in a
    prospect, else follow up."""
    return PLAN_KIND.get(item.kind, "follow-up")


def day_queue(
    snapshot: JournalSnapshot,
    day: date,
    by_tag: Mapping[str, int] | None = None,
    only: Sequence[str] = (),
) -> list[ReviewItem]:
    """The review queue of `day`, skips included; for a review of some plans only (capture's
    follow-ups), those of them still open, in their order."""
    if not only:
        return review_queue(snapshot, day, by_tag)
    plans = snapshot.outreach
    return [outreach_item(plans[i], day) for i in only
            if i in plans and plans[i].status == "open"]  # fmt: skip


class ReviewSession:
    """The state of one review pass on one day, and its rules."""

    def __init__(self, day: date, only: Sequence[str] = ()) -> None:
        self.day = day
        self.only = tuple(only)  # a review of these outreach ids only (capture's follow-ups)
        self.queue: list[ReviewItem] = []  # the day's queue as last computed, skips included
        self.counts: dict[Handled, int] = dict.fromkeys(get_args(Handled), 0)
        self.seen: set[str] = set()  # every item the queue has held: the "of N" of the progress
        self.skipped: set[str] = set()  # in this session
        self.skipped_earlier: set[str] = set()  # today, before this session: not counted again
        self.back: str | None = None  # a plan taken back with u: the cursor goes to it
        self._left: dict[str, ReviewItem] = {}

    @classmethod
    def load(
        cls, store: Store, day: date, by_tag: Mapping[str, int] | None = None
    ) -> ReviewSession:
        """The review of `day` as the journal and its skips on disk hold it now."""
        session = cls(day)
        session.refresh(
            session.queue_from(JournalSnapshot.load(store), by_tag), session.skips_on_disk(store)
        )
        return session

    def on_day(self, day: date) -> ReviewSession:
        """This session, or on another day a fresh one: a day's skips and counts are its own."""
        return self if day == self.day else ReviewSession(day, self.only)

    # Reading and writing: safe in a worker thread, they change nothing in the session.
    def queue_from(
        self, snapshot: JournalSnapshot, by_tag: Mapping[str, int] | None = None
    ) -> list[ReviewItem]:
        """The session's queue computed from `snapshot` (give it to `refresh`)."""
        return day_queue(snapshot, self.day, by_tag, self.only)

    def skips_on_disk(self, store: Store) -> frozenset[str]:
        """The items skipped on the session's day, here or by `netjournal skip`."""
        return skipped_on(store, self.day)

    def remember_skip(self, store: Store, item_id: str) -> None:
        """Keep a skip on disk, so that the item stays skipped when the app is opened again."""
        skip_for_today(store, self.day, [item_id])

    # The queue as shown.
    @property
    def items(self) -> list[ReviewItem]:
        """What is left to review, in order."""
        return list(self._left.values())

    def item(self, item_id: str) -> ReviewItem | None:
        """The item left to review with this id, if any."""
        return self._left.get(item_id)

    @property
    def skipped_before(self) -> int:
        """How many items of the day's queue were skipped before this session."""
        return sum(1 for item in self.queue if item.id in self.skipped_earlier)

    def find(self, typed: str) -> list[ReviewItem]:
        """The items left whose id is `typed`, else those whose id starts with it."""
        typed = typed.strip()
        exact = [item for item in self._left.values() if item.id == typed]
        return exact or [
            item for item in self._left.values() if typed and item.id.startswith(typed)
        ]

    def was_skipped(self, typed: str) -> bool:
        """Whether an item whose id starts with `typed` was already skipped today."""
        typed = typed.strip()
        return bool(typed) and any(i.startswith(typed) for i in self.skipped_earlier | self.skipped)

    # Changes: each says where the cursor goes.
    def refresh(
        self,
        queue: Iterable[ReviewItem],
        skipped_on_disk: Iterable[str] = (),
        current: str | None = None,
    ) -> str | None:
        """Take the queue computed anew (after a save, or skips read from disk); the item the
        cursor goes to: a plan just taken back, else `current`, or when it left the queue, the
        one that came after it."""
        self.queue = list(queue)
        self.skipped_earlier |= set(skipped_on_disk) - self.skipped
        return self._filter(current)

    def skip(self, item_id: str) -> str | None:
        """Skip `item_id` for today (`remember_skip` keeps it on disk); the cursor goes to the
        item after it."""
        self.skipped.add(item_id)
        self.counts["skipped"] += 1
        return self._filter(item_id)

    def handled(self, what: Handled) -> None:
        """Count an item handled (the journal's change leaves it out at the next refresh)."""
        self.counts[what] += 1

    def taken_back(self, plan_id: str) -> None:
        """A done taken back with u: counted done no more, and the cursor goes back to it when
        the queue shows it again."""
        self.back = plan_id
        if self.counts["done"]:
            self.counts["done"] -= 1  # the plan is back in the queue, to do after all

    def progress(self) -> str:
        """The progress line: "2 of 5 · done 1", "All 5 reviewed: ...", "Nothing left..."."""
        # Handled items leave the queue; items planned during the review join it.
        total, left = len(self.seen), len(self._left)
        summary = ", ".join(f"{name} {count}" for name, count in self.counts.items() if count)
        earlier = self.skipped_before
        if left == 0 and total:
            return f"All {total} reviewed: {summary or 'nothing changed'}. Well done."
        if left == 0:
            if earlier:
                return f"Nothing left for today: {count_of(earlier, 'item')} skipped earlier."
            return "Nothing to review today: no plans due, nobody going cold."
        aside = f"{earlier} skipped earlier" if earlier else ""
        return " · ".join(x for x in (f"{total - left + 1} of {total}", summary, aside) if x)

    def _filter(self, current: str | None) -> str | None:
        before = list(self._left)
        kept = [item for item in self.queue if item.id not in self.skipped_earlier]
        self.seen.update(item.id for item in kept)  # items planned meanwhile join the count
        self._left = {item.id: item for item in kept if item.id not in self.skipped}
        if self.back in self._left:
            keep, self.back = self.back, None
            return keep
        if current in self._left or current not in before:
            return current
        later = before[before.index(current) + 1 :]
        return next((key for key in later if key in self._left), None)
