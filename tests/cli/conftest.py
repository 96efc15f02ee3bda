"""Fixtures of the command-line tests."""

from __future__ import annotations

import pytest

from tests.cli.pty_terminal import Terminal


@pytest.fixture
def terminal():
    opened: list[Terminal] = []

    def open_terminal(*args: str) -> Terminal:
        opened.append(Terminal(*args))
        return opened[-1]

    yield open_terminal
    for term in opened:
        term.close()
