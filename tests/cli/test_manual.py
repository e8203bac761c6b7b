"""The manual page (`netjournal man`) and the examples that end every command's --help."""

from __future__ import annotations

import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from netjournal.cli import build_parser
from netjournal.commands.examples import every_parser
from tests.cli.support import RunCli

COMMAND_PATHS = [path for path, _parser in every_parser(build_parser())]


def test_the_manual_page_has_every_command(run_cli: RunCli, journal_dir: Path) -> None:
    result = run_cli("man")

    assert result.returncode == 0, result.stderr
    page = result.stdout
    assert page.startswith('.TH NETJOURNAL "1"')
    for path in COMMAND_PATHS[1:]:
        roff = path.replace("-", "\\-")  # roff writes a typed dash as \-
        assert f"COMMAND \\fI\\,'netjournal {roff}'" in page, path
        assert f".SS netjournal {roff}\n" in page, path  # its examples
    for section in (".SH SYNOPSIS", ".SH EXAMPLES", ".SH ENVIRONMENT", ".SH FILES"):
        assert section in page
    assert "NETJOURNAL_DIR" in page and "EDITOR" in page
    assert not journal_dir.exists()


@pytest.mark.skipif(shutil.which("groff") is None, reason="groff is not installed")
def test_the_manual_page_renders_without_warnings(run_cli: RunCli, tmp_path: Path) -> None:
    page = tmp_path / "netjournal.1"
    page.write_text(run_cli("man").stdout, encoding="utf-8")

    shown = subprocess.run(["groff", "-man", "-Tutf8", "-ww", str(page)], capture_output=True,
                           text=True, timeout=60, check=False)  # fmt: skip

    assert shown.returncode == 0
    assert shown.stderr == ""
    text = " ".join(shown.stdout.replace("\u2010", "-").split())
    assert "netjournal snooze k3x9 --until mon" in text  # an example, dashes as typed
    assert "--source-kind" in text


def examples_in(help_text: str) -> list[str]:
    """The lines of the "Examples:" section that ends a --help."""
    assert "\nExamples:\n" in help_text, help_text
    section = help_text.split("\nExamples:\n", 1)[1]
    return [line.strip() for line in section.splitlines() if line.strip()]


def netjournal_words(example: str) -> list[str]:
    """The words of the netjournal command in a shell line (pipes, redirects, comments cut)."""
    lexer = shlex.shlex(example, posix=True, punctuation_chars=True)
    lexer.whitespace_split = True
    words = list(lexer)
    start = words.index("netjournal")
    out: list[str] = []
    for word in words[start + 1 :]:
        if word in ("|", ">", ">>", ";", "&&", "||"):
            break
        out.append(word)
    return out


@pytest.mark.parametrize("path", COMMAND_PATHS, ids=[p or "netjournal" for p in COMMAND_PATHS])
def test_every_help_ends_with_examples_that_parse(run_cli: RunCli, path: str) -> None:
    shown = run_cli(*path.split(), "--help", COLUMNS="200")
    assert shown.returncode == 0, shown.stderr

    examples = examples_in(shown.stdout)

    assert 2 <= len(examples) <= 3, examples
    for example in examples:
        words = netjournal_words(example)
        while words[:1] == ["--dir"]:
            words = words[2:]
        assert words[: len(path.split())] == path.split(), example  # it shows this command
        try:
            build_parser().parse_args(words)
        except SystemExit as exit:  # argparse said it does not parse
            pytest.fail(f"{example!r} does not parse (exit {exit.code})")


def test_every_command_help_says_what_the_command_does() -> None:
    """`netjournal setup-git --help` starts with what it does, as the command list says."""
    for words in (["setup-git"], ["add", "person"], ["log"], ["sync"]):
        shown = subprocess.run(
            [sys.executable, "-m", "netjournal", *words, "--help"],
            capture_output=True, text=True, check=True,
        ).stdout  # fmt: skip
        described = shown.split("\n\n")[1]
        assert described[:1].isupper() and described.rstrip().endswith("."), (words, described)
