"""The terminal side of the planner: the Textual app and the ``okr`` command line.

Importing this package does not import textual; only opening the app does, so the
command-line tools (``okr check``, ``okr export``...) start fast.
"""
