"""URL converters: an id in a path is a row id a database column can hold, or the URL does not match."""

from __future__ import annotations

from timeline.models import MAX_ID


class RowIdConverter:
    """Like Django's ``int``, but an id past ``MAX_ID`` is a 404 instead of a database error."""

    regex = "[0-9]{1,19}"

    def to_python(self, value: str) -> int:
        number = int(value)
        if number > MAX_ID:
            raise ValueError(f"{value} is larger than any row id")
        return number

    def to_url(self, value: int) -> str:
        return str(value)
