"""The formula language's recursive-descent parser (tokens from :mod:`model.formula_tokens`).

Grammar (``docs/formulas.md`` explains it for users)::

    formula  = expr END
    expr     = term { ("+" | "-") term }
    term     = unary { ("*" | "/") unary }
    unary    = ("+" | "-") unary | primary
    primary  = NUMBER ["%"] | NAME | FUNCTION "(" expr { "," expr } ")" | "(" expr ")"

Only what the grammar names is accepted; everything else (attribute access, other calls,
subscripts, strings, comparisons, boolean and bitwise operators, powers, lambdas,
comprehensions) is refused with a :class:`FormulaSyntaxError` pointing at the offending
character. Nothing is ever handed to ``eval``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from model.formula_errors import FormulaSyntaxError
from model.formula_tokens import Token, Tokenizer

MAX_LENGTH = 500
"""Longest formula accepted, in characters; real formulas are under 100."""

MAX_DEPTH = 20
"""Deepest nesting of parentheses, function calls and signs accepted."""

MAX_ROUND_DIGITS = 10
"""Most decimal places ``round(x, digits)`` accepts."""

FUNCTIONS: dict[str, tuple[int, int | None]] = {
    "min": (2, None),
    "max": (2, None),
    "abs": (1, 1),
    "round": (1, 2),
}
"""The functions a formula may call, with their least and most number of arguments."""

RESERVED_WORDS = frozenset({"and", "or", "not", "if", "else", "for", "in", "is", "lambda"})
"""Words that are never input names (Python's operators and keywords people may try)."""


# --- syntax tree ------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class Number:
    """A number written in the formula (``12%`` is stored as 0.12)."""

    value: float
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Name:
    """An input name."""

    name: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Unary:
    """A sign applied to an operand: ``-x`` or ``+x``."""

    operator: str
    operand: Node
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Binary:
    """``left operator right`` for ``+ - * /``; ``position`` is the operator's offset."""

    operator: str
    left: Node
    right: Node
    position: int
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class Call:
    """A call of one of :data:`FUNCTIONS`."""

    function: str
    arguments: tuple[Node, ...]
    start: int
    end: int


Node = Number | Name | Unary | Binary | Call


# --- parser -----------------------------------------------------------------------


class _Parser:
    """Recursive descent over the tokens, counting nesting against :data:`MAX_DEPTH`."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.stream = iter(Tokenizer(text))
        self.tokens: list[Token] = []  # read so far; self.index is the next one to use
        self.index = 0
        self.depth = 0
        self.name_spans: list[tuple[str, int, int]] = []

    def fail(self, key: str, position: int, end: int | None = None, **params: object):
        return FormulaSyntaxError(key, text=self.text, position=position, end=end, **params)

    def peek(self, ahead: int = 0) -> Token:
        while len(self.tokens) <= self.index + ahead:
            self.tokens.append(next(self.stream))
        return self.tokens[self.index + ahead]

    def advance(self) -> Token:
        token = self.peek()
        if token.kind != "end":
            self.index += 1
        return token

    def enter(self, token: Token) -> None:
        self.depth += 1
        if self.depth > MAX_DEPTH:
            raise self.fail("formula.too_deep", token.start, token.end, limit=MAX_DEPTH)

    def leave(self) -> None:
        self.depth -= 1

    def parse(self) -> Node:
        if self.peek().kind == "end":
            raise self.fail("formula.empty", 0, 0)
        node = self.expression()
        token = self.peek()
        if token.kind != "end":
            raise self.after_operand(token)
        return node

    def expression(self) -> Node:
        node = self.term()
        while self.peek().kind == "op" and self.peek().text in "+-":
            operator = self.advance()
            right = self.term()
            node = Binary(operator.text, node, right, operator.start, node.start, right.end)
        return node

    def term(self) -> Node:
        node = self.unary()
        while self.peek().kind == "op" and self.peek().text in "*/":
            operator = self.advance()
            right = self.unary()
            node = Binary(operator.text, node, right, operator.start, node.start, right.end)
        return node

    def unary(self) -> Node:
        token = self.peek()
        if token.kind == "op" and token.text in "+-":
            self.advance()
            self.enter(token)
            operand = self.unary()
            self.leave()
            return Unary(token.text, operand, token.start, operand.end)
        return self.primary()

    def primary(self) -> Node:
        token = self.advance()
        if token.kind == "number":
            return Number(token.value, token.start, token.end)
        if token.kind == "name":
            return self.name_or_call(token)
        if token.kind == "(":
            self.enter(token)
            inner = self.expression()
            closing = self.close(token)
            self.leave()
            return replace(inner, start=token.start, end=closing.end)  # span includes ( )
        if token.kind == "end":
            raise self.fail("formula.unexpected_end", token.start, token.end)
        raise self.fail("formula.expected_operand", token.start, token.end, token=token.text)

    def name_or_call(self, token: Token) -> Node:
        word = token.text
        if word in RESERVED_WORDS:
            raise self.reserved(token)
        is_call = self.peek().kind == "("
        if word in FUNCTIONS:
            if not is_call:
                raise self.fail("formula.function_needs_call", token.start, token.end, name=word)
            return self.call(token)
        if is_call:
            raise self.fail(
                "formula.unknown_function",
                token.start,
                token.end,
                name=word,
                functions=", ".join(FUNCTIONS),
            )
        self.name_spans.append((word, token.start, token.end))
        return Name(word, token.start, token.end)

    def call(self, name: Token) -> Node:
        opening = self.advance()
        self.enter(opening)
        arguments: list[Node] = []
        if self.peek().kind != ")":
            arguments.append(self.expression())
            while self.peek().kind == ",":
                self.advance()
                arguments.append(self.expression())
        closing = self.close(opening)
        self.leave()
        self.check_arguments(name, arguments, closing.end)
        return Call(name.text, tuple(arguments), name.start, closing.end)

    def check_arguments(self, name: Token, arguments: list[Node], end: int) -> None:
        least, most = FUNCTIONS[name.text]
        if len(arguments) < least:
            key = "formula.needs_one_argument" if least == 1 else "formula.too_few_arguments"
            raise self.fail(key, name.start, end, name=name.text, count=least)
        if most is not None and len(arguments) > most:
            key = "formula.takes_one_argument" if most == 1 else "formula.too_many_arguments"
            raise self.fail(key, name.start, end, name=name.text, count=most)
        if name.text == "round" and len(arguments) == 2:
            digits = arguments[1]
            if isinstance(digits, Number) and not _valid_round_digits(digits.value):
                raise self.fail(
                    "formula.round_digits", digits.start, digits.end, limit=MAX_ROUND_DIGITS
                )

    def close(self, opening: Token) -> Token:
        token = self.peek()
        if token.kind == ")":
            return self.advance()
        if token.kind == "end":
            raise self.fail("formula.unclosed_paren", opening.start, opening.end)
        raise self.after_operand(token)

    def after_operand(self, token: Token) -> FormulaSyntaxError:
        """The error for ``token`` standing where an operator or the end was expected."""
        previous = self.tokens[self.index - 1] if self.index else token
        if token.kind == ")":
            return self.fail("formula.unmatched_paren", token.start, token.end)
        if token.kind == ",":
            try:
                following = self.peek(1)
            except FormulaSyntaxError:  # a bad character after the comma: the comma comes first
                following = token
            if (
                previous.kind == "number"
                and following.kind == "number"
                and re.fullmatch(r"[0-9]{3}", following.text)
            ):
                return self.fail(
                    "formula.thousands_separator",
                    token.start,
                    token.end,
                    suggestion=previous.text + following.text,
                )
            return self.fail("formula.stray_comma", token.start, token.end)
        if token.kind == "name" and token.text in RESERVED_WORDS:
            return self.reserved(token)
        if token.kind == "name" and previous.kind == "name":
            return self.fail(
                "formula.name_with_space",
                previous.start,
                token.end,
                joined=f"{previous.text}_{token.text}",
            )
        return self.fail(
            "formula.missing_operator",
            token.start,
            token.end,
            before=self.text[previous.start : previous.end],
            after=self.text[token.start : token.end],
        )

    def reserved(self, token: Token) -> FormulaSyntaxError:
        word = token.text
        if word == "lambda":
            key = "formula.lambda"
        elif word in ("if", "else"):
            key = "formula.conditional"
        elif word in ("for", "in"):
            key = "formula.comprehension"
        elif word == "is":
            key = "formula.comparison"
        else:
            key = "formula.boolean"
        return self.fail(key, token.start, token.end, operator=word, word=word)


def names_mentioned(text: str) -> tuple[str, ...]:
    """Every name token in ``text``, in order of first use, even when ``text`` is not a
    formula: tokenizing resumes after each character it refuses. What a formula that
    does not parse still reads (``a / (b`` mentions ``a`` and ``b``), so its inputs are
    not called unused. Function names and reserved words are left out."""
    names: dict[str, None] = {}
    tokenizer = Tokenizer(text)
    offset = 0
    while offset < len(text):
        try:
            for token in tokenizer.tokens_from(offset):
                if token.kind == "end":
                    return tuple(names)
                word = token.text
                if token.kind == "name" and word not in FUNCTIONS and word not in RESERVED_WORDS:
                    names.setdefault(word, None)
        except FormulaSyntaxError as error:
            position = offset if error.position is None else error.position
            offset = max(error.end or 0, position + 1)
    return tuple(names)


def _valid_round_digits(value: float) -> bool:
    return value.is_integer() and 0 <= value <= MAX_ROUND_DIGITS


def parse(text: str) -> tuple[Node, tuple[tuple[str, int, int], ...]]:
    """The syntax tree of ``text`` and its names with their spans; raises FormulaSyntaxError."""
    if len(text) > MAX_LENGTH:
        raise FormulaSyntaxError(
            "formula.too_long", text=text, position=MAX_LENGTH, end=len(text), limit=MAX_LENGTH
        )
    parser = _Parser(text)
    root = parser.parse()
    return root, tuple(parser.name_spans)
