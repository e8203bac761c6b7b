"""The command palette (ctrl+p): go to any person or learning by name, and run any action.

Hits are built as Content from plain strings with the matched letters styled by offset;
Textual's `matcher.highlight` parses markup, so it is never used on user text. A hit's text is
made safe for the terminal (`tui/safe_text.py`): a name edited by hand may hold escapes.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content

from netjournal.core.names import Candidate, fold, fold_same_length, learning_candidates, rank
from netjournal.core.word_rules import is_typo_of
from netjournal.tui.contract import JournalApp, journal_app
from netjournal.tui.keys import KeysNow, actions_now, key_text
from netjournal.tui.safe_text import safe_content, safe_for_terminal

MAX_HITS = 20
_WORD = re.compile(r"[^\W_]+")  # a word of folded text: letters and digits


def highlighted(text: str, query: str) -> Content:
    """`text` as Content, each typed word underlined where a word of the text starts with it,
    and each word of the text it stands for with a typo ("fischr" marks "Fischer": the search
    found it so, and the row shows why).

    Offsets come from the folded text (accents off, lower case), so "jurgen" marks "Jürgen";
    the text itself is never parsed as markup, and is made safe for the terminal first.
    """
    text = safe_for_terminal(text, one_line=True)
    content = Content(text)
    folded = fold_same_length(text)
    typed = fold(query).split()
    if folded is None or not typed:
        return content
    for found in _WORD.finditer(folded):
        word, at = found.group(), found.start()
        for wanted in typed:
            if word.startswith(wanted):
                content = content.stylize("bold underline", at, at + len(wanted))
                break
            if is_typo_of(wanted, word):
                content = content.stylize("bold underline", at, found.end())
                break
    return content


def action_score(text: str, query: str) -> float:
    """An action's palette score on the people's 0-1 scale (Textual's matcher has none): high
    when each typed word starts a word of its name, low when its letters merely occur in order,
    so "ann" goes to Ann Lee, not to "Capture after an event"."""
    words = fold(text).split()
    starts = all(any(w.startswith(typed) for w in words) for typed in fold(query).split())
    return 0.95 if starts else 0.4


class _RecordProvider(Provider):
    """Hits for one kind of record, ranked with rapidfuzz over their names."""

    TABLE = ""
    LABEL = ""

    @property
    def nj(self) -> JournalApp:
        return journal_app(self.app)

    def candidates(self) -> list[Candidate]:
        raise NotImplementedError

    def _named(self) -> tuple[list[Candidate], list[str]]:
        """The candidates and their folded names, made once per journal snapshot (a keystroke
        would otherwise fold 10,000 names)."""
        snapshot = self.nj.snapshot
        if snapshot is None:
            return [], []
        key = f"palette.{self.TABLE}"
        kept = snapshot.memo.get(key)
        if not isinstance(kept, tuple):
            candidates = self.candidates()
            kept = snapshot.memo[key] = (candidates, [fold(c.name) for c in candidates])
        return kept

    async def search(self, query: str) -> Hits:
        if not fold(query):
            return
        candidates, folded = self._named()
        for candidate, score in rank(query, candidates, limit=MAX_HITS, folded=folded):
            display = Content.assemble(
                (f"{self.LABEL:<9}", "dim"), highlighted(candidate.name, query),
                (f"  {candidate.hint}" if candidate.hint else "", "dim"),
            )  # fmt: skip
            yield Hit(
                score / 100,
                safe_content(display, one_line=True),
                partial(self.nj.open_record, self.TABLE, candidate.id),
                text=safe_for_terminal(candidate.name, one_line=True),
                help=f"Open this {self.LABEL.lower()}",
            )


class PeopleCommands(_RecordProvider):
    TABLE = "people"
    LABEL = "Person"

    def candidates(self) -> list[Candidate]:
        snapshot = self.nj.snapshot
        if snapshot is None:
            return []
        return [Candidate(p.id, p.name, " · ".join(x for x in (p.role, p.org) if x))
                for p in snapshot.people.values()]  # fmt: skip


class LearningCommands(_RecordProvider):
    TABLE = "learnings"
    LABEL = "Learning"

    def candidates(self) -> list[Candidate]:
        snapshot = self.nj.snapshot
        if snapshot is None:
            return []
        return learning_candidates(snapshot.learnings.values())


class ActionCommands(Provider):
    """Every key binding of the screen underneath, and the app's own, as palette commands."""

    def _actions(self) -> Iterable[tuple[str, str, Callable[[], object]]]:
        """(description, keys now, run) for the screen's and the app's keys active now."""
        screen = self.screen
        seen: set[str] = set()
        for entry in actions_now(screen):
            # A list's own keys (up, first, ...) move a cursor: no use as a command.
            if entry.node not in (screen, self.app) or not entry.enabled:
                continue
            if entry.description in seen:
                continue
            seen.add(entry.description)
            run = partial(self.app.run_action, entry.action, entry.node)
            yield entry.description, "/".join(entry.keys), run

    async def discover(self) -> Hits:
        for description, key, run in self._actions():
            yield DiscoveryHit(Content(description), run, text=description, help=f"key: {key}")

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for description, key, run in self._actions():
            score = matcher.match(description)
            if score > 0:
                yield Hit(
                    action_score(description, query),
                    highlighted(description, query),
                    run,
                    text=description,
                    help=f"key: {key}",
                )


class WhoCommands(Provider):
    """ "Who would you ask about …?": opens search with the topic, people ranked with reasons."""

    async def search(self, query: str) -> Hits:
        topic = query.strip()
        if len(topic) < 3:
            return
        prompt = f"Who would you ask about {topic}?"
        yield Hit(0.5, safe_content(Content.assemble(("Ask      ", "dim"), prompt), one_line=True),
                  partial(self._ask, topic), text=safe_for_terminal(prompt, one_line=True),
                  help="People ranked by their expertise, role, interests and conversations")  # fmt: skip

    async def discover(self) -> Hits:
        title = key_text(self.screen, "Who would you ask about …? ({app.search} then ?topic)")
        yield DiscoveryHit(Content(title), partial(self._ask, ""),
                           text="Who would you ask", help="Rank people for a topic")  # fmt: skip

    def _ask(self, topic: str) -> None:
        journal_app(self.app).start_search(f"?{topic}")


class JournalCommands(Provider):
    """Things done now and then, found by name: import, export, capture, a drill, duplicates."""

    COMMANDS = (
        ("Import...", "People from vCard, LinkedIn, Google Contacts, or a netjournal backup",
         "import_file"),
        ("Export...", "The journal as vCard, Markdown, iCalendar or a JSON backup", "export_file"),
        ("Capture after an event", "An event, then everyone you met there (key: {app.capture})",
         "capture"),
        ("Who would you ask? drill", "Questions from your own topics, answered from your network",
         "drill"),
        ("Find duplicates", "People who are likely one person twice: merge them side by side",
         "find_duplicates"),
    )  # fmt: skip

    async def discover(self) -> Hits:
        keys = KeysNow(self.screen)
        for title, help_text, action in self.COMMANDS:
            yield DiscoveryHit(Content(title), partial(self.app.run_action, action),
                               text=title, help=keys.text(help_text))  # fmt: skip

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        keys = KeysNow(self.screen)
        for title, help_text, action in self.COMMANDS:
            score = matcher.match(title)
            if score > 0:
                yield Hit(action_score(title, query), highlighted(title, query),
                          partial(self.app.run_action, action),
                          text=title, help=keys.text(help_text))  # fmt: skip
