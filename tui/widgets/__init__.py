"""Reusable widgets of the planner: the step list, lists and the items editor."""
