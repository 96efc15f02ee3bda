"""`okr check` on damaged plans: one clear line per problem, never a traceback."""

from __future__ import annotations

import re

from tests.conftest import run_okr
from tests.fuzzing import fuzz_corpus

ONE_LINE_ERROR = re.compile(r"^okr: .+\.toml(:\d+(:\d+)?)?: .+$")


def test_okr_check_never_crashes_on_damaged_plans(tmp_path):
    paths = []
    for name, data in fuzz_corpus(240, seed=7):
        path = tmp_path / f"{name}.toml"
        path.write_bytes(data)
        paths.append(path)
    before = {p.name: p.read_bytes() for p in paths}
    # One process checks the whole corpus, so the test stays quick.
    result = run_okr("check", *map(str, paths))
    assert result.returncode in (0, 1, 2)
    assert "Traceback" not in result.stderr + result.stdout
    for line in result.stderr.splitlines():
        assert ONE_LINE_ERROR.match(line), line
    assert {p.name: p.read_bytes() for p in paths} == before, "check never writes"


def test_okr_check_exit_status_for_each_damaged_plan(tmp_path):
    for name, data in fuzz_corpus(12, seed=11):
        path = tmp_path / f"{name}.toml"
        path.write_bytes(data)
        result = run_okr("check", str(path))
        assert result.returncode in (0, 1, 2), name
        assert "Traceback" not in result.stderr, name
        if result.returncode == 2:
            assert len(result.stderr.splitlines()) == 1, result.stderr
