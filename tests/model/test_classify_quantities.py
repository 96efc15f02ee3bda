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


@pytest.mark.parametrize(
    ("numeral", "value"),
    [("三", 3), ("十", 10), ("十二", 12), ("三十", 30), ("兩千五百", 2500), ("零", 0)],
)
def test_chinese_numerals(numeral, value):
    assert chinese_number(numeral) == value
