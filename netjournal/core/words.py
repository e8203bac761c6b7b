"""Counting in words: "1 person", "3 people", never "1 person(s)"."""

from __future__ import annotations


def count_of(count: int, one: str, many: str = "") -> str:
    """`count` and the noun that goes with it ("many" defaults to `one` + "s")."""
    return f"{count} {one if count == 1 else (many or one + 's')}"
