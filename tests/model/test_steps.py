"""Step states from the method checks' findings (empty, error, warning, done), the
field path -> step mapping, and the labels every step needs."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pytest

from model.checks import run_checks
from model.i18n import set_language, t
from model.plan import Item, Kpi, Plan
from model.steps import (
    STATE_NAMES,
    STATES,
    STEPS,
    kpi_states,
    state_at,
    step_filled,
    step_of_path,
    step_states,
    suggested_cadence,
)
from model.store import load_plan
from tests.conftest import EXAMPLE_PLANS, PLANS

TODAY = dt.date(2026, 2, 15)


@dataclass
class FakeFinding:
    step: str
    severity: str
    loc: tuple[str | int, ...] = ()


def test_a_new_plan_is_empty_everywhere_checked_or_not():
    assert set(step_states(Plan()).values()) == {"empty"}
    findings = run_checks(Plan(), TODAY).findings
    assert findings  # an empty plan fails the method...
    assert set(step_states(Plan(), findings).values()) == {"empty"}  # ...but shows empty


def test_filled_steps_are_unchecked_until_the_checks_have_run():
    plan = Plan(items=[Item(text="x")])
    assert step_states(plan)["objective"] == "unchecked"
    assert step_states(plan, [])["objective"] == "done"
    assert step_states(plan, [])["north_star"] == "empty"


@pytest.mark.parametrize("path", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_step_states_agree_with_the_checks_on_every_example_plan(path):
    plan = load_plan(path)
    report = run_checks(plan, TODAY)
    states = step_states(plan, report.findings)
    assert {s for s, state in states.items() if state == "error"} == set(
        report.steps_with_errors
    ) | ({"review"} if report.has_errors else set())
    worst = report.worst_by_step()
    for step in STEPS[:-1]:
        expected = worst.get(step, "done")
        assert states[step] == ("done" if expected == "hint" else expected), step


def test_a_missing_kgi_is_an_error_on_the_objective_step_and_the_review():
    plan = load_plan(EXAMPLE_PLANS[0])
    plan.objective.kgi = ""
    report = run_checks(plan, TODAY)
    assert any(f.path == "objective.kgi" and f.severity == "error" for f in report.findings)
    states = step_states(plan, report.findings)
    assert states["objective"] == "error"
    assert states["review"] == "error"
    assert states["north_star"] != "error"


def test_the_worst_finding_decides_and_hints_do_not_count():
    plan = load_plan(EXAMPLE_PLANS[0])
    findings = [
        FakeFinding("baselines", "warning"),
        FakeFinding("baselines", "error"),
        FakeFinding("kpis", "hint"),
        FakeFinding("north_star", "warning"),
    ]
    states = step_states(plan, findings)
    assert states["baselines"] == "error"
    assert states["kpis"] == "done"
    assert states["north_star"] == "warning"
    assert states["review"] == "error"
    assert step_states(plan, findings[:1])["review"] == "warning"


def test_a_finding_of_an_unknown_step_counts_for_the_review():
    plan = load_plan(EXAMPLE_PLANS[0])
    assert step_states(plan, [FakeFinding("checkins", "warning")])["review"] == "warning"


def test_what_counts_as_filled():
    assert step_filled(Plan(items=[Item(text="x")]), "objective")
    plan = Plan(kpis=[Kpi(id="a"), Kpi(id="b")])
    assert step_filled(plan, "kpis")
    assert not step_filled(plan, "formulas")
    plan.kpis[0].formula = "x / y"
    assert step_filled(plan, "formulas")
    assert step_filled(plan, "review") and not step_filled(Plan(), "review")


def test_kpi_states_come_from_the_findings_about_each_kpi():
    plan = Plan(kpis=[Kpi(id="a", formula="x"), Kpi(id="b", formula="y"), Kpi(id="c")])
    findings = [
        FakeFinding("formulas", "error", ("kpis", 1, "formula")),
        FakeFinding("baselines", "error", ("kpis", 0, "target")),  # another step
        FakeFinding("formulas", "warning", ("kpis", 7, "formula")),  # out of range
    ]
    assert kpi_states(plan, "formulas", findings) == ["done", "error", "empty"]
    assert kpi_states(plan, "formulas") == ["unchecked", "unchecked", "empty"]
    assert state_at(["done"], 3) == "unchecked"


def test_a_finding_about_an_input_marks_the_kpis_reading_it():
    """Step 4 was marked ! for an input without a source while every KPI in its list
    said done: the input's finding now marks the KPIs whose formulas read it."""
    plan = load_plan(PLANS / "saas-growth.toml")
    reader = next(i for i, kpi in enumerate(plan.kpis) if "trial_signups" in kpi.formula)
    plan.inputs["trial_signups"].source = ""
    findings = run_checks(plan, dt.date(2026, 2, 15)).findings
    states = kpi_states(plan, "formulas", findings)
    assert step_states(plan, findings)["formulas"] == "warning"
    assert states[reader] == "warning"
    assert [i for i, state in enumerate(states) if state == "warning"] == [reader]


def test_every_shown_state_has_a_legend_word():
    assert set(STATE_NAMES) == set(STATES) - {"unchecked"}
    set_language("zh-TW")
    assert t(STATE_NAMES["error"]) == "有錯誤"


@pytest.mark.parametrize(
    ("path", "step"),
    [
        ("objective.kgi", "objective"),
        ("title", "objective"),
        ("items", "objective"),
        ("items[3].text", "objective"),
        ("north_star.definition", "north_star"),
        ("kpis", "kpis"),
        ("kpis.cac", "kpis"),
        ("kpis.cac.owner", "kpis"),
        ("kpis.cac.id", "kpis"),
        ("kpis.cac.formula", "formulas"),
        ("kpis.cac.data_source", "formulas"),
        ("kpis.cac.target", "baselines"),
        ("kpis.cac.guardrail.max", "baselines"),
        ("currency", "baselines"),
        ("inputs.orders", "formulas"),
        ("kpis[2].target", "baselines"),
        ("kpis[2].id", "kpis"),
        ("checkins[0].value", "review"),
    ],
)
def test_step_of_path(path, step):
    assert step_of_path(path) == step


def test_suggested_cadence_follows_the_method():
    assert suggested_cadence("leading") == "weekly"
    assert suggested_cadence("lagging") == "monthly"
    assert suggested_cadence(None) is None


def test_every_label_step_name_and_vocabulary_word_has_a_message():
    from model.steps import FIELD_LABELS, STEP_GUIDES, STEP_NAMES, field_label, step_name
    from model.vocab import VOCABULARIES, choices, short_kind

    for language in ("en", "zh-TW"):
        set_language(language)
        assert all(field_label(name) for name in FIELD_LABELS)
        assert all(step_name(step) for step in STEP_NAMES)
        assert set(STEP_GUIDES) == set(STEPS)
        for field in VOCABULARIES:
            labels = [label for label, _ in choices(field)]
            assert len(set(labels)) == len(labels), field
        assert short_kind("initiative")


def test_item_kinds_are_named_once_by_the_classifier_messages():
    from model.i18n import domain_table
    from model.plan import ITEM_KINDS
    from model.vocab import kind_label, label

    assert not [key for key in domain_table("vocab") if key in {f"kind_{k}" for k in ITEM_KINDS}]
    for language in ("en", "zh-TW"):
        set_language(language)
        for kind in ITEM_KINDS:
            assert kind_label(kind) == t(f"classify.kind_{kind}")
            assert label("kind", kind).lower() == kind_label(kind).lower()
    set_language("en")
    assert label("kind", "key_result") == "Key result"
    assert kind_label("key_result") == "key result"
