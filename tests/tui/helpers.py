"""Helpers for driving the app with keys and reading what it shows."""

from __future__ import annotations

import asyncio
import time
from collections.abc import Callable

from textual.pilot import Pilot


async def until(condition: Callable[[], object], what: str) -> None:
    """Wait (up to 10 s) for ``condition``: the app works on its own meanwhile (one
    ``pilot.pause()`` is not always enough on a loaded machine)."""
    deadline = time.monotonic() + 10
    while not condition():
        assert time.monotonic() < deadline, f"still waiting for {what}"
        await asyncio.sleep(0.01)


async def type_text(pilot: Pilot, text: str) -> None:
    """Type ``text`` key by key, as a person would."""
    await pilot.press(*text)


async def choose(pilot: Pilot, search: str) -> None:
    """In a focused drop-down: open it, type to find the option, take it."""
    await pilot.press("enter", *search, "enter")


async def run_command(pilot: Pilot, search: str) -> None:
    """Open the command palette, type ``search`` and run the command it finds first."""
    await pilot.press("ctrl+p")
    await type_text(pilot, search)
    await palette_offers(pilot, search)
    await pilot.press("enter")
    await pilot.pause()


async def palette_offers(pilot: Pilot, search: str) -> None:
    """Wait for the command palette to highlight a command that says ``search``: it
    searches in a worker, and on a loaded machine enter may come before the answer."""
    from textual.command import CommandList, CommandPalette

    def offered() -> bool:
        screen = pilot.app.screen
        if not isinstance(screen, CommandPalette):
            return False
        commands = screen.query_one(CommandList)
        if commands.highlighted is None or not commands.option_count:
            return False
        prompt = commands.get_option_at_index(commands.highlighted).prompt
        return search.lower() in getattr(prompt, "plain", str(prompt)).lower()

    await until(offered, f"the palette to offer {search!r}")


async def retype(pilot: Pilot, text: str) -> None:
    """Clear the focused field, type ``text`` in it and press enter (a prompt's answer)."""
    await pilot.press("ctrl+u")
    await type_text(pilot, text)
    await pilot.press("enter")
    await pilot.pause()


def screen_text(pilot: Pilot) -> str:
    """The plain text the current screen shows, line by line."""
    return "\n".join(strip.text for strip in pilot.app.screen._compositor.render_strips())


def focused_id(pilot: Pilot) -> str | None:
    focused = pilot.app.focused
    return focused.id if focused is not None else None
