"""The daily keys in a real terminal: netjournal in tmux (120x36), keys sent with `tmux
send-keys`, the pane polled with `capture-pane` every 3 ms until it shows the answer.

    python benchmarks/tmux_daily.py COPY_OF_JOURNAL [--code OLDROOT] [--session NAME]

Run it on a copy of the journal (the app may write its search cache there). Prints the
seconds per key as JSON. It times the first *visible* change; see README ("bench_daily.py").
"""
import argparse
import json
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
parser = argparse.ArgumentParser()
parser.add_argument("journal")
parser.add_argument("--code", default="", help="a folder holding another netjournal/")
parser.add_argument("--session", default="nj-daily")
args = parser.parse_args()
code, journal, session = args.code, args.journal, args.session
work = Path(tempfile.mkdtemp(prefix="nj-tmux-"))
command = (f"cd {ROOT} && PYTHONPATH={code} XDG_CONFIG_HOME={work}/config "
           f"XDG_STATE_HOME={work}/state {sys.executable} -m netjournal --dir {journal}")
from netjournal.core.people_filter import filter_people  # noqa: E402
from netjournal.core.store import Store  # noqa: E402

store = Store.open(Path(journal))
people = sorted(store.people(), key=lambda p: p.name.casefold())
learnings = sorted(store.learnings(), key=lambda x: (x.date, x.created), reverse=True)


def tm(*words: str) -> str:
    return subprocess.run(["tmux", *words], capture_output=True, text=True).stdout


def screen() -> str:
    return tm("capture-pane", "-p", "-t", session)


def header(shown: str) -> str:
    return shown.splitlines()[0] if shown else ""


def wait(shows, began: float, what: str, limit: float = 60) -> float:  # type: ignore[no-untyped-def]
    while True:
        shown = screen()
        if shows(shown):
            return time.perf_counter() - began
        if time.perf_counter() - began > limit:
            tm("kill-session", "-t", session)
            sys.exit(f"timed out waiting for {what}; the screen:\n{shown}")
        time.sleep(0.003)


def key(name: str, shows, what: str = "") -> float:  # type: ignore[no-untyped-def]
    began = time.perf_counter()
    tm("send-keys", "-t", session, name)
    return wait(shows, began, what or name)


out: dict[str, list[float]] = {}
began = time.perf_counter()
tm("new-session", "-d", "-s", session, "-x", "120", "-y", "36", command)
first = people[0].name[:20]
out["people on screen after start"] = [wait(lambda s: first in s, began, "People")]
time.sleep(6)  # the rest of the journal and the search index
title = learnings[0].title[:20]
areas = [
    ("2", lambda s: "Journal" in header(s) and title in s),
    ("3", lambda s: "Outreach" in header(s)),
    ("4", lambda s: "Review" in header(s)),
    ("5", lambda s: "Network" in header(s)),
    ("1", lambda s: "People" in header(s) and first in s),
]
for round_ in range(3):
    for name, shows in areas:
        out.setdefault("area switch" if round_ else "area first visit", []).append(key(name, shows))
        time.sleep(0.8)
tm("send-keys", "-t", session, "f")
time.sleep(0.5)
for phrase in (people[len(people) // 3].name.lower(), "kind:customer sie"):
    for end in range(1, len(phrase) + 1):
        found = sorted(filter_people(people, phrase[:end]), key=lambda p: p.name.casefold())
        top = found[0].name[:18] if found else "Nobody matches"
        typed = "Space" if phrase[end - 1] == " " else phrase[end - 1]
        out.setdefault("filter keystroke", []).append(key(typed, lambda s, top=top: top in s))
        time.sleep(0.15)
    for _ in phrase:
        tm("send-keys", "-t", session, "BSpace")
    time.sleep(1.0)
tm("send-keys", "-t", session, "Escape")
time.sleep(0.5)
for n in range(3):
    person = people[(n * 997 + 11) % len(people)]
    tm("send-keys", "-t", session, "C-p")
    time.sleep(0.8)
    tm("send-keys", "-t", session, "-l", person.name)
    time.sleep(1.5)

    def shown(s: str, name: str = person.name[:12]) -> bool:
        lines = s.splitlines()
        return ("People" in header(s) and "Influence" in s and sum(name in x for x in lines) >= 2
                and not any("Person   " in x for x in lines))  # fmt: skip

    out.setdefault("ctrl+p: enter, person shown", []).append(key("Enter", shown))
    time.sleep(0.5)
    form = key("l", lambda s: "Log an interaction with" in s)
    out.setdefault("l: log form open", []).append(form)
    time.sleep(0.5)
    key("Escape", lambda s: "Log an interaction with" not in s)
    time.sleep(0.5)
tm("kill-session", "-t", session)
print(json.dumps(out))
