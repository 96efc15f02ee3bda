"""Showing values in their unit, and reading back what a person types.

A plan stores plain numbers: a ``percent`` as a fraction (0.015), a ``duration`` in days,
a ``currency`` amount in the plan's ``currency``. :func:`format_value` shows them the way
people read them (``1.5%``, ``3.2x``, ``$1,234``, ``12 hours``); :func:`parse_value` is the
canonical reader of typed values (``12%`` -> 0.12, ``NT$600``, ``1,200``, ``1.5萬``, ``3d``).

Formatting never depends on the process locale: decimals use ``.``, thousands ``,``,
halves round away from zero. Unit words come from the message table, so they follow
the current language; New Taiwan dollars are ``NT$1,234`` in English and ``1,234 元``
in Chinese, as Taiwanese readers write them. ``docs/formulas.md`` lists every rule.
"""

from __future__ import annotations

import math
import re
import unicodedata
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation, localcontext

from model.errors import TranslatedError
from model.i18n import t
from model.plan import NUMBER_LIMIT, Unit
from model.safetext import shown

CURRENCY_SYMBOLS: dict[str, str] = {
    "USD": "$",
    "TWD": "NT$",
    "EUR": "€",
    "GBP": "£",
    "JPY": "¥",
    "CNY": "CN¥",
    "HKD": "HK$",
    "SGD": "S$",
    "AUD": "A$",
    "CAD": "CA$",
    "NZD": "NZ$",
    "KRW": "₩",
}
"""Symbols shown before amounts; other currency codes are shown as ``CHF 1,234``."""


def is_currency_code(text: str) -> bool:
    """Whether ``text`` reads as a plan's currency: a three-letter code such as USD, TWD or
    EUR (amounts show it: ``$780``, ``NT$600``, ``CHF 1,234``), or nothing (plain
    numbers). The ``plan.currency`` check and the Baselines step's note use it."""
    code = text.strip()
    return not code or (len(code) == 3 and code.isascii() and code.isalpha())


MAX_TYPED_LENGTH = 60
"""Longest typed value read; anything longer is not a number someone meant to type."""

WHOLE_UNIT_CURRENCIES = frozenset({"JPY", "KRW"})
"""Currencies shown without cents."""

_MARKERS: dict[str, str | None] = {
    **{symbol: code for code, symbol in CURRENCY_SYMBOLS.items()},
    "US$": "USD",
    "C$": "CAD",
    "RMB": "CNY",
    "$": None,  # used for USD, TWD and others alike: accepted in any plan
    "¥": None,  # yen or yuan
    "元": None,
    "塊": None,
    "圓": None,
}
"""Currency marks a typed amount may carry, and the currency each one names (if only one)."""

_MULTIPLIERS = {"k": 1_000, "K": 1_000, "M": 1_000_000, "萬": 10_000, "万": 10_000, "億": 10**8}

_DAY_FRACTIONS: dict[str, Decimal] = {
    **dict.fromkeys(("", "d", "day", "days", "天", "日"), Decimal(1)),
    **dict.fromkeys(("w", "wk", "wks", "week", "weeks", "週", "周", "星期"), Decimal(7)),
    **dict.fromkeys(("h", "hr", "hrs", "hour", "hours", "小時", "時"), Decimal(1) / 24),
    **dict.fromkeys(("m", "min", "mins", "minute", "minutes", "分", "分鐘"), Decimal(1) / 1440),
    **dict.fromkeys(("s", "sec", "secs", "second", "seconds", "秒"), Decimal(1) / 86400),
}

_TYPED = re.compile(
    r"(?P<sign>[-+]?)\s*(?P<prefix>[^\d\s.,+-]*?)\s*(?P<sign2>[-+]?)\s*"
    r"(?P<number>[\d.,]+)\s*(?P<suffix>.*?)"
)
_PLAIN_NUMBER = re.compile(r"(?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+")
_GROUP_GAP = re.compile(r"(?<=\d)[ _](?=\d{3}(?!\d))")
"""A space or underscore between groups of three digits (``1 200``, ``1_200``)."""
_EXPONENT = re.compile(r"[eE]([+-]?\d{1,3})")
"""Scientific notation (``1e3``), read only for a value without a unit."""

_UNIT_LABELS: dict[str | None, str] = {
    "percent": "units.label_percent",
    "ratio": "units.label_ratio",
    "currency": "units.label_currency",
    "count": "units.label_count",
    "duration": "units.label_duration",
    "score": "units.label_score",
    None: "units.label_number",
}


class ValueParseError(TranslatedError):
    """Typed text is not a value in the expected unit; ``message`` says why, translated."""


def unit_label(unit: Unit | None) -> str:
    """The unit's name in the current language (``percent`` / ``百分比``)."""
    return t(_UNIT_LABELS[unit])


# --- formatting -----------------------------------------------------------------------


def format_number(
    value: float | Decimal, max_decimals: int = 2, min_decimals: int = 0, *, keep_tiny: bool = True
) -> str:
    """``value`` with thousands separators and at most ``max_decimals`` decimals.

    Trailing zeros are dropped down to ``min_decimals``; halves round away from zero. A
    value that would round to 0 keeps two significant digits (0.00004 -> ``0.00004``)
    unless ``keep_tiny`` is false (money is always shown to the cent).
    """
    exact = value if isinstance(value, Decimal) else Decimal(repr(float(value)))
    if not exact.is_finite():
        return str(value)
    rounded = _round(exact, max_decimals)
    if keep_tiny and rounded == 0 and exact != 0:
        rounded = _round(exact, min(-exact.adjusted() + 1, 12))
    text = format(rounded, "f")
    negative = text.startswith("-")
    whole, _, fraction = text.lstrip("-").partition(".")
    fraction = fraction.rstrip("0").ljust(min_decimals, "0")
    grouped = f"{int(whole):,}"
    body = f"{grouped}.{fraction}" if fraction else grouped
    return f"-{body}" if negative and body.strip("0.,") else body


def format_value(value: float, unit: Unit | None, *, currency: str = "") -> str:
    """``value`` as people read it: ``1.5%``, ``3.2x``, ``$1,234``, ``10,000``, ``12 hours``.

    ``currency`` is the plan's currency code (``USD``, ``TWD``...); amounts without a
    code are shown as plain numbers.
    """
    exact = Decimal(repr(float(value)))
    if unit == "percent":
        return t("units.percent", number=format_number(exact * 100))
    if unit == "ratio":
        return t("units.ratio", number=format_number(exact))
    if unit == "currency":
        return format_money(value, currency)
    if unit == "duration":
        return format_duration(value)
    return format_number(exact)


def format_money(value: float, currency: str = "") -> str:
    """An amount in ``currency``: ``$1,234``, ``$48.50``, ``NT$600`` / ``600 元``, ``CHF 90``."""
    code = currency.strip().upper()
    exact = Decimal(repr(float(value)))
    whole = code in WHOLE_UNIT_CURRENCIES or _round(exact, 2) == _round(exact, 0)
    number = format_number(abs(exact), 0 if whole else 2, 0 if whole else 2, keep_tiny=False)
    sign = "-" if exact < 0 and number.strip("0.,") else ""
    if code == "TWD":
        return t("units.twd", sign=sign, number=number)
    if code in CURRENCY_SYMBOLS:
        return f"{sign}{CURRENCY_SYMBOLS[code]}{number}"
    if code:
        return f"{sign}{code} {number}"
    return f"{sign}{number}"


def format_duration(days: float) -> str:
    """A duration given in days: days when a day or longer, else hours, minutes or seconds."""
    exact = Decimal(repr(float(days)))
    steps = (
        (Decimal(1), "units.day_one", "units.days"),
        (Decimal(24), "units.hour_one", "units.hours"),
        (Decimal(1440), "units.minute_one", "units.minutes"),
        (Decimal(86400), "units.second_one", "units.seconds"),
    )
    for index, (per_day, one, many) in enumerate(steps):
        amount = _round(exact * per_day, 1)
        if abs(amount) >= 1 or exact == 0 or index == len(steps) - 1:
            number = format_number(exact * per_day, 1)
            return t(one if number in ("1", "-1") else many, number=number)
    raise AssertionError("unreachable")  # pragma: no cover


def _round(value: Decimal, places: int) -> Decimal:
    with localcontext() as context:
        context.prec = 400
        return value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)


# --- parsing --------------------------------------------------------------------------


def parse_value(text: str, unit: Unit | None, *, currency: str = "") -> float:
    """The number typed as ``text`` for a value in ``unit``; raises :class:`ValueParseError`.

    Accepts thousands separators (``1,200``), full-width digits, a sign, ``k``/``M``/``萬``/
    ``億`` multipliers for counts and amounts, and the unit's own marks: ``12%`` or ``12``
    for a percent (a percent field takes percentage points, so both mean 0.12); ``3.2x``
    or ``3.2 倍`` for a ratio; ``$600``, ``NT$600``, ``600 元`` or ``600 TWD`` for an
    amount (a mark naming another currency than the plan's is refused); ``3 days``,
    ``12h``, ``30 min``, ``2 週`` for a duration, returned in days. Groups of three digits
    may also be set apart by spaces or underscores (``1 200``), and a value without a
    unit may be written in scientific notation (``1e3``). A mark is one word: trailing
    text of several words (``36% apples``) is simply not a number.

    The app's fields (``model.edit.parse_number``) and ``okr checkin`` both read typed
    values here, so a number means the same wherever it is typed.
    """
    cleaned = unicodedata.normalize("NFKC", text).replace("−", "-").replace("–", "-").strip()
    cleaned = _GROUP_GAP.sub("", cleaned)
    if not cleaned:
        raise ValueParseError("units.empty")
    if len(cleaned) > MAX_TYPED_LENGTH:
        raise ValueParseError("units.not_a_number", text=shown(text.strip()))
    match = _TYPED.fullmatch(cleaned)
    if not match or (match["sign"] and match["sign2"]):
        raise ValueParseError("units.not_a_number", text=shown(text.strip()))
    number = match["number"]
    if not _PLAIN_NUMBER.fullmatch(number):
        key = "units.bad_grouping" if "," in number else "units.not_a_number"
        raise ValueParseError(key, text=shown(text.strip()))
    negative = "-" in (match["sign"], match["sign2"])
    prefix, suffix = match["prefix"], match["suffix"].strip()
    if any(char.isspace() for char in suffix):
        raise ValueParseError("units.not_a_number", text=shown(text.strip()))
    multiplier = Decimal(1)
    exponent = _EXPONENT.fullmatch(suffix) if unit is None and not prefix else None
    if exponent:
        multiplier, suffix = Decimal(1).scaleb(int(exponent[1])), ""
    elif suffix[:1] in _MULTIPLIERS and unit in ("count", "currency", "score", None):
        multiplier, suffix = Decimal(_MULTIPLIERS[suffix[:1]]), suffix[1:].strip()
    factor = _unit_factor(unit, prefix, suffix, currency, text.strip())
    try:
        amount = Decimal(number.replace(",", "")) * multiplier * factor
    except InvalidOperation:  # pragma: no cover - the pattern above admits only numbers
        raise ValueParseError("units.not_a_number", text=shown(text.strip())) from None
    value = float(-amount if negative else amount)
    if not math.isfinite(value) or abs(value) > NUMBER_LIMIT:
        raise ValueParseError(
            "units.too_large", limit=f"{NUMBER_LIMIT:,.0f}", text=shown(text.strip())
        )
    return value + 0.0


def _unit_factor(unit: Unit | None, prefix: str, suffix: str, currency: str, text: str) -> Decimal:
    """What the typed number is multiplied by, given the marks around it; checks the marks."""
    if unit == "currency":
        marks = [mark for mark in (prefix, suffix) if mark]
        if len(marks) > 1:
            raise ValueParseError("units.not_a_number", text=text)
        if marks:
            _check_currency(marks[0], currency, text)
        return Decimal(1)
    if prefix:
        raise ValueParseError(
            "units.unexpected_mark", text=text, mark=prefix, unit=unit_label(unit)
        )
    if unit == "duration":
        fraction = _DAY_FRACTIONS.get(suffix.lower() if suffix.isascii() else suffix)
        if fraction is None:
            raise ValueParseError(
                "units.unexpected_mark", text=text, mark=suffix, unit=unit_label(unit)
            )
        return fraction
    allowed = {
        "percent": {"": Decimal("0.01"), "%": Decimal("0.01")},
        "ratio": {"": Decimal(1), "x": Decimal(1), "X": Decimal(1), "×": Decimal(1)},
        None: {"": Decimal(1), "%": Decimal("0.01")},
    }.get(unit, {"": Decimal(1)})
    if unit == "ratio":
        allowed = {**allowed, "倍": Decimal(1), "%": Decimal("0.01")}
    if suffix not in allowed:
        raise ValueParseError(
            "units.unexpected_mark", text=text, mark=suffix, unit=unit_label(unit)
        )
    return allowed[suffix]


def _check_currency(mark: str, currency: str, text: str) -> None:
    named = _MARKERS[mark] if mark in _MARKERS else _code(mark)
    if named is _UNKNOWN:
        raise ValueParseError(
            "units.unexpected_mark", text=text, mark=mark, unit=unit_label("currency")
        )
    plan_code = currency.strip().upper()
    if named and plan_code and named != plan_code:
        raise ValueParseError("units.wrong_currency", mark=mark, currency=plan_code)


_UNKNOWN = "?"


def _code(mark: str) -> str:
    """``mark`` as a currency code (``usd`` -> ``USD``), or ``_UNKNOWN``."""
    return mark.upper() if re.fullmatch(r"[A-Za-z]{3}", mark) else _UNKNOWN
