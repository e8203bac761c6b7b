"""Properties over arbitrary text: whatever a user types or imports, a record built from it is
saved and loaded unchanged, and cleaning leaves nothing a terminal would act on."""

from __future__ import annotations

import tempfile
import unicodedata
from datetime import date
from pathlib import Path

from hypothesis import HealthCheck, assume, example, given, settings
from hypothesis import strategies as st

from netjournal.core.cleaning import clean_line, clean_text, clean_words
from netjournal.core.errors import RecordError
from netjournal.core.records import (
    CHANNELS,
    OUTREACH_KINDS,
    PERSON_KINDS,
    SOURCE_KINDS,
    Interaction,
    Learning,
    Outreach,
    Person,
)
from netjournal.core.store import Store

# Every code point, surrogates and controls included, plus fragments that cleaning must handle.
ANY_CHAR = st.characters(codec=None, exclude_categories=())
NASTY = st.sampled_from(
    [
        "\x1b[31m", "\x1b[0m", "\x1b]0;title\x07", "\x1b]8;;http://x\x1b\\", "\x1b", "\x9b1m",
        "\x00", "\x07", "\x7f", "\x85", "\u202e", "\u2067", "\ud800", "\udfff", "e\u0301",
        "\u0301", "\r\n", "\r", "\n", "\t", " ", "\u00a0", "\u2028", ",", "[bold]", "[/",
        "[@click=app.quit]", "$x", "100%",
    ]
)  # fmt: skip
TEXT = st.lists(st.one_of(st.text(ANY_CHAR, max_size=8), NASTY), max_size=8).map("".join)
WORDS = st.one_of(TEXT, st.lists(TEXT, max_size=4))
DATES = st.dates(min_value=date(1900, 1, 1), max_value=date(2200, 12, 31))
# Characters cleaning removes or rewrites; text without them must come through unchanged.
REMOVED = [chr(c) for c in (*range(0x202A, 0x202F), *range(0x2066, 0x206A))]
KEPT_CHAR = st.characters(codec=None, exclude_categories=("Cc", "Cs"), exclude_characters=REMOVED)

# Required text (a name, a title) around at least one visible character, so that few inputs are
# refused for cleaning away to nothing and Hypothesis does not give up on filtering.
VISIBLE = st.characters(codec=None, categories=("L", "N", "P", "S"))
REQUIRED = st.tuples(TEXT, VISIBLE, TEXT).map("".join)

SETTINGS = settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def build_or_skip(make):  # type: ignore[no-untyped-def]
    """Records whose required text cleans away to nothing are refused; that is tested elsewhere."""
    try:
        return make()
    except RecordError:
        assume(False)


@SETTINGS
@given(
    name=REQUIRED, org=TEXT, role=TEXT, notes=TEXT, interests=WORDS, tags=WORDS, phone=WORDS,
    kind=st.sampled_from(PERSON_KINDS), influence=st.integers(0, 3),
    summary=REQUIRED, event=TEXT, channel=st.sampled_from(CHANNELS), day=DATES,
    title=REQUIRED, body=TEXT, source=TEXT, url=TEXT, source_kind=st.sampled_from(SOURCE_KINDS),
    outreach_kind=st.sampled_from(OUTREACH_KINDS), outreach_title=REQUIRED, due=st.none() | DATES,
)  # fmt: skip
def test_any_records_survive_a_save_and_a_fresh_load_unchanged(
    name: str, org: str, role: str, notes: str, interests: object, tags: object, phone: object,
    kind: str, influence: int, summary: str, event: str, channel: str, day: date, title: str,
    body: str, source: str, url: str, source_kind: str, outreach_kind: str, outreach_title: str,
    due: date | None,
) -> None:  # fmt: skip
    person = build_or_skip(
        lambda: Person.create(
            name=name,
            org=org,
            role=role,
            notes=notes,
            interests=interests,
            tags=tags,
            phone=phone,
            kind=kind,
            influence=influence,
            met_via=event,
        )
    )
    other = Person.create(name="Bob Stone")
    learning = build_or_skip(
        lambda: Learning.create(
            date=day,
            title=title,
            body=body,
            source=source,
            url=url,
            event=event,
            source_kind=source_kind,
            tags=tags,
        )
    )
    interaction = build_or_skip(
        lambda: Interaction.create(
            date=day,
            summary=summary,
            event=event,
            notes=body,
            channel=channel,
            person_ids=[person.id],
            learning_ids=[learning.id],
        )
    )
    outreach = build_or_skip(
        lambda: Outreach.create(
            kind=outreach_kind,
            title=outreach_title,
            notes=notes,
            due=due,
            person_ids=[person.id, other.id],
            learning_id=learning.id,
        )
    )
    records = [person, other, learning, interaction, outreach]
    for record in records:
        assert type(record).from_dict(record.to_dict()) == record
    with tempfile.TemporaryDirectory() as scratch:
        folder = Path(scratch) / "journal"
        Store.open(folder).add(*records)
        fresh = Store.open(folder)
        for record in records:
            assert fresh.get(type(record), record.id) == record


@SETTINGS
@given(TEXT)
def test_cleaned_text_holds_nothing_a_terminal_acts_on(raw: str) -> None:
    for cleaned, allowed in ((clean_line(raw), ""), (clean_text(raw), "\t\n")):
        cleaned.encode("utf-8")  # no lone surrogates: storable as UTF-8
        assert "\x1b" not in cleaned and "\x9b" not in cleaned
        for char in cleaned:
            assert unicodedata.category(char) != "Cc" or char in allowed, repr(char)
            assert char not in REMOVED, repr(char)
        assert cleaned == cleaned.strip()
    line = clean_line(raw)
    assert "\n" not in line and "\t" not in line and "  " not in line


@SETTINGS
@given(st.text(KEPT_CHAR))
def test_cleaning_twice_is_cleaning_once_for_text_without_removed_characters(raw: str) -> None:
    for clean in (clean_line, clean_text):
        once = clean(raw)
        assert clean(once) == once
        assert unicodedata.is_normalized("NFC", once)
    words = clean_words(raw)
    assert clean_words(words) == words
    assert clean_words(",".join(words)) == words


@SETTINGS
@given(TEXT)
@example("Jose\x00\u0301")
def test_cleaning_twice_is_cleaning_once(raw: str) -> None:
    for clean in (clean_line, clean_text):
        once = clean(raw)
        assert clean(once) == once
        assert unicodedata.is_normalized("NFC", once)
