"""Every kind of bad plan file gets one clear line naming the file and the place.

The issue's list: broken TOML, wrong types, unknown enum values, huge files, bytes
that are not UTF-8, deep nesting, absurd numbers, NUL bytes, a BOM, CRLF line endings,
extremely long strings and lines, very many KPIs, escape sequences in keys.
Loading never writes anything.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from model.fingerprint import MAX_PLAN_BYTES
from model.limits import MAX_DEPTH, MAX_ENTRIES, MAX_TEXT_CHARS, deep_nesting_line
from model.store import PlanError, load_plan

KPI = b'[[kpis]]\nid = "a"\n'

BAD = [
    ("broken TOML", b'title = "x\n', ":1:11: TOML syntax error: Illegal character '\\n'"),
    ("wrong type", b"title = 5\n", ":1: title: expected text in quotes, found 5"),
    (
        "unknown enum value",
        KPI + b'unit = "percents"\n',
        ":3: kpis.a.unit: 'percents' is not allowed here;"
        " use one of: percent, ratio, currency, count, duration, score",
    ),
    (
        "not UTF-8",
        b'title = "ok"\n[objective]\nstatement = "caf\xe9"\n',
        ":3:17: the file is not UTF-8 text",
    ),
    (
        "deeply nested arrays",
        b'title = "[[[ not nesting"\n# [[[[[[[[[[[[\nx = ' + b"[" * 5000 + b"]" * 5000 + b"\n",
        ":3: the file is nested too deeply to be a plan",
    ),
    (
        "deeply nested inline tables",
        b"[objective]\nstatement = " + b"{a=" * 100_000 + b"1" + b"}" * 100_000 + b"\n",
        ":2: the file is nested too deeply to be a plan",
    ),
    (
        "deeply nested table headers",
        b'title = "x"\n[' + b".".join([b"a"] * 3000) + b"]\n",
        ":2: a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a.a…:"
        " tables or lists are nested 33 levels deep here; a plan allows at most 32",
    ),
    ("NaN", KPI + b"baseline = nan\n", ":3: kpis.a.baseline: nan is not a finite number"),
    (
        "infinity",
        KPI + b"target = -inf\n",
        ":3: kpis.a.target: -inf: the number is infinite or too large to read;"
        " numbers are at most 1,000,000,000,000,000",
    ),
    (
        "1e308",
        KPI + b"target = 1e308\n",
        ":3: kpis.a.target: 1e+308 is too large; at most 1,000,000,000,000,000 is allowed here",
    ),
    (
        "1e400 (inf)",
        KPI + b"target = 1e400\n",
        ":3: kpis.a.target: inf: the number is infinite or too large to read;"
        " numbers are at most 1,000,000,000,000,000",
    ),
    (
        "a fraction where a whole number goes",
        b'[[checkins]]\nkpi = "a"\ndate = 2026-01-01\nvalue = 1\nconfidence = 5.5\n',
        ":5: checkins[0].confidence: expected a whole number, found 5.5",
    ),
    (
        "a negative confidence",
        b'[[checkins]]\nkpi = "a"\ndate = 2026-01-01\nvalue = 1\nconfidence = -1\n',
        ":5: checkins[0].confidence: -1 is too small; at least 0 is required here",
    ),
    (
        "a huge integer",
        b'[[checkins]]\nkpi = "a"\ndate = 2026-01-01\nvalue = 1\n'
        b"confidence = 99999999999999999999\n",
        ":5: checkins[0].confidence: 99999999999999999999 is too large; at most 10 is allowed here",
    ),
    (
        "a raw NUL byte",
        b'title = "x\x00y"\n',
        ":1:11: TOML syntax error: Illegal character '\\x00'",
    ),
    ("a NUL line", b'title = "x"\n\x00\n', ":2:1: TOML syntax error: Invalid statement"),
    (
        "a lone CR",
        b'title = "x"\r[objective]\n',
        ":1:12: TOML syntax error: Expected newline or end of document after a statement",
    ),
    (
        "two BOMs",
        b'\xef\xbb\xbf\xef\xbb\xbftitle = "x"\n',
        ":1:1: TOML syntax error: Invalid statement",
    ),
    (
        "an extremely long string",
        b'[objective]\nstatement = "' + b"x" * 20_000 + b'"\n',
        ":2: objective.statement: this text is 20000 characters long;"
        " a plan's texts are limited to 10000",
    ),
    (
        "an extremely long line of garbage",
        b'title = "x"\nkgi = ' + b"x" * 3_000_000 + b"\n",
        ":2:7: TOML syntax error: Invalid value",
    ),
    (
        "very many KPIs",
        b"".join(b'[[kpis]]\nid = "k%d"\n' % i for i in range(MAX_ENTRIES + 1)),
        f":{2 * MAX_ENTRIES + 1}: kpis.k{MAX_ENTRIES}: too many entries: this list or table"
        f" has {MAX_ENTRIES + 1}; a plan allows at most {MAX_ENTRIES}",
    ),
    (
        "an escape sequence and a bidi override in a key",
        b'"\\u001b[31mevil\\u202e" = 1\n',
        ": \\x1b[31mevil\\u202e: unknown key '\\x1b[31mevil\\u202e'",
    ),
    (
        "a duplicated key",
        b'title = "a"\ntitle = "b"\n',
        ":2:12: TOML syntax error: Cannot overwrite",
    ),
    (
        "a duplicated table",
        b'[objective]\nstatement = "a"\n[objective]\nkgi = "b"\n',
        ":3:11: TOML syntax error: Cannot declare objective twice",
    ),
    (
        "a datetime where a date belongs",
        b"[objective]\nstart = 2026-01-01T10:00:00\n",
        ":2: objective.start: expected a date such as 2026-03-31, found 2026-01-01 10:00:00",
    ),
]


@pytest.mark.parametrize(("content", "expected"), [c[1:] for c in BAD], ids=[c[0] for c in BAD])
def test_bad_input_is_one_line_naming_file_and_place(tmp_path: Path, content, expected):
    path = tmp_path / "plan.toml"
    path.write_bytes(content)
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    message = str(caught.value)
    assert message.startswith(str(path) + expected), message
    assert message.isprintable(), "one line, no raw control characters"
    assert len(message) < 300
    assert path.read_bytes() == content, "loading never writes"
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]


def test_a_file_over_the_size_cap_is_refused_by_size(tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_bytes(b"#" * (MAX_PLAN_BYTES + 1))
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    assert str(caught.value) == (
        f"{path}: the file is {MAX_PLAN_BYTES + 1} bytes; plan files are limited to 5 MB"
    )


def test_a_byte_order_mark_and_crlf_line_endings_are_accepted(tmp_path: Path):
    lf = b'title = "x"\n[objective]\nstatement = "y"\n'
    path = tmp_path / "plan.toml"
    path.write_bytes(b"\xef\xbb\xbf" + lf.replace(b"\n", b"\r\n"))
    plan = load_plan(path)
    assert plan.title == "x" and plan.objective.statement == "y"


def test_crlf_files_report_the_right_line(tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_bytes(b'title = "x"\r\n\r\n[[kpis]]\r\nid = "a"\r\nunit = "x"\r\n')
    with pytest.raises(PlanError, match=r"plan\.toml:5: kpis\.a\.unit"):
        load_plan(path)


def test_line_numbers_count_newlines_only_not_other_separators(tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_text('title = "a\u2028b\u0085c"\n[[kpis]]\nid = "a"\nunit = "x"\n', "utf-8")
    with pytest.raises(PlanError, match=r"plan\.toml:4: kpis\.a\.unit"):
        load_plan(path)


def test_plans_at_the_limits_load(tmp_path: Path):
    path = tmp_path / "plan.toml"
    kpis = b"".join(b'[[kpis]]\nid = "k%d"\n' % i for i in range(MAX_ENTRIES))
    path.write_bytes(b'title = "' + b"x" * MAX_TEXT_CHARS + b'"\n' + kpis)
    plan = load_plan(path)
    assert len(plan.kpis) == MAX_ENTRIES and len(plan.title) == MAX_TEXT_CHARS


def test_escaped_control_characters_in_text_load_as_data(tmp_path: Path):
    path = tmp_path / "plan.toml"
    path.write_bytes(b'title = "\\u001b[2J[bold]x[/bold]\\u202e\\u0000"\n')
    assert load_plan(path).title == "\x1b[2J[bold]x[/bold]\u202e\x00"


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("a = [[[]]]\n", None),
        ('a = "[[[[[[["\nb = [[[[[[\n', 2),
        ("# [[[[[[[\na = '''\n[[[[[[[\n'''\nb = {x={y={z={w={v={u=1}}}}}}\n", 5),
        ("[a.b.c.d.e.f.g]\n", 1),
        # a multi-line string closed by four quotes (one of them its own) ends there
        ('a = """x""""\nb = [[[[[[\n', 2),
        ("a = '''x'''''\nb = [[[[[[\n", 2),
    ],
)
def test_deep_nesting_line_skips_strings_and_comments(text, line):
    assert deep_nesting_line(text, limit=5) == line


def test_limits_are_generous_for_real_plans():
    assert MAX_DEPTH >= 8 and MAX_ENTRIES >= 1000 and MAX_TEXT_CHARS >= 2000
