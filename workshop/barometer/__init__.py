"""The opinion barometer ("Åsiktsbarometer"): one method of the workshop."""
