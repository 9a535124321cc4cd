"""Rules as data: regex patterns with the examples they must get right."""
