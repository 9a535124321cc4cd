"""Read only regular files from disk: a named pipe, socket or device is refused, never opened.

Opening a FIFO for reading blocks until something writes to it, so an import run that
met one in a folder, on its command line or in a manifest would hang for ever. The
file type is checked with ``os.stat`` first; the file is then opened non-blocking and
checked again on the open descriptor, so a file swapped for a pipe in between cannot
block either.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

# What a non-regular file is, for the refusal message.
_KINDS = (
    (stat.S_ISDIR, "a folder"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISSOCK, "a socket"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
)


class NotRegularFile(OSError):
    """The path names a folder, pipe, socket or device; the message says which."""


def kind_of(mode: int) -> str:
    """'' for a regular file, else what it is ("a named pipe (FIFO)", ...)."""
    if stat.S_ISREG(mode):
        return ""
    return next((kind for test, kind in _KINDS if test(mode)), "not a regular file")


def not_regular_reason(path: Path) -> str:
    """Why ``path`` cannot be read as an article ('' when it is a regular file or does not exist)."""
    try:
        kind = kind_of(os.stat(path).st_mode)
    except FileNotFoundError:
        return ""
    return f"{kind}, not a regular file; only regular files are read" if kind else ""


def read_regular(path: Path, limit: int | None = None) -> bytes:
    """A regular file's bytes: all of them, or at most ``limit + 1`` (to notice it is over).

    Raises ``NotRegularFile`` (with the reason) for anything that is not a regular file,
    ``FileNotFoundError``/``PermissionError`` as ``open`` does.
    """
    if reason := not_regular_reason(path):
        raise NotRegularFile(reason)
    descriptor = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(descriptor, "rb") as handle:
        if kind := kind_of(os.fstat(handle.fileno()).st_mode):
            raise NotRegularFile(f"{kind}, not a regular file; only regular files are read")
        return handle.read(-1 if limit is None else limit + 1)
