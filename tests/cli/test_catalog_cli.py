"""``okr catalog``: list and search the KPI catalog, as a table or JSON."""

from __future__ import annotations

import json

from model.catalog import catalog_entries
from model.textwidth import display_width
from tests.conftest import run_okr


def column_starts(line: str, cells: list[str]) -> list[int]:
    """Display columns where each of ``cells`` starts in ``line``."""
    starts, position = [], 0
    for cell in cells:
        index = line.index(cell, position)
        starts.append(display_width(line[:index]))
        position = index + len(cell)
    return starts


def test_lists_every_entry_in_an_aligned_table():
    result = run_okr("catalog")
    assert result.returncode == 0 and result.stderr == ""
    lines = result.stdout.splitlines()
    entries = catalog_entries()
    assert len(lines) == len(entries) + 1
    assert lines[0].split() == ["ID", "NAME", "UNIT", "FORMULA"]
    header = column_starts(lines[0], ["ID", "NAME", "UNIT", "FORMULA"])
    for line, entry in zip(lines[1:], entries, strict=True):
        assert column_starts(line, [entry.id, entry.name.en, "", entry.formula])[1] == header[1]
        assert line.endswith(entry.formula)
        assert display_width(line[: line.rindex(entry.formula)]) == header[3]


def test_searches_in_chinese_and_aligns_wide_characters():
    result = run_okr("catalog", "--lang", "zh-TW", "轉換率")
    assert result.returncode == 0
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["代號", "名稱", "單位", "公式"]
    assert lines[1].split()[:3] == ["conversion_rate", "轉換率", "百分比"]
    formula_column = column_starts(lines[0], ["公式"])[0]
    for line in lines[1:]:
        formula = line.split("  ")[-1].strip()
        assert display_width(line[: line.rindex(formula)]) == formula_column


def test_a_query_of_several_words_and_an_alias():
    result = run_okr("catalog", "checkout", "conversion")
    assert result.stdout.splitlines()[1].split()[0] == "checkout_conversion"
    assert run_okr("catalog", "客單價").stdout.splitlines()[1].split()[0] == "aov"
    assert run_okr("catalog", "转化率").stdout.splitlines()[1].split()[0] == "conversion_rate"


def test_json_output_has_both_languages_and_the_inputs():
    result = run_okr("catalog", "--json", "conversion")
    assert result.returncode == 0
    data = json.loads(result.stdout)
    assert data[0]["id"] == "conversion_rate"
    assert data[0]["name"] == {"en": "Conversion rate", "zh-TW": "轉換率"}
    assert data[0]["formula"] == "conversions / unique_visitors"
    assert set(data[0]["inputs"]) == {"conversions", "unique_visitors"}
    assert data[0]["inputs"]["conversions"]["unit"] == "count"
    assert set(data[0]) >= {"unit", "direction", "indicator", "funnel_stage", "area", "aliases"}


def test_json_of_the_whole_catalog_and_of_no_match():
    assert len(json.loads(run_okr("catalog", "--json").stdout)) == len(catalog_entries())
    result = run_okr("catalog", "--json", "no-such-kpi-anywhere")
    assert (result.returncode, json.loads(result.stdout), result.stderr) == (1, [], "")


def test_no_match_says_so_on_stderr_and_exits_1():
    result = run_okr("catalog", "no-such-kpi-anywhere")
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == "okr: no KPI in the catalog matches 'no-such-kpi-anywhere'\n"


def test_a_narrow_terminal_puts_formulas_on_their_own_lines():
    result = run_okr("catalog", "--lang", "zh-TW", env={"COLUMNS": "80"})
    lines = result.stdout.splitlines()
    assert all(display_width(line) <= 80 for line in lines)
    assert lines[0].split() == ["代號", "名稱", "單位"]
    assert lines[1].split()[0] == "branded_search_traffic"
    assert lines[2] == "    branded_search_sessions"
    perfect = lines.index(next(line for line in lines if line.startswith("perfect_order_index")))
    assert lines[perfect + 1].startswith("    on_time_delivery_rate *")
    assert lines[perfect + 2].startswith("      ")


def test_help_lists_the_new_commands():
    result = run_okr("--help")
    assert "catalog" in result.stdout and "check" in result.stdout
    assert "--json" in run_okr("catalog", "--help").stdout


def test_a_query_matching_nothing_is_echoed_short_and_escaped():
    """A pasted 100,000-character query was echoed whole in the one-line error."""
    result = run_okr("catalog", "\x1b[31m" + "x" * 100_000)
    assert (result.returncode, result.stdout) == (1, "")
    # 80 cells as shown: the escape "\\x1b" counts as the four it takes on the screen
    assert result.stderr == "okr: no KPI in the catalog matches '\\x1b[31m" + "x" * 71 + "…'\n"
