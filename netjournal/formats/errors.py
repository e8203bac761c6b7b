"""Errors of reading and writing other tools' files. Each message is one plain sentence."""

from __future__ import annotations

from netjournal.core.errors import NetjournalError


class FormatError(NetjournalError):
    """A file cannot be imported or written as asked (missing, empty, binary, wrong format)."""
