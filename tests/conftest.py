"""Shared fixtures: every test runs with its own HOME and XDG folders and in English."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from model.i18n import set_language

ROOT = Path(__file__).resolve().parent.parent
PLANS = ROOT / "plans"
EXAMPLE_PLANS = sorted(PLANS.glob("*.toml"))


@pytest.fixture(autouse=True)
def isolated_environment(tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch):
    """Keep tests away from the user's files and locale, and reset the language."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("HOME", str(home))
    for variable in ("XDG_CONFIG_HOME", "XDG_DATA_HOME", "XDG_STATE_HOME", "XDG_CACHE_HOME"):
        monkeypatch.setenv(variable, str(home / variable.lower()))
    for variable in ("OKR_LANG", "LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(variable, raising=False)
    set_language("en")
    yield
    set_language("en")


@pytest.fixture
def example_copy(tmp_path: Path):
    """A function copying an example plan into a temporary folder."""

    def copy(name: str = "saas-growth.toml") -> Path:
        target = tmp_path / name
        shutil.copyfile(PLANS / name, target)
        return target

    return copy


def okr_command() -> list[str]:
    """The installed ``okr`` console script of the interpreter running the tests."""
    script = Path(sys.executable).with_name("okr")
    return [str(script)] if script.exists() else [sys.executable, "-m", "tui"]


def run_okr(*args: str, stdin: str | None = None, env: dict | None = None, cwd=None, wrapper=()):
    """Run the real ``okr`` command in a subprocess and return the completed process
    (``wrapper``: a command that runs it, such as ``setpriv`` with its options)."""
    environment = {k: v for k, v in os.environ.items() if k not in ("OKR_LANG", "LC_ALL")}
    environment.update({"LANG": "C.UTF-8", "PYTHONIOENCODING": "utf-8", "NO_COLOR": "1"})
    environment.update(env or {})
    return subprocess.run(
        [*wrapper, *okr_command(), *args],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        env=environment,
        cwd=cwd,
        timeout=120,
    )


@pytest.fixture
def autosave_at_once(monkeypatch: pytest.MonkeyPatch) -> None:
    """The autosave's tick writes the recovery file without waiting for a pause in the
    typing (for tests that call it right after typing)."""
    monkeypatch.setattr("tui.guard.TYPING_PAUSE_SECONDS", 0.0)
