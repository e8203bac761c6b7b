"""Completion for comma-separated word lists: completes the word being typed after the last comma."""

from __future__ import annotations

from collections.abc import Callable

from textual.suggester import Suggester


class WordListSuggester(Suggester):
    """Suggests from values already used (interests, tags...), for the last comma-separated word."""

    def __init__(self, values: Callable[[], list[str]]) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.values = values

    async def get_suggestion(self, value: str) -> str | None:
        head, _comma, last = value.rpartition(",")
        typed = last.lstrip()
        if not typed:
            return None
        already = {part.strip().casefold() for part in head.split(",")}
        for candidate in self.values():
            folded = candidate.casefold()
            if (
                folded.startswith(typed.casefold())
                and folded not in already
                and folded != typed.casefold()
            ):
                prefix = value[: len(value) - len(typed)]
                return prefix + candidate
        return None
