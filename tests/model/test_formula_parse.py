"""Parsing formulas: what the language accepts, and every construct it refuses, with where."""

from __future__ import annotations

import pytest

from model.formula import (
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_NUMBER,
    NAME,
    Formula,
    FormulaSyntaxError,
    evaluate,
    parse_formula,
)
from model.i18n import set_language
from model.plan import IDENTIFIER, NUMBER_LIMIT


def parsed(text: str) -> Formula:
    result = parse_formula(text)
    assert isinstance(result, Formula), getattr(result, "message", result)
    return result


def refused(text: str) -> FormulaSyntaxError:
    result = parse_formula(text)
    assert isinstance(result, FormulaSyntaxError), f"{text!r} should not parse"
    return result


@pytest.mark.parametrize(
    ("text", "names"),
    [
        ("orders / visitors", ("orders", "visitors")),
        (
            "(arpa * gross_margin / monthly_churn) / (spend / new)",
            ("arpa", "gross_margin", "monthly_churn", "spend", "new"),
        ),
        ("a + a * a", ("a",)),
        ("-a + +b", ("a", "b")),
        ("12% * x", ("x",)),
        ("1500", ()),
        ("min(a, b, c) + max(a, 1) + abs(-a) + round(a) + round(a, 2)", ("a", "b", "c")),
        ("MQL數 / 全部名單數", ("MQL數", "全部名單數")),
        ("訂單數 ÷ 有效訪客 × 100%", ("訂單數", "有效訪客")),
        ("（訂單數＋退貨數）／２", ("訂單數", "退貨數")),
        ("a　*　b", ("a", "b")),  # ideographic spaces
        ("a − b – c", ("a", "b", "c")),  # minus sign and en dash from articles
        ("_private2 * x_1", ("_private2", "x_1")),
        ("  orders/visitors  ", ("orders", "visitors")),
    ],
)
def test_valid_formulas_parse_and_list_their_inputs_in_order(text, names):
    assert parsed(text).names == names


def test_names_are_kept_exactly_as_written_including_full_width_letters():
    assert parsed("ＭＱＬ數 / x２").names == ("ＭＱＬ數", "x２")


def test_name_spans_point_at_every_use():
    formula = parsed("a / (a + 全部)")
    assert formula.name_spans == (("a", 0, 1), ("a", 5, 6), ("全部", 9, 11))
    assert formula.span_of("全部") == (9, 11)
    assert formula.span_of("nope") is None


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("12%", 0.12),
        ("12.5%", 0.125),
        ("１２％", 0.12),
        ("0.5", 0.5),
        ("007", 7.0),
        ("2 + 3 * 4", 14.0),
        ("(2 + 3) * 4", 20.0),
        ("10 / 4 / 5", 0.5),
        ("10 - 4 - 3", 3.0),
        ("-2 * -3", 6.0),
        ("--2", 2.0),
        ("2 * 3 % ", None),
    ],
)
def test_numbers_percentages_and_precedence(text, value):
    if value is None:
        assert refused(text).key == "formula.remainder"
    else:
        assert evaluate(text, {}) == pytest.approx(value)


# (text, message key, 0-based position, end)
REJECTED = [
    ("", "formula.empty", 0, 0),
    ("   ", "formula.empty", 0, 0),
    ("a.b", "formula.attribute", 1, 2),
    ("(a).b", "formula.attribute", 3, 4),
    ("a[0]", "formula.subscript", 1, 2),
    ("[x for x in y]", "formula.subscript", 0, 1),
    ("x for x in y", "formula.comprehension", 2, 5),
    ("a in b", "formula.comprehension", 2, 4),
    ("lambda: 1", "formula.lambda", 0, 6),
    ("lambda x: x", "formula.lambda", 0, 6),
    ("'text'", "formula.string", 0, 1),
    ('"text"', "formula.string", 0, 1),
    ("「訂單」", "formula.string", 0, 1),
    ("a < b", "formula.comparison", 2, 3),
    ("a >= b", "formula.comparison", 2, 4),
    ("a == b", "formula.comparison", 2, 4),
    ("a != b", "formula.comparison", 2, 4),
    ("a is b", "formula.comparison", 2, 4),
    ("rate = a / b", "formula.assignment", 5, 6),
    ("a and b", "formula.boolean", 2, 5),
    ("a or b", "formula.boolean", 2, 4),
    ("not a", "formula.boolean", 0, 3),
    ("a && b", "formula.boolean", 2, 4),
    ("a || b", "formula.boolean", 2, 4),
    ("!a", "formula.boolean", 0, 1),
    ("a & b", "formula.bitwise", 2, 3),
    ("a | b", "formula.bitwise", 2, 3),
    ("~a", "formula.bitwise", 0, 1),
    ("a << 2", "formula.bitwise", 2, 4),
    ("a ** 99999999", "formula.power", 2, 4),
    ("a ^ 2", "formula.power", 2, 3),
    ("a // b", "formula.floor_division", 2, 4),
    ("a % b", "formula.remainder", 2, 3),
    ("a if b else c", "formula.conditional", 2, 4),
    ("foo(a)", "formula.unknown_function", 0, 3),
    ("__import__(a)", "formula.unknown_function", 0, 10),
    ("eval(a)", "formula.unknown_function", 0, 4),
    ("min", "formula.function_needs_call", 0, 3),
    ("min(a)", "formula.too_few_arguments", 0, 6),
    ("abs()", "formula.needs_one_argument", 0, 5),
    ("abs(a, b)", "formula.takes_one_argument", 0, 9),
    ("round(a, 2, 3)", "formula.too_many_arguments", 0, 14),
    ("round(a, 11)", "formula.round_digits", 9, 11),
    ("round(a, 1.5)", "formula.round_digits", 9, 12),
    ("{a}", "formula.braces", 0, 1),
    ("a # note", "formula.comment", 2, 3),
    ("$600 / a", "formula.currency_symbol", 0, 1),
    ("a @ b", "formula.bad_character", 2, 3),
    ("a; b", "formula.bad_character", 1, 2),
    ("a\x1bb", "formula.bad_character", 1, 2),
    ("a 、b", "formula.bad_character", 2, 3),
    (".5 * a", "formula.leading_point", 0, 1),
    ("5. * a", "formula.bad_number", 0, 2),
    ("1.2.3", "formula.bad_number", 0, 4),
    ("1,000 * a", "formula.thousands_separator", 1, 2),
    ("a, b", "formula.stray_comma", 1, 2),
    ("a +", "formula.unexpected_end", 3, 3),
    ("a + * b", "formula.expected_operand", 4, 5),
    ("()", "formula.expected_operand", 1, 2),
    ("max(a,)", "formula.expected_operand", 6, 7),
    ("(a + b", "formula.unclosed_paren", 0, 1),
    ("min(a, b", "formula.unclosed_paren", 3, 4),
    ("a + b)", "formula.unmatched_paren", 5, 6),
    ("2(a)", "formula.missing_operator", 1, 2),
    ("2 a", "formula.missing_operator", 2, 3),
    ("1e6", "formula.missing_operator", 1, 3),
    ("MQL 數 / x", "formula.name_with_space", 0, 5),
    ("9999999999999999", "formula.number_too_large", 0, 16),
]


@pytest.mark.parametrize(("text", "key", "position", "end"), REJECTED, ids=[r[0] for r in REJECTED])
def test_every_refused_construct_names_the_problem_and_where(text, key, position, end):
    error = refused(text)
    assert (error.key, error.position, error.end) == (key, position, end)
    assert error.text == text
    assert error.message and "{" not in error.message


def test_the_first_problem_from_the_left_is_reported():
    assert refused("a b $").key == "formula.name_with_space"
    assert refused("lambda: $").key == "formula.lambda"


def test_too_long_is_refused_at_the_limit():
    assert isinstance(parse_formula("+".join(["a"] * (MAX_LENGTH // 2))), Formula)
    error = refused("a" * (MAX_LENGTH + 1))
    assert (error.key, error.position) == ("formula.too_long", MAX_LENGTH)


def test_nesting_is_capped_at_max_depth():
    assert isinstance(parse_formula("(" * MAX_DEPTH + "a" + ")" * MAX_DEPTH), Formula)
    error = refused("(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1))
    assert (error.key, error.position) == ("formula.too_deep", MAX_DEPTH)
    assert refused("-" * (MAX_DEPTH + 1) + "a").key == "formula.too_deep"
    assert refused("abs(" * (MAX_DEPTH + 1) + "a" + ")" * (MAX_DEPTH + 1)).key == "formula.too_deep"


def test_a_huge_input_does_not_blow_the_stack():
    error = refused("(" * 100_000)
    assert error.key == "formula.too_long"


def test_caret_lines_align_under_wide_characters():
    error = refused("MQL數 ／ (全部")
    line, caret = error.caret_lines()
    assert line == "MQL數 ／ (全部"
    assert caret == " " * 9 + "^"  # M Q L 數(2) space ／(2) space = 9 columns
    end_error = refused("訂單 +")
    assert end_error.caret_lines() == ("訂單 +", " " * 6 + "^")


def test_caret_lines_blank_out_control_characters():
    line, caret = refused("a\t+ \x1b").caret_lines()
    assert line == "a +  " and caret == "    ^"


def test_messages_are_translated_when_shown():
    error = refused("a.b")
    set_language("zh-TW")
    assert error.located_message() == (
        "名稱後面不能接 '.';輸入項名稱是一個詞,例如 paid_orders(第 2 個字元)"
    )
    set_language("en")
    assert error.located_message().endswith("(at character 2)")


def test_parse_formula_returns_errors_instead_of_raising():
    assert isinstance(parse_formula("a +"), FormulaSyntaxError)


def test_the_language_shares_the_plan_files_rules_for_names_and_numbers():
    assert NAME.pattern == IDENTIFIER.pattern
    assert MAX_NUMBER == NUMBER_LIMIT
