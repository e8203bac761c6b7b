"""`who` and `suggest` at the shell without overreach (issue 15): the phrase holder first,
"crime" is not "time", nobody suggested with score 0 or without a reason."""

from __future__ import annotations

from pathlib import Path

from tests.cli.support import RunCli, ok_json, prepare


def test_who_and_suggest_list_only_people_with_a_reason(run_cli: RunCli, journal_dir: Path) -> None:
    prepare(journal_dir, "add", "person", "Carmen Díaz", "--expertise", "cold chain")
    prepare(journal_dir, "add", "person", "Hiro Sato", "--org", "Supply Chain Podcast")
    prepare(journal_dir, "add", "person", "Tara Singh", "--role", "Chief Supply Chain Officer")
    prepare(journal_dir, "add", "person", "Ann Lee", "--dept", "Supply Chain")
    prepare(journal_dir, "add", "person", "Gwen Porter", "--interest", "crime novels")
    prepare(journal_dir, "add", "person", "Jürgen Groß", "--expertise", "Zürich customs")
    prepare(journal_dir, "add", "person", "Yuki Tanaka", "--expertise", "pallet robots")
    prepare(journal_dir, "add", "learning", "Pallet robots cut picking time", "-m",
            "Payback in under three years.")  # fmt: skip
    prepare(journal_dir, "log", "ann", "-m", "Sent the robots piece", "--shared", "pallet")

    cold = ok_json(run_cli("who", "cold chain", "--json"))
    assert [entry["name"] for entry in cold] == ["Carmen Díaz"]  # not the podcast's host
    crime = ok_json(run_cli("who", "crime novels", "--json"))
    assert [entry["name"] for entry in crime] == ["Gwen Porter"]  # Ann got "picking time"
    assert [e["name"] for e in ok_json(run_cli("who", "zurich", "--json"))] == ["Jürgen Groß"]
    assert [e["name"] for e in ok_json(run_cli("who", "kubernets", "--json"))] == []

    suggested = ok_json(run_cli("suggest", "pallet robots", "--json"))
    assert [entry["name"] for entry in suggested] == ["Yuki Tanaka"]
    assert all(entry["reasons"] and entry["score"] > 0 for entry in suggested)
    assert "Ann Lee" not in run_cli("suggest", "pallet robots").stdout  # has it, fits nothing
