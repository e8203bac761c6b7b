"""Text from standard input (`-m -`) and from `$EDITOR` (`log` and `add learning` without -m).

The editor tests run netjournal on a real pseudo-terminal (`script -qec`), with a fake editor:
a shell script that saves what it was shown and writes $FAKE_TEXT above it.
"""

from __future__ import annotations

import os
import shlex
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from tests.cli.support import RunCli, ok_json, one_line_error, prepare, snapshot

FAKE_EDITOR = """#!/bin/sh
cp "$1" "$SEEN"
{ printf '%s\\n' "$FAKE_TEXT"; cat "$SEEN"; } > "$1"
exit "${FAKE_STATUS:-0}"
"""


def piped(journal_dir: Path, *args: str, text: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "netjournal", "--dir", str(journal_dir), *args],
        input=text, capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip


def test_log_reads_the_summary_and_notes_from_stdin(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")

    logged = piped(journal_dir, "log", "Ann", "-m", "-",
                   text="Coffee at LogiMAT\nShe wants a pilot.\nIn May.\n")  # fmt: skip

    assert logged.returncode == 0, logged.stderr
    [talk] = ok_json(run_cli("list", "interactions", "--json"))
    assert talk["summary"] == "Coffee at LogiMAT"
    assert talk["notes"] == "She wants a pilot.\nIn May."
    assert talk["channel"] == "coffee"  # named by the summary read, as with -m TEXT


def test_add_learning_and_outreach_read_their_text_from_stdin(
    run_cli: RunCli, journal_dir: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    body = "# Payback\n\nRobots pay back in 18 months.\n- if run in two shifts"

    learned = piped(journal_dir, "add", "learning", "Robot payback", "-m", "-", text=body + "\n")
    planned = piped(journal_dir, "add", "outreach", "follow-up", "--to", "Ann", "-m", "-",
                    text="Ask about the pilot\n")  # fmt: skip

    assert learned.returncode == 0 and planned.returncode == 0, learned.stderr + planned.stderr
    [learning] = ok_json(run_cli("list", "learnings", "--json"))
    assert learning["body"] == body
    [plan] = ok_json(run_cli("list", "outreach", "--json"))
    assert plan["notes"] == "Ask about the pilot"


def test_done_reads_what_happened_from_stdin(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    plan_id = prepare(journal_dir, "add", "outreach", "follow-up", "--to", "Ann")

    done = piped(journal_dir, "done", plan_id, "-m", "-", text="Called her: pilot in May\n")

    assert done.returncode == 0, done.stderr
    [talk] = ok_json(run_cli("list", "interactions", "--json"))
    assert talk["summary"] == "Called her: pilot in May"


def test_log_without_a_summary_or_a_terminal_is_refused(journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    before = snapshot(journal_dir)

    refused = piped(journal_dir, "log", "Ann", text="")

    assert "add -m/--message TEXT, or -m - to read it" in one_line_error(refused)
    assert snapshot(journal_dir) == before


def test_add_learning_without_text_or_terminal_keeps_a_title_only_learning(
    run_cli: RunCli, journal_dir: Path
) -> None:
    added = piped(journal_dir, "add", "learning", "Robot payback", text="")

    assert added.returncode == 0, added.stderr
    [learning] = ok_json(run_cli("list", "learnings", "--json"))
    assert (learning["title"], learning["body"]) == ("Robot payback", "")


needs_script = pytest.mark.skipif(shutil.which("script") is None, reason="no `script` (util-linux)")


@pytest.fixture
def editor(tmp_path: Path) -> Path:
    path = tmp_path / "fake-editor"
    path.write_text(FAKE_EDITOR, encoding="utf-8")
    path.chmod(path.stat().st_mode | stat.S_IXUSR)
    return path


def on_terminal(journal_dir: Path, *args: str, **env: str) -> subprocess.CompletedProcess[str]:
    """netjournal on a pseudo-terminal, as typed at a prompt (stdin and stdout a terminal)."""
    command = shlex.join([sys.executable, "-m", "netjournal", "--dir", str(journal_dir), *args])
    environment = {k: v for k, v in os.environ.items() if k not in ("VISUAL", "EDITOR")}
    return subprocess.run(
        ["script", "-qec", command, "/dev/null"], stdin=subprocess.DEVNULL,
        capture_output=True, text=True, timeout=60, env={**environment, **env}, check=False,
    )  # fmt: skip


@needs_script
def test_add_learning_opens_the_editor_and_keeps_markdown_headings(
    run_cli: RunCli, journal_dir: Path, editor: Path, tmp_path: Path
) -> None:
    seen = tmp_path / "seen"
    temporary = tmp_path / "tmp"
    temporary.mkdir()

    added = on_terminal(journal_dir, "add", "learning", "Robot payback", EDITOR=str(editor),
                        SEEN=str(seen), TMPDIR=str(temporary),
                        FAKE_TEXT="# Payback\nRobots pay back in 18 months.")  # fmt: skip

    assert added.returncode == 0, added.stdout
    assert "Added learning 'Robot payback'" in added.stdout
    assert "# What did you learn?" in seen.read_text(encoding="utf-8")  # the hint was shown
    [learning] = ok_json(run_cli("list", "learnings", "--json"))
    assert learning["body"] == "# Payback\nRobots pay back in 18 months."  # hint left out
    assert list(temporary.iterdir()) == []  # the editor's file is removed once saved


@needs_script
def test_log_takes_the_first_line_as_summary_and_visual_before_editor(
    run_cli: RunCli, journal_dir: Path, editor: Path, tmp_path: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")

    logged = on_terminal(journal_dir, "log", "Ann", VISUAL=str(editor), EDITOR="false",
                         SEEN=str(tmp_path / "seen"),
                         FAKE_TEXT="Call about the pilot\n\nShe starts in May.")  # fmt: skip

    assert logged.returncode == 0, logged.stdout
    [talk] = ok_json(run_cli("list", "interactions", "--json"))
    assert (talk["summary"], talk["notes"]) == ("Call about the pilot", "She starts in May.")
    assert talk["channel"] == "call"


@needs_script
def test_an_empty_editor_text_cancels_with_status_1(
    journal_dir: Path, editor: Path, tmp_path: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    before = snapshot(journal_dir)

    for args in (("log", "Ann"), ("add", "learning", "Robot payback")):
        cancelled = on_terminal(journal_dir, *args, EDITOR=str(editor),
                                SEEN=str(tmp_path / "seen"), FAKE_TEXT="")  # fmt: skip

        assert cancelled.returncode == 1, cancelled.stdout
        assert cancelled.stdout.strip().startswith("netjournal: The text was empty, so no")
        assert len(cancelled.stdout.strip().splitlines()) == 1
    assert snapshot(journal_dir) == before


@needs_script
def test_a_failing_editor_saves_nothing_and_keeps_the_text(
    journal_dir: Path, editor: Path, tmp_path: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    before = snapshot(journal_dir)

    failed = on_terminal(journal_dir, "log", "Ann", EDITOR=str(editor), FAKE_STATUS="3",
                         SEEN=str(tmp_path / "seen"), FAKE_TEXT="Half a thought")  # fmt: skip

    assert failed.returncode == 2
    said = failed.stdout.strip()
    assert "exited with status 3; nothing was saved; what you wrote is kept in " in said
    kept = Path(said.rsplit(" ", 1)[1].rstrip("."))
    assert "Half a thought" in kept.read_text(encoding="utf-8")
    kept.unlink()
    assert snapshot(journal_dir) == before


@needs_script
def test_a_typo_in_a_name_is_said_before_the_editor_opens(
    journal_dir: Path, editor: Path, tmp_path: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    seen = tmp_path / "seen"

    refused = on_terminal(journal_dir, "log", "Zebedee", EDITOR=str(editor), SEEN=str(seen),
                          FAKE_TEXT="Lost words")  # fmt: skip

    assert refused.returncode == 2
    assert not seen.exists()  # the editor never opened: nothing typed was lost
