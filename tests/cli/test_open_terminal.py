"""The real ``okr PLAN`` in a terminal: the file is painted first and validated right
after; keys typed at once still reach the editor, and a bad file ends in one line."""

from __future__ import annotations

import re
import shutil
import time

from model.lock import inspect_lock
from model.store import load_plan
from tests.conftest import PLANS

CSI = re.compile(r"\x1b\[[0-9;?<>=]*[A-Za-z]")
"""A terminal control sequence (the app leaving the screen before the error is printed)."""
LEAVE_SCREEN = "\x1b[?1049l"
"""Back from the alternate screen to the shell's: what was painted before is gone."""


def test_keys_typed_as_the_plan_appears_reach_the_editor(tmp_path, terminal):
    plan = tmp_path / "plan.toml"
    shutil.copyfile(PLANS / "saas-growth.toml", plan)
    term = terminal(str(plan))
    assert term.read_until("Make the free trial"), term.output[-2000:]
    term.type(" today")  # at once: the editor may not have taken over yet
    assert term.read_until("teams today"), term.output[-2000:]
    term.type("\x13")  # ctrl+s
    assert term.read_until("Saved"), term.output[-2000:]
    term.type("\x11")  # ctrl+q
    assert term.process.wait(timeout=30) == 0
    assert load_plan(plan).objective.statement.endswith("for small teams today")


def test_a_plan_that_fails_validation_ends_in_one_line_naming_it(tmp_path, terminal):
    plan = tmp_path / "plan.toml"
    text = (PLANS / "saas-growth.toml").read_text("utf-8")
    text = text.replace('unit = "count"', 'unit = "furlongs"', 1)
    plan.write_text(text, "utf-8")
    term = terminal(str(plan))
    assert term.process.wait(timeout=30) == 2
    assert term.read_until("furlongs", timeout=10), term.output[-2000:]
    # what the terminal shows once the app has left the alternate screen
    after = term.output.decode("utf-8", "replace").rsplit(LEAVE_SCREEN, 1)[-1]
    last = CSI.sub("", after).rstrip().splitlines()[-1].strip()
    assert last.startswith(f"okr: {plan}") and "furlongs" in last, last
    assert "Traceback" not in term.output.decode("utf-8", "replace")
    assert plan.read_text("utf-8") == text
    assert inspect_lock(plan) is None


def test_text_and_ctrl_s_in_one_burst_saves_all_of_the_text(tmp_path, terminal):
    """Over SSH, or pasted, the last characters typed and ctrl+s arrive together: the
    save waits for them to reach the plan instead of writing it without them."""
    plan = tmp_path / "plan.toml"
    shutil.copyfile(PLANS / "saas-growth.toml", plan)
    term = terminal(str(plan))
    assert term.read_until("Next"), term.output[-2000:]  # the editor's keys: it is there
    for word in (" one", " two", " three"):
        term.type(word + "\x13")  # one write: the text, then ctrl+s
        deadline = time.monotonic() + 10
        while not _statement(plan).endswith(word) and time.monotonic() < deadline:
            time.sleep(0.05)
        assert _statement(plan).endswith(word), (word, _statement(plan))
    term.type("x\x11")  # ctrl+q right after a character: that edit is not saved, so it asks
    assert term.read_until("Quit without saving"), term.output[-2000:]


def _statement(plan) -> str:
    return load_plan(plan).objective.statement


def test_fields_typed_with_tabs_in_one_burst_each_land_in_their_own_field(tmp_path, terminal):
    """A burst that moves on between fields (Tab, or Enter at the end of a field) puts
    each text in its own field: the keys after a Tab wait until it has moved the focus."""
    plan = tmp_path / "new.toml"
    term = terminal(str(plan))
    assert term.read_until("Next"), term.output[-2000:]
    term.type("Grow revenue 20% by Q3\tRevenue 1.2M by 2026-09-30\r2026-07-01\t2026-09-30\x13")
    deadline = time.monotonic() + 15
    while not plan.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    objective = load_plan(plan).objective
    assert objective.statement == "Grow revenue 20% by Q3"
    assert objective.kgi == "Revenue 1.2M by 2026-09-30"
    assert (str(objective.start), str(objective.end)) == ("2026-07-01", "2026-09-30")
