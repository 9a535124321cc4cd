"""The article timeline figure (one lane per article)."""
