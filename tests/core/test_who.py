"""Who would you ask about X? The expert ranks first, and the reasons name the field."""

from __future__ import annotations

from netjournal.core.records import Interaction, Learning, Person
from netjournal.core.who import rank_people_for

ANN = Person.create(name="Ann Lee", expertise="kubernetes operators, helm", interests="sailing")
BOB = Person.create(name="Bob Stone", role="Platform engineer", department="Infrastructure",
                    interests="kubernetes meetups")  # fmt: skip
CEO = Person.create(name="Cara Diaz", role="CEO", influence=3, needs="pricing data on Contoso")
DAN = Person.create(name="Dan Wu", interests="jazz")
EVE = Person.create(name="Eve Ng", notes="Knows everyone in procurement.")
PEOPLE = [ANN, BOB, CEO, DAN, EVE]
TALK = Interaction.create(date="2026-03-02", person_ids=[DAN.id], summary="Lunch",
                          notes="Dan ran the Kubernetes migration at his last job.")  # fmt: skip
ARTICLE = Learning.create(date="2026-02-01", title="Operators in practice", tags="kubernetes")
SHARED = Interaction.create(date="2026-02-03", person_ids=[EVE.id], summary="Sent the article",
                            learning_ids=[ARTICLE.id])  # fmt: skip


def ranked(topic: str) -> list[tuple[str, list[str]]]:
    found = rank_people_for(topic, PEOPLE, [TALK, SHARED], [ARTICLE])
    return [(entry.person.name, entry.reasons) for entry in found]


def test_the_expert_ranks_first_and_the_reason_names_the_field() -> None:
    result = ranked("kubernetes operators")
    assert result[0] == ("Ann Lee", ["expertise: kubernetes operators"])


def test_interests_role_and_talks_count_too_but_less_than_expertise() -> None:
    names = [name for name, _ in ranked("kubernetes")]
    assert names[0] == "Ann Lee"
    assert set(names) == {"Ann Lee", "Bob Stone", "Dan Wu", "Eve Ng"}
    reasons = dict(ranked("kubernetes"))
    assert reasons["Bob Stone"] == ["interests: kubernetes meetups"]
    assert reasons["Dan Wu"] == ["talked about it on 2026-03-02"]
    assert reasons["Eve Ng"] == ["you shared 'Operators in practice' with them"]


def test_typos_prefixes_and_word_order_are_forgiven() -> None:
    assert ranked("kubernets")[0][0] == "Ann Lee"
    assert ranked("operators kubernetes")[0][0] == "Ann Lee"
    assert ranked("pricing contoso")[0] == ("Cara Diaz", ["needs: pricing data on Contoso"])
    assert ranked("procure")[0] == ("Eve Ng", ["notes: Knows everyone in procurement."])


def test_people_with_nothing_in_common_with_the_topic_are_left_out() -> None:
    assert ranked("quantum cryptography") == []
    assert ranked("") == []
    assert "Dan Wu" not in [name for name, _ in ranked("sailing")]


def test_the_search_index_finds_the_same_conversations_as_a_scan() -> None:
    from netjournal.core.search_index import LiveIndex, SearchIndex

    records = [*PEOPLE, TALK, SHARED, ARTICLE]
    index = LiveIndex(SearchIndex.build(records), records)
    for topic in ("kubernetes", "operators kubernetes", "procurement", "jazz"):
        scanned = rank_people_for(topic, PEOPLE, [TALK, SHARED], [ARTICLE])
        indexed = rank_people_for(
            topic, PEOPLE, [TALK, SHARED], [ARTICLE], mentioning=index.mentioning
        )
        assert [(e.person.name, e.reasons) for e in indexed] == [
            (e.person.name, e.reasons) for e in scanned
        ]


def test_the_word_itself_beats_longer_words_it_starts() -> None:
    fan = Person.create(name="Sofia", interests="opera")
    ops = Person.create(name="Priya", role="Head of Operations", department="Operations",
                        expertise="warehouse operations")  # fmt: skip
    found = rank_people_for("opera", [ops, fan])
    assert [entry.person.name for entry in found] == ["Sofia", "Priya"]
    # A plural or a short ending is still the word: "operator" finds "operators".
    assert rank_people_for("operator", [ANN])[0].reasons == ["expertise: kubernetes operators"]


def test_the_profile_index_ranks_exactly_as_scoring_everyone() -> None:
    from netjournal.core.profile_index import ProfileIndex
    from netjournal.core.who import FIELDS
    from netjournal.core.word_weights import WordWeights

    twin = Person.create(name="Zoe Li", interests=("sailing", "kubernetes operators", "sailing"),
                         notes="kubernetes")  # fmt: skip
    people = [*PEOPLE, twin]
    weights = WordWeights(people)
    profiles = ProfileIndex(people, FIELDS, weights)
    for topic in ("kubernetes", "kubernets operatrs", "procure", "pricing contoso", "sail",
                  "opera", "jazz", "quantum"):  # fmt: skip
        everyone = rank_people_for(topic, people, [TALK, SHARED], [ARTICLE], weights=weights)
        indexed = rank_people_for(topic, people, [TALK, SHARED], [ARTICLE], weights=weights,
                                  profiles=profiles)  # fmt: skip
        assert [(e.person.id, e.score, e.reasons) for e in indexed] == [
            (e.person.id, e.score, e.reasons) for e in everyone
        ]
    assert rank_people_for("kubernetes", people, profiles=profiles)[0].person is ANN
