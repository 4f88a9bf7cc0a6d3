"""SQLCipher connections: key first, then the pragmas, then a probe query."""

from __future__ import annotations

import contextlib
import sys
from pathlib import Path

import sqlcipher3
from sqlcipher3 import dbapi2

from desktop.errors import StorageError

# Set at every open. Memory security (wiping SQLite's freed allocations) stays OFF, SQLCipher's
# default since 4.5.0: it made writes about 4x slower here, and the running program's memory is
# not protected anyway (Python strings cannot be wiped; docs/threat-model.md says so).
# The page cache holds decrypted pages: 64 MiB (instead of SQLite's 2 MiB) keeps the register's
# tables and indexes of 100,000 records in memory, so a search stops paying for decryption
# (bench/registry.py: search p95 120 -> 23 ms). At most pool_size connections keep one each.
PRAGMAS = (
    "PRAGMA cipher_memory_security = OFF",
    "PRAGMA journal_mode = WAL",
    "PRAGMA synchronous = FULL",
    "PRAGMA foreign_keys = ON",
    "PRAGMA secure_delete = ON",
    "PRAGMA temp_store = MEMORY",
    "PRAGMA cache_size = -65536",
)
MACOS_PRAGMAS = ("PRAGMA fullfsync = ON", "PRAGMA checkpoint_fullfsync = ON")


def key_pragma(key: bytes | bytearray) -> str:
    if len(key) != 32:
        raise ValueError("the data key is 32 bytes")
    return f"PRAGMA key = \"x'{bytes(key).hex()}'\""


def connect(path: Path, key: bytes | bytearray) -> dbapi2.Connection:
    """Open and key a connection; damaged or mismatched files raise StorageError."""
    try:
        conn = sqlcipher3.connect(
            str(path), isolation_level=None, check_same_thread=False, timeout=30
        )
    except dbapi2.Error as e:
        raise StorageError(f"无法打开数据库文件 {path}：{e}") from e
    try:
        # SQLCipher prints HMAC failures to stderr by default; the app reports them itself.
        conn.execute("PRAGMA cipher_log_level = NONE")
        conn.execute(key_pragma(key))
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
        for pragma in PRAGMAS + (MACOS_PRAGMAS if sys.platform == "darwin" else ()):
            conn.execute(pragma).fetchall()
    except dbapi2.DatabaseError as e:
        conn.close()
        raise StorageError(
            f"数据库文件已损坏，或与密钥槽文件不属于同一保管库：{path}（{e}）"
        ) from e
    except BaseException:
        with contextlib.suppress(dbapi2.Error):
            conn.close()
        raise
    return conn


def integrity_problems(conn: dbapi2.Connection) -> list[str]:
    """Every problem SQLCipher's cipher_integrity_check and SQLite's integrity_check report.

    The cipher check runs first: it names the damaged page even when the damage is bad enough
    to make integrity_check itself fail.
    """
    problems = [row[0] for row in conn.execute("PRAGMA cipher_integrity_check").fetchall()]
    try:
        rows = conn.execute("PRAGMA integrity_check").fetchall()
    except dbapi2.DatabaseError as e:
        problems.append(f"integrity_check: {e}")
    else:
        problems += [row[0] for row in rows if row[0] != "ok"]
    return problems
