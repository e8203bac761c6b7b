"""`netjournal completion bash|zsh|fish`: scripts that complete commands, options and kinds.

The bash script is sourced in a real bash and asked what `netjournal li<TAB>` completes to;
fish's own `complete -C` answers for the fish script; zsh checks its syntax.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from netjournal.cli import build_parser
from netjournal.commands.examples import every_parser
from tests.cli.support import RunCli

COMMANDS = ["add", "log", "list", "search", "who", "suggest", "review", "insights", "done",
            "drop", "skip", "snooze", "duplicates", "merge", "import", "export", "doctor",
            "locate", "config", "completion", "man"]  # fmt: skip
OPTIONS = ["--until", "--source-kind", "--met-via", "--dry-run", "--quiet", "--dir", "--demo"]
KINDS = ["follow-up", "introduce", "journalist", "trade-show", "vcard", "linkedin"]


def script_for(run_cli: RunCli, shell: str, tmp_path: Path) -> Path:
    result = run_cli("completion", shell)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    path = tmp_path / f"netjournal.{shell}"
    path.write_text(result.stdout, encoding="utf-8")
    return path


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_script_knows_every_command_option_and_kind(
    run_cli: RunCli, tmp_path: Path, journal_dir: Path, shell: str
) -> None:
    script = script_for(run_cli, shell, tmp_path).read_text(encoding="utf-8")

    # fish names a long option without its dashes: `-l dry-run`
    options = [f"-l {option[2:]}" if shell == "fish" else option for option in OPTIONS]
    for word in COMMANDS + options + KINDS:
        assert word in script, (shell, word)
    assert not journal_dir.exists()


def test_an_unknown_shell_is_one_sentence(run_cli: RunCli) -> None:
    result = run_cli("completion", "powershell")

    assert result.returncode == 2
    assert result.stdout == ""
    assert "invalid choice: 'powershell'" in result.stderr


# What bash's programmable completion does on TAB, for the line typed so far.
BASH_TAB = r"""
source "$1"
tab() {
  COMP_LINE="$2"; read -ra COMP_WORDS <<< "$COMP_LINE"
  [[ "$COMP_LINE" == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$(( ${#COMP_WORDS[@]} - 1 )); COMP_POINT=${#COMP_LINE}; COMPREPLY=()
  "$(complete -p netjournal | sed 's/.*-F \([^ ]*\) .*/\1/')" netjournal \
    "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"
  printf '%s\n' "${COMPREPLY[@]}"
}
tab netjournal "$2"
"""


def bash_tab(script: Path, line: str) -> list[str]:
    result = subprocess.run(
        ["bash", "--norc", "--noprofile", "-c", BASH_TAB, "tab", str(script), line],
        capture_output=True, text=True, timeout=30, check=False,
    )  # fmt: skip
    assert result.returncode == 0, result.stderr
    return sorted(word for word in result.stdout.splitlines() if word)


def test_bash_completes_commands_kinds_and_options(run_cli: RunCli, tmp_path: Path) -> None:
    script = script_for(run_cli, "bash", tmp_path)

    assert bash_tab(script, "netjournal li") == ["list"]
    commands = [path for path, _ in every_parser(build_parser()) if path and " " not in path]
    assert bash_tab(script, "netjournal s") == sorted(c for c in commands if c.startswith("s"))
    assert {"search", "skip", "snooze", "suggest"} <= set(bash_tab(script, "netjournal s"))
    assert bash_tab(script, "netjournal add outreach ") == sorted(
        ["share", "follow-up", "introduce", "reconnect", "bring-in", "ask"]
    )
    assert "journalist" in bash_tab(script, "netjournal add person Ann --kind ")
    assert bash_tab(script, "netjournal snooze k3x9 --un") == ["--until"]
    assert bash_tab(script, "netjournal completion ") == ["bash", "fish", "zsh"]


def test_bash_completes_file_names_for_import(run_cli: RunCli, tmp_path: Path) -> None:
    script = script_for(run_cli, "bash", tmp_path)
    (tmp_path / "contacts.vcf").write_text("", encoding="utf-8")

    completed = bash_tab(script, f"netjournal import vcard {tmp_path}/cont")

    assert completed == [f"{tmp_path}/contacts.vcf"]


@pytest.mark.skipif(shutil.which("fish") is None, reason="fish is not installed")
def test_fish_completes_commands_and_kinds(run_cli: RunCli, tmp_path: Path) -> None:
    script = script_for(run_cli, "fish", tmp_path)

    def tab(line: str) -> list[str]:
        result = subprocess.run(
            ["fish", "--no-config", "-c", f"source {script}; complete -C '{line}'"],
            capture_output=True, text=True, timeout=30, check=False,
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        return sorted(row.split("\t")[0] for row in result.stdout.splitlines())

    assert tab("netjournal li") == ["list"]
    assert "follow-up" in tab("netjournal add outreach ")
    assert tab("netjournal log Ann --q") == ["--quiet"]


@pytest.mark.skipif(shutil.which("zsh") is None, reason="zsh is not installed")
def test_the_zsh_script_is_valid_zsh(run_cli: RunCli, tmp_path: Path) -> None:
    script = script_for(run_cli, "zsh", tmp_path)

    checked = subprocess.run(["zsh", "-n", str(script)], capture_output=True, text=True,
                             timeout=30, check=False)  # fmt: skip

    assert checked.returncode == 0, checked.stderr
    assert script.read_text(encoding="utf-8").startswith("#compdef netjournal")
