"""The demo journal behind `netjournal --demo`: a realistic network, rebuilt in a folder of its own.

The user is a logistics manager at Northwind Logistics. Dates are relative to today, so
there is always something overdue, something due and someone going cold.
"""

from __future__ import annotations

import os
import random
import shutil
from datetime import date, timedelta
from pathlib import Path

import platformdirs

from netjournal.core.locations import APP
from netjournal.core.planning import plan_outreach
from netjournal.core.records import Interaction, Learning, Person
from netjournal.core.store import Store

COMPANY = "Northwind Logistics"
# name, department, role, influence, interests, expertise, needs
COLLEAGUES = [
    (
        "Helena Okafor",
        "Executive Board",
        "COO",
        3,
        "rowing, jazz",
        "operations strategy",
        "a credible automation roadmap",
    ),
    (
        "Markus Brandt",
        "Executive Board",
        "CFO",
        3,
        "chess, mountain biking",
        "capital budgeting",
        "payback under three years",
    ),
    (
        "Priya Raman",
        "Operations",
        "Head of Operations",
        2,
        "offshore sailing, cooking",
        "warehouse operations, lean",
        "fewer picking errors",
    ),
    ("Tomás Herrera", "Operations", "Shift Lead", 1, "football", "forklift fleet", "trained temps"),
    (
        "Yuki Tanaka",
        "Operations",
        "Process Engineer",
        1,
        "bouldering, photography",
        "six sigma, pallet robots",
        "data from the WMS",
    ),
    (
        "Sarah Whitfield",
        "Sales",
        "VP Sales",
        2,
        "golf, wine",
        "key account management",
        "references from happy customers",
    ),
    (
        "Daniel Kowalski",
        "Sales",
        "Account Manager",
        1,
        "running",
        "retail customers",
        "faster quotes",
    ),
    (
        "Amara Nwosu",
        "Sales",
        "Sales Engineer",
        1,
        "robotics, sci-fi",
        "solution design, IoT",
        "demo sites",
    ),
    (
        "Lars Eriksson",
        "IT",
        "CIO",
        3,
        "sailing, astronomy",
        "ERP, security",
        "fewer shadow-IT tools",
    ),
    (
        "Mei Chen",
        "IT",
        "Data Engineer",
        1,
        "board games",
        "data pipelines, python",
        "clean master data",
    ),
    (
        "Oliver Grant",
        "IT",
        "Infrastructure Lead",
        1,
        "cycling",
        "kubernetes operators, networks",
        "budget for edge devices",
    ),
    (
        "Fatima Zahra",
        "Finance",
        "Controller",
        2,
        "calligraphy",
        "cost accounting",
        "activity-based costing data",
    ),
    ("Jonas Weber", "Finance", "Analyst", 0, "podcasts, hiking", "pricing data, excel", "a mentor"),
    (
        "Grace O'Neill",
        "HR",
        "Head of People",
        2,
        "choir singing",
        "change management",
        "early news of reorganisations",
    ),
    ("Ravi Patel", "HR", "Talent Partner", 1, "cricket", "hiring engineers", "referrals"),
    (
        "Chloé Martin",
        "Procurement",
        "Head of Procurement",
        2,
        "tennis",
        "supplier risk, contracts",
        "a second source for scanners",
    ),
    ("Emil Novak", "Procurement", "Buyer", 0, "fishing", "packaging materials", "forecasts"),
    (
        "Sofia Rossi",
        "Customer Service",
        "Team Lead",
        1,
        "opera, cooking",
        "complaint handling",
        "root causes of late deliveries",
    ),
    ("Ahmed Hassan", "Customer Service", "Agent", 0, "gaming", "track and trace", "better tooling"),
    (
        "Ingrid Larsen",
        "Sustainability",
        "Sustainability Officer",
        1,
        "trail running",
        "CSRD reporting, carbon accounting",
        "fleet emissions data",
    ),
]
OUTSIDE = [
    (
        "Ann Lee",
        "Contoso Retail",
        "Supply Chain",
        "Director of Logistics",
        "customer",
        2,
        "offshore sailing, gardening",
        "retail replenishment",
        "same-day delivery in three cities",
    ),
    (
        "Bob Stone",
        "Fabrikam Robotics",
        "Sales",
        "Key Account Manager",
        "supplier",
        1,
        "motorbikes",
        "pallet robots, AMR fleets",
        "a reference site",
    ),
    (
        "Carmen Díaz",
        "Tailspin Foods",
        "Operations",
        "COO",
        "customer",
        3,
        "flamenco, wine",
        "cold chain",
        "lower spoilage",
    ),
    (
        "Dmitri Volkov",
        "Litware Scanners",
        "Product",
        "Product Manager",
        "supplier",
        1,
        "chess",
        "barcode and RFID scanners",
        "field feedback",
    ),
    (
        "Elena Petrova",
        "",
        "",
        "Independent consultant",
        "expert",
        1,
        "yoga, sailing",
        "warehouse automation, lean",
        "speaking slots",
    ),
    (
        "Farid Haddad",
        "TU Logistics Lab",
        "Research",
        "Professor",
        "expert",
        2,
        "history of trade",
        "routing algorithms, pricing data",
        "industry data sets",
    ),
    (
        "Gwen Porter",
        "Logistics Weekly",
        "Editorial",
        "Senior Editor",
        "journalist",
        2,
        "crime novels",
        "industry trends",
        "stories with numbers",
    ),
    (
        "Hiro Sato",
        "Supply Chain Podcast",
        "",
        "Host",
        "journalist",
        1,
        "jazz, coffee",
        "interviews",
        "guests with opinions",
    ),
    (
        "Isabel Costa",
        "Woodgrove Bank",
        "Corporate Banking",
        "Relationship Manager",
        "other",
        1,
        "surfing",
        "trade finance",
        "introductions to CFOs",
    ),
    (
        "Jamal Carter",
        "Contoso Retail",
        "Procurement",
        "Category Buyer",
        "customer",
        1,
        "basketball",
        "tenders",
        "benchmarks on pricing",
    ),
    (
        "Kerstin Vogel",
        "Fabrikam Robotics",
        "Executive",
        "CEO",
        "supplier",
        3,
        "sailing, classical music",
        "robotics business",
        "lighthouse customers",
    ),
    (
        "Luca Bianchi",
        "Adatum Freight",
        "Operations",
        "Fleet Manager",
        "supplier",
        1,
        "cycling",
        "electric trucks",
        "charging infrastructure",
    ),
    (
        "Maya Goldberg",
        "",
        "",
        "Author of 'Flow Warehouses'",
        "expert",
        2,
        "running, piano",
        "flow design, lean",
        "case studies",
    ),
    (
        "Nina Schulz",
        "Tailspin Foods",
        "Quality",
        "Quality Manager",
        "customer",
        1,
        "baking",
        "HACCP, audits",
        "fewer temperature excursions",
    ),
    (
        "Omar Farouk",
        "Proseware",
        "Engineering",
        "CTO",
        "other",
        2,
        "kitesurfing",
        "kubernetes operators, IoT",
        "pilot customers",
    ),
    (
        "Paula Lindqvist",
        "Northwind Logistics",
        "Strategy",
        "Head of Strategy",
        "internal",
        3,
        "architecture, hiking",
        "M&A, market sizing",
        "a view from the floor",
    ),
    (
        "Quentin Moreau",
        "Adatum Freight",
        "Sales",
        "Sales Director",
        "supplier",
        2,
        "rugby, wine",
        "freight contracts",
        "volume commitments",
    ),
    (
        "Rosa Jiménez",
        "Logistics Weekly",
        "Editorial",
        "Reporter",
        "journalist",
        1,
        "salsa",
        "labour market",
        "sources on automation",
    ),
    (
        "Stefan Ilić",
        "TU Logistics Lab",
        "Research",
        "PhD student",
        "expert",
        0,
        "basketball",
        "digital twins",
        "a thesis partner",
    ),
    (
        "Tara Singh",
        "Contoso Retail",
        "Executive",
        "Chief Supply Chain Officer",
        "customer",
        3,
        "polo, art",
        "omnichannel",
        "a partner for peak season",
    ),
]
PROSPECTS = [
    (
        "Victor Almeida",
        "Northwind Logistics",
        "Legal",
        "General Counsel",
        "internal",
        3,
        "",
        "contracts, compliance",
        "",
    ),
    (
        "Wen Liu",
        "Northwind Logistics",
        "Facilities",
        "Head of Facilities",
        "internal",
        2,
        "",
        "building automation",
        "",
    ),
    (
        "Xavier Dubois",
        "Tailspin Foods",
        "Executive",
        "CEO",
        "customer",
        3,
        "sailing",
        "food retail",
        "",
    ),
]
LEARNINGS = [
    (
        "Pallet robots cut picking time by a third",
        "trade-show",
        "LogiMAT",
        "LogiMAT 2026",
        "automation, robots, picking",
        "Three vendors at **LogiMAT** showed autonomous pallet movers working *with* people, not instead of them.\n\n"
        "- Picking time fell by about a third at two reference sites.\n- Payback claimed at 2.5 years, with leasing.\n"
        "- The hard part is the WMS integration, not the robots.\n\nWorth a pilot in the returns area.",
    ),
    (
        "Scanners with RFID fallback",
        "trade-show",
        "LogiMAT",
        "LogiMAT 2026",
        "scanners, rfid, supplier risk",
        "Litware's new handhelds read RFID when barcodes are damaged. Fewer manual entries, fewer errors.\n\n"
        "A second source for scanners would reduce our supplier risk.",
    ),
    (
        "Cold chain: spoilage is a data problem",
        "trade-show",
        "LogiMAT",
        "LogiMAT 2026",
        "cold chain, data, iot",
        "Temperature loggers are cheap; the value is in alerting the right person within minutes. "
        "Spoilage fell 40% where alerts went to drivers, not to a dashboard.",
    ),
    (
        "Flow Warehouses: design for flow, not storage",
        "book",
        "Maya Goldberg",
        "",
        "lean, flow, warehouse design",
        "Goldberg argues that most warehouses are designed to store and then asked to flow.\n\n"
        "> Measure the time a pallet waits, not the time it moves.\n\nChapter 4 on slotting is the practical one.",
    ),
    (
        "Pricing freight by the hour of day",
        "podcast",
        "Supply Chain Podcast, ep. 112",
        "",
        "pricing, freight, data",
        "Hiro interviewed a carrier that prices by time slot. Off-peak deliveries 12% cheaper; customers accepted it "
        "when they could choose in the ordering screen.",
    ),
    (
        "Kubernetes operators at the edge",
        "article",
        "Proseware blog",
        "",
        "kubernetes operators, edge, iot",
        "Running the scanner fleet's software on small edge clusters; operators handle updates and rollbacks. "
        "Interesting for our 14 depots.",
    ),
    (
        "CSRD: what logistics must report from 2026",
        "workshop",
        "Chamber of Commerce workshop",
        "",
        "csrd, sustainability, reporting",
        "Scope 3 emissions from subcontracted freight are the gap. Start collecting fleet data now.",
    ),
    (
        "Negotiating with a second source",
        "conversation",
        "Chloé Martin",
        "",
        "procurement, supplier risk",
        "A credible second source changes the conversation with the first. Share the forecast, not the budget.",
    ),
]


def demo_folder(base: Path | None = None, day: date | None = None) -> Path:
    """A fresh demo journal for this process (never the user's) and where it is.

    Each process gets its own folder (`demo/<pid>`), so a second `--demo` window or a
    `netjournal --demo review` never wipes a demo someone is trying out; folders of processes
    that have ended are removed.
    """
    demos = (base or Path(platformdirs.user_cache_dir(APP, appauthor=False))) / "demo"
    _remove_ended(demos)
    folder = demos / str(os.getpid())
    if folder.exists():
        shutil.rmtree(folder)
    build_demo(Store.open(folder), day or date.today())
    return folder


def _remove_ended(demos: Path) -> None:
    if not demos.is_dir():
        return
    for folder in demos.iterdir():
        if folder.name.isdigit() and not _alive(int(folder.name)):
            shutil.rmtree(folder, ignore_errors=True)
        elif not folder.name.isdigit():  # the single demo journal of earlier versions
            if folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)
            else:
                folder.unlink(missing_ok=True)


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:  # someone else's process
        return True
    return True


def build_demo(store: Store, day: date, seed: int = 7) -> None:
    """Fill `store` with the demo network, relative to `day`."""
    rng = random.Random(seed)
    people: list[Person] = []
    for name, dept, role, influence, interests, expertise, needs in COLLEAGUES:
        people.append(Person.create(
            name=name, org=COMPANY, department=dept, role=role, kind="internal", influence=influence,
            interests=interests, expertise=expertise, needs=needs, tags="colleague",
            email=[f"{name.split()[0].lower()}@northwind.example"],
        ))  # fmt: skip
    for name, org, dept, role, kind, influence, interests, expertise, needs in OUTSIDE:
        people.append(Person.create(
            name=name, org=org, department=dept, role=role, kind=kind, influence=influence,
            interests=interests, expertise=expertise, needs=needs,
            tags="logimat" if rng.random() < 0.4 else "", met_via=rng.choice(
                ["LogiMAT 2026", "introduced by Priya Raman", "conference dinner", "LinkedIn", ""]),
        ))  # fmt: skip
    for name, org, dept, role, kind, influence, interests, expertise, needs in PROSPECTS:
        people.append(Person.create(
            name=name, org=org, department=dept, role=role, kind=kind, influence=influence,
            interests=interests, expertise=expertise, needs=needs, status="prospect",
        ))  # fmt: skip
    learnings = [
        Learning.create(title=title, source_kind=kind, source=source, event=event, tags=tags, body=body,
                        date=day - timedelta(days=rng.randint(5, 120)))
        for title, kind, source, event, tags, body in LEARNINGS
    ]  # fmt: skip
    by_name = {person.name: person for person in people}
    connected = [person for person in people if person.status == "connected"]
    topics = ["pilot for pallet robots", "peak season staffing", "scanner replacement", "quarterly numbers",
              "carbon reporting", "the new WMS release", "a reference visit", "pricing for next year"]  # fmt: skip
    interactions = []
    for person in connected:
        # Executives and customers were met less recently: some of them are going cold.
        for _ in range(rng.randint(1, 4)):
            ago = rng.randint(1, 200) if person.influence < 3 else rng.randint(60, 240)
            interactions.append(Interaction.create(
                date=day - timedelta(days=ago), person_ids=[person.id],
                channel=rng.choice(["meeting", "call", "email", "coffee", "chat"]),
                summary=f"Talked about {rng.choice(topics)}",
            ))  # fmt: skip
    logimat = day - timedelta(days=40)
    for name in ("Ann Lee", "Bob Stone", "Dmitri Volkov", "Elena Petrova", "Kerstin Vogel"):
        interactions.append(Interaction.create(
            date=logimat, person_ids=[by_name[name].id], channel="event", event="LogiMAT 2026",
            summary="Met at the LogiMAT stand", learning_ids=[learnings[0].id] if name == "Ann Lee" else [],
        ))  # fmt: skip
    outreach = [
        plan_outreach("follow-up", [by_name["Bob Stone"]], due=day - timedelta(days=3),
                      notes="Send our returns volumes for the pilot quote."),
        plan_outreach("share", [by_name["Priya Raman"]], learning=learnings[0], due=day),
        plan_outreach("introduce", [by_name["Chloé Martin"], by_name["Dmitri Volkov"]],
                      due=day + timedelta(days=4), reason="Second source for scanners."),
        plan_outreach("reconnect", [by_name["Markus Brandt"]], due=day - timedelta(days=10)),
        plan_outreach("bring-in", [by_name["Victor Almeida"]], notes="Ask Helena for an introduction."),
        plan_outreach("ask", [by_name["Farid Haddad"]], due=day + timedelta(days=14),
                      title="Ask Farid for pricing data on Contoso's lanes"),
        plan_outreach("share", [by_name["Ingrid Larsen"]], learning=learnings[6], due=day + timedelta(days=2)),
    ]  # fmt: skip
    store.add(*people, *learnings, *interactions, *outreach)
