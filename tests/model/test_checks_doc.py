"""docs/checks.md is generated from the check registry and must match it."""

from __future__ import annotations

from model.checks import CHECKS
from model.checks.doc import render_checks_doc
from model.i18n import set_language, t
from tests.conftest import ROOT


def test_committed_reference_matches_the_checks():
    committed = (ROOT / "docs" / "checks.md").read_text("utf-8")
    assert committed == render_checks_doc(), "run: python -m model.checks.doc > docs/checks.md"


def test_every_check_is_documented_with_what_it_asks_and_how_to_fix_it():
    reference = render_checks_doc()
    for check in CHECKS.values():
        assert f"| `{check.id}` | {check.severity} |" in reference
        for language in ("en", "zh-TW"):
            set_language(language)
            assert t(check.about).strip() and t(check.fix).strip()  # no placeholders left
        set_language("en")


def test_check_ids_are_stable_looking_names():
    for check_id in CHECKS:
        scope, _, name = check_id.partition(".")
        assert scope and name and check_id == check_id.lower() and " " not in check_id
