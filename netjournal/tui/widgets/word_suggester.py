"""Completion for comma-separated word lists: completes the word being typed after the last comma."""

from __future__ import annotations

from collections.abc import Callable

from textual.suggester import Suggester

from netjournal.core.terminal_text import safe_for_terminal


class WordListSuggester(Suggester):
    """Suggests from values already used (interests, tags...), for the last comma-separated word.

    With `single=True` the whole value is completed (an event's or a learning's name may hold
    commas of its own).
    """

    def __init__(self, values: Callable[[], list[str]], single: bool = False) -> None:
        super().__init__(use_cache=False, case_sensitive=True)
        self.values = values
        self.single = single

    async def get_suggestion(self, value: str) -> str | None:
        found = await self._suggestion(value)
        # The values come from records, which may have been edited by hand: the field draws it.
        return safe_for_terminal(found, one_line=True) if found is not None else None

    async def _suggestion(self, value: str) -> str | None:
        if self.single:
            typed = value.lstrip().casefold()
            if not typed:
                return None
            found = next((c for c in self.values() if c.casefold().startswith(typed)), None)
            return value[: len(value) - len(value.lstrip())] + found if found else None
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
