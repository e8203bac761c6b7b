"""The shape every add/edit form shares: fields, inline errors, ctrl+s to save, escape to cancel.

A form never loses what was typed: a validation error or a failed save leaves it open with
its values and a sentence saying what is wrong.
"""

from __future__ import annotations

import os
import shlex
import shutil
import subprocess
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.widget import Widget
from textual.widgets import Input, Label, Select, Static, TextArea

from netjournal.core.errors import DateError, NetjournalError
from netjournal.core.store import Store
from netjournal.tui.contract import NetjournalModal
from netjournal.tui.safe_text import safe_content, safe_for_terminal
from netjournal.tui.widgets.key_footer import KeyFooter
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.typed_input import TypedInput, type_where_the_focus_is
from netjournal.tui.widgets.word_suggester import WordListSuggester


@contextmanager
def in_field(name: str) -> Iterator[None]:
    """Errors raised inside (a name that matches nobody, say) take the user to field `name`."""
    try:
        yield
    except NetjournalError as error:
        if not error.field:
            error.field = name
        raise


@dataclass(frozen=True)
class Field:
    """One field of a form. kind: line, words, text, choice."""

    name: str
    label: str
    kind: str = "line"
    choices: tuple[str, ...] = ()
    placeholder: str = ""
    completion: str = ""  # which used values complete it: interests, tags, people, events...
    single: bool = False  # complete the whole value, not the last comma-separated word


class FormScreen(NetjournalModal[object]):
    """A modal form; subclasses give FIELDS, initial values, and what saving does."""

    FIELDS: tuple[Field, ...] = ()
    HEADING = ""
    BINDINGS = [
        # Not priority: a priority binding runs as the key arrives, before the keys typed just
        # ahead of it reach the field (a name typed with ctrl+s at once was saved cut).
        Binding("ctrl+s", "save", "Save", id="form.save"),
        Binding("escape", "cancel", "Cancel", id="form.cancel"),
        # Priority: TextArea binds ctrl+e to end-of-line; in a long text field it opens $EDITOR.
        Binding("ctrl+e", "editor", "$EDITOR", priority=True, id="form.editor"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._initial: dict[str, str] = {}
        self._saving = False  # a second ctrl+s during a save must not save twice

    def compose(self) -> ComposeResult:
        with Vertical(id="form"):
            yield Static(safe_content(self.HEADING), id="form-heading")  # "Edit Ann Lee"
            with VerticalScroll(id="form-fields"):
                initial = self.initial_values()
                for spec in self.FIELDS:
                    yield Label(Content(spec.label), classes="form-label")
                    yield self._widget(spec, initial.get(spec.name, ""))
            yield Static("", id="form-error", markup=False)
            yield KeyHint("{form.save} save · {form.cancel} cancel · {form.editor} $EDITOR for "
                          "long text",
                         id="form-hint")  # fmt: skip
        yield KeyFooter()

    def _widget(self, spec: Field, value: str) -> Input | Select[str] | TextArea:
        widget_id = f"field-{spec.name}"
        # A record edited by hand may hold escapes: a field shows its value as the terminal
        # would run it. Saving cleans the same way, so nothing is lost that would be kept.
        value = safe_for_terminal(value, one_line=spec.kind != "text")
        if spec.kind == "choice":
            return Select([(c, c) for c in spec.choices], value=value or spec.choices[0],
                          allow_blank=False, id=widget_id, compact=True)  # fmt: skip
        if spec.kind == "text":
            return TextArea(value, id=widget_id, soft_wrap=True, classes="form-text", compact=True)
        suggester = None
        if spec.completion:
            used = spec.completion
            suggester = WordListSuggester(lambda: self._used(used), single=spec.single)
        # Keys in typing order: a fast "name, tab, organisation, ctrl+s" lands as typed.
        return TypedInput(
            value, placeholder=spec.placeholder, id=widget_id, suggester=suggester, compact=True
        )

    def _used(self, what: str) -> list[str]:
        snapshot = self.nj.snapshot
        return snapshot.values_used.get(what, []) if snapshot else []

    def on_mount(self) -> None:
        self._initial = self.values()
        self.set_focus(self._first_field(), scroll_visible=False)  # now: focus() waits a turn

    def _first_field(self) -> Widget:
        return self.query(f"#field-{self.FIELDS[0].name}").first()

    def on_key(self, event: events.Key) -> None:
        type_where_the_focus_is(self, event, self._first_field())

    def values(self) -> dict[str, str]:
        """What is in the form now, as text."""
        found: dict[str, str] = {}
        for spec in self.FIELDS:
            widget = self.query_one(f"#field-{spec.name}")
            if isinstance(widget, Input):
                found[spec.name] = widget.value
            elif isinstance(widget, TextArea):
                found[spec.name] = widget.text
            elif isinstance(widget, Select):
                found[spec.name] = "" if widget.value is Select.BLANK else str(widget.value)
        return found

    def initial_values(self) -> dict[str, str]:
        return {}

    def saver(self, values: dict[str, str]) -> Callable[[Store], Any]:
        """Validate `values` (raise NetjournalError with a sentence) and say what to save."""
        raise NotImplementedError

    def saved_message(self, result: Any) -> str:
        return "Saved."

    def show_error(self, message: str, field: str = "") -> None:
        self.query_one("#form-error", Static).update(safe_content(message))
        if field:  # take the user to the field that needs fixing
            for widget in self.query(f"#field-{field}"):
                widget.focus()
                widget.scroll_visible()

    def action_save(self) -> None:
        if self._saving:
            return
        try:
            change = self.saver(self.values())
        except NetjournalError as error:
            field = error.field
            if not field and isinstance(error, DateError):
                field = next((f.name for f in self.FIELDS if f.name in ("date", "due")), "")
            self.show_error(str(error), field)
            return
        self.show_error("")
        self._saving = True
        self.run_worker(self._save(change), group="save")

    async def _save(self, change: Callable[[Store], Any]) -> None:
        try:
            result = await self.nj.save(change)
        finally:
            self._saving = False
        if result is None:
            self.show_error("Not saved: see the message; your text is still here.")
            return
        self.notify(self.saved_message(result), markup=False)
        self.dismiss(result)

    def unsaved_typing(self) -> bool:
        """Something typed and not saved: cancelling or quitting asks first."""
        return self.values() != self._initial

    def action_cancel(self) -> None:
        if not self.unsaved_typing():
            self.dismiss(None)
            return
        from netjournal.tui.screens.confirm import ConfirmDialog

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss(None)

        self.app.push_screen(
            ConfirmDialog("Discard what you typed?", "Discard", "Keep editing"), answered
        )

    def action_editor(self) -> None:
        """Edit the focused long-text field in $EDITOR; the TextArea stays if that fails."""
        widget = self.focused
        if isinstance(widget, Input):
            widget.action_end()  # in a one-line field ctrl+e keeps its usual meaning
            return
        if not isinstance(widget, TextArea):
            return
        editor = os.environ.get("VISUAL") or os.environ.get("EDITOR")
        if not editor:
            self.notify("Set $EDITOR to edit long text in your editor.", markup=False)
            return
        command = shlex.split(editor)
        if not command or shutil.which(command[0]) is None:
            # Checked before suspending: a missing program must not leave the screen blank.
            self.notify(f"Could not find the editor '{editor}' ($EDITOR).", markup=False)
            return
        with tempfile.TemporaryDirectory() as folder:
            path = Path(folder) / "netjournal.md"
            path.write_text(widget.text + "\n", encoding="utf-8")
            try:
                with self.app.suspend():
                    finished = subprocess.run([*command, str(path)], check=False)
            except Exception as error:  # no terminal to hand over (tests, web): keep the TextArea
                self.notify(f"Could not open the editor: {error}", markup=False)
                return
            if finished.returncode != 0:
                self.notify(
                    f"The editor exited with status {finished.returncode}; the text is unchanged.",
                    markup=False,
                )
                return
            text = path.read_text(encoding="utf-8")
            widget.text = text[:-1] if text.endswith("\n") else text
