"""The KPI catalog: every entry is sound, search works in both languages, picking fills a KPI."""

from __future__ import annotations

import re
import subprocess
import sys
import tomllib
from importlib import resources

import pytest
from pydantic import ValidationError

from model.catalog import (
    CatalogFile,
    add_catalog_kpi,
    apply_catalog_entry,
    area_label,
    catalog_entries,
    get_entry,
    search,
)
from model.formula import Formula, evaluate, parse_formula
from model.i18n import set_language
from model.inputs import undefined_inputs
from model.plan import FUNNEL_STAGES, UNITS, Input, Kpi, Plan
from model.store import dumps_plan, load_plan, parse_plan
from tests.conftest import PLANS

ENTRIES = catalog_entries()
CJK = re.compile(r"[\u4e00-\u9fff]")


def raw_catalog() -> dict:
    return tomllib.loads(resources.files("model").joinpath("data/catalog.toml").read_text("utf-8"))


def test_the_catalog_has_at_least_fifty_kpis_across_every_area():
    assert len(ENTRIES) >= 50
    assert {entry.area for entry in ENTRIES} == {
        "marketing",
        "sales",
        "product",
        "hr",
        "rnd",
        "procurement",
    }


def test_ids_are_unique():
    ids = [entry.id for entry in ENTRIES]
    assert len(ids) == len(set(ids))


@pytest.mark.parametrize("entry", ENTRIES, ids=lambda e: e.id)
def test_every_entry_is_complete_and_its_formula_computes(entry):
    formula = parse_formula(entry.formula)
    assert isinstance(formula, Formula), entry.formula
    assert formula.names == entry.input_names()
    assert entry.unit in UNITS
    assert entry.funnel_stage is None or entry.funnel_stage in FUNNEL_STAGES
    for text in (entry.name, entry.description):
        assert text.en.strip() and text.zh_tw.strip()
        assert CJK.search(text.zh_tw), text.zh_tw
        assert "\n" not in text.en and "\n" not in text.zh_tw
    for spec in entry.inputs.values():
        assert spec.unit in UNITS
        assert spec.description.en.strip() and CJK.search(spec.description.zh_tw)
    assert isinstance(evaluate(formula, dict.fromkeys(formula.names, 1.0)), float)


def test_every_shared_input_is_used_by_some_formula():
    used = {name for entry in ENTRIES for name in entry.input_names()}
    assert set(raw_catalog()["inputs"]) == used


def test_the_catalog_refuses_bad_data():
    data = raw_catalog()
    first = data["kpis"][0]
    for broken in (
        {**first, "formula": "branded_search_sessions +"},
        {**first, "formula": "undeclared_thing / 2"},
        {**first, "unit": "furlongs"},
        {**first, "name": {"en": "only English"}},
    ):
        with pytest.raises(ValidationError):
            CatalogFile.model_validate({**data, "kpis": [broken]})
    with pytest.raises(ValidationError, match="duplicate"):
        CatalogFile.model_validate({**data, "kpis": [first, first]})


def test_the_seed_example_formulas_carry_over():
    assert get_entry("checkout_conversion").formula == "orders / effective_visitors"
    assert get_entry("mql_rate").formula == "mqls / leads"
    assert get_entry("cac").formula == "marketing_spend / new_customers"
    assert get_entry("inventory_turnover").formula == (
        "cost_of_goods_sold / ((inventory_start + inventory_end) / 2)"
    )
    assert get_entry("nope") is None


@pytest.mark.parametrize(
    ("query", "first"),
    [
        ("aov", "aov"),
        ("AOV", "aov"),
        ("客單價", "aov"),
        ("Average order", "aov"),
        ("平均訂單", "aov"),
        ("conversion", "conversion_rate"),
        ("轉換率", "conversion_rate"),
        ("checkout conv", "checkout_conversion"),
        ("結帳 轉換", "checkout_conversion"),
        ("ＣＡＣ", "cac"),
        ("trial_to_paid", "trial_to_paid"),
        ("trial to paid", "trial_to_paid"),
        ("NPS", "nps"),
        ("淨推薦", "nps"),
        ("lead time", "supplier_lead_time"),
        ("不良率", "defect_rate"),
        ("upselling", "aov"),  # only in the description
        ("effective_visitors", "checkout_conversion"),  # an input the formula reads
        ("客单价", "aov"),  # Simplified characters find the Traditional names
        ("转换率", "conversion_rate"),
        ("结账 转换", "checkout_conversion"),
        ("顾客终身价值", "clv"),
        ("净推荐", "nps"),
    ],
)
def test_search_finds_in_english_and_chinese_best_first(query, first):
    results = search(query)
    assert results and results[0].id == first


def test_search_ranks_exact_then_prefix_then_inside():
    ids = [entry.id for entry in search("ctr")]
    assert ids[:2] == ["ad_ctr", "ctr"]  # both have the alias CTR; catalog order breaks the tie
    assert "content_to_trial_ctr" in ids
    assert "product_return_rate" not in ids  # no matching across word boundaries


def test_search_edge_cases():
    assert search("") == list(ENTRIES)
    assert len(search("", limit=5)) == 5
    assert len(search("rate", limit=3)) == 3
    assert search("zzz-no-such-kpi") == []
    assert search("   ") == list(ENTRIES)


def test_area_labels_are_translated():
    assert area_label("rnd") == "R&D"
    set_language("zh-TW")
    assert area_label("procurement") == "採購"


def test_applying_an_entry_fills_the_kpi_and_declares_its_inputs():
    plan = Plan(
        inputs={"orders": Input(description="ours", source="Shopify")},
        kpis=[Kpi(id="k1", owner="Ana", target=60, definition="keep me")],
    )
    kpi = plan.kpis[0]
    added = apply_catalog_entry(plan, kpi, get_entry("aov"))
    assert added == ["order_value_total"]
    assert (kpi.id, kpi.name, kpi.formula) == (
        "k1",
        "Average order value",
        "order_value_total / orders",
    )
    assert (kpi.unit, kpi.direction, kpi.indicator, kpi.funnel_stage) == (
        "currency",
        "increase",
        "lagging",
        "expansion",
    )
    assert (kpi.owner, kpi.target, kpi.definition) == ("Ana", 60, "keep me")
    assert plan.inputs["orders"] == Input(description="ours", source="Shopify")
    assert plan.inputs["order_value_total"] == Input(
        description="Sum of order values after discounts", unit="currency"
    )
    assert undefined_inputs(plan) == []
    assert parse_plan(dumps_plan(plan), "x.toml") == plan


def test_applying_an_entry_to_a_chinese_plan_uses_chinese_text():
    plan = load_plan(PLANS / "content-leads.zh-TW.toml")
    kpi = add_catalog_kpi(plan, get_entry("email_open_rate"))
    assert kpi.name == "Email 開信率"
    assert kpi.definition == "寄達的郵件被開啟的比例,主要反映標題是否吸引人。"
    assert plan.inputs["emails_sent"].description == "成功寄達的電子郵件數(不含退信)"
    assert plan.kpis[-1] is kpi


@pytest.mark.parametrize(
    ("statement", "expected"),
    [
        ("拓展東南亞市場 2027", "觸及人數"),
        ("MQL 率從 22% 提升到 30%", "觸及人數"),
        ("Grow monthly active users in Taiwan (台灣)", "Reach"),
        ("", "Reach"),  # nothing written: the planner's language
    ],
)
def test_a_plan_without_a_language_gets_the_language_its_objective_is_written_in(
    statement, expected
):
    plan = Plan()
    plan.objective.statement = statement
    assert add_catalog_kpi(plan, get_entry("reach")).name == expected


def test_the_plans_language_wins_over_what_it_is_written_in():
    plan = Plan(language="en")
    plan.objective.statement = "拓展東南亞市場"
    assert add_catalog_kpi(plan, get_entry("reach")).name == "Reach"


def test_adding_the_same_entry_twice_gets_a_fresh_id():
    plan = Plan()
    first = add_catalog_kpi(plan, get_entry("cac"), language="en")
    second = add_catalog_kpi(plan, get_entry("cac"), language="en")
    assert [first.id, second.id] == ["cac", "cac_2"]
    assert [kpi.id for kpi in plan.kpis] == ["cac", "cac_2"]


def test_the_catalog_is_not_loaded_at_start_up():
    code = (
        "import sys\n"
        "from tui.cli import build_parser\n"
        "from tui.commands import command_modules\n"
        "build_parser(command_modules())\n"
        "assert 'model.catalog' not in sys.modules, 'catalog imported for --help'\n"
        "import model.catalog\n"
        "assert model.catalog.load_catalog.cache_info().currsize == 0\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
