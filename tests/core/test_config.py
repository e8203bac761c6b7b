"""config.toml: reading it never fails the app; remembering a theme keeps the user's file."""

from __future__ import annotations

import os
import tomllib
from pathlib import Path

import pytest

from netjournal.core.config import ConfigError, load_config, remember_theme
from netjournal.core.locations import config_file


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


def test_a_missing_config_is_the_defaults() -> None:
    config = load_config()
    assert config.path == config_file()
    assert (config.theme, config.keys, config.problems) == ("", {}, ())


def test_settings_are_read(tmp_path: Path) -> None:
    path = write(
        tmp_path / "config.toml",
        'theme = "netjournal-light"\norganization = "  Northwind   Logistics "\n'
        'departments = ["Sales"]\n[keys]\n"people.add" = "n"\n[cadence]\ncustomer = 30\n',
    )
    config = load_config(path)
    assert config.theme == "netjournal-light"
    assert config.organization == "Northwind Logistics"
    assert config.keys == {"people.add": "n"}
    assert config.departments == ("Sales",)
    assert config.cadence_by_tag == {"customer": 30}
    assert config.problems == ()


@pytest.mark.parametrize(
    ("text", "says"),
    [
        ('theme = "x\n', "is not valid TOML"),
        ("theme = 3\n", "'theme' should be a str"),
        ("organization = [1]\n", "'organization' should be a str"),
        ("keys = 3\n", "'keys' should be a dict"),
        ('[keys]\n"people.add" = 3\n', "every value in [keys]"),
        ("[cadence]\nfriend = 0\n", "every value in [cadence]"),
    ],
)
def test_a_bad_config_is_reported_and_ignored(tmp_path: Path, text: str, says: str) -> None:
    path = write(tmp_path / "config.toml", text)
    config = load_config(path)
    assert any(says in problem and str(path) in problem for problem in config.problems)


def test_a_config_that_is_not_utf8_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "config.toml"
    path.write_bytes(b'theme = "caf\xe9"\n')
    assert "Cannot read" in load_config(path).problems[0]


def test_remembering_a_theme_creates_a_private_file_and_folder(tmp_path: Path) -> None:
    path = tmp_path / "config" / "nested" / "config.toml"
    remember_theme("netjournal-light", path)
    assert tomllib.loads(path.read_text(encoding="utf-8")) == {"theme": "netjournal-light"}
    assert path.stat().st_mode & 0o777 == 0o600
    assert path.parent.stat().st_mode & 0o777 == 0o700
    assert [p.name for p in path.parent.iterdir()] == ["config.toml"]  # no temporary left


def test_remembering_uses_the_config_folder_by_default() -> None:
    remember_theme("nord")
    assert load_config().theme == "nord"


def test_remembering_keeps_comments_order_and_other_settings(tmp_path: Path) -> None:
    original = (
        "# netjournal\n"
        "\n"
        'departments = ["Sales", "R&D"]  # the ones I meet\n'
        "\n"
        "[keys]\n"
        "# my keys\n"
        '"people.add" = "n"\n'
    )
    path = write(tmp_path / "config.toml", original)
    remember_theme("netjournal-high-contrast", path)
    text = path.read_text(encoding="utf-8")
    assert text.startswith('# netjournal\n\ndepartments = ["Sales", "R&D"]  # the ones I meet\n')
    assert "# my keys\n" in text
    config = load_config(path)
    assert config.theme == "netjournal-high-contrast"
    assert config.keys == {"people.add": "n"}
    assert config.departments == ("Sales", "R&D")

    remember_theme("netjournal-light", path)
    assert path.read_text(encoding="utf-8") == text.replace(
        "netjournal-high-contrast", "netjournal-light"
    )


def test_remembering_the_same_theme_does_not_rewrite_the_file(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", 'theme = "nord"  # keep\n')
    before = path.stat().st_mtime_ns
    os.utime(path, ns=(before - 10**9, before - 10**9))
    remember_theme("nord", path)
    assert path.stat().st_mtime_ns == before - 10**9


def test_a_broken_config_is_left_alone(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", 'theme = "x\n# my notes\n')
    with pytest.raises(ConfigError, match="not valid TOML"):
        remember_theme("nord", path)
    assert path.read_text(encoding="utf-8") == 'theme = "x\n# my notes\n'


def test_a_theme_table_is_not_replaced(tmp_path: Path) -> None:
    path = write(tmp_path / "config.toml", '[theme]\nname = "x"\n')
    with pytest.raises(ConfigError, match="is a table"):
        remember_theme("nord", path)
    assert path.read_text(encoding="utf-8") == '[theme]\nname = "x"\n'


def test_a_symlinked_config_stays_a_link(tmp_path: Path) -> None:
    target = write(tmp_path / "dotfiles" / "netjournal.toml", "# from my dotfiles\n")
    link = tmp_path / "config" / "config.toml"
    link.parent.mkdir()
    link.symlink_to(target)
    remember_theme("nord", link)
    assert link.is_symlink()
    assert target.read_text(encoding="utf-8") == '# from my dotfiles\ntheme = "nord"\n'


@pytest.mark.skipif(os.geteuid() == 0, reason="root can write anywhere")
def test_an_unwritable_folder_is_one_clear_error(tmp_path: Path) -> None:
    folder = tmp_path / "config"
    path = write(folder / "config.toml", 'theme = "nord"\n')
    folder.chmod(0o500)
    try:
        with pytest.raises(ConfigError, match="Cannot write"):
            remember_theme("gruvbox", path)
    finally:
        folder.chmod(0o700)
    assert path.read_text(encoding="utf-8") == 'theme = "nord"\n'


def test_a_config_folder_that_is_a_file_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "config").write_text("not a folder", encoding="utf-8")
    with pytest.raises(ConfigError, match="the theme is not remembered"):
        remember_theme("nord", tmp_path / "config" / "config.toml")


def test_a_config_path_that_is_a_folder_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "config.toml").mkdir()
    with pytest.raises(ConfigError, match="Cannot read"):
        remember_theme("nord", tmp_path / "config.toml")


def test_the_example_in_docs_config_md_reads_as_it_says(tmp_path: Path) -> None:
    doc = (Path(__file__).parents[2] / "docs" / "config.md").read_text(encoding="utf-8")
    example = doc.split("```toml\n", 1)[1].split("```", 1)[0]
    config = load_config(write(tmp_path / "config.toml", example))
    assert config.problems == ()
    assert config.organization == "Northwind Logistics"
    assert config.departments == ("Sales", "Finance", "Legal", "IT")
    assert config.theme == "netjournal-light"  # not swallowed by the [cadence] table above it
    assert config.cadence_by_tag == {"board": 14, "alumni": 180}
    assert config.keys == {"people.add": "n"}
