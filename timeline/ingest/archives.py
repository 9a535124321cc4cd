"""Article files out of an uploaded .zip, checked before a single byte is extracted.

Nothing is written to disk: members are read into memory by name, so a member path
("../../etc/passwd", "/abs", "C:\\x") can never escape anywhere; only its base name is
kept for display. Before reading, the central directory must pass: at most
``max_members`` article files, each no larger than ``max_member_bytes`` uncompressed,
all together no more than ``max_total_bytes``, and neither the archive as a whole nor
any member over ``RATIO_FLOOR`` compressed more than ``max_ratio`` to one (zip bombs: many
small members each under the floor still add up in the whole-archive ratio; below the
floor a short repetitive text may compress that well and is harmless). A member that
declares less than it holds is cut off at its declared size plus one byte and refused; a
member that is not a regular file (a symbolic link, whose "text" would be its target path,
a device or a pipe) is refused without being read.
"""

from __future__ import annotations

import io
import stat
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from timeline.ingest.errors import FileRejected
from timeline.ingest.files import ALLOWED_SUFFIXES

# Sizes under which the compression ratio is not checked: a few pages of repeated text
# compress 100 times, yet 64 KiB cannot hurt anyone.
RATIO_FLOOR = 64 * 1024


@dataclass(frozen=True)
class ArchiveMember:
    """One member: its display name and either its bytes or why it was refused."""

    name: str
    data: bytes = b""
    refused: str = ""


@dataclass(frozen=True)
class ArchiveLimits:
    max_members: int
    max_member_bytes: int
    max_total_bytes: int
    max_ratio: int


def read_zip(data: bytes, *, archive_name: str, limits: ArchiveLimits) -> list[ArchiveMember]:
    """The archive's article members in archive order; raises ``FileRejected`` for the whole archive.

    Folders, hidden files and macOS resource forks are skipped silently; members of other
    types (and nested archives) come back refused with their reason.
    """
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, zipfile.LargeZipFile) as exc:
        raise FileRejected(f"{archive_name}: not a readable .zip archive ({exc}).") from exc
    with archive:
        infos = [info for info in archive.infolist() if _is_content(info)]
        _check_directory(infos, archive_name, limits)
        return [_member(archive, info, archive_name, limits) for info in infos]


def _is_content(info: zipfile.ZipInfo) -> bool:
    parts = PurePosixPath(info.filename.replace("\\", "/")).parts
    hidden = any(p == "__MACOSX" or (p.startswith(".") and p not in {".", ".."}) for p in parts)
    return not info.is_dir() and bool(parts) and not hidden


def _check_directory(infos: list[zipfile.ZipInfo], archive_name: str, limits: ArchiveLimits) -> None:
    articles = [info for info in infos if _suffix(info) in ALLOWED_SUFFIXES]
    if not articles:
        raise FileRejected(f"{archive_name}: the archive holds no {', '.join(ALLOWED_SUFFIXES)} files.")
    if len(articles) > limits.max_members:
        raise FileRejected(f"{archive_name}: {len(articles):,} article files; the limit is {limits.max_members:,} "
                           "per archive. Split it into several archives.")  # fmt: skip
    total = sum(info.file_size for info in articles)
    if total > limits.max_total_bytes:
        raise FileRejected(f"{archive_name}: its files add up to {total:,} bytes uncompressed; "
                           f"the limit is {limits.max_total_bytes:,} bytes.")  # fmt: skip
    for info in articles:
        if _too_compressed(info.file_size, info.compress_size, limits):
            raise FileRejected(
                f"{archive_name}: {_base(info)} expands {info.file_size // max(info.compress_size, 1):,}"
                f" times; more than {limits.max_ratio} times is refused as a possible zip bomb."
            )
    packed = sum(info.compress_size for info in articles)
    if _too_compressed(total, packed, limits):
        raise FileRejected(f"{archive_name}: its files expand {total // max(packed, 1):,} times altogether "
                           f"({total:,} bytes from {packed:,}); more than {limits.max_ratio} times is "
                           "refused as a possible zip bomb.")  # fmt: skip


def _too_compressed(size: int, packed: int, limits: ArchiveLimits) -> bool:
    return size > RATIO_FLOOR and size > limits.max_ratio * max(packed, 1)


def _not_regular(info: zipfile.ZipInfo) -> str:
    """What the member is when its Unix mode says it is not a regular file ("" otherwise).

    Archives made on Windows carry no Unix mode (the high 16 bits are zero): those are files.
    """
    mode = info.external_attr >> 16
    if not stat.S_IFMT(mode) or stat.S_ISREG(mode):
        return ""
    return "a symbolic link" if stat.S_ISLNK(mode) else "not a regular file"


def _member(archive: zipfile.ZipFile, info: zipfile.ZipInfo, archive_name: str, limits: ArchiveLimits) -> ArchiveMember:
    name = _base(info)
    suffix = _suffix(info)
    if suffix not in ALLOWED_SUFFIXES:
        kind = "an archive inside the archive" if suffix in {".zip", ".gz", ".tar", ".7z", ".rar"} else "unsupported"
        return ArchiveMember(name, refused=f"{name}: {kind} ({suffix or 'no extension'}); "
                                           f"use one of {', '.join(ALLOWED_SUFFIXES)}.")  # fmt: skip
    if kind := _not_regular(info):
        return ArchiveMember(name, refused=f"{name}: {kind} in the archive, not an article file; refused.")
    if info.flag_bits & 0x1:
        return ArchiveMember(name, refused=f"{name}: encrypted in the archive; unpack it and upload the file.")
    if info.file_size > limits.max_member_bytes:
        return ArchiveMember(name, refused=f"{name}: the file is {info.file_size:,} bytes; "
                                           f"the limit is {limits.max_member_bytes:,} bytes.")  # fmt: skip
    try:
        with archive.open(info) as member:
            content = member.read(info.file_size + 1)  # never more than it declared (plus one to notice a lie)
    except (zipfile.BadZipFile, NotImplementedError, OSError, EOFError) as exc:
        return ArchiveMember(name, refused=f"{name}: could not be read from {archive_name} ({exc}).")
    if len(content) > info.file_size:
        return ArchiveMember(name, refused=f"{name}: holds more than the size it declares; refused.")
    return ArchiveMember(name, content)


def _base(info: zipfile.ZipInfo) -> str:
    return PurePosixPath(info.filename.replace("\\", "/")).name or "unnamed"


def _suffix(info: zipfile.ZipInfo) -> str:
    return PurePosixPath(_base(info)).suffix.lower()
