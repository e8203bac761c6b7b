"""What is derived from interactions: when you last spoke with each person."""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

from netjournal.core.records import Interaction


def last_contacts(interactions: Iterable[Interaction]) -> dict[str, date]:
    """Each person's most recent interaction date, by person id."""
    latest: dict[str, date] = {}
    for interaction in interactions:
        for person_id in interaction.person_ids:
            seen = latest.get(person_id)
            if seen is None or interaction.date > seen:
                latest[person_id] = interaction.date
    return latest
