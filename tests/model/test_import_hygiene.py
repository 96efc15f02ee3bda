"""The domain package must never pull in the UI toolkit (STYLE.md rule 1)."""

from __future__ import annotations

import subprocess
import sys


def test_importing_model_does_not_import_textual():
    code = (
        "import sys, pkgutil, importlib, model\n"
        "for m in pkgutil.walk_packages(model.__path__, 'model.'):\n"
        "    importlib.import_module(m.name)\n"
        "assert 'textual' not in sys.modules, sorted(k for k in sys.modules if 'textual' in k)\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_command_line_tools_do_not_import_textual():
    code = (
        "import sys\n"
        "from tui.cli import build_parser\n"
        "from tui.commands import command_modules\n"
        "build_parser(command_modules())\n"
        "assert 'textual' not in sys.modules\n"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
