"""`netjournal insights`: where your network is thin (the Network area at the shell)."""

from __future__ import annotations

import argparse
from datetime import date

from netjournal.commands.output import print_json, print_table, show
from netjournal.core.clock import today
from netjournal.core.config import load_config
from netjournal.core.dates import days_ago, parse_date
from netjournal.core.insights import Insights, network_insights
from netjournal.core.records import INFLUENCE_LEVELS
from netjournal.core.snapshot import JournalSnapshot
from netjournal.core.store import Store

BAR_WIDTH = 20


def insights(store: Store, args: argparse.Namespace) -> int:
    day = parse_date(args.date, today()) if args.date else today()
    config = load_config()
    snapshot = JournalSnapshot.load(store)
    found = network_insights(
        snapshot, day, departments=config.departments, cadence_by_tag=config.cadence_by_tag,
        organization=config.organization,
    )  # fmt: skip
    if args.json:
        print_json(found.to_dict())
        return 0
    if not snapshot.people:
        show(
            "No people in the journal yet: add some with `netjournal add person NAME --kind "
            "internal --dept D`, and list your organization's departments in "
            f'{config.path} (departments = ["Sales", "Finance"]) to see where you are invisible.'
        )
        if not found.departments:
            return 0
    _print(found, snapshot, day)
    return 0


def _print(found: Insights, snapshot: JournalSnapshot, day: date) -> None:
    names = {pid: p.name for pid, p in snapshot.people.items()}
    invisible = len(found.invisible)
    flag = f"; {invisible} invisible" if invisible else ""
    ours = found.organization
    show(f"Departments of {ours.describe() if ours else 'your organization'} "
         f"({len(found.departments)}{flag})")  # fmt: skip
    rows = []
    for row in found.departments:
        seen = f"last contact {row.last_contact.isoformat()}" if row.last_contact else "no contact"
        known = ", ".join(names.get(pid, pid) for pid in row.person_ids[:3])
        more = f" +{len(row.person_ids) - 3}" if len(row.person_ids) > 3 else ""
        rows.append([
            "  " + row.department,
            "INVISIBLE" if row.invisible else f"{row.connected} connected",
            f"{row.prospects} prospect{'' if row.prospects == 1 else 's'}",
            seen,
            f"power up to {row.max_influence}",
            known + more,
        ])  # fmt: skip
    print_table(
        rows, "  (none: add internal people with --dept, or list departments in config.toml)"
    )
    show()
    show("Positional power (longest silence first)")
    print_table(
        [
            [
                "  " + row.name,
                INFLUENCE_LEVELS.get(row.influence, str(row.influence)),
                row.role or "-",
                row.department or "-",
                f"last contact {days_ago(row.last_contact, day)}"
                if row.last_contact
                else "never contacted",
            ]
            for row in found.power
        ],
        "  (nobody connected with influence 2 or 3)",
    )
    show()
    inside = ours.name if ours else "your organization"
    share = f"; {found.internal_share:.0%} inside {inside}" if found.connected else ""
    show(f"Mix (connected people: {found.connected}{share})")
    print_table([["  " + kind, str(count)] for kind, count in found.mix.items()], "")
    show()
    show(f"Last {len(found.months)} months (people added, interactions, network size)")
    busiest = max((row.interactions for row in found.months), default=0)
    print_table(
        [
            [
                "  " + row.month,
                f"+{row.people_added}",
                f"{row.interactions} talk{'' if row.interactions == 1 else 's'}",
                f"network {row.network_size}",
                _bar(row.interactions, busiest),
            ]
            for row in found.months
        ],
        "",
    )
    show()
    show("Going cold")
    print_table(
        [["  " + item.title, item.reason] for item in found.going_cold], "  (nobody: well kept)"
    )


def _bar(value: int, most: int) -> str:
    if not value or not most:
        return ""
    return "#" * max(1, round(BAR_WIDTH * value / most))
