"""The story chronology figure (one row per happening)."""
