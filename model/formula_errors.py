"""What can go wrong with a formula, as exceptions that carry a message key and a position.

Every error is a :class:`FormulaError`: a message key with parameters (translated when it
is shown, so the language at display time wins), the 0-based character offset it points
at, and the formula's text, so a caret can be drawn under the spot. Syntax errors come
from parsing; evaluation errors (missing inputs, division by zero, out-of-range results)
from :func:`model.formula.evaluate`. No other exception escapes the formula language.
"""

from __future__ import annotations

from model.i18n import t
from model.textwidth import char_width, display_width


class FormulaError(Exception):
    """A formula cannot be parsed or evaluated.

    ``message`` is the reason in the current language; ``position``/``end`` are 0-based
    offsets into ``text`` (the formula) marking the span the reason is about, or ``None``
    when the error is about the formula as a whole.
    """

    def __init__(
        self,
        key: str,
        *,
        text: str = "",
        position: int | None = None,
        end: int | None = None,
        **params: object,
    ) -> None:
        self.key = key
        self.params = params
        self.text = text
        self.position = position
        if end is None and position is not None:
            end = min(position + 1, len(text)) if position < len(text) else position
        self.end = end
        super().__init__(key)

    @property
    def message(self) -> str:
        """The reason, in the current language."""
        return t(self.key, **self.params)

    @property
    def column(self) -> int | None:
        """The 1-based character number the error points at (for one-line reports)."""
        return None if self.position is None else self.position + 1

    def located_message(self) -> str:
        """The reason with the character it points at, for one-line reports."""
        if self.position is None:
            return self.message
        return t("formula.at_character", message=self.message, column=self.column)

    def caret_lines(self) -> tuple[str, str]:
        """The formula and a line of ``^`` under the span, aligned for a terminal.

        Tabs, newlines and other control characters are shown as spaces so the two lines
        stay aligned; wide (Chinese) characters count as two columns.
        """
        shown = "".join(" " if not char.isprintable() else char for char in self.text)
        if self.position is None:
            return shown, ""
        start = min(self.position, len(shown))
        end = max(start, min(self.end or start, len(shown)))
        indent = display_width(shown[:start])
        marks = max(1, sum(char_width(char) for char in shown[start:end]))
        return shown, " " * indent + "^" * marks

    def __str__(self) -> str:
        return self.message


class FormulaSyntaxError(FormulaError):
    """The text is not a formula: a character, word or construct the language does not allow."""


class FormulaEvalError(FormulaError):
    """A valid formula could not be computed with the values given."""


class MissingInputError(FormulaEvalError):
    """Some inputs the formula uses were given no value; ``names`` lists them in order."""

    def __init__(self, names: list[str], *, text: str, position: int, end: int) -> None:
        self.names = tuple(names)
        super().__init__("formula.missing_inputs", text=text, position=position, end=end)

    @property
    def message(self) -> str:
        """The reason, listing the names in the current language's way."""
        return t(self.key, names=t("formula.name_separator").join(self.names))


class InvalidInputValueError(FormulaEvalError):
    """An input's value is not a finite number within the allowed range."""


class DivisionByZeroError(FormulaEvalError):
    """A divisor evaluated to zero; the span is the divisor."""


class ResultOutOfRangeError(FormulaEvalError):
    """A step of the computation, or its result, is too large to be a plan value."""
