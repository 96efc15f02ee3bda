"""KPI formulas: a small, safe expression language over named inputs.

A formula such as ``orders / effective_visitors`` or ``MQL數 / 全部名單數`` is parsed by
our own tokenizer and parser (:mod:`model.formula_parser`) into a tree of numbers,
input names, ``+ - * /``, signs and calls of ``min``, ``max``, ``abs`` and ``round``;
nothing else is accepted and nothing is ever passed to ``eval``. Evaluation walks that
tree with the values given for the inputs.

Public API::

    parse_formula(text) -> Formula | FormulaSyntaxError   # never raises
    evaluate(formula_or_text, inputs) -> float            # raises FormulaError subclasses
    Formula.names                                         # the inputs it reads, in order
    zero_divisor(formula) -> DivisionByZeroError | None   # x / 0, whatever the inputs
    can_be_negative(formula), can_be_fractional(formula)  # with inputs of 0, 1, 2...

The language is documented for users in ``docs/formulas.md``.
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal, localcontext

from model.formula_errors import (
    DivisionByZeroError,
    FormulaError,
    FormulaEvalError,
    FormulaSyntaxError,
    InvalidInputValueError,
    MissingInputError,
    ResultOutOfRangeError,
)
from model.formula_parser import (
    FUNCTIONS,
    MAX_DEPTH,
    MAX_LENGTH,
    MAX_ROUND_DIGITS,
    RESERVED_WORDS,
    Binary,
    Call,
    Name,
    Node,
    Number,
    Unary,
    parse,
)
from model.formula_tokens import MAX_NUMBER, NAME

__all__ = [
    "FUNCTIONS",
    "MAX_DEPTH",
    "MAX_LENGTH",
    "MAX_NUMBER",
    "NAME",
    "RESERVED_WORDS",
    "DivisionByZeroError",
    "Formula",
    "FormulaError",
    "FormulaEvalError",
    "FormulaSyntaxError",
    "InvalidInputValueError",
    "MissingInputError",
    "ResultOutOfRangeError",
    "can_be_fractional",
    "can_be_negative",
    "evaluate",
    "parse_formula",
    "zero_divisor",
]


@dataclass(frozen=True, slots=True)
class Formula:
    """A parsed formula: its text, its syntax tree and the input names it reads."""

    text: str
    """The formula as written."""

    root: Node
    """The syntax tree (see :mod:`model.formula_parser`)."""

    name_spans: tuple[tuple[str, int, int], ...]
    """Every use of an input name as ``(name, start, end)`` offsets, in reading order
    (for highlighting names and pointing at an undeclared one)."""

    @property
    def names(self) -> tuple[str, ...]:
        """The input names the formula reads, each once, in order of first use."""
        return tuple(dict.fromkeys(name for name, _, _ in self.name_spans))

    def span_of(self, name: str) -> tuple[int, int] | None:
        """Where ``name`` is first used, as ``(start, end)`` offsets, or ``None``."""
        return next(((start, end) for used, start, end in self.name_spans if used == name), None)


def parse_formula(text: str) -> Formula | FormulaSyntaxError:
    """The parsed ``text``, or the syntax error saying where and why it is not a formula.

    Returns the error instead of raising it, so live editing and the checks can show it
    without exception handling; it never raises.
    """
    try:
        root, name_spans = parse(text)
    except FormulaSyntaxError as error:
        return error
    return Formula(text, root, name_spans)


def evaluate(formula: Formula | str, inputs: Mapping[str, float]) -> float:
    """The value of ``formula`` with ``inputs`` (a value per input name; extras ignored).

    Raises :class:`FormulaSyntaxError` for text that does not parse, and a
    :class:`FormulaEvalError` subclass when inputs are missing or not finite numbers, a
    divisor is zero, or a step leaves the range of plan values (``MAX_NUMBER``).
    """
    if isinstance(formula, str):
        parsed = parse_formula(formula)
        if isinstance(parsed, FormulaSyntaxError):
            raise parsed
        formula = parsed
    missing = [name for name in formula.names if name not in inputs]
    if missing:
        start, end = formula.span_of(missing[0]) or (0, 0)
        raise MissingInputError(missing, text=formula.text, position=start, end=end)
    values = {name: _input_value(formula, name, inputs[name]) for name in formula.names}
    result = _Evaluator(formula.text, values).value(formula.root)
    if abs(result) > MAX_NUMBER:
        raise ResultOutOfRangeError(
            "formula.result_too_large",
            text=formula.text,
            position=0,
            end=len(formula.text),
            limit=f"{MAX_NUMBER:,.0f}",
        )
    return result + 0.0  # turns -0.0 into 0.0


def _input_value(formula: Formula, name: str, value: object) -> float:
    number = isinstance(value, int | float) and not isinstance(value, bool)
    # NaN fails the comparison; a huge int is compared exactly, never converted (no overflow)
    if not (number and abs(value) <= MAX_NUMBER):  # type: ignore[operator]
        start, end = formula.span_of(name) or (0, 0)
        raise InvalidInputValueError(
            "formula.bad_input_value",
            text=formula.text,
            position=start,
            end=end,
            name=name,
            limit=f"{MAX_NUMBER:,.0f}",
        )
    return float(value)  # type: ignore[arg-type]


class _Evaluator:
    """Walks a syntax tree; every step is checked so no raw arithmetic error escapes."""

    def __init__(self, text: str, values: Mapping[str, float]) -> None:
        self.text = text
        self.values = values

    def value(self, node: Node) -> float:
        match node:
            case Number(value=value):
                return value
            case Name(name=name):
                return self.values[name]
            case Unary(operator=operator, operand=operand):
                inner = self.value(operand)
                return -inner if operator == "-" else inner
            case Binary():
                return self.binary(node)
            case Call():
                return self.call(node)
        raise AssertionError(node)  # pragma: no cover - the parser builds only the above

    def binary(self, node: Binary) -> float:
        left = self.value(node.left)
        right = self.value(node.right)
        if node.operator == "+":
            result = left + right
        elif node.operator == "-":
            result = left - right
        elif node.operator == "*":
            result = left * right
        else:
            if right == 0:
                raise _zero_divisor_error(self.text, node.right)
            result = left / right
        return self.checked(result, node)

    def call(self, node: Call) -> float:
        arguments = [self.value(argument) for argument in node.arguments]
        if node.function == "min":
            return min(arguments)
        if node.function == "max":
            return max(arguments)
        if node.function == "abs":
            return abs(arguments[0])
        digits = arguments[1] if len(arguments) == 2 else 0.0
        if not (digits.is_integer() and 0 <= digits <= MAX_ROUND_DIGITS):
            where = node.arguments[1]
            raise FormulaEvalError(
                "formula.round_digits",
                text=self.text,
                position=where.start,
                end=where.end,
                limit=MAX_ROUND_DIGITS,
            )
        return round_half_up(arguments[0], int(digits))

    def checked(self, result: float, node: Node) -> float:
        if not math.isfinite(result):
            raise ResultOutOfRangeError(
                "formula.result_too_large",
                text=self.text,
                position=node.start,
                end=node.end,
                limit=f"{MAX_NUMBER:,.0f}",
            )
        return result


def zero_divisor(formula: Formula) -> DivisionByZeroError | None:
    """The first division from the left whose divisor is 0 whatever the inputs are, or
    ``None``: ``x / 0``, ``x / 0%``, ``x / (2 - 2)``, ``x / round(0.4)``.

    Such a formula can never be computed, so it is a mistake in the plan, not in a
    check-in's values. A divisor counts when it reads no input and comes to 0 (it is
    computed as :func:`evaluate` would); nothing is simplified symbolically, so
    ``x / (y - y)`` is not found here (it fails when computed, as any zero divisor does).
    The error's span is the divisor.
    """
    evaluator = _Evaluator(formula.text, {})
    for node in _left_to_right(formula.root):
        if not (isinstance(node, Binary) and node.operator == "/"):
            continue
        divisor = node.right
        if _reads_an_input(divisor):
            continue
        try:
            value = evaluator.value(divisor)
        except FormulaEvalError:  # a zero divisor inside the divisor: found on its own
            continue
        if value == 0:
            return _zero_divisor_error(formula.text, divisor)
    return None


def _zero_divisor_error(text: str, divisor: Node) -> DivisionByZeroError:
    """A division by ``divisor``, which came to 0, said for what it is: the formula's own
    mistake when the divisor reads no input (``x / 0``, not "0 is 0"), else the inputs'."""
    if isinstance(divisor, Number):
        key = "formula.divides_by_zero"
    elif not _reads_an_input(divisor):
        key = "formula.divisor_always_zero"
    else:
        key = "formula.division_by_zero"
    return DivisionByZeroError(
        key,
        text=text,
        position=divisor.start,
        end=divisor.end,
        divisor=text[divisor.start : divisor.end],
    )


def can_be_negative(formula: Formula) -> bool:
    """Whether the formula can come out below zero when no input is below zero.

    Only a subtraction or a minus sign makes a negative out of numbers that are not
    (``revenue - costs``, ``(sessions - last_month) / last_month``); inside ``abs()``
    it does not, nor in ``max()`` with an argument that cannot be negative
    (``max(a - b, 0)``). A formula that cannot is a count, an amount, a rate or a ratio
    of things that are never negative, so a negative value for it is a mistake.
    """
    return _signed(formula.root)


def _signed(node: Node) -> bool:
    match node:
        case Number(value=value):
            return value < 0
        case Name():
            return False
        case Unary(operator=operator, operand=operand):
            return operator == "-" or _signed(operand)
        case Binary(operator=operator, left=left, right=right):
            return operator == "-" or _signed(left) or _signed(right)
        case Call(function="abs"):
            return False
        case Call(function="max", arguments=arguments):
            return all(_signed(argument) for argument in arguments)
        case Call(function="round", arguments=arguments):
            return _signed(arguments[0])
        case Call(arguments=arguments):  # min
            return any(_signed(argument) for argument in arguments)
    raise AssertionError(node)  # pragma: no cover - the parser builds only the above


def can_be_fractional(formula: Formula) -> bool:
    """Whether the formula can come out a fraction when every input is a whole number:
    it divides (an average: ``interactions / posts``), or uses a number with decimals
    or a percentage (``visitors * 0.3``); ``round(x)`` is whole whatever ``x`` is."""
    return _fractional(formula.root)


def _fractional(node: Node) -> bool:
    match node:
        case Number(value=value):
            return not value.is_integer()
        case Name():
            return False
        case Binary(operator="/"):
            return True
        case Call(function="round", arguments=(_,)):
            return False
        case Call(function="round", arguments=(_, Number(value=0))):
            return False
    return any(_fractional(child) for child in _children(node))


def _children(node: Node) -> tuple[Node, ...]:
    match node:
        case Unary(operand=operand):
            return (operand,)
        case Binary(left=left, right=right):
            return (left, right)
        case Call(arguments=arguments):
            return arguments
    return ()


def _left_to_right(node: Node) -> list[Node]:
    """Every node under ``node`` (itself included), inner ones before the node holding
    them and left before right: the order their problems are met when reading."""
    order: list[Node] = []
    for child in _children(node):
        order.extend(_left_to_right(child))
    order.append(node)
    return order


def _reads_an_input(node: Node) -> bool:
    return isinstance(node, Name) or any(_reads_an_input(child) for child in _children(node))


def round_half_up(value: float, digits: int = 0) -> float:
    """``value`` rounded to ``digits`` decimals, halves away from zero (2.5 -> 3, 2.675 -> 2.68).

    People expect shop rounding, not Python's round-half-to-even on binary floats; the
    decimal text of the float (its shortest repr) is what gets rounded.
    """
    with localcontext() as context:
        context.prec = 400  # room for any float's digits plus the decimals
        exact = Decimal(repr(value)).quantize(Decimal(1).scaleb(-digits), rounding=ROUND_HALF_UP)
    return float(exact)
