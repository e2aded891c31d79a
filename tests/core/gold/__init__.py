"""Gold data for the alignment tests (SYNTHETIC TEST TEXT) and how it is scored."""
