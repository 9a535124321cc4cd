"""A UTF-8 file with a few corrupt bytes stays UTF-8 (the bad bytes replaced, with a warning);
only a text that is not UTF-8 at all is read in another encoding."""

from __future__ import annotations

import pytest

from timeline.ingest.files import MAX_INVALID_UTF8_SHARE, decode_bytes, read_article_file

FRENCH = "Le café de la gare a rouvert lundi après des travaux; les clients étaient ravis de retrouver la crème brûlée."
GERMAN = "Die Gespräche über die Brücke in Köln wurden am Montag fortgesetzt, teilte das Ministerium mit. " * 3


def _corrupt(text: str, *bad: bytes) -> bytes:
    """``text`` as UTF-8 with ``bad`` bytes put between words (never inside a character)."""
    words = text.encode().split(b" ")
    for n, junk in enumerate(bad, start=1):
        words[n * 3] = junk + words[n * 3]
    return b" ".join(words)


# UTF-8 bytes with a few corrupt ones, and how many invalid sequences they hold.
REPAIRED = [
    (_corrupt(FRENCH, b"\xff"), 1),
    (_corrupt(GERMAN, b"\x80", b"\xfe"), 2),
    (b"\xef\xbb\xbf" + _corrupt(FRENCH, b"\xc3"), 1),  # with a BOM, a lone lead byte
]


@pytest.mark.parametrize(("data", "bad"), REPAIRED)
def test_utf8_with_a_few_bad_bytes_keeps_every_accent(data, bad):
    text, warnings = decode_bytes(data, "wire.txt")
    assert text.count("\ufffd") == bad
    assert text.replace("\ufffd", "") in (FRENCH, GERMAN)
    assert "Ã" not in text and "Г©" not in text
    (warning,) = warnings
    assert warning.startswith(f"wire.txt: valid UTF-8 except {bad} invalid byte sequence")


def test_the_file_reader_says_so_in_the_import_warnings(tmp_path):
    (tmp_path / "wire.txt").write_bytes(_corrupt(FRENCH, b"\xff"))
    decoded = read_article_file(tmp_path / "wire.txt")
    assert "café" in decoded.text and "crème brûlée" in decoded.text
    assert decoded.warnings and "invalid byte sequence" in decoded.warnings[0]


# Texts that are not UTF-8: a legacy encoding is read whole, as before.
LEGACY = [
    ("Café owners said “no comment” on Monday.".encode("cp1252"), "Café owners said “no comment” on Monday."),
    ("Über die Brücke ging es am Montag.".encode("latin-1"), "Über die Brücke ging es am Montag."),
]


@pytest.mark.parametrize(("data", "text"), LEGACY)
def test_a_text_with_no_valid_utf8_sequence_falls_back_to_windows_1252(data, text):
    decoded, warnings = decode_bytes(data, "old.txt")
    assert decoded == text and "read as Windows-1252" in warnings[0]


def test_too_many_bad_bytes_is_not_utf8():
    junk = [b"\xff"] * (int(len(FRENCH.encode()) * MAX_INVALID_UTF8_SHARE) + 2)
    data = b" ".join([*junk, FRENCH.encode()])
    _, warnings = decode_bytes(data, "mixed.txt")
    assert "valid UTF-8 except" not in warnings[0]


def test_valid_utf8_is_read_exactly_without_warning():
    assert decode_bytes(FRENCH.encode(), "ok.txt") == (FRENCH, [])
    # A replacement character the author wrote is not counted as damage.
    assert decode_bytes(("\ufffd " + FRENCH).encode(), "ok.txt") == ("\ufffd " + FRENCH, [])
