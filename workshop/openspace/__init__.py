"""Open Space: one method of the workshop."""
