"""Where a command's text comes from: `-m TEXT`, `-m -` (standard input), or `$EDITOR`.

`add learning` and `log` without `-m` on a terminal open `$VISUAL`/`$EDITOR` as `git commit`
does: a temporary file with a hint below a scissors line (everything from it on is left out,
so a Markdown `# heading` in a learning is kept). An empty text cancels; the file is removed
only once the record is saved, so nothing typed is lost to a failed editor or save.
"""

from __future__ import annotations

import contextlib
import os
import sys
from collections.abc import Iterator
from pathlib import Path

from netjournal.commands.output import note
from netjournal.core.errors import NetjournalError

SCISSORS = "# ------------------------ >8 ------------------------"
STDIN = "-"


class Cancelled(NetjournalError):
    """The user left the text empty: nothing is saved, exit status 1 (as `git commit`)."""

    exit_status = 1


def from_stdin(value: str | None) -> str | None:
    """`-m -` as the text read from standard input (its last newline dropped); else as given."""
    if value != STDIN:
        return value
    data = sys.stdin.buffer.read()
    return data.decode("utf-8", "replace").rstrip("\r\n")


def on_a_terminal() -> bool:
    """An editor can be opened: a person is at the keyboard and sees the screen."""
    return os.isatty(0) and os.isatty(1)  # the descriptors the editor inherits


def editor_command() -> list[str]:
    """The user's editor as `git` finds it: $VISUAL, then $EDITOR, else vi."""
    import shlex  # here, not at the top: `log -m TEXT` never needs it (start-up time)

    chosen = os.environ.get("VISUAL") or os.environ.get("EDITOR") or "vi"
    try:
        return shlex.split(chosen)  # "code --wait" is a command and its option
    except ValueError:
        return [chosen]


@contextlib.contextmanager
def written_in_editor(hint: str, what: str, start: str = "") -> Iterator[str]:
    """Open the editor on `start` plus `hint`; yield the text written (scissors part dropped).

    Raises Cancelled for an empty text (no `what` saved), NetjournalError when the editor
    fails. The file is kept, and named, when the editor fails or the block raises after text
    was written.
    """
    import subprocess
    import tempfile

    handle, name = tempfile.mkstemp(prefix="netjournal-", suffix=".md", text=True)
    path = Path(name)
    comment = "\n".join(f"# {line}" if line else "#" for line in hint.splitlines())
    with os.fdopen(handle, "w", encoding="utf-8") as file:
        file.write(f"{start}\n\n{SCISSORS}\n# Do not change or remove the line above.\n"
                   f"# Everything below it is left out.\n{comment}\n")  # fmt: skip
    command = editor_command()
    try:
        status = subprocess.run([*command, str(path)], check=False).returncode
    except OSError as error:
        path.unlink(missing_ok=True)
        raise NetjournalError(
            f"Cannot start the editor '{command[0]}' ({error.strerror or error}): set $EDITOR, "
            "or give the text with -m; nothing was saved."
        ) from None
    text = _above_scissors(path.read_text(encoding="utf-8", errors="replace"))
    if status != 0:
        kept = f"; what you wrote is kept in {path}" if text else ""
        if not text:
            path.unlink(missing_ok=True)
        raise NetjournalError(
            f"The editor '{command[0]}' exited with status {status}; nothing was saved{kept}."
        )
    if not text:
        path.unlink(missing_ok=True)
        raise Cancelled(f"The text was empty, so no {what} was saved.")
    try:
        yield text
    except BaseException:
        note(f"what you wrote is kept in {path}")
        raise
    path.unlink(missing_ok=True)


def _above_scissors(text: str) -> str:
    lines = text.splitlines()
    if SCISSORS in lines:
        lines = lines[: lines.index(SCISSORS)]
    return "\n".join(lines).strip()


def first_line_and_rest(text: str) -> tuple[str, str]:
    """As a commit message: the first line, and what follows it (blank lines around dropped)."""
    first, _, rest = text.strip().partition("\n")
    return first.strip(), rest.strip()
