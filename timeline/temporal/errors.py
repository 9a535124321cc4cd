"""Errors the engine raises for input it cannot take."""


class InputError(ValueError):
    """Bad input to the engine, with a message fit to show a user."""
