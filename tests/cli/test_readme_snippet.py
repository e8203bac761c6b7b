"""The README's "Your data" snippet, run as the README says, on a real journal: TinyDB itself
reads netjournal's files and finds the people it asks for."""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

from tests.cli.support import prepare, snapshot

README = Path(__file__).parent.parent.parent / "README.md"


def readme_snippet() -> str:
    text = README.read_text(encoding="utf-8")
    section = text.split("\n## Your data\n", 1)[1].split("\n## ", 1)[0]
    found = re.search(r"```python\n(.*?)```", section, re.DOTALL)
    assert found, "the README's Your data section has no Python snippet"
    return found[1]


def test_the_readme_tinydb_snippet_finds_people_in_a_real_journal(
    tmp_path: Path, journal_dir: Path
) -> None:
    ann = prepare(journal_dir, "add", "person", "Ann Lee", "--org", "Contoso",
                  "--email", "ann@contoso.example", "--email", "a.lee@example.org")  # fmt: skip
    bo = prepare(journal_dir, "add", "person", "Bo Chen", "--org", "Contoso")
    prepare(journal_dir, "add", "person", "Cleo Diaz", "--org", "Fabrikam")
    prepare(journal_dir, "add", "learning", "Pallet robots", "-m", "at Contoso's stand")
    script = tmp_path / "query.py"
    script.write_text(readme_snippet(), encoding="utf-8")
    before = snapshot(journal_dir)

    result = subprocess.run([sys.executable, str(script), str(journal_dir)],
                            capture_output=True, text=True, timeout=60)  # fmt: skip

    assert result.returncode == 0, result.stderr
    assert sorted(line.rstrip() for line in result.stdout.splitlines()) == sorted([
        f"{ann} Ann Lee ann@contoso.example, a.lee@example.org",
        f"{bo} Bo Chen",
    ])  # fmt: skip
    assert snapshot(journal_dir) == before  # reading changed nothing
