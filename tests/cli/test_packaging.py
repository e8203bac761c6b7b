"""What a package index shows about netjournal matches the files: the license, the Pythons."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).parent.parent.parent


def test_license_file_is_the_license_pyproject_names() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    assert project["license"] == "MIT"
    text = (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert text.startswith("MIT License\n") and "WITHOUT WARRANTY OF ANY KIND" in text


def test_classifiers_name_the_pythons_requires_python_allows() -> None:
    project = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

    versions = sorted(c.rsplit(" :: ", 1)[1] for c in project["classifiers"]
                      if c.startswith("Programming Language :: Python :: 3."))  # fmt: skip
    assert versions == ["3.11", "3.12", "3.13"]
    assert project["requires-python"] == ">=3.11"
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "Python 3.11, 3.12 or 3.13" in readme.split("\n## Systems\n", 1)[1]
