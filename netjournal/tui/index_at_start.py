"""The search index opened from its cache at start, beside the journal's load.

At 100,000 notes the journal takes seconds to load and the index's cache a tenth of a second
to open. Opened on a store of its own (it only reads), the index lets `/` answer before the
journal is in, reading only the shards of its hits as `netjournal search` does; once the
journal is loaded, the app's `update_index` brings this same index up to it and keeps it.
"""

from __future__ import annotations

import contextlib
from functools import partial
from typing import TYPE_CHECKING

from netjournal.core.errors import NetjournalError
from netjournal.core.search_index import open_cached
from netjournal.core.store import Store

if TYPE_CHECKING:
    from netjournal.tui.app import NetjournalApp


def open_index_at_start(app: NetjournalApp) -> None:
    """Open the cached index in a worker (nothing happens without a cache)."""
    app.run_worker(partial(_open, app), thread=True, group="index-at-start",
                   exit_on_error=False, description="search index from its cache")  # fmt: skip


def _open(app: NetjournalApp) -> None:
    index = None
    with contextlib.suppress(NetjournalError, OSError):  # the journal's load names any problem
        index = open_cached(Store(app.store.folder))  # a store of its own: it only reads
    if index is None:
        return
    with app.index_lock:  # update_index takes this index up, or it came first and this is dropped
        if app.index is not None or app.snapshot is not None:
            return
        app.index = index
    index.warm()
