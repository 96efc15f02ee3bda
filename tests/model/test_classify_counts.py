"""Bare counts of things, a metric's bare value, the "too vague" reason and Chinese setup
verbs (a reviewer's misses)."""

from __future__ import annotations

import pytest

from model.classify import classify, smart_hints
from model.i18n import set_language


@pytest.fixture(autouse=True)
def english():
    set_language("en")


@pytest.mark.parametrize(
    "text",
    [
        "2,000 paying teams by Q4",
        "500 clinics using us weekly",
        "1,000 paying companies by 2026-12-31",
        "300 partner agencies by year end",
    ],
)
def test_a_bare_count_of_things_is_a_key_result_with_moderate_confidence(text):
    result = classify(text)
    assert result.kind == "key_result"
    assert 0.6 <= result.confidence < 0.9
    assert result.reasons[0].key == "classify.counts_things"
    assert not any(reason.key.startswith("classify.too_vague") for reason in result.reasons)


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Hire 3 engineers by Q4", "initiative"),
        ("Publish 12 posts by June", "initiative"),
        ("2,000 customers by Q4", "key_result"),
        ("12 blog posts by June", "initiative"),
    ],
)
def test_look_alikes_keep_their_reading(text, kind):
    result = classify(text)
    assert result.kind == kind
    assert all(reason.key != "classify.counts_things" for reason in result.reasons)


@pytest.mark.parametrize("text", ["2027 become the #1 CRM", "2026 roadmap themes", "Python 3"])
def test_years_verbs_and_bare_numbers_are_not_counts(text):
    assert all(reason.key != "classify.counts_things" for reason in classify(text).reasons)


@pytest.mark.parametrize("text", ["NPS 60", "CSAT 4.6", "NPS 60 points"])
def test_a_bare_number_right_after_a_metric_is_its_target(text):
    result = classify(text)
    assert result.kind == "key_result"
    assert result.confident
    assert result.reasons[0].key == "classify.has_target"


def test_too_vague_names_only_what_is_missing():
    assert classify("Landing page conversion").reasons[0].key == "classify.too_vague_metric_only"
    assert classify("Python 3").reasons[0].key == "classify.too_vague_number_only"
    assert classify("Synergy").reasons[0].key == "classify.too_vague"
    text = classify("Landing page conversion").reason_texts()[0]
    assert text.startswith("too little to tell: a metric, but no verb or number to go on")


def test_smart_measurable_accepts_a_bare_count_in_the_kgi():
    for kgi in ("1,000 paying companies by 2026-12-31", "1,000 paying customers by 2026-12-31"):
        hint = {h.criterion: h for h in smart_hints("Become the billing tool agencies love", kgi)}
        assert hint["measurable"].status == "present", kgi
        assert "1,000 paying" in hint["measurable"].reason.text


@pytest.mark.parametrize(
    "text",
    [
        "成立客戶顧問委員會",
        "成立資料科學小組",
        "組建一支客戶成功團隊",
        "籌組跨部門專案小組",
        "成立资料科学小组",
    ],
)
def test_chinese_setup_verbs_are_initiatives(text):
    result = classify(text)
    assert result.kind == "initiative"
    assert result.confident
