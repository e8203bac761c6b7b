"""How netjournal is started: `python -m`, the console script, NETJOURNAL_DIR, no textual."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import netjournal
from tests.cli.support import RunCli, added_id, ok_json

CONSOLE_SCRIPT = Path(sys.executable).parent / "netjournal"


def run(command: list[str], **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        command, capture_output=True, text=True, timeout=30, env={**os.environ, **env}
    )


def test_netjournal_dir_is_used_when_dir_is_not_given(run_cli: RunCli, tmp_path: Path) -> None:
    elsewhere = tmp_path / "elsewhere"
    module = [sys.executable, "-m", "netjournal"]

    added = run([*module, "add", "person", "Ann Lee"], NETJOURNAL_DIR=str(elsewhere))
    located = run([*module, "locate", "journal"], NETJOURNAL_DIR=str(elsewhere))
    listed = run([*module, "list", "people", "--json"], NETJOURNAL_DIR=str(elsewhere))

    ann = added_id(added)
    assert (elsewhere / "meta.json").is_file()
    assert located.stdout == f"{elsewhere}\n"
    assert [p["id"] for p in ok_json(listed)] == [ann]
    # --dir wins over the variable: the conftest journal is a different, empty folder.
    assert ok_json(run_cli("list", "people", "--json", NETJOURNAL_DIR=str(elsewhere))) == []


def test_the_console_script_and_python_m_share_one_journal(
    run_cli: RunCli, journal_dir: Path
) -> None:
    assert CONSOLE_SCRIPT.is_file()
    added = run([str(CONSOLE_SCRIPT), "--dir", str(journal_dir), "add", "person", "Ann Lee"])
    ann = added_id(added)

    assert [p["id"] for p in ok_json(run_cli("list", "people", "--json"))] == [ann]
    logged = run([str(CONSOLE_SCRIPT), "--dir", str(journal_dir), "log", "ann", "-m", "hi"])
    added_id(logged)
    version = run([str(CONSOLE_SCRIPT), "--version"])
    assert version.returncode == 0
    assert version.stdout.strip() == f"netjournal {netjournal.__version__}"
    assert run_cli("--version").stdout == version.stdout


def test_the_console_script_reports_errors_the_same_way(journal_dir: Path) -> None:
    result = run([str(CONSOLE_SCRIPT), "--dir", str(journal_dir), "add", "person", " "])

    assert result.returncode == 2
    assert result.stderr == "netjournal: A person needs a name.\n"
    assert not journal_dir.exists()


def test_the_cli_never_imports_textual(run_cli: RunCli, journal_dir: Path) -> None:
    added_id(run_cli("add", "person", "Ann Lee"))
    added_id(run_cli("log", "ann", "-m", "hi"))
    for args in (
        ["list", "people"],
        ["log", "ann", "-m", "again"],
        ["search", "ann", "--json"],
        ["doctor"],
        ["add", "person", "--help"],
    ):
        result = run(
            [sys.executable, "-X", "importtime", "-m", "netjournal", "--dir", str(journal_dir),
             *args]
        )  # fmt: skip
        assert result.returncode == 0, result.stderr
        imported = [line for line in result.stderr.splitlines() if "import time:" in line]
        assert imported, "importtime printed nothing: the check would prove nothing"
        assert any(line.rstrip().endswith("netjournal.cli") for line in imported)
        assert not [line for line in imported if "textual" in line], args


ASCII_TERMINAL = {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0", "PYTHONCOERCECLOCALE": "0",
                  "PYTHONIOENCODING": ""}  # fmt: skip


def test_a_terminal_that_cannot_show_a_name_gets_no_traceback(
    run_cli: RunCli, journal_dir: Path
) -> None:
    added_id(run_cli("add", "person", "Jürgen Müller 👋"))

    as_json = run_cli("list", "people", "--json", **ASCII_TERMINAL)
    plain = run_cli("list", "people", **ASCII_TERMINAL)
    logged = run_cli("log", "jurgen", "-m", "hi", **ASCII_TERMINAL)

    for result in (as_json, plain, logged):
        assert "Traceback" not in result.stderr
        assert result.returncode == 0, result.stderr
    (person,) = json.loads(as_json.stdout)  # JSON is UTF-8 whatever the locale
    assert person["name"] == "Jürgen Müller 👋"


def _open_app_with_a_broken(module: str, folder: Path) -> subprocess.CompletedProcess[str]:
    # A module set to None in sys.modules fails to import, as a broken install would.
    code = (
        f"import sys; sys.modules[{module!r}] = None\n"
        "from netjournal.cli import run\n"
        f"sys.argv = ['netjournal', '--dir', {str(folder)!r}]\n"
        "run()\n"
    )
    return run([sys.executable, "-c", code])


def test_a_broken_app_module_is_a_crash_with_a_message_not_the_usage(tmp_path: Path) -> None:
    for broken in ("textual.app", "netjournal.tui.screens.people"):
        result = _open_app_with_a_broken(broken, tmp_path / "journal")

        assert result.returncode == 70, (broken, result.returncode, result.stderr)
        assert "The app could not start" in result.stderr
        assert broken.rsplit(".", 1)[-1] in result.stderr  # the traceback names what failed
        assert "usage:" not in result.stdout + result.stderr
