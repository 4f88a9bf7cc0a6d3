"""Writing to a removable disk: a full stick, a stick pulled out, a read-only stick, a cancel, a
producer or a verifier that fails all end with a clear message (or their own error) and no
final-named (or partial) file; a good write is read back and verified before it is renamed; a
crash after any step leaves no final file or a good one (security-design test 7)."""

from __future__ import annotations

import errno
import hashlib
import io
import os
import shutil
import subprocess
import sys
from pathlib import Path
from typing import BinaryIO

import pytest

from db.atomic import CHUNK, write_stream, write_verified
from desktop.errors import Cancelled, StorageError
from desktop.sealing import minisign, packet

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


# -- write_stream --------------------------------------------------------------------------------
def _in_pieces(data: bytes, size: int):  # type: ignore[no-untyped-def]
    def produce(out: BinaryIO) -> None:
        for start in range(0, len(data), size):
            out.write(data[start : start + size])

    return produce


def test_write_stream_reads_back_then_verifies_then_renames(tmp_path: Path) -> None:
    target = tmp_path / "filing.sfp"
    seen: list[tuple[int, int]] = []
    verified: list[tuple[str, bytes, bool]] = []

    def verify(f: BinaryIO) -> None:
        assert not target.exists()  # verified before the final name appears
        f.seek(0, io.SEEK_END)
        size = f.tell()
        f.seek(0)
        verified.append((Path(f.name).name, f.read(), size == len(DATA)))  # type: ignore[attr-defined]

    digest = write_stream(
        target,
        _in_pieces(DATA, 300_000),
        verify=verify,
        progress=lambda done, total: seen.append((done, total)),
    )
    assert digest == hashlib.sha256(DATA).hexdigest() and target.read_bytes() == DATA
    assert verified == [("filing.sfp.partial", DATA, True)]
    assert seen[-1] == (len(DATA), len(DATA)) and len(seen) == 4  # the read-back, per MiB
    assert [p.name for p in tmp_path.iterdir()] == ["filing.sfp"]


def test_a_verify_that_fails_leaves_nothing_and_its_error_propagates(tmp_path: Path) -> None:
    class NotAPacket(Exception):
        pass

    def verify(f: BinaryIO) -> None:
        raise NotAPacket("the packet does not verify")

    with pytest.raises(NotAPacket, match="does not verify"):
        write_stream(tmp_path / "filing.sfp", _in_pieces(DATA, CHUNK), verify=verify)
    assert list(tmp_path.iterdir()) == []

    def verify_with_oserror(f: BinaryIO) -> None:  # not mistaken for a stick's failure
        raise FileNotFoundError(errno.ENOENT, "an attachment of the verifier is missing")

    with pytest.raises(FileNotFoundError):
        write_stream(tmp_path / "filing.sfp", _in_pieces(DATA, CHUNK), verify=verify_with_oserror)
    assert list(tmp_path.iterdir()) == []


def test_a_producer_that_fails_leaves_nothing(tmp_path: Path) -> None:
    def produce(out: BinaryIO) -> None:
        out.write(DATA[:1000])
        raise ValueError("the packet could not be built")

    with pytest.raises(ValueError, match="could not be built"):
        write_stream(tmp_path / "filing.sfp", produce)
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("code", "words"),
    [(errno.ENOSPC, "空间不足"), (errno.EIO, "可能已被拔出"), (errno.EROFS, "只读")],
)
def test_write_stream_on_a_failing_stick(tmp_path: Path, code: int, words: str) -> None:
    with pytest.raises(StorageError) as raised:
        write_stream(
            tmp_path / "filing.sfp", _in_pieces(DATA, 70_000), opener=failing(2 * CHUNK, code)
        )
    assert words in raised.value.message and "未留下不完整的文件" in raised.value.message
    assert list(tmp_path.iterdir()) == []


def test_write_stream_cancel_while_writing_and_while_reading_back(tmp_path: Path) -> None:
    writes = -(-len(DATA) // 70_000)
    for stop_at in (3, writes, writes + 2):  # while writing 70,000-byte pieces, reading back
        calls = 0

        def cancelled() -> bool:
            nonlocal calls
            calls += 1
            return calls >= stop_at  # noqa: B023 (called before the loop moves on)

        with pytest.raises(Cancelled):
            write_stream(tmp_path / "filing.sfp", _in_pieces(DATA, 70_000), cancelled=cancelled)
        assert list(tmp_path.iterdir()) == [], stop_at


# -- crash points (security-design test 7) --------------------------------------------------------
CHILD = """
import os, sys
from pathlib import Path
import db.atomic as atomic
from desktop.sealing import minisign, packet

crash_at, folder, log_path, packet_path, key_path = sys.argv[1:]
crash_at = int(crash_at)
log = open(log_path, "a", buffering=1)
data = Path(packet_path).read_bytes()
public = minisign.read_public_key(Path(key_path).read_text())
count = 0

def step(name):
    global count
    count += 1
    log.write(name + "\\n")
    if count == crash_at:
        os._exit(0)  # the process dies here: no cleanup, no flush, no finally

real_fsync, real_replace, real_fsync_dir, real_drop = (
    os.fsync, os.replace, atomic.fsync_dir, atomic._drop_cache)

def fsync(fd):
    real_fsync(fd)
    name = os.readlink(f"/proc/self/fd/{fd}")
    step("fsync " + ("folder" if os.path.isdir(name) else os.path.basename(name)))

def replace(a, b):
    real_replace(a, b)
    step("replace")

def fsync_dir(folder):
    real_fsync_dir(folder)
    step("fsync_dir")

def drop(fd):
    real_drop(fd)
    step("drop_cache")

os.fsync, os.replace, atomic.fsync_dir, atomic._drop_cache = fsync, replace, fsync_dir, drop

def produce(out):
    third = len(data) // 3 + 1
    for start in range(0, len(data), third):
        out.write(data[start : start + third])
        step("write")

def verify(f):
    step("verify")
    packet.check_packet(f, {public.key_id: (public, "office")})
    step("verified")

atomic.write_stream(Path(folder) / "filing.sfp", produce, verify=verify)
step("returned")
"""


def _files(work: Path) -> list[str]:
    return [str(work / "packet.sfp"), str(work / "key.pub")]


def _run_child(crash_at: int, folder: Path, work: Path) -> list[str]:
    log = work / f"log-{crash_at}"
    root = Path(__file__).resolve().parents[2]
    done = subprocess.run(
        [sys.executable, "-c", CHILD, str(crash_at), str(folder), str(log), *_files(work)],
        cwd=root,
        env={**os.environ, "PYTHONPATH": str(root)},
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    return log.read_text().splitlines()


@pytest.mark.skipif(not Path("/proc/self/fd").exists(), reason="names fds through /proc (Linux)")
def test_a_crash_after_any_step_leaves_no_final_file_or_a_good_one(tmp_path: Path) -> None:
    """Simulate a crash after each step of the verified write (write, fsync, read-back, verify,
    rename, fsync of the folder), then, for every step not yet made durable, the worlds a power
    cut could leave: the file's unsynced data lost (cut in half), the unsynced rename undone.
    In every world the folder holds no final-named file, or one that verifies."""
    key = minisign.generate()
    public = key.public()
    trusted = {public.key_id: (public, "office")}
    data = packet.seal(
        packet.FilingInfo("f-1", "甲单位", "乙单位", 1, "2026-01-05T08:00:00+08:00"),
        {"records": [1, 2, 3]},
        [("scan.bin", os.urandom(200_000))],
        key,
    )
    work = tmp_path / "work"
    work.mkdir()
    (work / "packet.sfp").write_bytes(data)
    (work / "key.pub").write_text(public.file_text())

    whole = tmp_path / "whole"
    whole.mkdir()
    steps = _run_child(0, whole, work)
    assert steps[-1] == "returned" and (whole / "filing.sfp").read_bytes() == data
    order = [s.split(" ")[0] for s in steps]
    # the order that makes it safe: data durable, read back, verified, then renamed, then synced
    assert order.index("fsync") < order.index("verify") < order.index("replace")
    assert order.index("replace") < order.index("fsync_dir")

    worlds_seen = 0
    for crash_at in range(1, len(steps) + 1):
        folder = tmp_path / f"crash-{crash_at}"
        folder.mkdir()
        done = _run_child(crash_at, folder, work)
        assert done == steps[:crash_at]
        data_durable = "fsync filing.sfp.partial" in done
        renamed = "replace" in done
        rename_durable = "fsync_dir" in done
        for lose_data in {False, not data_durable}:
            for undo_rename in {False, renamed and not rename_durable}:
                world = tmp_path / f"world-{crash_at}-{lose_data}-{undo_rename}"
                shutil.copytree(folder, world)
                final, partial = world / "filing.sfp", world / "filing.sfp.partial"
                if undo_rename:
                    final.rename(partial)
                if lose_data:
                    for f in (final, partial):
                        if f.exists():
                            f.write_bytes(f.read_bytes()[: f.stat().st_size // 2])
                worlds_seen += 1
                if final.exists():
                    assert final.read_bytes() == data, (crash_at, done[-1], lose_data)
                    with open(final, "rb") as f:
                        packet.check_packet(f, trusted)
    assert len(steps) >= 11 and worlds_seen > len(steps)
