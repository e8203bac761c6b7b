"""Zero-width and other format characters do not make a look-alike name a different person."""

from __future__ import annotations

import pytest

from netjournal.core.cleaning import clean_line, clean_text
from netjournal.core.names import fold, person_candidates, resolve
from netjournal.core.records import Person

INVISIBLE = {
    "zero-width space": "\u200b",
    "zero-width non-joiner": "\u200c",
    "zero-width joiner": "\u200d",
    "word joiner": "\u2060",
    "byte-order mark": "\ufeff",
    "soft hyphen": "\u00ad",
    "invisible times": "\u2062",
}


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_fold_drops_format_characters(char: str) -> None:
    assert fold(f"Ann L{char}ee") == fold("Ann Lee") == "ann lee"
    assert fold(f"{char}J\u00fcrgen M\u00fc{char}ller") == "jurgen muller"


@pytest.mark.parametrize("char", INVISIBLE.values(), ids=INVISIBLE.keys())
def test_a_look_alike_name_resolves_to_the_person(char: str) -> None:
    ann = Person.create(name="Ann Lee")
    anna = Person.create(name="Anna Leeds")
    assert resolve(f"Ann L{char}ee", person_candidates([ann, anna])).id == ann.id


@pytest.mark.parametrize("char", ["\u200b", "\u2060", "\ufeff", "\u00ad"])
def test_one_line_fields_lose_invisible_characters_on_the_way_in(char: str) -> None:
    assert Person.create(name=f"Ann L{char}ee").name == "Ann Lee"
    assert clean_line(f"{char}Ann{char} Lee{char}") == "Ann Lee"


def test_joiners_stay_where_scripts_and_emoji_need_them() -> None:
    persian = "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"  # ZWNJ is spelling in Persian
    coder = "\U0001f469\u200d\U0001f4bb"  # woman technologist: one emoji through ZWJ
    assert clean_line(persian) == persian
    assert clean_line(coder) == coder
    assert clean_text("a\u200bb") == "a\u200bb"  # long text keeps them (Thai word breaks)
