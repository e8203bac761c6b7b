"""Import (palette: "Import..."): a file, its format guessed from the content, the dry-run
report first, then one save.

`enter` on the path reads the file in a worker (a progress bar for large files) and shows
what would change; `enter` again imports; `escape` closes. Nothing is written before the
second `enter`.
"""

from __future__ import annotations

from pathlib import Path

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, Label, ProgressBar, Static

from netjournal.core.errors import NetjournalError
from netjournal.formats.importing import apply_import, read_file
from netjournal.formats.incoming import Parsed
from netjournal.formats.report import ImportReport
from netjournal.formats.sniff import FORMAT_NAMES, guess_format
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.keys import key_text
from netjournal.tui.safe_text import safe_content
from netjournal.tui.widgets.key_footer import KeyFooter
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.path_suggester import PathSuggester, typed_path

WHAT = ("Bring people in from a vCard file (Apple, Android, Outlook), LinkedIn's "
        "Connections.csv, a Google Contacts CSV, or restore a netjournal backup.")  # fmt: skip


class ImportScreen(NetjournalScreen[None]):
    BINDINGS = [
        Binding("escape", "close", "Close", id="import.close"),
        # The only field: tab completes the path, as in a shell, instead of leaving it.
        Binding(
            "tab", "complete", "Complete the path", show=False, priority=True, id="import.complete"
        ),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.parsed: Parsed | None = None  # read and previewed; the next enter imports it
        self.path: Path | None = None
        self.busy = False
        self.finished = False

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(Content(WHAT), id="progress")
        with VerticalScroll(id="import"):
            yield Label("File")
            yield Input(id="import-path", compact=True, suggester=PathSuggester(),
                        placeholder="~/Downloads/Connections.csv")  # fmt: skip
            yield Static("", id="import-format", markup=False)
            yield ProgressBar(id="import-bar", show_eta=False)
            yield Static("", id="import-report", markup=False)
        # enter is the path field's own (submit), not a binding of ours: it cannot be remapped.
        yield KeyHint("enter reads the file and shows what would change · enter again imports · "
                      "{import.close} closes", id="review-keys")  # fmt: skip
        yield KeyFooter()

    def action_complete(self) -> None:
        field = self.query_one("#import-path", Input)
        field.action_end()
        field.action_cursor_right()  # at the end, Textual takes the suggestion

    def on_mount(self) -> None:
        self.sub_title = "Import"
        self.query_one("#import-bar").display = False
        self.query_one("#import-path", Input).focus()

    def _status(self, text: str) -> None:
        self.query_one("#import-format", Static).update(safe_content(text))  # a file's name

    def _report(self, text: str) -> None:
        self.query_one("#import-report", Static).update(safe_content(text))  # its names

    def _chosen(self) -> Path:
        return typed_path(self.query_one("#import-path", Input).value)

    # Typing a path: say what the file looks like.

    def on_input_changed(self, event: Input.Changed) -> None:
        self.parsed = None
        self.finished = False
        self._report("")
        if event.value.strip():
            self._sniff(self._chosen())
        else:
            self._status("")

    @work(thread=True, exclusive=True, group="sniff", description="guess the format")
    def _sniff(self, path: Path) -> None:
        if not path.is_file():
            said = "That is a folder: pick a file in it." if path.is_dir() else "No such file yet."
        elif path.stat().st_size == 0:
            said = "The file is empty."
        else:
            guessed = guess_format(path)
            said = (f"Looks like {FORMAT_NAMES[guessed]}." if guessed else
                    "Cannot tell what kind of file this is: vCard, LinkedIn or Google CSV, or "
                    "a netjournal backup are imported.")  # fmt: skip
        self.app.call_from_thread(self._status, said)

    # enter: read and preview; enter again: import.

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        if self.busy:
            return
        if self.finished:
            self.dismiss(None)
        elif self.parsed is not None and self.path == self._chosen():
            self._import()
        else:
            self._preview(self._chosen())

    def _progress(self, done: int, total: int) -> None:
        self.app.call_from_thread(self.query_one("#import-bar", ProgressBar).update,
                                  total=total, progress=done)  # fmt: skip

    @work(thread=True, exclusive=True, group="import", description="read the import file")
    def _preview(self, path: Path) -> None:
        self.busy = True
        self.app.call_from_thread(self._reading, path)
        try:
            parsed = read_file("auto", path, self._progress)
            report = apply_import(self.nj.store, parsed, str(path), dry_run=True,
                                  organization=self.nj.config.organization)  # fmt: skip
        except NetjournalError as error:
            self.app.call_from_thread(self._failed, str(error))
            return
        finally:
            self.busy = False
        self.app.call_from_thread(self._previewed, path, parsed, report)

    def _reading(self, path: Path) -> None:
        bar = self.query_one("#import-bar", ProgressBar)
        bar.update(total=None, progress=0)
        bar.display = True
        self._report(f"Reading {path}…")

    def _failed(self, message: str) -> None:
        self.query_one("#import-bar").display = False
        said = "" if "nothing was imported" in message.casefold() else "\nThe journal is unchanged."
        self._report(message + said)

    def _previewed(self, path: Path, parsed: Parsed, report: ImportReport) -> None:
        self.query_one("#import-bar").display = False
        self.path = path
        lines = report.lines()
        if report.changes_anything:
            self.parsed = parsed
            lines.append("")
            lines.append(key_text(self, "Press enter to import this, or {import.close} to leave "
                                  "everything as it is."))  # fmt: skip
        else:
            lines.append("")
            lines.append("Nothing to import: the journal already holds all of it. enter closes.")
            self.finished = True
        self._report("\n".join(lines))

    def _import(self) -> None:
        parsed, path = self.parsed, self.path
        if parsed is None or path is None:
            return
        self.busy = True
        self._report(f"Importing {path}…")
        self.run_worker(self._save(parsed, path), group="save", description="import")

    async def _save(self, parsed: Parsed, path: Path) -> None:
        try:
            ours = self.nj.config.organization
            report = await self.nj.save(
                lambda store: apply_import(store, parsed, str(path), organization=ours)
            )
        finally:
            self.busy = False
        self.parsed = None
        if report is None:
            self._report("Not imported: see the message. The journal is as it was.")
            return
        self.finished = True
        closes = key_text(self, "enter or {import.close} closes.")
        self._report("\n".join([*report.lines(), "", closes]))
        self.notify(report.summary(), markup=False)

    def action_close(self) -> None:
        if not self.busy:
            self.dismiss(None)
