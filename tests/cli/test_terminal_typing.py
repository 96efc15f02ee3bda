"""The real ``okr`` in a terminal: what a keyboard types reaches the plan as typed."""

from __future__ import annotations

from model.store import load_plan


def test_spaces_of_every_width_are_typed_into_the_fields(tmp_path, terminal):
    """Chinese input methods type the full-width space U+3000. Textual's fields took a
    key's character only when ``str.isprintable()`` allowed it, which no space other than
    U+0020 does, so it vanished without a sign (a no-break space too). Typed in a real
    terminal: Textual's test keys do not carry these characters as a terminal does."""
    plan = tmp_path / "p.toml"
    term = terminal(str(plan))
    assert term.read_until("Step 1: Objective"), term.output[-2000:]
    term.type("A")
    assert term.read_until("unsaved"), term.output[-2000:]  # the editor has the keys
    term.type("網店\u3000營收\tNT$\u00a0450 萬")
    term.type("\x13")  # ctrl+s
    assert term.read_until("Saved"), term.output[-2000:]
    term.type("\x11")  # ctrl+q
    assert term.process.wait(timeout=30) == 0
    objective = load_plan(plan).objective
    assert objective.statement == "A網店\u3000營收"
    assert objective.kgi == "NT$\u00a0450 萬"
