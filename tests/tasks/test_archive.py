"""Uploaded .zip archives: checked from the central directory before anything is extracted."""

from __future__ import annotations

import io
import zipfile

import pytest

from timeline.exceptions import FileRejected
from timeline.ingest.archives import ArchiveLimits, read_zip

LIMITS = ArchiveLimits(max_members=5, max_member_bytes=10_000, max_total_bytes=25_000, max_ratio=100)


def make_zip(members: dict[str, bytes], *, compression: int = zipfile.ZIP_DEFLATED) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=compression) as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def test_article_members_come_back_by_base_name_and_the_rest_is_refused_or_skipped():
    data = make_zip({
        "wire/a.txt": b"Talks on Monday.", "b.html": b"<p>Vote on Friday.</p>", "notes/c.md": b"# C\nOn Sunday.",
        "photo.png": b"\x89PNG....", "inner.zip": make_zip({"x.txt": b"x"}), "__MACOSX/._a.txt": b"junk",
        ".hidden.txt": b"secret", "empty-folder/": b"",
    })  # fmt: skip
    members = read_zip(data, archive_name="wire.zip", limits=LIMITS)
    assert [(m.name, m.data) for m in members if not m.refused] == [
        ("a.txt", b"Talks on Monday."), ("b.html", b"<p>Vote on Friday.</p>"), ("c.md", b"# C\nOn Sunday."),
    ]  # fmt: skip
    refused = {m.name: m.refused for m in members if m.refused}
    assert set(refused) == {"photo.png", "inner.zip"}
    assert "unsupported (.png)" in refused["photo.png"] and "an archive inside the archive" in refused["inner.zip"]


@pytest.mark.parametrize("name", ["../../etc/passwd.txt", "/etc/cron.d/evil.txt", "..\\..\\windows\\evil.txt"])
def test_a_member_path_never_escapes_only_its_base_name_is_kept(name):
    (member,) = read_zip(make_zip({name: b"Talks on Monday."}), archive_name="evil.zip", limits=LIMITS)
    assert member.name == name.replace("\\", "/").rsplit("/", 1)[-1] and member.data == b"Talks on Monday."


def test_a_zip_bomb_is_refused_before_anything_is_extracted(monkeypatch):
    bomb = make_zip({"bomb.txt": b"0" * 3_000_000})  # about 3 KB compressed
    big = ArchiveLimits(max_members=5, max_member_bytes=10**8, max_total_bytes=10**8, max_ratio=100)

    def no_extraction(*args, **kwargs):
        raise AssertionError("a member was opened before the archive was checked")

    monkeypatch.setattr(zipfile.ZipFile, "open", no_extraction)
    with pytest.raises(FileRejected, match="expands .* times; more than 100 times is refused as a possible zip bomb"):
        read_zip(bomb, archive_name="bomb.zip", limits=big)


def test_the_sum_of_the_declared_sizes_and_the_member_count_are_checked_first(monkeypatch):
    many = make_zip({f"{n}.txt": b"Talks on Monday." for n in range(6)})
    large = make_zip({f"{n}.txt": bytes(range(256)) * 39 for n in range(3)}, compression=zipfile.ZIP_STORED)
    monkeypatch.setattr(zipfile.ZipFile, "open", lambda *a, **k: pytest.fail("opened a member"))
    with pytest.raises(FileRejected, match="6 article files; the limit is 5"):
        read_zip(many, archive_name="many.zip", limits=LIMITS)
    with pytest.raises(FileRejected, match="add up to 29,952 bytes uncompressed; the limit is 25,000"):
        read_zip(large, archive_name="large.zip", limits=LIMITS)


def test_an_oversized_member_is_refused_on_its_own():
    data = make_zip({"big.txt": b"a b " * 3000, "ok.txt": b"Talks on Monday."}, compression=zipfile.ZIP_STORED)
    members = {m.name: m for m in read_zip(data, archive_name="w.zip", limits=LIMITS)}
    assert members["big.txt"].refused == "big.txt: the file is 12,000 bytes; the limit is 10,000 bytes."
    assert members["ok.txt"].data == b"Talks on Monday."


def test_a_member_that_lies_about_its_size_is_cut_off_and_refused():
    data = bytearray(make_zip({"liar.txt": b"Talks on Monday and more."}, compression=zipfile.ZIP_STORED))
    # Shrink the declared size in the central directory (the local header is not checked by zipfile).
    offset = data.rindex(b"PK\x01\x02") + 24
    data[offset : offset + 4] = (5).to_bytes(4, "little")
    (member,) = read_zip(bytes(data), archive_name="liar.zip", limits=LIMITS)
    assert member.data == b"" and "liar.txt" in member.refused


@pytest.mark.parametrize("data", [b"PK\x03\x04 broken", b"not a zip at all", b""])
def test_an_unreadable_archive_is_refused_with_its_name(data):
    with pytest.raises(FileRejected, match=r"^w\.zip: not a readable \.zip archive"):
        read_zip(data, archive_name="w.zip", limits=LIMITS)


def test_an_archive_without_articles_says_so():
    with pytest.raises(FileRejected, match="holds no .txt, .md, .html, .htm files"):
        read_zip(make_zip({"a.pdf": b"%PDF"}), archive_name="w.zip", limits=LIMITS)
