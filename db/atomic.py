"""Atomic file replacement: temp file with restrictive mode, fsync, rename, fsync the folder."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import os
from collections.abc import Callable
from pathlib import Path
from typing import BinaryIO

from desktop.errors import Cancelled, StorageError


def fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)


def write_atomic(path: Path, data: bytes, mode: int = 0o600) -> None:
    temp = path.with_name(f"{path.name}.tmp.{os.getpid()}")
    try:
        fd = os.open(temp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC, mode)
        with os.fdopen(fd, "wb") as f:
            f.write(data)
            f.flush()
            os.fsync(f.fileno())
        os.replace(temp, path)
        fsync_dir(path.parent)
    except OSError as e:
        with contextlib.suppress(OSError):
            temp.unlink()
        raise StorageError(f"无法写入文件 {path}：{e.strerror or e}") from e


CHUNK = 1024 * 1024
_STICK_ERRORS = {
    errno.ENOSPC: "目标磁盘（U 盘）空间不足",
    errno.EDQUOT: "目标磁盘（U 盘）空间不足",
    errno.EROFS: "目标磁盘（U 盘）是只读的",
    errno.EACCES: "没有写入目标文件夹的权限",
    errno.EPERM: "没有写入目标文件夹的权限",
    errno.EIO: "U 盘读写出错，可能已被拔出",
    errno.ENODEV: "U 盘已被拔出",
    errno.ENOENT: "目标文件夹不存在，U 盘可能已被拔出",
}


def write_verified(
    path: Path,
    data: bytes,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    opener: Callable[[Path], BinaryIO] | None = None,
) -> str:
    """Write ``data`` to ``path`` on a removable disk so that the disk never holds a final-named
    bad file: write ``NAME.partial`` in chunks (progress, cancel), fsync, read it back and compare
    its SHA-256, then rename and fsync the folder. Returns the SHA-256. On any failure or cancel
    the partial file is removed and ``StorageError`` (or ``Cancelled``) says what happened; an
    existing file of the final name is never overwritten."""
    digest = hashlib.sha256(data).hexdigest()
    if path.exists():
        raise StorageError(
            f"目标文件夹中已有同名文件 {path.name}，未写入。请换一个文件名或文件夹。"
        )
    partial = path.with_name(f"{path.name}.partial")
    open_file = opener or (lambda p: open(p, "wb"))  # noqa: SIM115 (closed below)
    try:
        stream = open_file(partial)
        try:
            for start in range(0, len(data), CHUNK):
                if cancelled is not None and cancelled():
                    raise Cancelled()
                stream.write(data[start : start + CHUNK])
                if progress is not None:
                    progress(min(start + CHUNK, len(data)), len(data))
            stream.flush()
            os.fsync(stream.fileno())
        finally:
            stream.close()
        with open(partial, "rb") as check:
            if hashlib.sha256(check.read()).hexdigest() != digest:
                raise StorageError(f"写入 {path.name} 后读回的内容与原文件不一致，U 盘可能有故障。")
        os.replace(partial, path)
        fsync_dir(path.parent)
    except OSError as e:
        with contextlib.suppress(OSError):
            partial.unlink()
        reason = _STICK_ERRORS.get(e.errno or 0, e.strerror or str(e))
        raise StorageError(f"无法写入 {path}：{reason}。未留下不完整的文件。") from e
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return digest
