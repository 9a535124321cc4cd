"""Hostile .zip uploads built in memory: many small bombs, a mid-sized bomb, a symbolic link."""

from __future__ import annotations

import io
import stat
import zipfile

import pytest

from timeline.exceptions import FileRejected
from timeline.ingest.archives import RATIO_FLOOR, ArchiveLimits, read_zip

# Generous size limits, so only the compression ratio can refuse these archives.
LIMITS = ArchiveLimits(max_members=500, max_member_bytes=10**7, max_total_bytes=10**8, max_ratio=100)
PROSE = (
    "The talks resumed on Monday after a weekend of shelling near the port. Negotiators from "
    "both sides met in a hotel for six hours, and a spokesman said on Tuesday that a deal on "
    "prisoners could follow within days. "
)


def zip_of(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def forbid_reading(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *a, **k: pytest.fail("a member was read before refusing"))


def test_many_small_members_that_expand_hugely_together_are_refused(monkeypatch):
    # Each member stays under the per-member floor; together they expand about a thousand times.
    bomb = zip_of({f"part{n}.txt": b"A" * (RATIO_FLOOR - 1) for n in range(60)})
    assert len(bomb) * 100 < 60 * (RATIO_FLOOR - 1)
    forbid_reading(monkeypatch)
    with pytest.raises(FileRejected, match=r"expand [\d,]+ times altogether .* possible zip bomb"):
        read_zip(bomb, archive_name="small-bombs.zip", limits=LIMITS)


def test_a_member_over_the_floor_but_under_a_megabyte_is_checked(monkeypatch):
    bomb = zip_of({"story.txt": PROSE.encode(), "padding.txt": b"0" * (4 * RATIO_FLOOR)})
    forbid_reading(monkeypatch)
    with pytest.raises(FileRejected, match=r"padding\.txt expands [\d,]+ times; more than 100 times"):
        read_zip(bomb, archive_name="mid-bomb.zip", limits=LIMITS)


def test_ordinary_articles_and_a_short_repetitive_text_pass():
    members = {f"article{n}.txt": (PROSE * 40).encode() for n in range(3)}  # repeated prose: about 4 KB each
    members["list.txt"] = b"-\n" * 2000  # a tiny, very compressible file under the floor
    read = read_zip(zip_of(members), archive_name="wire.zip", limits=LIMITS)
    assert [m.name for m in read] == list(members) and all(not m.refused for m in read)


def _with_link(target: bytes) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("real.txt", PROSE.encode())
        link = zipfile.ZipInfo("link.txt")
        link.create_system = 3  # Unix, where the high bits of external_attr are the file mode
        link.external_attr = (stat.S_IFLNK | 0o777) << 16
        archive.writestr(link, target)
    return buffer.getvalue()


def test_a_symbolic_link_member_is_refused_and_its_target_never_becomes_text():
    members = {m.name: m for m in read_zip(_with_link(b"/etc/passwd"), archive_name="links.zip", limits=LIMITS)}
    assert members["real.txt"].data == PROSE.encode() and not members["real.txt"].refused
    assert members["link.txt"].data == b"" and "symbolic link" in members["link.txt"].refused


def test_a_member_without_a_unix_mode_is_a_plain_file():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        info = zipfile.ZipInfo("windows.txt")
        info.create_system = 0
        info.external_attr = 0x20  # the DOS "archive" attribute only
        archive.writestr(info, PROSE.encode())
    (member,) = read_zip(buffer.getvalue(), archive_name="w.zip", limits=LIMITS)
    assert member.data == PROSE.encode() and not member.refused
