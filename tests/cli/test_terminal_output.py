"""Text is made safe for the terminal on the way out: a journal file edited by hand (or synced
from elsewhere) may hold escape sequences the input cleaner never saw, and no command may
print them: no window title set, no screen cleared, no bidi override, no bell.
"""

from __future__ import annotations

import ast
import json
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest

from netjournal.core.records import Interaction, Learning, Outreach, Person, Record
from netjournal.core.store import Store
from tests.cli.support import RunCli, plant

# What a hand edit plants: an OSC window title, clear screen, 8-bit CSI, bidi override, bell.
PLANT = "\x1b]0;PWNED\x07\x1b[2J"
EXTRA = "\x9b2J\u202e\x07"
# Nothing a terminal acts on: ESC, BEL and the other C0 but tab/newline, DEL, C1, bidi controls.
UNSAFE = {chr(c) for c in (*range(0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))} | {
    *"\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069"
}


def assert_safe(text: str) -> None:
    """No character a terminal would act on, and no OSC payload shown either."""
    found = sorted({f"U+{ord(c):04X}" for c in text if c in UNSAFE})
    assert not found, (found, text)
    assert "PWNED" not in text, text


def strings(data: Any) -> list[str]:
    """Every string in decoded JSON."""
    if isinstance(data, str):
        return [data]
    if isinstance(data, dict):
        return [text for value in data.values() for text in strings(value)]
    if isinstance(data, list):
        return [text for value in data for text in strings(value)]
    return []


def planted(text: str) -> str:
    """`text` with the hostile sequences wrapped around its first word."""
    first, _, rest = text.partition(" ")
    return f"{first}{PLANT} {rest}{EXTRA}" if rest else f"{first}{PLANT}{EXTRA}"


@pytest.fixture
def hostile(journal_dir: Path) -> dict[str, Record]:
    """A journal whose people, learnings, talks and plans were edited by hand to hold escapes."""
    store = Store.open(journal_dir)
    day = date.today()
    ann = Person.create(name="Ann Lee", org="Contoso", department="Sales", kind="internal",
                        influence=3, expertise=["robots"], interests=["robots"], tags=["vip"],
                        notes="Met at the fair")  # fmt: skip
    bob = Person.create(name="Bob Stone", org="Fabrikam", expertise=["robots"])
    learning = Learning.create(date=day - timedelta(days=3), title="Robots pay back",
                               body="Payback in two years", tags=["robots"])  # fmt: skip
    talk = Interaction.create(date=day - timedelta(days=400), person_ids=[ann.id, bob.id],
                              summary="Coffee about robots", event="LogiMAT")  # fmt: skip
    plan = Outreach.create(kind="follow-up", person_ids=[bob.id], title="Follow up with Bob",
                           due=day - timedelta(days=2))  # fmt: skip
    share = Outreach.create(kind="share", person_ids=[bob.id], learning_id=learning.id,
                            title="Share robots with Bob")  # fmt: skip
    store.add(ann, bob, learning, talk, plan, share)
    plant(journal_dir, ann, name=planted("Ann Lee"), org=planted("Contoso"),
          department=planted("Sales"), role=planted("Chief Robot"), notes=planted("Met fair"),
          tags=[planted("vip")], expertise=["robots", planted("lidar")])  # fmt: skip
    plant(journal_dir, bob, name=planted("Bob Stone"))
    plant(journal_dir, learning, title=planted("Robots pay back"), source=planted("Trade"),
          body=f"Payback{PLANT} in\ntwo years{EXTRA}")  # fmt: skip
    plant(journal_dir, talk, summary=planted("Coffee about robots"), event=planted("LogiMAT"))
    plant(journal_dir, plan, title=planted("Follow up with Bob"), notes=planted("Bring it"))
    plant(journal_dir, share, title=planted("Share robots with Bob"))
    return {"ann": ann, "bob": bob, "learning": learning, "talk": talk, "plan": plan,
            "share": share}  # fmt: skip


COMMANDS = [
    (("list", "people"), ["Ann Lee", "Contoso / Sales", "Bob Stone"]),
    (("list", "learnings"), ["Robots pay back"]),
    (("list", "outreach"), ["Follow up with Bob"]),
    (("list", "interactions"), ["Ann Lee, Bob Stone", "Coffee about robots"]),
    (("search", "robots"), ["Ann Lee", "Robots pay back", "Coffee about robots"]),
    (("search", "p:ann"), ["Ann Lee"]),
    (("review",), ["Follow up with Bob"]),
    (("who", "robots"), ["Ann Lee", "Bob Stone"]),
    (("suggest", "Robots"), ["Ann Lee"]),
    (("insights",), ["Sales", "Ann Lee"]),
    (("export", "markdown"), ["# netjournal", "two years"]),
    (("export", "vcard"), ["Ann Lee", "Contoso"]),
    (("export", "ics"), ["Follow up with Bob"]),
]


@pytest.mark.parametrize(("args", "shown"), COMMANDS, ids=[" ".join(a) for a, _ in COMMANDS])
def test_no_command_prints_escape_sequences_read_from_a_hand_edited_journal(
    run_cli: RunCli, hostile: dict[str, Record], args: tuple[str, ...], shown: list[str]
) -> None:
    result = run_cli(*args)

    assert result.returncode == 0, result.stderr
    # Markdown too: sequences are removed whole before its own escaping splits them.
    assert_safe(result.stdout)
    assert_safe(result.stderr)
    for text in shown:  # still recognisable: only the sequences went
        assert text in result.stdout, (text, result.stdout)


def test_a_multi_line_note_keeps_its_lines_but_loses_its_escapes(
    run_cli: RunCli, hostile: dict[str, Record]
) -> None:
    result = run_cli("export", "markdown")

    assert_safe(result.stdout)
    assert "\ntwo years" in result.stdout


def test_a_vcard_on_stdout_keeps_its_crlf_line_ends(
    run_cli: RunCli, hostile: dict[str, Record], journal_dir: Path
) -> None:
    import subprocess
    import sys

    raw = subprocess.run(
        [sys.executable, "-m", "netjournal", "--dir", str(journal_dir), "export", "vcard"],
        capture_output=True, check=True,
    ).stdout  # fmt: skip

    assert b"\r\n" in raw and b"\x1b" not in raw and b"\x07" not in raw


@pytest.mark.parametrize(
    "args",
    [("list", "people"), ("list", "learnings"), ("list", "interactions"), ("list", "outreach"),
     ("search", "robots"), ("review",), ("who", "robots"), ("export", "json")],
    ids=lambda a: " ".join(a),
)  # fmt: skip
def test_json_escapes_what_a_terminal_would_act_on_and_keeps_the_data(
    run_cli: RunCli, hostile: dict[str, Record], args: tuple[str, ...]
) -> None:
    result = run_cli(*args, *(() if args[0] == "export" else ("--json",)))

    assert result.returncode == 0, result.stderr
    found = sorted({f"U+{ord(c):04X}" for c in result.stdout if c in UNSAFE - {"\n"}})
    assert not found, found
    assert "\\u001b]0;PWNED\\u0007" in result.stdout  # escaped, not dropped: JSON is for scripts
    texts = "\n".join(strings(json.loads(result.stdout)))
    assert PLANT in texts and EXTRA in texts  # the same data once decoded


def test_list_people_json_gives_back_the_exact_stored_name(
    run_cli: RunCli, hostile: dict[str, Record]
) -> None:
    people = json.loads(run_cli("list", "people", "--json").stdout)

    assert planted("Ann Lee") in [person["name"] for person in people]


def test_an_error_quoting_a_hand_edited_title_is_safe(
    run_cli: RunCli, hostile: dict[str, Record]
) -> None:
    again = run_cli("add", "outreach", "share", "--to", hostile["bob"].id,
                    "--learning", hostile["learning"].id)  # fmt: skip

    assert again.returncode == 2
    assert_safe(again.stdout + again.stderr)
    assert "Already planned: Share robots with Bob" in again.stderr


def test_a_skip_and_a_drop_name_the_plan_safely(
    run_cli: RunCli, hostile: dict[str, Record]
) -> None:
    plan = hostile["plan"]
    skipped = run_cli("skip", plan.id)
    dropped = run_cli("drop", plan.id)

    for result in (skipped, dropped):
        assert result.returncode == 0, result.stderr
        assert_safe(result.stdout + result.stderr)
        assert "Follow up with Bob" in result.stdout


def test_doctor_names_a_hostile_file_name_safely(run_cli: RunCli, journal_dir: Path) -> None:
    Store.open(journal_dir).add(Person.create(name="Ann Lee"))
    (journal_dir / "people" / f"x{PLANT}.json").write_text("not json")

    result = run_cli("doctor")

    assert_safe(result.stdout + result.stderr)


def test_every_command_prints_through_the_safe_printers() -> None:
    """No bare print() or stream write in the CLI outside `commands/output.py`: a new command
    cannot forget the cleaner."""
    import netjournal

    package = Path(netjournal.__file__).parent
    allowed = {("cli.py", "say"), ("transfer.py", "__call__"), ("transfer.py", "clear")}
    offenders = []
    for path in [package / "cli.py", *sorted((package / "commands").glob("*.py"))]:
        if path.name == "output.py":
            continue
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for function in ast.walk(tree):
            if not isinstance(function, ast.FunctionDef | ast.AsyncFunctionDef):
                continue
            for node in ast.walk(function):
                if not isinstance(node, ast.Call):
                    continue
                called = ast.unparse(node.func)
                writes = called in ("print", "sys.stdout.write", "sys.stderr.write") or (
                    called.startswith(("sys.stdout.buffer", "sys.stderr.buffer"))
                    and called.endswith(".write")
                )
                if writes and (path.name, function.name) not in allowed:
                    offenders.append(f"{path.name}:{node.lineno} {function.name}: {called}")
    assert offenders == []
