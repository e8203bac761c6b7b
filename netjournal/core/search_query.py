"""What a search query asks for: words, and filters `p:` `j:` `o:` `i:` and `@tag`.

`p:ann` (or `p: ann`) searches people only, `j:` the journal of learnings, `o:` outreach,
`i:` interactions; several may be combined. `@logimat` keeps records tagged with a tag
starting so (people and learnings carry tags).
"""

from __future__ import annotations

from dataclasses import dataclass

from netjournal.core.names import fold
from netjournal.core.records import Record
from netjournal.core.search import TYPE_NAMES

TYPE_FILTERS = {"p": "person", "j": "learning", "o": "outreach", "i": "interaction"}


@dataclass(frozen=True)
class SearchQuery:
    """A parsed query: the words to find, the kinds of record (`person`...) and tag starts."""

    words: str
    types: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()

    def wants(self, record: Record) -> bool:
        """Whether `record` is of a kind the type filters ask for (any, when there are none)."""
        return not self.types or TYPE_NAMES[record.TABLE] in self.types

    def keeps(self, record: Record) -> bool:
        """Whether `record` passes the tag filters (types are left to the index)."""
        if not self.tags:
            return True
        tags = [fold(tag) for tag in getattr(record, "tags", ())]
        return all(any(tag.startswith(wanted) for tag in tags) for wanted in self.tags)


def parse_query(text: str) -> SearchQuery:
    """Split `text` into the words to find and the filters."""
    words: list[str] = []
    types: list[str] = []
    tags: list[str] = []
    for part in text.split(" "):
        prefix, colon, rest = part.partition(":")
        if colon and prefix.lower() in TYPE_FILTERS:
            types.append(TYPE_FILTERS[prefix.lower()])
            part = rest
        if part.startswith("@") and len(part) > 1:
            tags.append(fold(part[1:]))
            continue
        words.append(part)
    # Keep a trailing space: it says the last word is complete (no longer a prefix).
    return SearchQuery(" ".join(words), tuple(dict.fromkeys(types)), tuple(tags))
