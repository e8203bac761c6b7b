"""vCard export splits a name into N's parts (family;given;additional;prefix;suffix) with a
name parser, so an address book sorts and shows "Zoë Tricky, Jr." as Tricky, with Jr. after."""

from __future__ import annotations

from pathlib import Path

import pytest
import vobject

from netjournal.core.records import Person
from netjournal.core.store import Store
from netjournal.formats.vcard_export import vcards
from tests.formats.support import people_by_name, run_import, write


@pytest.mark.parametrize(
    ("name", "parts"),
    [
        ("Zoë Tricky, Jr.", ("Tricky", "Zoë", "", "", "Jr.")),
        ("Dr. Amara Ifeoma Nwosu", ("Nwosu", "Amara", "Ifeoma", "Dr.", "")),
        ("Mr. John Q. Smith III", ("Smith", "John", "Q.", "Mr.", "III")),
        ("Ludwig van Beethoven", ("van Beethoven", "Ludwig", "", "", "")),
        ("Cher", ("", "Cher", "", "", "")),
    ],
)
def test_n_has_each_part_of_the_name_in_its_place(
    name: str, parts: tuple[str, ...], tmp_path: Path
) -> None:
    exported = vcards([Person.create(name=name)])

    card = vobject.readOne(exported)
    n = card.n.value
    assert (n.family, n.given, n.additional, n.prefix, n.suffix) == parts
    assert card.fn.value == name
    run_import(Store.open(tmp_path / "j"), "vcard", write(tmp_path, "out.vcf", exported))
    assert list(people_by_name(tmp_path / "j")) == [name]  # and it comes back whole
