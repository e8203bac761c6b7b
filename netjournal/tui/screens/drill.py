"""A "Who would you ask?" drill: questions from your own topics, your answer, then the journal's.

Type names (comma-separated) or nothing for "nobody", `enter` to see how the journal ranks
people for the topic, `enter` again for the next question. A topic nobody covers gets an
outreach with `g`; someone you named for a topic the journal had nobody for can be taught
it with `a`. The end shows your coverage next to earlier sessions.
"""

from __future__ import annotations

import asyncio
import random
from datetime import timedelta

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.content import Content
from textual.widgets import Header, Input, Static

from netjournal.core.drills import (
    DrillAnswer,
    DrillQuestion,
    DrillSession,
    can_teach,
    drill_questions,
    gap_plan,
    grade,
    load_history,
    record_session,
    session_from,
    teach,
)
from netjournal.core.errors import NetjournalError
from netjournal.core.names import person_candidates, resolve
from netjournal.core.planning import plan_outreach
from netjournal.core.words import count_of
from netjournal.tui.contract import NetjournalScreen
from netjournal.tui.keys import key_for, key_hint, key_text
from netjournal.tui.safe_text import safe_assemble, safe_content
from netjournal.tui.widgets.key_footer import KeyFooter
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.typed_input import TypedInput
from netjournal.tui.widgets.word_suggester import WordListSuggester

QUESTIONS = 5
NOBODY = {"", "nobody", "no one", "noone", "-"}


class DrillScreen(NetjournalScreen[None]):
    BINDINGS = [
        Binding("g", "gap", "Plan for the gap", id="drill.gap"),
        Binding("a", "teach", "Add to what they know", id="drill.teach"),
        Binding("escape", "finish", "End drill", id="drill.finish"),
        Binding("enter", "next", "Next question", show=False, id="drill.next"),
    ]

    def __init__(self, seed: int | None = None) -> None:
        super().__init__()
        self.seed = seed if seed is not None else random.randrange(1 << 30)
        self.questions: list[DrillQuestion] = []
        self.answers: list[DrillAnswer] = []
        self.history: list[DrillSession] = []
        self.graded: DrillAnswer | None = None  # the answer on screen, before the next question
        self.planned: set[int] = set()  # questions whose gap already has an outreach
        self.taught: set[int] = set()  # questions whose topic was added to the people named

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(id="progress", markup=False)
        with VerticalScroll(id="drill"):
            yield Static(id="drill-question", markup=False)
            yield TypedInput(id="drill-pick", compact=True,
                        placeholder="names, comma-separated; empty or 'nobody' if you know no one",
                        suggester=WordListSuggester(self._names))  # fmt: skip
            yield Static(id="drill-answer", markup=False)
        yield KeyHint("enter answers, then {drill.next} for the next question · {drill.gap} "
                      "plans an outreach for a topic nobody covers · {drill.finish} ends",
                      id="review-keys")  # fmt: skip
        yield KeyFooter()

    def _names(self) -> list[str]:
        snapshot = self.nj.snapshot
        return snapshot.values_used.get("people", []) if snapshot else []

    def on_mount(self) -> None:
        self.sub_title = "Who would you ask?"
        snapshot = self.nj.snapshot
        if snapshot is None:
            self.dismiss(None)
            return
        try:
            self.history = load_history(self.nj.store)
        except NetjournalError as error:
            self.notify(str(error), severity="warning", markup=False, timeout=10)
        self.questions = drill_questions(snapshot, QUESTIONS, self.seed, self.history)
        if not self.questions:
            self._say("No topics yet: add people's expertise and needs, or tag your learnings, "
                      "and the drill asks about them.")  # fmt: skip
            self.query_one("#drill-pick", Input).display = False
            return
        self._ask()

    def _say(self, text: str) -> None:
        self.query_one("#drill-question", Static).update(safe_content(text))

    def _ask(self) -> None:
        number = len(self.answers)
        self.graded = None
        self.refresh_bindings()
        self.query_one("#progress", Static).update(
            Content(f"Question {number + 1} of {len(self.questions)}")
        )
        self.query_one("#drill-question", Static).update(
            safe_assemble((self.questions[number].text, "bold"))
        )
        self.query_one("#drill-answer", Static).update(Content(""))
        box = self.query_one("#drill-pick", Input)
        box.value = ""
        box.disabled = False
        box.focus()

    async def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        snapshot = self.nj.snapshot
        if snapshot is None or self.graded is not None or event.input.disabled:
            return
        candidates = person_candidates(snapshot.people.values())
        names = [n.strip() for n in event.value.split(",")]
        try:
            picked = [resolve(n, candidates).id for n in names if n.casefold() not in NOBODY]
        except NetjournalError as error:
            self.query_one("#drill-answer", Static).update(safe_content(str(error)))
            return
        question = self.questions[len(self.answers)]
        event.input.disabled = True  # a second enter while grading must not answer twice
        index = self.nj.index
        mentioning = index.mentioning if index else None
        answer = await asyncio.to_thread(grade, question, picked, snapshot, mentioning)
        self.answers.append(answer)
        self.graded = answer
        self.refresh_bindings()  # g is on for a gap only
        self._show(answer)

    def _show(self, answer: DrillAnswer) -> None:
        snapshot = self.nj.snapshot
        names = [
            snapshot.people[i].name for i in answer.picked if snapshot and i in snapshot.people
        ]
        parts = [safe_assemble(("You: ", "bold"), ", ".join(names) or "nobody")]
        if answer.journal:
            parts.append(Content.styled("The journal:", "bold"))
            for place, entry in enumerate(answer.journal, 1):
                parts.append(safe_assemble(f" {place}. ", (entry.person.name, "bold"),
                                              "  ", ("; ".join(entry.reasons[:2]), "$text-muted")))  # fmt: skip
        elif answer.picked:  # the journal had nobody: say so, and that your answer fills it
            parts.append(safe_assemble(("The journal: ", "bold"),
                                       f"nobody for {answer.question.topic} yet; "
                                       "your answer fills that gap."))  # fmt: skip
            if can_teach(answer):
                teach_key = key_for(self, "drill.teach")
                said = (f"{teach_key} adds {answer.question.topic} to what {', '.join(names)} "
                        f"{'knows' if len(names) == 1 else 'know'}, so the journal finds them "
                        "next time.")  # fmt: skip
                parts.append(safe_assemble((said, "$accent")))
        else:
            parts.append(Content.assemble(("The journal: ", "bold"), "nobody either"))
        if not answer.covered:
            plan = gap_plan(answer.question, snapshot) if snapshot else None
            what = f" ({plan.title})" if plan else ""
            gap = key_for(self, "drill.gap")
            parts.append(safe_assemble((f"Nobody to ask about {answer.question.topic}: {gap} "
                                        f"plans an outreach{what}.", "$warning")))  # fmt: skip
        elif answer.picked and answer.agreed:
            parts.append(Content.styled("Same as the journal.", "$success"))
        elif answer.picked and answer.journal:
            parts.append(Content("The journal sees it differently: worth a look at why."))
        elif not answer.picked and answer.journal:
            parts.append(Content("You have someone for this after all: the journal's first pick."))
        parts.append(Content.styled(key_text(self, "{drill.next}: next question"), "$text-muted"))
        self.query_one("#drill-answer", Static).update(safe_content(Content("\n").join(parts)))
        # Keys now go to the screen: g plans for a gap, enter moves on.
        self.query_one("#drill-pick", Input).disabled = True
        self.set_focus(None)

    def action_next(self) -> None:
        if self.graded is not None:
            self._next()

    def _next(self) -> None:
        if len(self.answers) < len(self.questions):
            self._ask()
        else:
            self._finish()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "teach":
            answer = self.graded
            number = len(self.answers) - 1
            return True if answer and can_teach(answer) and number not in self.taught else None
        if action != "gap":
            return True
        answer = self.graded
        gap = answer is not None and not answer.covered
        return True if gap and len(self.answers) - 1 not in self.planned else None

    def action_gap(self) -> None:
        answer = self.graded
        snapshot = self.nj.snapshot
        number = len(self.answers) - 1
        if answer is None or snapshot is None or answer.covered or number in self.planned:
            return  # check_action keeps g off then; this is for a key already on its way
        plan = gap_plan(answer.question, snapshot)
        if plan.kind == "bring-in":
            self.planned.add(number)
            self.refresh_bindings()
            people = [snapshot.people[i] for i in plan.person_ids if i in snapshot.people]
            due = self.nj.today() + timedelta(weeks=1)
            outreach = plan_outreach(plan.kind, people, title=plan.title, due=due,
                                     notes=f"From a drill: {answer.question.text}")  # fmt: skip
            self.run_worker(self.nj.add_plan(outreach), group="save")
            return
        from netjournal.tui.screens.outreach_form import OutreachForm

        # An "ask" names whom to ask: the colleague you talk to most, yours to change.
        names = snapshot.names(plan.person_ids) if plan.person_ids else ""
        prefill = {"kind": plan.kind, "title": plan.title, "notes": answer.question.text,
                   "people": names}  # fmt: skip

        def closed(result: object) -> None:
            if result is not None:
                self.planned.add(number)
                self.refresh_bindings()

        self.app.push_screen(OutreachForm(None, prefill), closed)

    async def action_teach(self) -> None:
        """`a`: the journal learns who you named for a topic it had nobody for."""
        answer = self.graded
        number = len(self.answers) - 1
        if answer is None or not can_teach(answer) or number in self.taught:
            return  # check_action keeps a off then; this is for a key already on its way
        self.taught.add(number)
        self.refresh_bindings()
        changed = await self.nj.save(lambda store: teach(store, answer))
        if changed is None:  # not saved: the app said why; the key stays on to try again
            self.taught.discard(number)
            self.refresh_bindings()
            return
        names = ", ".join(person.name for person in changed)
        topic = answer.question.topic
        self.notify(f"Added {topic} to {names}." if changed else
                    f"{topic}: already there; nothing to add.", markup=False)  # fmt: skip

    def action_finish(self) -> None:
        if self.answers and self.query_one("#drill-pick", Input).display:
            self._finish()
        else:
            self.dismiss(None)

    def _finish(self) -> None:
        session = session_from(self.answers, self.nj.today())
        self.query_one("#drill-pick", Input).display = False
        self.run_worker(self._keep(session), group="save", description="drill history")

    async def _keep(self, session: DrillSession) -> None:
        """Add the session to the history (a locked, fsynced write: off the event loop)."""
        try:
            await asyncio.to_thread(record_session, self.nj.store, session)
        except NetjournalError as error:
            self.notify(str(error), severity="warning", markup=False, timeout=10)
        self.query_one("#progress", Static).update(Content("Drill done"))
        closes = key_hint(self, " {drill.finish} closes.", style="")
        # The history is a side file: it may have been edited by hand too.
        self.query_one("#drill-question", Static).update(safe_content(_summary(session)) + closes)
        self.query_one("#drill-answer", Static).update(
            safe_content(_trend([*self.history, session]))
        )
        self.graded = None
        self.refresh_bindings()
        self.focus()


def _summary(session: DrillSession) -> str:
    text = (f"You knew whom to ask for {session.knew} of {session.asked} topics; the journal "
            f"itself had someone for {session.journal_had}; you agreed on {session.agreed}.")  # fmt: skip
    if session.filled:
        text += (f" You named someone for {count_of(session.filled, 'topic')} the journal had "
                 "nobody for.")  # fmt: skip
    if session.uncovered:
        text += " Nobody to ask about: " + ", ".join(session.uncovered) + "."
    return text


def _trend(sessions: list[DrillSession]) -> str:
    """How often you knew whom to ask, over the last sessions: 40% → 60% → 80%."""
    recent = [s for s in sessions[-6:] if s.asked]
    shares = [f"{round(100 * s.knew / s.asked)}% ({s.day.isoformat()})" for s in recent]
    if len(shares) < 2:
        return "Your first drill: come back to see how often you know whom to ask."
    return "You knew whom to ask, by session: " + " → ".join(shares)
