"""Writing to a removable disk: a full stick, a stick pulled out, a read-only stick and a cancel
all end with a clear message and no final-named (or partial) file; a good write is read back."""

from __future__ import annotations

import errno
import hashlib
import io
import os
from pathlib import Path
from typing import BinaryIO

import pytest

from db.atomic import CHUNK, write_verified
from desktop.errors import Cancelled, StorageError

DATA = bytes(range(256)) * (3 * CHUNK // 256 + 17)  # a little over three chunks


class FailingFile(io.BytesIO):
    """Accepts ``limit`` bytes, then fails as a full, pulled or read-only stick would."""

    def __init__(self, path: Path, limit: int, code: int) -> None:
        super().__init__()
        self.path = path
        self.limit = limit
        self.code = code
        path.write_bytes(b"")  # the partial file exists once opened

    def write(self, data: bytes) -> int:  # type: ignore[override]
        if self.tell() + len(data) > self.limit:
            raise OSError(self.code, os.strerror(self.code))
        with open(self.path, "ab") as f:
            f.write(data)
        return super().write(data)

    def fileno(self) -> int:
        raise OSError(self.code, os.strerror(self.code))


def failing(limit: int, code: int):  # type: ignore[no-untyped-def]
    def opener(path: Path) -> BinaryIO:
        return FailingFile(path, limit, code)  # type: ignore[return-value]

    return opener


def test_a_good_write_is_read_back_and_renamed(tmp_path: Path) -> None:
    seen: list[tuple[int, int]] = []
    target = tmp_path / "报送件-001.tdf"
    digest = write_verified(target, DATA, progress=lambda done, total: seen.append((done, total)))
    assert target.read_bytes() == DATA and digest == hashlib.sha256(DATA).hexdigest()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["报送件-001.tdf"]
    assert seen[-1] == (len(DATA), len(DATA)) and len(seen) == 4


@pytest.mark.parametrize(
    ("code", "words"),
    [
        (errno.ENOSPC, "空间不足"),
        (errno.EIO, "可能已被拔出"),
        (errno.EROFS, "只读"),
        (errno.EACCES, "权限"),
    ],
)
def test_a_failing_stick_leaves_nothing(tmp_path: Path, code: int, words: str) -> None:
    target = tmp_path / "filing.tdf"
    with pytest.raises(StorageError) as raised:
        write_verified(target, DATA, opener=failing(CHUNK + 5, code))
    assert words in raised.value.message and "未留下不完整的文件" in raised.value.message
    assert list(tmp_path.iterdir()) == []


def test_cancel_leaves_nothing(tmp_path: Path) -> None:
    calls = iter([False, False, True])
    with pytest.raises(Cancelled):
        write_verified(tmp_path / "filing.tdf", DATA, cancelled=lambda: next(calls))
    assert list(tmp_path.iterdir()) == []


def test_an_existing_file_is_never_overwritten(tmp_path: Path) -> None:
    target = tmp_path / "filing.tdf"
    target.write_bytes(b"earlier filing")
    with pytest.raises(StorageError) as raised:
        write_verified(target, DATA)
    assert "同名文件" in raised.value.message
    assert target.read_bytes() == b"earlier filing"


def test_a_stick_that_returns_other_bytes_is_caught(tmp_path: Path) -> None:
    class Lying(io.BytesIO):
        def __init__(self, path: Path) -> None:
            super().__init__()
            self.path = path

        def write(self, data: bytes) -> int:  # type: ignore[override]
            with open(self.path, "ab") as f:
                f.write(data[:-1] + b"\x00")  # a flash stick that corrupts what it stores
            return len(data)

        def fileno(self) -> int:
            self.fd = os.open(self.path, os.O_RDONLY)
            return self.fd

        def close(self) -> None:
            if hasattr(self, "fd"):
                os.close(self.fd)
            super().close()

    with pytest.raises(StorageError) as raised:
        write_verified(tmp_path / "filing.tdf", DATA, opener=Lying)  # type: ignore[arg-type]
    assert "读回的内容与原文件不一致" in raised.value.message
    assert list(tmp_path.iterdir()) == []
