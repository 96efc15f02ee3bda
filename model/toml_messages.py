"""tomllib's syntax error messages in the planner's language.

``tomllib`` raises ``TOMLDecodeError("Unclosed array (at line 3, column 9)")`` in
English only. :func:`describe_toml_error` splits off the position and matches the
message against the texts ``tomllib`` uses (Python 3.11-3.13), giving the message key's
text with the quoted parts (a character, a key) carried over. A message it does not know
is returned unchanged, so a new Python wording shows up in English rather than being
lost. Keys such as ``('objective',)`` are shown dotted: ``objective``.
"""

from __future__ import annotations

import ast
import re
from typing import NamedTuple

from model.i18n import t

_POSITION = re.compile(
    r"^(?P<detail>.*?)\s*\(at (?:line (?P<line>\d+), column (?P<col>\d+)|end of document)\)$",
    re.DOTALL,
)

TOML_MESSAGES: list[tuple[re.Pattern[str], str]] = [
    (re.compile(p), key)
    for p, key in [
        (r"Invalid statement", "lang.toml_invalid_statement"),
        (r"Expected newline or end of document after a statement", "lang.toml_one_per_line"),
        (r"Expected '=' after a key in a key/value pair", "lang.toml_expected_equals"),
        (r"Expected '\]' at the end of a table declaration", "lang.toml_unclosed_table_header"),
        (r"Expected '\]\]' at the end of an array declaration", "lang.toml_unclosed_array_header"),
        (r"Expected (?P<expected>'.*')", "lang.toml_expected"),
        (r"Found invalid character (?P<char>'.*')", "lang.toml_invalid_character"),
        (r"Illegal character (?P<char>'.*')", "lang.toml_illegal_character"),
        (r"Cannot declare (?P<key>.+) twice", "lang.toml_declared_twice"),
        (r"Cannot overwrite a value", "lang.toml_overwrite"),
        (r"Cannot mutate immutable namespace (?P<key>.+)", "lang.toml_immutable"),
        (r"Cannot redefine namespace (?P<key>.+)", "lang.toml_redefine"),
        (r"Invalid initial character for a key part", "lang.toml_bad_key_start"),
        (r"Unclosed array", "lang.toml_unclosed_array"),
        (r"Duplicate inline table key (?P<key>.+)", "lang.toml_duplicate_inline_key"),
        (r"Unclosed inline table", "lang.toml_unclosed_inline_table"),
        (r"Unescaped '\\' in a string", "lang.toml_unescaped_backslash"),
        (r"Invalid hex value", "lang.toml_bad_hex"),
        (r"Escaped character is not a Unicode scalar value", "lang.toml_bad_unicode_escape"),
        (r"Unterminated string", "lang.toml_unterminated_string"),
        (r"Invalid date or datetime", "lang.toml_bad_date"),
        (r"Invalid value", "lang.toml_invalid_value"),
    ]
]
"""tomllib's message (as a full-match pattern) -> our message key."""


class TomlProblem(NamedTuple):
    """A TOML syntax error: the message in the current language and where it is."""

    message: str
    line: int | None
    column: int | None


def describe_toml_error(error: Exception | str, text: str | None = None) -> TomlProblem:
    """``error``'s message translated, with its line and column (the last line at the end
    of the document, when ``text`` is given)."""
    raw = str(error)
    line = column = None
    match = _POSITION.match(raw)
    if match:
        raw = match["detail"]
        if match["line"]:
            line, column = int(match["line"]), int(match["col"])
        elif text is not None:
            line = text.count("\n") + (0 if text.endswith("\n") else 1)
    return TomlProblem(translate_toml_message(raw), line, column)


def translate_toml_message(message: str) -> str:
    """One tomllib message (without its position) in the current language."""
    for pattern, key in TOML_MESSAGES:
        found = pattern.fullmatch(message)
        if found:
            params = found.groupdict()
            if "key" in params:
                params["key"] = _dotted(params["key"])
            return t(key, **params)
    return message


def _dotted(key: str) -> str:
    """``('kpis', 'cac')`` as ``kpis.cac``; ``'x'`` as ``x``; anything else as it is."""
    try:
        value = ast.literal_eval(key)
    except (ValueError, SyntaxError):
        return key
    if isinstance(value, tuple) and all(isinstance(part, str) for part in value):
        return ".".join(value)
    return value if isinstance(value, str) else key
