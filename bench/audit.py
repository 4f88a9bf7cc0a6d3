"""The audit log at 100,000 entries: append rate and full verification, beside baselines.

Prints figures; it is not a test. Run with ``make bench`` or ``.venv/bin/python bench/audit.py``.

In one run it builds a vault in a temporary folder (fast test KDF: the KDF is not what is measured
here), appends ``--entries`` audit entries through ``db.audit.append``, ``--batch`` per
transaction, each with realistic before/after snapshots, and measures:

* the append rate through ``db.audit.append`` (leaf hash, Merkle root, INSERT, head update);
* ``AuditService.verify`` over the whole log (``--runs`` times): read every row, re-encode every
  leaf, rebuild the tree and compare every stored root; the goal is < 2 s for 100,000 entries;
* beside it, the baselines: reading the same rows back without hashing
  (``db.audit.rows_for_verification``), ``desktop.domain.audit.verify`` alone over rows already in
  memory, and one plain SHA-256 over the concatenated leaf bytes (``hashlib``);
* appending the same entries, in the same batches, without the tree, through the driver: to a
  SQLCipher file opened like the vault (``db.connection.connect``), and to a plain SQLite file
  (stdlib ``sqlite3``, no encryption, the vault's journal pragmas).
"""

from __future__ import annotations

import argparse
import hashlib
import os
import sqlite3
import statistics
import sys
import tempfile
import time
from collections.abc import Callable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from machine import with_sqlite  # noqa: E402 (bench/machine.py, beside this script)

from db import audit, connection, users  # noqa: E402
from db.kdf import KdfParams  # noqa: E402
from db.vault import Conn, Vault  # noqa: E402
from desktop.domain.accounts import User, UserDraft  # noqa: E402
from desktop.domain.audit import canonical_json, leaf_bytes, verify  # noqa: E402
from desktop.services.audit import AuditService  # noqa: E402

GOAL_SECONDS = 2.0
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # = tests.support.TEST_KDF
PASSPHRASE = "Bench-Liaoning-2025-shenji"
ADMIN_ID = "00000000-0000-4000-8000-00000000b001"
AUDITOR_ID = "00000000-0000-4000-8000-00000000b002"
AUDITOR = UserDraft("shen.ji", "赵审计", ("security_auditor",), "top_secret")
STAMP = "2026-01-05T08:03:00+00:00"

ACTIONS = ("person.updated", "person.created", "user.edited", "unit.edited", "settings.edited")
TITLES = ("研究员", "副研究员", "助理研究员", "工程师", "高级工程师", "教授", "副教授")
DEPARTMENTS = ("科技处", "化学学院", "材料研究所", "成果转化中心", "附属医院科研部")
SURNAMES = "王李张刘陈杨赵黄周吴徐孙胡朱高林何郭马罗"
GIVEN = "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂"


def snapshot(i: int, version: int) -> dict[str, Any]:
    """A person's record as the audit log stores it: about 200 bytes of canonical JSON."""
    return {
        "name": SURNAMES[i % 20] + GIVEN[(i * 7) % 20] + GIVEN[(i * 3) % 20],
        "title": TITLES[(i + version) % len(TITLES)],
        "department": DEPARTMENTS[(i + version) % len(DEPARTMENTS)],
        "leader_type": ("none", "deputy", "principal")[i % 3],
        "phone": f"024-2369{i % 10000:04d}",
        "active": True,
        "note": f"第{version}次修改，依辽科发〔2025〕6号核对",
    }


def entry(i: int) -> dict[str, Any]:
    """Keyword arguments of db.audit.append for entry number i (0-based)."""
    return {
        "ts": f"2026-{1 + i // 40000 % 12:02d}-{1 + i // 1500 % 28:02d}T"
        f"{8 + i // 60 % 10:02d}:{i % 60:02d}:00+08:00",
        "actor": ADMIN_ID,
        "action": ACTIONS[i % len(ACTIONS)],
        "object_type": "person",
        "object_id": str(1 + i % 3000),
        "before": snapshot(i, 1),
        "after": snapshot(i, 2),
        "reason": "职称评定结果" if i % 4 == 0 else None,
        "level": ("public", "internal", "secret")[i % 3],
    }


def leaf_fields(seq: int, e: dict[str, Any]) -> tuple[Any, ...]:
    return (
        seq,
        e["ts"],
        e["actor"],
        e["action"],
        e["object_type"],
        e["object_id"],
        e["level"],
        e["reason"],
        canonical_json(e["before"]),
        canonical_json(e["after"]),
    )


def timed(fn: Callable[[], Any]) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn()
    return time.perf_counter() - started, value


def create_vault(folder: Path) -> tuple[Vault, User]:
    def initialize(conn: Conn) -> None:
        admin = UserDraft("admin", "王管理", ("system_admin",), "internal")
        users.insert_user(conn, ADMIN_ID, admin, created_at=STAMP)
        users.insert_user(conn, AUDITOR_ID, AUDITOR, created_at=STAMP)

    vault = Vault(folder / "vault.db")
    vault.create(
        user_id=ADMIN_ID,
        login="admin",
        passphrase=PASSPHRASE,
        recovery_secret=os.urandom(20),
        kdf=FAST_KDF,
        initialize=initialize,
    )
    vault.unlock_with_passphrase(ADMIN_ID, PASSPHRASE)
    with vault.read() as conn:
        auditor = users.get(conn, AUDITOR_ID)
    assert auditor is not None
    return vault, auditor


def append_to_vault(vault: Vault, count: int, batch: int) -> None:
    for start in range(0, count, batch):
        with vault.transaction() as conn:
            for i in range(start, min(start + batch, count)):
                audit.append(conn, **entry(i))


def append_to_plain_sqlite(path: Path, count: int, batch: int) -> None:
    """The floor: the same rows into an unencrypted table, no tree, no head."""
    conn = sqlite3.connect(path, isolation_level=None)
    for pragma in ("journal_mode = WAL", "synchronous = FULL", "secure_delete = ON"):
        conn.execute(f"PRAGMA {pragma}").fetchall()
    insert_rows(conn, count, batch)


def append_to_sqlcipher(path: Path, count: int, batch: int) -> None:
    """The same, in a SQLCipher file opened as the vault opens its own (key, pragmas), through
    the driver: what encryption adds, without the tree or SQLAlchemy."""
    insert_rows(connection.connect(path, os.urandom(32)), count, batch)


def insert_rows(conn: Any, count: int, batch: int) -> None:
    try:
        conn.execute(
            "CREATE TABLE audit_log (seq INTEGER PRIMARY KEY AUTOINCREMENT, ts TEXT NOT NULL, "
            "actor TEXT NOT NULL, action TEXT NOT NULL, object_type TEXT NOT NULL, "
            "object_id TEXT NOT NULL, before TEXT, after TEXT, reason TEXT, level TEXT NOT NULL)"
        )
        sql = (
            "INSERT INTO audit_log (ts, actor, action, object_type, object_id, before, after, "
            "reason, level) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)"
        )
        for start in range(0, count, batch):
            conn.execute("BEGIN IMMEDIATE")
            for i in range(start, min(start + batch, count)):
                e = entry(i)
                conn.execute(
                    sql,
                    (
                        e["ts"],
                        e["actor"],
                        e["action"],
                        e["object_type"],
                        e["object_id"],
                        canonical_json(e["before"]),
                        canonical_json(e["after"]),
                        e["reason"],
                        e["level"],
                    ),
                )
            conn.execute("COMMIT")
    finally:
        conn.close()


def read_rows(vault: Vault) -> list[tuple[Any, ...]]:
    with vault.read() as conn:
        return list(audit.rows_for_verification(conn))


def consume(rows: Iterator[tuple[Any, ...]]) -> int:
    n = 0
    for _ in rows:
        n += 1
    return n


def machine() -> str:
    return with_sqlite()


def line(label: str, seconds: list[float], entries: int, note: str = "") -> str:
    median = statistics.median(seconds)
    rate = entries / median if median else float("inf")
    runs = " ".join(f"{s:.3f}" for s in seconds)
    return f"  {label:<44} {median:7.3f} s  {rate:>11,.0f} /s  [{runs}]{note}"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--entries", type=int, default=100_000, help="default 100,000")
    parser.add_argument("--batch", type=int, default=1000, help="entries per transaction")
    parser.add_argument("--runs", type=int, default=3, help="timed runs of each read (default 3)")
    args = parser.parse_args(argv)
    n = args.entries

    print(f"machine: {machine()}")
    sample = leaf_bytes(leaf_fields(1, entry(1)))
    snapshot_bytes = len(canonical_json(entry(1)["after"]).encode())  # type: ignore[union-attr]
    print(
        f"{n:,} entries, {args.batch:,} per transaction; one snapshot is {snapshot_bytes} bytes "
        f"of JSON, one leaf {len(sample)} bytes"
    )

    with tempfile.TemporaryDirectory(prefix="td-bench-audit-") as tmp:
        folder = Path(tmp)
        vault, auditor = create_vault(folder)
        try:
            append_s, _ = timed(lambda: append_to_vault(vault, n, args.batch))
            plain_s, _ = timed(lambda: append_to_plain_sqlite(folder / "plain.db", n, args.batch))
            cipher_s, _ = timed(lambda: append_to_sqlcipher(folder / "cipher.db", n, args.batch))
            vault_mib = (
                sum(p.stat().st_size for p in folder.glob("vault.db*") if p.suffix != ".keys")
                / 2**20
            )

            service = AuditService(vault, now=lambda: datetime.now(UTC))
            verify_s: list[float] = []
            size = 0
            for _ in range(args.runs):
                seconds, result = timed(lambda: service.verify(auditor))
                if not result.intact:
                    raise SystemExit(f"the log does not verify: {result.problem}")
                verify_s.append(seconds)
                size = result.size

            read_s: list[float] = []
            for _ in range(args.runs):

                def read_only() -> int:
                    with vault.read() as conn:
                        return consume(audit.rows_for_verification(conn))

                read_s.append(timed(read_only)[0])

            rows = read_rows(vault)
            with vault.read() as conn:
                head = audit.head(conn)
            tree_s = [timed(lambda: verify(rows, head))[0] for _ in range(args.runs)]
            leaves = [leaf_bytes(r[:-1]) for r in rows]
            sha_s = [
                timed(lambda: hashlib.sha256(b"".join(leaves)).digest())[0]
                for _ in range(args.runs)
            ]
            leaf_total = sum(len(b) for b in leaves)
        finally:
            vault.lock()

    print(f"\nappend ({n:,} entries; vault file {vault_mib:.1f} MiB)")
    print(line("db.audit.append (SQLCipher, tree, head)", [append_s], n))
    print(line("baseline: SQLCipher INSERT (driver), no tree", [cipher_s], n))
    print(line("baseline: plain SQLite INSERT, no tree", [plain_s], n))
    print(f"\nverify ({size:,} entries, {leaf_total / 2**20:.1f} MiB of leaves; median of runs)")
    print(line("AuditService.verify (the whole check)", verify_s, size))
    print(line("  of which reading rows (no hashing)", read_s, size))
    print(line("  domain verify() over rows in memory", tree_s, size))
    print(line("baseline: one SHA-256 over all leaf bytes", sha_s, size))

    total = statistics.median(verify_s)
    verdict = "met" if total < GOAL_SECONDS else "NOT met"
    print(
        f"\ngoal: verify 100,000 entries in < {GOAL_SECONDS:.0f} s; "
        f"median here {total:.3f} s for {size:,} entries on {os.cpu_count()} CPUs: {verdict}"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
