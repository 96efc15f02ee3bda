"""The planner's screens: one pane per wizard step inside the main screen, and dialogs."""
