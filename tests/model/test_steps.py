"""Step states and gaps: empty, needs attention, done, computed from the plan."""

from __future__ import annotations

from dataclasses import dataclass

import pytest

from model.i18n import set_language, t
from model.plan import Item, Kpi, Plan
from model.steps import (
    STEPS,
    gaps,
    kpi_state,
    step_of_path,
    step_state,
    step_states,
    suggested_cadence,
)
from model.store import load_plan
from tests.conftest import EXAMPLE_PLANS


def test_a_new_plan_is_empty_everywhere():
    assert set(step_states(Plan()).values()) == {"empty"}


@pytest.mark.parametrize("path", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_every_example_plan_is_done_everywhere(path):
    plan = load_plan(path)
    assert step_states(plan) == dict.fromkeys(STEPS, "done")
    assert gaps(plan) == []


def test_objective_needs_every_field_and_a_key_result():
    plan = Plan()
    plan.objective.statement = "Grow"
    assert step_state(plan, "objective") == "attention"
    assert [g.path for g in gaps(plan, "objective")] == [
        "objective.kgi",
        "objective.start",
        "objective.end",
        "items",
    ]
    full = load_plan(EXAMPLE_PLANS[0])
    full.items = [Item(text="Write docs", kind="initiative")]
    assert step_state(full, "objective") == "attention"
    assert [g.path for g in gaps(full, "objective")] == ["items"]


def test_items_alone_make_the_objective_step_not_empty():
    assert step_state(Plan(items=[Item(text="x")]), "objective") == "attention"


def test_north_star_needs_name_and_definition():
    plan = Plan()
    plan.north_star.name = "Paid subscriptions"
    assert step_state(plan, "north_star") == "attention"
    assert [g.path for g in gaps(plan, "north_star")] == ["north_star.definition"]
    plan.north_star.definition = "Accounts on a paid plan"
    assert step_state(plan, "north_star") == "done"


def _complete_kpi(kpi_id: str) -> Kpi:
    return Kpi(
        id=kpi_id,
        name=kpi_id,
        unit="count",
        indicator="leading",
        funnel_stage="activation",
        owner="me",
    )


def test_core_kpis_need_three_to_five_complete_kpis():
    plan = Plan(kpis=[_complete_kpi("a"), _complete_kpi("b")])
    assert step_state(plan, "kpis") == "attention"
    assert gaps(plan, "kpis")[0].path == "kpis"
    assert "2 core KPIs" in gaps(plan, "kpis")[0].message
    plan.kpis.append(_complete_kpi("c"))
    assert step_state(plan, "kpis") == "done"
    plan.kpis.extend(_complete_kpi(x) for x in "def")
    assert step_state(plan, "kpis") == "attention"
    assert "6 core KPIs" in gaps(plan, "kpis")[0].message


def test_a_kpi_missing_an_owner_is_a_gap_with_its_path():
    plan = Plan(kpis=[_complete_kpi(x) for x in "abc"])
    plan.kpis[1].owner = ""
    assert [(g.path, g.message) for g in gaps(plan, "kpis")] == [
        ("kpis.b.owner", "b: Owner is empty")
    ]


def test_kpi_steps_are_empty_until_something_is_filled():
    plan = Plan(kpis=[Kpi(id="a"), Kpi(id="b")])
    assert step_state(plan, "formulas") == "empty"
    plan.kpis[0].formula = "x / y"
    assert step_state(plan, "formulas") == "attention"
    assert kpi_state(plan.kpis[0], "formulas") == "attention"
    assert kpi_state(plan.kpis[1], "formulas") == "empty"


def test_review_sums_up_the_other_steps():
    plan = load_plan(EXAMPLE_PLANS[0])
    assert step_state(plan, "review") == "done"
    plan.kpis[0].cadence = None
    assert step_state(plan, "baselines") == "attention"
    assert step_state(plan, "review") == "attention"
    assert [g.path for g in gaps(plan, "review")] == [f"kpis.{plan.kpis[0].id}.cadence"]


@dataclass
class FakeFinding:
    step: str
    severity: str


def test_an_error_finding_makes_a_done_step_need_attention():
    plan = load_plan(EXAMPLE_PLANS[0])
    findings = [FakeFinding("baselines", "error"), FakeFinding("kpis", "hint")]
    states = step_states(plan, findings)
    assert states["baselines"] == "attention"
    assert states["kpis"] == "done"
    assert states["review"] == "attention"


def test_gap_messages_are_translated():
    set_language("zh-TW")
    assert gaps(Plan(), "north_star")[0].message == "「北極星指標」尚未填寫"


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
        ("inputs.orders", "review"),
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
