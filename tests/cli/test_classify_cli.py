"""``okr classify``, run as a user would: arguments, standard input, JSON, languages."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from model.limits import MAX_TEXT_CHARS
from model.textwidth import display_width as cells
from tests.conftest import run_okr


def test_classifies_arguments_in_a_readable_table():
    result = run_okr("classify", "Publish 10 blog posts a month", "Improve our SEO")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].split() == ["kind", "confidence", "line"]
    assert lines[1].split()[:3] == ["initiative", "0.99", "Publish"]
    assert lines[2].strip() == (
        "- starts with the action verb 'Publish': work the team fully controls"
    )
    assert any(line.startswith("objective") and "Improve our SEO" in line for line in lines)


def test_standard_input_answers_every_line_in_order_blank_ones_too():
    given = ["Hire 3 engineers", "", "Zero churned enterprise customers", "開拓海外市場"]
    result = run_okr("classify", "--json", stdin="\n".join(given) + "\n")
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert [r["text"] for r in records] == given
    assert [r["kind"] for r in records] == ["initiative", "key_result", "key_result", "objective"]
    assert records[1]["confidence"] == 0 and records[1]["reasons"] == ["nothing written yet"]
    assert set(records[0]) == {"text", "kind", "confidence", "reasons"}
    assert 0 < records[0]["confidence"] <= 1


def test_json_keeps_chinese_readable_and_reasons_follow_the_language():
    result = run_okr("classify", "--json", "--lang", "zh-TW", "每週舉辦 2 場說明會")
    assert result.returncode == 0, result.stderr
    assert "每週舉辦 2 場說明會" in result.stdout  # not \\u escapes
    record = json.loads(result.stdout)
    assert record["reasons"] == [
        "以行動動詞「舉辦」開頭:這是團隊能完全掌控的工作",
        "指出團隊能掌控的產出:2 場說明會",
    ]


def test_chinese_table_via_okr_lang():
    result = run_okr("classify", "開拓海外市場", env={"OKR_LANG": "zh-TW"})
    assert result.returncode == 0, result.stderr
    header, row, *reasons = result.stdout.splitlines()
    assert header.split() == ["類型", "信心", "內容"]
    assert row.split()[0] == "目標"
    assert "- 指出方向,但沒有可衡量的目標值" in [line.strip() for line in reasons]


def test_the_table_lines_up_wide_characters():
    result = run_okr("classify", "--lang", "zh-TW", "Hire 3 engineers", "零重大資安事件", "SEO")
    rows = [line for line in result.stdout.splitlines()[1:] if not line.lstrip().startswith("-")]
    confidence_columns = set()
    for row in rows:
        number = next(word for word in row.split() if word.replace(".", "").isdigit())
        confidence_columns.add(cells(row[: row.index(number)]))
    assert len(rows) == 3 and len(confidence_columns) == 1


def test_control_characters_are_shown_not_obeyed():
    hostile = "Hire 3 engineers\x1b[2J\x9b31m"
    table = run_okr("classify", stdin=hostile + "\n")
    assert table.returncode == 0
    assert "\x1b" not in table.stdout and "\x9b" not in table.stdout
    assert "\\x1b[2J" in table.stdout
    as_json = run_okr("classify", "--json", stdin=hostile + "\n")
    assert "\x1b" not in as_json.stdout and "\x9b" not in as_json.stdout
    assert json.loads(as_json.stdout)["text"] == hostile


def test_help_lists_the_command():
    assert "classify" in run_okr("--help").stdout
    result = run_okr("classify", "--help")
    assert result.returncode == 0 and "--json" in result.stdout


def test_the_classifier_is_not_loaded_just_to_build_the_command_line():
    code = (
        "import sys\n"
        "from tui.cli import build_parser\n"
        "from tui.commands import command_modules\n"
        "build_parser(command_modules())\n"
        "assert 'model.classify' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_long_lines_and_reasons_wrap_to_the_terminal_width():
    long_line = "於本季結束前,把官網結帳轉化率從 1.1% 提升到 1.6%,每兩週評估一次並保留成交品質"
    result = run_okr("classify", "--lang", "zh-TW", long_line, "SEO", env={"COLUMNS": "50"})
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert all(cells(line) <= 50 for line in lines), [cells(line) for line in lines]
    assert lines[1].startswith("關鍵結果")
    text_parts = [lines[1].split("0.97", 1)[1].strip()]
    for line in lines[2:]:
        if line.lstrip().startswith("- "):
            break
        text_parts.append(line.strip())
    assert len(text_parts) > 1  # the line wrapped, under its own column
    assert "".join(text_parts).replace(" ", "") == long_line.replace(" ", "")


def test_wrap_breaks_at_spaces_and_between_chinese_characters():
    from tui.commands.classify import wrap

    assert wrap("one two three four", 9) == ["one two", "three", "four"]
    assert wrap("開拓海外市場", 6) == ["開拓海", "外市場"]
    assert wrap("提升到 3.5%,每週", 8) == ["提升到", "3.5%,每", "週"]
    assert wrap("", 10) == [""]


def _classify_bytes(data: bytes, *args: str, timeout: float = 60) -> subprocess.CompletedProcess:
    """``okr classify`` reading ``data`` as it is (not necessarily UTF-8) on standard input."""
    from tests.conftest import okr_command

    return subprocess.run(
        [*okr_command(), "classify", *args],
        input=data,
        capture_output=True,
        env={**os.environ, "LANG": "C.UTF-8", "OKR_LANG": "en"},
        timeout=timeout,
    )


def test_a_line_longer_than_a_plan_text_stops_with_its_line_number():
    """Plan texts hold at most MAX_TEXT_CHARS characters; the classifier's time grows with
    the square of a line's length, so a longer line is refused, the ones before answered."""
    fits, too_long = "x" * MAX_TEXT_CHARS, "Raise revenue " * 800  # 11,200 characters
    result = run_okr("classify", "--json", stdin=f"Hire 3 engineers\n{fits}\n{too_long}\nSEO\n")
    assert result.returncode == 2
    assert [json.loads(line)["text"] for line in result.stdout.splitlines()] == [
        "Hire 3 engineers",
        fits,
    ]
    assert result.stderr == (
        "okr: <stdin>:3: the text is longer than 10000 characters, the most one item may hold\n"
    )


def test_the_limit_counts_characters_not_bytes():
    chinese = "開" * MAX_TEXT_CHARS  # three bytes each
    result = _classify_bytes(f"{chinese}\r\n{chinese}開".encode(), "--json")
    assert result.returncode == 2
    assert json.loads(result.stdout)["text"] == chinese
    assert result.stderr.decode().startswith("okr: <stdin>:2: the text is longer than 10000")


def test_a_line_of_megabytes_is_refused_at_once():
    result = _classify_bytes(b"Raise revenue " * 350_000 + b"\n", timeout=30)  # 4.9 MB
    assert result.returncode == 2 and result.stdout.count(b"\n") <= 1  # the table's header
    assert result.stderr.decode().startswith("okr: <stdin>:1: the text is longer than 10000")


def test_a_text_argument_that_is_too_long_is_refused_before_any_answer():
    result = run_okr("classify", "Hire 3 engineers", "y" * (MAX_TEXT_CHARS + 1))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.startswith("okr: argument 2: the text is longer than 10000 characters")
    chinese = run_okr("classify", "--lang", "zh-TW", "y" * (MAX_TEXT_CHARS + 1))
    assert chinese.stderr == "okr: 第 1 個參數: 內容超過 10000 個字元,一個項目最多只能這麼長\n"


def test_input_that_is_not_utf8_is_refused_naming_the_line_and_column():
    result = _classify_bytes(b"Hire 3 engineers\nok \xff\xfe bad\n", "--json")
    assert result.returncode == 2
    assert json.loads(result.stdout)["text"] == "Hire 3 engineers"
    assert result.stderr.decode() == "okr: <stdin>:2:4: the input is not UTF-8 text\n"
    first = _classify_bytes(b"\xff\xfe bad\n")
    assert first.returncode == 2
    assert first.stderr.decode() == "okr: <stdin>:1:1: the input is not UTF-8 text\n"


def test_an_argument_that_is_not_utf8_is_refused():
    result = run_okr("classify", "Hire 3 engineers", os.fsdecode(b"\xff abc"))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr == "okr: argument 2: the input is not UTF-8 text\n"


def test_the_reviewed_misreadings_read_right_from_the_command_line():
    given = {
        "Spend $50k on LinkedIn ads in Q2": "initiative",
        "Hire 2 engineers and get to 8 people": "initiative",
        "NRR 110% to 120%": "key_result",
        "Launch the referral app to reach 50k downloads": "key_result",
    }
    result = run_okr("classify", "--json", *given)
    assert result.returncode == 0, result.stderr
    records = [json.loads(line) for line in result.stdout.splitlines()]
    assert {r["text"]: r["kind"] for r in records} == given
    reasons = {r["text"]: r["reasons"] for r in records}
    assert "moves a number from a baseline to a target: 110% to 120%" in reasons["NRR 110% to 120%"]
    assert not any("deadline" in reason for reason in reasons["NRR 110% to 120%"])
    growth = run_okr("classify", "--json", "Grow signups by 20% vs Q1")
    assert not any("deadline" in r for r in json.loads(growth.stdout)["reasons"])
