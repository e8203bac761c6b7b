"""Which records hold each word (postings), in two bytes a record: half the size on disk.

A record's number needs 17 bits at 100,000 records, so four-byte numbers waste half their
bytes. Here records are split in blocks of 65,536 and a word's postings are kept block by
block as offsets within the block (`array("H")`), ascending; `starts` says where each (word,
block) begins, word by word. Reading them back stays at C speed: `tolist` on the (mapped)
array, and `map` to add the block's first number for the blocks after the first.
"""

from __future__ import annotations

import bisect
from array import array
from collections.abc import Iterable, Iterator, Sequence
from typing import Any

BLOCK_BITS = 16
BLOCK = 1 << BLOCK_BITS


def blocks_for(records: int) -> int:
    """How many blocks `records` numbers take (at least one)."""
    return max(1, (records + BLOCK - 1) >> BLOCK_BITS)


class Postings:
    """Postings of every word: `values` (offsets, "H") and `starts` (per word and block)."""

    def __init__(self, values: Any, starts: Any, blocks: int) -> None:
        self.values = values  # an array("H") or a mapped memoryview of one
        self.starts = starts
        self.blocks = blocks

    @classmethod
    def invert(cls, docs: array, doc_starts: array, words: int) -> Postings:
        """The postings of a forward index: record `d` holds `docs[doc_starts[d]:doc_starts[d+1]]`."""
        records = len(doc_starts) - 1
        blocks = blocks_for(records)
        per_block: list[list[array]] = []
        for block in range(blocks):  # one block at a time: the inner loop only appends
            buckets = [array("H") for _ in range(words)]
            appends = [bucket.append for bucket in buckets]
            first = block << BLOCK_BITS
            for doc in range(first, min(first + BLOCK, records)):
                offset = doc - first
                for word in docs[doc_starts[doc] : doc_starts[doc + 1]]:
                    appends[word](offset)
            per_block.append(buckets)
        values = array("H")
        bounds = [0]
        for word in range(words):
            for buckets in per_block:
                values.extend(buckets[word])
                bounds.append(len(values))
        starts = array("I" if len(values) < 1 << 32 else "Q", bounds)
        return cls(values, starts, blocks)

    def count(self, word: int) -> int:
        """How many records hold `word`."""
        at = word * self.blocks
        return int(self.starts[at + self.blocks] - self.starts[at])

    def cost(self, words: Iterable[int]) -> int:
        """How many postings `words` have together (what merging them costs)."""
        return sum(self.count(word) for word in words)

    def docs(self, words: Iterable[int], upto: int | None = None) -> set[int]:
        """The records holding any of `words` (only those numbered below `upto`, if given)."""
        return self.all_of([words], upto)

    def all_of(self, terms: Sequence[Iterable[int]], upto: int | None = None) -> set[int]:
        """The records holding, for each term, one of its words (numbered below `upto`)."""
        found: set[int] = set()
        for block in self.each_block(terms, upto):
            found.update(block)
        return found

    def each_block(
        self, terms: Sequence[Iterable[int]], upto: int | None = None
    ) -> Iterator[set[int]]:
        """`all_of`, a block at a time, the lowest numbers (the newest records) first: a caller
        that needs the first few hundred of a one-letter prefix's records stops early."""
        listed = [list(words) for words in terms]
        for block in range(self.blocks):
            first = block << BLOCK_BITS
            if upto is not None and first >= upto:
                break
            common = self._block(listed[0], block, upto)
            for words in listed[1:]:
                if not common:
                    break
                common &= self._block(words, block, upto)
            # Offsets become numbers only now, for the (smaller) intersection.
            yield set(map(first.__add__, common)) if first else common

    def _block(self, words: list[int], block: int, upto: int | None) -> set[int]:
        """Offsets in `block` of the records holding any of `words`."""
        values, starts, blocks = self.values, self.starts, self.blocks
        offsets: set[int] = set()
        limit = None if upto is None else upto - (block << BLOCK_BITS)
        for word in words:
            low, high = starts[word * blocks + block], starts[word * blocks + block + 1]
            if low == high:
                continue
            if limit is not None and limit < BLOCK:
                high = bisect.bisect_left(values, limit, low, high)
            offsets.update(values[low:high].tolist())  # C speed on a mapped view
        return offsets
