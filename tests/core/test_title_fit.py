"""Search results ranked by how each typed word fits the title."""

from __future__ import annotations

from netjournal.core.title_fit import title_fit


def score(typed: str, title: str, last_open: bool = False) -> float:
    return title_fit(typed.split(), last_open, title)[0]


def test_the_same_word_beats_a_word_it_begins_which_beats_a_near_miss() -> None:
    assert score("lee", "ann lee") > score("lee", "ann leeds", last_open=True)
    assert score("kube", "kubernetes", last_open=True) > score("kubernets", "kubernetes") > 0
    assert score("asanteg", "kwabena asanteng") > score("asanteg", "ama asante") > 0


def test_a_word_out_of_typo_reach_earns_nothing_from_the_title() -> None:
    # "operatrs" is two edits from "operators", not within reach of "person".
    assert score("operatrs", "goods to person systems") == 0
    assert score("kubernets operatrs", "discussed kubernetes and goods to person systems") == (
        score("kubernets operatrs", "kubernetes lower costs")
    )


def test_other_words_of_the_title_are_counted_apart_not_against_the_fit() -> None:
    assert title_fit(["asante"], False, "mateus asante") == (100.0, 1)
    assert title_fit(["asante"], False, "kwabena asante") == (100.0, 1)
    assert title_fit(["ann", "lee"], False, "ann lee")[1] == 0
    assert title_fit(["ann", "lee"], False, "introduce ann lee to bob")[1] == 3
