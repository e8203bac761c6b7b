"""Done with a note (Review and Outreach): the plan is done, and the talk it logs says what
happened, in a line, and how (the channel by its first letters, else from the words).

The form asks; the screen underneath finishes the plan through the app, as `d` does (one
save, the same toast, `u` takes it back). A save that fails opens the form again with the
text typed: nothing written is lost.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual.widgets import Input

from netjournal.core.channel_words import channel_named
from netjournal.core.errors import NetjournalError
from netjournal.core.outreach_actions import done_channel
from netjournal.core.records import CHANNELS, Outreach
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.safe_text import safe_for_terminal
from netjournal.tui.screens.form import Field, FormScreen


@dataclass(frozen=True)
class DoneNote:
    """What the form was told: the line ("" for the plan's title) and the channel ("": guess)."""

    said: str
    channel: str


class DoneNoteForm(FormScreen):
    FIELDS = (
        Field("said", "What happened, in a line (empty: the plan's title)"),
        Field("channel", "Channel (its first letters: ca for call; empty: from your words)",
              completion="channels", single=True),
    )  # fmt: skip

    def __init__(self, outreach: Outreach, typed: DoneNote | None = None) -> None:
        super().__init__()
        self.outreach = outreach
        self.typed = typed  # what was typed before a save that failed
        self.HEADING = f"Done: {outreach.title}"

    def initial_values(self) -> dict[str, str]:
        return {"said": self.typed.said, "channel": self.typed.channel} if self.typed else {}

    def _used(self, what: str) -> list[str]:
        return list(CHANNELS) if what == "channels" else super()._used(what)

    def on_mount(self) -> None:
        super().on_mount()
        said = self.query_one("#field-said", Input)
        said.placeholder = safe_for_terminal(self.outreach.title, one_line=True)
        self._show_channel(said.value)

    def on_input_changed(self, event: Input.Changed) -> None:
        if event.input.id == "field-said":
            self._show_channel(event.value)

    def _show_channel(self, said: str) -> None:
        """The channel an empty field saves, as its placeholder, updated as the line is typed."""
        self.query_one("#field-channel", Input).placeholder = done_channel(self.outreach, said)

    def action_save(self) -> None:
        if self._saving:  # a second ctrl+s before the form has gone: one done, not two
            return
        values = self.values()
        try:
            channel_named(values["channel"])  # a typo is said here, before anything is done
        except NetjournalError as error:
            self.show_error(str(error), error.field)
            return
        self._saving = True
        self.dismiss(DoneNote(values["said"], values["channel"]))


def finish_with_note(
    screen: NetjournalScreen[Any], outreach: Outreach, finished: Callable[[], None]
) -> None:
    """Ask what happened, then finish `outreach` with it through the app; `finished` runs once
    it is done."""

    async def finish(note: DoneNote) -> None:
        if await screen.nj.finish(outreach, said=note.said, channel=note.channel):
            finished()
        else:  # the app said why; the text typed comes back
            screen.app.push_screen(DoneNoteForm(outreach, note), answered)

    def answered(note: object) -> None:
        if isinstance(note, DoneNote):
            screen.run_worker(finish(note), group="save")

    screen.app.push_screen(DoneNoteForm(outreach), answered)
