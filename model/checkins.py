"""Recording check-ins: reading what a person typed, and appending it to a plan file.

A check-in is a KPI's actual value on a date, typed in the KPI's unit (``12%``,
``1,200``, ``$600``) or computed from the formula's inputs, each typed in its own unit.
:func:`build_checkin` turns typed text into a validated :class:`~model.plan.CheckIn`
(the check-in screen and ``okr checkin`` share it); every problem is a
:class:`CheckinError` with a translated one-line ``message``.

:func:`record_checkin` appends the check-in to the plan file as one ``[[checkins]]``
table, leaving every byte before it untouched (comments, hand layout and a UTF-8
byte-order mark included). The table is written exactly as the canonical writer would,
so a later save of a canonical file changes nothing. The whole new text is parsed and
validated before it is written, and written atomically, so a failure at any point
leaves the file as it was. Writers of one file take turns (:mod:`model.writelock`), so
check-ins recorded at the same moment are all kept.
"""

from __future__ import annotations

import codecs
import datetime as dt
import os
import re
from collections.abc import Mapping

from pydantic import ValidationError

from model.atomic import write_bytes_atomic
from model.errors import ConflictError, TranslatedError
from model.fingerprint import Fingerprint, fingerprint_bytes, read_plan_bytes
from model.formula import FormulaError, FormulaSyntaxError, evaluate, parse_formula
from model.i18n import t
from model.inputs import join_list
from model.limits import MAX_TEXT_CHARS
from model.plan import CheckIn, Kpi, Objective, Plan
from model.plan_source import decode_plan_bytes
from model.progress import (
    KpiProgress,
    checkins_by_kpi,
    counts_on,
    kpi_progress,
    period_ended,
)
from model.safetext import shown
from model.store import MAX_PLAN_BYTES, PlanError, dumps_plan, parse_plan, parse_plan_bytes
from model.units import ValueParseError, format_value, parse_value
from model.writelock import write_turn

_ISO_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
CONFIDENCE_RANGE = (0, 10)
"""The confidence scale: 0 (no chance of reaching the target) to 10 (certain)."""


class CheckinError(TranslatedError):
    """A check-in cannot be built or recorded; ``message`` says why, translated."""


# --- reading what was typed -----------------------------------------------------------


def parse_date(text: str) -> dt.date:
    """A date typed as ``YYYY-MM-DD``; raises :class:`CheckinError` otherwise."""
    cleaned = text.strip()
    if _ISO_DATE.fullmatch(cleaned):
        try:
            return dt.date.fromisoformat(cleaned)
        except ValueError:
            pass
    raise CheckinError("checkin.bad_date", text=shown(text))


def parse_confidence(text: str) -> int:
    """A confidence typed as a whole number from 0 to 10."""
    low, high = CONFIDENCE_RANGE
    cleaned = text.strip()
    if cleaned.isascii() and cleaned.isdigit() and low <= int(cleaned) <= high:
        return int(cleaned)
    raise CheckinError("checkin.bad_confidence", text=shown(text), low=low, high=high)


def find_kpi(plan: Plan, kpi_id: str) -> Kpi:
    """The KPI with ``kpi_id``; the error lists the plan's ids."""
    kpi = plan.kpi(kpi_id)
    if kpi is None:
        ids = t("formula.name_separator").join(k.id for k in plan.kpis)
        if not ids:
            raise CheckinError("checkin.no_kpis", kpi=shown(kpi_id))
        raise CheckinError("checkin.unknown_kpi", kpi=shown(kpi_id), ids=ids)
    return kpi


def read_value(plan: Plan, kpi: Kpi, text: str) -> float:
    """A value typed in the KPI's unit (``12%`` for a percent KPI is 0.12)."""
    try:
        return parse_value(text, kpi.unit, currency=plan.currency)
    except ValueParseError as error:
        raise CheckinError("checkin.bad_value", kpi=kpi.id, reason=error.message) from None


def split_input(text: str) -> tuple[str, str]:
    """``name=value`` as ``(name, value)``; the value may itself contain ``=``."""
    name, equals, value = text.partition("=")
    if not equals or not name.strip():
        raise CheckinError("checkin.bad_input_pair", text=shown(text))
    return name.strip(), value


def read_inputs(plan: Plan, kpi: Kpi, typed: Mapping[str, str]) -> dict[str, float]:
    """The formula inputs' values, each typed in its declared unit, in formula order.

    Every input the formula reads must be given, and nothing else: a name the formula
    does not read is refused (it is most likely a typo) with the names it does read.
    """
    if not kpi.formula.strip():
        raise CheckinError("checkin.no_formula", kpi=kpi.id)
    parsed = parse_formula(kpi.formula)
    if isinstance(parsed, FormulaSyntaxError):
        raise CheckinError("checkin.broken_formula", kpi=kpi.id, reason=parsed.message)
    names = parsed.names
    unknown = [name for name in typed if name not in names]
    if unknown:
        raise CheckinError(
            "checkin.unknown_input",
            name=shown(unknown[0]),
            kpi=kpi.id,
            formula=kpi.formula,
            names=join_list(list(names)),
        )
    missing = [name for name in names if name not in typed]
    if missing:
        raise CheckinError("checkin.missing_inputs", kpi=kpi.id, names=join_list(missing))
    values: dict[str, float] = {}
    for name in names:
        declared = plan.inputs.get(name)
        try:
            values[name] = parse_value(
                typed[name], declared.unit if declared else None, currency=plan.currency
            )
        except ValueParseError as error:
            raise CheckinError("checkin.bad_input", name=name, reason=error.message) from None
    return values


def compute_value(kpi: Kpi, inputs: Mapping[str, float]) -> float:
    """The KPI's value from its inputs' values (division by zero etc. as CheckinError)."""
    try:
        return evaluate(kpi.formula, inputs)
    except FormulaError as error:
        raise CheckinError("checkin.cannot_compute", kpi=kpi.id, reason=error.message) from None


def build_checkin(
    plan: Plan,
    kpi_id: str,
    *,
    day: dt.date,
    value: str | None = None,
    inputs: Mapping[str, str] | None = None,
    confidence: int | None = None,
    note: str = "",
) -> CheckIn:
    """A validated check-in from typed text: either ``value`` or the formula's ``inputs``.

    A KPI id used twice (the ``kpis.duplicate_id`` error) is refused: which KPI the value
    is for could not be told, and every view would show it under both."""
    kpi = find_kpi(plan, kpi_id)
    sharing = sum(1 for each in plan.kpis if each.id == kpi.id)
    if sharing > 1:
        raise CheckinError("checkin.ambiguous_kpi", kpi=kpi.id, count=sharing)
    if (value is None) == (inputs is None):
        raise CheckinError("checkin.value_or_inputs")
    computed_from: dict[str, float] = {}
    if inputs is not None:
        computed_from = read_inputs(plan, kpi, inputs)
        number = compute_value(kpi, computed_from)
    else:
        number = read_value(plan, kpi, value or "")
    note = note.strip()
    if len(note) > MAX_TEXT_CHARS:  # else refused only on appending, as a file problem
        raise CheckinError("checkin.note_too_long", size=len(note), limit=MAX_TEXT_CHARS)
    try:
        return CheckIn(
            kpi=kpi.id,
            date=day,
            value=number,
            confidence=confidence,
            note=note,
            inputs=computed_from,
        )
    except ValidationError:
        raise CheckinError("checkin.out_of_limits", kpi=kpi.id) from None


def default_day(objective: Objective, today: dt.date) -> dt.date:
    """The day a check-in is dated when none is given: today, or the period's last day
    once the period has ended, since a value recorded then is its closing value (what the
    period is scored on, see :attr:`model.progress.KpiProgress.closing_missing`)."""
    return objective.end if objective.end is not None and period_ended(objective, today) else today


def checkin_warnings(
    objective: Objective, checkin: CheckIn, today: dt.date, *, ahead: bool = False
) -> list[str]:
    """What is odd about a check-in yet no reason to refuse it, as translated sentences.

    A date outside the period is recorded (closing values are often measured a few days
    after the end, and refusing would lose them) but said; so is a date in the future.
    ``ahead`` words them for a check-in not recorded yet ("will still be recorded"). A
    future date comes first: such a check-in does not count until its day
    (:func:`model.progress.counts_on`).
    """
    warnings = []
    if not counts_on(checkin, today):  # first: what it means for the status shown today
        key = "checkin.future_date_ahead" if ahead else "checkin.future_date"
        warnings.append(t(key, date=checkin.date))
    start, end = objective.start, objective.end
    if (start and checkin.date < start) or (end and checkin.date > end):
        key = "checkin.outside_period_ahead" if ahead else "checkin.outside_period"
        warnings.append(t(key, date=checkin.date, start=start or "…", end=end or "…"))
    return warnings


def value_warnings(plan: Plan, checkin: CheckIn, *, ahead: bool = False) -> list[str]:
    """What is odd about a check-in's value yet no reason to refuse it, as translated
    sentences: a value below zero for a KPI that cannot be negative (a rate, a count, an
    amount that is not a change or a net figure), by the rule the method check
    ``kpi.negative_value`` uses (:func:`model.checks.values.negative_value_reason`).
    Recorded anyway, like a date outside the period; ``ahead`` words it for a check-in
    not recorded yet."""
    kpi = plan.kpi(checkin.kpi)
    if kpi is None or checkin.value >= 0:
        return []
    from model.checks.values import negative_value_reason  # (the checks: only when needed)

    reason = negative_value_reason(kpi)
    if reason is None:
        return []
    key = "checkin.negative_value_ahead" if ahead else "checkin.negative_value"
    value = format_value(checkin.value, kpi.unit, currency=plan.currency)
    return [t(key, kpi=kpi.id, value=value, reason=t(reason))]


def recorded_warnings(plan: Plan, checkin: CheckIn, today: dt.date) -> list[str]:
    """Everything odd about a check-in just recorded, its value first, then its date
    (:func:`value_warnings`, :func:`checkin_warnings`): what ``okr checkin`` and the
    app's check-in screen say after recording it."""
    return [*value_warnings(plan, checkin), *checkin_warnings(plan.objective, checkin, today)]


def add_checkin(plan: Plan, checkin: CheckIn) -> None:
    """Append ``checkin`` to the plan in memory (for the app, which saves the whole plan)."""
    plan.checkins = [*plan.checkins, checkin]


def progress_with(plan: Plan, checkin: CheckIn) -> KpiProgress:
    """Where ``checkin``'s value stands with it recorded (the plan is not changed): what
    the check-in screen previews as a value is typed, and what it and ``okr checkin``
    confirm after.

    It is as of the check-in's own date, with the check-in as the KPI's latest value
    then (after any of the same day; later ones are not counted), so the progress,
    expected progress, status and guardrail are those of this value: one dated before
    other check-ins is judged against what was expected on its day, not replaced by a
    later value in the answer.
    """
    kpi = find_kpi(plan, checkin.kpi)
    own = [entry for entry in plan.checkins if entry.kpi == kpi.id]
    history = checkins_by_kpi([*own, checkin], checkin.date).get(kpi.id, [])
    return kpi_progress(plan, kpi, checkin.date, history)


# --- appending to the file ------------------------------------------------------------


def checkin_table_text(checkin: CheckIn) -> str:
    """The ``[[checkins]]`` table exactly as the canonical writer emits it."""
    text = dumps_plan(Plan(checkins=[checkin]))
    return text[text.index("[[checkins]]") :]


def append_checkin_text(text: str, checkin: CheckIn) -> str:
    """``text`` followed by the check-in's table; ``text`` itself is never changed.

    One blank line separates the table from what comes before (the canonical layout),
    a missing final newline is supplied, and a file written with CRLF line ends gets
    CRLF in the new table too.
    """
    first_break = text.find("\n")
    newline = "\r\n" if first_break > 0 and text[first_break - 1] == "\r" else "\n"
    table = checkin_table_text(checkin).replace("\n", newline)
    if not text:
        return table
    if not text.endswith("\n"):
        return text + newline + newline + table
    if text.endswith("\n\n") or text.endswith("\n\r\n"):
        return text + table  # already ends with a blank line
    return text + newline + table


def record_checkin(
    path: str | os.PathLike[str],
    checkin: CheckIn,
    *,
    original: str | None = None,
    plan: Plan | None = None,
) -> Plan:
    """Append ``checkin`` to the plan file at ``path`` safely; return the updated plan.

    The whole read, check and write happens in the file's write turn
    (:func:`model.writelock.write_turn`): another ``okr checkin`` on the same plan waits
    for it, then reads the file with this check-in in it, so neither loses the other's.
    A caller that read the plan to build the check-in should read it in the same turn
    (the turn is re-entrant) and pass that text as ``original``: if the file has changed
    since, nothing is written; ``plan``, the plan parsed from ``original``, saves parsing
    it again. The resulting text must load as a plan ending with exactly
    this check-in before it replaces the file atomically, and only if the file still
    holds what was read (a writer ignoring the turn, such as an editor, is caught).
    """
    with write_turn(path):
        data, fingerprint = read_plan_bytes(path)
        text = decode_plan_bytes(data, path)
        if original is not None and text != original:
            raise PlanError(path, t("checkin.file_changed"))
        before = plan if plan is not None and original is not None else parse_plan(text, path)
        find_kpi(before, checkin.kpi)
        new_text = append_checkin_text(text, checkin)
        bom = codecs.BOM_UTF8 if data.startswith(codecs.BOM_UTF8) else b""  # kept as it was
        new_data = bom + new_text.encode("utf-8")
        if len(new_data) > MAX_PLAN_BYTES:
            raise PlanError(path, t("checkin.too_big", limit=MAX_PLAN_BYTES // (1024 * 1024)))
        try:
            after = parse_plan(new_text, path)
        except PlanError as error:
            raise PlanError(path, t("checkin.cannot_append", reason=error.message)) from None
        if len(after.checkins) != len(before.checkins) + 1 or after.checkins[-1] != checkin:
            raise PlanError(path, t("checkin.cannot_append", reason=t("checkin.not_last")))
        try:
            write_bytes_atomic(path, new_data, expected=fingerprint)
        except ConflictError:
            raise PlanError(path, t("checkin.file_changed")) from None
    return after


def checkins_fit(plan: Plan, checkins: list[CheckIn]) -> bool:
    """Whether every one of ``checkins`` has its KPI in ``plan``: check-ins recorded in the
    file for a KPI this plan has since renamed or deleted would be left without one."""
    return all(plan.kpi(checkin.kpi) is not None for checkin in checkins)


def checkins_appended_since(
    path: str | os.PathLike[str], base: Fingerprint
) -> tuple[list[CheckIn], Fingerprint] | None:
    """The check-ins appended to the plan file at ``path`` since it held ``base`` (the
    bytes the app loaded or last saved), with the file's fingerprint now, when appending
    check-ins (as ``okr checkin`` does, any number of times) is all that changed; else
    ``None``: the file was rewritten, something else was added, or it no longer loads.

    The app's save then keeps both sides: its edits with these check-ins added, instead
    of one version replacing the other.
    """
    try:
        data, now = read_plan_bytes(path)
    except PlanError:
        return None
    if not base.exists or now.size <= base.size:
        return None
    head = data[: base.size]
    if fingerprint_bytes(head).sha256 != base.sha256:
        return None  # not the same bytes followed by more
    try:
        before, after = parse_plan_bytes(head, path), parse_plan_bytes(data, path)
    except PlanError:
        return None
    count = len(before.checkins)
    if after.checkins[:count] != before.checkins or len(after.checkins) == count:
        return None
    if after.model_copy(update={"checkins": []}) != before.model_copy(update={"checkins": []}):
        return None  # more than check-ins was appended (a hand-written table)
    return after.checkins[count:], now
