"""Atomic file replacement: temp file with restrictive mode, fsync, rename, fsync the folder; and
the verified write to a removable disk (``write_stream``, ``write_verified``): never a final-named
bad file."""

from __future__ import annotations

import contextlib
import errno
import hashlib
import io
import os
import shutil
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from desktop.errors import Cancelled, StorageError

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer


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
    # FAT32, the usual format of USB sticks, holds no file of 4 GiB or more
    errno.EFBIG: "文件超过目标磁盘单个文件的大小上限（FAT32 格式的 U 盘不超过 4 GB）",
}


def require_space(folder: Path, needed: int) -> None:
    """Refuse before writing when ``folder`` (on a stick) is missing or visibly too small."""
    try:
        free = shutil.disk_usage(folder).free
    except OSError as e:
        reason = _STICK_ERRORS.get(e.errno or 0, e.strerror or str(e))
        raise StorageError(f"无法写入 {folder}：{reason}。") from e
    if free < needed:
        raise StorageError(
            f"目标磁盘（U 盘）空间不足：约需 {_mib(needed)}，只剩 {_mib(free)}。未写入任何文件。"
        )


def _mib(size: int) -> str:
    return f"{size / 1024 / 1024:.1f} MB"


class _Tap(io.BufferedIOBase, BinaryIO):
    """What ``produce`` writes to: the partial file, hashed and counted, with ``cancelled`` asked
    before every write. Offers no seek or tell: producers stream (zipfile writes data
    descriptors)."""

    def __init__(self, stream: BinaryIO, cancelled: Callable[[], bool] | None) -> None:
        super().__init__()
        self._stream = stream
        self._cancelled = cancelled
        self.sha = hashlib.sha256()
        self.count = 0

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        if self._cancelled is not None and self._cancelled():
            raise Cancelled()
        self._stream.write(data)
        self.sha.update(data)
        size = memoryview(data).nbytes
        self.count += size
        return size

    def flush(self) -> None:
        self._stream.flush()

    def __del__(self) -> None:
        # io's finaliser would flush the stream, which write_stream has closed by then.
        pass


def _full_fsync(fd: int) -> None:
    os.fsync(fd)
    if sys.platform == "darwin":  # fsync leaves the data in the drive's cache on macOS
        import fcntl

        fcntl.fcntl(fd, fcntl.F_FULLFSYNC)


def _drop_cache(fd: int) -> None:
    """Forget the file's cached pages, so the read-back comes from the disk, not from memory.
    Advisory: where it is missing (Windows, macOS) or refused, the read-back still compares."""
    advise = getattr(os, "posix_fadvise", None)
    if advise is not None:
        with contextlib.suppress(OSError):
            advise(fd, 0, 0, os.POSIX_FADV_DONTNEED)


class _VerifyFailed(Exception):
    """Carries an exception raised by ``verify`` past the OSError translation."""

    def __init__(self, error: BaseException) -> None:
        super().__init__()
        self.error = error


def write_stream(
    path: Path,
    produce: Callable[[BinaryIO], None],
    *,
    verify: Callable[[BinaryIO], None] | None = None,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    opener: Callable[[Path], BinaryIO] | None = None,
) -> str:
    """Write what ``produce(out)`` writes to ``path`` on a removable disk so that the disk never
    holds a final-named bad file; returns the SHA-256 (hex) of the file.

    1. ``produce`` writes ``NAME.partial`` through ``out`` (hashed and counted as it goes;
       ``cancelled()`` is asked before every write);
    2. flush, fsync (F_FULLFSYNC on macOS), drop the file's page cache where the system allows;
    3. read the partial back in 1 MiB chunks (``progress(done, total)`` counts these bytes;
       the writing is reported by ``produce`` itself) and compare the hash and the length;
    4. ``verify(file)`` on the partial, opened for reading (seekable): whatever it raises
       propagates unchanged, after the partial is removed;
    5. rename to ``path`` and fsync the folder.

    On any failure or cancel the partial file is removed and ``StorageError`` (a full, pulled or
    read-only stick, in Chinese), ``Cancelled`` or the error of ``produce``/``verify`` says what
    happened. An existing file of the final name is never overwritten."""
    if path.exists():
        raise StorageError(
            f"目标文件夹中已有同名文件 {path.name}，未写入。请换一个文件名或文件夹。"
        )
    partial = path.with_name(f"{path.name}.partial")
    open_file = opener or (lambda p: open(p, "wb"))  # noqa: SIM115 (closed below)
    try:
        stream = open_file(partial)
        try:
            tap = _Tap(stream, cancelled)
            produce(tap)
            stream.flush()
            _full_fsync(stream.fileno())
            _drop_cache(stream.fileno())
        finally:
            stream.close()
        digest = tap.sha.hexdigest()
        with open(partial, "rb") as check:
            _drop_cache(check.fileno())
            sha = hashlib.sha256()
            done = 0
            while chunk := check.read(CHUNK):
                if cancelled is not None and cancelled():
                    raise Cancelled()
                sha.update(chunk)
                done += len(chunk)
                if progress is not None:
                    progress(done, tap.count)
        if done != tap.count or sha.hexdigest() != digest:
            raise StorageError(f"写入 {path.name} 后读回的内容与原文件不一致，U 盘可能有故障。")
        if verify is not None:
            with open(partial, "rb") as written:
                try:
                    verify(written)
                except BaseException as e:
                    raise _VerifyFailed(e) from e
        if path.exists():
            raise StorageError(f"目标文件夹中已有同名文件 {path.name}，未写入。")
        os.replace(partial, path)
        fsync_dir(path.parent)
    except _VerifyFailed as failed:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise failed.error from None
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


def write_verified(
    path: Path,
    data: bytes,
    *,
    progress: Callable[[int, int], None] | None = None,
    cancelled: Callable[[], bool] | None = None,
    opener: Callable[[Path], BinaryIO] | None = None,
) -> str:
    """Write ``data`` to ``path`` on a removable disk so that the disk never holds a final-named
    bad file: ``write_stream`` with ``data`` written in 1 MiB chunks (``progress`` counts them),
    read back and compared. Returns the SHA-256. On any failure or cancel the partial file is
    removed and ``StorageError`` (or ``Cancelled``) says what happened; an existing file of the
    final name is never overwritten."""

    def produce(out: BinaryIO) -> None:
        for start in range(0, len(data), CHUNK):
            out.write(data[start : start + CHUNK])
            if progress is not None:
                progress(min(start + CHUNK, len(data)), len(data))

    return write_stream(path, produce, cancelled=cancelled, opener=opener)
