"""Every command answers --help with its usage and its options, and touches nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import RunCli

HELP = {
    "": ["--dir", "--demo", "--version", "add", "log", "list", "search", "doctor", "locate"],
    "add": ["person", "learning", "outreach"],
    "add person": ["NAME", "--org", "--dept", "--role", "--kind", "--influence", "--interest",
                   "--expertise", "--need", "--tag", "--email", "--phone", "--link",
                   "--cadence", "--prospect", "--met-via", "--notes", "customer", "journalist"],
    "add learning": ["TITLE", "-m", "--message", "--source-kind", "--source", "--url",
                     "--event", "--tag", "--date", "trade-show", "podcast"],
    "add outreach": ["KIND", "--to", "--learning", "--due", "--title", "-m",
                     "share", "follow-up", "introduce", "reconnect", "bring-in", "ask"],
    "log": ["NAME", "-m", "--message", "--date", "--channel", "--event", "--notes", "--shared",
            "coffee"],
    "list": ["--json", "people", "learnings", "outreach", "interactions"],
    "search": ["QUERY", "--limit", "--json"],
    "duplicates": ["--json"],
    "merge": ["KEEP", "OTHER", "--dry-run", "--json"],
    "doctor": ["usage: netjournal doctor"],
    "locate": ["journal", "config", "themes"],
}  # fmt: skip


@pytest.mark.parametrize("command", list(HELP), ids=[c or "netjournal" for c in HELP])
def test_help_lists_the_commands_options(run_cli: RunCli, journal_dir: Path, command: str) -> None:
    result = run_cli(*command.split(), "--help", COLUMNS="200")

    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert result.stdout.startswith(f"usage: netjournal {command}".rstrip())
    for option in HELP[command]:
        assert option in result.stdout, (command, option)
    assert not journal_dir.exists()


def test_help_explains_the_values_it_expects(run_cli: RunCli) -> None:
    person = run_cli("add", "person", "--help", COLUMNS="200").stdout
    outreach = run_cli("add", "outreach", "--help", COLUMNS="200").stdout

    assert "0 none, 1 some, 2 senior, 3 executive" in person
    assert "repeatable" in person
    assert "fri, +2w, next month" in outreach
    assert "two for introduce" in outreach
