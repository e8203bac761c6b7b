"""Text that looks like markup stays literal; terminal tricks are removed on the way in."""

from __future__ import annotations

import unicodedata

from tests.cli.support import RunCli, added_id, by_name, ok_json

LITERAL_NAMES = [
    "[bold]x[/",
    "[@click=app.quit]me[/]",
    "100% [done]",
    "[red]Ann[/red] $x {name} %s \\[escaped]",
    "Zoë 👩‍🔬 Müller 🇩🇪",
    "q\u0323\u0307 Nguyễn",  # combining marks with no precomposed form, and a Vietnamese name
    "王小明 (Wang)",
    "Łukasz \u05e9\u05dc\u05d5\u05dd",
]


def test_markup_like_emoji_and_combining_names_survive_literally(run_cli: RunCli) -> None:
    ids = {name: added_id(run_cli("add", "person", name)) for name in LITERAL_NAMES}

    people = by_name(ok_json(run_cli("list", "people", "--json")))

    assert set(people) == set(LITERAL_NAMES)
    assert {name: people[name]["id"] for name in LITERAL_NAMES} == ids
    plain = run_cli("list", "people")
    assert plain.returncode == 0
    for name in LITERAL_NAMES:
        assert name in plain.stdout


def test_decomposed_accents_are_stored_composed(run_cli: RunCli) -> None:
    typed = "Rene\u0301 Lefe\u0300vre"
    added_id(run_cli("add", "person", typed))

    (person,) = ok_json(run_cli("list", "people", "--json"))

    assert person["name"] == unicodedata.normalize("NFC", typed) == "René Lefèvre"
    # Either spelling finds the same person.
    added_id(run_cli("log", "René", "-m", "hi"))
    added_id(run_cli("log", typed, "-m", "hi"))


def test_markup_like_text_in_every_kind_of_field_survives(run_cli: RunCli) -> None:
    person = added_id(run_cli(
        "add", "person", "[b]Ann[/b]", "--org", "[link=https://evil]Acme[/link]",
        "--interest", "[reverse]sailing", "--tag", "100%", "--met-via", "[/]",
        "--notes", "line [one]\n[@click=app.quit]two[/]",
    ))  # fmt: skip
    added_id(run_cli("add", "learning", "[i]Pallets[/i]", "-m", "**bold** [x](y) [dim]",
                     "--source", "$var [/]", "--tag", "[t]"))  # fmt: skip
    added_id(run_cli("log", "[b]Ann[/b]", "-m", "[blink]talked[/blink]", "--event", "[Expo]"))
    added_id(run_cli("add", "outreach", "share", "--to", person, "--learning", "[i]Pallets[/i]"))

    (ann,) = ok_json(run_cli("list", "people", "--json"))
    assert (ann["name"], ann["org"], ann["interests"], ann["tags"], ann["met_via"]) == (
        "[b]Ann[/b]", "[link=https://evil]Acme[/link]", ["[reverse]sailing"], ["100%"], "[/]",
    )  # fmt: skip
    assert ann["notes"] == "line [one]\n[@click=app.quit]two[/]"
    (learning,) = ok_json(run_cli("list", "learnings", "--json"))
    assert (learning["title"], learning["body"], learning["source"], learning["tags"]) == (
        "[i]Pallets[/i]", "**bold** [x](y) [dim]", "$var [/]", ["[t]"],
    )  # fmt: skip
    (interaction,) = ok_json(run_cli("list", "interactions", "--json"))
    assert (interaction["summary"], interaction["event"]) == ("[blink]talked[/blink]", "[Expo]")
    (outreach,) = ok_json(run_cli("list", "outreach", "--json"))
    assert outreach["title"] == "Share '[i]Pallets[/i]' with [b]Ann[/b]"


CLEANED_NAMES = {
    "Ann\x1b[31m Lee": "Ann Lee",
    "\x1b[1;32mBob\x1b[0m Stone": "Bob Stone",
    "Eve\x1b]0;owned\x07 Adams": "Eve Adams",  # OSC: set the window title
    "Cat\x1b]8;;https://evil\x1b\\ Noir": "Cat Noir",  # OSC 8 hyperlink
    "Dan\x07\x08\x7f Brown": "Dan Brown",  # BEL, BS, DEL
    "Fay\u202e Wray\u2066": "Fay Wray",  # bidi override and isolate
    "Gus\x9b31m Grand": "Gus Grand",  # 8-bit CSI
    "Hal\x85 Hope\x1f": "Hal Hope",  # C1 NEL, C0 unit separator
    "  Ivy\t\n  Ives  ": "Ivy Ives",  # whitespace runs in a one-line field
}


def test_escape_sequences_and_control_characters_are_removed(run_cli: RunCli) -> None:
    for typed in CLEANED_NAMES:
        result = run_cli("add", "person", typed)
        added_id(result)
        assert "\x1b" not in result.stdout

    names = sorted(p["name"] for p in ok_json(run_cli("list", "people", "--json")))

    assert names == sorted(CLEANED_NAMES.values())
    plain = run_cli("list", "people")
    assert "\x1b" not in plain.stdout and "\x07" not in plain.stdout


def test_multi_line_text_keeps_newlines_and_tabs_but_loses_escapes(run_cli: RunCli) -> None:
    added_id(run_cli("add", "learning", "Robots\x1b[2J\x1b[H", "-m",
                     "first\x1b[31m line\r\n\tindented\x07\n\x1b]52;c;Zm9v\x07last"))  # fmt: skip

    (learning,) = ok_json(run_cli("list", "learnings", "--json"))

    assert learning["title"] == "Robots"
    assert learning["body"] == "first line\n\tindented\nlast"
