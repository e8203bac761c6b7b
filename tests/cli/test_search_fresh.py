"""`netjournal search` finds what was added a second ago, typos forgiven, from the cache."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import RunCli, ok_json, prepare


def names(hits: list[dict[str, object]]) -> list[object]:
    return [hit["title"] for hit in hits]


def test_a_person_added_after_the_cache_is_found_with_a_typo(
    run_cli: RunCli, journal_dir: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee", "--org", "Contoso")
    prepare(journal_dir, "add", "learning", "Cold chain spoilage", "-m", "Alerts, not dashboards")
    assert names(ok_json(run_cli("search", "spoilage", "--json"))) == ["Cold chain spoilage"]
    cache = journal_dir / ".cache" / "search-index"
    written = cache.stat().st_mtime_ns  # the first search left the cache

    kwabena = prepare(journal_dir, "add", "person", "Kwabena Asante", "--org", "Maersk")
    hits = ok_json(run_cli("search", "Asantee", "--json"))
    assert [(hit["type"], hit["id"], hit["title"]) for hit in hits] == [
        ("person", kwabena, "Kwabena Asante")
    ]
    assert names(ok_json(run_cli("search", "Mearsk", "--json"))) == ["Kwabena Asante"]
    assert "Kwabena Asante" in run_cli("search", "kwabena asnte").stdout
    # Older records are still found, and the cache was not rebuilt for one new person.
    assert names(ok_json(run_cli("search", "spoilge", "--json"))) == ["Cold chain spoilage"]
    assert cache.stat().st_mtime_ns == written


def test_three_letter_words_forgive_no_typo(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Bo Lin", "--org", "Acme")
    assert names(ok_json(run_cli("search", "lin", "--json"))) == ["Bo Lin"]
    assert ok_json(run_cli("search", "lim", "--json")) == []
    assert ok_json(run_cli("search", "bo lim", "--json")) == []


def test_transliterated_names_are_found_typed_plain_and_with_a_typo(
    run_cli: RunCli, journal_dir: Path
) -> None:
    prepare(journal_dir, "add", "person", "Ann Lee")
    ok_json(run_cli("search", "ann", "--json"))  # the cache exists before the names are added
    for name in ("Đorđe Petrović", "Дмитрий Иванов", "Søren Ørsted"):
        prepare(journal_dir, "add", "person", name)
    assert names(ok_json(run_cli("search", "dorde petrovic", "--json"))) == ["Đorđe Petrović"]
    assert names(ok_json(run_cli("search", "petrovci", "--json"))) == ["Đorđe Petrović"]
    assert names(ok_json(run_cli("search", "dmitrii ivanov", "--json"))) == ["Дмитрий Иванов"]
    assert names(ok_json(run_cli("search", "soren orsted", "--json"))) == ["Søren Ørsted"]


def test_a_deleted_cache_loses_nothing(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Hannah Fischer", "--org", "Schenker")
    assert names(ok_json(run_cli("search", "schenkr", "--json"))) == ["Hannah Fischer"]
    (journal_dir / ".cache" / "search-index").unlink()
    assert names(ok_json(run_cli("search", "schenkr", "--json"))) == ["Hannah Fischer"]
    assert (journal_dir / ".cache" / "search-index").exists()  # built again (small journal)


def test_the_person_just_added_comes_first_among_namesakes(
    run_cli: RunCli, journal_dir: Path
) -> None:
    for name in ("Mateus Asante", "Noor Asante", "Sanne Asante"):
        prepare(journal_dir, "add", "person", name)
    ok_json(run_cli("search", "asante", "--json"))  # the cache is built before the show
    prepare(journal_dir, "add", "person", "Kwabena Asante", "--org", "Maersk")
    # Same surname, same fit: the newest first, not the shortest name.
    assert names(ok_json(run_cli("search", "asnate", "--json")))[0] == "Kwabena Asante"
    assert names(ok_json(run_cli("search", "asante", "--json")))[0] == "Kwabena Asante"


def test_a_closer_spelling_ranks_above_a_farther_one(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Kwabena Asanteng")
    prepare(journal_dir, "add", "person", "Ama Asante")  # newer, but one letter farther
    assert names(ok_json(run_cli("search", "asanteg", "--json"))) == [
        "Kwabena Asanteng",
        "Ama Asante",
    ]


def test_a_copied_journal_gets_its_cache_written_afresh(
    run_cli: RunCli, journal_dir: Path, tmp_path: Path
) -> None:
    import shutil
    import time
    from datetime import date

    from netjournal.core.records import Interaction, Person
    from netjournal.core.search_index import OUTDATED_AFTER, open_cached
    from netjournal.core.store import Store

    ann = Person.create(name="Ann Lee")
    months = OUTDATED_AFTER + 6  # interactions are kept a month to a file
    talks = [Interaction.create(date=date(2023 + m // 12, m % 12 + 1, 5), person_ids=[ann.id],
                                summary=f"Battery swaps, month {m}") for m in range(months)]  # fmt: skip
    Store.open(journal_dir).add(ann, *talks)
    assert len(ok_json(run_cli("search", "batery", "--json", "--limit", "99"))) == months  # the cache is written
    copy = tmp_path / "copy"
    shutil.copytree(journal_dir, copy)  # every file anew: the cache's file signatures are stale
    cached = open_cached(Store.open(copy))
    assert cached is not None and cached.outdated
    assert len(ok_json(run_cli("search", "batery", "--json", "--limit", "99", folder=copy))) == months
    deadline = time.monotonic() + 30  # a process of its own writes the cache afresh
    while (cached := open_cached(Store.open(copy))) is not None and cached.outdated:
        assert time.monotonic() < deadline, "the copied journal's cache was not written afresh"
        time.sleep(0.2)
    assert len(ok_json(run_cli("search", "batery", "--json", "--limit", "99", folder=copy))) == months
