"""The OKR planner's domain: plans, rules, storage and exports. Pure Python, no UI.

Nothing in this package imports textual; the TUI, the CLI and the exporters all call
into it, so every rule about what a plan is lives here once.
"""

from __future__ import annotations

__version__ = "0.1.0"
