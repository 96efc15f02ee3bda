"""Edit operations on a plan, shared by the app and the command line.

Screens never poke at the models directly: they call these functions, which keep the
plan valid (ids unique and well-formed, links followed on rename, periods and guardrails
in order) and turn what a person typed ("12%", "1,200", "2026/3/31") into the values the
file stores (numbers through ``model.units.parse_value``, as on the command line). A
refused edit raises :class:`EditError` whose text is one translated line meant to be
shown next to the field; the plan is left as it was.
"""

from __future__ import annotations

import datetime as dt
import math
import re
import unicodedata
from typing import Any

from pydantic import ValidationError

from model.dates import DATE_PARTS, date_of
from model.i18n import t
from model.plan import (
    IDENTIFIER,
    ITEM_KINDS,
    Guardrail,
    Item,
    ItemKind,
    Kpi,
    Objective,
    Plan,
    Unit,
)
from model.units import ValueParseError, parse_value


class EditError(ValueError):
    """An edit the plan cannot take; ``str(error)`` is a translated one-line message."""


# --- numbers -----------------------------------------------------------------------


def parse_number(text: str, unit: Unit | None = None, *, currency: str = "") -> float | None:
    """The number a person typed in a field, or ``None`` for an empty field.

    Read by :func:`model.units.parse_value`, the one reader of typed values (``okr
    checkin`` uses it too, so a number means the same in the app and on the command
    line): ``1,200``, ``12%``, ``$780``, ``3.2x``, ``1.5萬``... For a ``percent`` KPI the
    number is read in percent points with or without the sign (``12`` and ``12%`` both
    give ``0.12``), the way :func:`format_number` shows it. ``currency`` is the plan's
    currency code, which refuses a mark naming another one. Raises :class:`EditError`
    with the reason for anything else.
    """
    try:
        return parse_value(text, unit, currency=currency)
    except ValueParseError as error:
        if error.key == "units.empty":
            return None
        raise EditError(error.message) from None


def format_number(value: float | None, unit: Unit | None = None) -> str:
    """``value`` as :func:`parse_number` reads it back: ``12%``, ``1,200``, ``2.5``."""
    if value is None:
        return ""
    shown = value * 100 if unit == "percent" else value
    text = f"{shown:,.10f}".rstrip("0").rstrip(".") if abs(shown) < 1e15 else f"{shown:g}"
    if text in ("-0", ""):
        text = "0"
    return f"{text}%" if unit == "percent" else text


def same_number(a: float | None, b: float | None) -> bool:
    """Whether two stored numbers are the same value (tolerating float round trips)."""
    if a is None or b is None:
        return a is b
    return math.isclose(a, b, rel_tol=1e-12, abs_tol=1e-15)


# --- dates -------------------------------------------------------------------------

_DATE = re.compile(rf"^{DATE_PARTS}\s*日?$")


def parse_date(text: str) -> dt.date | None:
    """The date a person typed (``2026-03-31``, ``2026/3/31``, ``2026年3月31日``), or
    ``None`` for an empty field; :class:`EditError` for anything else."""
    cleaned = unicodedata.normalize("NFKC", text).strip()
    if not cleaned:
        return None
    match = _DATE.match(cleaned)
    day = date_of(match) if match else None
    if day is not None:
        return day
    raise EditError(t("edit.not_a_date", text=text.strip()))


def format_date(value: dt.date | None) -> str:
    """``value`` as ``YYYY-MM-DD``, or empty."""
    return value.isoformat() if value else ""


def set_period(objective: Objective, start_text: str, end_text: str) -> dict[str, str]:
    """Set the plan period from what was typed in the two fields.

    Returns the problems by field (``"start"``, ``"end"``); when there are none both dates
    are stored, otherwise neither changes, so a reversed period never reaches the file.
    """
    problems: dict[str, str] = {}
    dates: dict[str, dt.date | None] = {}
    for name, text in (("start", start_text), ("end", end_text)):
        try:
            dates[name] = parse_date(text)
        except EditError as error:
            problems[name] = str(error)
    if problems:
        return problems
    start, end = dates["start"], dates["end"]
    if start and end and end < start:
        return {"end": t("core.period_reversed")}
    if objective.start != start or objective.end != end:
        objective.end = None
        objective.start = start
        objective.end = end
    return {}


# --- KPIs --------------------------------------------------------------------------

KPI_ID_FALLBACK = "kpi"
"""The stem of ids made for names with no Latin letters or digits (``kpi_1``, ``kpi_2``)."""

_ID_LENGTH = 32


def kpi_id_for(name: str, taken: set[str] | frozenset[str] = frozenset()) -> str:
    """A unique, readable id for a KPI called ``name``.

    Latin letters and digits are kept (accents dropped, lower case, other characters
    become ``_``): "Trial to paid rate" gives ``trial_to_paid_rate``, "MQL 轉換率" gives
    ``mql``. A name with nothing usable, such as "自然搜尋流量", gives ``kpi_1`` (the first
    free number): ids are typed in formulas and on the command line, where switching the
    input method for every id would be a chore. Collisions get ``_2``, ``_3``...
    """
    folded = unicodedata.normalize("NFKD", name)
    ascii_only = folded.encode("ascii", "ignore").decode().lower()
    stem = re.sub(r"[^a-z0-9]+", "_", ascii_only).strip("_")
    if len(stem) > _ID_LENGTH:
        stem = stem[: _ID_LENGTH + 1].rsplit("_", 1)[0][:_ID_LENGTH]
    if stem and stem[0].isdigit():
        stem = f"{KPI_ID_FALLBACK}_{stem}"
    if not stem:
        number = 1
        while f"{KPI_ID_FALLBACK}_{number}" in taken:
            number += 1
        return f"{KPI_ID_FALLBACK}_{number}"
    candidate, number = stem, 2
    while candidate in taken:
        candidate = f"{stem}_{number}"
        number += 1
    return candidate


def add_kpi(plan: Plan, name: str = "", *, at: int | None = None, **fields: Any) -> Kpi:
    """Add a KPI called ``name`` (at index ``at``, default the end) with an id made from
    the name; ``fields`` pre-fill other attributes (a catalog pick passes its formula,
    unit, direction...). Returns the new KPI."""
    taken = {kpi.id for kpi in plan.kpis}
    kpi_id = fields.pop("id", None) or kpi_id_for(name, taken)
    if kpi_id in taken:
        raise EditError(t("edit.id_taken", id=kpi_id))
    try:
        kpi = Kpi(id=kpi_id, name=name, **fields)
    except ValidationError as error:
        raise EditError(_first_message(error)) from None
    index = len(plan.kpis) if at is None else max(0, min(at, len(plan.kpis)))
    plan.kpis.insert(index, kpi)
    return kpi


def remove_kpi(plan: Plan, index: int) -> Kpi:
    """Remove the KPI at ``index`` and unlink the items that pointed at it.

    Check-ins of the KPI are kept: they are history, and re-adding a KPI with the same
    id picks them up again.
    """
    kpi = plan.kpis.pop(index)
    for item in plan.items:
        if item.kpi == kpi.id:
            item.kpi = None
    return kpi


def move_kpi(plan: Plan, index: int, offset: int) -> int:
    """Move the KPI at ``index`` by ``offset`` places (clamped); returns its new index."""
    return _move(plan.kpis, index, offset)


def rename_kpi(plan: Plan, index: int, new_id: str) -> bool:
    """Give the KPI at ``index`` the id ``new_id``, relinking its items and check-ins;
    returns whether the id changed."""
    new_id = new_id.strip()
    kpi = plan.kpis[index]
    if new_id == kpi.id:
        return False
    if not IDENTIFIER.fullmatch(new_id):
        raise EditError(t("core.bad_identifier"))
    if any(other.id == new_id for other in plan.kpis):
        raise EditError(t("edit.id_taken", id=new_id))
    old_id = kpi.id
    kpi.id = new_id
    for item in plan.items:
        if item.kpi == old_id:
            item.kpi = new_id
    for checkin in plan.checkins:
        if checkin.kpi == old_id:
            checkin.kpi = new_id
    return True


NUMBER_FIELDS = ("baseline", "target")
"""KPI fields holding a single number (the guardrail has its own setter)."""


def set_kpi_number(kpi: Kpi, field: str, text: str, *, currency: str = "") -> bool:
    """Set ``baseline`` or ``target`` from typed text (amounts in the plan's ``currency``);
    returns whether the value changed."""
    if field not in NUMBER_FIELDS:
        raise ValueError(field)
    value = parse_number(text, kpi.unit, currency=currency)
    if same_number(getattr(kpi, field), value):
        return False
    setattr(kpi, field, value)
    return True


def set_guardrail(kpi: Kpi, min_text: str, max_text: str, *, currency: str = "") -> dict[str, str]:
    """Set the guardrail floor and ceiling from typed text.

    Returns the problems by field (``"min"``, ``"max"``). Each bound that reads is stored
    and one that does not keeps its last valid value, like any other field (the
    guardrail is removed when both are empty); a floor above the ceiling stores neither.
    """
    problems: dict[str, str] = {}
    current = kpi.guardrail or Guardrail()
    bounds = {"min": current.min, "max": current.max}
    for name, text in (("min", min_text), ("max", max_text)):
        try:
            bounds[name] = parse_number(text, kpi.unit, currency=currency)
        except EditError as error:
            problems[name] = str(error)
    low, high = bounds["min"], bounds["max"]
    if low is not None and high is not None and low > high:
        # flagged on the bound just typed (the ceiling, unless only the floor reads)
        problems.setdefault("max" if "max" not in problems else "min", t("core.guardrail_reversed"))
        return problems
    if not (same_number(current.min, low) and same_number(current.max, high)):
        kpi.guardrail = None if low is None and high is None else Guardrail(min=low, max=high)
    return problems


# --- items -------------------------------------------------------------------------


def add_item(
    plan: Plan, text: str = "", *, at: int | None = None, kind: ItemKind = "key_result"
) -> int:
    """Insert an item (at index ``at``, default the end); returns its index."""
    index = len(plan.items) if at is None else max(0, min(at, len(plan.items)))
    plan.items.insert(index, Item(text=text, kind=kind))
    return index


def remove_item(plan: Plan, index: int) -> Item:
    """Remove and return the item at ``index``."""
    return plan.items.pop(index)


def move_item(plan: Plan, index: int, offset: int) -> int:
    """Move the item at ``index`` by ``offset`` places (clamped); returns its new index."""
    return _move(plan.items, index, offset)


def set_item_text(plan: Plan, index: int, text: str) -> bool:
    """Set the item's text; returns whether it changed.

    The live classifier hooks in after this call: it reads the new text and passes its
    reading to :func:`apply_auto_kind`, which leaves a user's choice alone.
    """
    item = plan.items[index]
    if item.text == text:
        return False
    item.text = text
    return True


def set_item_kind(plan: Plan, index: int, kind: ItemKind) -> None:
    """The user's choice of kind: stored with ``kind_set_by = "user"``, so the
    classifier never replaces it."""
    if kind not in ITEM_KINDS:
        raise ValueError(kind)
    item = plan.items[index]
    item.kind = kind
    item.kind_set_by = "user"


def cycle_item_kind(plan: Plan, index: int) -> ItemKind:
    """Set the item to the next kind (key result, initiative, objective, then key result
    again); returns it. The kind the classifier reads is given back to the classifier
    (automatic again), any other is kept as the user's choice. So every press shows
    another kind, whatever the item's kind and who set it, and from an automatic kind
    three presses come back to it, automatic. (A chosen kind that agreed with the
    reading used to turn automatic first, the kind shown unchanged, as if the key had
    done nothing.)"""
    from model.classify import classify  # loaded by then in the app; 35 ms otherwise

    item = plan.items[index]
    kind = ITEM_KINDS[(ITEM_KINDS.index(item.kind) + 1) % len(ITEM_KINDS)]
    if kind == classify(item.text).kind:
        item.kind = kind
        item.kind_set_by = "auto"
    else:
        set_item_kind(plan, index, kind)
    return kind


def apply_auto_kind(item: Item, kind: ItemKind) -> bool:
    """Record the classifier's reading unless the user chose the kind; returns whether
    the item changed."""
    if item.kind_set_by == "user" or item.kind == kind:
        return False
    item.kind = kind
    return True


def link_item(plan: Plan, index: int, kpi_id: str | None) -> bool:
    """Link the item to the KPI ``kpi_id`` (``None`` unlinks); returns whether it changed."""
    if kpi_id is not None and plan.kpi(kpi_id) is None:
        raise EditError(t("edit.no_such_kpi", id=kpi_id))
    item = plan.items[index]
    if item.kpi == kpi_id:
        return False
    item.kpi = kpi_id
    return True


# --- formula inputs ----------------------------------------------------------------

INPUT_FIELDS = ("description", "source", "unit")
"""Fields of a declared formula input that the Formulas step edits."""


def set_input(plan: Plan, name: str, field: str, value: str | None) -> bool:
    """Set a formula input's ``description``, ``source`` or ``unit`` (``None`` for none),
    declaring the input first when the plan does not yet; returns whether the plan changed."""
    if field not in INPUT_FIELDS:
        raise ValueError(field)
    from model.inputs import declare_inputs

    try:
        declared = bool(declare_inputs(plan, [name]))
        current = plan.inputs[name]
        if getattr(current, field) == value:
            return declared
        setattr(current, field, value)
    except ValidationError as error:
        raise EditError(_first_message(error)) from None
    return True


# --- helpers -----------------------------------------------------------------------


def _move(entries: list, index: int, offset: int) -> int:
    """Move ``entries[index]`` by ``offset`` places in place (clamped); the new index."""
    new_index = max(0, min(index + offset, len(entries) - 1))
    if new_index != index:
        entries.insert(new_index, entries.pop(index))
    return new_index


def _first_message(error: ValidationError) -> str:
    problem = error.errors(include_url=False)[0]
    ctx = problem.get("ctx") or {}
    return str(ctx.get("message", problem["msg"]))
