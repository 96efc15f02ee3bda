"""Benchmarks and reports run from the repository root (``python -m bench.<name>``)."""
