"""User text made safe for the terminal where the app draws it (`core/terminal_text.py`).

Textual passes an ESC, an OSC title or a C1 control in a Content straight to the terminal
(it drops only BEL, BS, VT, FF and CR), and a journal file edited by hand may hold them.
Every widget that shows a record's text gets it through `safe_content` (or a string through
`safe_for_terminal`): the list cells, the detail panes, notifications, the palette's hits,
dialogs, the forms' first values and pasted text.
"""

from __future__ import annotations

from textual.content import Content, Span

from netjournal.core.terminal_text import safe_for_terminal, unsafe_spans

__all__ = ["safe_assemble", "safe_content", "safe_for_terminal"]

_BREAKS = "\t\n\u2028\u2029"


def safe_content(value: str | Content, *, one_line: bool = False) -> Content:
    """`value` as Content with nothing a terminal would act on; its styles stay on their text.

    A string is plain text (never markup). `one_line` turns line breaks and tabs into spaces,
    for a list's cell. Already safe Content (the usual case) is returned as it is.
    """
    if isinstance(value, str):
        return Content(safe_for_terminal(value, one_line=one_line))
    plain = value.plain
    removed = unsafe_spans(plain)
    if removed:
        value = _without(value, removed)
        plain = value.plain
    if one_line and any(char in plain for char in _BREAKS):
        # Same length, so the spans stay where they are.
        value = Content(safe_for_terminal(plain, one_line=True), list(value.spans))
    return value


def safe_assemble(*parts: str | Content | tuple[str, str]) -> Content:
    """`Content.assemble` with every part made safe first.

    Before, not after: Textual drops a BEL as it builds Content, which leaves an OSC sequence
    open, and cleaning afterwards would take the text after it too.
    """
    return Content.assemble(*(
        (safe_for_terminal(part[0]), part[1]) if isinstance(part, tuple)
        else safe_content(part) if isinstance(part, Content)
        else safe_for_terminal(part)
        for part in parts
    ))  # fmt: skip


def _without(content: Content, removed: list[tuple[int, int]]) -> Content:
    """`content` with the character ranges `removed` cut out, each span moved with its text."""
    plain = content.plain
    kept: list[str] = []
    at = 0
    for start, end in removed:
        kept.append(plain[at:start])
        at = end
    kept.append(plain[at:])

    def moved(offset: int) -> int:
        # An offset inside a removed range lands at its start: a span never covers a sequence.
        shift = 0
        for start, end in removed:
            if offset <= start:
                break
            shift += min(offset, end) - start
        return offset - shift

    spans = [
        Span(moved(span.start), moved(span.end), span.style)
        for span in content.spans
        if moved(span.end) > moved(span.start)
    ]
    return Content("".join(kept), spans)
