"""The classifier's rules, its reasons (in both languages) and its public API."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from model.classify import (
    CONFIDENT,
    Classification,
    Reason,
    classify,
    rulebook,
    rules,
    suggest_switch,
)
from model.classify import lexicon as lx
from model.classify.evidence import gather
from model.hanzi import _SIMPLIFIED, _TRADITIONAL, TRADITIONAL_TO_SIMPLIFIED
from model.i18n import domain_table, set_language


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        # outputs with numbers are initiatives
        ("Publish 10 blog posts a month", "initiative"),
        ("每週舉辦 2 場說明會", "initiative"),
        ("Hire 3 engineers", "initiative"),
        ("Shorten the activation checklist from 7 steps to 4", "initiative"),
        ("縮短表單,將欄位從 7 個降到 4 個", "initiative"),
        ("Revamp the pricing page", "initiative"),  # an unknown verb opening an instruction
        # outcomes without digits can be key results
        ("Zero churned enterprise customers", "key_result"),
        ("No PRs merged after feature freeze", "key_result"),
        ("All invoices paid on time", "key_result"),
        ("零重大資安事件", "key_result"),
        ("Deployment frequency from weekly to daily", "key_result"),
        ("Reach break-even by Q4 2026", "key_result"),
        # measurable outcomes
        ("Raise trial-to-paid conversion from 9% to 12% in 60 days", "key_result"),
        ("從 1.1% 提升到 1.6% 的結帳轉化率", "key_result"),
        ("NPS 50+ among paying customers", "key_result"),
        ("App 評分維持 4.5 顆星以上", "key_result"),
        ("官網月流量年底前成長三成", "key_result"),
        ("First response time < 48 hours", "key_result"),
        # qualitative directions are objectives, numbers or not
        ("Improve our SEO", "objective"),
        ("開拓海外市場", "objective"),
        ("Become the go-to tool for small teams", "objective"),
        ("Become the #1 CRM for clinics in 2027", "objective"),
        ("2027 年稱霸台灣寵物電商市場", "objective"),
        ("第三季結束前推出新產品", "objective"),
        ("Build a culture of ownership", "objective"),
    ],
)
def test_the_definitions_examples(text, kind):
    assert classify(text).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("每周发布 3 篇公众号文章", "initiative"),
        ("把试用转付费率从 9% 提升到 12%", "key_result"),
        ("客户流失率降到 2% 以下", "key_result"),
        ("开拓东南亚市场", "objective"),
        ("成为中小企业首选的协作工具", "objective"),
        ("零安全事故", "key_result"),
    ],
)
def test_simplified_chinese(text, kind):
    assert classify(text).kind == kind


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("把 checkout conversion 從 1.2% 提升到 1.6%", "key_result"),
        ("每週發 2 篇 LinkedIn posts", "initiative"),
        ("Become 台灣最受信賴的 payroll app", "objective"),
        ("Email 開信率達 35%", "key_result"),  # "Email" is a noun here, not the verb
    ],
)
def test_mixed_languages(text, kind):
    assert classify(text).kind == kind


def texts(result: Classification) -> list[str]:
    return result.reason_texts()


def test_reasons_say_why_in_plain_words():
    publish = classify("Publish 10 blog posts a month")
    assert texts(publish) == [
        "starts with the action verb 'Publish': work the team fully controls",
        "names an output the team controls: 10 blog posts",
    ]
    raise_ = classify("Raise trial-to-paid conversion from 9% to 12% in 60 days")
    assert "moves a number from a baseline to a target: from 9% to 12%" in texts(raise_)
    assert "names a metric: trial-to-paid" in texts(raise_)
    assert texts(raise_)[-1] == "has a deadline: in 60 days"
    assert texts(classify("Churn below 12%"))[0] == "has a measurable target: below 12%"


def test_reasons_for_the_chosen_kind_come_first_then_against_then_neutral():
    result = classify("Deploy the new recommendation model to 10% of traffic by Q3")
    assert result.kind == "initiative"
    supports = [reason.supports for reason in result.reasons]
    assert supports == ["initiative", "key_result", "key_result", None]
    assert [reason.key for reason in result.reasons[1:]] == [
        "classify.has_target",
        "classify.names_metric",
        "classify.has_deadline",
    ]


def test_reasons_re_render_when_the_language_changes():
    result = classify("Write a 5-email onboarding sequence")
    english = texts(result)
    set_language("zh-TW")
    chinese = texts(result)
    assert chinese[0] == "以行動動詞「Write」開頭:這是團隊能完全掌控的工作"
    assert chinese != english
    set_language("en")
    assert texts(result) == english


def test_user_words_in_reasons_are_data_not_placeholders():
    result = classify("Publish {evil} 10 blog posts")
    assert all("{" not in text or "{evil}" in text for text in texts(result))


@pytest.mark.parametrize("text", ["", "   ", "\t\n"])
def test_empty_input_has_no_confidence(text):
    result = classify(text)
    assert result.confidence == 0
    assert [reason.key for reason in result.reasons] == ["classify.empty"]
    assert not result.confident


@pytest.mark.parametrize("text", ["SEO", "stuff", "Q3", "customer retention", "的"])
def test_vague_input_gets_a_low_confidence_and_says_so(text):
    result = classify(text)
    assert result.confidence < CONFIDENT
    assert result.reasons[0].key.startswith("classify.too_vague")  # worded by what is missing


def test_clear_lines_are_confident():
    for text in ("Publish 10 blog posts a month", "Improve our SEO", "零重大資安事件"):
        assert classify(text).confident, text


def test_results_are_immutable_and_comparable():
    first, second = classify("Hire 3 engineers"), classify("Hire 3 engineers")
    assert first == second and hash(first) == hash(second)
    with pytest.raises(AttributeError):
        first.kind = "objective"  # type: ignore[misc]
    assert isinstance(first.reasons[0], Reason)
    assert 0 <= first.confidence <= 1


def test_full_width_and_control_characters_do_not_break_it():
    assert classify("ＮＰＳ 達到 ５０ 分以上").kind == "key_result"
    assert classify("Hire 3 engineers\x1b[31m").kind == "initiative"


# --- individual rules -----------------------------------------------------------------


def fired(rule, text: str):
    """The rule's verdict on ``text``, with its parameters quoted as the reasons show them."""
    evidence = gather(text)
    assert evidence is not None
    verdict = rule(evidence)
    if verdict is None:
        return None
    return verdict._replace(params=rules.quoted(verdict.params, evidence.display))


def test_rule_action_verb():
    verdict = fired(rules.action_verb, "Interview 12 recent customers")
    assert verdict.key == "classify.starts_with_action_verb"
    assert verdict.params == (("verb", "Interview"),)
    assert verdict.initiative > 0 and verdict.key_result == verdict.objective == 0
    assert fired(rules.action_verb, "Email click-to-open rate above 12%") is None


def test_rule_names_output_reads_chinese_measure_words():
    verdict = fired(rules.names_output, "製作 5 支產品教學影片")
    assert verdict.params == (("output", "5 支產品教學影片"),)
    assert fired(rules.names_output, "客戶續約率從 70% 提升至 85%") is None


def test_rule_measurable_target_prefers_a_change():
    assert fired(rules.measurable_target, "NPS 從 32 提升到 45").key == "classify.has_change"
    assert fired(rules.measurable_target, "CAC 低於 NT$700").params == (("value", "低於 NT$700"),)
    assert fired(rules.measurable_target, "Improve our SEO") is None


def test_rule_no_target_only_for_directions_without_a_number():
    assert fired(rules.no_target, "提升顧客留存率").key == "classify.no_target"
    assert fired(rules.no_target, "提升顧客留存率到 40%") is None
    assert fired(rules.no_target, "Publish our roadmap") is None


def test_rule_all_or_nothing():
    verdict = fired(rules.all_or_nothing, "No PRs merged after feature freeze")
    assert verdict.params == (("state", "No PRs merged after feature freeze"),)
    assert fired(rules.all_or_nothing, "Add a chatbot to all product pages") is None


def test_rule_changes_own_work():
    assert fired(rules.changes_own_work, "縮短表單").params == (("thing", "表單"),)
    assert fired(rules.changes_own_work, "Reduce the checkout conversion gap") is None


def test_rule_launches_a_product_or_a_thing():
    assert (
        fired(rules.launch_verb, "Launch our product in Japan").key == "classify.launches_product"
    )
    assert fired(rules.launch_verb, "Launch a referral program").key == "classify.launch_verb"


def test_every_rule_has_a_message_in_both_languages():
    table = domain_table("classify")
    source = "".join(Path(m.__file__).read_text("utf-8") for m in (rules, rulebook))
    keys = set(re.findall(r'"classify\.(\w+)"', source))
    assert keys and keys <= set(table)


# --- the word lists ---------------------------------------------------------------------


def test_no_word_is_two_kinds_of_verb():
    doubled = [w for w, c in lx.CATEGORIES.items() if bin(c & lx.VERB).count("1") > 1]
    assert doubled == []


def test_simplified_spellings_are_derived_for_every_chinese_word():
    assert lx.CATEGORIES["發送"] == lx.CATEGORIES["发送"] == lx.ACTION
    assert lx.CATEGORIES["轉換率"] == lx.CATEGORIES["转换率"]


def test_simplified_bounds_and_metric_names_read_as_their_traditional_spelling():
    # 於 -> 于, 庫 -> 库: without them "少于 2 小时" was no bound and the line too vague
    for traditional, simplified in [
        ("首次回應時間少於 2 小時", "首次响应时间少于 2 小时"),
        ("庫存週轉天數降低到 30 天", "库存周转天数降低到 30 天"),
    ]:
        read, expected = classify(simplified), classify(traditional)
        assert (read.kind, read.confidence) == (expected.kind, expected.confidence)
        assert [r.key for r in read.reasons] == [r.key for r in expected.reasons]
        assert read.confidence > 0.9


def test_the_traditional_to_simplified_table_is_consistent():
    assert len(set(_TRADITIONAL)) == len(_TRADITIONAL) == len(_SIMPLIFIED)
    assert all(t != s for t, s in TRADITIONAL_TO_SIMPLIFIED.items())


def test_the_trie_pattern_prefers_the_longest_word():
    pattern = re.compile(lx.trie_pattern(["rate", "rates", "rate card", "ra"]))
    assert pattern.findall("rate card, rates, rate, ra") == ["rate card", "rates", "rate", "ra"]


def test_scan_finds_english_and_chinese_words_in_order():
    hits = lx.scan("把 checkout conversion rate 從 1.2% 提升到 1.6%")
    assert [hit.word for hit in hits] == ["conversion rate", "提升"]


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("conversion rate up", ["conversion rate"]),  # the longest entry first
        ("kick off the review", ["kick off", "review"]),  # an entry of several words
        ("trial-to-paid conversion", ["trial-to-paid", "conversion"]),
        ("outreach", []),  # "reach" is not a word inside another
        ("reached", ["reached"]),
        ("become the #1 crm", ["become", "#1"]),
        ("abc#1", []),  # "#1" inside a name
        ("hire 3 engineers.", ["hire", "engineers"]),
        ("舉辦 2 場 webinars", ["舉辦", "webinars"]),  # English inside a Chinese line
    ],
)
def test_english_words_are_whole_words_longest_first(text, words):
    assert [hit.word for hit in lx.scan(text)] == words


def test_a_switch_is_suggested_only_when_the_reading_confidently_disagrees():
    hint = suggest_switch("Publish 10 blog posts a month", "key_result")
    assert hint is not None and hint.kind == "initiative"
    assert hint.reason_texts()[0].startswith("starts with the action verb 'Publish'")
    assert suggest_switch("Improve our SEO", "key_result").kind == "objective"
    assert suggest_switch("Publish 10 blog posts a month", "initiative") is None  # agrees
    assert suggest_switch("SEO", "initiative") is None  # unsure
    assert suggest_switch("", "objective") is None  # nothing written


def test_a_classification_behaves_as_a_named_triple_with_reasons_built_on_demand():
    import copy
    import pickle

    result = classify("Publish 10 blog posts a month")
    kind, confidence, reasons = result
    assert (kind, confidence) == (result.kind, result.confidence) == ("initiative", 0.99)
    assert reasons == result.reasons == result[2] and isinstance(reasons, tuple)
    eager = Classification(result.kind, result.confidence, tuple(result.reasons))
    assert eager == result and hash(eager) == hash(result)
    assert classify("Publish 12 blog posts a month") != result
    assert pickle.loads(pickle.dumps(result)) == result == copy.deepcopy(result)
    assert repr(result).startswith("Classification(kind='initiative', confidence=0.99, reasons=(")


def test_classify_remembers_a_bounded_number_of_lines_and_answers_as_a_fresh_read():
    lines = [f"Publish {n} blog posts a month" for n in range(rules.CACHE_SIZE + 50)]
    for line in lines:
        assert classify(line) == rules.read(line)
    assert len(rules._recent) <= rules.CACHE_SIZE
    assert lines[-1] in rules._recent and lines[0] not in rules._recent  # oldest dropped
    assert classify(lines[-1]) is classify(lines[-1])
