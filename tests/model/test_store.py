"""Loading and saving plan files: canonical, byte-stable, atomic, with clear errors."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest

from model.plan import Guardrail, Item, Kpi, Plan
from model.store import MAX_PLAN_BYTES, PlanError, dumps_plan, load_plan, save_plan
from tests.conftest import EXAMPLE_PLANS


@pytest.mark.parametrize("path", EXAMPLE_PLANS, ids=lambda p: p.name)
def test_example_plans_are_canonical_and_byte_stable(path: Path, tmp_path: Path):
    original = path.read_text("utf-8")
    plan = load_plan(path)
    assert dumps_plan(plan) == original, "example plans are kept in the canonical layout"
    copy = tmp_path / path.name
    save_plan(plan, copy)
    save_plan(load_plan(copy), copy)
    assert copy.read_text("utf-8") == original
    assert load_plan(copy) == plan


def test_there_are_at_least_three_examples_and_one_is_chinese():
    assert len(EXAMPLE_PLANS) >= 3
    assert any(load_plan(p).language == "zh-TW" for p in EXAMPLE_PLANS)


def test_a_one_field_edit_is_a_one_line_diff(tmp_path: Path):
    path = tmp_path / "plan.toml"
    plan = load_plan(EXAMPLE_PLANS[0])
    save_plan(plan, path)
    before = path.read_text("utf-8").splitlines()
    plan.kpis[1].owner = "Someone else"
    save_plan(plan, path)
    after = path.read_text("utf-8").splitlines()
    assert len(before) == len(after)
    changed = [(a, b) for a, b in zip(before, after, strict=True) if a != b]
    assert changed == [
        (f'owner = "{load_plan(EXAMPLE_PLANS[0]).kpis[1].owner}"', 'owner = "Someone else"')
    ]


def test_writer_layout_is_fixed():
    plan = Plan(
        title="T",
        kpis=[Kpi(id="cac", name="CAC", target=600, guardrail=Guardrail(max=700.5))],
        items=[Item(text='Say "hi"\nthere', kind="initiative", kind_set_by="auto")],
    )
    plan.kpis[0].direction = "increase"
    assert dumps_plan(plan) == (
        'schema = 1\ntitle = "T"\n'
        "\n[[kpis]]\n"
        'id = "cac"\nname = "CAC"\ndirection = "increase"\ntarget = 600\n'
        "guardrail = { max = 700.5 }\n"
        "\n[[items]]\n"
        'text = "Say \\"hi\\"\\nthere"\nkind = "initiative"\nkind_set_by = "auto"\n'
    )


def test_a_default_the_plan_never_set_is_not_written(tmp_path: Path):
    """A field the file leaves out (a KPI's direction, an item's kind) stays out when the
    plan is saved: it loads back as the same default, and no value is invented."""
    path = tmp_path / "plan.toml"
    path.write_text(
        'schema = 1\n\n[[kpis]]\nid = "cac"\ntarget = 600\n\n[[items]]\ntext = "Ship it"\n',
        "utf-8",
    )
    plan = load_plan(path)
    assert plan.kpis[0].direction == "increase" and plan.items[0].kind == "key_result"
    save_plan(plan, path)
    assert path.read_text("utf-8") == (
        'schema = 1\n\n[[kpis]]\nid = "cac"\ntarget = 600\n\n[[items]]\ntext = "Ship it"\n'
    )
    assert dumps_plan(Plan()) == "schema = 1\n"  # the schema is always written


def test_save_creates_a_new_file_and_keeps_an_existing_files_permissions(tmp_path: Path):
    path = tmp_path / "plan.toml"
    save_plan(Plan(title="new"), path)
    assert load_plan(path).title == "new"
    os.chmod(path, 0o640)
    save_plan(Plan(title="again"), path)
    assert stat.S_IMODE(path.stat().st_mode) == 0o640
    assert load_plan(path).title == "again"


@pytest.mark.parametrize("failure", [OSError(28, "No space left on device"), KeyboardInterrupt()])
def test_an_interrupted_save_leaves_the_old_file_intact(tmp_path, monkeypatch, failure):
    path = tmp_path / "plan.toml"
    save_plan(Plan(title="old"), path)
    old_bytes = path.read_bytes()

    def crash(*args, **kwargs):
        raise failure

    monkeypatch.setattr(os, "replace", crash)
    expected = PlanError if isinstance(failure, OSError) else KeyboardInterrupt
    with pytest.raises(expected) as caught:
        save_plan(Plan(title="new"), path)
    assert path.read_bytes() == old_bytes
    assert [p.name for p in tmp_path.iterdir()] == ["plan.toml"], "no temp file left behind"
    if expected is PlanError:
        assert "No space left on device" in str(caught.value)
        assert "the file on disk is unchanged" in str(caught.value)


def test_a_save_into_a_missing_folder_is_a_plan_error(tmp_path: Path):
    with pytest.raises(PlanError) as caught:
        save_plan(Plan(), tmp_path / "missing" / "plan.toml")
    assert caught.value.path.endswith("plan.toml")
    assert "cannot save" in str(caught.value)
    assert str(caught.value).endswith("; nothing was written")  # there was no file to keep


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b'title = "x\n', ":1:11: TOML syntax error: Illegal character '\\n'"),
        (b'title = "x"\ntitle = "y"\n', ":2:"),
        (b"[objective]\nstatement = \n", ":2:13: TOML syntax error: Invalid value"),
        (b'title = "\xff"\n', ":1:10: the file is not UTF-8 text"),
        (
            b"a = " + b"[" * 5000 + b"]" * 5000 + b"\n",
            ":1: the file is nested too deeply to be a plan",
        ),
    ],
)
def test_unreadable_files_report_line_and_column(tmp_path: Path, content: bytes, expected: str):
    path = tmp_path / "plan.toml"
    path.write_bytes(content)
    with pytest.raises(PlanError) as caught:
        load_plan(path)
    assert str(caught.value).startswith(str(path) + expected)
    assert "\n" not in str(caught.value)


def test_missing_folders_and_huge_files_are_refused(tmp_path: Path):
    with pytest.raises(PlanError, match="no such file"):
        load_plan(tmp_path / "nope.toml")
    with pytest.raises(PlanError, match="not a regular file"):
        load_plan(tmp_path)
    big = tmp_path / "big.toml"
    big.write_bytes(b"#" * (MAX_PLAN_BYTES + 1))
    with pytest.raises(PlanError, match="plan files are limited to 5 MB"):
        load_plan(big)
