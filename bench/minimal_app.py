"""The baseline for start-up time and memory: a minimal Textual app (a Header, a
Static with the given text, a Footer), started the same way as ``okr PLAN``.

    python -m bench.minimal_app "text to show"
"""

from __future__ import annotations

import sys

from textual.app import App, ComposeResult
from textual.widgets import Footer, Header, Static


class MinimalApp(App[None]):
    """Shows one line of text between a header and a footer."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield Header()
        yield Static(self.text, markup=False)
        yield Footer()


if __name__ == "__main__":
    MinimalApp(sys.argv[1] if len(sys.argv) > 1 else "minimal").run()
