"""The plan as it was last saved or loaded, to tell whether the plan being edited differs.

"Unsaved" means the plan differs from its file, not that something was typed: an edit
undone (or typed back) leaves nothing to save. The app asks after every edit, so the
question must cost little on a large plan (3,000 items): :class:`SavedPlan` remembers
where the plans last differed (one entry of one section), and while they differ there
the answer needs no other comparison. Only when that place is back to its saved value
is the whole plan compared again (a few milliseconds on the large plan), which finds
the next difference or proves there is none; then the place is still the first looked
at, for the next edit is most likely in the same field.

Plans are compared as values (pydantic's equality), the way they read: a key written
out with its default value is no difference.
"""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from model.fingerprint import Fingerprint
from model.plan import Plan

Place = tuple[str, int | None]
"""Where two plans differ: a field of the plan, and the index of the entry in it that
differs (``None``: the field as a whole, or its entries are not the same number)."""


class SavedPlan:
    """A copy of the plan as it was last saved or loaded, with its file's fingerprint."""

    def __init__(self, plan: Plan, fingerprint: Fingerprint) -> None:
        self.plan = copy_plan(plan)
        """The copy (the plan being edited changes in place, so it cannot be kept itself)."""
        self.fingerprint = fingerprint
        """The fingerprint of the file the copy was read from or written to."""
        self._last_difference: Place | None = None

    def differs(self, plan: Plan) -> bool:
        """Whether ``plan`` differs from the saved one."""
        last = self._last_difference
        if last is not None and _differs_at(plan, self.plan, last):
            return True
        found = first_difference(plan, self.plan)
        if found is not None:  # else the last place is kept: the next edit is likely there
            self._last_difference = found
        return found is not None


def copy_plan(plan: Plan) -> Plan:
    """A copy of ``plan`` sharing nothing that an edit changes: rebuilt from its values
    by pydantic's compiled validator, about three times as fast as
    ``model_copy(deep=True)`` on the large plan (what it costs on opening it and on each
    save); deep-copied should the values not validate."""
    try:
        return Plan.model_validate(plan.model_dump(by_alias=True))
    except ValidationError:
        return plan.model_copy(deep=True)


def first_difference(plan: Plan, other: Plan) -> Place | None:
    """The first place, in the order of the plan file, where the plans differ."""
    for name in Plan.model_fields:
        mine, theirs = _entries(getattr(plan, name)), _entries(getattr(other, name))
        if mine == theirs:
            continue
        if isinstance(mine, list) and len(mine) == len(theirs):
            return name, next(
                i for i, (a, b) in enumerate(zip(mine, theirs, strict=True)) if a != b
            )
        return name, None
    return None


def _differs_at(plan: Plan, other: Plan, place: Place) -> bool:
    name, index = place
    mine, theirs = _entries(getattr(plan, name)), _entries(getattr(other, name))
    if index is None or len(mine) != len(theirs):
        return mine != theirs  # entries not the same number: a length, compared first
    return mine[index] != theirs[index]


def _entries(value: Any) -> Any:
    """A field's value, a mapping as its ordered entries (the order is written to the
    file, and ``dict`` equality ignores it)."""
    return list(value.items()) if isinstance(value, dict) else value
