"""argparse's own words in Chinese: help headings, usage and usage errors (real ``okr``)."""

from __future__ import annotations

import argparse
import re

import pytest

from model.i18n import set_language
from tests.conftest import run_okr
from tui.cli_i18n import ARGPARSE_MESSAGES, OkrArgumentParser

CHINESE = {"OKR_LANG": "zh-TW"}
ENGLISH_ARGPARSE = re.compile(
    r"usage:|positional arguments|options:|show this help|error:|required|invalid choice"
    r"|unrecognized|expected one"
)


def test_the_help_of_a_command_is_all_chinese():
    result = run_okr("check", "--help", env=CHINESE)
    assert result.returncode == 0
    out = result.stdout
    assert out.startswith("用法:okr check ")
    assert "\n位置參數:\n" in out and "\n選項:\n" in out
    assert "顯示這份說明後結束" in out
    assert "計畫檔 [計畫檔 ...]" in out and "PLAN" not in out  # the placeholders too
    assert not ENGLISH_ARGPARSE.search(out)


def test_the_main_help_is_all_chinese():
    result = run_okr("--help", env=CHINESE)
    assert result.returncode == 0
    assert result.stdout.startswith("用法:\n")
    assert "顯示程式版本後結束" in result.stdout
    assert "COMMAND" not in result.stdout
    assert not ENGLISH_ARGPARSE.search(result.stdout)


@pytest.mark.parametrize(
    ("args", "expected"),
    [
        (["check"], "okr check:錯誤:缺少必要的參數:計畫檔"),
        (["--lang", "fr", "p.toml"], "okr:錯誤:參數 --lang:無效的選項:'fr'(可選:'en', 'zh-TW')"),
        (["check", "--date"], "okr check:錯誤:參數 --date:需要一個值"),
        (["status", "--nope", "p.toml"], "okr status:錯誤:無法辨識的參數:--nope"),
    ],
)
def test_usage_errors_are_chinese(args, expected):
    result = run_okr(*args, env=CHINESE)
    assert result.returncode == 2
    assert result.stderr.startswith("用法:")
    assert result.stderr.splitlines()[-1] == expected


def test_usage_errors_stay_english_in_english():
    result = run_okr("check")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: okr check ")
    assert result.stderr.endswith("okr check: error: the following arguments are required: PLAN\n")


def test_an_extra_argument_gets_the_command_s_usage_not_okr_s():
    # It printed okr's own usage (okr PLAN / okr COMMAND) and "okr: error: ...".
    result = run_okr("status", "a.toml", "b.toml")
    assert result.returncode == 2
    assert result.stderr.startswith("usage: okr status ")
    assert result.stderr.endswith("okr status: error: unrecognized arguments: b.toml\n")


def test_the_translation_is_undone_outside_the_parser():
    set_language("zh-TW")
    parser = OkrArgumentParser(prog="demo")
    parser.add_argument("--n", type=int)
    assert "選項:" in parser.format_help()
    assert "options:" in argparse.ArgumentParser(prog="demo").format_help()
    assert argparse._("options") == "options"  # type: ignore[attr-defined]


def test_every_argparse_message_we_translate_is_one_python_uses():
    """A Python upgrade that rewords a message would silently bring English back."""
    with open(argparse.__file__, encoding="utf-8") as source:
        text = source.read()
    for message in ARGPARSE_MESSAGES:
        assert repr(message)[1:-1] in text or message in text, message


def test_chinese_placeholders_keep_the_help_column_lined_up():
    """argparse counts characters; a Chinese placeholder takes two columns a character."""
    from model.textwidth import display_width

    result = run_okr("checkin", "--help", env=CHINESE)
    assert result.returncode == 0
    columns = {}
    for line in result.stdout.splitlines():
        for name in ("計畫檔 ", "-h, --help ", "--value 數值 ", "--note 文字 "):
            if line.startswith("  " + name):
                help_text = line[len("  " + name) :].lstrip()
                columns[name] = display_width(line) - display_width(help_text)
    assert len(columns) == 4, result.stdout
    assert len(set(columns.values())) == 1, columns


@pytest.mark.parametrize("spelling", ["zh", "zh_TW", "zh-tw", "zh_TW.UTF-8"])
def test_lang_takes_the_spellings_okr_lang_takes(tmp_path, spelling):
    # OKR_LANG=zh_TW spoke Chinese, but --lang zh_TW was "invalid choice".
    result = run_okr("check", "--lang", spelling, "missing.toml", cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, "okr: missing.toml: 找不到這個檔案\n")
    opened = run_okr(f"--lang={spelling}", "missing.toml", cwd=tmp_path)
    assert opened.stderr.startswith("okr: missing.toml: 規劃工具需要在終端機中執行"), opened.stderr
