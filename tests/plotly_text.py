"""What Plotly shows for a label or hover string: its entity decoding, mirrored from plotly.js.

plotly.js (``svg_text_utils.convertEntities``) decodes numeric entities and only these
names; any other entity, ``&quot;`` included, is drawn as it is written.
"""

from __future__ import annotations

import re

_NAMED = {"mu": "μ", "amp": "&", "lt": "<", "gt": ">", "nbsp": "\xa0", "times": "×", "plusmn": "±", "deg": "°"}
_ENTITY = re.compile(r"&(#\d+|#x[\da-fA-F]+|[a-z]+);")
_BREAK = re.compile(r"<br\s*/?>", re.IGNORECASE)
_TAG = re.compile(r"<[^>]*>")


def _decode(match: re.Match[str]) -> str:
    name = match.group(1)
    if name.startswith("#x"):
        return chr(int(name[2:], 16))
    if name.startswith("#"):
        return chr(int(name[1:]))
    return _NAMED.get(name, match.group(0))


def plotly_shows(markup: str) -> str:
    """The text a reader sees: Plotly's tags (``<b>``, ``<br>``…) dropped, entities decoded."""
    return _ENTITY.sub(_decode, _TAG.sub("", _BREAK.sub(" ", markup)))
