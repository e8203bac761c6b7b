"""Finishing and postponing planned outreach; shared by the CLI and the app."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date

from netjournal.core.channel_words import channel_from_words, channel_named
from netjournal.core.errors import NotFound, RecordError
from netjournal.core.records import Interaction, Outreach, Person
from netjournal.core.store import Store

# How a plan of each kind is usually done, when neither the user nor its words say.
CHANNEL_FOR_KIND = {"share": "email", "introduce": "email", "ask": "chat", "follow-up": "email",
                    "reconnect": "call", "bring-in": "meeting"}  # fmt: skip


@dataclass(frozen=True)
class DoneResult:
    """What `mark_done` changed: the plan as saved (done), the talk it logged, and the ids of
    the prospects it brought into your network (a done bring-in)."""

    outreach: Outreach
    logged: Interaction
    connected: tuple[str, ...] = ()


@dataclass(frozen=True)
class TakenBack:
    """What `take_back` changed: the plan as saved (open again), whether the talk it logged
    went (a talk edited since stays), and the ids of the people who are prospects again."""

    outreach: Outreach
    talk_removed: bool
    prospects_again: tuple[str, ...] = ()


class AlreadyDone(RecordError):
    """`done` on a plan that is done already: nothing is logged again (a retry is harmless)."""


def mark_done(
    store: Store, outreach: Outreach, day: date, *, said: str = "", channel: str = ""
) -> DoneResult:
    """Mark `outreach` done on `day` and log the interaction it was (what was shared, with whom).

    `said` is what happened, in a line (else the plan's title); `channel` how (typed in full or
    by its first letters; else what `said`, the plan's title and notes name; else its kind's).
    A plan that is done already (a retried `done`, another window) is AlreadyDone: a second
    interaction is never logged."""
    said = " ".join(said.split())
    channel = channel_named(channel)  # a typo is one sentence before anything is read or saved
    connected: list[str] = []
    with store.batch() as changes:
        current = _current(store, outreach)
        if current.status == "done":
            when = f" on {current.done_at.isoformat()}" if current.done_at else ""
            raise AlreadyDone(f"'{current.title}' is already done{when}; nothing was logged.")
        current = _still_open(store, outreach)
        interaction = Interaction.create(
            date=day,
            person_ids=current.person_ids,
            channel=channel or done_channel(current, said),
            summary=said or current.title,
            notes=_with_reason(current, planned=bool(said) and said != current.title),
            # Only a share hands a learning over (a plan whose kind changed may still hold one).
            learning_ids=[current.learning_id]
            if current.learning_id and current.kind == "share"
            else [],
        )
        finished = current.edit(status="done", done_at=day)
        changes.update.append(finished)
        changes.add.append(interaction)
        if current.kind == "bring-in":  # brought in: the prospect is now in your network
            for person_id in current.person_ids:
                person = store.get(Person, person_id)
                if person is not None and person.is_prospect:
                    changes.update.append(person.edit(status="connected"))
                    connected.append(person_id)
    return DoneResult(finished, interaction, tuple(connected))


def joined_words(names: Sequence[str]) -> str:
    """What a done bring-in changed, to add to its message: "; Victor Almeida is in your
    network now" ("" when it connected nobody)."""
    if not names:
        return ""
    return f"; {' and '.join(names)} {'is' if len(names) == 1 else 'are'} in your network now"


def take_back(store: Store, done: DoneResult) -> TakenBack:
    """Undo `mark_done`: the plan is open again, the talk it logged goes (unless edited since),
    and the prospects it brought into the network are prospects again."""
    prospects: list[str] = []
    with store.batch() as changes:
        current = _current(store, done.outreach)
        if current.status != "done":
            raise RecordError(
                f"'{current.title}' is {current.status}, not done: nothing to take back."
            )
        reopened = current.edit(status="open", done_at=None)
        changes.update.append(reopened)
        # A talk edited since holds what the user wrote: it stays.
        talk_removed = store.get(Interaction, done.logged.id) == done.logged
        if talk_removed:
            changes.delete.append(done.logged)
        for person_id in done.connected:
            person = store.get(Person, person_id)
            if person is not None and person.status == "connected":
                changes.update.append(person.edit(status="prospect"))
                prospects.append(person_id)
    return TakenBack(reopened, talk_removed, tuple(prospects))


def drop(store: Store, outreach: Outreach) -> Outreach:
    """Decide not to do `outreach`: it leaves the plans but stays in the journal as dropped."""
    with store.batch() as changes:
        current = _still_open(store, outreach)
        dropped = current.edit(status="dropped")
        changes.update.append(dropped)
    return dropped


def snooze_problem(outreach: Outreach, until: date, day: date) -> str:
    """Why snoozing `outreach` until `until` makes no sense today ("" when it does).

    `until` today wakes a snoozed plan; a day before the plan's due date would change nothing
    (it is not in the review before then anyway)."""
    if until == day and outreach.snoozed_until is not None and outreach.snoozed_until > day:
        return ""
    if until <= day:
        return f"Choose a day after today ({day.isoformat()}); today wakes a snoozed plan."
    if outreach.due is not None and until <= outreach.due:
        return (
            f"It is due {outreach.due.isoformat()}: snoozing until {until.isoformat()} changes "
            "nothing; choose a later day, or edit the due date."
        )
    return ""


def snooze(store: Store, outreach: Outreach, until: date, day: date) -> Outreach:
    """Hide `outreach` from the queue until `until`; `until` today wakes a snoozed plan."""
    with store.batch() as changes:
        current = _current(store, outreach)
        problem = snooze_problem(current, until, day)
        if problem:
            raise RecordError(problem)
        snoozed = current.edit(snoozed_until=None if until == day else until)
        changes.update.append(snoozed)
    return snoozed


def awake_where(outreach: Outreach, day: date) -> str:
    """Where a woken plan is now, in words: "in today's list" or "due 2026-12-02"."""
    if outreach.due is None:
        return "planned for someday"
    return "in today's list" if outreach.due <= day else f"due {outreach.due.isoformat()}"


def done_channel(outreach: Outreach, said: str = "") -> str:
    """The channel a plan done without one named went through: what `said`, then its title and
    notes name ("Coffee with Ann" is a coffee), else its kind's usual one (a reconnect: a call).
    A share's title quotes the learning's, whose words say nothing of how it was shared."""
    title = outreach.title if outreach.kind != "share" else ""
    named = channel_from_words(said, title, outreach.notes)
    return named or CHANNEL_FOR_KIND.get(outreach.kind, "other")


def _with_reason(outreach: Outreach, planned: bool = False) -> str:
    """The notes an outreach leaves in the timeline: what was planned (when the talk says what
    happened instead), why it was done, then what was noted."""
    plan = f"Planned: {outreach.title}" if planned else ""
    why = f"Why: {outreach.reason}" if outreach.reason else ""
    return "\n\n".join(text for text in (plan, why, outreach.notes) if text)


def _current(store: Store, outreach: Outreach) -> Outreach:
    """The plan as saved now (another window may have changed it), or NotFound."""
    current = store.get(Outreach, outreach.id)
    if current is None:
        raise NotFound(f"'{outreach.title}' is no longer in the journal; nothing was changed.")
    return current


def _still_open(store: Store, outreach: Outreach) -> Outreach:
    current = _current(store, outreach)
    if current.status != "open":
        raise RecordError(f"'{current.title}' is already {current.status}.")
    return current
