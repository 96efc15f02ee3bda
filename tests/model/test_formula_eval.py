"""Evaluating formulas: arithmetic, functions, and clear errors instead of raw exceptions."""

from __future__ import annotations

import math

import pytest

from model.formula import (
    DivisionByZeroError,
    FormulaEvalError,
    FormulaSyntaxError,
    InvalidInputValueError,
    MissingInputError,
    ResultOutOfRangeError,
    evaluate,
    parse_formula,
    zero_divisor,
)
from model.formula_parser import Binary
from model.i18n import set_language


def test_a_rate_from_inputs():
    assert evaluate("orders / visitors", {"orders": 150, "visitors": 10_000}) == 0.015


def test_chinese_names_and_full_width_operators_evaluate():
    values = {"MQL數": 88, "全部名單數": 400}
    assert evaluate("MQL數 ／ 全部名單數", values) == pytest.approx(0.22)


def test_multiplication_binds_tighter_and_operators_associate_left():
    assert evaluate("a - b - c", {"a": 10, "b": 3, "c": 2}) == 5
    assert evaluate("a / b / c", {"a": 24, "b": 4, "c": 2}) == 3
    assert evaluate("a + b * c", {"a": 1, "b": 2, "c": 3}) == 7
    tree = parse_formula("a + b * c").root
    assert isinstance(tree, Binary) and tree.operator == "+"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("min(3, 1, 2)", 1),
        ("max(3, 1, 2)", 3),
        ("abs(-4.5)", 4.5),
        ("round(2.5)", 3),
        ("round(-2.5)", -3),
        ("round(2.675, 2)", 2.68),  # shop rounding on the written decimal, not binary floats
        ("round(1.005, 2)", 1.01),
        ("round(1234.5678, 1)", 1234.6),
        ("round(0.125, 10)", 0.125),
        ("50%", 0.5),
        ("-(3 - 5)", 2),
    ],
)
def test_functions_and_signs(text, expected):
    assert evaluate(text, {}) == expected


def test_extra_inputs_are_ignored_and_integers_are_accepted():
    assert evaluate("a * 2", {"a": 3, "unused": 1}) == 6.0
    assert isinstance(evaluate("a * 2", {"a": 3}), float)


def test_negative_zero_is_plain_zero():
    result = evaluate("-a", {"a": 0})
    assert result == 0 and math.copysign(1, result) == 1


def test_missing_inputs_are_all_named_and_the_first_is_pointed_at():
    with pytest.raises(MissingInputError) as caught:
        evaluate("a / (b + c)", {"a": 1})
    error = caught.value
    assert error.names == ("b", "c")
    assert (error.position, error.end) == (5, 6)
    assert error.message == "no value for b, c"
    set_language("zh-TW")
    assert error.message == "缺少 b、c 的數值"


def test_division_by_zero_names_the_divisor_and_points_at_it():
    with pytest.raises(DivisionByZeroError) as caught:
        evaluate("orders / (visitors - bots)", {"orders": 1, "visitors": 5, "bots": 5})
    error = caught.value
    assert error.message == "cannot divide by zero: (visitors - bots) is 0"
    assert (error.position, error.end) == (9, 26)
    assert error.caret_lines()[1] == " " * 9 + "^" * 17


def test_a_number_divisor_that_is_0_is_said_as_the_formulas_mistake():
    with pytest.raises(DivisionByZeroError) as caught:
        evaluate("orders / 0", {"orders": 1})
    assert caught.value.message == (
        "cannot divide by zero: the formula divides by 0, so it can never be computed"
    )  # not "0 is 0"
    with pytest.raises(DivisionByZeroError) as caught:
        evaluate("orders / (2 - 2)", {"orders": 1})
    assert caught.value.message.startswith("cannot divide by zero: (2 - 2) is always 0")


def test_a_result_beyond_the_plan_limit_is_an_error_not_a_number():
    with pytest.raises(ResultOutOfRangeError) as caught:
        evaluate("a * a", {"a": 1e15})
    assert "too large" in caught.value.message


def test_an_infinite_step_is_caught_where_it_happens():
    with pytest.raises(ResultOutOfRangeError) as caught:
        evaluate(
            "a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a * a - 1",
            {"a": 1e15},
        )
    assert caught.value.position == 0 and caught.value.end < len(caught.value.text)


@pytest.mark.parametrize("bad", [math.nan, math.inf, -math.inf, True, "12", None, 1e16, 10**400])
def test_input_values_must_be_finite_numbers_in_range(bad):
    with pytest.raises(InvalidInputValueError) as caught:
        evaluate("x + 1", {"x": bad})
    assert caught.value.params["name"] == "x"


def test_round_digits_computed_at_run_time_are_checked_too():
    with pytest.raises(FormulaEvalError) as caught:
        evaluate("round(a, d)", {"a": 1.234, "d": 1.5})
    assert caught.value.key == "formula.round_digits"
    assert evaluate("round(a, d)", {"a": 1.234, "d": 1}) == 1.2


def test_text_that_does_not_parse_raises_the_syntax_error():
    with pytest.raises(FormulaSyntaxError) as caught:
        evaluate("a +", {"a": 1})
    assert caught.value.key == "formula.unexpected_end"


@pytest.mark.parametrize(
    ("text", "divisor", "span"),
    [
        ("marketing_spend / 0", "0", (18, 19)),
        ("x / 0%", "0%", (4, 6)),
        ("x / 0.0 + 1", "0.0", (4, 7)),
        ("x / (2 - 2)", "(2 - 2)", (4, 11)),
        ("x / -0", "-0", (4, 6)),
        ("x / round(0.4)", "round(0.4)", (4, 14)),
        ("x / (3 * 0) + y / 0", "(3 * 0)", (4, 11)),  # the first from the left
        ("x / (y / 0)", "0", (9, 10)),
        ("1 / 0", "0", (4, 5)),
    ],
)
def test_a_divisor_that_is_always_zero_is_found_without_any_input(text, divisor, span):
    error = zero_divisor(parse_formula(text))
    assert isinstance(error, DivisionByZeroError)
    assert (error.params["divisor"], (error.position, error.end)) == (divisor, span)
    with pytest.raises(DivisionByZeroError):  # what every computation of it would say
        evaluate(text, {"x": 5, "y": 2, "marketing_spend": 1000})


@pytest.mark.parametrize(
    "text", ["x / y", "x / (y - y)", "x / (2 - 1)", "x * 0", "0 / x", "x / 0.5", "x / min(y, 0)"]
)
def test_a_divisor_that_reads_an_input_or_is_not_zero_is_not_reported(text):
    assert zero_divisor(parse_formula(text)) is None


def test_a_divisor_always_zero_says_so_in_both_languages():
    literal = zero_divisor(parse_formula("marketing_spend / 0"))
    folded = zero_divisor(parse_formula("x / (2 - 2)"))
    assert literal.located_message() == (
        "cannot divide by zero: the formula divides by 0, so it can never be computed"
        " (at character 19)"
    )
    assert folded.message == (
        "cannot divide by zero: (2 - 2) is always 0, so the formula can never be computed"
    )
    assert folded.caret_lines() == ("x / (2 - 2)", "    ^^^^^^^")
    set_language("zh-TW")
    assert literal.message == "無法除以零:公式除以 0,不論輸入什麼數值都無法計算"
    assert folded.message == "無法除以零:(2 - 2) 永遠為 0,不論輸入什麼數值都無法計算"
