"""The minutes of each statement ("Protokollsanteckning"): storage, web."""
