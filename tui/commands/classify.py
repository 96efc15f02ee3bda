"""``okr classify [--json] [TEXT ...]``: is each line a key result, an initiative or an objective?

With no TEXT, reads standard input one item per line and answers each line as it comes,
in the same order (a blank line is answered too, as empty input, so lines stay paired).
A line longer than a plan's texts may be, or not UTF-8, stops it: one line, exit 2.
``--json`` prints one JSON object per line; otherwise a table aligned by terminal cells,
so Chinese text lines up. User text is data: control characters are shown escaped.
"""

from __future__ import annotations

import argparse
import io
import itertools
import re
import sys
from collections.abc import Callable, Iterable, Iterator
from typing import TYPE_CHECKING

from model.i18n import t
from model.limits import MAX_TEXT_CHARS
from model.safetext import json_text
from model.textwidth import display_width, pad
from tui.commands._common import print_error, printable

if TYPE_CHECKING:
    from model.classify import Classification

NAME = "classify"
HELP = "classify.cli_help"

REASON_INDENT = "    "
# Pieces a line may break between: a word with its trailing space, or one wide character
# with any closing punctuation that must stay on its line.
_PIECES = re.compile(
    r"[\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef][,。、:;!?」』)》]*|[^\s\u2e80-\u9fff\uac00-\ud7af\uff00-\uffef]+\s*|\s+"
)


def configure(parser: argparse.ArgumentParser) -> None:
    """Add the ``classify`` arguments."""
    parser.add_argument(
        "texts", nargs="*", metavar=t("cli.metavar_text"), help=t("classify.cli_text_help")
    )
    parser.add_argument("--json", action="store_true", help=t("classify.cli_json_help"))


class UnusableInput(Exception):
    """A TEXT or line of input that is not classified: ``where`` (``<stdin>:3``), and why."""

    def __init__(self, where: str, message: str) -> None:
        self.where = where
        self.message = message
        super().__init__(f"{where}: {message}")


def run(args: argparse.Namespace) -> int:
    """Classify each TEXT, or each line of standard input, and print the answers.

    A text longer than an item may be in a plan, or not UTF-8, is refused (exit 2) with
    one line naming it; from standard input the lines before it are answered.
    """
    from model.classify import classify  # the classifier's tables load only when used

    from_stdin = not args.texts
    out = sys.stdout
    if isinstance(out, io.TextIOWrapper):
        out.reconfigure(errors="replace")  # never a traceback on a narrow terminal encoding
    try:
        lines = _stdin_lines() if from_stdin else _checked_texts(args.texts)
        write = _json_line if args.json else _table(out)
        for line in lines:
            out.write(write(line, classify(line)))
            if from_stdin:
                out.flush()  # answer each line as it arrives when used in a pipe
    except UnusableInput as error:
        print_error(str(error))
        return 2
    return 0


def _checked_texts(texts: list[str]) -> list[str]:
    """The TEXT arguments, after making sure every one of them can be classified."""
    for number, text in enumerate(texts, start=1):
        where = t("classify.cli_argument", number=number)
        if len(text) > MAX_TEXT_CHARS:
            raise UnusableInput(where, t("classify.cli_too_long", limit=MAX_TEXT_CHARS))
        try:
            text.encode("utf-8")
        except UnicodeEncodeError:  # bytes the locale could not decode, kept as surrogates
            raise UnusableInput(where, t("classify.cli_not_utf8")) from None
    return texts


def _stdin_lines() -> Iterator[str]:
    """Standard input, one item per line, decoded as UTF-8 whatever the locale says.

    Raises :class:`UnusableInput` at a line that is not UTF-8 or is longer than any text
    in a plan may be (:data:`model.limits.MAX_TEXT_CHARS`: the classifier's time grows
    with the square of a line's length), having read no more of it than that limit.
    """
    if sys.stdin is None:  # standard input closed (`<&-`): nothing to read
        return
    stream = sys.stdin.buffer
    most = 4 * MAX_TEXT_CHARS + 2  # bytes: UTF-8 takes at most 4 a character, then \r\n
    for number in itertools.count(1):
        where = f"{t('classify.cli_stdin')}:{number}"
        try:
            raw = stream.readline(most + 1)
        except OSError as error:
            raise UnusableInput(where, t("core.os_error", detail=error.strerror or error)) from None
        if not raw:
            return
        if len(raw) > most:
            raise UnusableInput(where, t("classify.cli_too_long", limit=MAX_TEXT_CHARS))
        try:
            text = raw.decode("utf-8").rstrip("\r\n")
        except UnicodeDecodeError as error:
            where += f":{error.start + 1}"
            raise UnusableInput(where, t("classify.cli_not_utf8")) from None
        if len(text) > MAX_TEXT_CHARS:
            raise UnusableInput(where, t("classify.cli_too_long", limit=MAX_TEXT_CHARS))
        yield text


def _json_line(text: str, result: Classification) -> str:
    record = {
        "text": text,
        "kind": result.kind,
        "confidence": result.confidence,
        "reasons": result.reason_texts(),
    }
    return json_text(record, indent=None) + "\n"


def wrap(text: str, width: int) -> list[str]:
    """``text`` broken into lines of at most ``width`` terminal cells (at spaces, or
    between Chinese characters); a single piece longer than ``width`` stays whole."""
    lines: list[str] = []
    current, used = "", 0
    for piece in _PIECES.findall(text):
        size = display_width(piece.rstrip())
        if current and used + size > width:
            lines.append(current.rstrip())
            current, used = "", 0
            piece = piece.lstrip()
        current += piece
        used = display_width(current)
    if current.strip() or not lines:
        lines.append(current.rstrip())
    return lines


def _table(out) -> Callable[[str, Classification], str]:
    """A writer of table rows; it prints the header first, once."""
    import shutil

    from model.plan import ITEM_KINDS
    from model.vocab import kind_label

    width = max(40, shutil.get_terminal_size((80, 24)).columns)
    labels = {kind: kind_label(kind) for kind in ITEM_KINDS}
    guesses = {kind: t("classify.cli_guess", kind=label) for kind, label in labels.items()}
    kind_header, confidence_header = t("classify.column_kind"), t("classify.column_confidence")
    kind_width = max(display_width(kind_header), *(display_width(g) for g in guesses.values()))
    confidence_width = max(display_width(confidence_header), 4)
    text_column = kind_width + confidence_width + 4
    out.write(
        f"{pad(kind_header, kind_width)}  {pad(confidence_header, confidence_width)}  "
        f"{t('classify.column_text')}\n"
    )

    def row(text: str, result: Classification) -> str:
        empty = not text.strip()
        kind = "-" if empty else (labels if result.confident else guesses)[result.kind]
        confidence = f"{result.confidence:.2f}".rjust(confidence_width)
        first, *rest = wrap(printable(text), width - text_column) if not empty else [""]
        lines = [f"{pad(kind, kind_width)}  {confidence}  {first}".rstrip()]
        lines += [" " * text_column + more for more in rest]
        lines += _reasons(result.reason_texts(), width)
        return "\n".join(lines) + "\n"

    return row


def _reasons(texts: Iterable[str], width: int) -> list[str]:
    """Each reason as a bullet, wrapped under its own text."""
    lines = []
    for text in texts:
        first, *rest = wrap(printable(text), width - len(REASON_INDENT) - 2)
        lines.append(f"{REASON_INDENT}- {first}")
        lines += [f"{REASON_INDENT}  {more}" for more in rest]
    return lines
