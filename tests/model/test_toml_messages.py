"""tomllib's syntax errors in Chinese, with the place still given."""

from __future__ import annotations

import re
import tomllib

import pytest

from model.i18n import set_language
from model.store import PlanError, parse_plan
from model.toml_messages import TOML_MESSAGES, describe_toml_error, translate_toml_message
from tests.conftest import run_okr

BROKEN = {
    "statement": "title\n",
    "one per line": 'title = "a" x = 1\n',
    "equals": "title x\n",
    "table header": "[objective\n",
    "array header": "[[kpis]\n",
    "expected": "title = 1979-05-27T07:32:00Z\nx = [1 2]\n",
    "illegal character": 'title = "a\n',
    "declared twice": "[objective]\n[objective]\n",
    "overwrite": "title = 1\ntitle = 2\n",
    "immutable": "objective = {}\n[objective.x]\n",
    "key start": "= 1\n",
    "unclosed array": "x = [1, 2\ny = 3\n",
    "duplicate inline key": "x = {a = 1, a = 2}\n",
    "unclosed inline table": "x = {a = 1\n",
    "backslash": 'x = "a\\qb"\n',
    "unterminated": 'x = """abc\n',
    "hex": 'x = "\\uZZZZ"\n',
    "not a scalar": 'x = "\\uD800"\n',
    "date": "x = 2026-13-45\n",
    "value": "x = yes\n",
}


def _tomllib_message(text: str) -> str:
    with pytest.raises(tomllib.TOMLDecodeError) as caught:
        tomllib.loads(text)
    return str(caught.value)


@pytest.mark.parametrize("text", BROKEN.values(), ids=BROKEN.keys())
def test_each_common_syntax_error_reads_in_chinese(text):
    english = describe_toml_error(_tomllib_message(text), text)
    set_language("zh-TW")
    chinese = describe_toml_error(_tomllib_message(text), text)
    assert chinese.line == english.line and chinese.column == english.column
    assert re.search(r"[\u4e00-\u9fff]", chinese.message), chinese.message
    assert not re.search(r"\b(Invalid|Expected|Cannot|Unclosed|Illegal)\b", chinese.message)


def test_english_keeps_tomllibs_words_with_keys_made_readable():
    assert translate_toml_message("Unclosed array") == "Unclosed array"
    assert translate_toml_message("Cannot declare ('kpis', 'cac') twice") == (
        "Cannot declare kpis.cac twice"
    )


def test_an_unknown_message_is_kept_as_it_is():
    set_language("zh-TW")
    assert translate_toml_message("Some new wording") == "Some new wording"


def test_every_pattern_has_a_message():
    assert len({key for _, key in TOML_MESSAGES}) == len(TOML_MESSAGES)


def test_an_error_at_the_end_of_the_document_names_the_last_line():
    set_language("zh-TW")
    with pytest.raises(PlanError) as caught:
        parse_plan('title = "x"\nkpis = [1, 2\n', "plan.toml")
    assert (
        str(caught.value) == "plan.toml:2: TOML 語法錯誤:陣列沒有收尾:項目之間要用逗號,最後要有 ']'"
    )


def test_okr_check_on_a_broken_file_is_chinese_apart_from_the_file_name(tmp_path):
    plan = tmp_path / "broken.toml"
    plan.write_text("[objective]\nstatement = 'a'\n[objective]\n", "utf-8")
    result = run_okr("check", str(plan), env={"OKR_LANG": "zh-TW"})
    assert result.returncode == 2
    assert result.stderr == f"okr: {plan}:3:11: TOML 語法錯誤:objective 宣告了兩次\n"


INVALID = {
    "choice": ("[[kpis]]\nid = 'a'\nname = 'x'\ndirection = 'up'\n", "這裡不能填"),
    "unknown key": ("[objective]\nstatment = 'a'\n", "無法識別的鍵"),
    "number": ("[[kpis]]\nid = 'a'\nname = 'x'\ntarget = 'lots'\n", "這裡應該是數字"),
    "date": ("[objective]\nend = 'soon'\n", "這裡應該是日期"),
    "table": ("objective = 3\n", "這裡應該是表格"),
    "range": (
        "[[checkins]]\nkpi = 'a'\ndate = 2026-01-01\nvalue = 1\nconfidence = 11\n",
        "太大;這裡最大為 10",
    ),
    "whole number": (
        "[[checkins]]\nkpi = 'a'\ndate = 2026-01-01\nvalue = 1\nconfidence = 2.5\n",
        "這裡應該是整數",
    ),
}


@pytest.mark.parametrize(("text", "expected"), INVALID.values(), ids=INVALID.keys())
def test_validation_errors_are_chinese_apart_from_fields_and_values(text, expected):
    """pydantic's English never reaches the user: store.py maps each error type."""
    set_language("zh-TW")
    with pytest.raises(PlanError) as caught:
        parse_plan(text, "plan.toml")
    message = caught.value.message
    assert expected in message
    assert not re.search(r"\b(Input|should|valid|Field|required|Extra)\b", message), message
