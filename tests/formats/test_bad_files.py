"""Files that cannot be imported are refused with one sentence, and nothing is written."""

from __future__ import annotations

import codecs
import os
from pathlib import Path

import orjson
import pytest

from netjournal.core.store import Store
from netjournal.formats.errors import FormatError
from tests.cli.support import snapshot
from tests.formats.support import SAMPLES, card, file_modes_are_enforced, run_import, write

IMPORTERS = ("vcard", "linkedin", "google", "json", "auto")
PNG = bytes.fromhex("89504e470d0a1a0a0000000d49484452") + bytes(range(256)) * 4


def refused(store: Store, format_name: str, path: Path) -> str:
    """The sentence an import of `path` is refused with; the journal folder stays untouched."""
    before = snapshot(store.folder)
    with pytest.raises(FormatError) as caught:
        run_import(store, format_name, path)
    assert snapshot(store.folder) == before
    message = str(caught.value)
    assert ". " not in message and "\n" not in message and message.endswith("."), message
    return message


@pytest.fixture
def journal_with_ann(store: Store) -> Store:
    from netjournal.core.records import Person

    store.add(Person.create(name="Ann Lee"))
    return store


@pytest.mark.parametrize("format_name", IMPORTERS)
def test_missing_empty_blank_binary_and_folder_are_refused(
    format_name: str, tmp_path: Path, journal_with_ann: Store
) -> None:
    store = journal_with_ann
    assert "does not exist" in refused(store, format_name, tmp_path / "nope.vcf")
    assert "is empty" in refused(store, format_name, write(tmp_path, "empty.vcf", ""))
    assert "is empty" in refused(store, format_name, write(tmp_path, "blank.vcf", " \r\n\n\t"))
    bom_only = tmp_path / "bom-only.csv"
    bom_only.write_bytes(codecs.BOM_UTF8)
    assert "is empty" in refused(store, format_name, bom_only)
    binary = tmp_path / "photo.vcf"
    binary.write_bytes(PNG)
    assert "not a text file" in refused(store, format_name, binary)
    folder = tmp_path / "a-folder"
    folder.mkdir()
    assert "is a folder" in refused(store, format_name, folder)
    pipe = tmp_path / "a-pipe"
    os.mkfifo(pipe)  # reading it would wait for a writer forever
    assert "is not a regular file" in refused(store, format_name, pipe)


def test_an_unreadable_file_is_refused(
    tmp_path: Path, journal_with_ann: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = write(tmp_path, "locked.vcf", card("FN:Ann"))
    os.chmod(path, 0)
    if not file_modes_are_enforced():  # root reads it anyway: make the read fail as it would
        reading = Path.read_bytes

        def denied(self: Path) -> bytes:
            if self == path:
                raise PermissionError(13, "Permission denied", str(self))
            return reading(self)

        monkeypatch.setattr(Path, "read_bytes", denied)
    try:
        assert "permission denied" in refused(journal_with_ann, "vcard", path)
    finally:
        os.chmod(path, 0o600)


@pytest.mark.parametrize(
    ("format_name", "sample", "expected"),
    [
        ("vcard", "linkedin-Connections.csv", "but looks like a LinkedIn Connections export"),
        ("vcard", "google-contacts.csv", "but looks like a Google Contacts CSV"),
        ("linkedin", "apple-contacts.vcf", "but looks like a vCard file"),
        ("linkedin", "google-contacts.csv", "is not a LinkedIn Connections export"),
        ("google", "linkedin-Connections.csv", "but looks like a LinkedIn Connections export"),
        ("google", "android-contacts.vcf", "is not a Google Contacts CSV"),
        ("json", "apple-contacts.vcf", "is not a netjournal backup (it is not JSON)"),
    ],
)
def test_the_wrong_format_for_the_importer_is_refused_with_a_hint(
    format_name: str, sample: str, expected: str, journal_with_ann: Store
) -> None:
    message = refused(journal_with_ann, format_name, SAMPLES / sample)

    assert expected in message
    assert message.endswith("nothing was imported.")


def test_text_that_is_no_known_format_is_refused_by_every_importer(
    tmp_path: Path, journal_with_ann: Store
) -> None:
    path = write(tmp_path, "notes.txt", "Dear diary,\nmet Ann at LogiMAT.\n")
    for format_name in ("vcard", "linkedin", "google", "json"):
        refused(journal_with_ann, format_name, path)
    assert "Cannot tell what kind of file" in refused(journal_with_ann, "auto", path)


def test_json_that_is_not_a_backup_or_is_from_a_newer_version_is_refused(
    tmp_path: Path, journal_with_ann: Store
) -> None:
    store = journal_with_ann
    other = write(tmp_path, "other.json", '{"people": []}')
    assert 'does not say "app": "netjournal"' in refused(store, "json", other)
    array = write(tmp_path, "array.json", "[1, 2]")
    assert "is not a netjournal backup" in refused(store, "json", array)
    newer = write(
        tmp_path, "newer.json", orjson.dumps({"app": "netjournal", "schema": 99}).decode()
    )
    assert "newer netjournal" in refused(store, "json", newer)
    broken = write(tmp_path, "broken.json", '{"app": "netjournal", "schema": 1, "people": {}}')
    assert '"people" is not a list' in refused(store, "json", broken)


def test_nothing_is_created_for_a_refused_file_in_a_journal_that_does_not_exist_yet(
    tmp_path: Path, journal_dir: Path
) -> None:
    with pytest.raises(FormatError):
        run_import(Store.open(journal_dir), "vcard", SAMPLES / "google-contacts.csv")

    assert not journal_dir.exists()
