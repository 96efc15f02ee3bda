"""The formula language's tokenizer: characters to numbers, names and operators.

Only the characters the grammar uses become tokens; any other character, and the
operators people bring from Python or spreadsheets (``**``, ``^``, ``//``, ``==``,
``&&``, quotes, brackets...), is refused here with a message naming what it is.
Full-width operators, digits and parentheses typed with a Chinese input method, and
``×`` ``÷`` ``−`` ``–`` copied from articles, are read as their ASCII equivalents;
names are kept exactly as written.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from decimal import Decimal

from model.formula_errors import FormulaSyntaxError

MAX_NUMBER = 1e15
"""Largest number a formula may contain or produce (the plan file's limit too)."""

NAME = re.compile(r"[^\W\d]\w*")
"""An input name: letters of any script, digits and ``_``, not starting with a digit
(the same rule as :data:`model.plan.IDENTIFIER`)."""

_FOLDED = {"×": "*", "÷": "/", "−": "-", "–": "-", "\u3000": " "}
_QUOTES = "\"'`“”‘’「」『』"
_CURRENCY = "$€£¥₩"


def fold(char: str) -> str:
    """The ASCII operator, digit or space a look-alike character stands for, else ``char``.

    Full-width forms (``（`` ``）`` ``＊`` ``／`` ``＋`` ``－`` ``，`` ``．`` ``％`` ``０``-``９``)
    fold to ASCII; full-width *letters* do not, so names are never changed.
    """
    code = ord(char)
    if 0xFF01 <= code <= 0xFF5E:
        ascii_char = chr(code - 0xFEE0)
        return char if ascii_char.isalpha() or ascii_char == "_" else ascii_char
    return _FOLDED.get(char, char)


@dataclass(frozen=True, slots=True)
class Token:
    """A piece of the formula: ``kind`` is number, name, op, ``(``, ``)``, ``,`` or end."""

    kind: str
    start: int
    end: int
    text: str = ""
    value: float = 0.0


class Tokenizer:
    """Splits a formula into tokens, refusing any character the language has no use for.

    Tokens are produced on demand, so the first problem from the left is the one reported
    (``lambda: 1`` is about ``lambda``, not the ``:``).
    """

    def __init__(self, text: str) -> None:
        self.text = text
        self.folded = "".join(map(fold, text))
        self.last_kind = ""

    def fail(self, key: str, position: int, end: int | None = None, **params: object):
        return FormulaSyntaxError(key, text=self.text, position=position, end=end, **params)

    def __iter__(self) -> Iterator[Token]:
        return self.tokens_from(0)

    def tokens_from(self, index: int) -> Iterator[Token]:
        """The tokens from the character at ``index`` on (positions stay the text's)."""
        length = len(self.text)
        while index < length:
            char = self.folded[index]
            if char.isspace():
                index += 1
                continue
            name = NAME.match(self.text, index)
            if "0" <= char <= "9":
                token = self.number(index)
            elif name:
                token = Token("name", index, name.end(), name.group())
            else:
                token = self.symbol(index)
            self.last_kind = token.kind
            index = token.end
            yield token
        while True:
            yield Token("end", length, length)

    def number(self, start: int) -> Token:
        folded = self.folded
        index = start
        while index < len(folded) and "0" <= folded[index] <= "9":
            index += 1
        if index < len(folded) and folded[index] == ".":
            if index + 1 < len(folded) and "0" <= folded[index + 1] <= "9":
                index += 1
                while index < len(folded) and "0" <= folded[index] <= "9":
                    index += 1
            else:
                raise self.fail(
                    "formula.bad_number", start, index + 1, number=folded[start : index + 1]
                )
            if index < len(folded) and folded[index] == ".":
                raise self.fail(
                    "formula.bad_number", start, index + 1, number=folded[start : index + 1]
                )
        digits = folded[start:index]
        value = Decimal(digits)
        if index < len(folded) and folded[index] == "%":
            value /= 100
            index += 1
        if abs(value) > Decimal(int(MAX_NUMBER)):
            raise self.fail("formula.number_too_large", start, index, limit=f"{MAX_NUMBER:,.0f}")
        return Token("number", start, index, self.text[start:index], float(value))

    def symbol(self, index: int) -> Token:
        folded = self.folded
        char = folded[index]
        pair = folded[index : index + 2]
        if char in "+-*/":
            if pair == "**":
                raise self.fail("formula.power", index, index + 2, operator="**")
            if pair == "//":
                raise self.fail("formula.floor_division", index, index + 2)
            return Token("op", index, index + 1, char)
        if char in "(),":
            return Token(char, index, index + 1, char)
        if char == "^":
            raise self.fail("formula.power", index, operator="^")
        if char == "%":
            raise self.fail("formula.remainder", index)
        if pair in ("&&", "||"):
            raise self.fail("formula.boolean", index, index + 2, operator=pair)
        if pair in ("<<", ">>"):
            raise self.fail("formula.bitwise", index, index + 2, operator=pair)
        if pair in ("==", "!=", "<=", ">=", "<>"):
            raise self.fail("formula.comparison", index, index + 2, operator=pair)
        if char in "<>":
            raise self.fail("formula.comparison", index, operator=char)
        if char == "=":
            raise self.fail("formula.assignment", index)
        if char == "!":
            raise self.fail("formula.boolean", index, operator=char)
        if char in "&|~":
            raise self.fail("formula.bitwise", index, operator=char)
        if char in "[]":
            raise self.fail("formula.subscript", index)
        if char in "{}":
            raise self.fail("formula.braces", index)
        if char in _QUOTES:
            raise self.fail("formula.string", index)
        if char == "#":
            raise self.fail("formula.comment", index)
        if char in _CURRENCY:
            raise self.fail("formula.currency_symbol", index)
        if char == ".":
            if self.last_kind in ("name", ")"):
                raise self.fail("formula.attribute", index)
            if index + 1 < len(folded) and "0" <= folded[index + 1] <= "9":
                raise self.fail("formula.leading_point", index)
        raise self.fail("formula.bad_character", index, character=_show_char(self.text[index]))


def _show_char(char: str) -> str:
    """A character as it can be printed in a message (``U+001B`` for control characters)."""
    return char if char.isprintable() and not char.isspace() else f"U+{ord(char):04X}"


def tokenize(text: str) -> list[Token]:
    """The tokens of ``text``, ending with an ``end`` token; raises FormulaSyntaxError."""
    tokens: list[Token] = []
    for token in Tokenizer(text):
        tokens.append(token)
        if token.kind == "end":
            return tokens
    raise AssertionError("unreachable")  # pragma: no cover
