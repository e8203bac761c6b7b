"""The four records of a journal: Person, Interaction, Learning, Outreach.

Records are immutable values. `Person.create(...)` cleans and validates a new one, `p.edit(...)`
makes a changed copy (validated again), `to_dict` / `from_dict` convert to and from the stored
JSON. `from_dict` checks the type and range of every field it reads (files are edited by hand,
merged by git, written by other versions) but does not clean text again, because it runs for
every record at load; `problems()` re-checks a stored record fully for `netjournal doctor`.
Fields a version does not know are kept in `extra` and written back unchanged.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import date
from types import MappingProxyType
from typing import Any, ClassVar, Self

from netjournal.core.clock import new_id, now_stamp
from netjournal.core.errors import RecordError
from netjournal.core.fields import FieldKinds, check_choice

PERSON_KINDS = ("internal", "customer", "supplier", "expert", "journalist", "other")
PERSON_STATUSES = ("connected", "prospect")
INFLUENCE_LEVELS = {0: "none", 1: "some", 2: "senior", 3: "executive"}
CHANNELS = ("meeting", "call", "email", "chat", "event", "coffee", "other")
SOURCE_KINDS = (
    "trade-show", "conference", "workshop", "book", "podcast", "article", "conversation", "other",
)  # fmt: skip
OUTREACH_KINDS = ("share", "follow-up", "introduce", "reconnect", "bring-in", "ask")
OUTREACH_STATUSES = ("open", "done", "dropped")
MAX_CADENCE_DAYS = 3650
NO_EXTRA: Mapping[str, Any] = MappingProxyType({})


def extra_field() -> Any:
    """The `extra` field of a record: what a newer version wrote, kept through edits.

    Compared (an edit elsewhere that changed it is a change) but not hashed (JSON values).
    """
    return dataclasses.field(default_factory=lambda: NO_EXTRA, hash=False, repr=False)


class Record:
    """What every record shares: identity, timestamps, cleaning, validation, JSON."""

    __slots__ = ()
    TABLE: ClassVar[str]
    FIELDS: ClassVar[FieldKinds]
    KNOWN: ClassVar[frozenset[str]]
    FIELD_NAMES: ClassVar[tuple[str, ...]]

    id: str
    created: str
    updated: str
    extra: Mapping[str, Any]

    @classmethod
    def create(cls, **fields: Any) -> Self:
        """A new record with a fresh id and timestamps; raises RecordError if invalid."""
        stamp = now_stamp()
        return cls.build(**{"id": new_id(), "created": stamp, "updated": stamp, **fields})

    @classmethod
    def build(cls, *, extra: Mapping[str, Any] = NO_EXTRA, **fields: Any) -> Self:
        """Clean and validate the given fields into a record.

        `extra` holds fields this version does not know (read from disk), kept as they are.
        """
        unknown = set(fields) - cls.KNOWN
        if unknown:
            raise RecordError(f"Unknown field for {cls.TABLE}: {', '.join(sorted(unknown))}.")
        cleaned = cls.FIELDS.clean(fields)
        if extra:
            cleaned["extra"] = MappingProxyType(dict(extra))
        record = cls(**cleaned)
        record.validate()
        return record

    def edit(self, **changes: Any) -> Self:
        """A copy with `changes` applied, cleaned, validated and stamped as updated now.

        Fields this version does not know (`extra`) stay as they are.
        """
        return self.build(
            **{**self.known_fields(), **changes, "updated": now_stamp()}, extra=self.extra
        )

    def known_fields(self) -> dict[str, Any]:
        """The fields this version knows, by name, as Python values."""
        return {name: getattr(self, name) for name in self.FIELD_NAMES}

    def validate(self) -> None:
        """Raise RecordError naming the first thing wrong with this record."""

    def merged_onto(self, base: Self, current: Self) -> Self:
        """This edit of `base`, applied to `current` (the version saved meanwhile elsewhere).

        Fields this edit changed win; fields changed elsewhere stay; a field changed both
        here and elsewhere to different values is a conflict (RecordError, nothing merged).
        """
        if current == base:
            return self
        fixed = ("id", "created", "updated")
        mine = {
            name: getattr(self, name)
            for name in self.FIELD_NAMES
            if name not in fixed and getattr(self, name) != getattr(base, name)
        }
        clashes = [
            name
            for name, value in mine.items()
            if getattr(current, name) not in (getattr(base, name), value)
        ]
        if clashes:
            fields = ", ".join(name.replace("_", " ") for name in clashes)
            raise RecordError(
                f"'{current.label}' was changed elsewhere while you edited it ({fields}); "
                "your edit was not saved: close the form and edit again."
            )
        return current.edit(**mine) if mine else current

    def problems(self) -> list[str]:
        """What is wrong with a stored record, as sentences (empty when it is fine)."""
        try:
            again = self.build(**self.known_fields(), extra=self.extra)
        except RecordError as error:
            return [str(error)]
        if again != self:
            return ["it holds text that was not cleaned (control characters or escapes)."]
        return []

    def to_dict(self) -> dict[str, Any]:
        """The record as plain JSON-ready data, with every field present (and any `extra`)."""
        out = self.FIELDS.to_json(self.known_fields())
        return {**self.extra, **out} if self.extra else out

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> Self:
        """A record from stored JSON; missing fields take their defaults, unknown ones are kept.

        Raises RecordError whose message is a predicate about the record ("has a 'name'
        field that is not text"), for the reader to name the file and the id around it.
        """
        fields, extra = cls.FIELDS.from_json(data, cls.KNOWN)
        if extra:
            fields["extra"] = MappingProxyType(extra)
        record = cls(**fields)
        try:
            record.validate()
        except RecordError as error:
            said = str(error).rstrip(".")
            raise RecordError(f"is not valid ({said[:1].lower()}{said[1:]})", error.field) from None
        return record

    @property
    def label(self) -> str:
        """How the record is named in lists and messages."""
        raise NotImplementedError


@dataclass(frozen=True, slots=True, kw_only=True)
class Person(Record):
    """Someone who matters: where they sit, what they know, care about and need."""

    TABLE: ClassVar[str] = "people"
    FIELDS: ClassVar[FieldKinds] = FieldKinds(
        lines=("name", "org", "department", "role", "kind", "status", "met_via"),
        texts=("notes",),
        words=("interests", "expertise", "needs", "tags", "email", "phone", "links"),
        ints=("influence", "cadence_days"),
        dates=("quiet_until",),
        choices={"kind": PERSON_KINDS, "status": PERSON_STATUSES},
        bounds={"influence": (0, 3), "cadence_days": (1, MAX_CADENCE_DAYS)},
        required=("name",),
        not_null=("influence",),
    )

    id: str
    created: str
    updated: str
    name: str = ""
    org: str = ""
    department: str = ""
    role: str = ""
    kind: str = "other"
    influence: int = 0
    status: str = "connected"
    interests: tuple[str, ...] = ()
    expertise: tuple[str, ...] = ()
    needs: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    email: tuple[str, ...] = ()
    phone: tuple[str, ...] = ()
    links: tuple[str, ...] = ()
    met_via: str = ""
    cadence_days: int | None = None
    notes: str = ""
    quiet_until: date | None = None  # `z` in the review: not in it about them before this day
    extra: Mapping[str, Any] = extra_field()

    def validate(self) -> None:
        # In the order of the form's fields, so the first message is about the first problem.
        if not self.name:
            raise RecordError("A person needs a name.", "name")
        check_choice(self.kind, PERSON_KINDS, "kind of person", "kind")
        if self.influence is None or not 0 <= self.influence <= 3:
            raise RecordError(
                f"Influence is positional power from 0 (none) to 3 (executive), not {self.influence}.",
                "influence",
            )
        check_choice(self.status, PERSON_STATUSES, "status", "status")
        for address in self.email:
            local, at, domain = address.rpartition("@")
            if not (at and local and domain) or " " in address:
                raise RecordError(f"'{address}' is not an email address.", "email")
        if self.cadence_days is not None and not 1 <= self.cadence_days <= MAX_CADENCE_DAYS:
            raise RecordError(
                f"Keep-in-touch cadence is a number of days from 1 to {MAX_CADENCE_DAYS}, "
                f"not {self.cadence_days}.",
                "cadence_days",
            )

    @property
    def label(self) -> str:
        return self.name

    @property
    def is_prospect(self) -> bool:
        return self.status == "prospect"

    def is_quiet_on(self, day: date) -> bool:
        """Kept out of the review (going cold, unheard) on `day` by a `z`."""
        return self.quiet_until is not None and self.quiet_until > day


@dataclass(frozen=True, slots=True, kw_only=True)
class Interaction(Record):
    """A touchpoint with one or more people: a meeting, a call, a chat at a trade show."""

    TABLE: ClassVar[str] = "interactions"
    FIELDS: ClassVar[FieldKinds] = FieldKinds(
        lines=("channel", "event", "summary"),
        texts=("notes",),
        words=("person_ids", "learning_ids"),
        dates=("date",),
        choices={"channel": CHANNELS},
        required=("date", "summary"),
    )

    id: str
    created: str
    updated: str
    date: date = None  # type: ignore[assignment]  # validate() refuses a missing date
    person_ids: tuple[str, ...] = ()
    channel: str = "meeting"
    event: str = ""
    summary: str = ""
    notes: str = ""
    learning_ids: tuple[str, ...] = ()
    extra: Mapping[str, Any] = extra_field()

    def validate(self) -> None:
        if self.date is None:
            raise RecordError("An interaction needs a date.", "date")
        if not self.summary:
            raise RecordError("An interaction needs a summary: what you talked about.", "summary")
        check_choice(self.channel, CHANNELS, "channel", "channel")

    @property
    def label(self) -> str:
        return self.summary


@dataclass(frozen=True, slots=True, kw_only=True)
class Learning(Record):
    """Something worth sharing, from a trade show, a book, a podcast, a conversation."""

    TABLE: ClassVar[str] = "learnings"
    FIELDS: ClassVar[FieldKinds] = FieldKinds(
        lines=("title", "source_kind", "source", "url", "event"),
        texts=("body",),
        words=("tags",),
        dates=("date",),
        choices={"source_kind": SOURCE_KINDS},
        required=("date", "title"),
    )

    id: str
    created: str
    updated: str
    date: date = None  # type: ignore[assignment]  # validate() refuses a missing date
    title: str = ""
    body: str = ""
    source_kind: str = "other"
    source: str = ""
    url: str = ""
    event: str = ""
    tags: tuple[str, ...] = ()
    extra: Mapping[str, Any] = extra_field()

    def validate(self) -> None:
        if self.date is None:
            raise RecordError("A learning needs a date.", "date")
        if not self.title:
            raise RecordError("A learning needs a title.", "title")
        check_choice(self.source_kind, SOURCE_KINDS, "kind of source", "source_kind")

    @property
    def label(self) -> str:
        return self.title


@dataclass(frozen=True, slots=True, kw_only=True)
class Outreach(Record):
    """A planned action: share, follow up, introduce, reconnect, bring in, ask."""

    TABLE: ClassVar[str] = "outreach"
    FIELDS: ClassVar[FieldKinds] = FieldKinds(
        lines=("kind", "learning_id", "title", "status", "reason"),
        texts=("notes",),
        words=("person_ids",),
        dates=("due", "snoozed_until", "done_at"),
        choices={"kind": OUTREACH_KINDS, "status": OUTREACH_STATUSES},
        required=("title",),
    )

    id: str
    created: str
    updated: str
    kind: str = ""
    title: str = ""
    person_ids: tuple[str, ...] = ()
    learning_id: str = ""
    reason: str = ""  # why: an introduction says why the two should meet
    notes: str = ""
    due: date | None = None
    status: str = "open"
    snoozed_until: date | None = None
    done_at: date | None = None
    extra: Mapping[str, Any] = extra_field()

    def validate(self) -> None:
        check_choice(self.kind, OUTREACH_KINDS, "kind of outreach", "kind")
        check_choice(self.status, OUTREACH_STATUSES, "outreach status", "status")
        if self.status == "open" and not self.person_ids:
            raise RecordError("An outreach is for at least one person.", "people")
        if self.status == "open" and self.kind == "introduce" and len(self.person_ids) < 2:
            raise RecordError("An introduction names two different people.", "people")
        if self.kind == "share" and not self.learning_id:
            raise RecordError("A share names the learning to share.", "learning")
        if not self.title:
            raise RecordError("An outreach needs a title.", "title")
        if self.status == "done" and self.done_at is None:
            raise RecordError("A done outreach needs the date it was done.")

    @property
    def label(self) -> str:
        return self.title

    def is_open_on(self, day: date) -> bool:
        """Open and not snoozed past `day`."""
        return self.status == "open" and (self.snoozed_until is None or self.snoozed_until <= day)


for _cls in (Person, Interaction, Learning, Outreach):
    _cls.FIELD_NAMES = tuple(f.name for f in dataclasses.fields(_cls) if f.name != "extra")
    _cls.KNOWN = frozenset(_cls.FIELD_NAMES)

RECORD_TYPES: dict[str, type[Record]] = {
    cls.TABLE: cls for cls in (Person, Interaction, Learning, Outreach)
}
