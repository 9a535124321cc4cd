"""TimeML 1.2: one reader and one writer, for evaluation and exports."""
