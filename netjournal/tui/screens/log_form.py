"""`l` on a person: log an interaction (date defaults to today); also edits a logged one."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from netjournal.core.dates import parse_past
from netjournal.core.records import CHANNELS, Interaction, Person
from netjournal.core.store import Store
from netjournal.tui.screens.form import Field, FormScreen


class LogForm(FormScreen):
    FIELDS = (
        Field("summary", "What you talked about"),
        Field("date", "When (today, yesterday, fri, 2026-03-14)"),
        Field("channel", "Channel", "choice", CHANNELS),
        Field("event", "Event (e.g. a trade show)"),
        Field("notes", "Notes", "text"),
    )

    def __init__(self, person: Person, interaction: Interaction | None = None) -> None:
        super().__init__()
        self.person = person
        self.interaction = interaction
        self.HEADING = (
            f"Edit an interaction with {person.name}"
            if interaction
            else f"Log an interaction with {person.name}"
        )

    def initial_values(self) -> dict[str, str]:
        if self.interaction is None:
            return {"date": "today", "channel": "meeting"}
        i = self.interaction
        return {"summary": i.summary, "date": i.date.isoformat(), "channel": i.channel,
                "event": i.event, "notes": i.notes}  # fmt: skip

    def saver(self, values: dict[str, str]) -> Callable[[Store], Any]:
        fields = {
            "summary": values["summary"],
            "date": parse_past(values["date"], self.nj.today()),
            "channel": values["channel"],
            "event": values["event"],
            "notes": values["notes"],
        }
        if self.interaction is not None:
            edited = self.interaction.edit(**fields)
            return lambda store: store.save_edit(self.interaction, edited)
        interaction = Interaction.create(**fields, person_ids=[self.person.id])
        return lambda store: (store.add(interaction), interaction)[1]

    def saved_message(self, result: Any) -> str:
        if self.interaction is not None:
            return f"Saved the interaction with {self.person.name}."
        return f"Logged with {self.person.name}."
