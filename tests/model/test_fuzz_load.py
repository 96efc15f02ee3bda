"""Damaged plans (flipped bytes, cut files, duplicated keys, garbage) only ever give one line."""

from __future__ import annotations

import pytest

from model.store import PlanError, parse_plan_bytes
from tests.fuzzing import MUTATIONS, fuzz_corpus

CORPUS = fuzz_corpus(600, seed=7)


def test_the_corpus_is_deterministic_and_uses_every_mutation():
    assert fuzz_corpus(50, seed=3) == fuzz_corpus(50, seed=3)
    used = {part for name, _ in CORPUS for part in name.rsplit("-", 1)[1].split("+")}
    assert used == set(MUTATIONS)


def test_damaged_plans_load_or_fail_with_one_clean_line():
    failures = 0
    for name, data in CORPUS:
        path = f"plans/{name}.toml"
        try:
            parse_plan_bytes(data, path)
        except PlanError as error:
            failures += 1
            message = str(error)
            assert message.startswith(path + ":"), (name, message)
            assert message.isprintable(), (name, message)
            assert len(message) < 400, (name, message)
        # anything else (KeyError, RecursionError, ValueError...) fails the test with its name
    assert failures > len(CORPUS) // 2, "most damage must be detected"


@pytest.mark.parametrize(
    "name, data", fuzz_corpus(40, seed=11), ids=lambda v: v if isinstance(v, str) else ""
)
def test_a_damaged_file_on_disk_is_left_untouched_by_loading(tmp_path, name, data):
    from model.store import load_plan

    path = tmp_path / "plan.toml"
    path.write_bytes(data)
    try:
        load_plan(path)
    except PlanError as error:
        assert str(error).startswith(str(path))
    assert path.read_bytes() == data
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"]
