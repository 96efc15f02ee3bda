"""Profile ``okr PLAN`` from the first import to the first paint (needs pyinstrument,
from the optional ``bench`` extra), to see where start-up time goes.

    python -m bench.profile_start PLAN [--html out.html]

Runs the real command in this process, in the current terminal; the app exits on its
own right after its first screen is painted, then the profile is printed.
"""

from __future__ import annotations

import argparse
import sys


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("plan")
    parser.add_argument("--html", help="write an HTML report here instead of text")
    parser.add_argument("--out", help="write the text report here (default: stdout)")
    parser.add_argument("--flat", action="store_true", help="a flat list of the slowest functions")
    parser.add_argument("--all", action="store_true", help="show library frames too")
    options = parser.parse_args(argv)
    from pyinstrument import Profiler

    profiler = Profiler(interval=0.0005)
    profiler.start()
    from textual.app import App

    _install(App)
    from tui.cli import main as okr

    okr([options.plan])
    profiler.stop()
    if options.html:
        with open(options.html, "w", encoding="utf-8") as out:
            out.write(profiler.output_html())
    else:
        text = profiler.output_text(
            unicode=True, color=False, flat=options.flat, show_all=options.all
        )
        if options.out:
            with open(options.out, "w", encoding="utf-8") as out:
                out.write(text)
        else:
            sys.stdout.write(text)
    return 0


def _install(app_class: type) -> None:
    """Make every app exit right after its screen first shows the plan."""
    original_ready = app_class._ready

    async def ready(self) -> None:  # type: ignore[no-untyped-def]
        await original_ready(self)
        self.set_interval(0.002, lambda: _exit_when_painted(self))

    app_class._ready = ready  # type: ignore[attr-defined]


def _exit_when_painted(app) -> None:  # type: ignore[no-untyped-def]
    wizard = getattr(app, "wizard", None)
    if wizard is not None and "objective" in getattr(wizard, "panes", {}):
        app.call_after_refresh(app.exit)


if __name__ == "__main__":
    raise SystemExit(main())
