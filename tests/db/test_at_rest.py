"""At-rest encryption: record content never reaches the disk in clear.

A marker goes into 1,000 rows, the audit log, a TEMP table and a TEMP FTS5 index; then the
database, its -wal and -shm, the key-slot file, the process's temp folder and every regular
file the process holds open (which catches unlinked temp files) are scanned for it, while the
vault is unlocked and again after it is locked.
"""

from __future__ import annotations

import math
import os
import stat
import sys
import tempfile
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import insert, text

from db import settings
from db.schema import people
from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.people import PersonDraft
from desktop.services.people import PeopleService
from desktop.services.session import SessionService
from desktop.services.setup import SetupService
from tests.conftest import TEST_KDF, TEST_PASSPHRASE, FixedClock, first_run_draft

MARKERS = ("TD-MARKER-7f3a", "机密标记")
NEEDLES = tuple(
    marker.encode(encoding)
    for marker in MARKERS
    for encoding in ("utf-8", "utf-16-le", "utf-16-be")
)
SQLITE_MAGIC = b"SQLite format 3\x00"
ROWS = 1000


def entropy(data: bytes) -> float:
    """Shannon entropy in bits per byte."""
    counts = Counter(data)
    total = len(data)
    return -sum(n / total * math.log2(n / total) for n in counts.values())


def test_entropy_helper() -> None:
    assert entropy(bytes(range(256)) * 4) == pytest.approx(8.0)
    assert entropy(b"a" * 100) == 0.0
    assert entropy(os.urandom(65536)) > 7.99


def _found_in(data: bytes) -> list[bytes]:
    return [needle for needle in NEEDLES if needle in data]


def _files_under(folder: Path) -> Iterator[Path]:
    for root, _, names in os.walk(folder):
        for name in names:
            yield Path(root, name)


def _open_regular_files() -> Iterator[Path]:
    """Every regular file this process holds open, deleted ones included (Linux)."""
    fd_dir = Path("/proc/self/fd")
    for entry in list(fd_dir.iterdir()):
        try:
            if stat.S_ISREG(entry.stat().st_mode):
                yield entry
        except OSError:
            continue


def _scan(paths: list[Path]) -> dict[str, list[bytes]]:
    hits = {}
    for path in paths:
        try:
            data = path.read_bytes()
        except OSError:
            continue
        found = _found_in(data)
        if found:
            hits[f"{path} -> {os.path.realpath(path)}"] = found
    return hits


@pytest.fixture
def private_tmpdir(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "process-tmp"
    folder.mkdir()
    monkeypatch.setenv("TMPDIR", str(folder))
    monkeypatch.setenv("SQLITE_TMPDIR", str(folder))
    monkeypatch.setattr(tempfile, "tempdir", str(folder))
    assert tempfile.gettempdir() == str(folder)
    return folder


def _fill_with_markers(vault: Vault, session: SessionService, clock: FixedClock) -> None:
    user = session.unlock(vault.logins()[0][0], TEST_PASSPHRASE)
    service = PeopleService(vault, now=clock)
    for i in range(10):
        service.add(user, PersonDraft(f"{MARKERS[0]} {MARKERS[1]} {i}", None, MARKERS[1], "none"))
    with vault.transaction() as conn:
        conn.execute(
            insert(people),
            [
                {
                    "name": f"{MARKERS[0]} {MARKERS[1]} {i}",
                    "department_id": None,
                    "title": MARKERS[1],
                    "leader_type": "none",
                    "active": True,
                }
                for i in range(ROWS)
            ],
        )
    with vault.transaction() as conn:
        conn.execute(text("CREATE TEMP TABLE scratch (note TEXT)"))
        conn.execute(text("CREATE VIRTUAL TABLE temp.scratch_search USING fts5(note)"))
        for table in ("scratch", "scratch_search"):
            conn.execute(
                text(f"INSERT INTO temp.{table} (note) VALUES (:note)"),
                [{"note": f"{MARKERS[0]} {MARKERS[1]} temp {i}"} for i in range(ROWS)],
            )
        found = conn.execute(
            text("SELECT count(*) FROM temp.scratch_search WHERE scratch_search MATCH :q"),
            {"q": '"7f3a"'},
        ).scalar_one()
        assert found == ROWS
    with vault.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM people")).scalar_one() == ROWS + 10


def _vault_files(vault: Vault) -> list[Path]:
    db = vault.db_path
    return [db, Path(f"{db}-wal"), Path(f"{db}-shm"), vault.keys_path]


def test_marker_is_never_on_disk_in_clear(
    private_tmpdir: Path, vault_path: Path, clock: FixedClock
) -> None:
    vault = Vault(vault_path)
    SetupService(vault, now=clock, kdf=lambda: TEST_KDF, randbytes=os.urandom).create(
        first_run_draft()
    )
    session = SessionService(vault, now=clock, kdf=lambda: TEST_KDF)
    try:
        _fill_with_markers(vault, session, clock)

        # While unlocked: the -wal holds the recent writes.
        wal = Path(f"{vault.db_path}-wal")
        assert wal.exists() and wal.stat().st_size > 0
        scanned = _vault_files(vault) + list(_files_under(private_tmpdir))
        if sys.platform.startswith("linux"):
            open_files = list(_open_regular_files())
            assert str(vault.db_path.resolve()) in {os.path.realpath(p) for p in open_files}
            scanned += open_files
        assert _scan(scanned) == {}
        assert vault.db_path.read_bytes()[:16] != SQLITE_MAGIC
        assert entropy(vault.db_path.read_bytes()) > 7.9
        assert entropy(wal.read_bytes()) > 7.9
    finally:
        vault.lock()

    # After lock: everything checkpointed into the main file.
    assert _scan(_vault_files(vault) + list(_files_under(private_tmpdir))) == {}
    data = vault.db_path.read_bytes()
    assert data[:16] != SQLITE_MAGIC
    assert len(data) > ROWS * 40
    assert entropy(data) > 7.9


def test_scan_would_find_a_marker_in_clear(tmp_path: Path) -> None:
    """The scanner itself works: a plain file with the marker in each encoding is found."""
    for encoding in ("utf-8", "utf-16-le", "utf-16-be"):
        plain = tmp_path / f"plain-{encoding}.txt"
        plain.write_bytes(f"x {MARKERS[0]} {MARKERS[1]} y".encode(encoding))
        hits = _scan([plain])[f"{plain} -> {os.path.realpath(plain)}"]
        assert {m.encode(encoding) for m in MARKERS} <= set(hits)


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_vault_files_and_backups_are_readable_by_their_owner_only(
    unlocked: tuple[Vault, User], tmp_path: Path
) -> None:
    """Encrypted or not, nobody else on the machine needs to read them (SQLite would make 0644)."""
    vault, _ = unlocked
    with vault.transaction() as conn:  # something in the WAL, so that -wal and -shm exist
        settings.put(conn, "bench_marker", "x")
    vault.backup_to(tmp_path / "backup.db")
    files = [vault.db_path, vault.keys_path, tmp_path / "backup.db"]
    files += [p for p in vault.db_path.parent.iterdir() if p.name.endswith(("-wal", "-shm"))]
    assert len(files) >= 4
    for path in files:
        assert stat.S_IMODE(path.stat().st_mode) & 0o077 == 0, path


@pytest.mark.skipif(sys.platform == "win32", reason="POSIX permissions")
def test_an_older_vault_readable_by_others_is_made_private_at_unlock(
    created_vault: tuple[Vault, str, str], clock: FixedClock
) -> None:
    vault, admin_id, _ = created_vault
    vault.db_path.chmod(0o644)
    session = SessionService(vault, now=clock, kdf=lambda: TEST_KDF)
    session.unlock(admin_id, TEST_PASSPHRASE)
    try:
        assert stat.S_IMODE(vault.db_path.stat().st_mode) == 0o600
    finally:
        vault.lock()
