"""Errors the user can act on. Each message is one plain sentence."""

from __future__ import annotations


class NetjournalError(Exception):
    """Base of every error that is shown to the user as a sentence, never as a traceback."""

    field: str = ""  # the form field at fault, where there is one: a form takes the user there


class RecordError(NetjournalError, ValueError):
    """A record's fields are invalid (empty name, unknown kind, impossible date...).

    `field` names the field at fault, when there is one, so a form can take the user there.
    """

    def __init__(self, message: str, field: str = "") -> None:
        super().__init__(message)
        self.field = field


class DateError(RecordError):
    """A date the user typed could not be understood."""


class JournalError(NetjournalError):
    """The journal cannot be opened or written (damaged file, newer schema, no permission)."""


class SavedButUnconfirmed(JournalError):
    """The change is in the journal, but the disk reported an error after it was (a screen must
    not title this "Not saved": retrying would save it twice)."""


class JournalBusy(JournalError):
    """Another process held the journal's lock for longer than we were willing to wait."""


class NotFound(NetjournalError, LookupError):
    """No record matches what the user asked for."""


class Ambiguous(NetjournalError):
    """Several records match equally well; we never guess."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates
