"""`netjournal config path` prints where config.toml is (whether or not it exists yet)."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import RunCli


def test_config_path_prints_the_settings_file(
    run_cli: RunCli, tmp_path: Path, journal_dir: Path
) -> None:
    shown = run_cli("config", "path", NETJOURNAL_CONFIG_DIR=str(tmp_path / "my config"))

    assert shown.returncode == 0, shown.stderr
    assert shown.stdout == f"{tmp_path / 'my config' / 'config.toml'}\n"
    assert shown.stdout == run_cli("locate", "config",
                                   NETJOURNAL_CONFIG_DIR=str(tmp_path / "my config")).stdout  # fmt: skip
    assert not (tmp_path / "my config").exists()  # printing the place creates nothing
    assert not journal_dir.exists()


def test_config_alone_says_what_it_takes(run_cli: RunCli) -> None:
    result = run_cli("config")

    assert result.returncode == 2
    assert "path" in result.stderr
