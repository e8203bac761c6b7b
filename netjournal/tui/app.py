"""The netjournal app: five areas on keys 1-5, the journal loaded in the background.

The app owns the store. Screens read `app.snapshot` (set after every load and save) and ask
the app to save; every disk access runs off the event loop, one at a time.
"""

from __future__ import annotations

import asyncio
import contextlib
import importlib
import threading
from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, TypeVar

from textual import events, work
from textual.app import App
from textual.binding import Binding
from textual.notifications import SeverityLevel
from textual.reactive import var
from textual.screen import Screen
from textual.widget import AwaitMount

from netjournal.core.bad_records import BadRecord, warning_lines
from netjournal.core.clock import today
from netjournal.core.config import Config, load_config
from netjournal.core.conflict_copies import find_copies
from netjournal.core.errors import NetjournalError, SavedButUnconfirmed
from netjournal.core.finding import prepare as prepare_search
from netjournal.core.outreach_actions import DoneResult
from netjournal.core.planning import already_planned
from netjournal.core.records import Outreach
from netjournal.core.search_index import REINDEX_AFTER, LiveIndex, open_index, rebuild_index
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.tui.commands import (
    ActionCommands,
    JournalCommands,
    LearningCommands,
    PeopleCommands,
    WhoCommands,
)
from netjournal.tui.contract import JournalApp, NetjournalScreen
from netjournal.tui.idle_collector import CHECK_SECONDS, IdleCollector
from netjournal.tui.index_at_start import open_index_at_start
from netjournal.tui.keys import key_for
from netjournal.tui.keys_behind import hand_on
from netjournal.tui.last_place import NOTE_SECONDS, PlaceKeeper, place_now
from netjournal.tui.safe_text import safe_for_terminal
from netjournal.tui.screens.area import AreaScreen, styled_now
from netjournal.tui.screens.people import PeopleScreen
from netjournal.tui.themes import install_themes

if TYPE_CHECKING:  # merging imports phonenumbers: not before the first frame
    from netjournal.core.person_merge import MergePlan, MergeResult

T = TypeVar("T")
POLL_SECONDS = 1.5
# Quitting waits this long for saves in flight: more than the journal lock's 5 s timeout.
SAVE_WAIT_SECONDS = 10.0
OPEN_WAIT_STEPS = 1200  # a search result chosen while the journal loads waits up to 60 s for it
PREPARE_GAP_SECONDS = 0.05  # between two areas composed ahead
SWITCH_MASK_SECONDS = 0.005  # frames held back while an area or the palette changes
PLACE_WAIT_SECONDS = 2.0  # writing where the app was left, at quit (run_app writes it again)
# The five areas share one footer entry ("12345 Areas", ? names each): room for the rest.
AREAS = Binding.Group("Areas", compact=True)
# Imported in a worker once the journal is in (see preload_areas).
PRELOADED = ("netjournal.tui.screens.journal", "netjournal.tui.screens.outreach",
             "netjournal.tui.screens.review", "netjournal.tui.screens.network",
             "netjournal.tui.screens.log_form", "netjournal.tui.screens.timeline",
             "netjournal.tui.screens.person_form", "netjournal.tui.screens.search")  # fmt: skip
# App keys that leave the current screen (see check_action).
LEAVING_ACTIONS = frozenset(
    {"area", "capture", "search", "import_file", "export_file", "drill", "find_duplicates"}
)


# Areas other than People are imported when first opened: the first frame waits for none.
def _journal_area() -> Screen[None]:
    from netjournal.tui.screens.journal import JournalScreen

    return JournalScreen()


def _outreach_area() -> Screen[None]:
    from netjournal.tui.screens.outreach import OutreachScreen

    return OutreachScreen()


def _review_area() -> Screen[None]:
    from netjournal.tui.screens.review import ReviewScreen

    screen = ReviewScreen()
    styled_now(screen)  # as the list areas do: no second stylesheet pass on its first visits
    return screen


def _network_area() -> Screen[None]:
    from netjournal.tui.screens.network import NetworkScreen

    return NetworkScreen()


class NetjournalApp(App[None]):
    """A journal for people who network on purpose."""

    TITLE = "netjournal"
    CSS_PATH = Path(__file__).parent / "app.tcss"  # absolute, so subclasses elsewhere find it
    MODES = {
        "people": PeopleScreen,
        "journal": _journal_area,
        "outreach": _outreach_area,
        "review": _review_area,
        "network": _network_area,
    }
    BINDINGS = [
        Binding("1", "area('people')", "People", id="area.people", group=AREAS),
        Binding("2", "area('journal')", "Journal", id="area.journal", group=AREAS),
        Binding("3", "area('outreach')", "Outreach", id="area.outreach", group=AREAS),
        Binding("4", "area('review')", "Review", id="area.review", group=AREAS),
        Binding("5", "area('network')", "Network", id="area.network", group=AREAS),
        Binding("c", "capture", "Capture", id="app.capture"),
        Binding("slash", "search", "Search", id="app.search"),
        Binding("question_mark", "help", "Help", id="app.help"),
        Binding("q", "quit", "Quit", id="app.quit"),
    ]

    # Below 100 columns the detail pane goes under the list instead of beside it.
    HORIZONTAL_BREAKPOINTS = [(0, "-narrow"), (100, "-wide")]
    COMMANDS = App.COMMANDS | {PeopleCommands, LearningCommands, ActionCommands, WhoCommands,
                               JournalCommands}  # fmt: skip

    snapshot: var[JournalSnapshot | None] = var(None, init=False)
    # People and plans only, read before the rest at start: People lists it meanwhile.
    first_look: var[JournalSnapshot | None] = var(None, init=False)
    _preloaded = False
    index: LiveIndex | None = None  # the search index, once built or loaded

    def __init__(
        self,
        store: Store,
        *,
        config: Config | None = None,
        day: Callable[[], date] = today,
        place: PlaceKeeper | None = None,
    ) -> None:
        super().__init__()
        self.place = place  # where the app was left: opened at, and kept as it changes
        self.store = store
        self.config = config or Config(Path("config.toml"))
        self.today = day
        self._disk = threading.Lock()  # one store access at a time, across worker threads
        self.index_lock = threading.Lock()  # the index opened at start is set, or never (below)
        self._reported_problem = ""
        self._reported_bad: tuple[BadRecord, ...] = ()  # named once, until the set changes
        self.export_folder: Path | None = None  # where the last export went: the next goes there
        # The last plan marked done, the talk it logged, the prospects it connected: for u.
        self.last_done: DoneResult | None = None
        self.last_merge: MergeResult | None = None  # the last merge of two people: for u
        self.collector = IdleCollector()

    def on_mount(self) -> None:
        self.sub_title = safe_for_terminal(self.store.folder, one_line=True)
        install_themes(self)
        self.set_keymap(self.config.keys)
        self.switch_mode(self.place.first_area if self.place else "people")
        self.set_interval(POLL_SECONDS, self.notice_other_writers)
        self.collector.start()  # full garbage collections while idle, not during a key
        self.set_interval(CHECK_SECONDS, self.collector.check)
        if self.place is not None:
            self.watch(self, "snapshot", self._restore_place, init=False)
            self.set_interval(NOTE_SECONDS, self._note_place)

    def _restore_place(self, snapshot: JournalSnapshot | None) -> None:
        if self.place is not None:  # after the area has drawn the loaded journal
            self.call_after_refresh(self.place.restore, self, snapshot)

    def _note_place(self) -> None:
        if self.place is not None and self.place.note(place_now(self)):
            self.run_worker(self.place.write, thread=True, group="place", exit_on_error=False,
                            description="last place")  # fmt: skip

    def on_ready(self) -> None:
        # After the first frame: reading a large journal must not delay it.
        open_index_at_start(self)  # first: `/` answers from the index's cache meanwhile
        self.load_journal()

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = True,
    ) -> None:
        """Every toast, safe for the terminal: many quote a record's title or a file's name."""
        super().notify(
            safe_for_terminal(message),
            title=safe_for_terminal(title, one_line=True),
            severity=severity,
            timeout=timeout,
            markup=markup,
        )

    def on_key(self, event: events.Key) -> None:
        # Typed behind a key that opened a screen: that screen's, not lost (tui/keys_behind).
        if hand_on(self, event):
            event.prevent_default()
            event.stop()

    def on_unmount(self) -> None:
        self.collector.stop()

    async def on_event(self, event: events.Event) -> None:
        if isinstance(event, (events.Key, events.MouseDown, events.MouseScrollDown,
                              events.MouseScrollUp, events.Paste)):  # fmt: skip
            self.collector.noted_input()
        if isinstance(event, events.Paste):  # shown in a field before anything cleans it
            event.text = safe_for_terminal(event.text)
        await super().on_event(event)

    @work(thread=True, exclusive=True, group="load", exit_on_error=False)
    def load_journal(self) -> None:
        """Read the journal after the first frame: the people and plans first (People lists
        them at once, as `first_look`), then everything (`snapshot`)."""
        try:
            with self._disk:
                first = JournalSnapshot.first_look(self.store)
            first.warm()
            self.call_from_thread(setattr, self, "first_look", first)
            with self._disk:
                snapshot = JournalSnapshot.load(self.store)
            snapshot.warm(previous=first)  # what People shows, so the event loop need not
        except NetjournalError as error:
            self.call_from_thread(
                self.notify, str(error), severity="error", markup=False, timeout=30
            )
            return
        self.call_from_thread(setattr, self, "snapshot", snapshot)

    def watch_snapshot(self, snapshot: JournalSnapshot | None) -> None:
        if snapshot is not None:
            self.update_index(snapshot)
            self._name_bad_records(snapshot.bad)
            if not self._preloaded:
                self._preloaded = True
                self.preload_areas()

    @work(thread=True, group="preload", exit_on_error=False, description="areas preloaded")
    def preload_areas(self) -> None:
        """Import the other areas and the forms while the user looks at People, so that the
        first `2`-`5`, `l` or `t` pays for no import (a tenth of a second or more each)."""
        for name in PRELOADED:
            importlib.import_module(name)
        self.call_from_thread(self.run_worker, self._prepare_areas(), group="preload",
                              exit_on_error=False, description="areas composed")  # fmt: skip

    async def _prepare_areas(self) -> None:
        """Compose the areas not visited yet while the user looks at the first one, one at a
        time: their first `2`-`5` is then a switch, not a screen built (0.1-0.5 s each).
        Textual has no public call for a mode's screen made ahead; this does what its
        `_init_mode` does, less the resume (the screen is resumed when switched to)."""
        for mode, make in self.MODES.items():
            if self._exit:  # quitting: Textual's shutdown walks the stacks, add none now
                return
            if mode in self._screen_stacks or not callable(make):
                continue
            screen, mounted = self._get_screen(make())
            self._screen_stacks[mode] = [screen]
            self._load_screen_css(screen)
            await mounted
            await asyncio.sleep(PREPARE_GAP_SECONDS)  # a key typed meanwhile goes first
            if mode != self.current_mode:  # laid out at today's size: its first frame only draws
                screen._refresh_layout(self.size)
                await asyncio.sleep(PREPARE_GAP_SECONDS)

    def switch_mode(self, mode: str) -> AwaitMount:
        stack = self._screen_stacks.get(mode)
        switched = super().switch_mode(mode)
        if stack and not stack[0].is_mounted:  # composed ahead and not mounted yet: wait
            return AwaitMount(stack[0], [stack[0]])
        return switched

    def delay_update(self, delay: float = 0.05) -> None:
        # switch_mode and the palette hold frames back 50 ms to mask a change; the areas are
        # composed ahead (_prepare_areas), so a few milliseconds are enough.
        super().delay_update(min(delay, SWITCH_MASK_SECONDS))

    def _name_bad_records(self, bad: tuple[BadRecord, ...]) -> None:
        """Say which records were left out because they cannot be read (once per change)."""
        if bad == self._reported_bad:
            return
        self._reported_bad = bad
        if bad:
            message = "\n".join(warning_lines(bad))
            self.notify(message, title="Left out", severity="warning", markup=False, timeout=30)

    # A description, or Textual would repr() the whole snapshot to name the worker (seconds).
    @work(
        thread=True, exclusive=True, group="index", exit_on_error=False, description="search index"
    )
    def update_index(self, snapshot: JournalSnapshot) -> None:
        """Load or build the search index, then keep it up to the journal's records."""
        with self.index_lock:  # opened at start (index_at_start) before the journal, or never
            opened = self.index
        if opened is not None:  # before all else: a record saved is found at once
            with self._disk:  # compares only the shards the save (or a refresh) rewrote
                opened.sync(self.store)
        snapshot.warm_areas()  # what the other areas ask of a new snapshot, before the index
        records = snapshot.records()
        if self.index is None:
            self.index = open_index(self.store, records, save=self.store.exists)
        # Too much searched outside it, or a cache of files since copied: build afresh.
        if self.index.pending > REINDEX_AFTER or self.index.outdated:
            self.index = rebuild_index(self.store, records, save=self.store.exists)
        prepare_search(snapshot)

    @work(thread=True, exclusive=True, group="poll", exit_on_error=False)
    def notice_other_writers(self) -> None:
        """Pick up what another process (`netjournal log`, a second window) saved."""
        if self.snapshot is None or not self._disk.acquire(blocking=False):
            return
        try:
            # Conflict copies a sync engine left (at open, or since): merged, then said once.
            merged, self.store.copies = self.store.copies, None
            if find_copies(self.store.folder):
                merged = self.store.merge_copies()
            changed = self.store.refresh() or bool(merged and merged.merged)
            snapshot = JournalSnapshot.load(self.store) if changed else None
            for line in merged.lines() if merged else []:
                self.call_from_thread(self.notify, line, markup=False, timeout=10)
        except NetjournalError as error:
            if str(error) != self._reported_problem:  # say it once, not every poll
                self._reported_problem = str(error)
                self.call_from_thread(
                    self.notify, str(error), severity="error", markup=False, timeout=30
                )
            return
        finally:
            self._disk.release()
        self._reported_problem = ""
        if snapshot is not None:
            snapshot.warm(previous=self.snapshot)
            self.call_from_thread(setattr, self, "snapshot", snapshot)

    async def save(self, change: Callable[[Store], T]) -> T | None:
        """Run `change(store)` off the event loop; a failure is a notification and None."""

        def run() -> tuple[T, JournalSnapshot]:
            with self._disk:
                result = change(self.store)
                snapshot = JournalSnapshot.load(self.store)
                index = self.index
                if index is not None:  # what was saved is found, typos and all, on return
                    index.sync(self.store)
            snapshot.warm(previous=self.snapshot)  # what the area on screen redraws from
            return result, snapshot

        try:
            result, snapshot = await asyncio.to_thread(run)
        except NetjournalError as error:
            # Saved but not yet confirmed on disk: a retry would save it twice, so say so.
            title = "Saved" if isinstance(error, SavedButUnconfirmed) else "Not saved"
            self.notify(str(error), title=title, severity="error", markup=False, timeout=10)
            return None
        self.snapshot = snapshot
        return result

    async def finish(self, outreach: Outreach, said: str = "", channel: str = "") -> bool:
        """Mark `outreach` done (the talk is logged: `said` and `channel` when given); remembered
        so that `u` can take it back."""
        from netjournal.core.outreach_actions import joined_words, mark_done

        done = await self.save(
            lambda store: mark_done(store, outreach, self.today(), said=said, channel=channel)
        )
        if done is None:
            return False
        self.last_done = done  # what it changed, the prospects it connected included
        people = self.snapshot.people if self.snapshot else {}
        joined = joined_words([people[i].name for i in done.connected if i in people])
        undo = key_for(self, "review.undo", "outreach.undo")
        back = f" ({undo} takes it back)" if undo else ""
        self.notify(f"Done: {done.outreach.title}{joined}{back}", markup=False)
        return True

    async def take_back_done(self) -> bool:
        """`u`: undo the last done of this session: the plan is open again, its talk removed."""
        from netjournal.core.outreach_actions import take_back

        if self.last_done is None:
            undo = key_for(self, "review.undo", "outreach.undo")
            done_key = key_for(self, "review.done", "outreach.done")
            said = f"Nothing to take back: {undo} undoes the last {done_key} of this session."
            self.notify(said, markup=False)
            return False
        done = self.last_done
        back = await self.save(lambda store: take_back(store, done))
        if back is None:
            return False
        self.last_done = None
        kept = "" if back.talk_removed else "; the talk you edited since stays in the timeline"
        self.notify(f"Taken back: {back.outreach.title} is planned again{kept}.", markup=False)
        return True

    async def merge(self, plan: MergePlan) -> MergeResult | None:
        """Merge two people as `plan` says (one save); remembered so that `u` takes it back."""
        from netjournal.core.person_merge import merge_people

        merged = await self.save(lambda store: merge_people(store, plan))
        if merged is None:
            return None
        self.last_merge = merged
        from netjournal.tui.keys import KeysNow
        from netjournal.tui.screens.duplicates import DuplicatesScreen

        # Said from the merge screen: u is the key of the screens it goes back to.
        undo = KeysNow(self, also=(DuplicatesScreen, PeopleScreen)).key("duplicates.undo")
        back = f" ({undo} takes it back)" if undo else ""
        self.notify(f"{merged.sentence()}{back}", markup=False)
        return merged

    async def take_back_merge(self) -> bool:
        """`u` after a merge: both people and every record it moved, as they were before."""
        from netjournal.core.person_merge import undo_merge

        merged = self.last_merge
        if merged is None:
            self.notify("Nothing to take back: no two people were merged in this session.",
                        markup=False)  # fmt: skip
            return False
        back = await self.save(lambda store: undo_merge(store, merged))
        if back is None:
            return False
        self.last_merge = None
        self.notify(back.sentence(), markup=False)
        return True

    async def add_plan(self, plan: Outreach) -> bool:
        """Save a plan made in one key (a bring-in, a drill's gap) unless it repeats one."""
        snapshot = self.snapshot
        repeat = already_planned(plan, snapshot.outreach.values()) if snapshot else None
        if repeat is not None:
            self.notify(f"Already planned: {repeat.title}.", markup=False)
            return False
        if await self.save(lambda store: store.added(plan)) is None:
            return False
        due = plan.due.isoformat() if plan.due else "someday"
        self.notify(f"Planned: {plan.title}, due {due}.", markup=False)
        return True

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        # Capture keeps a half-typed person: keys that would leave it (from a checkbox, say)
        # are off there; escape ends capture and asks first.
        # (Under a dialog or form, a modal screen, Textual keeps the app's keys off anyway.)
        screen = self.screen
        holds = isinstance(screen, NetjournalScreen) and screen.HOLDS_TYPING
        return not (action in LEAVING_ACTIONS and holds)

    async def action_quit(self) -> None:
        """Quit, but not over a half-typed entry without asking, and never mid-save."""
        screen = self.screen
        if isinstance(screen, NetjournalScreen) and screen.unsaved_typing():
            from netjournal.tui.screens.confirm import ConfirmDialog

            async def answered(discard: bool | None) -> None:
                if discard:
                    await self._quit_after_saves()

            self.push_screen(
                ConfirmDialog("Quit and discard what you were typing?", "Discard and quit",
                              "Keep typing"), answered)  # fmt: skip
            return
        await self._quit_after_saves()

    async def _quit_after_saves(self) -> None:
        """Let a save started by the last keys (d, s, b, ...) finish, then quit."""
        saving = [w for w in self.workers if w.group == "save" and not w.is_finished]
        if saving:
            # A save stuck that long has told the user why; never trap them in the app.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(self.workers.wait_for_complete(saving), SAVE_WAIT_SECONDS)
        if self.place is not None and self.place.note(place_now(self)):
            # Where you left off, for the next start; a stuck disk does not hold the quit.
            with contextlib.suppress(TimeoutError):
                await asyncio.wait_for(asyncio.to_thread(self.place.write), PLACE_WAIT_SECONDS)
        self.exit()

    def action_area(self, name: str) -> None:
        self.switch_mode(name)

    def action_capture(self) -> None:
        """After a trade show: the event, then everyone met there, one quick entry each."""
        from netjournal.tui.screens.capture import CaptureScreen

        self.push_screen(CaptureScreen())

    def action_import_file(self) -> None:
        from netjournal.tui.screens.import_screen import ImportScreen

        self.push_screen(ImportScreen())

    def action_export_file(self) -> None:
        from netjournal.tui.screens.export_screen import ExportDialog

        self.push_screen(ExportDialog())

    def action_find_duplicates(self) -> None:
        """The palette's "Find duplicates": pairs that are likely one person, to merge."""
        from netjournal.tui.screens.duplicates import DuplicatesScreen

        self.push_screen(DuplicatesScreen())

    def action_drill(self) -> None:
        from netjournal.tui.screens.drill import DrillScreen

        self.push_screen(DrillScreen())

    def action_search(self, query: str = "") -> None:
        from netjournal.tui.screens.search import SearchScreen

        def chosen(result: tuple[str, str] | None) -> None:
            if result is not None:  # after the search screen is gone, show the record
                self.run_worker(self.open_record(*result), group="open")

        self.push_screen(SearchScreen(query), chosen)

    async def open_record(self, table: str, record_id: str) -> None:
        """Show a record in its area (an interaction opens its first person)."""
        for _ in range(OPEN_WAIT_STEPS):  # chosen from the index before the journal was in
            if self.snapshot is not None:
                break
            await asyncio.sleep(0.05)
        snapshot = self.snapshot
        if snapshot is None:
            return
        if table == "interactions":
            interaction = snapshot.interactions.get(record_id)
            people = (
                [i for i in interaction.person_ids if i in snapshot.people] if interaction else []
            )
            if not people:
                self.notify("That interaction is no longer linked to anyone.", markup=False)
                return
            await self.switch_mode("people")
            self._select(people[0])
            from netjournal.tui.screens.timeline import TimelineScreen

            await self.push_screen(TimelineScreen(snapshot.people[people[0]], record_id))
            return
        area = {"people": "people", "learnings": "journal", "outreach": "outreach"}[table]
        await self.switch_mode(area)
        self._select(record_id)

    def _select(self, record_id: str) -> None:
        screen = self.screen
        if isinstance(screen, AreaScreen):
            screen.select(record_id)

    async def show_people(self, filter_text: str) -> None:
        """Open People filtered by `filter_text` (Network's departments)."""
        await self.switch_mode("people")
        screen = self.screen
        if isinstance(screen, PeopleScreen):
            screen.filter_to(filter_text)

    def start_search(self, query: str = "") -> None:
        """Open `/` with `query` typed (the palette's "Who would you ask")."""
        self.action_search(query)

    def start_drill(self) -> None:
        """Open a drill (Network's `w`)."""
        self.action_drill()

    def action_help(self) -> None:
        from netjournal.tui.screens.help import HelpScreen

        self.push_screen(HelpScreen(self.screen))


def run_app(folder: Path, *, demo: bool = False) -> int:
    """Open the app on `folder` (or on the demo journal); the exit status."""
    if demo:
        from netjournal.core.demo import demo_folder

        folder = demo_folder()
    areas = set(NetjournalApp.MODES)
    place = PlaceKeeper.for_journal(folder, areas, demo=demo)  # read before the first frame
    app = NetjournalApp(Store.open(folder), config=load_config(), place=place)
    app.run()
    place.write()  # whatever the exit, the place noted last (the event loop has ended)
    # Textual prints a crash's traceback and sets a non-zero code: a crash never exits 0.
    return app.return_code or 0


def _keeps_the_contract(app: NetjournalApp) -> JournalApp:
    """Never called: mypy checks here that the app gives screens all that the contract says."""
    return app
