"""Records: creating, building, editing, JSON conversion, and validation with clear sentences."""

from __future__ import annotations

import dataclasses
import json
from datetime import date, datetime
from typing import Any

import pytest

from netjournal.core.errors import DateError, RecordError
from netjournal.core.records import (
    CHANNELS,
    OUTREACH_KINDS,
    PERSON_KINDS,
    SOURCE_KINDS,
    Interaction,
    Learning,
    Outreach,
    Person,
    Record,
)

OLD_STAMP = "2020-01-02T03:04:05Z"


def old_person(**fields: Any) -> Person:
    """A person as if created long ago, so that an edit's new `updated` is visibly different."""
    return Person.build(
        **{"id": "abc234defg", "created": OLD_STAMP, "updated": OLD_STAMP, "name": "Ann Lee"}
        | fields
    )


def full_person() -> Person:
    return Person.create(
        name="Ann Lee",
        org="Acme",
        department="Logistics",
        role="Head of warehouses",
        kind="customer",
        influence=2,
        status="connected",
        interests="pallet robots, sailing",
        expertise=["automation"],
        needs=("cheaper forklifts",),
        tags="logimat",
        email="ann@acme.example",
        phone="+49 89 1234",
        links="https://example.com/ann",
        met_via="LogiMAT 2026",
        cadence_days=30,
        notes="Line one\nLine two",
    )


def all_records() -> list[Record]:
    ann = full_person()
    bob = Person.create(name="Bob Stone")
    learning = Learning.create(
        date="2026-03-10",
        title="Pallet robots pay back in 14 months",
        body="# Notes\n\n- **ROI** 14 months",
        source_kind="trade-show",
        source="Vendor talk",
        url="https://example.com/talk",
        event="LogiMAT 2026",
        tags="robots, roi",
    )
    interaction = Interaction.create(
        date=date(2026, 3, 10),
        person_ids=[ann.id, bob.id],
        channel="event",
        event="LogiMAT 2026",
        summary="Talked about pallet robots",
        notes="She wants numbers",
        learning_ids=[learning.id],
    )
    outreach = Outreach.create(
        kind="share",
        person_ids=[ann.id],
        learning_id=learning.id,
        title="Share the robot numbers with Ann",
        due="2026-03-20",
        snoozed_until=date(2026, 3, 15),
    )
    return [ann, bob, learning, interaction, outreach]


# Creating and converting


def test_create_gives_a_fresh_id_and_utc_timestamps() -> None:
    first, second = Person.create(name="Ann Lee"), Person.create(name="Ann Lee")
    assert first.id != second.id
    assert len(first.id) == 10
    assert first.created == first.updated
    assert datetime.strptime(first.created, "%Y-%m-%dT%H:%M:%S.%fZ")


def test_create_cleans_and_converts_fields() -> None:
    ann = full_person()
    assert ann.interests == ("pallet robots", "sailing")
    assert ann.expertise == ("automation",)
    assert ann.email == ("ann@acme.example",)
    assert ann.influence == 2
    assert ann.cadence_days == 30
    assert ann.notes == "Line one\nLine two"
    assert Person.create(name="  Ann \n Lee\t").name == "Ann Lee"
    assert Person.create(name="Ann", influence="3", cadence_days=" 14 ").influence == 3
    assert Person.create(name="Ann", cadence_days="").cadence_days is None


def test_dates_are_accepted_as_dates_or_iso_strings() -> None:
    by_string = Interaction.create(date="2026-03-10", summary="Coffee")
    by_date = Interaction.create(date=date(2026, 3, 10), summary="Coffee")
    assert by_string.date == by_date.date == date(2026, 3, 10)
    assert Outreach.create(kind="ask", person_ids="p1", title="Ask", due="").due is None


def test_defaults_of_a_minimal_record() -> None:
    person = Person.create(name="Ann")
    assert (person.kind, person.status, person.influence) == ("other", "connected", 0)
    assert person.cadence_days is None
    assert person.tags == ()
    outreach = Outreach.create(kind="follow-up", person_ids=["p1"], title="Follow up")
    assert (outreach.status, outreach.due, outreach.done_at) == ("open", None, None)


@pytest.mark.parametrize("record", all_records(), ids=lambda r: type(r).__name__)
def test_to_dict_and_from_dict_round_trip(record: Record) -> None:
    data = record.to_dict()
    assert set(data) == set(type(record).FIELD_NAMES)
    # Plain JSON: survives a trip through the standard json module unchanged.
    assert json.loads(json.dumps(data)) == data
    assert type(record).from_dict(data) == record


def test_to_dict_writes_dates_as_iso_and_lists_as_lists() -> None:
    outreach = Outreach.create(
        kind="follow-up", person_ids=["p1", "p2"], title="Follow up", due=date(2026, 3, 20)
    )
    data = outreach.to_dict()
    assert data["due"] == "2026-03-20"
    assert data["snoozed_until"] is None
    assert data["person_ids"] == ["p1", "p2"]


def test_from_dict_fills_missing_fields_with_defaults_and_keeps_unknown_ones() -> None:
    person = Person.from_dict(
        {"id": "abc234defg", "created": OLD_STAMP, "updated": OLD_STAMP, "name": "Ann",
         "from_a_future_version": 1}
    )  # fmt: skip
    plain = Person.build(id="abc234defg", created=OLD_STAMP, updated=OLD_STAMP, name="Ann")
    assert person.known_fields() == plain.known_fields()
    assert dict(person.extra) == {"from_a_future_version": 1}
    assert person.to_dict() == plain.to_dict() | {"from_a_future_version": 1}


def test_build_refuses_an_unknown_field_by_name() -> None:
    with pytest.raises(RecordError, match="favourite_colour"):
        Person.create(name="Ann", favourite_colour="blue")


# Editing and immutability


def test_edit_keeps_id_and_created_and_stamps_updated() -> None:
    person = old_person()
    edited = person.edit(org="Acme")
    assert edited.org == "Acme"
    assert edited.id == person.id
    assert edited.created == OLD_STAMP
    assert edited.updated != OLD_STAMP
    assert edited.updated > OLD_STAMP
    assert person.org == ""  # the original value is untouched


def test_edit_cleans_and_validates_again() -> None:
    person = old_person()
    assert person.edit(name="Ann\x1b[31m Lee\x00").name == "Ann Lee"
    with pytest.raises(RecordError):
        person.edit(name="   ")
    with pytest.raises(RecordError):
        person.edit(kind="ceo")


def test_edit_keeps_list_entries_that_contain_commas() -> None:
    person = old_person(interests=["Boats, small ones"])
    assert person.edit(org="Acme").interests == ("Boats, small ones",)


@pytest.mark.parametrize("record", all_records(), ids=lambda r: type(r).__name__)
def test_records_are_immutable(record: Record) -> None:
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.id = "other"  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        record.updated = OLD_STAMP  # type: ignore[misc]


def test_list_fields_are_tuples_so_they_cannot_be_changed_in_place() -> None:
    person = Person.create(name="Ann", tags=["a"])
    assert isinstance(person.tags, tuple)
    assert isinstance(
        Interaction.create(date="2026-03-01", summary="x", person_ids=["p"]).person_ids, tuple
    )


# Validation: every refusal is a RecordError with a sentence that says what is wrong


@pytest.mark.parametrize("name", ["", "   ", "\t\n", "\x1b[31m\x00", "\u202e"])
def test_a_person_needs_a_name(name: str) -> None:
    with pytest.raises(RecordError, match="name"):
        Person.create(name=name)


@pytest.mark.parametrize(
    ("kind", "fields"),
    [
        (Person, {"org": "Acme"}),
        (Interaction, {"summary": "Coffee"}),
        (Learning, {"date": "2026-03-01"}),
        (Outreach, {"title": "Ask"}),
    ],
    ids=["person-without-name", "interaction-without-date", "learning-without-title",
         "outreach-without-kind"],
)  # fmt: skip
def test_a_missing_required_field_is_a_record_error(
    kind: type[Record], fields: dict[str, Any]
) -> None:
    with pytest.raises(RecordError):
        kind.create(**fields)


def test_unknown_person_kind_lists_the_known_ones() -> None:
    with pytest.raises(RecordError) as raised:
        Person.create(name="Ann", kind="ceo")
    message = str(raised.value)
    assert "'ceo'" in message
    assert all(kind in message for kind in PERSON_KINDS)


@pytest.mark.parametrize(
    ("make", "bad"),
    [
        (lambda v: Person.create(name="Ann", status=v), "friend"),
        (lambda v: Interaction.create(date="2026-03-01", summary="x", channel=v), "pigeon"),
        (lambda v: Learning.create(date="2026-03-01", title="x", source_kind=v), "dream"),
        (lambda v: Outreach.create(kind=v, person_ids=["p"], title="x"), "spam"),
        (lambda v: Outreach.create(kind="ask", person_ids=["p"], title="x", status=v), "paused"),
    ],
    ids=["person-status", "channel", "source-kind", "outreach-kind", "outreach-status"],
)
def test_unknown_vocabulary_values_are_refused(make: Any, bad: str) -> None:
    with pytest.raises(RecordError, match=f"'{bad}' is not a known"):
        make(bad)


def test_every_listed_vocabulary_value_is_accepted() -> None:
    for kind in PERSON_KINDS:
        assert Person.create(name="Ann", kind=kind).kind == kind
    for channel in CHANNELS:
        assert (
            Interaction.create(date="2026-03-01", summary="x", channel=channel).channel == channel
        )
    for source_kind in SOURCE_KINDS:
        assert Learning.create(date="2026-03-01", title="x", source_kind=source_kind)
    for kind in OUTREACH_KINDS:
        assert Outreach.create(kind=kind, person_ids=["a", "b"], learning_id="l", title="x")


def test_vocabulary_is_case_sensitive_as_stored() -> None:
    with pytest.raises(RecordError):
        Person.create(name="Ann", kind="Customer")


@pytest.mark.parametrize("influence", [-1, 4, 10])
def test_influence_outside_zero_to_three_is_refused(influence: int) -> None:
    with pytest.raises(RecordError, match=r"0 \(none\) to 3 \(executive\)"):
        Person.create(name="Ann", influence=influence)


@pytest.mark.parametrize("influence", ["high", "2.5", 2.5, True, "", None])
def test_influence_that_is_not_a_whole_number_is_refused(influence: object) -> None:
    with pytest.raises(RecordError, match=r"[Ii]nfluence"):
        Person.create(name="Ann", influence=influence)


@pytest.mark.parametrize("influence", [0, 1, 2, 3, "3"])
def test_influence_zero_to_three_is_accepted(influence: object) -> None:
    assert Person.create(name="Ann", influence=influence).influence == int(str(influence))


@pytest.mark.parametrize("cadence", [0, -7, 3651, "weekly"])
def test_cadence_out_of_range_is_refused(cadence: object) -> None:
    with pytest.raises(RecordError, match=r"[Cc]adence"):
        Person.create(name="Ann", cadence_days=cadence)


@pytest.mark.parametrize("cadence", [1, 3650])
def test_cadence_at_the_limits_is_accepted(cadence: int) -> None:
    assert Person.create(name="Ann", cadence_days=cadence).cadence_days == cadence


@pytest.mark.parametrize(
    "email", ["ann.example.com", "ann@", "@example.com", "ann lee@example.com", "ann@, b@x.org"]
)
def test_bad_email_is_refused_naming_the_address(email: str) -> None:
    with pytest.raises(RecordError, match="is not an email address"):
        Person.create(name="Ann", email=email)


def test_several_good_emails_are_accepted() -> None:
    person = Person.create(name="Ann", email="ann@acme.example, a.lee@home.example")
    assert person.email == ("ann@acme.example", "a.lee@home.example")


@pytest.mark.parametrize(
    "make",
    [
        lambda: Interaction.create(date="2026-02-30", summary="Coffee"),
        lambda: Learning.create(date="2026-02-30", title="Talk"),
        lambda: Outreach.create(kind="ask", person_ids=["p"], title="Ask", due="2026-02-30"),
        lambda: Outreach.create(
            kind="ask", person_ids=["p"], title="x", snoozed_until="2026-02-30"
        ),
    ],
    ids=["interaction-date", "learning-date", "outreach-due", "outreach-snooze"],
)
def test_an_impossible_date_is_refused_saying_why(make: Any) -> None:
    with pytest.raises(DateError) as raised:
        make()
    message = str(raised.value)
    assert "2026-02-30" in message
    assert "February 2026 has 28 days" in message


def test_a_date_that_is_not_iso_is_refused() -> None:
    with pytest.raises(RecordError, match="2026-03-14"):
        Interaction.create(date="14/03/2026", summary="Coffee")


def test_a_datetime_for_a_date_field_is_stored_as_its_day() -> None:
    try:
        interaction = Interaction.create(date=datetime(2026, 3, 10, 14, 30), summary="Coffee")
    except RecordError:
        return  # refusing it with a sentence would be fine too
    assert type(interaction.date) is date
    assert Interaction.from_dict(interaction.to_dict()) == interaction


def test_interaction_and_learning_need_their_text() -> None:
    with pytest.raises(RecordError, match="summary"):
        Interaction.create(date="2026-03-01", summary=" \x07 ")
    with pytest.raises(RecordError, match="title"):
        Learning.create(date="2026-03-01", title="")
    with pytest.raises(RecordError, match="date"):
        Interaction.create(date="", summary="Coffee")


def test_share_outreach_needs_a_learning() -> None:
    with pytest.raises(RecordError, match="learning"):
        Outreach.create(kind="share", person_ids=["p"], title="Share it")
    assert Outreach.create(kind="share", person_ids=["p"], learning_id="l1", title="Share it")


def test_introduction_needs_two_people() -> None:
    with pytest.raises(RecordError, match="two different people"):
        Outreach.create(kind="introduce", person_ids=["p1"], title="Introduce")
    assert Outreach.create(kind="introduce", person_ids=["p1", "p2"], title="Introduce")


def test_open_outreach_needs_a_person() -> None:
    with pytest.raises(RecordError, match="at least one person"):
        Outreach.create(kind="ask", person_ids=[], title="Ask")


def test_done_outreach_needs_done_at() -> None:
    outreach = Outreach.create(kind="ask", person_ids=["p"], title="Ask")
    with pytest.raises(RecordError, match="date it was done"):
        outreach.edit(status="done")
    done = outreach.edit(status="done", done_at="2026-03-12")
    assert (done.status, done.done_at) == ("done", date(2026, 3, 12))


def test_outreach_snooze_hides_it_until_the_day() -> None:
    outreach = Outreach.create(
        kind="ask", person_ids=["p"], title="Ask", snoozed_until="2026-03-15"
    )
    assert not outreach.is_open_on(date(2026, 3, 14))
    assert outreach.is_open_on(date(2026, 3, 15))
    assert not outreach.edit(status="dropped").is_open_on(date(2026, 3, 20))


def test_problems_is_empty_for_a_clean_record_and_names_a_hand_made_fault() -> None:
    person = Person.create(name="Ann")
    assert person.problems() == []
    tampered = Person.from_dict(person.to_dict() | {"name": "Ann\x1b[2J"})
    assert tampered.problems() != []
    invalid = dataclasses.replace(person, influence=9)  # from_dict would refuse it outright
    assert any("Influence" in problem for problem in invalid.problems())


def test_labels_name_the_record() -> None:
    ann, _bob, learning, interaction, outreach = all_records()
    assert ann.label == "Ann Lee"
    assert learning.label == learning.title
    assert interaction.label == "Talked about pallet robots"
    assert outreach.label == outreach.title
