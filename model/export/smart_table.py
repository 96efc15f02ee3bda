"""Seed 003's "OKR × SMART" table, filled in for one plan.

The seed's table has one row per property (Specific, Measurable, Attainable & Ambitious,
Relevant, Time-bound, then: supports the company's vision, plain wording, inspiring,
direction verbs, a number / percentage / yes-no, action verbs, fully in the team's
control) and a column each for the objective, the key results and the initiatives.
Each cell here says how this plan meets the property, with a mark:

- ``✓`` met, ``✗`` not met, ``△`` partly (some lines do, some do not);
- ``?`` for the team to judge (relevance, vision and plain wording cannot be read from text);
- ``—`` not asked of this column (an objective needs no number; initiatives need no ambition).

The readings come from the same places as the checks: the classifier's SMART hints for
the objective, its reading of each line, and the KPIs the key results link to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from model.checks.baselines import ambition
from model.checks.items import reading
from model.classify import SmartHint, smart_hints
from model.i18n import t
from model.plan import Item, Kpi, Plan

Mark = Literal["yes", "no", "partly", "judge", "na"]

MARKS: dict[Mark, str] = {"yes": "✓", "no": "✗", "partly": "△", "judge": "?", "na": "—"}

_DIRECTION_REASONS = ("classify.direction_verb", "classify.aspiration_verb")
_ACTION_REASONS = (
    "classify.starts_with_action_verb",
    "classify.uses_action_verb",
    "classify.launch_verb",
)
_INSPIRING_REASONS = ("classify.inspiring_words",)


@dataclass(frozen=True)
class Cell:
    """One cell: a mark and the words saying how the plan meets the property."""

    mark: Mark
    text: str

    def __str__(self) -> str:
        return f"{MARKS[self.mark]} {self.text}" if self.text else MARKS[self.mark]


@dataclass(frozen=True)
class SmartRow:
    """A property and how the objective, the key results and the initiatives meet it."""

    label: str
    objective: Cell
    key_results: Cell
    initiatives: Cell


def _na() -> Cell:
    return Cell("na", "")


def _share(count: int, total: int, key: str, **params: object) -> Cell:
    """``✓ 4 of 4 ...`` when all lines meet it, ``△`` when some do, ``✗`` when none does."""
    mark: Mark = "yes" if count == total else ("partly" if count else "no")
    return Cell(mark, t(key, count=count, total=total, **params))


class _Reader:
    """The plan's pieces the rows are read from, computed once."""

    def __init__(self, plan: Plan) -> None:
        self.plan = plan
        objective = plan.objective
        self.smart: dict[str, SmartHint] = {
            hint.criterion: hint
            for hint in smart_hints(objective.statement, objective.kgi, period_end=objective.end)
        }
        self.key_results = [item for item in plan.items if item.kind == "key_result"]
        self.initiatives = [item for item in plan.items if item.kind == "initiative"]
        self.statement_reasons = (
            {reason.key: reason for reason in reading(objective.statement).reasons}
            if objective.statement.strip()
            else {}
        )

    def linked(self, item: Item) -> Kpi | None:
        return self.plan.kpi(item.kpi) if item.kpi else None

    def reads_with(self, item: Item, keys: Sequence[str]) -> bool:
        return bool(item.text.strip()) and any(r.key in keys for r in reading(item.text).reasons)

    def smart_cell(self, criterion: str) -> Cell:
        hint = self.smart[criterion]
        mark: Mark = {"present": "yes", "missing": "no", "unclear": "judge"}[hint.status]
        if hint.reason.key in ("classify.smart_too_timid", "classify.smart_stretch"):
            mark = "partly"
        return Cell(mark, hint.reason.text)

    def key_result_count(self, test: Callable[[Item], bool], key: str) -> Cell:
        if not self.key_results:
            return Cell("no", t("export.smart_no_key_results"))
        return _share(sum(map(test, self.key_results)), len(self.key_results), key)

    def initiative_count(self, test: Callable[[Item], bool], key: str) -> Cell:
        if not self.initiatives:
            return Cell("na", t("export.smart_no_initiatives"))
        return _share(sum(map(test, self.initiatives)), len(self.initiatives), key)

    def objective_reason(self, keys: Sequence[str], missing_key: str | None) -> Cell:
        for key in keys:
            if key in self.statement_reasons:
                return Cell("yes", self.statement_reasons[key].text)
        if missing_key is None:
            return Cell("judge", t("export.smart_team_judges"))
        return Cell("no", t(missing_key))


def smart_rows(plan: Plan) -> list[SmartRow]:
    """The OKR × SMART table of seed 003 for ``plan``, row by row."""
    read = _Reader(plan)
    end = plan.objective.end

    def has_formula(item: Item) -> bool:
        kpi = read.linked(item)
        return kpi is not None and bool(kpi.formula.strip())

    def has_numbers(item: Item) -> bool:
        kpi = read.linked(item)
        return kpi is not None and kpi.baseline is not None and kpi.target is not None

    def ambitious(item: Item) -> bool:
        kpi = read.linked(item)
        found = ambition(kpi) if kpi else None
        return found is not None and found[0] == "within"

    def is_linked(item: Item) -> bool:
        return read.linked(item) is not None

    def reads_as_key_result(item: Item) -> bool:
        return bool(item.text.strip()) and reading(item.text).kind == "key_result"

    def action_verb(item: Item) -> bool:
        return read.reads_with(item, _ACTION_REASONS)

    def reads_as_initiative(item: Item) -> bool:
        return bool(item.text.strip()) and reading(item.text).kind == "initiative"

    period = (
        Cell("yes", t("export.smart_period_end", date=end.isoformat()))
        if end
        else Cell("no", t("export.smart_no_period_end"))
    )
    north_star = plan.north_star.name.strip()
    relevant_key = "export.smart_kr_move_kpis_of" if north_star else "export.smart_kr_move_kpis"
    rows = [
        (
            "export.smart_specific",
            read.smart_cell("specific"),
            read.key_result_count(has_formula, "export.smart_kr_formula"),
            read.initiative_count(reads_as_initiative, "export.smart_init_concrete"),
        ),
        (
            "export.smart_measurable",
            read.smart_cell("measurable"),
            read.key_result_count(has_numbers, "export.smart_kr_numbers"),
            Cell("na", t("export.smart_init_done")),
        ),
        (
            "export.smart_attainable",
            read.smart_cell("achievable"),
            read.key_result_count(ambitious, "export.smart_kr_ambitious"),
            _na(),
        ),
        (
            "export.smart_relevant",
            read.smart_cell("relevant"),
            _relevant(read, is_linked, relevant_key, north_star),
            _initiatives_linked(read),
        ),
        ("export.smart_time_bound", read.smart_cell("time_bound"), period, period),
        ("export.smart_vision", Cell("judge", t("export.smart_team_judges")), _na(), _na()),
        ("export.smart_plain", Cell("judge", t("export.smart_team_judges")), _na(), _na()),
        ("export.smart_inspiring", read.objective_reason(_INSPIRING_REASONS, None), _na(), _na()),
        (
            "export.smart_direction",
            read.objective_reason(_DIRECTION_REASONS, "export.smart_no_direction"),
            _na(),
            _na(),
        ),
        (
            "export.smart_number",
            _objective_number(read),
            read.key_result_count(reads_as_key_result, "export.smart_kr_number"),
            _na(),
        ),
        (
            "export.smart_action",
            _na(),
            _key_results_without_action_verbs(read, action_verb),
            read.initiative_count(action_verb, "export.smart_init_action"),
        ),
        (
            "export.smart_control",
            _na(),
            Cell("na", t("export.smart_kr_influence")),
            read.initiative_count(reads_as_initiative, "export.smart_init_control"),
        ),
    ]
    return [SmartRow(t(label), *cells) for label, *cells in rows]


def _objective_number(read: _Reader) -> Cell:
    """An objective needs no number of its own: the KGI carries it. Said so only when the
    KGI does; otherwise the Measurable row already says what is missing."""
    if read.smart["measurable"].reason.key == "classify.smart_kgi_target":
        return Cell("na", t("export.smart_objective_no_number"))
    return Cell("na", t("export.smart_objective_number_in_kgi"))


def _relevant(read: _Reader, is_linked: Callable[[Item], bool], key: str, north_star: str) -> Cell:
    if not read.key_results:
        return Cell("no", t("export.smart_no_key_results"))
    count = sum(map(is_linked, read.key_results))
    return _share(count, len(read.key_results), key, north_star=north_star)


def _key_results_without_action_verbs(read: _Reader, action_verb: Callable[[Item], bool]) -> Cell:
    """Key results should not start with an action verb: that is an initiative's mark."""
    if not read.key_results:
        return Cell("no", t("export.smart_no_key_results"))
    count = sum(map(action_verb, read.key_results))
    if count == 0:
        return Cell("yes", t("export.smart_kr_no_action"))
    return Cell("no", t("export.smart_kr_action", count=count, total=len(read.key_results)))


def _initiatives_linked(read: _Reader) -> Cell:
    if not read.initiatives:
        return Cell("na", t("export.smart_no_initiatives"))
    linked = sum(read.linked(item) is not None for item in read.initiatives)
    if linked == 0:
        return Cell("judge", t("export.smart_init_link_them"))
    return _share(linked, len(read.initiatives), "export.smart_init_linked")
