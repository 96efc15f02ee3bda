"""Numbers, baseline-to-target changes and deadlines, in every form the classifier reads."""

from __future__ import annotations

import pytest

from model.classify.changes import find_changes
from model.classify.evidence import normalize
from model.classify.quantities import scan
from model.classify.units import chinese_number


def numbers(text: str) -> list[tuple[float, str, str]]:
    """(value, unit, comparator) of every number in ``text`` outside its deadlines."""
    return [(q.value, q.unit, q.comparator) for q in scan(normalize(text).lower())[1]]


def deadlines(text: str) -> list[str]:
    low = normalize(text).lower()
    return [low[d.start : d.end] for d in scan(low)[0]]


def changes(text: str) -> list[str]:
    low = normalize(text).lower()
    return [low[c.start : c.end] for c in find_changes(low, scan(low)[1])]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("12%", [(12, "percent", "")]),
        ("1.2 million downloads", [(1_200_000, "count", "")]),
        ("3k followers", [(3_000, "count", "")]),
        ("$600", [(600, "currency", "")]),
        ("NT$600", [(600, "currency", "")]),
        ("$1.2M in new ACV", [(1_200_000, "currency", "")]),
        ("950 元以內", [(950, "currency", "<=")]),
        ("年營收突破 1.2 億元", [(120_000_000, "currency", ">")]),
        ("三成", [(30, "percent", "")]),
        ("兩成五", [(25, "percent", "")]),
        ("兩倍", [(2, "multiplier", "")]),
        ("3x quota", [(3, "multiplier", "")]),
        ("一半", [(50, "percent", "=")]),
        ("cut in half", [(50, "percent", "=")]),
        ("doubles", [(2, "multiplier", "=")]),
        ("百分之三十", [(30, "percent", "")]),
        ("< 48 hours", [(48, "duration", "<")]),
        ("under 200 ms", [(200, "duration", "<")]),
        ("2 小時內", [(2, "duration", "<=")]),
        ("NPS 50+", [(50, "count", ">=")]),
        ("4.5 stars or more", [(4.5, "score", ">=")]),
        ("4.6 分以上", [(4.6, "score", ">=")]),
        ("eNPS of +30 or better", [(30, "count", ">=")]),
        ("at least 3.5", [(3.5, "count", ">=")]),
        ("≥95%", [(95, "percent", ">=")]),
        ("within ±5%", [(5, "percent", "±")]),
        ("１２％", [(12, "percent", "")]),
        ("zero churned customers", [(0, "count", "")]),
        ("零重大資安事件", [(0, "count", "")]),
        ("Run three A/B tests", [(3, "count", "")]),
        ("5 萬", [(50_000, "count", "")]),
        ("330 萬成長", [(3_300_000, "count", "")]),  # 成長 is growth, not tenths
        ("省下 20 萬成本", [(200_000, "count", "")]),  # 成本 is cost
    ],
)
def test_numbers_in_every_form(text, expected):
    assert numbers(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Build a GA4 funnel report",  # a product name, not 4
        "p95 latency",  # a percentile's name
        "Become the #1 CRM",  # a rank
        "第一年離職率",  # an ordinal
        "所有關鍵零件",  # 零件 (parts) is not zero
        "拓展零售通路",  # 零售 (retail) is not zero
        "一起寫一份入職手冊",  # 一起, 一份: words and articles
        "Give teams one place to plan",  # "one" as an article
    ],
)
def test_words_that_contain_digits_or_numerals_are_not_amounts(text):
    assert numbers(text) == []


def test_a_version_number_is_a_plain_count():
    assert numbers("Upgrade all services to Python 3.12") == [(3.12, "count", "")]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ship it by Q3", ["by q3"]),
        ("by Q4 2026", ["by q4 2026"]),
        ("Landing page conversion reaches 4.5% by March 31", ["by march 31"]),
        ("300 new paying users a month by 2026-03-31", ["by 2026-03-31"]),
        ("Lift activation within 60 days", ["within 60 days"]),
        ("in the next 90 days", ["in the next 90 days"]),
        ("by the end of the year", ["by the end of the year"]),
        ("by end of May", ["by end of may"]),
        ("this quarter", ["this quarter"]),
        ("Become the #1 CRM for clinics in 2027", ["in 2027"]),
        ("本季結束前,把點擊率提升到 3.5%", ["本季結束前"]),
        ("60 天內", ["60 天內"]),
        ("三個月內", ["三個月內"]),
        ("年底前網站跳出率降到 40% 以下", ["年底前"]),
        ("回購率在 6 月 30 日前達到 23%", ["在 6 月 30 日前"]),
        ("2027 年稱霸台灣寵物電商市場", ["2027 年"]),
        ("第三季結束前推出新產品", ["第三季結束前"]),
        ("Q3 前 MAU 達到 50k", ["q3 前"]),
        ("本季度结账转化率达到 1.6%", ["本季度"]),
    ],
)
def test_deadlines(text, expected):
    assert deadlines(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Average handle time down from 9 to 7 minutes",
        "Email open rate may reach 40%",
        "every month",
        "First response under 2 hours",  # hours measure a target, not a deadline
        "客服首次回覆時間在 2 小時內",
        "Publish marketing 20 posts",
    ],
)
def test_no_deadline(text):
    assert deadlines(text) == []


def test_numbers_inside_a_deadline_are_not_counted():
    assert numbers("Raise trial-to-paid from 9% to 12% in 60 days") == [
        (9, "percent", ""),
        (12, "percent", "="),
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Raise trial-to-paid conversion from 9% to 12% in 60 days", ["from 9% to 12%"]),
        ("從 1.1% 提升到 1.6%", ["從 1.1% 提升到 1.6%"]),
        ("客戶續約率從 70% 提升至 85%", ["從 70% 提升至 85%"]),
        ("Revenue from $330,000 to $450,000", ["from $330,000 to $450,000"]),
        ("Cut the signup form from 9 fields to 5", ["from 9 fields to 5"]),
        ("交期從 21 天縮短為 14 天", ["從 21 天縮短為 14 天"]),
        ("Deployment frequency from weekly to daily", ["from weekly to daily"]),
        ("部署頻率從每週一次提高到每天一次", ["從每週一次提高到每天一次"]),
        ("测试 3 到 5 款广告素材", []),  # a range, not a change
        ("in 2 to 3 weeks", []),
    ],
)
def test_changes_from_a_baseline_to_a_target(text, expected):
    assert changes(text) == expected


def baseline_and_target(text: str) -> list[tuple[str, float, float]]:
    """(span, baseline, target) of every change with numbers in ``text``."""
    low = normalize(text).lower()
    return [
        (low[c.start : c.end], c.before.value, c.after.value)
        for c in find_changes(low, scan(low)[1])
        if c.before is not None and c.after is not None
    ]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Monthly online revenue of $450,000 by 2026-06-30, up from $330,000",
            [("$450,000 by 2026-06-30, up from $330,000", 330_000, 450_000)],
        ),
        ("Churn down to 2% from 3.5%", [("to 2% from 3.5%", 3.5, 2)]),
        ("Grow MRR to $80k from $50k", [("to $80k from $50k", 50_000, 80_000)]),
        ("Reach 12% by Q3, from 9% today", [("reach 12% by q3, from 9%", 9, 12)]),
        ("NPS of 50 by Q4 (currently 32)", [("50 by q4 (currently 32)", 32, 50)]),
        ("Churn at 2% (was 3.5%)", [("at 2% (was 3.5%)", 3.5, 2)]),
        ("Win rate 30% vs. 25% last year", [("30% vs. 25%", 25, 30)]),
        ("Win rate 30% versus 25%", [("30% versus 25%", 25, 30)]),
        ("Revenue $2M compared with $1.5M", [("$2m compared with $1.5m", 1.5e6, 2e6)]),
        (
            "Revenue $2M compared to last year's $1.5M",
            [("$2m compared to last year's $1.5m", 1.5e6, 2e6)],
        ),
        ("NPS 45 from a baseline of 30", [("45 from a baseline of 30", 30, 45)]),
        ("MRR $80k (baseline: $50k)", [("$80k (baseline: $50k)", 50_000, 80_000)]),
        ("Currently 9%, reach 12% by Q3", [("currently 9%, reach 12%", 9, 12)]),
        ("月營收 450 萬,較去年的 330 萬", [("450 萬,較去年的 330 萬", 3_300_000, 4_500_000)]),
        (
            "月营收 450 万,较去年同期的 330 万",
            [("450 万,较去年同期的 330 万", 3_300_000, 4_500_000)],
        ),
        (
            "月營收 450 萬,相較於去年的 330 萬",
            [("450 萬,相較於去年的 330 萬", 3_300_000, 4_500_000)],
        ),
        ("月營收 450 萬(原本 330 萬)", [("450 萬(原本 330 萬)", 3_300_000, 4_500_000)]),
        ("滿意度 4.6 分(原為 4.2 分)", [("4.6 分(原為 4.2 分)", 4.2, 4.6)]),
        ("NPS 提升到 50(目前 32)", [("到 50(目前 32)", 32, 50)]),
        ("轉換率 12%,基準 9%", [("12%,基準 9%", 9, 12)]),
        ("月營收 450 萬,從 330 萬提升", [("450 萬,從 330 萬", 3_300_000, 4_500_000)]),
        ("Cart abandonment down from 72% to 65%", [("from 72% to 65%", 72, 65)]),
    ],
)
def test_a_starting_point_named_beside_the_target_is_its_baseline(text, expected):
    assert baseline_and_target(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Get 200 leads from 5 webinars",  # where the leads come from, not a start
        "Revenue of $2M from 300 customers",  # not the same kind of number
        "營收較去年成長 20%,達 500 萬",  # growth by 20%, not from 20%
        "30-day readmission rate down from 14",  # "30-day" names the rate
        "Revenue up 20% from last year",  # no starting number
        "NPS 50 by Q4; was 32 in a survey nobody trusts",  # another sentence
    ],
)
def test_no_baseline_beside_the_target(text):
    assert baseline_and_target(text) == []


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("三", 3), ("十", 10), ("十二", 12), ("三十", 30), ("兩千五百", 2500), ("零", 0)],
)
def test_chinese_numerals(numeral, value):
    assert chinese_number(numeral) == value
