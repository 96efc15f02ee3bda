"""Every method check on a plan that passes it and on one that fails it."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass

import pytest

from model.checks import CHECKS, STEPS, can_be_ignored, run_checks
from model.checks.runner import ChecksStopped
from model.plan import CheckIn, Guardrail, Ignore, Input, Item, Plan
from model.store import load_plan
from tests.conftest import PLANS

AFTER = dt.date(2026, 8, 1)
"""After the e-commerce example's period (April to June 2026): nothing is overdue."""

IN_PERIOD = dt.date(2026, 4, 20)

PLACEHOLDER = re.compile(r"\{[a-z_]+\}")


def base() -> Plan:
    """The e-commerce example: it passes every check."""
    return load_plan(PLANS / "ecommerce-revenue.toml")


@dataclass
class Case:
    """How to make a plan fail one check, and where the findings must point."""

    mutate: Callable[[Plan], None]
    paths: list[str]
    today: dt.date = AFTER
    explicit_date: bool = False


def _set(path: str, value: object) -> Callable[[Plan], None]:
    """A mutation setting one attribute: ``kpis.0.owner``, ``objective.kgi``..."""

    def mutate(plan: Plan) -> None:
        *parents, name = path.split(".")
        node: object = plan
        for part in parents:
            node = node[int(part)] if part.isdigit() else getattr(node, part)  # type: ignore[index]
        setattr(node, name, value)

    return mutate


def _all(*mutations: Callable[[Plan], None]) -> Callable[[Plan], None]:
    def mutate(plan: Plan) -> None:
        for mutation in mutations:
            mutation(plan)

    return mutate


def _items_without_key_results(plan: Plan) -> None:
    plan.items = [item for item in plan.items if item.kind != "key_result"]


def _add_checkin(kpi: str, day: dt.date, value: float) -> Callable[[Plan], None]:
    def mutate(plan: Plan) -> None:
        plan.checkins = [*plan.checkins, CheckIn(kpi=kpi, date=day, value=value)]

    return mutate


def _add_ignore(check: str, path: str = "") -> Callable[[Plan], None]:
    def mutate(plan: Plan) -> None:
        plan.ignore = [*plan.ignore, Ignore(check=check, path=path, reason="accepted")]

    return mutate


def _declare(name: str) -> Callable[[Plan], None]:
    def mutate(plan: Plan) -> None:
        plan.inputs = {**plan.inputs, name: Input(source="somewhere")}

    return mutate


ATC = "kpis.add_to_cart_rate"

FAILING: dict[str, Case] = {
    "plan.title": Case(_set("title", " "), ["title"]),
    "objective.statement": Case(_set("objective.statement", ""), ["objective.statement"]),
    "objective.kgi": Case(_set("objective.kgi", ""), ["objective.kgi"]),
    "objective.period": Case(_set("objective.start", None), ["objective.start"]),
    "objective.deadline": Case(
        _all(
            _set("objective.kgi", "Monthly online revenue of $450,000"), _set("objective.end", None)
        ),
        ["objective.kgi"],
    ),
    "objective.deadline_before_period": Case(
        _set("objective.kgi", "Monthly online revenue from $330,000 to $450,000 by 2026-03-31"),
        ["objective.kgi"],
    ),
    "objective.specific": Case(
        _set("objective.statement", "Improve stuff"), ["objective.statement"]
    ),
    "objective.measurable": Case(
        _set("objective.kgi", "Much better online sales by 2026-06-30"), ["objective.kgi"]
    ),
    "objective.ambition": Case(
        _set("objective.kgi", "Monthly online revenue from $330,000 to $900,000 by 2026-06-30"),
        ["objective.kgi"],
    ),
    "items.key_result": Case(_items_without_key_results, ["items"]),
    "item.text": Case(_set("items.4.text", ""), ["items[4].text"]),
    "item.linked": Case(_set("items.0.kpi", None), ["items[0].kpi"]),
    "item.kpi_unknown": Case(_set("items.0.kpi", "checkout_rate"), ["items[0].kpi"]),
    "items.duplicate": Case(
        _set("items.5.text", "cut the checkout form  from 7 fields to 4"), ["items[5].text"]
    ),
    "item.kind": Case(_set("items.4.kind", "key_result"), ["items[4].kind"]),
    "north_star.name": Case(_set("north_star.name", ""), ["north_star.name"]),
    "north_star.definition": Case(_set("north_star.definition", ""), ["north_star.definition"]),
    "kpis.count": Case(lambda plan: setattr(plan, "kpis", plan.kpis[:2]), ["kpis"]),
    "kpis.duplicate_id": Case(_set("kpis.1.id", "add_to_cart_rate"), ["kpis[1].id"]),
    "kpis.duplicate_name": Case(
        _set("kpis.1.name", "ADD-TO-CART  rate"), ["kpis.checkout_conversion.name"]
    ),
    "kpi.name": Case(_set("kpis.0.name", ""), [f"{ATC}.name"]),
    "kpi.unit": Case(_set("kpis.0.unit", None), [f"{ATC}.unit"]),
    "kpi.indicator": Case(_set("kpis.0.indicator", None), [f"{ATC}.indicator"]),
    "kpis.pairing": Case(
        _all(_set("kpis.0.indicator", "lagging"), _set("kpis.1.indicator", "lagging")), ["kpis"]
    ),
    "kpi.owner": Case(_set("kpis.0.owner", ""), [f"{ATC}.owner"]),
    "kpis.funnel": Case(_set("kpis.3.funnel_stage", "expansion"), ["kpis"]),
    "kpi.funnel_framework": Case(_set("kpis.0.funnel_stage", "tofu"), [f"{ATC}.funnel_stage"]),
    "kpi.definition": Case(_set("kpis.0.definition", ""), [f"{ATC}.definition"]),
    "kpi.formula": Case(_set("kpis.0.formula", ""), [f"{ATC}.formula"]),
    "kpi.formula_syntax": Case(_set("kpis.0.formula", "sessions / (orders"), [f"{ATC}.formula"]),
    "kpi.formula_input": Case(_set("kpis.0.formula", "carts / sessions"), [f"{ATC}.formula"]),
    "kpi.formula_zero_divisor": Case(
        _set("kpis.0.formula", "add_to_cart_sessions / (sessions - sessions) / (1 - 1)"),
        [f"{ATC}.formula"],
    ),
    "kpi.data_source": Case(
        _all(
            _set("kpis.0.data_source", ""),
            lambda plan: setattr(plan.inputs["sessions"], "source", ""),
        ),
        [f"{ATC}.data_source"],
    ),
    "input.source": Case(
        lambda plan: setattr(plan.inputs["sessions"], "source", ""), ["inputs.sessions.source"]
    ),
    "inputs.unused": Case(_declare("returns"), ["inputs.returns"]),
    "plan.currency": Case(_set("currency", "dollars"), ["currency"]),
    "kpi.baseline": Case(_set("kpis.0.baseline", None), [f"{ATC}.baseline"]),
    "kpi.target": Case(_set("kpis.0.target", None), [f"{ATC}.target"]),
    "kpi.guardrail": Case(_set("kpis.0.guardrail", Guardrail()), [f"{ATC}.guardrail"]),
    "kpi.cadence": Case(_set("kpis.0.cadence", None), [f"{ATC}.cadence"]),
    "kpi.on_breach": Case(_set("kpis.0.on_breach", ""), [f"{ATC}.on_breach"]),
    "kpi.target_direction": Case(_set("kpis.0.target", 0.065), [f"{ATC}.target"]),
    "kpi.ambition": Case(_set("kpis.0.target", 0.08), [f"{ATC}.target"]),
    "kpi.guardrail_target": Case(
        _set("kpis.0.guardrail", Guardrail(max=0.08)), [f"{ATC}.guardrail.max"]
    ),
    "kpi.guardrail_side": Case(
        _set("kpis.0.guardrail", Guardrail(min=0.075)), [f"{ATC}.guardrail.min"]
    ),
    "kpi.cadence_fit": Case(_set("kpis.0.cadence", "monthly"), [f"{ATC}.cadence"]),
    "kpi.percent_scale": Case(
        _all(_set("kpis.0.baseline", 7), _set("kpis.0.target", 9), _set("kpis.0.guardrail", None)),
        [f"{ATC}.baseline", f"{ATC}.target"],
    ),
    "kpi.negative_value": Case(
        _all(_set("kpis.0.baseline", -0.07), _set("kpis.0.guardrail", Guardrail(min=-0.01))),
        [f"{ATC}.baseline", f"{ATC}.guardrail.min"],
    ),
    "kpi.fractional_count": Case(
        _all(
            _set("kpis.0.unit", "count"),
            _set("kpis.0.formula", "add_to_cart_sessions"),
            _set("kpis.0.baseline", 700.5),
            _set("kpis.0.target", 900.25),
            _set("kpis.0.guardrail", Guardrail(min=600.5)),
        ),
        [f"{ATC}.baseline", f"{ATC}.target"],
    ),
    "tracking.guardrail_crossed": Case(
        _add_checkin("roas", dt.date(2026, 5, 1), 2.5), ["kpis.roas.guardrail.min"]
    ),
    "tracking.overdue": Case(
        lambda plan: None,
        [f"{ATC}.cadence", "kpis.checkout_conversion.cadence", "kpis.roas.cadence"],
        today=IN_PERIOD,
    ),
    "checkins.unknown_kpi": Case(
        _add_checkin("checkout_rate", dt.date(2026, 5, 1), 0.01), ["checkins[0].kpi"]
    ),
    "ignore.unknown_check": Case(_add_ignore("kpi.ownr"), ["ignore[0].check"]),
    "ignore.unused": Case(_add_ignore("kpi.owner", "kpis.aov"), ["ignore[0]"]),
    "ignore.not_allowed": Case(_add_ignore("kpi.formula_syntax"), ["ignore[0].check"]),
}


def test_the_base_plan_passes_every_check():
    assert run_checks(base(), AFTER).findings == ()


def test_every_check_has_a_failing_case():
    assert set(FAILING) == set(CHECKS)


@pytest.mark.parametrize("check_id", list(FAILING))
def test_each_check_fails_on_a_plan_that_breaks_it(check_id: str):
    case = FAILING[check_id]
    plan = base()
    case.mutate(plan)
    report = run_checks(plan, case.today, explicit_date=case.explicit_date)
    found = [finding for finding in report.findings if finding.check == check_id]
    assert [finding.path for finding in found] == case.paths
    registered = CHECKS[check_id]
    for finding in found:
        assert (finding.severity, finding.step) == (registered.severity, registered.step)
        assert finding.message.strip() and finding.fix.strip()
        assert not PLACEHOLDER.search(finding.message + finding.fix)


def test_a_finding_locates_its_field_by_position():
    plan = base()
    plan.kpis[3].owner = ""
    plan.items[2].kpi = "nope"
    report = run_checks(plan, AFTER)
    assert {f.path: f.loc for f in report.findings} == {
        "kpis.repurchase_rate.owner": ("kpis", 3, "owner"),
        "items[2].kpi": ("items", 2, "kpi"),
    }


def test_a_duplicated_id_is_named_by_position_in_every_path():
    plan = base()
    plan.kpis[1].id = "add_to_cart_rate"
    plan.kpis[1].owner = ""
    paths = [f.path for f in run_checks(plan, AFTER).findings]
    assert "kpis[1].owner" in paths and "kpis[1].id" in paths
    assert not any(path.startswith("kpis.add_to_cart_rate") for path in paths)


# --- numbers: direction, ambition, guardrails -----------------------------------------


def saas() -> Plan:
    return load_plan(PLANS / "saas-growth.toml")


def _cac_findings(plan: Plan, check_id: str) -> list[str]:
    return [f.message for f in run_checks(plan, AFTER).findings if f.check == check_id]


def test_a_decreasing_kpi_improves_by_going_down():
    plan = saas()  # cac: 780 -> 600, lower is better: a 1.3x improvement
    assert _cac_findings(plan, "kpi.target_direction") == []
    assert _cac_findings(plan, "kpi.ambition") == []
    plan.kpis[3].target = 700
    assert _cac_findings(plan, "kpi.ambition") == [
        "cac: from $780 to $700 is only 1.11× better; targets are usually 1.2 to 1.5×"
    ]
    plan.kpis[3].target = 400
    assert _cac_findings(plan, "kpi.ambition") == [
        "cac: from $780 to $400 is 1.95× better, a stretch; targets are usually 1.2 to 1.5×"
    ]
    plan.kpis[3].target = 820
    assert _cac_findings(plan, "kpi.target_direction") == [
        "cac: the target $820 is above the baseline $780, but lower is better for this KPI"
    ]
    assert _cac_findings(plan, "kpi.ambition") == []  # the direction error says it all


def test_a_target_equal_to_the_baseline_is_a_hint_not_an_error():
    plan = saas()
    plan.kpis[0].target = plan.kpis[0].baseline
    assert _cac_findings(plan, "kpi.target_direction") == []
    assert _cac_findings(plan, "kpi.ambition") == [
        "trial_activation: the target 36% is no better than the baseline 36%"
    ]


def test_ambition_is_not_judged_on_zero_or_negative_numbers():
    plan = saas()
    plan.kpis[0].baseline = 0
    plan.kpis[2].baseline, plan.kpis[2].target = -0.1, 0.2
    assert _cac_findings(plan, "kpi.ambition") == []


def test_one_ambition_verdict_for_the_check_the_baselines_step_and_the_smart_table():
    """``ambition`` is the kpi.ambition rule; the range's ends count as within, even when
    the ratio lands a rounding error past them (0.3 / 0.2)."""
    from model.checks.baselines import ambition

    kpi = saas().kpis[3]  # cac, lower is better
    verdicts = {}
    for target in (780, 700, 600, 400):
        kpi.target = target
        found = ambition(kpi)
        verdicts[target] = found and found[0]
    assert verdicts == {780: "flat", 700: "low", 600: "within", 400: "high"}
    kpi.target = 820
    assert ambition(kpi) is None  # the wrong way: the direction check's finding
    kpi.direction, kpi.baseline, kpi.target = "increase", 0.2, 0.3
    assert ambition(kpi) == ("within", 0.3 / 0.2)


def test_the_baseline_and_the_target_may_sit_on_a_bound():
    plan = base()
    plan.kpis[0].guardrail = Guardrail(min=0.07, max=0.09)  # baseline 0.07, target 0.09
    assert run_checks(plan, AFTER).findings == ()


def test_a_ceiling_below_the_baseline_of_a_decreasing_kpi_is_a_warning():
    plan = saas()
    plan.ignore = []
    assert _cac_findings(plan, "kpi.guardrail_side") == [
        "cac: the baseline $780 is already above the guardrail's ceiling $700,"
        " so the breach action applies from the first day"
    ]
    assert _cac_findings(plan, "kpi.guardrail_target") == []  # 600 is under the cap


# --- KPIs: pairing, data sources, funnel ----------------------------------------------


def test_pairing_names_the_kpis_left_without_a_partner():
    plan = base()
    for kpi in plan.kpis:
        kpi.indicator = "leading"
    messages = [f.message for f in run_checks(plan, AFTER).findings if f.check == "kpis.pairing"]
    assert messages == [
        "no lagging indicator to confirm what add_to_cart_rate, checkout_conversion, aov,"
        " repurchase_rate and roas predict"
    ]


def test_inputs_with_sources_are_a_kpis_data_source():
    plan = base()
    plan.kpis[0].data_source = ""  # both of its inputs declare a source
    assert run_checks(plan, AFTER).findings == ()


def test_the_funnel_framework_is_the_one_most_kpis_use():
    from model.checks import funnel_coverage

    assert funnel_coverage(saas()).framework == "aarrr"
    assert funnel_coverage(base()).framework == "journey"
    content = load_plan(PLANS / "content-leads.zh-TW.toml")
    coverage = funnel_coverage(content)
    assert coverage.framework == "content"
    assert coverage.covered == ["tofu", "mofu", "bofu"] and coverage.gaps == []
    assert dict(coverage.stages)["bofu"] == ("content_to_trial_ctr", "mql_rate")


def test_a_funnel_gap_is_a_stage_between_covered_ones():
    plan = saas()  # acquisition, activation, retention, revenue: referral is outside the span
    assert [f for f in run_checks(plan, AFTER).findings if f.check == "kpis.funnel"] == []
    plan.kpis[0].funnel_stage = "revenue"  # activation is now uncovered, between the others
    (finding,) = [f for f in run_checks(plan, AFTER).findings if f.check == "kpis.funnel"]
    assert finding.message == (
        "in the AARRR funnel, nothing measures activation, between stages the other KPIs cover"
    )


def test_no_funnel_stage_at_all_is_a_hint():
    plan = base()
    for kpi in plan.kpis:
        kpi.funnel_stage = None
    (finding,) = run_checks(plan, AFTER).findings
    assert (finding.check, finding.severity, finding.path) == ("kpis.funnel", "hint", "kpis")


# --- items and the classifier ---------------------------------------------------------


def test_a_kind_the_user_chose_is_questioned_only_when_the_reading_is_very_firm():
    plan = base()
    plan.items[4].kind, plan.items[4].kind_set_by = "key_result", "user"
    plan.items[4].kpi = "checkout_conversion"
    (finding,) = [f for f in run_checks(plan, AFTER).findings if f.check == "item.kind"]
    assert finding.message.startswith(
        "you marked 'Cut the checkout form from 7 fields to 4' as a key result, but it reads"
        " very much as an initiative:"
    )
    plan.items[6].kind, plan.items[6].kind_set_by = "key_result", "user"  # read at 0.69
    plan.items[6].kpi = "aov"
    paths = [f.path for f in run_checks(plan, AFTER).findings if f.check == "item.kind"]
    assert paths == ["items[4].kind"]
    plan.items[6].kind_set_by = "auto"
    paths = [f.path for f in run_checks(plan, AFTER).findings if f.check == "item.kind"]
    assert paths == ["items[4].kind", "items[6].kind"]


def test_the_smart_findings_quote_the_classifiers_reason():
    plan = base()
    plan.objective.statement = "Improve stuff for customers and partners"
    (finding,) = run_checks(plan, AFTER).findings
    assert finding.message == (
        "the objective is not specific: vague wording: 'stuff'; say exactly what you mean"
    )


def test_a_deadline_in_the_kgi_makes_the_objective_time_bound_without_a_period():
    plan = base()
    plan.objective.start = plan.objective.end = None
    checks = {f.check for f in run_checks(plan, AFTER).findings}
    assert checks == {"objective.period"}  # the KGI says "by 2026-06-30"


# --- tracking -------------------------------------------------------------------------


def test_a_value_inside_the_guardrail_is_no_finding():
    plan = base()
    plan.checkins = [CheckIn(kpi="roas", date=dt.date(2026, 5, 1), value=3)]  # min 3
    assert run_checks(plan, AFTER).findings == ()


def test_a_crossed_guardrail_says_when_by_how_much_and_what_to_do():
    plan = base()
    plan.checkins = [CheckIn(kpi="roas", date=dt.date(2026, 5, 1), value=2.5)]
    (finding,) = run_checks(plan, AFTER).findings
    assert finding.severity == "warning"
    assert finding.message == "roas: guardrail crossed on 2026-05-01, 2.5x is below the floor of 3x"
    assert finding.fix == (
        "Carry out the breach action:"
        " Pause ad sets below ROAS 2 and narrow audiences to 30-day engagers"
    )


def test_overdue_check_ins_only_while_the_period_is_open_or_for_a_given_day():
    plan = base()
    overdue = "tracking.overdue"
    assert overdue in {f.check for f in run_checks(plan, IN_PERIOD).findings}
    assert overdue not in {f.check for f in run_checks(plan, AFTER).findings}
    closing = {f.path for f in run_checks(plan, AFTER, explicit_date=True).findings}
    assert len(closing) == 5  # every KPI still owes its closing value
    plan.checkins = [
        CheckIn(kpi=kpi.id, date=dt.date(2026, 4, 19), value=kpi.baseline or 0) for kpi in plan.kpis
    ]
    assert run_checks(plan, IN_PERIOD).findings == ()


# --- silencing ------------------------------------------------------------------------


def _plan_without_owner() -> Plan:
    plan = base()
    plan.kpis[3].owner = ""
    plan.kpis[4].owner = ""
    return plan


@pytest.mark.parametrize(
    ("path", "silenced"),
    [
        ("", ["kpis.repurchase_rate.owner", "kpis.roas.owner"]),
        ("kpis.roas.owner", ["kpis.roas.owner"]),
        ("kpis.roas", ["kpis.roas.owner"]),
        ("kpis", ["kpis.repurchase_rate.owner", "kpis.roas.owner"]),
    ],
)
def test_an_ignore_entry_silences_its_check_at_its_path_or_under_it(path, silenced):
    plan = _plan_without_owner()
    plan.ignore = [Ignore(check="kpi.owner", path=path, reason="owners are being hired")]
    report = run_checks(plan, AFTER)
    assert [s.finding.path for s in report.silenced] == silenced
    assert all(
        s.ignore.reason == "owners are being hired" and s.index == 0 for s in report.silenced
    )
    reported = {f.path for f in report.findings}
    assert reported == {"kpis.repurchase_rate.owner", "kpis.roas.owner"} - set(silenced)


def test_a_path_prefix_matches_whole_fields_only():
    plan = _plan_without_owner()
    plan.ignore = [Ignore(check="kpi.owner", path="kpis.ro", reason="x")]
    report = run_checks(plan, AFTER)
    assert report.silenced == ()
    assert "ignore.unused" in {f.check for f in report.findings}


def test_an_ignore_entry_for_another_check_does_not_silence():
    plan = _plan_without_owner()
    plan.ignore = [Ignore(check="kpi.on_breach", path="kpis.roas", reason="x")]
    report = run_checks(plan, AFTER)
    assert report.silenced == ()
    assert [f.message for f in report.findings if f.check == "ignore.unused"] == [
        "[[ignore]] of kpi.on_breach at kpis.roas silences nothing"
    ]


def test_an_ignore_entry_for_a_tracking_check_is_never_stale():
    plan = base()
    plan.ignore = [Ignore(check="tracking.guardrail_crossed", reason="known dip")]
    assert run_checks(plan, AFTER).findings == ()


UNACCEPTABLE = [
    "kpi.formula_syntax",
    "kpi.formula_input",
    "kpi.formula_zero_divisor",
    "kpis.duplicate_id",
    "item.kpi_unknown",
]


@pytest.mark.parametrize("check_id", UNACCEPTABLE)
def test_a_finding_that_leaves_the_plan_unusable_cannot_be_ignored(check_id: str):
    plan = base()
    FAILING[check_id].mutate(plan)
    broken = [f.path for f in run_checks(plan, AFTER).findings if f.check == check_id]
    assert broken and not can_be_ignored(check_id)
    plan.ignore = [
        *plan.ignore,
        Ignore(check=check_id, reason="later"),
        Ignore(check=check_id, path=broken[0], reason="later"),
    ]
    report = run_checks(plan, AFTER)
    assert [f.path for f in report.findings if f.check == check_id] == broken
    assert report.has_errors and report.silenced == ()
    not_allowed = [f for f in report.findings if f.check == "ignore.not_allowed"]
    assert [f.path for f in not_allowed] == ["ignore[0].check", "ignore[1].check"]
    assert f"[[ignore]] of {check_id} has no effect" in not_allowed[0].message
    assert "ignore.unused" not in {f.check for f in report.findings}


def test_only_the_unusable_and_the_ignore_checks_cannot_be_ignored():
    refused = {check_id for check_id in CHECKS if not can_be_ignored(check_id)}
    assert refused == {*UNACCEPTABLE, "ignore.unused", "ignore.unknown_check", "ignore.not_allowed"}
    assert can_be_ignored("kpi.owner") and can_be_ignored(" kpi.owner ")
    assert not can_be_ignored("no.such_check")


def test_a_silence_needs_a_reason():
    with pytest.raises(ValueError, match="reason"):
        Ignore(check="kpi.owner", reason="")


def test_the_example_plan_silences_its_cac_cap_with_a_reason():
    report = run_checks(saas(), AFTER)
    assert [(s.finding.check, s.finding.path) for s in report.silenced] == [
        ("kpi.guardrail_side", "kpis.cac.guardrail.max")
    ]
    assert [f.check for f in report.findings] == ["tracking.guardrail_crossed"]


# --- the report -----------------------------------------------------------------------


def test_the_report_says_which_steps_have_errors_and_the_worst_per_step():
    plan = base()
    plan.kpis[0].owner = ""  # kpis: error
    plan.kpis[0].definition = ""  # formulas: warning
    plan.kpis[0].target = 0.08  # baselines: hint
    report = run_checks(plan, AFTER)
    assert report.steps_with_errors == frozenset({"kpis"})
    assert report.worst_by_step() == {"kpis": "error", "formulas": "warning", "baselines": "hint"}
    assert report.has_errors and (report.count("error"), report.count("hint")) == (1, 1)
    assert [f.check for f in report.for_step("formulas")] == ["kpi.definition"]
    assert [f.path for f in report.at(ATC)] == [
        f"{ATC}.owner",
        f"{ATC}.definition",
        f"{ATC}.target",
    ]
    data = report.to_dict()
    assert (data["errors"], data["warnings"], data["hints"]) == (1, 1, 1)
    assert data["findings"][0] == {
        "check": "kpi.owner",
        "severity": "error",
        "step": "kpis",
        "path": f"{ATC}.owner",
        "message": "add_to_cart_rate has no owner",
        "fix": 'Name the person or team who owns the KPI, such as "Growth team (Sam Ortiz)".',
    }


def test_messages_re_render_in_the_current_language():
    from model.i18n import set_language

    plan = load_plan(PLANS / "content-leads.zh-TW.toml")
    plan.kpis[4].target = 1300  # cost per MQL, lower is better, in TWD
    (finding,) = run_checks(plan, AFTER).findings
    assert finding.message == (
        "cost_per_mql: the target NT$1,300 is above the baseline NT$1,200,"
        " but lower is better for this KPI"
    )
    set_language("zh-TW")
    assert finding.message == (
        "cost_per_mql:目標值 1,300 元 高於基準值 1,200 元,但這個 KPI 是越低越好"
    )


def test_every_finding_belongs_to_a_step_of_the_wizard():
    plan = Plan()
    report = run_checks(plan, AFTER)
    assert {f.step for f in report.findings} <= set(STEPS)
    assert [f.check for f in report.findings][:3] == [
        "plan.title",
        "objective.statement",
        "objective.kgi",
    ]
    assert report.has_errors


def test_items_belong_to_the_objective_step():
    plan = base()
    plan.items = [*plan.items, Item(text="", kind="initiative")]
    (finding,) = run_checks(plan, AFTER).findings
    assert (finding.step, finding.path) == ("objective", "items[8].text")


def test_a_run_asked_to_stop_ends_before_its_next_check():
    plan = load_plan(PLANS / "saas-growth.toml")
    asked: list[int] = []

    def stop_at_the_third() -> bool:
        asked.append(1)
        return len(asked) == 3

    with pytest.raises(ChecksStopped):
        run_checks(plan, AFTER, stop=stop_at_the_third)
    assert len(asked) == 3, "asked once before each check, and no check after the yes"
    asked.clear()
    never = run_checks(plan, AFTER, stop=lambda: asked.append(1) is not None)
    assert len(asked) == len(CHECKS)
    unasked = run_checks(plan, AFTER)
    assert [f.to_dict() for f in never.findings] == [f.to_dict() for f in unasked.findings]
    assert never.findings, "a plan with findings, so the comparison says something"


def test_a_second_run_reuses_each_unchanged_lines_comparison_form_and_quote():
    """The app runs the checks after every pause in typing: lines not edited since are
    not normalised or measured for their quote again; an edited one is, and is judged
    by its new text (nothing stale is reported)."""
    from model.checks.items import normalized, quoted

    plan = load_plan(PLANS / "saas-growth.toml")
    plan.items[0].kpi = None  # a finding that quotes its item
    normalized.cache_clear()
    quoted.cache_clear()
    run_checks(plan, AFTER)
    normalized_misses, quoted_misses = normalized.cache_info().misses, quoted.cache_info().misses
    assert normalized_misses == len(plan.items) + len(plan.kpis)  # and the KPI names
    assert quoted_misses > 0
    run_checks(plan, AFTER)
    assert normalized.cache_info().misses == normalized_misses
    assert quoted.cache_info().misses == quoted_misses
    plan.items[2].text = plan.items[0].text.upper() + "  "
    report = run_checks(plan, AFTER)
    assert normalized.cache_info().misses == normalized_misses + 1
    assert [f.path for f in report.findings if f.check == "items.duplicate"] == ["items[2].text"]
