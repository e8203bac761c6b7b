"""The kind of person an import suggests: a contact labelled "Customers" is a customer.

Only a label (or category) that says so plainly counts, and only when it points to one kind;
a role counts for journalists alone ("Industry Reporter"). Otherwise the kind stays "other"
for the user to set, since a wrong guess would skew the review's cadences.

Your own organization settles colleagues (`settle_kind`): someone at it is internal, and a
"Colleagues" label on someone at another company is not enough to make them internal (Network
would otherwise count them as a department of your organization).
"""

from __future__ import annotations

from collections.abc import Iterable

from netjournal.core.names import fold
from netjournal.core.organization import Organization
from netjournal.core.records import Person

BY_LABEL = {
    "internal": {"colleague", "colleagues", "coworker", "coworkers", "co-workers", "internal",
                 "staff", "team"},
    "customer": {"customer", "customers", "client", "clients"},
    "supplier": {"supplier", "suppliers", "vendor", "vendors"},
    "expert": {"expert", "experts", "advisor", "advisors", "adviser", "advisers"},
    "journalist": {"journalist", "journalists", "press", "media", "reporter", "reporters"},
}  # fmt: skip
JOURNALIST_ROLES = {"journalist", "reporter", "correspondent"}


def kind_from(labels: Iterable[str], role: str = "") -> str | None:
    """The kind the labels (or a journalist's role) name, if exactly one; else None."""
    folded = {fold(label) for label in labels}
    kinds = {kind for kind, words in BY_LABEL.items() if folded & words}
    if not kinds and set(fold(role).split()) & JOURNALIST_ROLES:
        kinds = {"journalist"}
    return kinds.pop() if len(kinds) == 1 else None


def settle_kind(person: Person, from_label: bool, ours: Organization | None) -> Person:
    """`person` as an import should bring them in, given your organization `ours`: at it,
    internal (unless the file stated another kind); at another company, not internal just
    because a label said "Colleagues"."""
    if ours is None or not person.org.strip():
        return person
    if ours.holds(person.org):
        wanted = "internal" if person.kind == "other" or from_label else person.kind
    else:
        wanted = "other" if person.kind == "internal" and from_label else person.kind
    return person if wanted == person.kind else person.edit(kind=wanted)
