"""The one contract between the screens and the app.

Screens see the app as `JournalApp`: the journal as last read (`snapshot`), the search
index, the config, the day, and the few things the app does for every screen (save, finish
a plan, take it back, plan, merge two people, open a record). mypy checks that `NetjournalApp` satisfies it.
The app sees a screen only through what `NetjournalScreen` declares (does it hold typing that
the app's keys must not lose?) and an area's `select`: never an ability looked up by name.

    screen ──(nj: JournalApp)──> app ──(Store, core functions)──> journal folder
      ^                           |
      └──── snapshot (watched) ───┘
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, ClassVar, Protocol, TypeVar, cast

from textual import events, on
from textual.screen import ModalScreen, Screen

from netjournal.tui.keys_behind import note_passing, type_handed_on

if TYPE_CHECKING:
    from textual.app import App

    from netjournal.core.config import Config
    from netjournal.core.outreach_actions import DoneResult
    from netjournal.core.person_merge import MergePlan, MergeResult
    from netjournal.core.records import Outreach
    from netjournal.core.search_index import LiveIndex
    from netjournal.core.snapshot import JournalSnapshot
    from netjournal.core.store import Store

T = TypeVar("T")
ResultT = TypeVar("ResultT")


class JournalApp(Protocol):
    """What a screen, dialog or palette provider may ask of the app."""

    store: Store
    config: Config
    index: LiveIndex | None
    export_folder: Path | None
    today: Callable[[], date]

    @property
    def snapshot(self) -> JournalSnapshot | None:
        """The journal as last loaded or saved; None until the first load."""

    @property
    def first_look(self) -> JournalSnapshot | None:
        """People and plans only, read first at start (`complete` False); None before."""

    @property
    def last_done(self) -> DoneResult | None:
        """The last plan marked done in this session, for `u`."""

    async def save(self, change: Callable[[Store], T]) -> T | None:
        """Run `change(store)` off the event loop; a failure is a notification and None."""

    async def finish(self, outreach: Outreach, said: str = "", channel: str = "") -> bool:
        """Mark a plan done (its talk logged: `said` and `channel` when given, see `mark_done`),
        remembered so that `u` can take it back."""

    async def take_back_done(self) -> bool:
        """`u`: the last done of this session, undone."""

    @property
    def last_merge(self) -> MergeResult | None:
        """The last merge of two people in this session, for `u`."""

    async def merge(self, plan: MergePlan) -> MergeResult | None:
        """Merge two people as `plan` says (one save), remembered so that `u` takes it back."""

    async def take_back_merge(self) -> bool:
        """`u` after a merge: the two people as they were before it."""

    async def add_plan(self, plan: Outreach) -> bool:
        """Save a plan made in one key unless it repeats one."""

    async def open_record(self, table: str, record_id: str) -> None:
        """Show a record in its area."""

    async def show_people(self, filter_text: str) -> None:
        """Open People filtered by `filter_text` (e.g. a department from Network)."""

    def start_search(self, query: str = "") -> None:
        """Open `/` with `query` typed."""

    def start_drill(self) -> None:
        """Open a "who would you ask?" drill."""


def journal_app(app: App[object]) -> JournalApp:
    """The running app as the contract (the one place it is cast)."""
    return cast("JournalApp", app)


class NetjournalScreen(Screen[ResultT]):
    """A netjournal screen: reaches the app through `nj`, tells it whether it holds typing."""

    # True where the app's keys that leave the screen (1-5, c, /) must not lose what is typed.
    HOLDS_TYPING: ClassVar[bool] = False

    @property
    def nj(self) -> JournalApp:
        return journal_app(self.app)

    def unsaved_typing(self) -> bool:
        """Whether leaving now would lose something the user typed (quit asks first)."""
        return False

    _resumed = False  # shown at least once

    @on(events.ScreenResume)
    def _styled_at_mount(self, event: events.ScreenResume) -> None:
        """First shown: its widgets were styled when mounted (a theme changed since would
        restyle it anyway), so Textual's restyling of every widget is skipped: a third of
        opening a form. Later resumes restyle as Textual does."""
        if not self._resumed:
            self._resumed = True
            event.refresh_styles = False

    @on(events.Key)
    def _keys_typed_behind(self, event: events.Key) -> None:
        """Note the key on its way up; type it here if the app handed it on (tui/keys_behind)."""
        type_handed_on(self, event)
        note_passing(self, event)


class NetjournalModal(NetjournalScreen[ResultT], ModalScreen[ResultT]):
    """A netjournal dialog or form: a modal screen with the same contract."""
