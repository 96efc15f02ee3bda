"""The ``#`` comment counter that tells a save dropped hand-written comments."""

from __future__ import annotations

import tomllib

import pytest

from model.comments import count_comments


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
