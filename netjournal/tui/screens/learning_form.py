"""Adding or editing a learning: focus starts on Title."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netjournal.core.dates import parse_past
from netjournal.core.records import SOURCE_KINDS, Learning
from netjournal.core.store import Store
from netjournal.tui.screens.form import Field, FormScreen


class LearningForm(FormScreen):
    FIELDS = (
        Field("title", "Title"),
        Field("date", "Date (today, yesterday, 14 mar, 2026-03-14)"),
        Field("source_kind", "Source", "choice", SOURCE_KINDS),
        Field("source", "Source name or author"),
        Field("event", "Event (e.g. a trade show)", completion="events", single=True),
        Field("url", "Link"),
        Field("tags", "Tags (comma-separated)", completion="tags"),
        Field("body", "What you learnt (Markdown)", "text"),
    )

    def __init__(self, learning: Learning | None, prefill: dict[str, str] | None = None) -> None:
        super().__init__()
        self.learning = learning
        self.prefill = prefill or {}  # a new learning started from capture: event and date
        self.HEADING = "Edit learning" if learning else "New learning"

    def initial_values(self) -> dict[str, str]:
        if self.learning is None:
            return {"date": "today", "source_kind": "other", **self.prefill}
        values = self.learning.to_dict()
        return {k: ", ".join(v) if isinstance(v, list) else str(v or "") for k, v in values.items()}

    def saver(self, values: dict[str, str]) -> Callable[[Store], Any]:
        fields: dict[str, Any] = dict(values)
        fields["date"] = parse_past(values["date"], self.nj.today(), "A learning")
        if self.learning is None:
            learning = Learning.create(**fields)
            return lambda store: store.added(learning)
        base, edited = self.learning, self.learning.edit(**fields)
        return lambda store: store.save_edit(base, edited)

    def saved_message(self, result: Any) -> str:
        return f"Saved '{result.title}'."
