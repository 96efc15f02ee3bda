"""Showing values in their unit and reading typed values back."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from model.i18n import set_language
from model.units import ValueParseError, format_number, format_value, parse_value, unit_label


@pytest.mark.parametrize(
    ("value", "unit", "currency", "shown"),
    [
        (0.015, "percent", "", "1.5%"),
        (0.12, "percent", "", "12%"),
        (0.1234, "percent", "", "12.34%"),
        (0.00004, "percent", "", "0.004%"),
        (-0.05, "percent", "", "-5%"),
        (3.2, "ratio", "", "3.2x"),
        (3.333333, "ratio", "", "3.33x"),
        (1234, "currency", "USD", "$1,234"),
        (48.5, "currency", "USD", "$48.50"),
        (-1234.567, "currency", "USD", "-$1,234.57"),
        (600, "currency", "TWD", "NT$600"),
        (1500.4, "currency", "JPY", "¥1,500"),
        (90, "currency", "chf", "CHF 90"),
        (1200, "currency", "", "1,200"),
        (10_000, "count", "", "10,000"),
        (2.5, "count", "", "2.5"),
        (1e15, "count", "", "1,000,000,000,000,000"),
        (42, "score", "", "42"),
        (-12.345, None, "", "-12.35"),
        (3.5, "duration", "", "3.5 days"),
        (1, "duration", "", "1 day"),
        (0, "duration", "", "0 days"),
        (0.5, "duration", "", "12 hours"),
        (1 / 24, "duration", "", "1 hour"),
        (1 / 1440 * 30, "duration", "", "30 minutes"),
        (45 / 86400, "duration", "", "45 seconds"),
    ],
)
def test_values_are_shown_in_their_unit(value, unit, currency, shown):
    assert format_value(value, unit, currency=currency) == shown


def test_chinese_display_uses_chinese_unit_words_and_yuan_for_twd():
    set_language("zh-TW")
    assert format_value(600, "currency", currency="TWD") == "600 元"
    assert format_value(-1200.5, "currency", currency="TWD") == "-1,200.50 元"
    assert format_value(3.2, "ratio") == "3.2 倍"
    assert format_value(0.5, "duration") == "12 小時"
    assert format_value(2, "duration") == "2 天"
    assert format_value(0.015, "percent") == "1.5%"
    assert unit_label("percent") == "百分比"


def test_rounding_is_half_away_from_zero_on_the_written_decimal():
    assert format_number(2.675) == "2.68"
    assert format_number(-0.125) == "-0.13"
    assert format_number(0.0001) == "0.0001"
    assert format_number(-0.001, 2) == "-0.001"
    assert format_number(-0.0000001, 0) == "-0.0000001"  # never rounded away to 0
    assert format_number(1234.5, 0) == "1,235"


def test_values_too_small_to_show_are_zero_never_minus_zero():
    assert format_value(-1e-20, "count") == "0"
    assert format_number(-0.0) == "0"
    assert format_value(-0.0001, "currency", currency="USD") == "$0"


@pytest.mark.parametrize(
    ("text", "unit", "currency", "value"),
    [
        ("12%", "percent", "", 0.12),
        ("12", "percent", "", 0.12),
        ("1.5 %", "percent", "", 0.015),
        ("１２％", "percent", "", 0.12),
        ("-3%", "percent", "", -0.03),
        ("1,200", "count", "", 1200),
        ("1200", "count", "", 1200),
        ("10k", "count", "", 10_000),
        ("2M", "count", "", 2_000_000),
        ("1.5萬", "count", "", 15_000),
        ("3億", "count", "", 300_000_000),
        ("$600", "currency", "USD", 600),
        ("US$600", "currency", "USD", 600),
        ("600 USD", "currency", "USD", 600),
        ("usd 600", "currency", "USD", 600),
        ("NT$600", "currency", "TWD", 600),
        ("600 元", "currency", "TWD", 600),
        ("600元", "currency", "TWD", 600),
        ("1.2萬元", "currency", "TWD", 12_000),
        ("$600", "currency", "TWD", 600),  # "$" is how many Taiwanese write NT$
        ("-$5", "currency", "", -5),
        ("$-5", "currency", "", -5),
        ("$1,234.50", "currency", "", 1234.5),
        ("3.2x", "ratio", "", 3.2),
        ("3.2 倍", "ratio", "", 3.2),
        ("3.2", "ratio", "", 3.2),
        ("3", "duration", "", 3),
        ("3 days", "duration", "", 3),
        ("3天", "duration", "", 3),
        ("12h", "duration", "", 0.5),
        ("12 小時", "duration", "", 0.5),
        ("90 min", "duration", "", 90 / 1440),
        ("2 週", "duration", "", 14),
        ("2 Weeks", "duration", "", 14),
        ("30 秒", "duration", "", 30 / 86400),
        ("42", "score", "", 42),
        ("-12.5", None, "", -12.5),
        ("12%", None, "", 0.12),
        (".5", None, "", 0.5),
    ],
)
def test_typed_values_are_read_in_their_unit(text, unit, currency, value):
    assert parse_value(text, unit, currency=currency) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit", "currency", "key"),
    [
        ("", "count", "", "units.empty"),
        ("   ", "count", "", "units.empty"),
        ("abc", "count", "", "units.not_a_number"),
        ("1.2.3", "count", "", "units.not_a_number"),
        ("--5", "count", "", "units.not_a_number"),
        ("-$-5", "currency", "", "units.not_a_number"),
        ("1,2", "count", "", "units.bad_grouping"),
        ("1,23,456", "count", "", "units.bad_grouping"),
        ("12%", "count", "", "units.unexpected_mark"),
        ("$5", "count", "", "units.unexpected_mark"),
        ("5 parsecs", "duration", "", "units.unexpected_mark"),
        ("10k", "duration", "", "units.unexpected_mark"),
        ("5 widgets", "currency", "", "units.unexpected_mark"),
        ("€600", "currency", "USD", "units.wrong_currency"),
        ("NT$600", "currency", "USD", "units.wrong_currency"),
        ("600 EUR", "currency", "TWD", "units.wrong_currency"),
        ("NT$600 元", "currency", "TWD", "units.not_a_number"),
        ("2,000,000,000,000,000", "count", "", "units.too_large"),
        ("1e20", "count", "", "units.unexpected_mark"),
        ("1" * 61, "count", "", "units.not_a_number"),
    ],
)
def test_values_that_cannot_be_read_say_why(text, unit, currency, key):
    with pytest.raises(ValueParseError) as caught:
        parse_value(text, unit, currency=currency)
    assert caught.value.key == key
    assert caught.value.message and "{" not in caught.value.message


def test_parse_errors_are_translated():
    with pytest.raises(ValueParseError) as caught:
        parse_value("€600", "currency", currency="TWD")
    set_language("zh-TW")
    assert caught.value.message == "'€' 不是這份計畫的幣別;金額以 TWD 計"


cents = st.integers(min_value=-(10**14), max_value=10**14)


@given(cents)
def test_counts_and_amounts_read_back_what_they_show(hundredths):
    value = hundredths / 100
    assert parse_value(format_value(value, "count"), "count") == value
    assert parse_value(format_value(value, "currency", currency="USD"), "currency") == value


@given(st.integers(min_value=-(10**8), max_value=10**8))
def test_percentages_read_back_what_they_show(basis_points):
    value = basis_points / 10_000
    assert parse_value(format_value(value, "percent"), "percent") == value


@given(cents)
def test_chinese_amounts_read_back_too(hundredths):
    set_language("zh-TW")
    value = hundredths / 100
    shown = format_value(value, "currency", currency="TWD")
    assert parse_value(shown, "currency", currency="TWD") == value


@pytest.mark.parametrize(
    ("text", "unit", "value"),
    [
        ("1 200", "count", 1200),
        ("1_200", "count", 1200),
        ("1 200 000", None, 1_200_000),
        ("12 500 元", "currency", 12_500),
        ("1e3", None, 1000),
        ("2.5E-2", None, 0.025),
    ],
)
def test_digit_groups_and_scientific_notation(text, unit, value):
    assert parse_value(text, unit) == pytest.approx(value)


@pytest.mark.parametrize(
    ("text", "unit", "key"),
    [
        ("36% apples", "percent", "units.not_a_number"),  # a mark is one word
        ("12 red apples", "count", "units.not_a_number"),
        ("1e3", "count", "units.unexpected_mark"),  # scientific notation: unitless only
        ("1 20", "count", "units.unexpected_mark"),  # not a group of three digits
    ],
)
def test_trailing_words_and_misplaced_notation_are_refused(text, unit, key):
    with pytest.raises(ValueParseError) as caught:
        parse_value(text, unit)
    assert caught.value.key == key
    assert text in caught.value.message  # the message quotes what was typed


@given(
    st.text(alphabet="0123456789 .,%$kM萬元xe-+_abc", max_size=12),
    st.sampled_from(["percent", "ratio", "currency", "count", "duration", "score", None]),
)
def test_the_app_and_the_command_line_read_numbers_alike(text, unit):
    """``model.edit.parse_number`` (the app's fields) is ``parse_value`` (``okr checkin``)."""
    from model.edit import EditError, parse_number

    try:
        expected: object = parse_value(text, unit)
    except ValueParseError as error:
        expected = None if error.key == "units.empty" else error.message
    try:
        got: object = parse_number(text, unit)
    except EditError as error:
        got = str(error)
    assert got == expected
