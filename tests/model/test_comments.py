"""The ``#`` comments of a plan file: counted, and kept beside their statements when the
plan is written again."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from model import comments
from model.comments import carry_comments, count_comments
from model.store import dumps_plan, load_plan, parse_plan, save_plan
from tests.strategies import plans


@pytest.mark.parametrize(
    ("text", "count"),
    [
        ('a = "x # y"  # c\n', 1),
        ('a = "x \\" # y"  # c\n', 1),
        ('a = "x\\\\" # c\n', 1),
        ("a = 'C:\\'  # c\n", 1),
        ('"k#1" = 1 # c\n', 1),
        ('a = """\nx # y\n"""  # c\n# d\n', 2),
        ('a = """x \\\n  y""" # c\n', 1),
        ('a = """x\\"""" # c\n', 1),
        ("a = '''\n# not one\n''' # c\n", 1),
        ('a = ["#", \'#\', """#"""] # c\n', 1),
        ('a = "#"\r\n# c\r\n', 1),
        # a multi-line string may end in one or two quotes of its own, just inside the
        # closing three: four or five quotes in a row, all the string's
        ('a = """x""""  # c\n# d\n', 2),
        ('a = """x"""""  # c\n# d\n', 2),
        ("a = '''x''''  # c\n# d\n", 2),
        ("a = '''x'''''  # c\n# d\n", 2),
    ],
)
def test_count_comments_skips_every_kind_of_string(text, count):
    tomllib.loads(text)  # each case is valid TOML
    assert count_comments(text) == count


# --- carried across a save --------------------------------------------------------------

EXAMPLES = sorted((Path(__file__).parents[2] / "plans").glob("*.toml"))


def annotate(text: str) -> str:
    """``text`` (a plan in the planner's layout) with a comment block above every third
    statement, a trailing comment on every other one and a note at the end."""
    out = ["# a note on the whole file"]
    for number, line in enumerate(text.split("\n")):
        if line and not line.startswith(" "):
            if number % 3 == 0:
                out.extend((f"# above {number}", "#", f"#   indented {number}"))
            if number % 2 == 0:
                line += f"  # on {number} [bold]"
        out.append(line)
    if out[-1] == "":
        out.pop()
    return "\n".join([*out, "# the end", ""])


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda path: path.name)
def test_a_save_puts_every_comment_back_where_it_was(example):
    plan = load_plan(example)
    annotated = annotate(dumps_plan(plan))
    assert parse_plan(annotated, example) == plan  # the comments change nothing
    carried, dropped = carry_comments(annotated, dumps_plan(plan))
    assert (carried, dropped) == (annotated, 0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans)
def test_any_plan_keeps_its_comments(plan):
    text = dumps_plan(plan)
    annotated = annotate(text)
    assert carry_comments(annotated, text) == (annotated, 0)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans, st.data())
def test_the_next_save_of_a_text_just_written_places_comments_as_a_fresh_read_would(plan, data):
    # the text a save wrote is not read again on the next save: its comments are known
    text = dumps_plan(plan)
    written, _ = carry_comments(annotate(text), text)
    if plan.kpis:
        plan.kpis.pop(data.draw(st.integers(0, len(plan.kpis) - 1)))
    if plan.items:
        plan.items.reverse()
    again = dumps_plan(plan)
    remembered = carry_comments(written, again)
    comments._last_carried = None
    assert remembered == carry_comments(written, again)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans, st.data())
def test_a_save_places_comments_as_reading_the_text_it_writes_would(plan, data):
    # save_plan knows where it wrote each statement and does not read its text for them
    import tempfile

    annotated = annotate(dumps_plan(plan))
    if plan.kpis:
        plan.kpis.pop(data.draw(st.integers(0, len(plan.kpis) - 1)))
    if plan.items:
        plan.items.reverse()
    comments._last_carried = None
    expected = carry_comments(annotated, dumps_plan(plan))
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "plan.toml"
        path.write_text(annotated, "utf-8")
        comments._last_carried = None
        result = save_plan(plan, path, backup=False)
        assert (path.read_text("utf-8"), result.comments_dropped) == expected


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(plans, st.data())
def test_comments_read_ahead_are_placed_and_counted_as_a_fresh_read_would(plan, data):
    annotated = annotate(dumps_plan(plan)).replace(
        "schema = 1", "schema = 1\nnote = [\n# in a value\n]"
    )
    if plan.kpis:
        plan.kpis.pop(data.draw(st.integers(0, len(plan.kpis) - 1)))
    new = dumps_plan(plan)
    comments._last_carried = None
    fresh = carry_comments(annotated, new)
    comments._last_carried = None
    comments.read_ahead(annotated)
    assert comments._last_carried is not None and comments._last_carried.text == annotated
    assert carry_comments(annotated, new) == fresh


def test_comments_follow_their_kpi_when_kpis_are_reordered():
    old = (
        'schema = 1\n\n# the first\n[[kpis]]\nid = "a"\nname = "A"  # about A\n\n'
        '[[kpis]]\nid = "b"\nname = "B"  # about B\n'
    )
    plan = parse_plan(old, "plan.toml")
    plan.kpis.reverse()
    text, dropped = carry_comments(old, dumps_plan(plan))
    assert dropped == 0
    assert text == (
        'schema = 1\n\n[[kpis]]\nid = "b"\nname = "B"  # about B\n\n'
        '# the first\n[[kpis]]\nid = "a"\nname = "A"  # about A\n'
    )


def test_comments_on_what_is_gone_are_counted_not_placed():
    old = (
        'schema = 1\n\n[[kpis]]\nid = "a"\nname = "A"  # about A\n\n'
        '# why\n[[items]]\ntext = "Ship it"  # first\n\n'
        '[[items]]\ntext = "Grow"\nkpi = "a"  # linked\n'
    )
    plan = parse_plan(old, "plan.toml")
    plan.items[0].text = "Ship it by May"  # an item is known by its text
    plan.items[1].kpi = None  # an emptied key is left out
    text, dropped = carry_comments(old, dumps_plan(plan))
    assert dropped == 3
    assert text == dumps_plan(plan).replace('name = "A"\n', 'name = "A"  # about A\n')


def test_a_comment_inside_a_value_over_several_lines_has_no_place():
    old = "schema = 1  # top\nnote = [\n  1, # one\n  2,\n]\n"
    text, dropped = carry_comments(old, "schema = 1\n")
    assert (text, dropped) == ("schema = 1  # top\n", 1)


@pytest.mark.parametrize(
    "old",
    [
        '"schema" = 1  # quoted key\n',
        "schema = 1\n\n[ objective ]  # spaced header\nstatement = 'x'\n",
        'schema = 1\n\n[objective]\n"statement" = """a\n# not one\n"""  # after\n',
        "schema = 1\r\n# windows\r\n[objective]\r\nstatement = 'x' # crlf\r\n",
        # one-line statements, read at once: the comment starts after the string's end
        'schema = 1 # tight\n[objective]\nstatement = "a \\" # b\\\\"  # after  \n',
        "schema=1#none between\n[objective]\nstatement='# x'\t# tab before\n",
    ],
)
def test_keys_and_headers_however_written_find_their_statement(old):
    new = dumps_plan(parse_plan(old, "plan.toml"))
    text, dropped = carry_comments(old, new)
    assert dropped == 0
    assert count_comments(text) == count_comments(old)
    assert parse_plan(text, "plan.toml") == parse_plan(old, "plan.toml")


def test_a_comment_goes_back_after_the_whole_value_however_the_value_is_written():
    old = (
        'schema = 1#tight\n\n[objective]\nstatement = "a \\" # b\\\\"  # after "it"  \n'
        "kgi = '# t'\t# tab\nstart = 2026-01-05   #\n"
    )
    text, dropped = carry_comments(old, dumps_plan(parse_plan(old, "plan.toml")))
    assert dropped == 0
    assert text.splitlines() == [
        "schema = 1#tight",
        "",
        "[objective]",
        'statement = "a \\" # b\\\\"  # after "it"',
        'kgi = "# t"\t# tab',
        "start = 2026-01-05   #",
    ]


def test_a_file_that_is_not_toml_gives_the_new_text_and_counts_its_comments():
    assert carry_comments("# a\nnot = [toml\n", "schema = 1\n") == ("schema = 1\n", 1)


def test_saving_twice_keeps_the_file_byte_for_byte(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(annotate(dumps_plan(load_plan(EXAMPLES[0]))), "utf-8")
    before = path.read_bytes()
    result = save_plan(load_plan(path), path)
    assert path.read_bytes() == before
    assert result.comments_dropped == 0
    plan = load_plan(path)
    plan.kpis.pop()
    result = save_plan(plan, path)
    assert result.comments_dropped > 0
    assert result.backup is not None and result.backup.read_bytes() == before


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab =#[]{}\"'\\\n\r\t.,1", max_size=60))
def test_any_old_text_at_all_gives_a_text_and_a_count(old):
    """A file broken by hand never breaks a save: the comments it has are placed or
    counted."""
    new = "schema = 1\n"
    text, dropped = carry_comments(old, new)
    assert 0 <= dropped <= count_comments(old)
    assert count_comments(text) == count_comments(old) - dropped
