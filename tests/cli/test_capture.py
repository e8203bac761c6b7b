"""`netjournal add ...` and `netjournal log ...` through a real process, read back with --json."""

from __future__ import annotations

import calendar
import re
from datetime import date, timedelta
from pathlib import Path

from tests.cli.support import RunCli, added_id, by_name, ok_json, one_line_error, snapshot

ISO_STAMP = re.compile(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$")


def coming(weekday: int, today: date) -> date:
    """The next such weekday after today (never today itself), as planning dates mean."""
    return today + timedelta(days=(weekday - today.weekday() - 1) % 7 + 1)


def one_month_on(today: date) -> date:
    year, month = divmod(today.year * 12 + today.month, 12)
    month += 1
    return date(year, month, min(today.day, calendar.monthrange(year, month)[1]))


def test_add_person_with_every_flag_round_trips_through_list_json(run_cli: RunCli) -> None:
    added = run_cli(
        "add", "person", "Ann Lee",
        "--org", "Acme Logistics", "--dept", "Operations", "--role", "CTO",
        "--kind", "customer", "--influence", "3",
        "--interest", "sailing", "--interest", "warehouse robots",
        "--expertise", "supply chains", "--need", "a forklift supplier",
        "--tag", "vip", "--tag", "logimat",
        "--email", "ann@acme.example", "--email", "ann.lee@home.example",
        "--phone", "+49 30 1234567", "--link", "https://example.com/ann",
        "--cadence", "30", "--prospect", "--met-via", "Bob at LogiMAT",
        "--notes", "Prefers email.\nLikes boats.",
    )  # fmt: skip
    ann_id = added_id(added)
    assert added.stdout.startswith("Added Ann Lee (")
    bob_id = added_id(run_cli("add", "person", "Bob Stone"))

    people = ok_json(run_cli("list", "people", "--json"))

    assert isinstance(people, list)
    assert [p["name"] for p in people] == ["Ann Lee", "Bob Stone"]
    ann, bob = people
    assert ann["id"] == ann_id
    assert ISO_STAMP.match(ann["created"]) and ISO_STAMP.match(ann["updated"])
    assert {k: v for k, v in ann.items() if k not in ("id", "created", "updated")} == {
        "name": "Ann Lee",
        "org": "Acme Logistics",
        "department": "Operations",
        "role": "CTO",
        "kind": "customer",
        "influence": 3,
        "status": "prospect",
        "interests": ["sailing", "warehouse robots"],
        "expertise": ["supply chains"],
        "needs": ["a forklift supplier"],
        "tags": ["vip", "logimat"],
        "email": ["ann@acme.example", "ann.lee@home.example"],
        "phone": ["+49 30 1234567"],
        "links": ["https://example.com/ann"],
        "met_via": "Bob at LogiMAT",
        "cadence_days": 30,
        "notes": "Prefers email.\nLikes boats.",
        "quiet_until": None,  # not kept out of the review (z in it sets a day)
        "last_contact": None,
    }
    # A person added with no flags gets the documented defaults.
    assert bob["id"] == bob_id
    assert (bob["kind"], bob["influence"], bob["status"]) == ("other", 0, "connected")
    assert bob["interests"] == bob["email"] == bob["tags"] == []
    assert bob["cadence_days"] is None and bob["last_contact"] is None

    # Last contact is derived from interactions: logging sets it, for that person only.
    yesterday = date.today() - timedelta(days=1)
    added_id(run_cli("log", "ann", "-m", "Coffee", "--date", "yesterday"))
    after = by_name(ok_json(run_cli("list", "people", "--json")))
    assert after["Ann Lee"]["last_contact"] == yesterday.isoformat()
    assert after["Bob Stone"]["last_contact"] is None


def test_add_learning_with_every_flag(run_cli: RunCli) -> None:
    result = run_cli(
        "add", "learning", "Pallet robots are here",
        "-m", "Autonomous forklifts **everywhere**.\n\nThree vendors ship now.",
        "--source-kind", "trade-show", "--source", "LogiMAT keynote",
        "--url", "https://example.com/logimat", "--event", "LogiMAT 2026",
        "--tag", "robots", "--tag", "warehouse", "--date", "yesterday",
    )  # fmt: skip
    learning_id = added_id(result)
    assert result.stdout.startswith("Added learning 'Pallet robots are here' (")
    added_id(run_cli("add", "learning", "Plain one"))

    learnings = ok_json(run_cli("list", "learnings", "--json"))

    # Newest first: today's learning before yesterday's.
    assert [item["title"] for item in learnings] == ["Plain one", "Pallet robots are here"]
    plain, pallets = learnings
    assert pallets["id"] == learning_id
    assert {k: v for k, v in pallets.items() if k not in ("id", "created", "updated")} == {
        "date": (date.today() - timedelta(days=1)).isoformat(),
        "title": "Pallet robots are here",
        "body": "Autonomous forklifts **everywhere**.\n\nThree vendors ship now.",
        "source_kind": "trade-show",
        "source": "LogiMAT keynote",
        "url": "https://example.com/logimat",
        "event": "LogiMAT 2026",
        "tags": ["robots", "warehouse"],
    }
    assert plain["date"] == date.today().isoformat()
    assert (plain["body"], plain["source_kind"], plain["tags"]) == ("", "other", [])


def test_add_outreach_of_every_kind(run_cli: RunCli) -> None:
    ann = added_id(run_cli("add", "person", "Ann Lee"))
    bob = added_id(run_cli("add", "person", "Bob Stone"))
    learning = added_id(run_cli("add", "learning", "Pallet robots are here"))
    today = date.today()

    share = run_cli("add", "outreach", "share", "--to", "ann", "--learning", "palet robots",
                    "--due", "fri")  # fmt: skip
    introduce = run_cli("add", "outreach", "introduce", "--to", "ann", "bob", "--due", "+2w",
                        "--reason", "both run pallet robot pilots")  # fmt: skip
    follow_up = run_cli("add", "outreach", "follow-up", "--to", "bob stone",
                        "--due", "next month", "-m", "Ask about the pilot")  # fmt: skip
    ask = run_cli("add", "outreach", "ask", "--to", "Ann", "Bob")
    reconnect = run_cli("add", "outreach", "reconnect", "--to", "bob")
    bring_in = run_cli("add", "outreach", "bring-in", "--to", "ann", "--due", "today",
                       "--title", "Get Ann onto the advisory board")  # fmt: skip
    ids = [added_id(r) for r in (share, introduce, follow_up, ask, reconnect, bring_in)]

    fri, two_weeks, month = coming(4, today), today + timedelta(weeks=2), one_month_on(today)
    assert share.stdout == (
        f"Planned: Share 'Pallet robots are here' with Ann Lee, due {fri.isoformat()} ({ids[0]}).\n"
    )
    assert introduce.stdout.startswith(
        f"Planned: Introduce Ann Lee to Bob Stone, due {two_weeks.isoformat()} ("
    )
    assert reconnect.stdout.startswith("Planned: Reconnect with Bob Stone, someday (")

    items = {item["id"]: item for item in ok_json(run_cli("list", "outreach", "--json"))}
    assert set(items) == set(ids)
    expected = [
        ("share", "Share 'Pallet robots are here' with Ann Lee", [ann], learning, fri),
        ("introduce", "Introduce Ann Lee to Bob Stone", [ann, bob], "", two_weeks),
        ("follow-up", "Follow up with Bob Stone", [bob], "", month),
        ("ask", "Ask Ann Lee and Bob Stone", [ann, bob], "", None),
        ("reconnect", "Reconnect with Bob Stone", [bob], "", None),
        ("bring-in", "Get Ann onto the advisory board", [ann], "", today),
    ]
    for record_id, (kind, title, people, learning_id, due) in zip(ids, expected, strict=True):
        item = items[record_id]
        assert (item["kind"], item["title"], item["person_ids"]) == (kind, title, people)
        assert item["learning_id"] == learning_id
        assert item["due"] == (due.isoformat() if due else None)
        assert (item["status"], item["snoozed_until"], item["done_at"]) == ("open", None, None)
    assert items[ids[2]]["notes"] == "Ask about the pilot"
    assert items[ids[1]]["reason"] == "both run pallet robot pilots"
    # Listed open items soonest first, someday last.
    order = [item["id"] for item in ok_json(run_cli("list", "outreach", "--json"))]
    assert order.index(ids[5]) < order.index(ids[0]) < order.index(ids[1]) < order.index(ids[2])
    assert set(order[-2:]) == {ids[3], ids[4]}


def test_due_dates_in_everyday_forms_are_stored_as_iso(run_cli: RunCli) -> None:
    added_id(run_cli("add", "person", "Ann Lee"))
    today = date.today()
    typed = {
        "fri": coming(4, today),
        "monday": coming(0, today),
        "+3d": today + timedelta(days=3),
        "+2w": today + timedelta(weeks=2),
        "in 2 weeks": today + timedelta(weeks=2),
        "next month": one_month_on(today),
        "2031-07-04": date(2031, 7, 4),
    }
    for text in typed:
        added_id(run_cli("add", "outreach", "follow-up", "--to", "ann", "--due", text,
                         "--title", text))  # fmt: skip
    dues = {item["title"]: item["due"] for item in ok_json(run_cli("list", "outreach", "--json"))}
    assert dues == {text: day.isoformat() for text, day in typed.items()}


def test_log_several_people_with_date_channel_and_event(run_cli: RunCli) -> None:
    ann = added_id(run_cli("add", "person", "Ann Lee", "--org", "Acme"))
    jurgen = added_id(run_cli("add", "person", "Jürgen Müller"))
    bob = added_id(run_cli("add", "person", "Bob Stone"))

    logged = run_cli("log", "ann", "jurgen", "-m", "Talked about pallet robots",
                     "--date", "yesterday", "--channel", "coffee", "--event", "LogiMAT 2026")  # fmt: skip
    first = added_id(logged)
    yesterday = (date.today() - timedelta(days=1)).isoformat()
    assert logged.stdout.startswith(f"Logged coffee with Ann Lee, Jürgen Müller on {yesterday} (")
    # The same person named twice is logged once; defaults are a meeting today.
    second = added_id(run_cli("log", "Bob", "bob stone", "BOB STONE", "-m", "Quick sync"))

    items = {i["id"]: i for i in ok_json(run_cli("list", "interactions", "--json"))}
    assert set(items) == {first, second}
    one = items[first]
    assert one["person_ids"] == [ann, jurgen]
    assert (one["date"], one["channel"], one["event"]) == (yesterday, "coffee", "LogiMAT 2026")
    assert one["summary"] == "Talked about pallet robots"
    two = items[second]
    assert two["person_ids"] == [bob]
    assert (two["date"], two["channel"], two["event"]) == (date.today().isoformat(), "meeting", "")
    # Newest first.
    assert [i["id"] for i in ok_json(run_cli("list", "interactions", "--json"))] == [
        second,
        first,
    ]


def test_names_match_fuzzily_ignoring_case_and_accents(run_cli: RunCli) -> None:
    ids = {
        name: added_id(run_cli("add", "person", name))
        for name in ("Ann Lee", "Jürgen Müller", "Bob Stone", "Robert Stone", "Zoë O'Neil")
    }
    typed = {
        "ann": "Ann Lee",
        "ANN LEE": "Ann Lee",
        "jurgen": "Jürgen Müller",
        "JURGEN MULLER": "Jürgen Müller",
        "müller": "Jürgen Müller",
        "bob": "Bob Stone",
        "robert": "Robert Stone",
        "zoe oneil": "Zoë O'Neil",
        ids["Robert Stone"]: "Robert Stone",  # an id always works
    }
    for text, name in typed.items():
        result = run_cli("log", text, "-m", f"typed {text}")
        added_id(result)
        assert f" with {name} on " in result.stdout, (text, result.stdout)
    logged = {i["summary"]: i["person_ids"] for i in ok_json(run_cli("list", "interactions", "--json"))}  # fmt: skip
    assert logged == {f"typed {text}": [ids[name]] for text, name in typed.items()}


def test_an_ambiguous_name_is_refused_listing_both_and_writes_nothing(
    run_cli: RunCli, journal_dir: Path
) -> None:
    bob = added_id(run_cli("add", "person", "Bob Stone"))
    robert = added_id(run_cli("add", "person", "Robert Stone"))
    added_id(run_cli("add", "learning", "Pallet robots"))
    before = snapshot(journal_dir)

    for args in (
        ("log", "stone", "-m", "Which one?"),
        ("log", "Bob", "stone", "-m", "Which one?"),
        ("add", "outreach", "follow-up", "--to", "stone", "--due", "fri"),
    ):
        line = one_line_error(run_cli(*args))
        assert line.startswith("netjournal: 'stone' matches more than one person")
        for name, record_id in (("Bob Stone", bob), ("Robert Stone", robert)):
            assert name in line and record_id in line, line
    assert snapshot(journal_dir) == before


def test_an_ambiguous_learning_is_refused_listing_both(run_cli: RunCli, journal_dir: Path) -> None:
    added_id(run_cli("add", "person", "Ann Lee"))
    first = added_id(run_cli("add", "learning", "Pallet robots"))
    second = added_id(run_cli("add", "learning", "Pallet robots in cold storage"))
    before = snapshot(journal_dir)

    line = one_line_error(
        run_cli("add", "outreach", "share", "--to", "ann", "--learning", "pallet")
    )

    assert "more than one learning" in line and first in line and second in line
    assert snapshot(journal_dir) == before


def test_an_unknown_name_is_one_line_and_writes_nothing(run_cli: RunCli, journal_dir: Path) -> None:
    added_id(run_cli("add", "person", "Ann Lee"))
    added_id(run_cli("add", "learning", "Pallet robots"))
    before = snapshot(journal_dir)

    for args, said in (
        (("log", "Ann", "Zelda Quist", "-m", "hi"), "No person matches 'Zelda Quist'."),
        (("add", "outreach", "reconnect", "--to", "nobody"), "No person matches 'nobody'."),
        (("add", "outreach", "share", "--to", "ann", "--learning", "quantum"),
         "No learning matches 'quantum'."),
    ):  # fmt: skip
        assert one_line_error(run_cli(*args)) == f"netjournal: {said}"
    assert snapshot(journal_dir) == before


def test_a_date_backwards_like_minus_one_week_is_a_date_not_an_option(run_cli: RunCli) -> None:
    added_id(run_cli("add", "person", "Ann Lee"))
    logged = run_cli("log", "ann", "-m", "Coffee", "--date", "-1w")
    assert logged.returncode == 0, logged.stderr
    [talk] = ok_json(run_cli("list", "interactions", "--json"))
    assert talk["date"] == (date.today() - timedelta(weeks=1)).isoformat()


def test_add_person_refuses_the_same_name_and_org_unless_new(
    run_cli: RunCli, journal_dir: Path
) -> None:
    first = added_id(run_cli("add", "person", "Ann Lee", "--org", "Contoso"))
    second = added_id(run_cli("add", "person", "Ann Lee", "--org", "Contoso", "--new"))
    before = snapshot(journal_dir)

    for typed in (("ann lee", "--org", "CONTOSO"), ("Ann  Lée", "--org", "contoso")):
        line = one_line_error(run_cli("add", "person", *typed))
        assert line.startswith("netjournal: Already in your journal with the same name and org: ")
        assert f"Ann Lee (Contoso, {first}); Ann Lee (Contoso, {second})" in line  # every one
        assert line.endswith("nothing was added (add --new if this is another person).")
    assert snapshot(journal_dir) == before

    # Both without an org are the same too; spelt-out umlauts and plain letters count.
    added_id(run_cli("add", "person", "Jürgen Müller"))
    added_id(run_cli("add", "person", "Đorđe Petrović"))
    for name in ("Juergen Mueller", "dorde petrovic"):
        assert "Already in your journal" in one_line_error(run_cli("add", "person", name))


def test_add_person_notes_a_namesake_elsewhere_or_a_close_name_and_adds_them(
    run_cli: RunCli,
) -> None:
    ann = added_id(run_cli("add", "person", "Ann Lee", "--org", "Contoso"))

    elsewhere = run_cli("add", "person", "Ann Lee", "--org", "Fabrikam")
    added_id(elsewhere)
    assert elsewhere.stderr == (
        f"netjournal: note: Ann Lee (Contoso, {ann}) was already in your journal; now 2 people "
        "share the name.\n"
    )
    close = run_cli("add", "person", "Anne Lee", "--org", "Contoso")
    added_id(close)
    assert close.stderr.startswith("netjournal: note: also in your journal with a similar name: ")
    assert f"Ann Lee (Contoso, {ann})" in close.stderr
    assert "Ann Lee (Fabrikam, " in close.stderr  # every candidate, not only the first
    assert len(ok_json(run_cli("list", "people", "--json"))) == 3


def test_names_typed_plain_find_letters_without_accents_to_drop(run_cli: RunCli) -> None:
    ids = {name: added_id(run_cli("add", "person", name))
           for name in ("Đorđe Petrović", "Łukasz Wróbel", "Søren Ørsted", "Grete Straße",
                        "Æsa Kjær")}  # fmt: skip
    for typed, name in (("dorde", "Đorđe Petrović"), ("lukasz wrobel", "Łukasz Wróbel"),
                        ("orsted", "Søren Ørsted"), ("strasse", "Grete Straße"),
                        ("aesa", "Æsa Kjær")):  # fmt: skip
        logged = run_cli("log", typed, "-m", "Coffee")
        added_id(logged)
        assert f" with {name} on " in logged.stdout
        hits = ok_json(run_cli("search", f"p:{typed}", "--json"))
        assert [hit["id"] for hit in hits] == [ids[name]], (typed, hits)
