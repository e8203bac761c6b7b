"""Your own organization: set in config.toml, or inferred from your internal colleagues."""

from __future__ import annotations

from netjournal.core.organization import Organization, our_organization
from netjournal.core.records import Person


def colleague(org: str, kind: str = "internal") -> Person:
    return Person.create(name="x", org=org, kind=kind)


def test_the_setting_wins_over_any_guess() -> None:
    ours = our_organization("  Northwind   Logistics ", [colleague("Contoso")])
    assert ours == Organization("Northwind Logistics", inferred=False)
    assert ours.describe() == "Northwind Logistics"


def test_unset_it_is_the_org_most_internal_people_share() -> None:
    people = [colleague("Contoso"), colleague("northwind logistics"), colleague("Northwind "
              "Logistics"), colleague("Fabrikam", "customer"), colleague("Fabrikam", "customer"),
              colleague("Fabrikam", "customer"), colleague("")]  # fmt: skip
    ours = our_organization("", people)
    assert ours == Organization("northwind logistics", inferred=True)  # as first spelt
    assert ours.describe() == "northwind logistics (inferred; set organization in config.toml)"


def test_a_tie_goes_to_the_org_met_first_and_nobody_internal_is_none() -> None:
    first, second = colleague("Contoso"), colleague("Northwind")
    assert our_organization("", [second, first]) == Organization("Contoso", inferred=True)
    assert our_organization("", [colleague("Contoso", "customer"), colleague("")]) is None


def test_an_org_is_held_whatever_its_case_accents_and_punctuation() -> None:
    ours = Organization("Nörthwind Logistics")
    assert ours.holds("northwind-logistics") and ours.holds("NORTHWIND LOGISTICS")
    assert not ours.holds("Northwind") and not ours.holds("")
