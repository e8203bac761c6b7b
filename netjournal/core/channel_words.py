"""Which channel a talk went through, from what was typed: its first letters ("co" is coffee)
or the words that describe it ("lunch with Ann", "called Bob about the pilot")."""

from __future__ import annotations

import re

from netjournal.core.errors import RecordError
from netjournal.core.names import fold
from netjournal.core.records import CHANNELS

# Words (folded: lower case, no accents, punctuation as spaces) that say how a talk happened.
# Meals and drinks are informal one-to-ones: the "coffee" channel.
WORDS: dict[str, tuple[str, ...]] = {
    "coffee": ("coffee", "coffees", "espresso", "cappuccino", "latte", "tea", "lunch",
               "lunched", "breakfast", "brunch", "dinner", "drinks", "beer", "beers"),
    "call": ("call", "calls", "called", "calling", "phone", "phoned", "rang", "zoom",
             "facetime", "videocall"),
    "email": ("email", "emails", "emailed", "e mail", "e mailed", "mail", "mailed"),
    "chat": ("chat", "chats", "chatted", "chatting", "slack", "slacked", "whatsapp",
             "texted", "sms", "dm", "dmed", "messaged"),
    "event": ("conference", "expo", "trade show", "fair", "meetup", "webinar", "summit",
              "congress", "booth", "keynote", "event"),
    # Generic: a more telling word anywhere in the text wins over these ("met for coffee").
    "meeting": ("met", "meet", "meeting", "meetings", "visit", "visited", "workshop"),
}  # fmt: skip
_GENERIC = "meeting"
USUAL = "meeting"  # a talk whose words name no channel
_FOUND = re.compile(
    r"\b(" + "|".join(sorted((re.escape(w) for ws in WORDS.values() for w in ws),
                             key=len, reverse=True)) + r")\b"
)  # fmt: skip
_CHANNEL_OF = {word: channel for channel, words in WORDS.items() for word in words}


def channel_from_words(*texts: str) -> str:
    """The channel the words of `texts` name ("" when none does): the first telling word, read
    in order ("call about the coffee machine" is a call); "met", "meeting" only when no other
    word says more ("met for coffee" is a coffee)."""
    generic = ""
    for text in texts:
        for match in _FOUND.finditer(fold(text)):
            channel = _CHANNEL_OF[match.group(1)]
            if channel != _GENERIC:
                return channel
            generic = generic or channel
    return generic


def channel_named(typed: str) -> str:
    """The channel `typed` names: in full, by its first letters ("co" is coffee; letters that
    start several name the first in CHANNELS' order, as a form's completion shows it: "c" is
    call), or by a word that says it ("lunch" is coffee); "" when nothing is typed. Raises
    RecordError (field "channel") with one sentence when it names none."""
    word = fold(typed)
    if not word:
        return ""
    if word in CHANNELS:
        return word
    starting = [channel for channel in CHANNELS if channel.startswith(word)]
    if starting:
        return starting[0]
    said = channel_from_words(typed)
    if said:
        return said
    raise RecordError(f"'{typed.strip()}' is not a channel: {_either(CHANNELS)}.", "channel")


def channel_for(typed: str, *texts: str, default: str = USUAL) -> str:
    """The channel of a talk: the one typed, else the one its words name, else `default`."""
    return channel_named(typed) or channel_from_words(*texts) or default


def _either(names: tuple[str, ...]) -> str:
    return ", ".join(names[:-1]) + f" or {names[-1]}" if len(names) > 1 else names[0]
