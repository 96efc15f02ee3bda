"""The classifier against the hand-labelled sets in tests/data, and the report in the docs."""

from __future__ import annotations

import pytest

from bench.classify_report import LANGUAGES, SETS, committed, load, render, score
from model.classify import classify
from model.i18n import LANGUAGES as UI_LANGUAGES
from model.i18n import set_language
from model.plan import ITEM_KINDS

REQUIRED = 0.90


@pytest.fixture(scope="module")
def dev():
    return load("dev")


def test_the_dev_set_is_big_varied_and_hard(dev):
    assert len(dev) >= 400
    assert sum(row.kind == "initiative" for row in dev) >= 120
    chinese = [row for row in dev if row.lang != "en"]
    assert len(chinese) >= len(dev) / 3
    assert {"zh-Hant", "zh-Hans", "mixed"} <= {row.lang for row in dev}
    domains = {row.domain for row in dev}
    assert {"marketing", "sales", "product", "engineering", "hr", "procurement"} <= domains
    notes = {tag for row in dev for tag in row.note.split(",")}
    assert {"num-init", "kr-nodigit", "obj-num", "mixed", "seed"} <= notes


def test_no_line_is_in_two_sets():
    seen: dict[str, str] = {}
    for name in SETS:
        for row in load(name):
            assert row.text not in seen, f"{row.text!r} is in {seen.get(row.text)} and {name}"
            seen[row.text] = name


@pytest.mark.parametrize("kind", ITEM_KINDS)
def test_dev_accuracy_per_kind(dev, kind):
    right, total = score(dev).accuracy_of(kind)
    assert right / total >= REQUIRED, f"{kind}: {right}/{total}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_dev_accuracy_per_language(dev, lang):
    right, total = score(dev).language(lang)
    assert right / total >= REQUIRED, f"{lang}: {right}/{total}"


@pytest.mark.parametrize("name", [name for name in SETS if name != "dev"])
def test_accuracy_on_the_other_sets(name):
    result = score(load(name))
    assert result.correct / result.total >= REQUIRED, f"{name}: {result.correct}/{result.total}"


@pytest.mark.parametrize("language", UI_LANGUAGES)
def test_every_reason_for_every_labelled_line_renders(language):
    set_language(language)
    for name in SETS:
        for row in load(name):
            for text in classify(row.text).reason_texts():
                assert text and "{" not in text, (row.text, text)


def test_the_report_in_the_docs_is_what_the_script_prints():
    assert committed() == render(), "run: python -m bench.classify_report --write"
