"""`l` on a person: log an interaction (date defaults to today); also edits a logged one.

The channel is typed by its first letters ("co" is coffee), or left empty: then the words say
it ("Lunch with Ann" is a coffee; else a meeting). Its placeholder shows the channel it will be.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from textual.widgets import Input

from netjournal.core.channel_words import USUAL, channel_for, channel_from_words
from netjournal.core.dates import parse_past
from netjournal.core.names import learning_candidates, person_candidates, resolve
from netjournal.core.records import CHANNELS, Interaction, Person
from netjournal.core.store import Store
from netjournal.tui.screens.form import Field, FormScreen, in_field


class LogForm(FormScreen):
    FIELDS = (
        Field("summary", "What you talked about"),
        # Right after the words, typed by its first letters: no list to arrow through.
        Field("channel", "Channel (its first letters: co for coffee; empty: from your words)",
              completion="channels", single=True),
        Field("date", "When (today, yesterday, fri, 2026-03-14)"),
        Field("event", "Event (e.g. a trade show)", completion="events", single=True),
        Field("others", "Also with (names, comma-separated)", completion="people"),
        Field("shared", "Learnings you shared (titles, comma-separated)", completion="learnings"),
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
            return {"date": "today"}
        i = self.interaction
        snapshot = self.nj.snapshot
        others = (
            [
                snapshot.people[p].name
                for p in i.person_ids
                if p != self.person.id and p in snapshot.people
            ]
            if snapshot
            else []
        )
        shared = (
            [snapshot.learnings[x].title for x in i.learning_ids if x in snapshot.learnings]
            if snapshot
            else []
        )
        return {"summary": i.summary, "date": i.date.isoformat(), "channel": i.channel,
                "event": i.event, "notes": i.notes, "others": ", ".join(others),
                "shared": ", ".join(shared)}  # fmt: skip

    def saver(self, values: dict[str, str]) -> Callable[[Store], Any]:
        people, learnings = self._resolve(values)
        fields = {
            "summary": values["summary"],
            "date": parse_past(values["date"], self.nj.today()),
            "channel": self._channel(values),
            "event": values["event"],
            "notes": values["notes"],
            "person_ids": [self.person.id, *people],
            "learning_ids": learnings,
        }
        if self.interaction is not None:
            base, edited = self.interaction, self.interaction.edit(**fields)
            return lambda store: store.save_edit(base, edited)
        interaction = Interaction.create(**fields)
        return lambda store: store.added(interaction)

    def _channel(self, values: dict[str, str]) -> str:
        with in_field("channel"):
            return channel_for(values["channel"], values["summary"])

    def _used(self, what: str) -> list[str]:
        return list(CHANNELS) if what == "channels" else super()._used(what)

    def on_mount(self) -> None:
        super().on_mount()
        self._show_channel(self.values()["summary"])

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "field-summary":
            self._show_channel(event.value)

    def _show_channel(self, summary: str) -> None:
        """The channel an empty field saves, as its placeholder: what the words say as typed."""
        said = channel_from_words(summary)
        shown = f"{said} (from your words)" if said else USUAL
        self.query_one("#field-channel", Input).placeholder = shown

    def _resolve(self, values: dict[str, str]) -> tuple[list[str], list[str]]:
        """Ids of the other people and of the shared learnings, matched fuzzily by name."""
        snapshot = self.nj.snapshot
        if snapshot is None:
            return [], []
        people = person_candidates(snapshot.people.values())
        titles = learning_candidates(snapshot.learnings.values())
        with in_field("others"):
            others = [resolve(name, people).id for name in _names(values["others"])]
        with in_field("shared"):
            shared = [resolve(title, titles, "learning").id for title in _names(values["shared"])]
        return [i for i in dict.fromkeys(others) if i != self.person.id], list(
            dict.fromkeys(shared)
        )

    def saved_message(self, result: Any) -> str:
        if self.interaction is not None:
            return f"Saved the interaction with {self.person.name}."
        return f"Logged with {self.person.name}."


def _names(text: str) -> list[str]:
    return [part.strip() for part in text.split(",") if part.strip()]
