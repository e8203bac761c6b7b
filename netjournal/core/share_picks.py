"""Whom one key picks to share a learning with: its best few, among those it fits."""

from __future__ import annotations

from collections.abc import Sequence

from netjournal.core.suggest import ShareCandidate

BEST = 3  # the "three best people": enough to spread a learning, few enough to mean it


def best_to_share(candidates: Sequence[ShareCandidate], count: int = BEST) -> list[str]:
    """The ids of the first `count` people `candidates` (ranked by `share_candidates`) says the
    learning fits: with a reason, neither having it nor with a share of it planned."""
    fits = [c.person.id for c in candidates if c.reasons and not (c.has_it or c.planned)]
    return fits[:count]
