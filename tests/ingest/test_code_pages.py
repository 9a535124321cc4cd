"""Text in another alphabet's code page is read in that code page; a Latin text keeps Windows-1252."""

from __future__ import annotations

import pytest

from timeline.ingest.files import decode_bytes


@pytest.mark.parametrize(
    ("text", "encoding"),
    [("Переговоры в Москве возобновятся в понедельник, сообщили в министерстве.", "cp1251"),
     ("Οι συνομιλίες ξαναρχίζουν τη Δευτέρα στην Αθήνα.", "cp1253")],
)  # fmt: skip
def test_a_text_in_another_alphabets_code_page_is_read_in_it_not_as_windows_1252(text, encoding):
    decoded, warnings = decode_bytes(text.encode(encoding), "wire.txt")
    assert decoded == text and f"read as {encoding}" in warnings[0]


def test_a_latin_text_keeps_windows_1252_whatever_a_guesser_prefers():
    text = "Talks resumed on Monday in Zürich – “finally”."
    decoded, warnings = decode_bytes(text.encode("cp1252"), "wire.txt")
    assert decoded == text and "read as Windows-1252" in warnings[0]
