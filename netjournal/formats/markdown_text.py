"""User text made safe to put into Markdown: it reads as typed and never becomes markup.

An export is opened in a Markdown viewer (an editor's preview, GitHub, a notes app), and much
of its text came from other people's files (a vCard, a LinkedIn row). So:

- `inline` (names, titles, orgs, tags, one line) and `block` (notes, free text) escape with
  backslashes whatever Markdown or HTML would read: `<` (HTML, autolinks), `[` `]` (links,
  images), `*` `_` `~` and backticks (emphasis, code), `|` (tables), `#` (headings), `&` before
  an entity, and in `block` what starts a block at a line's start (`>`, `-`, `+`, `=`, `1.`).
  A backslash is doubled. The text renders exactly as typed.
- `body` (a learning's body, Markdown by design) keeps emphasis, lists, quotes, code spans
  and tables, but never becomes HTML, a link, an image, a heading or a code fence that would
  run to the end of the document.
- `link` writes a URL as a link only when it is http, https or mailto; anything else
  (`javascript:`, `data:`, `vbscript:`) is text.

Bare http(s) addresses in text stay as they are: viewers that link them show their target.
"""

from __future__ import annotations

import re

from netjournal.core.terminal_text import safe_for_terminal

_ALWAYS = re.compile(r"[\\`*\[\]<|~]")
_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")  # not inside a word: emphasis
_HASH = re.compile(r"(?:^|(?<=\s))#")  # a heading's opening or closing sequence
_ENTITY = re.compile(r"&(?=#?[0-9A-Za-z]+;)")
_BLOCK_START = re.compile(r"^([ \t]*)(?:([->+=])|(\d{1,9})([.)])(?=\s|$))")
_LINE_BREAKS = re.compile(r"[\r\n\v\f\x1c-\x1e\x85\u2028\u2029]+")
_BODY_ALWAYS = re.compile(r"[<\[\]]")
# After any quote or list markers: a heading (ATX or a setext underline) or a code fence.
# Possessive: a line of many markers must not make the match backtrack exponentially.
_SETEXT = re.compile(r"^[ \t]*(?=(?:=+|-+)[ \t]*$)")
_BODY_HEADING = re.compile(
    r"^(?:[ \t]*+(?:>|[-+*](?=[ \t]|$)|\d{1,9}[.)](?=[ \t]|$)))*+[ \t]*+"
    r"(?=#|(?:=+|-+)[ \t]*$|```|~~~)"
)
LINK_SCHEMES = ("http:", "https:", "mailto:")
_NOT_IN_AUTOLINK = re.compile(r"[\x00-\x20<>\x7f]")


# Terminal sequences go first, whole: escaping their brackets would leave their text behind.
def inline(text: str) -> str:
    """One line of user text, escaped: line breaks become spaces."""
    return _escape(_LINE_BREAKS.sub(" ", safe_for_terminal(text)))


def block(text: str) -> str:
    """Free text, escaped line by line, with its line breaks."""
    lines = safe_for_terminal(text).splitlines()
    return "\n".join(_escape_line_start(_escape(line)) for line in lines)


def body(text: str) -> str:
    """A learning's Markdown body without HTML, links, images, headings or code fences."""
    return "\n".join(_body_line(line) for line in safe_for_terminal(text).splitlines())


def link(url: str) -> str:
    """`url` as a Markdown autolink when it is http, https or mailto, else as text."""
    plain = url.strip()
    if plain.lower().startswith(LINK_SCHEMES) and not _NOT_IN_AUTOLINK.search(plain):
        return f"<{plain}>"
    return inline(plain)


def _escape(text: str) -> str:
    text = _ALWAYS.sub(r"\\\g<0>", text)
    text = _UNDERSCORE.sub(r"\\_", text)
    text = _HASH.sub(r"\\#", text)
    return _ENTITY.sub(r"\\&", text)


def _escape_line_start(line: str) -> str:
    found = _BLOCK_START.match(line)
    if found is None:
        return line
    if found[2]:  # a quote, a list item, a thematic break or a heading's underline
        return f"{found[1]}\\{line[len(found[1]) :]}"
    return f"{found[1]}{found[3]}\\{line[found.end(3) :]}"  # "1." would start a list


def _body_line(line: str) -> str:
    line = _unescaped(_BODY_ALWAYS, line)
    underline = _SETEXT.match(line)
    if underline is not None:  # a lone "-" or "=" run under text would make it a heading
        return f"{line[: underline.end()]}\\{line[underline.end() :]}"
    found = _BODY_HEADING.match(line)
    return line if found is None else f"{line[: found.end()]}\\{line[found.end() :]}"


def _unescaped(pattern: re.Pattern[str], line: str) -> str:
    """Escape each match of `pattern` not already escaped by an odd run of backslashes."""
    out: list[str] = []
    last = 0
    for found in pattern.finditer(line):
        start = run = found.start()
        while run > last and line[run - 1] == "\\":  # a match is no backslash: runs end there
            run -= 1
        escaped = (start - run) % 2 == 1  # "\\<" is a literal "<" already; "\\\\<" is not
        out.append(line[last:start] + ("" if escaped else "\\"))
        last = start
    out.append(line[last:])
    return "".join(out)
