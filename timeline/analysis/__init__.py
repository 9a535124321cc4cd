"""An article's analysis as stored: checked input, rows written from the engine's output, curated fields kept."""
