""" "Who would you ask?" drills: the networking course's case-study exercise, on your own journal.

Questions come from the journal's own topics: people's needs and expertise, learnings' tags,
interests, the departments of internal people, and the orgs of customers and suppliers, each
source with its own wording. Topics are distinct (folded); a draw prefers topics not asked in
the last RECENT_SESSIONS sessions and topics few people hold, and is the same for the same
seed.

You answer with people (or nobody); `grade` compares the answer with the journal's own top 3
for the topic (who.rank_people_for over connected people). A topic nobody covers is a gap:
`plan_for_gap` proposes an outreach for it.

History: `drills.json` in the journal folder, `{"app": "netjournal", "drills": 1,
"sessions": [...]}`, oldest first, the last `keep` kept. The store writes it (a side file:
atomically, under the journal lock). A damaged file is never overwritten: `load_history` and `record_session` raise a
JournalError naming it (one sentence), so the app can show it and carry on without history.
"""

from __future__ import annotations

import math
import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import orjson

from netjournal.core.errors import JournalError
from netjournal.core.names import fold
from netjournal.core.records import Person
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store
from netjournal.core.who import Ranked, rank_people_for

HISTORY_NAME = "drills.json"
HISTORY_FORMAT = 1
KEEP_SESSIONS = 50
RECENT_SESSIONS = 5  # topics asked in these last sessions are drawn far less often
RECENT_FACTOR = 0.1
JOURNAL_TOP = 3
# Hobbies are worth knowing, but the drill is about whom you would ask for work: they come up
# about a third as often as expertise, departments, customers, suppliers and tags.
SOURCE_WEIGHT = {"interest": 0.3}

# Topic sources, in the order a phrase found in several is attributed to.
SOURCES = ("department", "org-customer", "org-supplier", "need", "expertise", "tag", "interest")
TEMPLATES = {
    "need": "Who would you call about {topic}?",
    "expertise": "Who would you go to for {topic}?",
    "tag": "Who would you ask about {topic}?",
    "interest": "Who would you chat with about {topic}?",
    "department": "Who in {topic} would you ask about {subject}?",
    "org-customer": "Who would you go to for pricing data on {topic}?",
    "org-supplier": "Who would you call about supplier risk at {topic}?",
}
DEPARTMENT_SUBJECT = "how a decision gets made there"


@dataclass(frozen=True)
class DrillQuestion:
    """One question: the topic the journal ranks people for, and how it is asked."""

    topic: str
    text: str
    source: str = ""  # one of SOURCES

    def to_dict(self) -> dict[str, object]:
        return {"topic": self.topic, "text": self.text, "source": self.source}


@dataclass
class _Topic:
    topic: str
    source: str
    holders: set[str] = field(default_factory=set)  # connected people who hold the topic
    subject: str = ""  # for a department: something someone there knows


def journal_topics(snapshot: JournalSnapshot) -> list[DrillQuestion]:
    """Every question the journal can ask, one per distinct topic, sorted by topic."""
    topics = _collect(snapshot)
    return [_question(t) for t in sorted(topics.values(), key=lambda t: fold(t.topic))]


def _collect(snapshot: JournalSnapshot) -> dict[str, _Topic]:
    found: dict[str, _Topic] = {}
    rank = {source: index for index, source in enumerate(SOURCES)}

    def add(phrase: str, source: str, person_id: str = "") -> _Topic | None:
        phrase = " ".join(phrase.split())
        key = fold(phrase)
        if not key:
            return None
        entry = found.get(key)
        if entry is None or rank[source] < rank[entry.source]:
            holders = entry.holders if entry else set()
            entry = found[key] = _Topic(phrase, source, holders)
        if person_id:
            entry.holders.add(person_id)
        return entry

    people = sorted(snapshot.people.values(), key=lambda p: (p.created, p.id))
    for person in people:
        if person.kind == "internal" and person.department.strip():
            entry = add(person.department, "department", "" if person.is_prospect else person.id)
            if entry is not None and not entry.subject and person.expertise:
                entry.subject = person.expertise[0]
        if person.kind in ("customer", "supplier") and person.org.strip():
            add(person.org, f"org-{person.kind}", "" if person.is_prospect else person.id)
        # Needs are not asked about: a need says who wants something, not who knows it.
        for source, phrases in (("expertise", person.expertise), ("interest", person.interests)):
            for phrase in phrases:
                add(phrase, source, "" if person.is_prospect else person.id)  # prospects: not yet
    for learning in sorted(snapshot.learnings.values(), key=lambda item: (item.date, item.id)):
        for tag in learning.tags:
            add(tag, "tag")
    return found


def _question(topic: _Topic) -> DrillQuestion:
    text = TEMPLATES[topic.source].format(
        topic=topic.topic, subject=topic.subject or DEPARTMENT_SUBJECT
    )
    return DrillQuestion(topic.topic, text, topic.source)


def drill_questions(
    snapshot: JournalSnapshot,
    count: int = 5,
    seed: int | None = None,
    history: Sequence[DrillSession] = (),
) -> list[DrillQuestion]:
    """`count` questions on distinct topics of the journal (fewer if it has fewer topics).

    Each topic's chance is weighted: 1 / (1 + people who hold it), times SOURCE_WEIGHT (a
    hobby is asked about less than work), times RECENT_FACTOR if it
    was asked in the last RECENT_SESSIONS sessions of `history`. The same seed, journal and
    history give the same questions.
    """
    topics = sorted(_collect(snapshot).values(), key=lambda t: (fold(t.topic), t.topic))
    if count < 1 or not topics:
        return []
    recent = {fold(topic) for session in history[-RECENT_SESSIONS:] for topic in session.topics}
    rng = random.Random(seed)
    keyed = []
    for topic in topics:
        weight = SOURCE_WEIGHT.get(topic.source, 1.0) / (1 + len(topic.holders))
        if fold(topic.topic) in recent:
            weight *= RECENT_FACTOR
        # Weighted sampling without replacement (Efraimidis-Spirakis): the largest keys win.
        keyed.append((math.log(1.0 - rng.random()) / weight, topic))
    keyed.sort(key=lambda pair: pair[0], reverse=True)
    return [_question(topic) for _key, topic in keyed[:count]]


@dataclass
class DrillAnswer:
    """Your answer to one question, next to the journal's own."""

    question: DrillQuestion
    picked: tuple[str, ...]  # person ids; () means "nobody"
    journal: list[Ranked]  # the journal's own top 3 for the topic
    agreed: bool  # one of the picks is in the journal's top 3
    covered: bool  # someone to ask: a pick, or the journal ranks someone

    @property
    def fills_gap(self) -> bool:
        """You named someone for a topic the journal itself had nobody for."""
        return bool(self.picked) and not self.journal

    def to_dict(self) -> dict[str, object]:
        return {
            "question": self.question.to_dict(),
            "picked": list(self.picked),
            "journal": [entry.to_dict() for entry in self.journal],
            "agreed": self.agreed,
            "covered": self.covered,
        }


def grade(
    question: DrillQuestion,
    picked: Sequence[str],
    snapshot: JournalSnapshot,
    mentioning: Callable[[list[str]], set[str]] | None = None,
) -> DrillAnswer:
    """Compare the people picked for `question` with the journal's top 3 (connected people)."""
    picks = tuple(dict.fromkeys(p for p in picked if p))
    # A department question is about your organization: a customer's Procurement is theirs.
    inside = question.source == "department"
    askable = [p for p in snapshot.people.values()
               if not p.is_prospect and (p.kind == "internal" or not inside)]  # fmt: skip
    ranked = rank_people_for(
        question.topic,
        askable,
        snapshot.interactions.values(),
        snapshot.learnings.values(),
        mentioning=mentioning,
    )
    # Needing something is no reason to be asked about it.
    top = [e for e in ranked if any(not r.startswith("needs:") for r in e.reasons)][:JOURNAL_TOP]
    ids = {entry.person.id for entry in top}
    return DrillAnswer(
        question=question,
        picked=picks,
        journal=top,
        agreed=any(p in ids for p in picks),
        covered=bool(picks) or bool(top),
    )


@dataclass
class DrillSession:
    """One round of drills (JSON: day, asked, covered, agreed, uncovered, topics)."""

    day: date
    asked: int
    covered: int
    agreed: int
    uncovered: list[str]  # topics nobody covers
    topics: list[str] = field(default_factory=list)  # every topic asked, in order
    knew: int = 0  # topics you named someone for yourself: the coverage that should grow
    journal_had: int = 0  # topics the journal itself ranked someone for (your picks aside)
    filled: int = 0  # topics you named someone for where the journal had nobody

    def to_dict(self) -> dict[str, object]:
        return {
            "day": self.day.isoformat(),
            "asked": self.asked,
            "covered": self.covered,
            "agreed": self.agreed,
            "uncovered": list(self.uncovered),
            "topics": list(self.topics),
            "knew": self.knew,
            "journal_had": self.journal_had,
            "filled": self.filled,
        }

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> DrillSession:
        """A session from its JSON; ValueError if it is not one."""
        if not isinstance(data, dict):
            raise ValueError("a session is not an object")
        try:
            counts = [data["asked"], data["covered"], data["agreed"]]
            day = date.fromisoformat(data["day"])
        except (KeyError, TypeError) as error:
            raise ValueError(f"a session lacks {error}") from None
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in counts):
            raise ValueError("a session's counts are not whole numbers")
        lists = [data.get("uncovered", []), data.get("topics", [])]
        if not all(isinstance(x, list) and all(isinstance(t, str) for t in x) for x in lists):
            raise ValueError("a session's topics are not a list of text")
        # Counts added later: sessions kept before they were counted read 0.
        later = [data.get("knew", 0), data.get("journal_had", 0), data.get("filled", 0)]
        if not all(isinstance(n, int) and not isinstance(n, bool) and n >= 0 for n in later):
            raise ValueError("a session's counts are not whole numbers")
        asked, covered, agreed = counts
        knew, journal_had, filled = later
        return cls(day, asked, covered, agreed, list(lists[0]), list(lists[1]), knew,
                   journal_had, filled)  # fmt: skip


def session_from(answers: Sequence[DrillAnswer], day: date) -> DrillSession:
    """The summary of a round of answers, to keep in the history."""
    return DrillSession(
        day=day,
        asked=len(answers),
        covered=sum(1 for a in answers if a.covered),
        agreed=sum(1 for a in answers if a.agreed),
        uncovered=[a.question.topic for a in answers if not a.covered],
        topics=[a.question.topic for a in answers],
        knew=sum(1 for a in answers if a.picked),
        journal_had=sum(1 for a in answers if a.journal),
        filled=sum(1 for a in answers if a.fills_gap),
    )


# Where a topic you answered for goes on the people you named, by the question's source.
# Departments and orgs are not taught: they are facts about the person, set in their form.
TEACHABLE = {"expertise": "expertise", "tag": "expertise", "interest": "interests"}


def can_teach(answer: DrillAnswer) -> bool:
    """Whether the journal can learn the answer: it had nobody, you named someone."""
    return answer.fills_gap and answer.question.source in TEACHABLE


def teach(store: Store, answer: DrillAnswer) -> list[Person]:
    """Add the topic to what each person you named knows, so the journal finds them next time.

    One save; people who already have it, or are gone, are left alone. The people changed.
    """
    if not can_teach(answer):
        return []
    topic = answer.question.topic
    interest = TEACHABLE[answer.question.source] == "interests"
    changed: list[Person] = []
    with store.batch() as changes:
        for person_id in answer.picked:
            person = store.get(Person, person_id)
            if person is None:
                continue
            have = person.interests if interest else person.expertise
            if any(fold(phrase) == fold(topic) for phrase in have):
                continue
            edited = (person.edit(interests=(*have, topic)) if interest
                      else person.edit(expertise=(*have, topic)))  # fmt: skip
            changes.update.append(edited)
            changed.append(edited)
    return changed


def history_path(store: Store) -> Path:
    """Where the history is kept (to read; the store writes it)."""
    return store.side_path(HISTORY_NAME)


def load_history(store: Store) -> list[DrillSession]:
    """Past sessions, oldest first; [] when there are none yet.

    A file that cannot be read or is not drill history raises JournalError naming it: it is
    left as it is (record_session refuses to overwrite it too) for the user to fix or remove.
    """
    try:
        raw = store.read_side(HISTORY_NAME)
    except OSError as error:
        raise JournalError(
            f"Cannot read the drill history {history_path(store)}: {error.strerror or error}."
        ) from None
    return _sessions_in(raw, history_path(store))


def _sessions_in(raw: bytes | None, path: Path) -> list[DrillSession]:
    if raw is None:
        return []
    try:
        data = orjson.loads(raw)
        if not isinstance(data, dict) or not isinstance(data.get("sessions"), list):
            raise ValueError("it holds no list of sessions")
        if not isinstance(data.get("drills"), int) or data["drills"] > HISTORY_FORMAT:
            raise ValueError("it is not drill history this version can read")
        return [DrillSession.from_dict(item) for item in data["sessions"]]
    except (orjson.JSONDecodeError, ValueError) as error:
        raise JournalError(
            f"The drill history {path} is damaged ({error}); it is left untouched and no "
            "history is kept until you fix or remove it."
        ) from None


def record_session(store: Store, session: DrillSession, keep: int = KEEP_SESSIONS) -> None:
    """Append `session` to the history, keeping the last `keep` (atomic, under the lock).

    Creates the journal (its meta.json) if the folder has none yet; refuses (JournalError) a
    damaged history rather than overwrite it, and a folder that is not a journal.
    """
    if keep < 1:
        raise ValueError("keep at least one session")

    def append(raw: bytes | None) -> bytes:
        sessions = [*_sessions_in(raw, history_path(store)), session][-keep:]
        data = {"app": "netjournal", "drills": HISTORY_FORMAT,
                "sessions": [s.to_dict() for s in sessions]}  # fmt: skip
        return orjson.dumps(data, option=orjson.OPT_INDENT_2) + b"\n"

    store.update_side(HISTORY_NAME, append, what="the drill history")


def check_history(store: Store) -> list[str]:
    """For `netjournal doctor`: what is wrong with drills.json (nothing when it is missing)."""
    try:
        load_history(store)
    except JournalError as error:
        return [str(error)]
    return []


@dataclass(frozen=True)
class GapPlan:
    """An outreach proposed for a topic nobody covers."""

    kind: str  # "bring-in" or "ask"
    title: str
    person_ids: tuple[str, ...] = ()  # the prospect for a bring-in; () for an ask


def gap_plan(question: DrillQuestion, snapshot: JournalSnapshot) -> GapPlan:
    """What to plan for a topic nobody covers.

    Rule: if a prospect's expertise matches the topic (who.rank_people_for over prospects
    gives an "expertise:" reason), bring the best such prospect in; otherwise plan to find
    someone to ask. The ask names nobody: an open outreach needs a person, so the caller has
    the user pick whom to ask (say, a well-connected colleague).
    """
    prospects = [p for p in snapshot.people.values() if p.is_prospect]
    where = fold(question.topic)
    inside = [p for p in prospects
              if (question.source == "department" and fold(p.department) == where)
              or (question.source.startswith("org-") and fold(p.org) == where)]  # fmt: skip
    if inside:
        best = max(inside, key=lambda p: (p.influence, p.name))
        return GapPlan("bring-in", f"Bring in {best.name} ({question.topic})", (best.id,))
    for entry in rank_people_for(question.topic, prospects):
        if any(reason.startswith("expertise:") for reason in entry.reasons):
            return GapPlan(
                "bring-in",
                f"Bring in {entry.person.name} (knows {question.topic})",
                (entry.person.id,),
            )
    connector = _connector(snapshot)
    if connector is None:
        return GapPlan("ask", f"Find someone to ask about {question.topic}")
    return GapPlan("ask", f"Ask {connector.name} who knows about {question.topic}",
                   (connector.id,))  # fmt: skip


def _connector(snapshot: JournalSnapshot) -> Person | None:
    """The colleague you talk to most: the likeliest to know whom to ask."""
    people = [p for p in snapshot.people.values() if not p.is_prospect]
    if not people:
        return None
    talks = {p.id: len(snapshot.interactions_with(p.id)) for p in people}
    best = max(people, key=lambda p: (p.kind == "internal", talks[p.id], p.influence, p.name))
    return best if talks[best.id] else None


def plan_for_gap(question: DrillQuestion, snapshot: JournalSnapshot) -> tuple[str, str]:
    """The outreach kind and title for a topic nobody covers (see gap_plan for the rule)."""
    plan = gap_plan(question, snapshot)
    return plan.kind, plan.title
