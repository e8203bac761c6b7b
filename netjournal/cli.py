"""The `netjournal` command: argument parsing and dispatch.

Capture must stay fast, so nothing here imports textual; the app is imported only when it
opens. Errors are one sentence on stderr and exit status 2, never a traceback.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gc
import os
import re
import sys
import traceback
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

from netjournal import __version__
from netjournal.commands.examples import ExamplesFormatter, every_parser, with_examples
from netjournal.core.errors import NetjournalError
from netjournal.core.records import (
    CHANNELS,
    OUTREACH_KINDS,
    PERSON_KINDS,
    SOURCE_KINDS,
)
from netjournal.core.terminal_text import safe_for_terminal

if TYPE_CHECKING:
    from netjournal.core.store import Store

EXIT_ERROR = 2
EXIT_CRASH = 70  # sysexits' EX_SOFTWARE: netjournal itself is broken


# argparse asks gettext for its every word, and gettext looks for catalogue files each time
# (a third of building the parser, at every start); the answers cannot change mid-command.
argparse._ = functools.cache(argparse._)  # type: ignore[attr-defined]


class Commands(argparse._SubParsersAction):
    """Subcommands whose own --help starts with the line the command list shows for them."""

    def add_parser(self, name: str, **kwargs: Any) -> Any:
        said = kwargs.get("help")
        if said and "description" not in kwargs:
            kwargs["description"] = f"{said[:1].upper()}{said[1:]}."
        return super().add_parser(name, **kwargs)


class Parser(argparse.ArgumentParser):
    """argparse that reports a usage mistake as one sentence with a pointer to --help."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", ExamplesFormatter)  # examples keep their lines
        super().__init__(*args, **kwargs)
        self.register("action", "parsers", Commands)

    def error(self, message: str) -> None:  # type: ignore[override]
        say(f"{message}; see `{self.prog} --help`.", prog=self.prog)
        raise SystemExit(EXIT_ERROR)


def say(message: str, prog: str = "netjournal") -> None:
    """One line on stderr, safe for the terminal: it may quote typed text or a record's name."""
    sys.stderr.write(f"{prog}: {' '.join(safe_for_terminal(message, one_line=True).split())}\n")


def build_parser() -> Parser:
    parser = Parser(
        prog="netjournal",
        description="A journal for people who network on purpose: people, learnings, outreach.",
        epilog="With no command, netjournal opens the app. Every command takes --help.",
    )
    parser.add_argument("--version", action="version", version=f"netjournal {__version__}")
    parser.add_argument(
        "--dir",
        metavar="DIR",
        help="the journal folder (default: $NETJOURNAL_DIR or your data folder)",
    )
    parser.add_argument(
        "--demo", action="store_true", help="open the app on a sample journal of its own"
    )
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    add = commands.add_parser("add", help="add a person, a learning or a planned outreach")
    things = add.add_subparsers(dest="thing", metavar="WHAT", required=True, parser_class=Parser)
    _add_person_parser(things)
    _add_learning_parser(things)
    _add_outreach_parser(things)

    log = commands.add_parser("log", help="log an interaction with one or more people")
    log.add_argument("names", nargs="+", metavar="NAME", help="who (matched fuzzily)")
    log.add_argument("-m", "--message", metavar="SUMMARY", help="what you talked about; - reads "
                     "it from standard input; left out on a terminal, your $EDITOR opens")  # fmt: skip
    log.add_argument(
        "--date", default="today", help="when (default today; e.g. yesterday, fri, -3d)"
    )
    log.add_argument("--channel", choices=CHANNELS, help="how (default: what the summary "
                     "names, e.g. coffee, call, lunch, email; else meeting)")  # fmt: skip
    log.add_argument("--event", help="where, e.g. a trade show's name")
    log.add_argument("--notes", help="longer notes")
    log.add_argument("--shared", action="append", default=[], metavar="LEARNING",
                     help="a learning you shared (repeatable)")  # fmt: skip
    log.set_defaults(run=_run_log_interaction)

    listing = commands.add_parser("list", help="list people, learnings, outreach or interactions")
    listing.add_argument("what", choices=("people", "learnings", "outreach", "interactions"))
    listing.add_argument("--json", action="store_true", help="print a JSON array")
    listing.set_defaults(run=_run_list_records)

    search = commands.add_parser("search", help="find anything by its words")
    search.add_argument("query", metavar="QUERY")
    search.add_argument("--limit", type=_positive, default=20, metavar="N")
    search.add_argument("--json", action="store_true", help="print [{type,id,title,score,snippet}]")
    search.set_defaults(run=_run_search_journal)

    who = commands.add_parser(
        "who", help="who would you ask about a topic? people ranked, with reasons"
    )
    who.add_argument("topic", metavar="TOPIC")
    who.add_argument("--limit", type=_positive, default=10, metavar="N")
    who.add_argument("--json", action="store_true", help="print [{id,name,score,reasons}]")
    who.set_defaults(run=_run_who)

    suggest = commands.add_parser(
        "suggest", help="whom to share a learning with, ranked, with reasons"
    )
    suggest.add_argument("learning", metavar="LEARNING", help="its title (matched fuzzily) or id")
    suggest.add_argument("--limit", type=_positive, default=15, metavar="N")
    suggest.add_argument(
        "--json", action="store_true", help="print [{id,name,score,reasons,shared}]"
    )
    suggest.set_defaults(run=_run_suggest)

    review = commands.add_parser("review", help="what deserves attention today, with reasons")
    review.add_argument("--date", metavar="DATE", help="review another day (e.g. tomorrow, fri)")
    review.add_argument(
        "--json", action="store_true", help="print [{id,kind,title,reason,due,person_ids}]"
    )
    review.set_defaults(run=_run_review)

    insights = commands.add_parser(
        "insights", help="where your network is thin: departments, power, mix, growth, cold"
    )
    insights.add_argument("--date", metavar="DATE", help="as of another day (e.g. -1m, 2026-06-30)")
    insights.add_argument(
        "--json",
        action="store_true",
        help="print {departments, power, mix, internal_share, months, going_cold}",
    )
    insights.set_defaults(run=_run_insights)

    done = commands.add_parser(
        "done", help="mark a planned outreach done (it is logged as an interaction)"
    )
    done.add_argument("id", metavar="ID", help=f"the outreach's id (or the start of it){NUMBER}")
    done.add_argument("-m", "--message", default="", metavar="TEXT",
                      help="what happened, in a line (default: the plan's title); - reads it "
                      "from standard input")  # fmt: skip
    done.add_argument("--channel", default="", choices=CHANNELS, help="how (default: what the "
                      "message or the plan names, else the usual for its kind)")  # fmt: skip
    done.set_defaults(run=_run_done)

    drop = commands.add_parser(
        "drop", help="decide not to do a planned outreach (it stays in the journal as dropped)"
    )
    drop.add_argument("id", metavar="ID", help=f"the outreach's id (or the start of it){NUMBER}")
    drop.set_defaults(run=_run_drop_outreach)

    skip = commands.add_parser(
        "skip", help="leave an item out of today's review (it comes back tomorrow if still due)"
    )
    skip.add_argument("id", metavar="ID", help=f"the review item's id (or the start of it){NUMBER}")
    skip.set_defaults(run=_run_skip)

    snooze = commands.add_parser(
        "snooze", help="hide a planned outreach, or a person in the review, until a date"
    )
    snooze.add_argument(
        "id", metavar="ID",
        help="the outreach's id (or the start of it), or a person's review item (cold:... or "
             f"power:...){NUMBER}",
    )  # fmt: skip
    snooze.add_argument(
        "--until",
        required=True,
        metavar="DATE",
        help="e.g. mon, +3d, next month; today wakes a snoozed plan or a quiet person",
    )
    snooze.set_defaults(run=_run_snooze_outreach)

    shown = commands.add_parser(
        "show", help="one record whole: a person with their recent talks and open plans"
    )
    shown.add_argument("what", metavar="ID|NAME", help="an id, a person's name or a learning's "
                       f"title (matched fuzzily){NUMBER}")  # fmt: skip
    shown.add_argument("--json", action="store_true", help="print it as `list --json` does (a "
                       "person with recent_interactions and open_outreach)")  # fmt: skip
    shown.set_defaults(run=_run_show)

    _add_merge_parsers(commands)
    _add_transfer_parsers(commands)

    doctor = commands.add_parser(
        "doctor", help="check every file and cross-reference of the journal"
    )
    doctor.set_defaults(run=_run_doctor, raw_folder=True)

    locate = commands.add_parser(
        "locate", help="print where the journal, config, themes and this machine's state live"
    )
    locate.add_argument(
        "what", nargs="?", choices=("journal", "config", "themes", "config-folder", "state")
    )
    locate.set_defaults(run=_run_locate, raw_folder=True)
    _add_shell_parsers(commands)
    _add_sync_parsers(commands)
    for path, command in every_parser(parser):
        if path in WRITES and "-q" not in command._option_string_actions:
            command.add_argument("-q", "--quiet", action="store_true",
                                 help="print nothing when it worked (errors are still said)")  # fmt: skip
        if path in RECORD_WRITES:
            command.add_argument("--json", action="store_true",
                                 help="print the record written, as `list --json` does")  # fmt: skip
    with_examples(parser)
    return parser


# Commands that write a record: --json prints it (merge and import have a --json of their own).
RECORD_WRITES = ("add person", "add learning", "add outreach", "log", "done", "drop", "snooze")
# `done 2`: the short handles of `review` and `list outreach` (core/line_numbers.py).
NUMBER = ", or its line number in today's `netjournal review` or `list outreach`"
# Commands that change the journal: -q silences their success line.
WRITES = ("add person", "add learning", "add outreach", "log", "done", "drop", "skip", "snooze",
          "merge", "import", "edit", "rm")  # fmt: skip


def _add_sync_parsers(commands: argparse._SubParsersAction[Parser]) -> None:
    """edit, rm, sync, setup-git, merge-file: one record by id, and two machines, one journal."""
    edit = commands.add_parser("edit", help="change a record by its id (the options of add)")
    edit.add_argument("id", metavar="ID")
    for flag in ("--name", "--org", "--dept", "--role", "--kind", "--met-via", "--notes",
                 "--title", "--source-kind", "--source", "--url", "--event", "--reason",
                 "--summary", "--channel", "--date", "--due"):  # fmt: skip
        edit.add_argument(flag, metavar="TEXT")
    edit.add_argument("-m", "--message", metavar="TEXT",
                      help="a learning's body, a plan's or a talk's note; - reads standard input")
    for flag in ("--interest", "--expertise", "--need", "--tag", "--email", "--phone", "--link"):
        edit.add_argument(flag, action="append", default=[], metavar="X",
                          help="added to the list (repeatable)")  # fmt: skip
    edit.add_argument("--influence", type=_influence, metavar="0-3")
    edit.add_argument("--cadence", type=_positive, metavar="DAYS")
    edit.add_argument("--prospect", action="store_true", help="a key person not yet in your network")
    edit.add_argument("--connected", action="store_true", help="in your network now")
    edit.add_argument("--clear-conflicts", action="store_true",
                      help="drop the values a merge of two devices kept as notes on it")
    edit.add_argument("--json", action="store_true", help="print the record as JSON")
    edit.set_defaults(run=_run_edit)
    remove = commands.add_parser("rm", help="delete a record by its id (asks first)")
    remove.add_argument("id", metavar="ID")
    remove.add_argument("-y", "--yes", action="store_true", help="do not ask (for scripts)")
    remove.add_argument("--with-history", action="store_true",
                        help="a person: also delete the interactions and outreach only theirs")
    remove.set_defaults(run=_run_remove)
    sync = commands.add_parser(
        "sync", help="merge conflict copies a sync engine left; --git: commit, pull, push"
    )
    sync.add_argument("--git", action="store_true", help="also commit, pull (merging) and push")
    sync.set_defaults(run=_run_sync, raw_folder=True)
    setup = commands.add_parser("setup-git", help="make the journal a git repository that merges")
    setup.set_defaults(run=_run_setup_git, raw_folder=True)
    merge_file = commands.add_parser(
        "merge-file", help="git's merge driver: merge BASE OURS THEIRS record by record into OURS"
    )
    merge_file.add_argument("base", metavar="BASE")
    merge_file.add_argument("ours", metavar="OURS")
    merge_file.add_argument("theirs", metavar="THEIRS")
    merge_file.add_argument("path", metavar="PATH", nargs="?", help="the file's name (for messages)")
    merge_file.set_defaults(run=_run_merge_file, raw_folder=True)


def _run_edit(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.editing import edit

    return edit(store, args)


def _run_remove(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.editing import remove

    return remove(store, args)


def _run_sync(folder: Path, args: argparse.Namespace) -> int:
    from netjournal.commands.syncing import sync

    return sync(folder, args)


def _run_setup_git(folder: Path, args: argparse.Namespace) -> int:
    from netjournal.commands.syncing import setup

    return setup(folder, args)


def _run_merge_file(folder: Path, args: argparse.Namespace) -> int:
    from netjournal.commands.syncing import merge_file

    return merge_file(folder, args)


def _add_shell_parsers(commands: argparse._SubParsersAction[Parser]) -> None:
    config = commands.add_parser("config", help="where your settings are (config.toml)")
    settings = config.add_subparsers(dest="setting", metavar="path", required=True,
                                     parser_class=Parser)  # fmt: skip
    path = settings.add_parser("path", help="print where config.toml is (it may not exist yet)")
    path.set_defaults(run=_run_locate, raw_folder=True, what="config")

    completion = commands.add_parser(
        "completion", help="print the tab-completion script for bash, zsh or fish"
    )
    completion.add_argument("shell", choices=("bash", "zsh", "fish"), metavar="SHELL",
                            help="bash, zsh or fish")  # fmt: skip
    completion.set_defaults(run=_run_completion, raw_folder=True)

    manual = commands.add_parser("man", help="print netjournal's manual page (roff)")
    manual.set_defaults(run=_run_manual, raw_folder=True)


def _add_person_parser(things: argparse._SubParsersAction[Parser]) -> None:
    person = things.add_parser("person", help="add someone to your network")
    person.add_argument("name", metavar="NAME")
    person.add_argument("--org", metavar="O")
    person.add_argument("--dept", metavar="D", help="department")
    person.add_argument("--role", metavar="R")
    person.add_argument("--kind", default="other", choices=PERSON_KINDS)
    person.add_argument("--influence", type=_influence, default=0, metavar="0-3",
                        help="positional power: 0 none, 1 some, 2 senior, 3 executive")  # fmt: skip
    for flag, dest, what in (
        ("--interest", "interest", "an interest or hobby"),
        ("--expertise", "expertise", "something they know well"),
        ("--need", "need", "something they need"),
        ("--tag", "tag", "a tag"),
        ("--email", "email", "an email address"),
        ("--phone", "phone", "a phone number"),
        ("--link", "link", "a link (profile, site)"),
    ):
        person.add_argument(flag, dest=dest, action="append", default=[], metavar="X",
                            help=f"{what} (repeatable)")  # fmt: skip
    person.add_argument(
        "--cadence", type=_positive, metavar="DAYS", help="keep in touch every DAYS days"
    )
    person.add_argument(
        "--prospect", action="store_true", help="a key person not yet in your network"
    )
    person.add_argument("--met-via", metavar="TEXT", help="how you met, or who introduced you")
    person.add_argument("--notes", metavar="TEXT")
    person.add_argument("--new", action="store_true",
                        help="another person: add them even if someone with the same name and "
                             "org is already in the journal")  # fmt: skip
    person.set_defaults(run=_run_add_person)


def _add_learning_parser(things: argparse._SubParsersAction[Parser]) -> None:
    learning = things.add_parser("learning", help="add something you learnt")
    learning.add_argument("title", metavar="TITLE")
    learning.add_argument("-m", "--message", metavar="BODY", help="the learning itself (Markdown); "
                          "- reads it from standard input; left out on a terminal, your $EDITOR "
                          "opens")  # fmt: skip
    learning.add_argument("--source-kind", default="other", choices=SOURCE_KINDS)
    learning.add_argument("--source", metavar="S", help="name or author of the source")
    learning.add_argument("--url", metavar="U")
    learning.add_argument("--event", metavar="E", help="where you learnt it, e.g. a trade show")
    learning.add_argument(
        "--tag", action="append", default=[], metavar="X", help="a tag (repeatable)"
    )
    learning.add_argument("--date", default="today", help="when (default today)")
    learning.set_defaults(run=_run_add_learning)


def _add_outreach_parser(things: argparse._SubParsersAction[Parser]) -> None:
    outreach = things.add_parser("outreach", help="plan what to do next with someone")
    outreach.add_argument(
        "kind", choices=OUTREACH_KINDS, metavar="KIND", help=", ".join(OUTREACH_KINDS)
    )
    outreach.add_argument(
        "--to", nargs="+", required=True, metavar="NAME", help="who (two for introduce)"
    )
    outreach.add_argument("--learning", metavar="TITLE", help="what to share (for share)")
    outreach.add_argument(
        "--due",
        metavar="DATE",
        help="when (e.g. fri, +2w, next month); leave out or 'someday' for no date",
    )
    outreach.add_argument("--title", metavar="TEXT", help="instead of the generated title")
    outreach.add_argument(
        "--reason", metavar="TEXT", help="why (an introduction needs one: why should they meet?)"
    )
    outreach.add_argument(
        "-m", "--message", metavar="NOTE", help="a note; - reads it from standard input"
    )
    outreach.set_defaults(run=_run_add_outreach)


def _add_merge_parsers(commands: argparse._SubParsersAction[Parser]) -> None:
    duplicates = commands.add_parser(
        "duplicates", help="people who are likely one person twice, best first, with why"
    )
    duplicates.add_argument(
        "--json", action="store_true", help="print [{keep,other,reasons,score}]"
    )
    duplicates.set_defaults(run=_run_duplicates)

    merge = commands.add_parser(
        "merge", help="merge OTHER into KEEP: one person, everything that named OTHER moved",
        description="Merge two records of one person. KEEP keeps its id; a field the two fill "
        "differently keeps KEEP's value unless it is empty; emails, phones, tags, interests "
        "and notes are united. Interactions and plans that named OTHER name KEEP; OTHER is "
        "removed. One save; in the app, u right after takes it back.",
    )  # fmt: skip
    merge.add_argument("keep", metavar="KEEP", help="the person to keep (name or id)")
    merge.add_argument("other", metavar="OTHER", help="the person merged into KEEP (name or id)")
    merge.add_argument(
        "--dry-run", action="store_true", help="print what would change; write nothing"
    )
    merge.add_argument(
        "--json", action="store_true", help="print {dry_run,kept,removed,fields,moved}"
    )
    merge.set_defaults(run=_run_merge)


def _add_transfer_parsers(commands: argparse._SubParsersAction[Parser]) -> None:
    imports = commands.add_parser(
        "import", help="bring people in from vCard, LinkedIn, Google Contacts or a backup",
        description="Import people (a backup: everything). Someone already in the journal (same "
        "email, or same name and org) is updated by filling in empty fields and adding new "
        "emails and tags; nothing you wrote is overwritten.",
    )  # fmt: skip
    imports.add_argument("format", choices=("vcard", "linkedin", "google", "json", "auto"),
                         metavar="FORMAT", help="vcard, linkedin, google, json (a netjournal "
                         "backup), or auto (tell from the content)")  # fmt: skip
    imports.add_argument("file", metavar="FILE", nargs="+",
                         help="one or more files (one report, one save); - reads standard input")  # fmt: skip
    imports.add_argument(
        "--dry-run", action="store_true", help="show what would change; write nothing"
    )
    imports.add_argument("--json", action="store_true", help="print the report as a JSON object")
    imports.set_defaults(run=_run_import_file)

    exports = commands.add_parser(
        "export", help="write the journal as vCard, Markdown, iCalendar or a JSON backup"
    )
    exports.add_argument("format", choices=("vcard", "markdown", "ics", "json"), metavar="FORMAT",
                         help="vcard (people), markdown (everything, readable), ics (open "
                         "outreach), json (a full backup)")  # fmt: skip
    exports.add_argument("-o", "--output", metavar="FILE",
                         help="where to write (default: standard output); for markdown, a path "
                         "ending with / or an existing folder gets one file per person")  # fmt: skip
    exports.add_argument("--folder", action="store_true",
                         help="markdown: write a folder (-o DIR): index, people/, journal, outreach")  # fmt: skip
    exports.add_argument("--events", action="store_true",
                         help="ics: all-day events instead of to-dos (for calendars that ignore to-dos)")  # fmt: skip
    exports.set_defaults(run=_run_export)


# Each command imports its code only when it runs: `netjournal log` loads no import/export.
def _run_log_interaction(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.capture import log_interaction

    return log_interaction(store, args)


def _run_list_records(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.listing import list_records

    return list_records(store, args)


def _run_search_journal(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.listing import search_journal

    return search_journal(store, args)


def _run_who(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.ranking import who

    return who(store, args)


def _run_suggest(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.ranking import suggest

    return suggest(store, args)


def _run_review(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.review import review

    return review(store, args)


def _run_done(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.plans import done
    from netjournal.commands.text_input import from_stdin

    args.message = from_stdin(args.message)
    return done(store, args)


def _run_show(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.showing import show_record

    return show_record(store, args)


def _run_drop_outreach(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.plans import drop_outreach

    return drop_outreach(store, args)


def _run_skip(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.review import skip

    return skip(store, args)


def _run_snooze_outreach(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.plans import snooze_outreach

    return snooze_outreach(store, args)


def _run_duplicates(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.duplicates import duplicates

    return duplicates(store, args)


def _run_merge(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.duplicates import merge

    return merge(store, args)


def _run_doctor(folder: Path, args: argparse.Namespace) -> int:
    from netjournal.commands.upkeep import doctor

    return doctor(folder, args)


def _run_locate(folder: Path, args: argparse.Namespace) -> int:
    from netjournal.commands.upkeep import locate

    return locate(folder, args)


def _run_completion(folder: Path, args: argparse.Namespace) -> int:
    from netjournal.commands.completion import completion_script
    from netjournal.commands.output import show

    show(completion_script(build_parser(), args.shell).rstrip("\n"))
    return 0


def _run_manual(folder: Path, args: argparse.Namespace) -> int:
    from netjournal.commands.manual import manual_page
    from netjournal.commands.output import show

    show(manual_page(build_parser()).rstrip("\n"))
    return 0


def _run_add_person(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.capture import add_person

    return add_person(store, args)


def _run_add_learning(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.capture import add_learning

    return add_learning(store, args)


def _run_add_outreach(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.capture import add_outreach

    return add_outreach(store, args)


def _run_import_file(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.transfer import import_file

    return import_file(store, args)


def _run_export(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.transfer import export

    return export(store, args)


def _run_insights(store: Store, args: argparse.Namespace) -> int:
    from netjournal.commands.insights import insights

    return insights(store, args)


def _influence(text: str) -> int:
    if text.strip() not in ("0", "1", "2", "3"):
        raise argparse.ArgumentTypeError(
            f"influence is positional power from 0 (none) to 3 (executive), not '{text}'"
        )
    return int(text)


def _positive(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"'{text}' is not a whole number of 1 or more")
    return value


def main(argv: Sequence[str] | None = None) -> int:
    """Run one command; the exit status: 0 ok, 1 a check found problems, 2 an error."""
    # A terminal that cannot show a name gets a replacement character, never a traceback.
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(errors="replace")
    parser = build_parser()
    args = parser.parse_args(_dates_may_start_with_minus(sys.argv[1:] if argv is None else argv))
    from netjournal.core.locations import journal_folder

    folder = journal_folder(args.dir)
    try:
        if args.command is None:
            return _open_app(folder, args.demo)
        if args.demo:  # a command tried on the demo journal, never the user's own
            from netjournal.core.demo import demo_folder

            folder = demo_folder()
        if getattr(args, "raw_folder", False):
            return int(args.run(folder, args))
        from netjournal.core.store import Store

        store = Store.open(folder)
        for line in store.copies.lines() if store.copies is not None else []:
            say(line)  # conflict copies a sync engine left, merged (or kept) on opening
        try:
            with _quiet_if_asked(args):
                status = int(args.run(store, args))
        except NetjournalError as error:
            _warn_bad_records(store, leave_out=str(error))  # before the error: it ends the run
            raise
        _warn_bad_records(store)
        return status
    except NetjournalError as error:
        say(str(error))
        return int(getattr(error, "exit_status", EXIT_ERROR))  # an emptied editor text: 1
    except BrokenPipeError:  # `netjournal list people | head`: the reader had enough
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 0
    except OSError as error:
        where = f": {error.filename}" if error.filename else ""
        say(f"{error.strerror or error}{where}.")
        return EXIT_ERROR
    except KeyboardInterrupt:
        return 130


def _quiet_if_asked(args: argparse.Namespace) -> contextlib.AbstractContextManager[object]:
    """-q: the success line goes nowhere; JSON and a dry run's report were asked for, so print."""
    if getattr(args, "quiet", False) and not getattr(args, "json", False) and not getattr(
        args, "dry_run", False
    ):
        return contextlib.redirect_stdout(open(os.devnull, "w", encoding="utf-8"))
    return contextlib.nullcontext()


def _warn_bad_records(store: Store, leave_out: str = "") -> None:
    """Name the records a command left out because they cannot be read (a line each, on stderr)."""
    from netjournal.core.bad_records import warning_lines

    for line in warning_lines(store.bad_records(), leave_out):
        say(f"warning: {line}")


DATE_OPTIONS = ("--date", "--due", "--until")
_BACKWARDS = re.compile(r"-\d+\s*[a-z]*")  # "-1w", "-3d": a date, not an option


def _dates_may_start_with_minus(argv: Sequence[str]) -> list[str]:
    """`--date -1w` as `--date=-1w`: argparse would take "-1w" for an option."""
    out: list[str] = []
    words = iter(argv)
    for word in words:
        if word in DATE_OPTIONS:
            value = next(words, None)
            if value is not None and _BACKWARDS.fullmatch(value):
                out.append(f"{word}={value}")
                continue
            out.append(word)
            if value is not None:
                out.append(value)
            continue
        out.append(word)
    return out


def run() -> None:
    """The `netjournal` command: `main`, then a quick exit.

    Every save is already fsynced when its command returns, so the process skips freeing
    thousands of objects one by one at exit (a third of a short command's time).
    """
    gc.disable()  # a command lives for a fraction of a second: collecting is wasted work
    status = main()
    with contextlib.suppress(BrokenPipeError):
        sys.stdout.flush()
        sys.stderr.flush()
    os._exit(status)


def _open_app(folder: Path, demo: bool) -> int:
    try:
        from netjournal.tui.app import run_app
    except ImportError:  # a broken install must never pass for a working one
        traceback.print_exc()
        say("The app could not start: a part of it failed to load (above). Reinstall netjournal.")
        return EXIT_CRASH
    return run_app(folder, demo=demo)


if __name__ == "__main__":
    run()
