"""A vCard's logical lines (folded lines joined, quoted-printable soft breaks kept), in linear time.

The same lines, with the same numbers, as vobject's `getLogicalLines(fp, allowQP=True)`. That
one joins the line so far and searches it for "quoted-printable" after every physical line,
so a value of many soft line breaks (`=` at the end of a line) took quadratic time: a 1.2 MB
card, minutes. Here the search looks only at what each physical line adds.
"""

from __future__ import annotations

from collections.abc import Iterator

_MARK = "quoted-printable"
_FOLD = " \t"


def logical_lines(text: str) -> Iterator[tuple[str, int]]:
    """Each logical line of `text` and the number vobject gives it (its first physical line)."""
    parts: list[str] = []  # the logical line so far, every part non-empty
    tail = ""  # its last characters, to find the mark across the joint with the next part
    marked = False  # the mark occurs in the logical line so far
    soft_break = False  # the previous physical line ended a quoted-printable value with "="
    start = 0
    lines = text.split("\n")
    if lines and lines[-1] == "":  # the end of the last line, not a blank line
        lines.pop()
    for number, raw in enumerate(lines, 1):
        line = raw.rstrip("\r\n")
        if not line.strip():  # a blank line ends the logical line
            if parts:
                yield "".join(parts), start
            start, parts, tail, marked, soft_break = number, [], "", False, False
            continue
        if soft_break:
            added = ["\n", line]
            soft_break = False
        elif line[0] in _FOLD:
            added = [line[1:]]
        else:
            if parts:
                yield "".join(parts), start
                start = number  # vobject numbers a line after a non-blank one only
            parts, tail, marked = [], "", False
            added = [line]
        parts += added
        joint = tail + "".join(added)
        marked = marked or _MARK in joint.lower()
        tail = joint[-(len(_MARK) - 1) :]
        soft_break = parts[-1].endswith("=") and marked
    if parts:
        yield "".join(parts), start
