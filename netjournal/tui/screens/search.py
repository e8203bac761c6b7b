"""`/`: search everything as you type; enter jumps to the record."""

from __future__ import annotations

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import Header, Input, Static
from textual.worker import Worker, get_current_worker

from netjournal.core.finding import SHOWN, find, find_reading, people_to_ask, record_of
from netjournal.core.search import SearchHit, snippet_of
from netjournal.core.search_query import parse_query
from netjournal.core.who import nobody_knows, topic_words
from netjournal.core.words import count_of
from netjournal.tui.commands import highlighted
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.safe_text import safe_content
from netjournal.tui.widgets.key_footer import KeyFooter
from netjournal.tui.widgets.record_table import Column, LazyRows, RecordTable, Row
from netjournal.tui.widgets.typed_input import TypedInput

EARLY = 40  # results listed while the journal loads: each may need a shard file read
TABLE_OF_TYPE = {"person": "people", "learning": "learnings", "interaction": "interactions",
                 "outreach": "outreach"}  # fmt: skip


class SearchScreen(NetjournalScreen[tuple[str, str] | None]):
    """Dismissed with (table, record id) of the chosen result, or None."""

    BINDINGS = [
        Binding("escape", "close", "Close", id="search.close"),
        Binding("down", "results", "Results", show=False, id="search.results"),
        # In the results, `/` goes back to the query (not a second search on top of this one).
        Binding("slash", "query", "Query", show=False, id="search.query"),
    ]

    def __init__(self, query: str = "") -> None:
        super().__init__()
        self._query = query  # what to start with, e.g. "?pricing" from the palette
        self._hits: dict[str, SearchHit] = {}
        self._early = False  # the results shown came before the journal was in
        self._wanted: str | None = None  # searched for when the running search ends
        self._searching = False
        self.shown_query: str | None = None  # the query whose results are listed

    def compose(self) -> ComposeResult:
        yield Header()
        yield TypedInput(
            placeholder="Search people, learnings, interactions, outreach…",
            id="query",
            compact=True,
        )
        yield Static(Content("Type to search; words match in any order. Filters: p: people, "
                             "j: journal, o: outreach, i: interactions, @tag. Start with ? to ask "
                             "who knows about a topic. Enter opens the result."), id="search-status")  # fmt: skip
        yield RecordTable(
            (
                Column("Type", width=11),
                Column("Title", weight=1.0),
                Column("Where it matched", weight=1.6),
            ),
            id="results",
        )
        yield KeyFooter()

    def on_mount(self) -> None:
        self.sub_title = "Search"
        box = self.query_one("#query", Input)
        box.focus()
        if self._query:
            box.value = self._query
            box.cursor_position = len(self._query)
        self.watch(self.app, "snapshot", self._journal_in, init=False)

    def _journal_in(self) -> None:
        if self._early:  # the journal is in: all the results now, with their dates and people
            self._ask(self.query_one("#query", Input).value)

    def on_input_changed(self, event: Input.Changed) -> None:
        self._ask(event.value)

    def _ask(self, query: str) -> None:
        """Search for `query` now, or as soon as the running search ends, the newest query
        only: a `?topic` ranking takes longer than a keystroke, and stacked threads would
        each slow the others down."""
        self._wanted = query
        if not self._searching:
            self._next()

    def _next(self) -> None:
        query, self._wanted = self._wanted, None
        if query is not None:
            self._searching = True
            self.run_search(query)

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        if event.worker.group == "search" and event.worker.is_finished:
            self._searching = False
            self._next()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        table = self.query_one("#results", RecordTable)
        if table.current_key:
            self.open(table.current_key)

    @work(thread=True, exclusive=True, group="search", exit_on_error=False)
    def run_search(self, query: str) -> None:
        """Search off the event loop; a newer keystroke cancels this one.

        A query starting with `?` asks who would know about the rest ("?supplier risk").
        """
        snapshot, index = self.nj.snapshot, self.nj.index
        self._early = snapshot is None
        if snapshot is None and index is not None and not query.startswith("?"):
            hits = find_reading(query, index, index.read, limit=EARLY)  # the journal loading
        elif snapshot is None:
            hits = []
        elif query.startswith("?"):
            hits = people_to_ask(snapshot, query[1:], index)
        else:
            hits = find(snapshot, query, index, snippets=False)  # made as rows are drawn
        if get_current_worker().is_cancelled:
            return
        self.app.call_from_thread(self.show_hits, query, hits)

    def show_hits(self, query: str, hits: list[SearchHit]) -> None:
        self._hits = {hit.id: hit for hit in hits}
        words = query[1:] if query.startswith("?") else parse_query(query).words

        def row(hit: SearchHit) -> Row:
            snippet = hit.snippet or self._snippet(hit, words)
            return Row(
                hit.id,
                (hit.type, highlighted(self._title(hit), words), highlighted(snippet, words)),
            )

        # Rows are made as they are drawn: a keystroke highlights the screenful, not 200.
        # A new query's best result is selected (a new list, not a filter); the same query
        # listed again (the journal is in) keeps the row the user moved to.
        table = self.query_one("#results", RecordTable)
        best = hits[0].id if hits and query != self.shown_query else None
        table.set_rows(LazyRows(hits, row, _hit_id), keep=best)
        self.shown_query = query
        status = (
            count_of(len(hits), "result") + (f" (first {SHOWN})" if len(hits) == SHOWN else "")
            if query.strip() else "Type to search."
        )  # fmt: skip
        if query.strip() and not hits:
            status = "Nothing matches. Try fewer or shorter words."
        if query.strip() and self.nj.index is None:  # the first index of a journal: seconds
            status += " The search index is being built: every record is read meanwhile (slower)."
        elif query.strip() and self.nj.snapshot is None:  # found by the index alone
            status += f" The journal is still loading: the first {EARLY} meanwhile."
        if query.startswith("?"):
            topic = query[1:].strip()
            if hits:
                status = f"Who would you ask about '{topic}'? Best first, with the reasons."
            elif topic_words(topic):  # a topic, and nobody for it
                status = nobody_knows(topic)
            else:
                status = "Type a topic after ?, e.g. ?supplier risk: people ranked by what they know."
        self.query_one("#search-status", Static).update(safe_content(status))

    def _snippet(self, hit: SearchHit, words: str) -> str:
        snapshot = self.nj.snapshot
        record = record_of(snapshot, hit.id) if snapshot else None
        return snippet_of(record, words) if record else ""

    def _title(self, hit: SearchHit) -> str:
        """Interactions are told apart by their date and people, not only their summary."""
        snapshot = self.nj.snapshot
        interaction = (
            snapshot.interactions.get(hit.id) if snapshot and hit.type == "interaction" else None
        )
        if interaction is None or snapshot is None:
            return hit.title
        return (
            f"{interaction.date.isoformat()} {snapshot.names(interaction.person_ids)}: {hit.title}"
        )

    def on_record_table_opened(self, event: RecordTable.Opened) -> None:
        self.open(event.key)

    def open(self, key: str) -> None:
        hit = self._hits.get(key)
        if hit is None:
            return
        self.dismiss((TABLE_OF_TYPE[hit.type], hit.id))

    def action_query(self) -> None:
        self.query_one("#query", Input).focus()

    def action_results(self) -> None:
        self.query_one("#results", RecordTable).focus()

    def action_close(self) -> None:
        self.dismiss(None)


def _hit_id(hit: SearchHit) -> str:
    return hit.id
