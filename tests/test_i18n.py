"""One message table for every word the planner says, complete in both languages."""

from __future__ import annotations

import ast
import re
import string

import pytest

from model.i18n import LANGUAGES, domain_table, message_domains, resolve_language, t
from tests.conftest import ROOT

SOURCES = sorted([*(ROOT / "model").rglob("*.py"), *(ROOT / "tui").rglob("*.py")])

# Calls whose text reaches the user, and which of their arguments carry that text.
USER_TEXT_CALLS = {
    "Static": "positional",
    "Label": "positional",
    "Button": "positional",
    "Markdown": "positional",
    "notify": "positional",
    "print": "positional",
    "Option": "positional",
    "ListItem": "positional",
    "Binding": 2,  # (key, action, description)
    "SystemCommand": "positional",
    "Hit": None,
    "PlanError": 1,  # (path, message)
    "print_error": "positional",
    "error": "positional",
}
USER_TEXT_KEYWORDS = {
    "description",
    "help",
    "placeholder",
    "title",
    "sub_title",
    "tooltip",
    "label",
    "message",
    "prompt",
    "epilog",
    "usage",
    "help_text",
}
WORDS = re.compile(r"[A-Za-z]{2,}|[\u4e00-\u9fff]")


def _placeholders(text: str) -> set[str]:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def all_messages():
    for domain in message_domains():
        for name, entry in domain_table(domain).items():
            yield f"{domain}.{name}", entry


@pytest.mark.parametrize("key_entry", list(all_messages()), ids=lambda ke: ke[0])
def test_every_message_exists_in_every_language_with_the_same_placeholders(key_entry):
    key, entry = key_entry
    assert isinstance(entry, dict), key
    assert set(entry) == set(LANGUAGES), f"{key} must have exactly {LANGUAGES}"
    texts = [entry[language] for language in LANGUAGES]
    assert all(isinstance(text, str) and text.strip() for text in texts), key
    assert len({frozenset(_placeholders(text)) for text in texts}) == 1, key


SAME_ENGLISH_OTHER_CHINESE = {
    frozenset({"vocab.unit_currency", "steps.field_currency"}),  # a money unit; a currency code
    frozenset({"export.csv_currency", "units.label_currency"}),
    frozenset({"export.column_inputs", "assist.key_inputs"}),  # the inputs' names; their values
    frozenset({"export.csv_expected", "progress.column_expected"}),  # a CSV header says more
    frozenset({"export.csv_guardrail_state", "progress.column_guardrail"}),
}
"""Messages that read the same in English but not in Chinese, on purpose (pairs)."""


def test_a_word_the_planner_uses_in_several_places_reads_the_same_in_chinese():
    """A field's label, the export column and the CSV header for it are one word: a
    reviewer reading the export (or a finding naming the field) meets the app's term.
    The SMART letters and a few columns add their English name in exports."""
    by_english: dict[str, dict[str, str]] = {}
    for key, entry in all_messages():
        by_english.setdefault(entry["en"], {})[key] = entry["zh-TW"]
    differing = []
    for keys in by_english.values():
        plain = {key: zh for key, zh in keys.items() if not re.search(r"[A-Za-z]", zh)}
        if len(set(plain.values())) > 1:
            pairs = {frozenset(pair) for pair in _pairs(plain)}
            differing += [sorted(pair) for pair in pairs - SAME_ENGLISH_OTHER_CHINESE]
    assert differing == []


def _pairs(texts: dict[str, str]):
    keys = sorted(texts)
    return [(a, b) for i, a in enumerate(keys) for b in keys[i + 1 :] if texts[a] != texts[b]]


def _string_constants(tree: ast.AST):
    """Every whole string literal: the pieces of an f-string are not keys on their own
    (``f"checks.about_{key}"``: the keys it builds are checked where they are used)."""
    pieces = {
        id(value)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for value in node.values
    }
    for node in ast.walk(tree):
        if (
            isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and id(node) not in pieces
        ):
            yield node


def test_every_message_key_used_in_the_code_exists():
    domains = set(message_domains())
    key_shape = re.compile(r"^([a-z_]+)\.([a-z0-9_]+)$")
    missing = []
    for path in SOURCES:
        for node in _string_constants(ast.parse(path.read_text("utf-8"))):
            match = key_shape.match(node.value)
            if match and match[1] in domains and match[2] not in domain_table(match[1]):
                missing.append(f"{path.relative_to(ROOT)}:{node.lineno}: {node.value}")
    assert missing == []


def _literal_text(node: ast.AST) -> str:
    if isinstance(node, ast.Constant) and isinstance(node.value, str):
        return node.value
    if isinstance(node, ast.JoinedStr):
        return "".join(_literal_text(v) for v in node.values)
    return ""


def _call_name(call: ast.Call) -> str:
    func = call.func
    return func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")


def find_bypasses(source: str) -> list[tuple[int, str]]:
    """(line, text) of each literal user-facing text in ``source`` that skips ``t()``."""
    found = []
    for call in ast.walk(ast.parse(source)):
        if not isinstance(call, ast.Call):
            continue
        spec = USER_TEXT_CALLS.get(_call_name(call))
        candidates: list[ast.AST] = []
        if spec == "positional":
            candidates += call.args
        elif isinstance(spec, int) and len(call.args) > spec:
            candidates.append(call.args[spec])
        candidates += [k.value for k in call.keywords if k.arg in USER_TEXT_KEYWORDS]
        found += [
            (call.lineno, text) for text in map(_literal_text, candidates) if WORDS.search(text)
        ]
    return found


def test_no_user_facing_string_bypasses_the_message_table():
    offenders = [
        f"{path.relative_to(ROOT)}:{line}: {text!r}"
        for path in SOURCES
        for line, text in find_bypasses(path.read_text("utf-8"))
    ]
    assert offenders == [], "user-facing text must come from t(...)"


def test_the_bypass_scanner_catches_literals_and_allows_messages():
    source = (
        'Static("Hello there")\n'
        'Binding("f1", "help", "Help")\n'
        'Static(t("x.y"), id="main-view")\n'
        'Binding("ctrl+s", "save", t("tui.save"))\n'
        'self.notify(f"Saved {path}")\n'
        'parser.add_argument("--x", help="the x")\n'
        'Input(placeholder="類型")\n'
    )
    assert [line for line, _ in find_bypasses(source)] == [1, 2, 5, 6, 7]


def test_placeholders_are_filled_and_user_text_is_not_reinterpreted():
    assert t("core.unknown_key", key="{evil}") == "unknown key '{evil}'"


@pytest.mark.parametrize(
    ("flag", "environ", "expected"),
    [
        (None, {}, "en"),
        ("zh-TW", {"OKR_LANG": "en"}, "zh-TW"),
        (None, {"OKR_LANG": "zh-TW", "LANG": "en_US.UTF-8"}, "zh-TW"),
        (None, {"OKR_LANG": "zh_TW.UTF-8"}, "zh-TW"),
        (None, {"LANG": "zh_TW.UTF-8"}, "zh-TW"),
        (None, {"LC_ALL": "en_US.UTF-8", "LANG": "zh_TW.UTF-8"}, "en"),
        (None, {"LC_ALL": "zh_HK.UTF-8"}, "zh-TW"),
        (None, {"LANG": "fr_FR.UTF-8"}, "en"),
        (None, {"LANG": "C.UTF-8"}, "en"),
        (None, {"OKR_LANG": "klingon", "LANG": "zh_TW.UTF-8"}, "zh-TW"),
    ],
)
def test_language_choice_order(flag, environ, expected):
    assert resolve_language(flag, environ) == expected


def test_message_files_are_valid_for_every_domain():
    assert {"core", "cli", "tui"} <= set(message_domains())
