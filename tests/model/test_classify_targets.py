"""Which number of a line is its target, and whose numbers are inputs, not results.

Found by a review of 201 realistic lines: a number that sets a metric's time window was
quoted as its target ("30 天留存率達 40%" gave "30 天"). The SMART hints read the same
target, so the quoted words matter as much as the kind.
"""

from __future__ import annotations

import pytest

from model.classify import classify

_TARGET_KEYS = ("classify.has_target", "classify.has_change")


def target(text: str) -> str | None:
    """The words the classifier quotes as the line's target, if any."""
    for reason in classify(text).reasons:
        if reason.key in _TARGET_KEYS:
            return str(dict(reason.params)["value"])
    return None


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("新客 30 天留存率達 40% 以上", "達 40% 以上"),
        ("首 7 天啟用率達 60%", "達 60%"),
        ("前 3 個月留存率 40% 以上", "40% 以上"),
        ("30 日回購率達 25%", "達 25%"),
        ("7 天留存率達 45%", "達 45%"),
        ("新用戶 7 日留存率達到 45%", "達到 45%"),
        ("首 7 天留存達 35%", "達 35%"),
        ("Day-7 retention ≥ 40%", "≥ 40%"),
        ("Day 30 retention at 40% or higher", "at 40% or higher"),
        ("90-day churn under 5%", "under 5%"),
        ("30-day repeat purchase rate above 25%", "above 25%"),
        ("7 days retention of 20%", "20%"),
        ("新客 7 日留存率從 20% 提升到 30%", "從 20% 提升到 30%"),
        ("30-day retention from 20% to 30%", "from 20% to 30%"),
    ],
)
def test_a_metrics_time_window_is_part_of_its_name(text, expected):
    result = classify(text)
    assert result.kind == "key_result"
    assert target(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the duration is the value reached, not a window: nothing measured after it
        ("Shorten contract turnaround to 4 days", "to 4 days"),
        ("交期從 21 天縮短為 14 天", "從 21 天縮短為 14 天"),
        ("First response time < 48 hours", "< 48 hours"),
        ("平均處理時間縮短到 2 天", "到 2 天"),
        # a count of things, not a period, before the metric
        ("500 customers renew at 95%", "500 customers"),
    ],
)
def test_a_duration_that_is_the_value_stays_the_target(text, expected):
    assert classify(text).kind == "key_result"
    assert target(text) == expected
