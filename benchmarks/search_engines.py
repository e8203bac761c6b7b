"""Search engines side by side on one journal: a pure-Python index, tantivy, SQLite FTS5, grep.

    /tmp/tv/bin/python benchmarks/search_engines.py /tmp/nj-bench [--work DIR] [--repeats N]

Needs a Python with the project's dependencies plus `tantivy` (0.27); the app does not depend
on tantivy. Each engine is built and measured in its own fresh process (peak memory is that
process's VmHWM); reopening an index from disk or cache is timed in another fresh process,
from the interpreter's start. Keystroke times run from the query string to a list of the top
50 record ids (no UI update). Scratch files go to --work (a temporary folder by default,
removed at the end).
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import shutil
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

STARTED = time.perf_counter()
ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(1, str(ROOT))

from rapidfuzz import fuzz, process  # noqa: E402

from netjournal.core.names import fold  # noqa: E402
from netjournal.core.search_index import SearchIndex  # noqa: E402

TOP = 50  # result ids per keystroke
RERANK = 300  # candidates reranked with rapidfuzz at most
BUDGET_KEY_MS = 30.0
BUDGET_READY_S = 1.5
BUDGET_MB = 800.0


def vm_hwm_mb() -> float:
    """Peak RSS of this process since exec (VmHWM; ru_maxrss would include the parent's)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def p95(values: list[float]) -> float:
    ordered = sorted(values)
    return ordered[max(0, -(-95 * len(ordered) // 100) - 1)]


# The journal, as the app would hold it


def load_records() -> tuple[list[tuple], float]:
    """(id, type, title, updated, record) of every record, newest first, and the load time.

    The searchable text is made from the record when an engine indexes it (as the app would).
    """
    from netjournal.core.search import TYPE_NAMES
    from netjournal.core.store import Store

    began = time.perf_counter()
    store = Store.open(JOURNAL)
    records = [*store.people(), *store.learnings(), *store.interactions(), *store.outreach()]
    loaded = time.perf_counter() - began
    rows = [
        (r.id, TYPE_NAMES[r.TABLE], r.label, r.updated, r)
        for r in sorted(records, key=lambda r: r.updated, reverse=True)
    ]
    return rows, loaded


# 1. A pure-Python inverted index: the one netjournal ships (netjournal.core.search_index)


# 2. tantivy


def tantivy_distance(word: str) -> int:
    """Edits tantivy forgives in a typed word: none below 5 letters, 1 up to 7, 2 from 8."""
    return 0 if len(word) < 5 else 1 if len(word) < 8 else 2


def tantivy_analyzer():
    import tantivy

    return (
        tantivy.TextAnalyzerBuilder(tantivy.Tokenizer.simple())
        .filter(tantivy.Filter.remove_long(40))
        .filter(tantivy.Filter.lowercase())
        .filter(tantivy.Filter.ascii_fold())
        .build()
    )


def tantivy_schema():
    import tantivy

    builder = tantivy.SchemaBuilder()
    builder.add_text_field("id", stored=True, tokenizer_name="raw")
    builder.add_text_field("type", stored=True, tokenizer_name="raw")
    builder.add_integer_field("n", stored=False, fast=True)  # recency rank, for the rerank
    builder.add_text_field("title", stored=True, tokenizer_name="fold")
    builder.add_text_field("text", tokenizer_name="fold", index_option="freq")
    return builder.build()


def tantivy_open(path: Path):
    import tantivy

    index = tantivy.Index(tantivy_schema(), path=str(path), reuse=True)
    index.register_tokenizer("fold", tantivy_analyzer())
    return index


class TantivySearch:
    def __init__(self, index, distance_cap: int = 1, titles: list[str] | None = None) -> None:
        import tantivy

        self.tantivy = tantivy
        self.index = index
        self.schema = index.schema
        self.searcher = index.searcher()
        self.cap = distance_cap
        self.titles = titles  # folded titles by recency rank: set for "tantivy + rerank"
        self.ids_by_rank: list[str] | None = None

    def query(self, query: str):
        t = self.tantivy
        typed = fold(query).split()
        last_open = not query[-1:].isspace()
        musts = []
        for i, word in enumerate(typed):
            prefix = last_open and i == len(typed) - 1
            distance = min(self.cap, tantivy_distance(word))
            parts = []
            for field, boost in (("text", 1.0), ("title", 2.0)):
                q = t.Query.fuzzy_term_query(
                    self.schema, field, word, distance=distance, prefix=prefix
                )
                parts.append((t.Occur.Should, t.Query.boost_query(q, boost) if boost != 1 else q))
            musts.append((t.Occur.Must, t.Query.boolean_query(parts)))
        return t.Query.boolean_query(musts) if musts else None

    def search(self, query: str, limit: int = TOP) -> list[str]:
        q = self.query(query)
        if q is None:
            return []
        searcher = self.searcher
        if self.titles is None:
            hits = searcher.search(q, limit, count=False).hits
            return [searcher.doc(address)["id"][0] for _, address in hits]
        hits = searcher.search(q, RERANK, count=False).hits
        ranks = searcher.fast_field_values("n", [address for _, address in hits])
        wanted = " ".join(fold(query).split())
        scored = process.extract(
            wanted, [self.titles[r] for r in ranks], scorer=fuzz.token_set_ratio, limit=None
        )
        scored.sort(key=lambda hit: (-hit[1], ranks[hit[2]]))
        return [self.ids_by_rank[ranks[at]] for _, _, at in scored[:limit]]  # type: ignore[index]


def tantivy_build(rows: list, path: Path):
    import tantivy

    index = tantivy_open(path)
    writer = index.writer(heap_size=256_000_000)
    from netjournal.core.search import record_text

    for rank, (rid, rtype, title, _updated, record) in enumerate(rows):
        text = record_text(record)
        writer.add_document(tantivy.Document(id=rid, type=rtype, n=rank, title=title, text=text))
    writer.commit()
    writer.wait_merging_threads()
    index.reload()
    return index


# 3. SQLite FTS5


def fts5_query(query: str) -> str:
    words = fold(query).split()
    if not words:
        return ""
    parts = [f'"{w}"' for w in words]
    if not query[-1:].isspace():
        parts[-1] += "*"
    return " ".join(parts)


def fts5_search(db: sqlite3.Connection, query: str, limit: int = TOP) -> list[str]:
    match = fts5_query(query)
    if not match:
        return []
    sql = "SELECT rid FROM f WHERE f MATCH ? ORDER BY bm25(f, 0, 0, 5.0, 1.0) LIMIT ?"
    return [row[0] for row in db.execute(sql, (match, limit))]


# The typing sequence and the relevance cases


def keystrokes(phrases: list[str]) -> list[str]:
    return [phrase[:i] for phrase in phrases for i in range(1, len(phrase) + 1)]


def mutate(word: str, how: str, rng: random.Random) -> str:
    at = len(word) // 2
    if how == "swap":
        return word[: at - 1] + word[at] + word[at - 1] + word[at + 1 :]
    if how == "drop":
        return word[:at] + word[at + 1 :]
    letter = rng.choice([c for c in "aeioustrnl" if c != word[at]])
    return word[:at] + letter + word[at + 1 :]


def pick_cases(rows: list[tuple]) -> dict:
    """Phrases to type and relevance cases, picked from the journal with a fixed seed."""
    rng = random.Random(7)
    people = [row for row in rows if row[1] == "person"]
    two = [r for r in people if len(r[2].split()) == 2 == len(fold(r[2]).split())]
    plain = sorted(r for r in two if r[2].isascii())
    accented = sorted(r for r in two if not r[2].isascii())
    title_words = [set(fold(row[2]).split()) for row in rows]
    df: dict[str, int] = {}
    for words in title_words:
        for word in words:
            df[word] = df.get(word, 0) + 1

    def unique(words: list[str]) -> bool:
        return sum(1 for ws in title_words if ws.issuperset(words)) == 1

    cases = []

    def add_title_case(kind: str, hows: tuple[str, str], reorder: bool) -> None:
        pool = [(i, r) for i, r in enumerate(rows) if r[1] == kind]
        rng.shuffle(pool)
        for i, row in pool:
            words = sorted(
                (w for w in title_words[i] if len(w) >= 6 and w.isalpha()), key=df.__getitem__
            )[:2]
            if len(words) == 2 and df[words[0]] > 1 and unique(words):
                typed = [mutate(w, how, rng) for w, how in zip(words, hows, strict=True)]
                if reorder:
                    typed.reverse()
                text = " ".join(typed)
                cases.append({"query": text, "expect": row[0], "about": f"{kind}: {row[2]}"})
                return

    add_title_case("learning", ("sub", "swap"), True)
    add_title_case("learning", ("drop", "sub"), False)
    add_title_case("interaction", ("swap", "sub"), True)
    for how in ("sub", "swap"):
        for row in rng.sample(plain, 50):
            first, last = fold(row[2]).split()
            if len(last) >= 5 and unique([first, last]):
                text = f"{mutate(last, how, rng)} {first}"
                cases.append({"query": text, "expect": row[0], "about": f"person: {row[2]}"})
                break
    for row in rng.sample(accented, 50):
        first, last = fold(row[2]).split()
        if unique([first, last]) and not (first.isascii() and row[2].split()[0].isascii()):
            cases.append({"query": f"{last} {first}", "expect": row[0], "about": row[2]})
            break
    name = next(r[2] for r in rng.sample(plain, 50) if unique(fold(r[2]).split()))
    accent = next(
        r[2] for r in rng.sample(accented, 50) if unique(fold(r[2]).split()) and r[2] != name
    )
    phrases = [
        "pallet robots",
        "kubernets operatrs",
        "supply chain risk",
        name,
        "logimat",
        fold(accent),
    ]
    return {"phrases": phrases, "cases": cases, "name": name, "accent": accent}


def measure_keys(search, cases: dict, repeats: int, reset=None) -> dict:
    keys = keystrokes(cases["phrases"])
    times: list[float] = []
    slowest = (0.0, "")
    for _ in range(repeats):
        if reset:
            reset()
        for key in keys:
            began = time.perf_counter()
            search(key)
            took = time.perf_counter() - began
            times.append(took)
            slowest = max(slowest, (took, key))
    found = {}
    for case in cases["cases"]:
        top = search(case["query"])
        found[case["query"]] = (top.index(case["expect"]) + 1) if case["expect"] in top else 0
    return {
        "key_ms": [t * 1000 for t in times],
        "slowest": [slowest[0] * 1000, slowest[1]],
        "rank": found,
        "full": {p: len(search(p)) for p in cases["phrases"]},
    }


# Children: one engine each, in a fresh process


def child_python(work: Path, repeats: int) -> dict:
    rows, loaded = load_records()
    cases = pick_cases(rows)
    (work / "cases.json").write_text(json.dumps(cases))
    gc.disable()  # as the app loads: no collector passes over the new objects
    began = time.perf_counter()
    index = SearchIndex.build(row[4] for row in rows)
    built = time.perf_counter() - began
    gc.enable()
    began = time.perf_counter()
    with open(work / "python.cache", "wb") as cache:  # as the store writes it, minus the rename
        cache.writelines(index.chunks())
        cache.flush()
        os.fsync(cache.fileno())
    saved = time.perf_counter() - began
    keys = measure_keys(index.search, cases, repeats, index._memo.clear)
    return {
        "load_s": loaded,
        "build_s": built,
        "save_s": saved,
        "cache_mb": (work / "python.cache").stat().st_size / 2**20,
        "vocab": len(index.vocab),
        "words": len(index.words),
        "postings": len(index.postings),
        "records": len(rows),
        **keys,
        "rss_mb": vm_hwm_mb(),
    }


def child_python_load(work: Path) -> dict:
    began = time.perf_counter()
    index = SearchIndex.load(work / "python.cache")
    assert index is not None, "the cache written by the build could not be read"
    loaded = time.perf_counter() - began
    index.search("pallet ro")
    return {
        "reopen_s": loaded,
        "ready_s": time.perf_counter() - STARTED + startup_offset(),
        "rss_mb": vm_hwm_mb(),
    }


def child_tantivy(work: Path, repeats: int) -> dict:
    import tantivy

    rows, loaded = load_records()
    cases = json.loads((work / "cases.json").read_text())
    path = work / "tantivy"
    path.mkdir()
    began = time.perf_counter()
    index = tantivy_build(rows, path)
    built = time.perf_counter() - began
    size = sum(f.stat().st_size for f in path.iterdir()) / 2**20
    out: dict = {"load_s": loaded, "build_s": built, "disk_mb": size}
    for label, cap, rerank in (("d1", 1, False), ("d2", 2, False), ("d1rerank", 1, True)):
        titles = [fold(row[2]) for row in rows] if rerank else None
        engine = TantivySearch(index, cap, titles)
        engine.ids_by_rank = [row[0] for row in rows]
        out[label] = measure_keys(engine.search, cases, repeats)
    # One add + commit, one delete + commit (as a save would do).
    writer = index.writer(heap_size=50_000_000)
    began = time.perf_counter()
    writer.add_document(tantivy.Document(id="new1", type="learning", n=0, title="x", text="x"))
    writer.commit()
    out["add_commit_s"] = time.perf_counter() - began
    began = time.perf_counter()
    writer.delete_documents_by_term("id", rows[5][0])
    writer.commit()
    out["delete_commit_s"] = time.perf_counter() - began
    began = time.perf_counter()
    index.reload()
    out["reload_s"] = time.perf_counter() - began
    writer.rollback()
    out["rss_mb"] = vm_hwm_mb()
    return out


def child_tantivy_open(work: Path) -> dict:
    began = time.perf_counter()
    index = tantivy_open(work / "tantivy")
    engine = TantivySearch(index, 1)
    engine.search("pallet ro")
    return {
        "reopen_s": time.perf_counter() - began,
        "ready_s": time.perf_counter() - STARTED + startup_offset(),
        "rss_mb": vm_hwm_mb(),
    }


def child_fts5(work: Path, repeats: int) -> dict:
    rows, loaded = load_records()
    cases = json.loads((work / "cases.json").read_text())
    path = work / "fts5.db"
    began = time.perf_counter()
    db = sqlite3.connect(path)
    db.execute(
        "CREATE VIRTUAL TABLE f USING fts5(rid UNINDEXED, rtype UNINDEXED, title, text,"
        " tokenize = 'unicode61 remove_diacritics 2')"
    )
    from netjournal.core.search import record_text

    db.executemany(
        "INSERT INTO f VALUES (?, ?, ?, ?)", ((r[0], r[1], r[2], record_text(r[4])) for r in rows)
    )
    db.commit()
    built = time.perf_counter() - began
    keys = measure_keys(lambda q: fts5_search(db, q), cases, repeats)
    db.close()
    return {
        "load_s": loaded,
        "build_s": built,
        "disk_mb": path.stat().st_size / 2**20,
        **keys,
        "rss_mb": vm_hwm_mb(),
    }


def child_fts5_open(work: Path) -> dict:
    began = time.perf_counter()
    db = sqlite3.connect(work / "fts5.db")
    fts5_search(db, "pallet ro")
    return {
        "reopen_s": time.perf_counter() - began,
        "ready_s": time.perf_counter() - STARTED + startup_offset(),
        "rss_mb": vm_hwm_mb(),
    }


def startup_offset() -> float:
    """Seconds from the parent's spawn to this script's first line (interpreter start)."""
    spawned = os.environ.get("NJ_SPAWNED")
    return (time.time() - float(spawned)) - (time.perf_counter() - STARTED) if spawned else 0.0


def run_child(name: str, work: Path, repeats: int) -> dict:
    env = {**os.environ, "NJ_SPAWNED": repr(time.time())}
    command = [sys.executable, __file__, str(JOURNAL), "--work", str(work)]
    command += ["--repeats", str(repeats), "--child", name]
    done = subprocess.run(command, env=env, capture_output=True, text=True, check=False)
    if done.returncode:
        print(done.stdout, done.stderr, file=sys.stderr)
        raise SystemExit(f"child {name} failed")
    return json.loads(done.stdout.strip().splitlines()[-1])


def grep_times(cases: dict) -> dict:
    """`grep -ril WORD JOURNAL` per keystroke, on the word being typed (files, not records)."""
    times = []
    for key in keystrokes(cases["phrases"]):
        word = fold(key).split()[-1]
        began = time.perf_counter()
        subprocess.run(["grep", "-ril", word, str(JOURNAL)], capture_output=True, check=False)
        times.append((time.perf_counter() - began) * 1000)
    return {"key_ms": times}


# Report


def main() -> None:
    global JOURNAL
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("journal", type=Path)
    parser.add_argument("--work", type=Path)
    parser.add_argument("--repeats", type=int, default=3, help="typing sequence runs per engine")
    parser.add_argument("--reopens", type=int, default=5, help="fresh-process reopens")
    parser.add_argument("--child", help=argparse.SUPPRESS)
    parser.add_argument("--json", type=Path, help="save the numbers to this file")
    args = parser.parse_args()
    JOURNAL = args.journal.resolve()
    if args.child:
        work = args.work
        runs = {
            "python": lambda: child_python(work, args.repeats),
            "python-load": lambda: child_python_load(work),
            "tantivy": lambda: child_tantivy(work, args.repeats),
            "tantivy-open": lambda: child_tantivy_open(work),
            "fts5": lambda: child_fts5(work, args.repeats),
            "fts5-open": lambda: child_fts5_open(work),
        }
        print(json.dumps(runs[args.child]()))
        return
    if not (JOURNAL / "meta.json").exists():
        raise SystemExit(f"{JOURNAL} is not a journal (make one with benchmarks/generate.py)")
    own = args.work is None
    work = Path(tempfile.mkdtemp(prefix="nj-search-")) if own else args.work
    work.mkdir(parents=True, exist_ok=True)
    try:
        results = collect(work, args.repeats, args.reopens)
    finally:
        if own:
            shutil.rmtree(work, ignore_errors=True)
    report(results)
    if args.json:
        args.json.write_text(json.dumps(results, indent=1))


JOURNAL = Path()


def collect(work: Path, repeats: int, reopens: int) -> dict:
    for stale in ("tantivy", "fts5.db", "python.cache"):
        target = work / stale
        if target.is_dir():
            shutil.rmtree(target)
        elif target.exists():
            target.unlink()
    results: dict = {}
    print("python-index: building and typing ...", flush=True)
    results["python"] = run_child("python", work, repeats)
    results["python-load"] = [run_child("python-load", work, 0) for _ in range(reopens)]
    print("tantivy: building and typing ...", flush=True)
    results["tantivy"] = run_child("tantivy", work, repeats)
    results["tantivy-open"] = [run_child("tantivy-open", work, 0) for _ in range(reopens)]
    print("sqlite-fts5: building and typing ...", flush=True)
    results["fts5"] = run_child("fts5", work, repeats)
    results["fts5-open"] = [run_child("fts5-open", work, 0) for _ in range(reopens)]
    print("grep -ril ...", flush=True)
    results["cases"] = json.loads((work / "cases.json").read_text())
    results["grep"] = grep_times(results["cases"])
    return results


def ms(values: list[float]) -> str:
    return f"{statistics.median(values):.1f} / {p95(values):.1f}"


def report(r: dict) -> None:
    py, tv, fts = r["python"], r["tantivy"], r["fts5"]
    cases = r["cases"]
    print(f"\nJournal: {JOURNAL}: {py['records']:,} records; {py['vocab']:,} distinct words,")
    print(f"{py['postings']:,} (word, record) postings. Loading the journal: {py['load_s']:.2f} s.")
    n_keys = len(keystrokes(cases["phrases"]))
    print(f"Typed: {cases['phrases']} ({n_keys} keystrokes, x{len(py['key_ms']) // n_keys})")
    header = ("engine", "keystroke ms med/p95", "slowest key", "build s", "reopen s med/p95")
    header += ("ready from start s", "index MB", "peak RSS MB")
    rows = []

    def opened(key: str) -> tuple[str, str]:
        runs = r[key]
        reopen = [x["reopen_s"] for x in runs]
        ready = [x["ready_s"] for x in runs]
        return f"{statistics.median(reopen):.3f} / {p95(reopen):.3f}", f"{p95(ready):.3f}"

    def slowest(result: dict) -> str:
        return f"{result['slowest'][0]:.0f} ms '{result['slowest'][1]}'"

    reopen, ready = opened("python-load")
    rss = f"{py['rss_mb']:.0f} (cache only: {max(x['rss_mb'] for x in r['python-load']):.0f})"
    rows.append(
        ("python-index", ms(py["key_ms"]), slowest(py), f"{py['build_s']:.2f}", reopen,
         f"cold {py['load_s'] + py['build_s']:.2f}; cache {ready}",
         f"{py['cache_mb']:.0f} (marshal)", rss)
    )  # fmt: skip
    reopen, ready = opened("tantivy-open")
    rss_open = max(x["rss_mb"] for x in r["tantivy-open"])
    for label, name in (("d1", "tantivy d<=1"), ("d2", "tantivy d<=2"), ("d1rerank", "+ rerank")):
        t = tv[label]
        rows.append(
            (name if label != "d1rerank" else "tantivy d<=1 + rerank", ms(t["key_ms"]),
             slowest(t), f"{tv['build_s']:.2f}", reopen,
             f"cold {tv['load_s'] + tv['build_s']:.2f}; disk {ready}",
             f"{tv['disk_mb']:.0f} (disk)", f"{tv['rss_mb']:.0f} (open only: {rss_open:.0f})")
        )  # fmt: skip
    reopen, ready = opened("fts5-open")
    rows.append(
        ("sqlite-fts5 (no typos)", ms(fts["key_ms"]), slowest(fts), f"{fts['build_s']:.2f}",
         reopen, f"cold {fts['load_s'] + fts['build_s']:.2f}; disk {ready}",
         f"{fts['disk_mb']:.0f} (disk)", f"{fts['rss_mb']:.0f}")
    )  # fmt: skip
    rows.append(("grep -ril WORD", ms(r["grep"]["key_ms"]), "", "", "", "", "", ""))
    widths = [max(len(row[i]) for row in [header, *rows]) for i in range(len(header))]
    rule = "  ".join("-" * w for w in widths)
    print(rule)
    for row in [header, *rows]:
        print("  ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)))
        if row is header:
            print(rule)
    print(rule)
    print(f"tantivy: one add + commit {tv['add_commit_s'] * 1000:.0f} ms, one delete + commit "
          f"{tv['delete_commit_s'] * 1000:.0f} ms, reader reload {tv['reload_s'] * 1000:.0f} ms."
          f" python-index: writing the cache {py['save_s']:.2f} s.")  # fmt: skip
    fts_p95 = p95(fts["key_ms"])
    print(f"Per-keystroke p95 / FTS5 p95: python-index {p95(py['key_ms']) / fts_p95:.3f}, "
          f"tantivy d<=1 {p95(tv['d1']['key_ms']) / fts_p95:.3f}, "
          f"grep {p95(r['grep']['key_ms']) / fts_p95:.2f}; medians: python-index "
          f"{statistics.median(py['key_ms']) / statistics.median(fts['key_ms']):.2f}, tantivy "
          f"{statistics.median(tv['d1']['key_ms']) / statistics.median(fts['key_ms']):.2f}.")  # fmt: skip

    print("\nRelevance: rank of the expected record in the top 50 (0 = not found; top 3 passes)")
    engines = (("python-index", py), ("tantivy d<=1", tv["d1"]), ("tantivy d<=2", tv["d2"]),
               ("tantivy+rerank", tv["d1rerank"]), ("fts5", fts))  # fmt: skip
    print("  " + "query".ljust(28) + "".join(n.rjust(16) for n, _ in engines) + "  (record)")
    for case in cases["cases"]:
        cells = "".join(str(e["rank"][case["query"]]).rjust(16) for _, e in engines)
        print("  " + case["query"].ljust(28) + cells + f"  ({case['about'][:50]})")
    print("  results for the whole phrases (of 50):")
    for phrase in cases["phrases"]:
        cells = "".join(str(e["full"][phrase]).rjust(16) for _, e in engines)
        print("  " + phrase[:28].ljust(28) + cells)

    print(f"\nBudgets (keystroke <= {BUDGET_KEY_MS:g} ms p95, UI update NOT included here; index "
          f"ready <= {BUDGET_READY_S:g} s after start; peak memory <= {BUDGET_MB:g} MB):")  # fmt: skip
    checks = {
        "python-index": (py["key_ms"], py["load_s"] + py["build_s"],
                         [x["ready_s"] for x in r["python-load"]], py["rss_mb"], py["rank"]),
        "tantivy d<=1": (tv["d1"]["key_ms"], tv["load_s"] + tv["build_s"],
                         [x["ready_s"] for x in r["tantivy-open"]], tv["rss_mb"], tv["d1"]["rank"]),
        "tantivy d<=1 + rerank": (tv["d1rerank"]["key_ms"], tv["load_s"] + tv["build_s"],
                         [x["ready_s"] for x in r["tantivy-open"]], tv["rss_mb"],
                         tv["d1rerank"]["rank"]),
        "sqlite-fts5": (fts["key_ms"], fts["load_s"] + fts["build_s"],
                        [x["ready_s"] for x in r["fts5-open"]], fts["rss_mb"], fts["rank"]),
    }  # fmt: skip
    for name, (keys, cold, warm, rss, ranks) in checks.items():
        verdicts = [
            ("keystroke", p95(keys) <= BUDGET_KEY_MS),
            ("ready cold", cold <= BUDGET_READY_S),
            ("ready warm", p95(warm) <= BUDGET_READY_S),
            ("memory", rss <= BUDGET_MB),
            ("top-3", all(1 <= rank <= 3 for rank in ranks.values())),
        ]
        print(f"  {name:24}" + "  ".join(f"{w} {'PASS' if ok else 'FAIL'}" for w, ok in verdicts))
    print(
        "  grep -ril               keystroke "
        + ("PASS" if p95(r["grep"]["key_ms"]) <= 30 else "FAIL")
    )


if __name__ == "__main__":
    main()
