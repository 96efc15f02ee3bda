"""SMART hints for an objective statement and its KGI."""

from __future__ import annotations

import datetime as dt

from model.classify import SMART_CRITERIA, SmartHint, smart_hints
from model.i18n import set_language


def hints(statement: str, kgi: str = "", **options) -> dict[str, SmartHint]:
    return {hint.criterion: hint for hint in smart_hints(statement, kgi, **options)}


def test_one_hint_per_criterion_in_smart_order():
    result = smart_hints("Improve our SEO")
    assert tuple(hint.criterion for hint in result) == SMART_CRITERIA
    assert SMART_CRITERIA == ("specific", "measurable", "achievable", "relevant", "time_bound")


def test_a_complete_objective():
    result = hints(
        "Turn more of our existing visitors into repeat buyers",
        "Monthly online revenue from $330,000 to $450,000 by 2026-06-30",
    )
    assert result["specific"].status == "present"
    assert result["measurable"].status == "present"
    assert result["measurable"].reason.text == (
        "the KGI has a measurable target: from $330,000 to $450,000"
    )
    assert result["achievable"].status == "present"
    assert "1.36× the baseline" in result["achievable"].reason.text
    assert result["relevant"].status == "unclear"
    assert result["time_bound"].reason.text == "has a deadline: by 2026-06-30"


def test_a_bare_objective_misses_what_it_lacks():
    result = hints("Improve our SEO")
    assert result["specific"].status == "missing"
    assert result["measurable"].reason.key == "classify.smart_no_kgi"
    assert result["achievable"].reason.key == "classify.smart_no_baseline"
    assert result["time_bound"].status == "missing"


def test_an_empty_statement():
    result = hints("")
    assert result["specific"].reason.key == "classify.smart_no_statement"


def test_two_goals_in_one_objective_are_not_specific():
    result = hints("Grow revenue and reduce churn across all regions")
    assert result["specific"].status == "missing"
    assert result["specific"].reason.text == (
        "names two goals ('Grow' and 'reduce'): an objective should be one goal"
    )


def test_the_verbs_object_names_the_subject_when_its_words_are_unknown():
    """Nouns the lexicon does not know still say what the objective is about, when they
    are what the main verb acts on."""
    result = hints("Double the listings of independent retailers")
    assert result["specific"].status == "present"
    assert result["specific"].reason.text == "names what it is about: 'the listings'"
    tool = hints("Become the default planning tool for hospitals")
    assert tool["specific"].reason.text == ("names what it is about: 'the default planning tool'")
    go_to = hints("Become the go-to analytics tool for small retailers")
    assert go_to["specific"].reason.text == "names what it is about: 'the go-to analytics tool'"
    vague = hints("Make it happen for everyone")
    assert vague["specific"].status == "unclear"
    assert vague["specific"].reason.key == "classify.smart_subject_unclear"


def test_a_kgi_without_a_number_is_not_measurable():
    result = hints("Make the trial the fastest path to value for small teams", "More paying users")
    assert result["measurable"].reason.key == "classify.smart_kgi_no_number"


def test_ambition_is_judged_against_the_usual_range():
    timid = hints("Lift conversion for returning visitors", "Conversion from 2% to 2.1% by Q3")
    assert timid["achievable"].reason.key == "classify.smart_too_timid"
    stretch = hints("Grow the community of contributors", "Contributors from 100 to 500 by Q4")
    assert stretch["achievable"].reason.key == "classify.smart_stretch"
    assert stretch["achievable"].status == "unclear"


def test_a_baseline_written_after_the_target_is_read():
    result = hints(
        "Turn more of our existing visitors into repeat buyers",
        "Monthly online revenue of $450,000 by 2026-06-30, up from $330,000",
    )
    assert result["achievable"].reason.text == (
        "the target is 1.36× the baseline ($450,000 by 2026-06-30, up from $330,000):"
        " ambitious but within reach"
    )
    stretch = hints("Grow online sales", "Monthly revenue of $900,000 by Q2, up from $330,000")
    assert stretch["achievable"].reason.key == "classify.smart_stretch"
    assert "2.73×" in stretch["achievable"].reason.text
    chinese = hints("讓更多訪客回購", "月營收達 450 萬,較去年的 330 萬成長")
    assert "1.36×" in chinese["achievable"].reason.text


def test_the_plan_period_makes_it_time_bound():
    result = hints("Improve our SEO", period_end=dt.date(2026, 3, 31))
    assert result["time_bound"].status == "present"
    assert result["time_bound"].reason.text == "the plan's period ends on 2026-03-31"


def test_chinese_objective_and_labels_in_chinese():
    result = hints(
        "讓部落格成為業務團隊最穩定的高品質名單來源", "2026 年 6 月 30 日前,每月新增 MQL 達 400 筆"
    )
    assert result["measurable"].status == "present"
    assert result["time_bound"].status == "present"
    set_language("zh-TW")
    assert result["time_bound"].label == "有時限"
    assert result["time_bound"].reason.text == "有期限:2026 年 6 月 30 日前"


def test_an_english_objective_with_a_typographic_character_is_counted_in_words():
    """A curly apostrophe, a dash, an accent or an emoji does not make an English
    sentence count as Chinese (in characters), which called it too short."""
    for statement in (
        "Grow paid subscriptions for Acme’s analytics product by 25% by June 30",
        "Grow paid subscriptions for our analytics product — by 25% by June 30",
        "Grow paid subscriptions for the café chain’s loyalty app 🚀",
    ):
        assert hints(statement)["specific"].reason.key != "classify.smart_too_short", statement
    assert hints("Grow 🚀 revenue")["specific"].reason.key == "classify.smart_too_short"
    assert hints("提升營收")["specific"].reason.key == "classify.smart_too_short"


def test_subscriptions_are_what_a_saas_objective_is_about():
    # "Grow paid subscriptions for Acme Analytics by 25% by June 30" was told to check
    # that it names who or what it is about: subscriptions were no known noun.
    result = hints("Grow paid subscriptions for Acme Analytics by 25% by June 30")
    assert result["specific"].status == "present"
    assert result["specific"].reason.text == "names what it is about: 'paid subscriptions'"


def test_a_kgi_naming_its_measure_before_the_number_is_measurable():
    statement = "Make the trial the fastest path to value for small teams"
    for kgi, quoted in [
        ("Paid users: 300 by 2026-03-31", "Paid users: 300"),
        ("Paid users 300 by 2026-03-31", "Paid users 300"),
        ("MRR 50k by Q2", "MRR 50k"),
    ]:
        result = hints(statement, kgi)
        assert result["measurable"].status == "present", kgi
        assert result["measurable"].reason.text == f"the KGI has a measurable target: {quoted}"
    for kgi in ("Paid users by 2026-03-31", "More paying users in 2027"):
        result = hints(statement, kgi)
        assert result["measurable"].reason.key == "classify.smart_kgi_no_number", kgi
