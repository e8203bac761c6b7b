"""Exports are safe to open: Markdown whose user text never becomes HTML, links or headings,
written as a whole and private; iCalendar that follows RFC 5545 whatever dates a journal holds.

The Markdown is rendered with markdown-it (CommonMark, raw HTML on, GFM tables and
strikethrough), as an editor's preview would, and the HTML is checked."""

from __future__ import annotations

import errno
import html
import os
import re
import stat
from datetime import date, timedelta
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from icalendar import Calendar
from markdown_it import MarkdownIt

from netjournal.core.records import Interaction, Learning, Outreach, Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.formats import export_folder
from netjournal.formats.errors import FormatError
from netjournal.formats.export_folder import MARKER
from netjournal.formats.exporting import export_journal, write_markdown_folder
from netjournal.formats.markdown_text import block, body, inline, link

DAY = date(2026, 3, 14)
MARKDOWN = MarkdownIt("commonmark", {"html": True}).enable(["table", "strikethrough"])
TAG = re.compile(r"<(/?)([a-zA-Z0-9]+)([^>]*)>")

SCRIPT = "<script>alert(1)</script>"
IMG = '<img src=x onerror="alert(1)">'
HOSTILE_NOTES = "\n".join([
    "# Not a heading", "Title", "=====", "[x](http://evil.example)", "![p](http://evil.example/p.png)",
    "| a | b |", "|---|---|", "| 1 | 2 |", "<!-- hide the rest", SCRIPT, "> quoted", "- listed",
    "1. numbered", "```", "an unclosed fence", "[ref]: javascript:alert(1)", "<javascript:alert(1)>",
    "**bold** _it_ `code` ~~gone~~ &lt;b&gt; &copy;",
])  # fmt: skip


def rendered(markdown: str) -> str:
    return MARKDOWN.render(markdown)


def tags(rendered_html: str) -> set[str]:
    return {found[2].lower() for found in TAG.finditer(rendered_html)}


def text_of(rendered_html: str) -> str:
    return html.unescape(TAG.sub("", rendered_html))


@pytest.fixture
def hostile() -> JournalSnapshot:
    """A journal whose every text came from an attacker's vCard or a bad sync."""
    mallory = Person.create(
        name=f"{SCRIPT} Mallory", org=IMG, role="# Not a heading", tags=["[x](http://evil)"],
        links=["javascript:alert(1)", "https://mallory.example"], notes=HOSTILE_NOTES,
        met_via="`code` *em* | pipe",
    )  # fmt: skip
    ann = Person.create(name="Ann Lee")
    learning = Learning.create(
        date=DAY, title=f"{IMG} # title", source="[src](javascript:alert(1))",
        url="javascript:alert(1)", tags=["<b>tag</b>"],
        body="Kept: **bold**, *em*, `a<b`, a list:\n\n- one\n- two\n\n" + HOSTILE_NOTES,
    )  # fmt: skip
    safe = Learning.create(date=DAY - timedelta(days=1), title="Safe", url="https://ok.example/a")
    talk = Interaction.create(date=DAY, person_ids=[mallory.id, ann.id], summary=SCRIPT,
                              event="# event", notes=HOSTILE_NOTES, learning_ids=[learning.id])  # fmt: skip
    plan = Outreach.create(kind="follow-up", person_ids=[mallory.id], title=f"Ask {IMG}",
                           reason="[why](javascript:alert(1))", notes=HOSTILE_NOTES, due=DAY)  # fmt: skip
    return JournalSnapshot(
        people={p.id: p for p in (mallory, ann)},
        learnings={x.id: x for x in (learning, safe)},
        interactions={talk.id: talk},
        outreach={plan.id: plan},
    )


def assert_safe(rendered_html: str, headings: set[str]) -> None:
    """No HTML from user text, no link but safe ones, no heading the export did not make."""
    found = tags(rendered_html)
    assert not found & {"script", "img", "iframe", "h5", "h6"}, found
    for anchor in re.findall(r'<a href="([^"]*)"', rendered_html):
        assert anchor.startswith(("https://", "people/", "outreach.md", "journal.md")), anchor
    made = {text_of(h) for h in re.findall(r"<h\d>(.*?)</h\d>", rendered_html)}
    assert made <= headings, made - headings


def expected_headings(journal: JournalSnapshot) -> set[str]:
    fixed = {"netjournal", "Open outreach", "People", "Journal", "Notes", "Timeline"}
    people = {p.name for p in journal.people.values()}
    learnings = {f"{x.date.isoformat()} · {x.title}" for x in journal.learnings.values()}
    return fixed | people | learnings


def test_the_markdown_document_renders_user_text_as_typed_never_as_markup(
    hostile: JournalSnapshot,
) -> None:
    markdown = export_journal(hostile, "markdown", today=DAY).data.decode()
    page = rendered(markdown)

    assert_safe(page, expected_headings(hostile))
    mallory = next(p for p in hostile.people.values() if p.name.endswith("Mallory"))
    assert f"<h3>{html.escape(mallory.name, quote=False)}</h3>" in page  # the name, as typed
    text = text_of(page)
    for typed in ("# Not a heading", "[x](http://evil.example)", "| a | b |", SCRIPT, IMG,
                  "**bold** _it_ `code` ~~gone~~ &lt;b&gt; &copy;", "javascript:alert(1)"):  # fmt: skip
        assert typed in text, typed
    assert "<pre>" not in page  # an unclosed fence does not swallow the rest of the export
    assert "<strong>bold</strong>" in page and "<li>one</li>" in page  # a body's Markdown stays
    assert '<a href="https://ok.example/a">' in page  # a safe URL is a link


def test_the_markdown_folder_is_as_safe_and_private(
    hostile: JournalSnapshot, tmp_path: Path
) -> None:
    folder = tmp_path / "export"
    write_markdown_folder(folder, hostile, DAY)

    headings = expected_headings(hostile)
    for path in folder.rglob("*.md"):
        assert_safe(rendered(path.read_text()), headings)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600, path
    for path in (folder, folder / "people"):
        assert stat.S_IMODE(path.stat().st_mode) == 0o700, path
    assert stat.S_IMODE((folder / MARKER).stat().st_mode) == 0o600


@pytest.mark.parametrize(
    "url", ["javascript:alert(1)", " JavaScript:alert(1)", "data:text/html,<script>x</script>",
            "vbscript:msgbox(1)", "https://x.example/<script>", "file:///etc/passwd"],
)  # fmt: skip
def test_only_http_https_and_mailto_urls_become_links(url: str) -> None:
    assert "<a " not in MARKDOWN.renderInline(link(url))
    assert MARKDOWN.renderInline(link("https://ok.example/a?b=1&c=2")) == (
        '<a href="https://ok.example/a?b=1&amp;c=2">https://ok.example/a?b=1&amp;c=2</a>'
    )
    assert '<a href="mailto:ann@acme.example">' in MARKDOWN.renderInline(
        link("mailto:ann@acme.example")
    )


PIECES = [
    *"aZ9 _*`[]()<>!#|~&;:=-+.\\/\"'\n",
    "&amp;",
    "http://x.y",
    "javascript:",
    "<script>",
    "1.",
]
TEXT = st.lists(st.sampled_from(PIECES), max_size=40).map("".join)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_line_renders_exactly_as_typed(text: str) -> None:
    out = MARKDOWN.renderInline(inline(text))
    assert "<" not in out  # no tag at all
    assert html.unescape(out) == re.sub(r"\n+", " ", text)


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_note_renders_as_paragraphs_of_its_text(text: str) -> None:
    out = rendered(block(text))
    assert tags(out) <= {"p", "br", "pre", "code"}, out  # indented lines: a literal code block
    if "<pre>" not in out:  # (where the escapes show: indentation is kept as typed)
        assert "".join(text_of(out).split()) == "".join(text.split())


@settings(max_examples=300, deadline=None)
@given(TEXT)
def test_any_body_keeps_markdown_but_no_html_links_or_headings(text: str) -> None:
    out = rendered(body(text))
    allowed = {"p", "br", "em", "strong", "code", "pre", "ul", "ol", "li", "blockquote", "hr",
               "s", "table", "thead", "tbody", "tr", "th", "td"}  # fmt: skip
    assert tags(out) <= allowed, out


def test_an_inline_value_never_starts_a_block_or_escapes_its_line() -> None:
    assert inline("a\nb\r\nc\u2028d") == "a b c d"
    assert block("1. one\n2) two\n+ plus\n= under") == "1\\. one\n2\\) two\n\\+ plus\n\\= under"
    assert body("\\<b> \\\\<b>") == "\\<b> \\\\\\<b>"  # an escaped < stays; an escaped \ does not


# --- the folder is written as a whole --------------------------------------------------------


def snapshot(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def failing_after(count: int, monkeypatch: pytest.MonkeyPatch) -> None:
    """Make the export's file writes fail with a full disk after `count` files."""
    real = export_folder.write_new_file
    written = []

    def write(path: Path, data: bytes) -> None:
        if len(written) >= count:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        written.append(path)
        real(path, data)

    monkeypatch.setattr(export_folder, "write_new_file", write)


def test_a_failed_first_export_leaves_no_folder_and_no_temporary(
    hostile: JournalSnapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    failing_after(3, monkeypatch)
    with pytest.raises(FormatError, match="No space left on device"):
        write_markdown_folder(tmp_path / "export", hostile, DAY)
    assert list(tmp_path.iterdir()) == []


def test_a_failed_refresh_leaves_the_earlier_export_as_it_was(
    hostile: JournalSnapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "export"
    write_markdown_folder(folder, hostile, DAY)
    before = snapshot(folder)
    failing_after(2, monkeypatch)

    with pytest.raises(FormatError, match="the earlier export, if any, is as it was"):
        write_markdown_folder(folder, JournalSnapshot(), DAY)

    assert snapshot(folder) == before
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export"]


@pytest.mark.parametrize("can_exchange", [True, False])
def test_a_refresh_replaces_the_whole_folder(
    hostile: JournalSnapshot, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, can_exchange: bool
) -> None:
    if not can_exchange:  # as on a system without renameat2: rename aside, then into place
        monkeypatch.setattr(export_folder, "exchange", lambda first, second: False)
    folder = tmp_path / "export"
    write_markdown_folder(folder, hostile, DAY)
    first = folder.stat().st_ino
    ann_only = JournalSnapshot(people={k: v for k, v in hostile.people.items()
                                       if v.name == "Ann Lee"})  # fmt: skip

    assert write_markdown_folder(folder, ann_only, DAY) == 4

    assert folder.stat().st_ino != first  # a new folder, swapped in whole
    assert sorted(str(p.relative_to(folder)) for p in folder.rglob("*")) == [
        MARKER, "index.md", "journal.md", "outreach.md", "people", "people/ann-lee.md",
    ]  # fmt: skip
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export"]
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700


def test_a_refresh_beside_other_files_replaces_each_file_and_keeps_the_rest(
    hostile: JournalSnapshot, tmp_path: Path
) -> None:
    folder = tmp_path / "export"
    write_markdown_folder(folder, hostile, DAY)
    (folder / ".git").mkdir()
    (folder / ".git" / "HEAD").write_text("ref: refs/heads/main\n")
    (folder / "people" / "ann-lee.md").chmod(0o644)
    ann_only = JournalSnapshot(people={k: v for k, v in hostile.people.items()
                                       if v.name == "Ann Lee"})  # fmt: skip

    write_markdown_folder(folder, ann_only, DAY)

    assert (folder / ".git" / "HEAD").read_text() == "ref: refs/heads/main\n"
    assert sorted(p.name for p in (folder / "people").iterdir()) == ["ann-lee.md"]
    assert stat.S_IMODE((folder / "people" / "ann-lee.md").stat().st_mode) == 0o600
    assert (folder / MARKER).read_text().split() == [
        "index.md", "journal.md", "outreach.md", "people/ann-lee.md",
    ]  # fmt: skip
    assert not [p for p in folder.iterdir() if p.name.endswith(".netjournal-tmp")]


def test_a_planted_link_in_an_export_never_reaches_outside_it(
    hostile: JournalSnapshot, tmp_path: Path
) -> None:
    outside = tmp_path / "outside"
    outside.mkdir()
    (outside / "ann-lee.md").write_text("not the export's")
    folder = tmp_path / "export"
    write_markdown_folder(folder, hostile, DAY)
    (folder / ".git").mkdir()
    for page in (folder / "people").iterdir():
        page.unlink()
    (folder / "people").rmdir()
    (folder / "people").symlink_to(outside)  # a sync or another user swapped the folder
    with (folder / MARKER).open("a") as marker:
        marker.write("../outside/ann-lee.md\n/etc/passwd\n")

    with pytest.raises(FormatError, match="people is not a folder netjournal wrote"):
        write_markdown_folder(folder, hostile, DAY)

    assert [p.name for p in outside.iterdir()] == ["ann-lee.md"]
    assert (outside / "ann-lee.md").read_text() == "not the export's"


def test_a_marker_that_is_a_link_is_not_trusted(tmp_path: Path, hostile: JournalSnapshot) -> None:
    folder = tmp_path / "export"
    folder.mkdir()
    (folder / "mine.txt").write_text("keep me")
    (tmp_path / "elsewhere").write_text("mine.txt\n")
    (folder / MARKER).symlink_to(tmp_path / "elsewhere")

    with pytest.raises(FormatError, match="is not empty and holds no earlier netjournal export"):
        write_markdown_folder(folder, hostile, DAY)

    assert (folder / "mine.txt").read_text() == "keep me"


def test_a_temporary_folder_left_by_a_killed_export_is_removed_by_the_next(
    hostile: JournalSnapshot, tmp_path: Path
) -> None:
    dead = tmp_path / ".export.99999999.abc123.netjournal-tmp"  # no process has that id
    alive = tmp_path / f".export.{os.getppid()}.abc123.netjournal-tmp"  # one still writing
    for leftover in (dead, alive):
        (leftover / "people").mkdir(parents=True)
    not_ours = tmp_path / ".export.notes"
    not_ours.mkdir()

    write_markdown_folder(tmp_path / "export", hostile, DAY)

    assert sorted(p.name for p in tmp_path.iterdir()) == sorted(
        ["export", alive.name, not_ours.name]
    )


# --- iCalendar ------------------------------------------------------------------------------


def plans(*outreach: Outreach) -> JournalSnapshot:
    ann = Person.create(name="Ann Lee")
    fixed = [o.edit(person_ids=[ann.id]) for o in outreach]
    return JournalSnapshot(people={ann.id: ann}, outreach={o.id: o for o in fixed})


def test_every_to_do_has_its_start_before_its_due_date() -> None:
    journal = plans(
        Outreach.create(kind="ask", person_ids=["x"], title="Snoozed past due", due=DAY,
                        snoozed_until=DAY + timedelta(days=7)),
        Outreach.create(kind="ask", person_ids=["x"], title="Snoozed to due day", due=DAY,
                        snoozed_until=DAY),
        Outreach.create(kind="ask", person_ids=["x"], title="Hand-edited: snooze before due",
                        due=DAY + timedelta(days=9), snoozed_until=DAY + timedelta(days=2)),
        Outreach.create(kind="ask", person_ids=["x"], title="Someday, snoozed",
                        snoozed_until=DAY + timedelta(days=2)),
    )  # fmt: skip

    todos = {str(t["summary"]): t for t in Calendar.from_ical(
        export_journal(journal, "ics", today=DAY).data).walk("VTODO")}  # fmt: skip

    for todo in todos.values():
        if "dtstart" in todo and "due" in todo:
            assert todo.decoded("dtstart") < todo.decoded("due"), todo["summary"]
    past = todos["Snoozed past due"]
    assert past.decoded("due") == DAY + timedelta(days=7) and "dtstart" not in past
    assert "Snoozed to 2026-03-21; due 2026-03-14." in str(past["description"])
    assert todos["Snoozed to due day"].decoded("due") == DAY
    before = todos["Hand-edited: snooze before due"]
    assert (before.decoded("dtstart"), before.decoded("due")) == (
        DAY + timedelta(days=2), DAY + timedelta(days=9),
    )  # fmt: skip
    assert todos["Someday, snoozed"].decoded("dtstart") == DAY + timedelta(days=2)


@pytest.mark.parametrize("events", [False, True])
def test_a_date_at_the_end_of_the_calendar_exports_without_an_error(events: bool) -> None:
    journal = plans(
        Outreach.create(kind="ask", person_ids=["x"], title="Far", due=date.max),
        Outreach.create(kind="ask", person_ids=["x"], title="Far snooze", due=DAY,
                        snoozed_until=date.max),
    )  # fmt: skip

    data = export_journal(journal, "ics", today=DAY, events=events).data
    markdown = export_journal(journal, "markdown", today=DAY).data.decode()

    found = Calendar.from_ical(data).walk("VEVENT" if events else "VTODO")
    assert len(found) == 2
    if events:  # an all-day event without DTEND lasts its one day (RFC 5545 3.6.1)
        assert all(e.decoded("dtstart") == date.max and "dtend" not in e for e in found)
    assert "**9999-12-31**" in markdown
