"""What differs between two versions of a plan, in words a person can check quickly.

Used when recovering unsaved edits (what would the recovered plan change compared with
the file on disk?) and when the file changed on disk under an open session. KPIs are
matched by id and inputs by name; items, accepted findings and check-ins, which have no
id, are matched by content in order (so an inserted item reads as one addition, not as
every later item changing).
"""

from __future__ import annotations

import difflib
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Literal

from pydantic import BaseModel

from model.i18n import t
from model.plan import Item, Plan
from model.steps import FIELD_LABELS, field_label
from model.tomlpos import show_value
from model.vocab import VOCABULARIES, label

ChangeKind = Literal["added", "removed", "changed", "reordered"]


@dataclass(frozen=True)
class Change:
    """One difference between two plans."""

    kind: ChangeKind
    section: str
    """``plan``, ``objective``, ``north_star``, ``inputs``, ``kpis``, ``items``,
    ``ignore`` or ``checkins``."""

    name: str = ""
    """Which entry: a KPI id, an input name, an item's number (1-based) or text."""

    field: str = ""
    """The field that changed, for ``changed`` (``target``, ``guardrail.max``...)."""

    old: object = None
    new: object = None


def diff_plans(old: Plan, new: Plan) -> list[Change]:
    """Every difference from ``old`` to ``new``, in the order of the plan file."""
    changes: list[Change] = []
    for field in ("title", "language", "currency"):
        changes += _field_changes("plan", "", field, getattr(old, field), getattr(new, field))
    changes += _model_changes("objective", "", old.objective, new.objective)
    changes += _model_changes("north_star", "", old.north_star, new.north_star)
    changes += _keyed_changes("inputs", old.inputs, new.inputs)
    changes += _keyed_changes(
        "kpis", {k.id: k for k in old.kpis}, {k.id: k for k in new.kpis}, ordered=True
    )
    changes += _sequence_changes("items", old.items, new.items)
    changes += _sequence_changes("ignore", old.ignore, new.ignore)
    changes += _sequence_changes("checkins", old.checkins, new.checkins)
    return changes


def describe_change(change: Change) -> str:
    """One line saying what changed, in the current language."""
    where = _where(change)
    if change.kind == "reordered":
        return t("diff.kpis_reordered")
    if change.kind == "added":
        return t("diff.added", where=where)
    if change.kind == "removed":
        return t("diff.removed", where=where)
    old, new = _values(change)
    if _blank(change.old):
        return t("diff.set", where=where, new=new)
    if _blank(change.new):
        return t("diff.cleared", where=where, old=old)
    return t("diff.changed", where=where, old=old, new=new)


def describe_differences(old: Plan, new: Plan, *, limit: int | None = None) -> list[str]:
    """The differences from ``old`` to ``new`` as lines; at most ``limit`` plus a count."""
    changes = diff_plans(old, new)
    if not changes:
        return [t("diff.none")]
    lines = [describe_change(change) for change in changes[:limit]]
    if limit is not None and len(changes) > limit:
        lines.append(t("diff.more", count=len(changes) - limit))
    return lines


# --- finding changes -------------------------------------------------------------


def _field_changes(section: str, name: str, field: str, old: object, new: object) -> list[Change]:
    if old == new or (_blank(old) and _blank(new)):
        return []
    return [Change("changed", section, name, field, old, new)]


def _flatten(model: BaseModel | None) -> dict[str, object]:
    """A model's fields as ``{"target": 0.12, "guardrail.max": 700}``."""
    flat: dict[str, object] = {}
    if model is None:
        return flat
    for name in type(model).model_fields:
        value = getattr(model, name)
        if isinstance(value, BaseModel):
            flat.update({f"{name}.{k}": v for k, v in _flatten(value).items()})
        else:
            flat[name] = value
    return flat


def _model_changes(
    section: str, name: str, old: BaseModel | None, new: BaseModel | None
) -> list[Change]:
    old_flat, new_flat = _flatten(old), _flatten(new)
    fields = list(dict.fromkeys([*old_flat, *new_flat]))
    changes: list[Change] = []
    for field in fields:
        changes += _field_changes(section, name, field, old_flat.get(field), new_flat.get(field))
    return changes


def _keyed_changes(
    section: str, old: dict[str, BaseModel], new: dict[str, BaseModel], *, ordered: bool = False
) -> list[Change]:
    changes: list[Change] = []
    for key in new:
        if key not in old:
            changes.append(Change("added", section, key))
        else:
            changes += _model_changes(section, key, old[key], new[key])
    changes += [Change("removed", section, key) for key in old if key not in new]
    common_old = [k for k in old if k in new]
    common_new = [k for k in new if k in old]
    if ordered and common_old != common_new:
        changes.append(Change("reordered", section))
    return changes


def _sequence_changes(section: str, old: list[BaseModel], new: list[BaseModel]) -> list[Change]:
    """Match entries by what identifies them (an item's text, a check-in's KPI and date),
    so an inserted entry is one addition and an edited one a field change."""
    matcher = difflib.SequenceMatcher(
        a=[_identity(e) for e in old], b=[_identity(e) for e in new], autojunk=False
    )
    changes: list[Change] = []
    for tag, a0, a1, b0, b1 in matcher.get_opcodes():
        if tag == "equal" or (tag == "replace" and a1 - a0 == b1 - b0):
            for offset in range(a1 - a0):
                before, after = old[a0 + offset], new[b0 + offset]
                if before != after:
                    label = _label(after, b0 + offset)
                    changes += _model_changes(section, label, before, after)
            continue
        changes += [Change("removed", section, _label(old[i], i)) for i in range(a0, a1)]
        changes += [Change("added", section, _label(new[i], i)) for i in range(b0, b1)]
    return changes


def _identity(entry: BaseModel) -> str:
    if isinstance(entry, Item):
        return entry.text
    parts = [str(getattr(entry, name, "")) for name in ("kpi", "date", "check", "path")]
    return "\x00".join(parts)


def _label(entry: BaseModel, index: int) -> str:
    """How an entry without an id is named: its number and a glimpse of its text."""
    glimpse = entry.text if isinstance(entry, Item) else " ".join(_glimpse_parts(entry))
    shown = show_value(glimpse, limit=50) if glimpse else ""
    return f"{index + 1} {shown}".rstrip()


def _glimpse_parts(entry: BaseModel) -> Iterator[str]:
    for name in ("kpi", "date", "value", "check", "path"):
        value = getattr(entry, name, None)
        if not _blank(value):
            yield str(_plain(value))


# --- wording ---------------------------------------------------------------------


_WHERE = {  # section -> (the entry, a field of the entry)
    "plan": ("diff.where_plan_field", "diff.where_plan_field"),
    "objective": ("diff.where_objective_field", "diff.where_objective_field"),
    "north_star": ("diff.where_north_star_field", "diff.where_north_star_field"),
    "inputs": ("diff.where_inputs", "diff.where_inputs_field"),
    "kpis": ("diff.where_kpis", "diff.where_kpis_field"),
    "items": ("diff.where_items", "diff.where_items_field"),
    "ignore": ("diff.where_ignore", "diff.where_ignore_field"),
    "checkins": ("diff.where_checkins", "diff.where_checkins_field"),
}


_LABELLED_AS = {"north_star": "north_star.{}", "items": "item.{}"}
"""How a section's fields are named in :data:`model.steps.FIELD_LABELS` (others by
their own name: a KPI's ``target``, the objective's ``statement``)."""


def _where(change: Change) -> str:
    entry_key, field_key = _WHERE[change.section]
    if not change.field:
        return t(entry_key, name=change.name).strip()
    if (change.section, change.field) == ("north_star", "name"):
        return _field_name(change)  # "North star", not "North star of the north star"
    return t(field_key, name=change.name, field=_field_name(change)).strip()


def _field_name(change: Change) -> str:
    """The field's label as the app shows it, in the current language; its key in the
    file when the app has none (an input's ``source``, a check-in's ``note``)."""
    if change.section in ("inputs", "ignore", "checkins"):
        return change.field  # fields the wizard has no labels of its own for
    label = _LABELLED_AS.get(change.section, "{}").format(change.field)
    return field_label(label) if label in FIELD_LABELS else change.field


def _blank(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _plain(value: object) -> object:
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e15:
        return int(value)
    return value


SHOWN = 50
"""At most this many characters of a value are shown."""
_CONTEXT = 20
"""Characters kept, at most, before the first difference when a long text is shown from
there (from the start of a word, when there is a space among them)."""


def _show(value: object) -> str:
    return show_value(_plain(value), limit=SHOWN)


def _values(change: Change) -> tuple[str, str]:
    """The old and the new value as shown: a word of a closed vocabulary by its label in
    the current language (``Weekly``, ``關鍵結果``), anything else as :func:`_show_pair`."""
    vocabulary = VOCABULARIES.get(change.field, ())
    if change.old in vocabulary or change.new in vocabulary:
        return tuple(  # type: ignore[return-value]
            label(change.field, value) if value in vocabulary else _show(value)
            for value in (change.old, change.new)
        )
    return _show_pair(change.old, change.new)


def _show_pair(old: object, new: object) -> tuple[str, str]:
    """Both values, short; two long texts that only differ far in are both shown from a
    little before their first difference ("…'to value for small teams.'"), so the
    change is on screen rather than cut off after an identical start."""
    if not (isinstance(old, str) and isinstance(new, str)):
        return _show(old), _show(new)
    same = 0
    for before, after in zip(old, new, strict=False):
        if before != after:
            break
        same += 1
    if same <= _CONTEXT or max(len(_show(old)), len(_show(new))) < SHOWN:
        return _show(old), _show(new)
    start = same - _CONTEXT
    space = old.find(" ", start, same - 1)
    if space >= 0:
        start = space + 1
    return (
        "…" + show_value(old[start:], limit=SHOWN - 1),
        "…" + show_value(new[start:], limit=SHOWN - 1),
    )
