"""Building the search cache in a process of its own, so that `netjournal search` answers first.

Without a cache, `search` indexes a small journal at once (a fraction of a second); a large
one is scanned (about a second at 100,000 notes) and its cache built by a detached process
(seconds), so the next search, in the shell or the app, reads the cache.
"""

from __future__ import annotations

import contextlib
import subprocess
import sys
from collections.abc import Sequence
from pathlib import Path

from netjournal.core.errors import NetjournalError
from netjournal.core.records import Record
from netjournal.core.search_index import (
    LiveIndex,
    SearchIndex,
    cache_path,
    open_cached,
    rebuild_index,
)
from netjournal.core.store import Store

BACKGROUND_FROM = 5_000  # records: below this the cache is built at once (a fraction of a second)


def index_at_once(store: Store, records: Sequence[Record]) -> LiveIndex | None:
    """The index of a small journal, built now (and cached); None for a large one."""
    if len(records) >= BACKGROUND_FROM:
        return None
    return rebuild_index(store, records, save=store.exists)


def build_in_background(store: Store, *, afresh: bool = False) -> None:
    """Start a detached process that builds the search cache of `store` (a large journal);
    with `afresh`, also over a cache that exists (one whose shard files all changed)."""
    if not store.exists:
        return  # a cache never creates a journal
    with contextlib.suppress(OSError):  # no cache only costs time: the next search scans again
        command = [sys.executable, "-m", "netjournal.core.background_index", str(store.folder)]
        subprocess.Popen(
            [*command, "--afresh"] if afresh else command,
            stdin=subprocess.DEVNULL,
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
            start_new_session=True,  # outlives the command; a ^C in the shell does not reach it
        )


def build(folder: Path, *, afresh: bool = False) -> None:
    """Build the cache of the journal at `folder` unless another process has meanwhile (with
    `afresh`: unless the cache's shard files are those on disk now)."""
    store = Store.open(folder)
    if afresh:
        opened = open_cached(store)
        if opened is not None and not opened.outdated:
            return
    elif SearchIndex.load(cache_path(store)) is not None:
        return
    tables = store.everything()
    rebuild_index(store, [record for table in tables.values() for record in table])


if __name__ == "__main__":
    with contextlib.suppress(NetjournalError, OSError):
        build(Path(sys.argv[1]), afresh="--afresh" in sys.argv[2:])
