"""Network (5): where your network is thin, and what to do about it.

Department coverage of your own organization (invisible departments first), people with
positional power and how long since you spoke, people going cold; above them the mix of your
network and its growth by month, and how many people are likely in it twice (the palette's
Find duplicates merges them). `enter` opens the people behind a row, `p` plans outreach,
`w` starts a "Who would you ask?" drill.
"""

from __future__ import annotations

from datetime import date

from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.widgets import Label, Sparkline, Static

from netjournal.core.dates import days_ago
from netjournal.core.duplicates import duplicates_in
from netjournal.core.insights import DepartmentRow, Insights, PowerRow, network_insights
from netjournal.core.records import INFLUENCE_LEVELS, PERSON_KINDS
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.words import count_of
from netjournal.tui.detail import Line, field, heading, lines, person_detail
from netjournal.tui.keys import key_text
from netjournal.tui.safe_text import safe_assemble, safe_content
from netjournal.tui.screens.area import AreaScreen
from netjournal.tui.widgets.key_hint import KeyHint
from netjournal.tui.widgets.record_table import Column, RecordTable, Row

# The mix line's nouns, one and many ("1 customer", "3 customers").
KIND_WORDS = {"internal": ("internal", "internal"), "customer": ("customer", ""),
              "supplier": ("supplier", ""), "expert": ("expert", ""),
              "journalist": ("journalist", ""), "other": ("other", "other")}  # fmt: skip


WORKING = "Working out your network…"  # shown until the numbers are in


class NetworkScreen(AreaScreen):
    AREA = "Network"
    COLUMNS = (Column("Who / where", weight=1.0), Column("What", weight=1.8),
               Column("Last contact", width=12))  # fmt: skip
    EMPTY = ("No people yet: the network view fills in as you add people (in People, "
             "{area.people}) or capture ({app.capture}).")  # fmt: skip
    BINDINGS = [
        Binding("p", "plan", "Plan", id="network.plan"),
        Binding("w", "drill", "Who would you ask? drill", id="network.drill"),
    ]

    def __init__(self) -> None:
        super().__init__()
        self.insights: Insights | None = None
        self._for: JournalSnapshot | None = None  # the snapshot the insights were made from
        self._working: JournalSnapshot | None = None  # the one being worked out now

    def compose_top(self) -> ComposeResult:
        yield Static(Content(WORKING), id="network-mix", markup=False)
        yield KeyHint("", id="network-duplicates")  # shown when there are any
        with Horizontal(id="network-charts"):
            with Vertical():
                yield Label("People in your network, last 12 months", id="growth-label")
                yield Sparkline([], id="growth")
            with Vertical():
                yield Label("Interactions per month", id="talks-label")
                yield Sparkline([], id="talks")

    # The insights are worked out in a thread: at 10,000 people they take a moment, and the
    # area shows at once with placeholders meanwhile.

    def refresh_rows(self, from_top: bool = False) -> None:
        self._start_insights()
        super().refresh_rows(from_top)

    def on_screen_resume(self) -> None:  # before AreaScreen's (Textual calls both)
        self._start_insights()  # composed ahead by the app: worked out when first shown

    def _start_insights(self) -> None:
        snapshot = self.snapshot
        if (snapshot is not None and snapshot is not self._for and snapshot is not self._working
                and self.is_current):  # fmt: skip
            self._working = snapshot
            self._compute(snapshot)

    def drawn_from(self) -> tuple[object, ...]:
        return (*super().drawn_from(), id(self.insights))  # the rows show the insights

    def detail_depends(self) -> tuple[object, ...]:
        return (*super().detail_depends(), id(self.insights))  # a department's numbers

    @work(thread=True, exclusive=True, group="insights", exit_on_error=False,
          description="network insights")  # fmt: skip
    def _compute(self, snapshot: JournalSnapshot) -> None:
        config = self.nj.config
        found = network_insights(
            snapshot, self.nj.today(), departments=config.departments,
            cadence_by_tag=config.cadence_by_tag, organization=config.organization,
        )  # fmt: skip
        pairs = duplicates_in(snapshot)
        self.app.call_from_thread(self._computed, snapshot, found, len(pairs))

    def _computed(self, snapshot: JournalSnapshot, found: Insights, pairs: int) -> None:
        if self._working is snapshot:
            self._working = None
        if snapshot is not self.snapshot:
            return  # a newer save is being worked out
        self.insights, self._for = found, snapshot
        self._show_top(found)
        self._show_duplicates(pairs)
        self.refresh_rows()

    def _show_top(self, found: Insights) -> None:
        prospects = (
            sum(1 for p in self.snapshot.people.values() if p.is_prospect) if self.snapshot else 0
        )
        mix = " · ".join(
            count_of(found.mix[k], *KIND_WORDS[k]) for k in PERSON_KINDS if found.mix.get(k)
        )
        # Named, and said when it is a guess: a wrong one is then easy to spot and to set.
        ours = found.organization.describe() if found.organization else "your organization"
        text = (
            f"{found.connected} connected, {prospects} prospect{'s' if prospects != 1 else ''} · "
            f"{round(found.internal_share * 100)}% inside {ours} · {mix or 'nobody yet'}"
        )
        if found.invisible:
            text += f" · {count_of(len(found.invisible), 'invisible department')}"
        self.query_one("#network-mix", Static).update(safe_content(text))
        months = found.months
        growth = [row.network_size for row in months]
        talks = [row.interactions for row in months]
        self.query_one("#growth", Sparkline).data = growth
        self.query_one("#talks", Sparkline).data = talks
        first, last = (growth[0], growth[-1]) if growth else (0, 0)
        since = months[0].month if months else ""
        self.query_one("#growth-label", Label).update(
            Content(f"Network since {since}: {first} → {last}")
        )
        self.query_one("#talks-label", Label).update(
            Content(f"Talks a month: {talks[-1] if talks else 0} now, {sum(talks)} in a year")
        )

    def _show_duplicates(self, count: int) -> None:
        line = self.query_one("#network-duplicates", KeyHint)
        line.say(f"{count_of(count, 'likely duplicate')}: {{app.palette}} Find duplicates")
        line.display = count > 0

    def rows(self, snapshot: JournalSnapshot) -> list[Row]:
        if not snapshot.people:
            return []
        found = self.insights if self._for is snapshot else None
        if found is None:
            return [Row("loading", (WORKING, "", ""), heading=True)]
        day, last = self.nj.today(), snapshot.last_contact

        def when(person_id: str) -> str:
            return last[person_id].isoformat() if person_id in last else "never"

        departments = [
            Row(f"dept:{d.department}", (d.department, _coverage(d),
                d.last_contact.isoformat() if d.last_contact else "never"))
            for d in found.departments
        ]  # fmt: skip
        power = [
            Row(f"power:{p.person_id}", (p.name, _standing(p, day), when(p.person_id)))
            for p in found.power
        ]
        cold = [
            Row(f"cold:{i.person_ids[0]}",
                (i.title, i.reason.removeprefix("going cold: "), when(i.person_ids[0])))
            for i in found.going_cold
        ]  # fmt: skip
        ours = found.organization.name if found.organization else "your organization"
        return [
            *_section("departments", f"Departments of {ours}", departments,
                      "add colleagues with a department, or list departments in config.toml"),
            *_section("power", "Positional power", power, "set influence 2 or 3 on senior people"),
            *_section("cold", "Going cold", cold, "everyone is within their keep-in-touch cadence"),
        ]  # fmt: skip

    def detail(self, snapshot: JournalSnapshot, key: str) -> Content:
        kind, _, value = key.partition(":")
        if kind in ("power", "cold") and value in snapshot.people:
            return person_detail(snapshot, snapshot.people[value], self.nj.today(),
                                 self.nj.config.cadence_by_tag)  # fmt: skip
        dept = self._department(value) if kind == "dept" else None
        if dept is None:
            return Content("")
        parts: list[Line] = [safe_assemble((dept.department, "bold")), ""]
        if dept.invisible:
            said = key_text(
                self, "Invisible: nobody connected here. {network.plan} plans how to get in."
            )
            parts.append((said, "$warning"))
        parts.append(field("Connected", str(dept.connected)))
        parts.append(field("Prospects", str(dept.prospects)))
        parts.append(
            field("Highest power", f"{dept.max_influence} ({INFLUENCE_LEVELS[dept.max_influence]})")
        )
        parts.append(heading(key_text(self, "People ({list.open} shows them in People)")))
        last = snapshot.last_contact
        for pid in dept.person_ids:
            person = snapshot.people.get(pid)
            if person is None:
                continue
            when = last[pid].isoformat() if pid in last else "never"
            parts.append(safe_assemble(
                (person.name, "bold"), " · ", person.role or "no role", f" · influence {person.influence} · ",
                ("prospect" if person.is_prospect else f"last contact {when}", "$text-muted"),
            ))  # fmt: skip
        if not dept.person_ids:
            parts.append(("Nobody known here yet (listed in config.toml).", "$text-muted"))
        return lines(parts)

    def _department(self, name: str) -> DepartmentRow | None:
        found = self.insights
        return next((d for d in found.departments if d.department == name), None) if found else None

    # Acting on a row

    def on_record_table_opened(self, event: RecordTable.Opened) -> None:
        kind, _, value = event.key.partition(":")
        if kind in ("power", "cold"):
            self.run_worker(self.nj.open_record("people", value), group="open")
        elif kind == "dept":
            self.run_worker(self._show_department(value), group="open")

    async def _show_department(self, name: str) -> None:
        await self.nj.show_people(f'kind:internal dept:"{name}"')

    def action_plan(self) -> None:
        snapshot = self.snapshot
        key = self.selected
        if snapshot is None or key is None:
            return
        kind, _, value = key.partition(":")
        prefill: dict[str, str] | None = None
        if kind in ("power", "cold") and value in snapshot.people:
            prefill = {"kind": "reconnect", "people": snapshot.people[value].name}
        elif kind == "dept" and (dept := self._department(value)) is not None:
            prefill = _department_plan(dept, snapshot)
        if prefill is None:
            return
        from netjournal.tui.screens.outreach_form import OutreachForm

        self.app.push_screen(OutreachForm(None, prefill))

    def action_drill(self) -> None:
        self.nj.start_drill()


def _section(key: str, title: str, rows: list[Row], empty: str) -> list[Row]:
    """A heading, then the rows, or a dim line saying how to fill the section."""
    heading = Row(f"h:{key}", (title, "", ""), heading=True)
    return [heading, *(rows or [Row(f"none:{key}", ("(none yet)", empty, ""), dim=True)])]


def _standing(power: PowerRow, day: date) -> str:
    """ "executive, CFO, Finance; 90 days ago"."""
    what = ", ".join(
        x for x in (INFLUENCE_LEVELS[power.influence], power.role, power.department) if x
    )
    since = days_ago(power.last_contact, day) if power.last_contact else "never spoken"
    return f"{what}; {since}"


def _coverage(dept: DepartmentRow) -> str:
    people = f"{dept.connected} connected" if dept.connected else "INVISIBLE: nobody connected"
    if dept.prospects:
        people += f" · {dept.prospects} prospect{'s' if dept.prospects != 1 else ''}"
    if dept.person_ids:
        people += f" · power up to {INFLUENCE_LEVELS[dept.max_influence]}"
    return people


def _department_plan(dept: DepartmentRow, snapshot: JournalSnapshot) -> dict[str, str]:
    """What `p` proposes for a department: bring in its key prospect, or find a way in, or
    reconnect with the senior person there you have not spoken to for longest."""
    people = [snapshot.people[i] for i in dept.person_ids if i in snapshot.people]
    prospects = sorted((p for p in people if p.is_prospect), key=lambda p: -p.influence)
    if dept.invisible and prospects:
        return {"kind": "bring-in", "people": prospects[0].name}
    if dept.invisible:
        return {"kind": "ask", "title": f"Ask who I should know in {dept.department}"}
    last = snapshot.last_contact
    connected = [p for p in people if not p.is_prospect]
    quiet = min(connected, key=lambda p: (last.get(p.id, date.min), -p.influence))
    return {"kind": "reconnect", "people": quiet.name}
