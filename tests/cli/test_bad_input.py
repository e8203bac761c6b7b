"""Bad input and unreadable journals: one sentence on stderr, exit 2, and nothing written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.cli.support import RunCli, added_id, one_line_error, prepare, snapshot

# (arguments, a fragment the one-line message must contain)
REFUSED_BEFORE_ANY_JOURNAL_EXISTS = [
    (("add", "person", ""), "A person needs a name."),
    (("add", "person", "   "), "A person needs a name."),
    (("add", "person", "\x1b[31m\x07"), "A person needs a name."),
    (("add", "person", "Ann", "--influence", "5"), "0 (none) to 3 (executive)"),
    (("add", "person", "Ann", "--influence", "high"), "0 (none) to 3 (executive)"),
    (("add", "person", "Ann", "--kind", "foo"), "invalid choice: 'foo'"),
    (("add", "person", "Ann", "--email", "not-an-address"), "'not-an-address' is not an email"),
    (("add", "person", "Ann", "--cadence", "0"), "'0' is not a whole number of 1 or more"),
    (("add", "person", "Ann", "--cadence", "99999"), "from 1 to 3650"),
    (("add", "learning", ""), "A learning needs a title."),
    (("add", "learning", "T", "--date", "2026-02-30"), "February 2026 has 28 days"),
    (("add", "learning", "T", "--date", "2026-13-01"), "months run from 1 to 12"),
    (("add", "learning", "T", "--date", "gibberish"), "'gibberish' is not a date"),
    (("add", "learning", "T", "--source-kind", "blog"), "invalid choice: 'blog'"),
    (("add", "outreach", "foo", "--to", "Ann"), "invalid choice: 'foo'"),
    (("add", "outreach", "follow-up"), "--to"),
    (("log", "Ann", "-m", "hi", "--channel", "foo"), "invalid choice: 'foo'"),
    (("log", "Ann"), "-m/--message"),
    (("log", "-m", "hi"), "NAME"),
    (("log", "Ann", "-m", "hi"), "No person matches 'Ann'."),
    (("list", "everything"), "invalid choice: 'everything'"),
    (("search", "x", "--limit", "0"), "'0' is not a whole number of 1 or more"),
    (("add",), "WHAT"),
    (("frobnicate",), "invalid choice: 'frobnicate'"),
]


@pytest.mark.parametrize(
    ("args", "said"),
    REFUSED_BEFORE_ANY_JOURNAL_EXISTS,
    ids=[" ".join(args) or "empty" for args, _ in REFUSED_BEFORE_ANY_JOURNAL_EXISTS],
)
def test_bad_input_is_one_sentence_and_creates_no_folder(
    run_cli: RunCli, journal_dir: Path, args: tuple[str, ...], said: str
) -> None:
    line = one_line_error(run_cli(*args))

    assert said in line
    assert not journal_dir.exists()


def test_usage_mistakes_point_at_the_commands_help(run_cli: RunCli) -> None:
    line = one_line_error(run_cli("add", "person", "Ann", "--influence", "5"))
    assert line.startswith("netjournal add person: ")
    assert line.endswith("see `netjournal add person --help`.")


@pytest.fixture
def ann_journal(journal_dir: Path) -> None:
    """A journal holding Ann Lee and one learning."""
    prepare(journal_dir, "add", "person", "Ann Lee")
    prepare(journal_dir, "add", "learning", "Pallet robots")


REFUSED_IN_A_JOURNAL = [
    (("log", "ann", "-m", "hi", "--date", "2026-02-30"), "February 2026 has 28 days"),
    (("log", "ann", "-m", "hi", "--date", "gibberish"), "'gibberish' is not a date"),
    (("log", "ann", "-m", "hi", "--date", ""), "A date is needed"),
    (("log", "ann", "-m", "   "), "needs a summary"),
    (("log", "ann", "-m", "hi", "--shared", "quantum"), "No learning matches 'quantum'."),
    (("add", "outreach", "share", "--to", "ann"), "names the learning to share"),
    (
        ("add", "outreach", "introduce", "--to", "ann"),
        "An introduction names two different people.",
    ),
    (("add", "outreach", "introduce", "--to", "ann", "Ann Lee"), "names two different people"),
    (("add", "outreach", "follow-up", "--to", "ann", "--due", "whenever"), "'whenever' is not"),
    (("add", "outreach", "follow-up", "--to", "ann", "--due", "2026-04-31"), "30 days"),
    (("add", "person", "Bob", "--influence", "-1"), "0 (none) to 3 (executive)"),
]


@pytest.mark.parametrize(
    ("args", "said"), REFUSED_IN_A_JOURNAL, ids=[" ".join(args) for args, _ in REFUSED_IN_A_JOURNAL]
)
@pytest.mark.usefixtures("ann_journal")
def test_bad_input_leaves_an_existing_journal_byte_for_byte(
    run_cli: RunCli, journal_dir: Path, args: tuple[str, ...], said: str
) -> None:
    before = snapshot(journal_dir)

    line = one_line_error(run_cli(*args))

    assert said in line
    assert snapshot(journal_dir) == before


@pytest.mark.usefixtures("ann_journal")
def test_an_introduction_without_a_reason_is_refused(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Bob Stone")
    before = snapshot(journal_dir)

    line = one_line_error(run_cli("add", "outreach", "introduce", "--to", "ann", "bob"))

    assert line == "netjournal: An introduction says why the two should meet: add --reason TEXT."
    assert snapshot(journal_dir) == before


def test_a_journal_from_a_newer_version_is_refused_untouched(
    run_cli: RunCli, journal_dir: Path
) -> None:
    journal_dir.mkdir()
    (journal_dir / "meta.json").write_text('{"schema": 99, "app": "netjournal"}\n')
    before = snapshot(journal_dir)

    for args in (
        ("list", "people"),
        ("list", "interactions", "--json"),
        ("add", "person", "Ann Lee"),
        ("add", "learning", "Pallet robots"),
        ("log", "ann", "-m", "hi"),
        ("search", "ann"),
    ):
        line = one_line_error(run_cli(*args))
        assert "newer" in line and "schema 99" in line, line
        assert str(journal_dir) in line
    assert snapshot(journal_dir) == before


def test_a_damaged_shard_stops_reads_and_writes_naming_the_file(
    run_cli: RunCli, journal_dir: Path
) -> None:
    added_id(run_cli("add", "person", "Ann Lee"))
    (shard,) = (journal_dir / "people").glob("*.json")
    garbage = b'{"people": {"abc": [not json\x00\xff'
    shard.write_bytes(garbage)
    before = snapshot(journal_dir)

    for args in (
        ("list", "people"),
        ("list", "people", "--json"),
        ("add", "person", "Bob Stone"),  # goes to the same (current month) shard
        ("log", "ann", "-m", "hi"),
        ("add", "outreach", "reconnect", "--to", "ann"),
        ("search", "ann", "--json"),
    ):
        line = one_line_error(run_cli(*args))
        assert str(shard) in line, line
        assert "damaged" in line
    assert shard.read_bytes() == garbage
    assert snapshot(journal_dir) == before


def test_a_shard_of_the_wrong_shape_is_damaged_too(run_cli: RunCli, journal_dir: Path) -> None:
    added_id(run_cli("add", "person", "Ann Lee"))
    (shard,) = (journal_dir / "people").glob("*.json")
    for content in (b"[]", b'{"people": {"x": {"id": "y"}}}', b'{"people": {"x": 3}}', b""):
        shard.write_bytes(content)
        line = one_line_error(run_cli("list", "people", "--json"))
        assert str(shard) in line
        assert shard.read_bytes() == content


def test_a_damaged_meta_file_is_named(run_cli: RunCli, journal_dir: Path) -> None:
    journal_dir.mkdir()
    (journal_dir / "meta.json").write_text("schema one")
    before = snapshot(journal_dir)

    line = one_line_error(run_cli("add", "person", "Ann Lee"))

    assert str(journal_dir / "meta.json") in line
    assert snapshot(journal_dir) == before


def test_a_folder_that_is_not_a_journal_is_not_written_into(
    run_cli: RunCli, tmp_path: Path
) -> None:
    documents = tmp_path / "Documents"
    documents.mkdir()
    (documents / "letter.txt").write_text("Dear Ann")
    before = snapshot(documents)

    line = one_line_error(run_cli("add", "person", "Ann Lee", folder=documents))

    assert "is not a netjournal journal" in line
    assert snapshot(documents) == before
    not_a_folder = documents / "letter.txt"
    assert "is a file" in one_line_error(run_cli("list", "people", folder=not_a_folder))


# Error messages quote what the user typed. They must still be one line and must not pass
# terminal escape sequences through to the terminal. Each of these is an error either way.
ECHOED_INPUT = [
    ("log", "foo\nbar", "-m", "hi"),
    ("log", "\x1b[31mZelda", "-m", "hi"),
    ("add", "outreach", "share", "--to", "ann", "--learning", "two\nlines"),
    ("add", "learning", "T", "--date", "\x1b[2Jsoonish"),
    ("add", "person", "X", "--influence", "9\n"),
]


@pytest.mark.parametrize("args", ECHOED_INPUT, ids=[repr(a[-3:]) for a in ECHOED_INPUT])
@pytest.mark.usefixtures("ann_journal")
def test_error_messages_quote_typed_text_cleaned(
    run_cli: RunCli, journal_dir: Path, args: tuple[str, ...]
) -> None:
    before = snapshot(journal_dir)
    one_line_error(run_cli(*args))
    assert snapshot(journal_dir) == before


def test_search_with_nothing_found_does_not_echo_escape_sequences(run_cli: RunCli) -> None:
    result = run_cli("search", "\x1b[2Jzzqx")
    assert result.returncode == 0
    assert "Nothing matches" in result.stdout
    assert "\x1b" not in result.stdout


@pytest.mark.usefixtures("ann_journal")
def test_the_same_share_twice_is_refused(run_cli: RunCli, journal_dir: Path) -> None:
    first = run_cli(
        "add", "outreach", "share", "--to", "ann", "--learning", "pallet", "--due", "fri"
    )
    assert first.returncode == 0, first.stderr
    before = snapshot(journal_dir)

    line = one_line_error(
        run_cli("add", "outreach", "share", "--to", "ann", "--learning", "pallet")
    )

    assert line.startswith("netjournal: Already planned: Share 'Pallet robots' with Ann Lee (")
    assert snapshot(journal_dir) == before
