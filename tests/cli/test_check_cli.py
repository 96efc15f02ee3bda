"""``okr check``: one line per finding, --verbose, --format json, --date, exit status 0, 1 or 2."""

from __future__ import annotations

import json
import re
from pathlib import Path

from tests.conftest import EXAMPLE_PLANS, PLANS, run_okr

FINDING_LINE = re.compile(
    r"^(?P<file>.+?\.toml): (?P<step>objective|north_star|kpis|formulas|baselines|review): "
    r"(?P<severity>error|warning|hint): (?P<path>\S+): (?P<message>.+)$"
)

PLAN_WITH_PROBLEMS = """\
schema = 1

[inputs.orders]
unit = "count"

[inputs."MQL數"]

[[kpis]]
id = "conversion"
formula = "orders / visitors"

[[kpis]]
id = "mql_rate"
formula = "MQL數 / 全部名單數"

[[kpis]]
id = "broken"
formula = "orders / (visitors"

[[kpis]]
id = "empty"
"""


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, "utf-8")
    return path


def findings(stdout: str) -> list[re.Match]:
    return [m for m in map(FINDING_LINE.match, stdout.splitlines()) if m]


def test_example_plans_pass_and_only_the_deliberate_tracking_warning_is_shown():
    result = run_okr("check", *map(str, EXAMPLE_PLANS))
    assert (result.returncode, result.stderr) == (0, "")
    found = findings(result.stdout)
    assert [(m["step"], m["severity"], m["path"]) for m in found] == [
        ("baselines", "warning", "kpis.cac.guardrail.max")
    ]
    assert "cac: guardrail crossed on 2026-01-31, $740 is above the ceiling of $700" in (
        result.stdout
    )
    saas = str(PLANS / "saas-growth.toml")
    assert result.stdout.splitlines()[-1] == (
        f"{saas}: 0 errors, 1 warning, 0 hints; 1 silenced by [[ignore]]"
    )


def test_each_undeclared_input_and_syntax_error_is_one_line(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", PLAN_WITH_PROBLEMS)
    result = run_okr("check", str(plan))
    assert result.returncode == 1
    assert result.stderr == ""
    formula_lines = [line for line in result.stdout.splitlines() if ".formula: " in line]
    assert formula_lines == [
        f"{plan}: formulas: error: kpis.conversion.formula:"
        " uses 'visitors', which is not declared in [inputs]",
        f"{plan}: formulas: error: kpis.mql_rate.formula:"
        " uses '全部名單數', which is not declared in [inputs]",
        f"{plan}: formulas: error: kpis.broken.formula: this '(' is never closed (at character 10)",
        f"{plan}: formulas: error: kpis.empty.formula: empty has no formula",
    ]


def test_every_output_line_is_a_finding_or_the_summary(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", PLAN_WITH_PROBLEMS)
    lines = run_okr("check", str(plan)).stdout.splitlines()
    assert all(FINDING_LINE.match(line) for line in lines[:-1])
    assert re.fullmatch(
        rf"{re.escape(str(plan))}: \d+ errors, \d+ warnings?, \d+ hints?", lines[-1]
    )


def test_findings_come_in_step_order(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", PLAN_WITH_PROBLEMS)
    steps = [m["step"] for m in findings(run_okr("check", str(plan)).stdout)]
    order = ["objective", "north_star", "kpis", "formulas", "baselines", "review"]
    assert steps == sorted(steps, key=order.index)
    assert steps[0] == "objective" and "baselines" in steps


def test_messages_follow_the_language_but_step_and_severity_do_not(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", PLAN_WITH_PROBLEMS)
    result = run_okr("check", str(plan), env={"OKR_LANG": "zh-TW"})
    assert result.returncode == 1
    assert (
        f"{plan}: formulas: error: kpis.mql_rate.formula:"
        " 用到 '全部名單數',但它沒有在 [inputs] 中宣告"
    ) in result.stdout.splitlines()
    assert f"{plan}: kpis: error: kpis.empty.owner: empty 沒有負責人" in result.stdout
    # the summary is "file: counts" like the findings, never "file:0 ..." (a line number)
    assert result.stdout.splitlines()[-1].startswith(f"{plan}: ")


def test_verbose_adds_the_fix_and_the_check_id_under_each_finding(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", PLAN_WITH_PROBLEMS)
    lines = run_okr("check", "--verbose", str(plan)).stdout.splitlines()
    index = lines.index(f"{plan}: kpis: error: kpis.empty.owner: empty has no owner")
    assert lines[index + 1].startswith("    fix: Name the person or team who owns the KPI")
    assert lines[index + 2].startswith(
        '    check: kpi.owner (to accept it, add an [[ignore]] entry with check = "kpi.owner",'
        ' path = "kpis.empty.owner"'
    )


def test_verbose_offers_no_ignore_recipe_for_a_finding_ignore_cannot_accept(tmp_path: Path):
    text = (PLANS / "ecommerce-revenue.toml").read_text("utf-8")
    plan = write(tmp_path, "typo.toml", text + '\n[[ignore]]\ncheck = "kpi.ownr"\nreason = "x"\n')
    lines = run_okr("check", "--verbose", str(plan)).stdout.splitlines()
    index = next(i for i, line in enumerate(lines) if "ignore[0].check" in line)
    assert lines[index + 1].startswith("    fix: Correct the check id")
    assert (
        lines[index + 2] == "    check: ignore.unknown_check (an [[ignore]] entry cannot accept it)"
    )
    assert "to accept it" not in "\n".join(lines)


def test_json_has_every_finding_with_fixed_codes_and_translated_messages(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", PLAN_WITH_PROBLEMS)
    result = run_okr("check", "--format", "json", "--lang", "zh-TW", str(plan))
    assert result.returncode == 1
    data = json.loads(result.stdout)
    (entry,) = data["plans"]
    assert entry["file"] == str(plan)
    owner = next(f for f in entry["findings"] if f["path"] == "kpis.empty.owner")
    assert owner == {
        "check": "kpi.owner",
        "severity": "error",
        "step": "kpis",
        "path": "kpis.empty.owner",
        "message": "empty 沒有負責人",
        "fix": "寫下負責這個 KPI 的人或團隊,例如「成長組(陳怡君)」。",
    }
    assert entry["errors"] == sum(f["severity"] == "error" for f in entry["findings"])


def test_json_reports_silenced_findings_with_their_reason():
    result = run_okr("check", "--format", "json", str(PLANS / "saas-growth.toml"))
    (entry,) = json.loads(result.stdout)["plans"]
    assert [(s["check"], s["path"]) for s in entry["silenced"]] == [
        ("kpi.guardrail_side", "kpis.cac.guardrail.max")
    ]
    assert entry["silenced"][0]["reason"].startswith("Finance caps CAC at $700")


def test_an_ignore_entry_silences_and_a_stale_one_is_a_hint(tmp_path: Path):
    text = (PLANS / "ecommerce-revenue.toml").read_text("utf-8")
    text = text.replace('owner = "CRM team (Lena Vogel)"\n', "")
    silenced = write(
        tmp_path,
        "silenced.toml",
        text + '\n[[ignore]]\ncheck = "kpi.owner"\npath = "kpis.repurchase_rate"\n'
        'reason = "The CRM lead starts in May"\n'
        '\n[[ignore]]\ncheck = "kpi.ownr"\nreason = "typo"\n',
    )
    result = run_okr("check", str(silenced))
    assert result.returncode == 0, result.stdout
    assert [(m["severity"], m["path"], m["message"]) for m in findings(result.stdout)] == [
        (
            "hint",
            "ignore[1].check",
            "[[ignore]] names 'kpi.ownr', which is not a check; did you mean 'kpi.owner'?",
        )
    ]
    assert result.stdout.splitlines()[-1].endswith(
        "0 errors, 0 warnings, 1 hint; 1 silenced by [[ignore]]"
    )


def test_an_ignore_entry_cannot_accept_a_formula_that_can_never_be_computed(tmp_path: Path):
    text = (PLANS / "ecommerce-revenue.toml").read_text("utf-8")
    text = text.replace("add_to_cart_sessions / sessions", "add_to_cart_sessions / 0")
    assert "add_to_cart_sessions / 0" in text
    plan = write(
        tmp_path,
        "accepted.toml",
        text + '\n[[ignore]]\ncheck = "kpi.formula_zero_divisor"\npath = ""\nreason = "later"\n',
    )
    result = run_okr("check", str(plan))
    assert result.returncode == 1, result.stdout
    found = [(m["severity"], m["path"]) for m in findings(result.stdout)]
    assert ("error", "kpis.add_to_cart_rate.formula") in found
    assert ("warning", "ignore[0].check") in found
    assert (
        "[[ignore]] of kpi.formula_zero_divisor has no effect: that check's findings leave"
        " the plan unusable as written, so they cannot be accepted"
    ) in result.stdout
    assert "silenced" not in result.stdout.splitlines()[-1]


def test_a_stretch_from_a_baseline_written_up_from_is_a_hint(tmp_path: Path):
    text = (PLANS / "ecommerce-revenue.toml").read_text("utf-8")
    kgi = 'kgi = "Monthly online revenue of $450,000 by 2026-06-30, up from $330,000"'
    assert kgi in text
    stretch = write(
        tmp_path, "stretch.toml", text.replace(kgi, kgi.replace("$450,000", "$900,000"))
    )
    result = run_okr("check", str(stretch))
    assert result.returncode == 0, result.stderr
    assert (
        "objective",
        "hint",
        "objective.kgi",
        "the target is 2.73× the baseline ($900,000 by 2026-06-30, up from $330,000): a stretch;"
        " check it is reachable. Targets are usually 1.2 to 1.5×",
    ) in [(m["step"], m["severity"], m["path"], m["message"]) for m in findings(result.stdout)]


def test_overdue_check_ins_are_reported_for_a_day_given_with_date():
    plan = str(PLANS / "saas-growth.toml")
    result = run_okr("check", "--date", "2026-03-10", plan)
    assert result.returncode == 0
    assert (
        f"{plan}: baselines: warning: kpis.ltv_to_cac.cadence:"
        " ltv_to_cac: check-in overdue since 2026-02-28 (10 days)"
    ) in result.stdout.splitlines()


def test_a_bad_date_is_exit_2():
    result = run_okr("check", "--date", "31/01/2026", str(PLANS / "saas-growth.toml"))
    assert result.returncode == 2
    assert result.stderr.startswith("okr: ") and "YYYY-MM-DD" in result.stderr


def test_an_unreadable_plan_is_exit_2_and_the_others_are_still_checked(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", PLAN_WITH_PROBLEMS)
    broken = write(tmp_path, "broken.toml", 'title = "unterminated\n')
    missing = tmp_path / "missing.toml"
    result = run_okr("check", str(missing), str(broken), str(plan))
    assert result.returncode == 2
    assert findings(result.stdout) and all(m["file"] == str(plan) for m in findings(result.stdout))
    errors = result.stderr.splitlines()
    assert errors[0] == f"okr: {missing}: no such file"
    assert errors[1].startswith(f"okr: {broken}:1:")
    assert "Traceback" not in result.stderr


def test_an_unreadable_plan_in_json_is_listed_with_its_error(tmp_path: Path):
    broken = write(tmp_path, "broken.toml", 'title = "unterminated\n')
    result = run_okr("check", "--format", "json", str(broken))
    assert result.returncode == 2
    (entry,) = json.loads(result.stdout)["plans"]
    assert entry["file"] == str(broken) and entry["error"].startswith(f"{broken}:1:")


def test_a_plan_that_is_invalid_is_exit_2_with_the_field(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", '[[kpis]]\nid = "a"\nunit = "bananas"\n')
    result = run_okr("check", str(plan))
    assert result.returncode == 2
    assert result.stderr.startswith(f"okr: {plan}:3: kpis.a.unit: 'bananas' is not allowed here")


def test_control_characters_in_a_formula_cannot_reach_the_terminal(tmp_path: Path):
    plan = write(tmp_path, "plan.toml", '[[kpis]]\nid = "a"\nformula = "x\\u001b[31m"\n')
    result = run_okr("check", str(plan))
    assert result.returncode == 1
    assert "\x1b" not in result.stdout
    assert "U+001B" in result.stdout


def test_newlines_in_plan_text_cannot_split_a_finding_line(tmp_path: Path):
    plan = write(
        tmp_path,
        "plan.toml",
        '[[items]]\ntext = "x"\nkind = "key_result"\nkpi = "a\\nplan.toml: kpis: error: fake"\n',
    )
    result = run_okr("check", str(plan))
    lines = result.stdout.splitlines()
    assert all(FINDING_LINE.match(line) for line in lines[:-1])
    assert not any(line.startswith("plan.toml: kpis: error: fake") for line in lines)


def test_check_needs_a_plan():
    result = run_okr("check")
    assert result.returncode == 2


def test_json_stays_valid_and_safe_with_any_character_in_the_plan(tmp_path: Path):
    plan = write(
        tmp_path,
        "plan.toml",
        '[[items]]\ntext = "x"\nkind = "key_result"\nkpi = "a\\u0085b\\u202ec\\u001bd"\n',
    )
    result = run_okr("check", "--format", "json", str(plan))
    assert not any(char in result.stdout for char in "\x85\u202e\x1b")
    findings = json.loads(result.stdout)["plans"][0]["findings"]
    unknown = next(f for f in findings if f["check"] == "item.kpi_unknown")
    assert unknown["message"] == (
        "'x' is linked to 'a\x85b\u202ec\x1bd', which is not a KPI of this plan"
    )


def test_json_outputs_stay_valid_json_with_c1_controls_and_bidi_overrides(tmp_path):
    """Escaping for the terminal must not break JSON: controls become \\u escapes."""
    odd = "x\u0085y\u202e"
    plan = tmp_path / "odd.toml"
    plan.write_text('[[kpis]]\nid = "a"\nname = "x\\u0085y\\u202e"\n', "utf-8")
    for args in (
        ("export", str(plan), "--format", "json"),
        ("classify", "--json", odd),
        ("status", str(plan), "--json"),
        ("check", str(plan), "--format", "json"),
    ):
        result = run_okr(*args)
        assert "\x85" not in result.stdout and "\u202e" not in result.stdout, args
        data = json.loads(result.stdout.splitlines()[0] if "classify" in args else result.stdout)
        if args[0] in ("export", "classify"):
            assert odd in json.dumps(data, ensure_ascii=False), args


def test_a_formula_that_always_divides_by_zero_is_an_error_in_both_languages(tmp_path: Path):
    text = (PLANS / "saas-growth.toml").read_text("utf-8")
    assert text.count('formula = "marketing_spend / new_customers"') == 1
    plan = write(
        tmp_path,
        "plan.toml",
        text.replace(
            'formula = "marketing_spend / new_customers"', 'formula = "marketing_spend / 0"'
        ),
    )
    result = run_okr("check", "--verbose", str(plan))
    assert result.returncode == 1
    lines = result.stdout.splitlines()
    index = lines.index(
        f"{plan}: formulas: error: kpis.cac.formula: cannot divide by zero: the formula"
        " divides by 0, so it can never be computed (at character 19)"
    )
    assert lines[index + 2].startswith("    check: kpi.formula_zero_divisor ")
    result = run_okr("check", "--lang", "zh-TW", str(plan))
    assert (
        f"{plan}: formulas: error: kpis.cac.formula:"
        " 無法除以零:公式除以 0,不論輸入什麼數值都無法計算(第 19 個字元)"
    ) in result.stdout.splitlines()
    folded = write(tmp_path, "folded.toml", text.replace('/ new_customers"', '/ (2 - 2)"', 1))
    assert (
        f"{folded}: formulas: error: kpis.cac.formula: cannot divide by zero: (2 - 2) is"
        " always 0, so the formula can never be computed (at character 19)"
    ) in run_okr("check", str(folded)).stdout.splitlines()


def _with_value(text: str, kpi: str, field: str, value: str) -> str:
    """``text`` (a plan) with ``field = value`` in the KPI ``kpi``."""
    start = text.index(f'id = "{kpi}"')
    line = text.index(f"\n{field} = ", start) + 1
    return text[:line] + f"{field} = {value}" + text[text.index("\n", line) :]


def test_a_negative_rate_or_count_is_a_warning_not_a_percent_scale_hint(tmp_path: Path):
    saas = (PLANS / "saas-growth.toml").read_text("utf-8")
    plan = write(tmp_path, "saas.toml", _with_value(saas, "trial_to_paid", "target", "-5"))
    result = run_okr("check", "--verbose", str(plan))
    assert "more than 100%" not in result.stdout
    lines = result.stdout.splitlines()
    index = lines.index(
        f"{plan}: baselines: warning: kpis.trial_to_paid.target: trial_to_paid: the target"
        " -500% is below zero, but a rate or a share is never negative (only a change, such"
        " as growth, can be), and its formula has no subtraction that could make it so"
    )
    assert lines[index + 2].startswith("    check: kpi.negative_value ")
    zh = (PLANS / "content-leads.zh-TW.toml").read_text("utf-8")
    plan = write(tmp_path, "zh.toml", _with_value(zh, "organic_sessions", "baseline", "-40000"))
    result = run_okr("check", "--lang", "zh-TW", str(plan))
    assert result.returncode == 0  # a warning: the plan still passes
    assert (
        f"{plan}: baselines: warning: kpis.organic_sessions.baseline: organic_sessions:"
        "基準值 -40,000 低於零,但數量不會是負的,而且公式中沒有會讓它變成負數的減法"
    ) in result.stdout.splitlines()


def test_a_plan_that_passes_gets_its_summary_line_too():
    # okr check on several plans printed nothing at all for the ones that passed, so a CI
    # log could not tell which plans had been checked.
    ecommerce = str(PLANS / "ecommerce-revenue.toml")
    chinese = str(PLANS / "content-leads.zh-TW.toml")
    result = run_okr("check", ecommerce, chinese)
    assert (result.returncode, result.stderr) == (0, "")
    assert result.stdout.splitlines() == [
        f"{ecommerce}: 0 errors, 0 warnings, 0 hints",
        f"{chinese}: 0 errors, 0 warnings, 0 hints",
    ]
    result = run_okr("check", "--lang", "zh-TW", ecommerce)
    assert result.stdout.splitlines() == [f"{ecommerce}: 0 個錯誤、0 個警告、0 個建議"]


def test_a_currency_that_is_no_code_is_a_warning(tmp_path: Path):
    # A typo in the currency was taken silently and printed before every amount.
    text = (PLANS / "ecommerce-revenue.toml").read_text("utf-8")
    plan = write(tmp_path, "plan.toml", text.replace('currency = "USD"', 'currency = "dollars"'))
    result = run_okr("check", str(plan))
    assert result.returncode == 0
    assert (
        f"{plan}: baselines: warning: currency: the currency 'dollars' is not a currency code"
        " such as USD or TWD"
    ) in result.stdout.splitlines()
    lower = write(tmp_path, "lower.toml", text.replace('currency = "USD"', 'currency = "usd"'))
    assert "plan.currency" not in run_okr("check", "--verbose", str(lower)).stdout
