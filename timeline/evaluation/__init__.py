"""Scoring the engine against hand-annotated gold files, TempEval-3 style (no Django)."""
