"""Export (palette: "Export..."): the journal as vCard, Markdown, iCalendar or a JSON backup.

Pick the format, check the file (or folder) name, `enter` writes it in a worker.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Input, Label, Select, Static

from netjournal.core.errors import NetjournalError
from netjournal.core.snapshot import JournalSnapshot
from netjournal.formats.exporting import export_journal, write_file, write_markdown_folder
from netjournal.tui.contract import NetjournalModal
from netjournal.tui.safe_text import safe_content
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.path_suggester import PathSuggester, typed_path
from netjournal.tui.widgets.typed_input import TypedInput

# choice -> (label, format, file name ending ("/" for a folder), all-day events)
CHOICES = {
    "vcard": ("vCard 3.0: people, for contacts apps", "vcard", ".vcf", False),
    "markdown": ("Markdown: one readable document", "markdown", ".md", False),
    "markdown-folder": ("Markdown: a folder, a file per person", "markdown", "/", False),
    "ics": ("iCalendar: open outreach as to-dos", "ics", ".ics", False),
    "ics-events": ("iCalendar: open outreach as all-day events", "ics", "-events.ics", True),
    "json": ("JSON: a full backup (imports back as it was)", "json", ".json", False),
}


class ExportDialog(NetjournalModal[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="export.close"),
        Binding("ctrl+s", "export", "Export", priority=True, id="export.save"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self._suggested = ""
        self.busy = False

    def compose(self) -> ComposeResult:
        with Vertical(classes="dialog"):
            yield Static(Content.styled("Export the journal", "bold"))
            yield Label("Format")
            yield Select([(label, key) for key, (label, *_rest) in CHOICES.items()],
                         value="vcard", allow_blank=False, id="export-format", compact=True)  # fmt: skip
            yield Label("Save to")
            yield TypedInput(id="export-path", compact=True, suggester=PathSuggester())
            yield Static("", id="export-said", markup=False)
            yield KeyHint("enter or {export.save} exports · {export.close} closes",
                          classes="dialog-hint")  # fmt: skip

    def on_mount(self) -> None:
        self._suggest("vcard")
        self.query_one("#export-format", Select).focus()

    def _suggest(self, choice: str) -> None:
        """A file name in the home folder for the format, unless the user typed their own."""
        box = self.query_one("#export-path", Input)
        if box.value and box.value != self._suggested:
            return
        ending = CHOICES[choice][2]
        folder = str(self.nj.export_folder) if self.nj.export_folder else "~"
        stem = f"{folder}/netjournal-{self.nj.today().isoformat()}"
        self._suggested = box.value = stem + ending

    def on_select_changed(self, event: Select.Changed) -> None:
        self._suggest(str(event.value))

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_export()

    def action_export(self) -> None:
        snapshot = self.nj.snapshot
        if self.busy or snapshot is None:
            return
        choice = str(self.query_one("#export-format", Select).value)
        typed = self.query_one("#export-path", Input).value.strip()
        if not typed:
            self.query_one("#export-said", Static).update(Content("Say where to save it."))
            return
        self.busy = True
        self.query_one("#export-said", Static).update(Content("Exporting…"))
        self.run_worker(self._export(snapshot, choice, typed), description="export")

    async def _export(self, snapshot: JournalSnapshot, choice: str, typed: str) -> None:
        import asyncio

        try:
            said = await asyncio.to_thread(self._write, snapshot, choice, typed)
        except NetjournalError as error:
            self.query_one("#export-said", Static).update(safe_content(str(error)))
            return
        finally:
            self.busy = False
        self.notify(said, markup=False, timeout=8)
        self.dismiss(None)

    def _write(self, snapshot: JournalSnapshot, choice: str, typed: str) -> str:
        _, format_name, ending, events = CHOICES[choice]
        path = typed_path(typed)
        self.nj.export_folder = path.parent
        if ending == "/":
            files = write_markdown_folder(path, snapshot, self.nj.today())
            return f"Exported the journal to {path}/ ({files} Markdown files)."
        export = export_journal(snapshot, format_name, today=self.nj.today(), events=events)
        write_file(path, export.data)
        note = f" {export.note}" if export.note else ""
        return f"Exported {export.summary} to {path}.{note}"

    def action_close(self) -> None:
        if not self.busy:
            self.dismiss(None)
