"""The reference of every method check, generated from the registry.

``python -m model.checks.doc > docs/checks.md`` rewrites it; a test fails when the
committed file and the checks disagree, so the documentation cannot drift.
"""

from __future__ import annotations

from model.checks import CHECKS, STEPS
from model.i18n import get_language, set_language, t
from model.inputs import join_list

_STEP_TITLES = {
    "objective": "Step 1: objective (and the key results and initiatives under it)",
    "north_star": "Step 2: north star",
    "kpis": "Step 3: core KPIs",
    "formulas": "Step 4: formulas and data sources",
    "baselines": "Step 5: baselines, targets, guardrails, cadence (and tracking)",
    "review": "Review: check-ins and [[ignore]] entries",
}

_INTRO = """\
# Method checks

`okr check`, the exports and the app's Review step hold a plan against the method's
checklist with the checks below. This page is generated from the checks themselves
(`model/checks/`) by `python -m model.checks.doc`.

## Severities

- **error**: the plan does not pass the method's checklist (SMART objective with a KGI
  and a deadline; one north star and 3 to 5 core KPIs; every KPI with a formula, data
  source, baseline, target, guardrail, cadence, owner and breach action; leading and
  lagging indicators paired; at least one key result) or is inconsistent (a key result
  linked to a KPI that does not exist, a target on the wrong side of the baseline).
  `okr check` exits with status 1.
- **warning**: something a reviewer should look at; it does not fail the check.
  Crossed guardrails and overdue check-ins are warnings: they are about tracking, not
  about whether the plan is sound, so a plan that is being tracked still passes CI.
- **hint**: a suggestion (targets outside 1.2-1.5x, a gap in the funnel, a line the
  classifier reads as another kind than it is saved as).

## Output

```text
plans/q1.toml: kpis: error: kpis.cac.owner: cac has no owner
plans/q1.toml: formulas: warning: kpis.cac.definition: cac has no definition
plans/q1.toml: 1 error, 1 warning, 0 hints
```

Each finding is `<file>: <step>: <severity>: <field>: <message>`; the step and severity
are fixed English words (grep for `: error: ` in any language), the message follows
`--lang`. `okr check --verbose` adds how to fix each finding and its check id;
`--format json` prints the findings (and the silenced ones, with their reasons) as data.
Field paths name a KPI by its id (`kpis.cac.target`) unless two KPIs share it
(`kpis[2].id`); items, check-ins and `[[ignore]]` entries by position from 0
(`items[3].kind`).

Overdue check-ins are reported while the plan's period is open, or as of the day given
with `okr check --date YYYY-MM-DD` (then also after the period: a KPI without its closing
value is reported as such, not as overdue).

## Accepting a finding: `[[ignore]]`

When a finding does not apply, record that in the plan, with the reason:

```toml
[[ignore]]
check = "kpi.guardrail_side"          # the check id (okr check --verbose prints it)
path = "kpis.cac.guardrail.max"       # the field, or a prefix: "kpis.cac"; "" = everywhere
reason = "Finance caps CAC at $700 this quarter; we start above the cap on purpose"
```

The entry silences that check on that field and every field under it (`kpis.cac`
covers `kpis.cac.target` and `kpis.cac.guardrail.max`, not `kpis.cac_old`); an empty
path silences the check in the whole plan. The reason is required. Silenced findings
are counted in `okr check`'s summary line and listed with their reasons in its JSON and
in the exports. An entry that no longer silences anything is reported as a hint
(`ignore.unused`), and one naming a check that does not exist as another
(`ignore.unknown_check`, with the closest id); neither can be silenced. Entries for the
tracking checks (`tracking.*`) are never called stale, since whether they match changes
with every check-in.

Some findings cannot be accepted, because they leave the plan unusable as written: a
formula that does not parse, reads an undeclared input or always divides by zero, a KPI
id used twice, a key result linked to a KPI that does not exist. These checks are
{UNACCEPTABLE}.
Their findings are reported whatever the plan's `[[ignore]]` entries say, and an entry
naming one of them is reported as a warning (`ignore.not_allowed`).

## The checks
"""


def render_checks_doc() -> str:
    """The whole Markdown reference of the checks, in English."""
    language = get_language()
    set_language("en")
    try:
        unacceptable = [  # (the ignore.* checks are about the entries themselves)
            check.id
            for check in CHECKS.values()
            if not check.ignorable and not check.id.startswith("ignore.")
        ]
        listed = join_list([f"`{check_id}`" for check_id in unacceptable])
        out = [_INTRO.replace("{UNACCEPTABLE}", listed)]
        for step in STEPS:
            checks = [check for check in CHECKS.values() if check.step == step]
            if not checks:
                continue
            out.append(f"\n### {_STEP_TITLES[step]}\n\n")
            out.append(
                "| check | severity | what it asks | how to fix |\n| --- | --- | --- | --- |\n"
            )
            for check in checks:
                about = t(check.about).replace("|", "\\|")
                fix = t(check.fix).replace("|", "\\|")
                if check.id in unacceptable:
                    fix += " Cannot be accepted with `[[ignore]]`."
                out.append(f"| `{check.id}` | {check.severity} | {about} | {fix} |\n")
        return "".join(out)
    finally:
        set_language(language)


if __name__ == "__main__":
    print(render_checks_doc(), end="")
