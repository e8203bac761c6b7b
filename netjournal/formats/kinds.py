"""The kind of person an import suggests: a contact labelled "Customers" is a customer.

Only a label (or category) that says so plainly counts, and only when it points to one kind;
a role counts for journalists alone ("Industry Reporter"). Otherwise the kind stays "other"
for the user to set, since a wrong guess would skew the review's cadences.
"""

from __future__ import annotations

from collections.abc import Iterable

from netjournal.core.names import fold

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
