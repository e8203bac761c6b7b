"""A talk's channel comes from its first letters or from the words that describe it."""

from __future__ import annotations

import pytest

from netjournal.core.channel_words import channel_for, channel_from_words, channel_named
from netjournal.core.errors import RecordError


@pytest.mark.parametrize(
    ("words", "channel"),
    [
        ("Coffee about the pilot", "coffee"),
        ("Lunch with Ann at the depot", "coffee"),
        ("called Bob about the pilot", "call"),
        ("E-mailed the deck", "email"),
        ("Chatted on Slack about pallets", "chat"),
        ("Met at LogiMAT", "meeting"),
        ("met for coffee", "coffee"),  # "met" only when nothing says more
        ("a call about the coffee machine", "call"),  # else the first telling word
        ("Talked about pallet robots", ""),
        ("Recalled the pricing", ""),  # whole words only
        ("Café con leche: coffee in Spain", "coffee"),
    ],
)
def test_the_words_of_a_talk_say_its_channel(words: str, channel: str) -> None:
    assert channel_from_words(words) == channel


def test_later_texts_are_read_only_when_earlier_ones_say_nothing_telling() -> None:
    assert channel_from_words("Follow up with Ann", "Send her the deck by email") == "email"
    assert channel_from_words("Phoned Ann", "over lunch") == "call"
    assert channel_from_words("Met Ann", "over lunch") == "coffee"


@pytest.mark.parametrize(
    ("typed", "channel"),
    [("co", "coffee"), ("CALL", "call"), (" m ", "meeting"), ("ot", "other"), ("ch", "chat"),
     ("lunch", "coffee"), ("", "")],
)  # fmt: skip
def test_a_channel_is_named_by_its_first_letters_or_a_word_for_it(typed: str, channel: str) -> None:
    assert channel_named(typed) == channel


def test_letters_that_start_several_channels_name_the_first_as_completion_shows_it() -> None:
    assert [channel_named(typed) for typed in ("c", "e", "ca", "co", "ev")] == [
        "call", "email", "call", "coffee", "event"
    ]  # fmt: skip


def test_a_word_that_names_no_channel_lists_them() -> None:
    with pytest.raises(RecordError, match="'fax' is not a channel: meeting, call, email") as raised:
        channel_named("fax")
    assert raised.value.field == "channel"


def test_typed_first_then_the_words_then_the_default() -> None:
    assert channel_for("ca", "Coffee with Ann") == "call"
    assert channel_for("", "Coffee with Ann") == "coffee"
    assert channel_for("", "Talked about robots") == "meeting"
    assert channel_for("", "Talked about robots", default="other") == "other"
