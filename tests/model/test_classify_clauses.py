"""A second clause that states a result: "Launch X and reach Y" is a key result.

Found by a review of 201 realistic lines: the opening action verb sized every number of
the line, so "上線 App 並達到 1 萬下載" and "Launch the Android app and reach 50k
downloads" read as initiatives whose outputs were the downloads. An outcome verb opening
the second clause (after and, a comma, 並, 並且, 且, 再) states a measured result; the
first clause says how.
"""

from __future__ import annotations

import pytest

from model.classify import classify
from model.i18n import set_language

_TARGET_KEYS = ("classify.has_target", "classify.has_change")


def target(text: str) -> str | None:
    """The words the classifier quotes as the line's target, if any."""
    for reason in classify(text).reasons:
        if reason.key in _TARGET_KEYS:
            return str(dict(reason.params)["value"])
    return None


def keys(text: str) -> list[str]:
    return [reason.key for reason in classify(text).reasons]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the reviewer's lines
        ("上線 App 並達到 1 萬下載", "達到 1 萬下載"),
        ("Launch the Android app and reach 50k downloads", "reach 50k downloads"),
        ("推出新會員方案並帶來 3,000 位付費會員", "3,000 位付費會員"),
        ("Launch the new pricing page and reach 5% conversion", "reach 5%"),
        ("上線新官網並讓轉換率達到 2%", "達到 2%"),
        # close variants: other joins, verbs, scripts, a deadline after
        ("Launch the iOS app, reach 20k downloads", "reach 20k downloads"),
        ("launch the android app and reach 50,000 downloads by Q3", "reach 50,000 downloads"),
        ("Launch the app and then reach 50k downloads", "reach 50k downloads"),
        ("Launch the referral program and drive 500 signups", "500 signups"),
        ("Release the new onboarding flow and hit 40% activation", "hit 40%"),
        ("Redesign the onboarding flow and grow to 5,000 weekly actives", "to 5,000"),
        ("Launch the new site and reach a 2% conversion rate", "2%"),
        ("Launch the partner program and bring in 40 resellers", "40 resellers"),
        ("推出 App 並且突破 5 萬下載", "突破 5 萬下載"),
        ("推出新方案並且達成 200 萬營收", "200 萬營收"),
        ("上線新版 App 再衝上 10 萬 MAU", "10 萬 MAU"),
        ("上線新官網,並讓轉換率達到 2%", "達到 2%"),
        ("上線新功能,讓活躍用戶達到 2 萬", "達到 2 萬"),
        ("上线 App 并达到 1 万下载", "达到 1 万下载"),
        ("推出会员方案，带来 3000 位付费会员", "3000 位付费会员"),
        # outputs in the first clause say how; the result still decides
        ("Run 4 webinars and get 200 signups", "200 signups"),
        ("Launch 2 campaigns and win 10 new logos", "10 new logos"),
    ],
)
def test_an_outcome_verb_opening_the_second_clause_states_the_result(text, expected):
    result = classify(text)
    assert result.kind == "key_result"
    assert result.confident
    assert target(text) == expected
    assert "classify.result_clause" in keys(text)
    assert "classify.names_output" not in keys(text)[:2]


def test_a_line_whose_main_verb_is_the_outcome_stays_a_key_result():
    # "Ship" is not read as the main verb before "v2": "get" is, as before
    assert classify("Ship v2 and get 1,000 beta signups").kind == "key_result"
    assert target("Ship v2 and get 1,000 beta signups") == "1,000 beta signups"


@pytest.mark.parametrize(
    "text",
    [
        "Launch 3 campaigns and 2 webinars",
        "Launch 3 campaigns and 2 webinars by June",
        "Write 12 posts and publish them weekly",
        "上線 App 並完成 3 場發表會",
        "Hire 2 engineers and onboard them by March",
        "Interview 12 customers and get 3 case studies",  # an output the team writes
        "Build the dashboard and get sign-off from 3 VPs",  # 3 VPs: not what is reached
        "上線 App 並達到 10 個功能",  # features: the team's output, reached or not
    ],
)
def test_look_alikes_stay_initiatives(text):
    result = classify(text)
    assert result.kind == "initiative"
    assert "classify.result_clause" not in keys(text)


def test_the_reason_names_the_verb_of_the_result_in_both_languages():
    text = "上線 App 並達到 1 萬下載"
    reason = next(r for r in classify(text).reasons if r.key == "classify.result_clause")
    assert dict(reason.params) == {"verb": "達到"}
    try:
        set_language("en")
        assert "'達到'" in reason.text and "says how" in reason.text
        set_language("zh-TW")
        assert "「達到」" in reason.text
    finally:
        set_language("en")


def test_the_opening_action_is_still_shown_as_the_how():
    reasons = classify("上線 App 並達到 1 萬下載").reasons
    action = next(r for r in reasons if r.key == "classify.starts_with_action_verb")
    assert action.supports == "initiative"
