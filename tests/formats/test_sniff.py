"""Telling a file's format from its content, for `import auto` and the app's import screen."""

from __future__ import annotations

import codecs
from pathlib import Path

import pytest

from netjournal.formats.sniff import guess_format
from tests.formats.support import SAMPLES, card, write


@pytest.mark.parametrize(
    ("sample", "expected"),
    [
        ("apple-contacts.vcf", "vcard"),
        ("android-contacts.vcf", "vcard"),
        ("broken-photo.vcf", "vcard"),
        ("linkedin-Connections.csv", "linkedin"),
        ("google-contacts.csv", "google"),
    ],
)
def test_samples_are_recognised_by_content(sample: str, expected: str, tmp_path: Path) -> None:
    assert guess_format(SAMPLES / sample) == expected
    renamed = tmp_path / "export.txt"  # the name plays no part
    renamed.write_bytes((SAMPLES / sample).read_bytes())
    assert guess_format(renamed) == expected


def test_backups_utf16_and_bom_files_are_recognised(tmp_path: Path) -> None:
    backup = write(tmp_path, "b.json", '{"app": "netjournal", "schema": 1, "people": []}')
    assert guess_format(backup) == "json"
    utf16 = tmp_path / "u.vcf"
    utf16.write_bytes(card("FN:Ann").encode("utf-16"))
    assert guess_format(utf16) == "vcard"
    bom = tmp_path / "g.csv"
    bom.write_bytes(codecs.BOM_UTF8 + (SAMPLES / "google-contacts.csv").read_bytes())
    assert guess_format(bom) == "google"


def test_anything_else_is_none(tmp_path: Path) -> None:
    assert guess_format(tmp_path / "missing.vcf") is None
    assert guess_format(tmp_path) is None
    assert guess_format(write(tmp_path, "e.csv", "")) is None
    assert guess_format(write(tmp_path, "t.txt", "hello\nworld\n")) is None
    assert guess_format(write(tmp_path, "j.json", '{"people": []}')) is None
    assert guess_format(write(tmp_path, "c.csv", "a,b,c\n1,2,3\n")) is None
    binary = tmp_path / "x.bin"
    binary.write_bytes(bytes(range(256)) * 8)
    assert guess_format(binary) is None
