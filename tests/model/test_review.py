"""The review step's model: findings in review order, silencing one with a reason, and
the field path each finding jumps to."""

from __future__ import annotations

import datetime as dt

import pytest

from model.checks import SEVERITIES, run_checks
from model.edit import EditError
from model.i18n import set_language
from model.plan import Ignore, Kpi
from model.review import can_silence, jump_path, review_order, silence
from model.store import dumps_plan, load_plan
from tests.conftest import EXAMPLE_PLANS

TODAY = dt.date(2026, 2, 15)


def _broken_plan():
    plan = load_plan(EXAMPLE_PLANS[0])
    plan.objective.kgi = ""  # an error
    plan.kpis[1].owner = ""  # a warning or an error, whichever the method says
    return plan


def test_errors_come_first_then_warnings_then_hints_each_in_step_order():
    report = run_checks(_broken_plan(), TODAY)
    ordered = review_order(report.findings)
    ranks = [SEVERITIES.index(f.severity) for f in ordered]
    assert ranks == sorted(ranks)
    assert ordered[0].path == "objective.kgi"
    for severity in SEVERITIES:
        same = [f for f in ordered if f.severity == severity]
        assert same == [f for f in report.findings if f.severity == severity]


def test_silencing_adds_an_ignore_entry_that_the_checks_honour_and_the_file_keeps():
    plan = _broken_plan()
    finding = next(f for f in run_checks(plan, TODAY).findings if f.path == "objective.kgi")
    entry = silence(plan, finding, "  the KGI is set   by the board \n")
    assert (entry.check, entry.path, entry.reason) == (
        finding.check,
        "objective.kgi",
        "the KGI is set by the board",
    )
    report = run_checks(plan, TODAY)
    assert all(f.path != "objective.kgi" for f in report.findings)
    assert [s.ignore.reason for s in report.silenced if s.finding.path == "objective.kgi"] == [
        "the KGI is set by the board"
    ]
    text = dumps_plan(plan)
    assert "[[ignore]]" in text and 'reason = "the KGI is set by the board"' in text


@pytest.mark.parametrize("reason", ["", "   \n"])
def test_a_blank_reason_silences_nothing(reason):
    plan = _broken_plan()
    finding = run_checks(plan, TODAY).findings[0]
    before = list(plan.ignore)
    with pytest.raises(EditError, match="reason is needed"):
        silence(plan, finding, reason)
    assert plan.ignore == before


def test_a_reason_too_long_silences_nothing():
    plan = _broken_plan()
    finding = run_checks(plan, TODAY).findings[0]
    with pytest.raises(EditError):
        silence(plan, finding, "x" * 100_000)


def test_findings_about_ignore_entries_cannot_be_silenced():
    plan = load_plan(EXAMPLE_PLANS[0])
    plan.ignore = [*plan.ignore, Ignore(check="no.such_check", reason="typo")]
    finding = next(f for f in run_checks(plan, TODAY).findings if f.check.startswith("ignore."))
    assert not can_silence(finding)
    set_language("zh-TW")
    with pytest.raises(EditError, match="ignore"):
        silence(plan, finding, "because")


def test_a_formula_that_can_never_be_computed_cannot_be_silenced():
    plan = load_plan(EXAMPLE_PLANS[0])
    plan.kpis[0].formula = "(" + plan.kpis[0].formula
    finding = next(f for f in run_checks(plan, TODAY).findings if f.check == "kpi.formula_syntax")
    assert not can_silence(finding)
    before = list(plan.ignore)
    with pytest.raises(EditError, match="cannot be accepted"):
        silence(plan, finding, "later")
    assert plan.ignore == before


def test_a_kpi_finding_jumps_by_id_and_a_repeated_id_by_position():
    plan = _broken_plan()
    finding = next(f for f in run_checks(plan, TODAY).findings if f.path.endswith(".owner"))
    assert jump_path(plan, finding) == f"kpis.{plan.kpis[1].id}.owner"
    plan.kpis.append(Kpi(id=plan.kpis[0].id, name="copy"))
    duplicate = next(f for f in run_checks(plan, TODAY).findings if f.path.startswith("kpis["))
    index = duplicate.loc[1]
    assert jump_path(plan, duplicate).startswith(f"kpis[{index}]")


def test_an_input_finding_jumps_to_its_field_under_the_formula_reading_it():
    plan = load_plan(EXAMPLE_PLANS[0])
    reader = next(k for k in plan.kpis if k.formula.strip())
    from model.inputs import formula_inputs

    name = sorted(formula_inputs(reader))[0]
    plan.inputs[name].source = ""
    findings = [f for f in run_checks(plan, TODAY).findings if f.loc[:2] == ("inputs", name)]
    assert findings, "a declared input without a source is reported"
    first_reader = next(k for k in plan.kpis if name in formula_inputs(k))
    assert jump_path(plan, findings[0]) == f"kpis.{first_reader.id}.inputs.{name}.source"
