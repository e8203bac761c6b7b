"""Import from the palette: path, guessed format, the dry run first, one save; and export."""

from __future__ import annotations

import shutil
from pathlib import Path

from textual.widgets import Input, Select

from netjournal.core.records import Person
from netjournal.tui.screens.export_screen import ExportDialog
from netjournal.tui.screens.import_screen import ImportScreen
from tests.tui.support import (
    SIZE,
    make_app,
    paste,
    reopen,
    settle,
    static_text,
    wait_loaded,
    wait_until,
)

SAMPLES = Path(__file__).parent.parent / "formats" / "samples"


def files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*")
            if p.is_file() and ".cache" not in p.parts and p.name != ".lock"}  # fmt: skip


async def open_palette_command(pilot, text: str) -> None:  # type: ignore[no-untyped-def]
    await pilot.press("ctrl+p")
    await settle(pilot)
    await paste(pilot, text)
    await settle(pilot)
    await pilot.pause(0.3)
    await pilot.press("enter")
    await settle(pilot)


async def test_import_previews_then_saves_once_and_guesses_the_format(
    journal_dir: Path, tmp_path: Path
) -> None:
    linkedin = tmp_path / "export.csv"  # the name says nothing: the content tells
    shutil.copy(SAMPLES / "linkedin-Connections.csv", linkedin)
    app = make_app(journal_dir, Person.create(name="Priya Raman", org="Northwind Logistics"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await open_palette_command(pilot, "Import")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        await paste(pilot, str(linkedin))
        await wait_until(pilot, lambda: "Looks like" in static_text(screen, "#import-format"))
        assert static_text(screen, "#import-format") == "Looks like a LinkedIn Connections export."
        before = files(journal_dir)
        await pilot.press("enter")  # the dry run
        await wait_until(
            pilot, lambda: "Press enter to import" in static_text(screen, "#import-report")
        )
        report = static_text(screen, "#import-report")
        assert report.startswith("Dry run of ")
        assert "would have created 5 people, updated 1, skipped 1." in report
        assert files(journal_dir) == before  # nothing written by looking
        await pilot.press("enter")  # now import
        await settle(pilot)
        await wait_until(
            pilot, lambda: "enter or esc closes" in static_text(screen, "#import-report")
        )
        assert "Imported " in static_text(screen, "#import-report")
        names = sorted(p.name for p in app.snapshot.people.values())
        await pilot.press("enter")
        await settle(pilot)
        assert not isinstance(app.screen, ImportScreen)
    assert sorted(p.name for p in reopen(journal_dir).people()) == names
    assert names.count("Priya Raman") == 1  # matched by name and org: updated, not duplicated
    assert len(names) == 6


async def test_a_file_that_is_not_an_import_is_one_sentence_and_nothing_changes(
    journal_dir: Path, tmp_path: Path
) -> None:
    junk = tmp_path / "photo.jpg"
    junk.write_bytes(b"\xff\xd8\xff\xe0" + bytes(range(256)) * 4)
    app = make_app(journal_dir, Person.create(name="Ann Lee"))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        app.action_import_file()
        await settle(pilot)
        screen = app.screen
        before = files(journal_dir)
        await paste(pilot, str(junk))
        await wait_until(pilot, lambda: "Cannot tell" in static_text(screen, "#import-format"))
        await pilot.press("enter")
        await wait_until(pilot, lambda: "binary" in static_text(screen, "#import-report"))
        assert static_text(screen, "#import-report") == (
            f"{junk} is not a text file (it looks binary); nothing was imported."
        )
        assert files(journal_dir) == before


async def test_export_writes_the_chosen_format_where_asked(
    journal_dir: Path, tmp_path: Path
) -> None:
    app = make_app(journal_dir, Person.create(name="[bold]Ann[/", email=["ann@example.com"]))
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await open_palette_command(pilot, "Export")
        dialog = app.screen
        assert isinstance(dialog, ExportDialog)
        assert dialog.query_one("#export-path", Input).value.endswith(".vcf")
        dialog.query_one("#export-format", Select).value = "json"
        await settle(pilot)
        path = dialog.query_one("#export-path", Input)
        assert path.value.endswith(".json")  # the suggested name follows the format
        path.value = str(tmp_path / "backup.json")
        path.focus()
        await pilot.press("enter")
        await settle(pilot)
        await wait_until(pilot, lambda: app.screen is not dialog)
    backup = (tmp_path / "backup.json").read_text()
    assert '"[bold]Ann[/"' in backup and "ann@example.com" in backup


def test_a_pasted_path_means_the_file_whatever_the_quoting(tmp_path: Path) -> None:
    from netjournal.tui.widgets.path_suggester import typed_path

    meant = tmp_path / "my exports" / "a.vcf"
    for pasted in (f"'{meant}'", str(meant).replace(" ", "\\ "), f"  {meant}  ",
                   f"file://{str(meant).replace(' ', '%20')}"):  # fmt: skip
        assert typed_path(pasted) == meant, pasted


async def test_tab_completes_the_path_being_typed(journal_dir: Path, tmp_path: Path) -> None:
    shutil.copy(SAMPLES / "linkedin-Connections.csv", tmp_path / "Connections.csv")
    app = make_app(journal_dir)
    async with app.run_test(size=SIZE) as pilot:
        await wait_loaded(pilot)
        await open_palette_command(pilot, "Import")
        screen = app.screen
        assert isinstance(screen, ImportScreen)
        await paste(pilot, f"{tmp_path}/Conn")
        await settle(pilot)
        await pilot.press("tab")
        await settle(pilot)
        field = screen.query_one("#import-path", Input)
        assert field.value == f"{tmp_path}/Connections.csv"
        assert app.focused is field
        await wait_until(pilot, lambda: "Looks like" in static_text(screen, "#import-format"))
