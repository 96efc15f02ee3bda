"""The plan-file reference in docs/ is generated from the models and must match them."""

from __future__ import annotations

from model.formatdoc import field_docs, render_format_doc
from model.plan import Kpi, Plan
from tests.conftest import ROOT


def test_committed_reference_matches_the_models():
    committed = (ROOT / "docs" / "plan-format.md").read_text("utf-8")
    assert committed == render_format_doc(), "run: python -m model.formatdoc > docs/plan-format.md"


def test_every_field_is_documented():
    for model in (Plan, Kpi):
        docs = field_docs(model)
        for name in model.model_fields:
            assert docs.get(name), f"{model.__name__}.{name} needs a docstring"
    reference = render_format_doc()
    assert "| `guardrail` |" in reference and "`increase` \\| `decrease`" in reference
