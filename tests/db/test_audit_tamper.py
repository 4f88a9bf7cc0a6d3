"""The audit tree on a real vault, tampered with at the SQL level.

Whoever holds the data key can drop the append-only triggers and rewrite rows. These tests do
exactly that and check that ``AuditService.verify`` names the entry that was touched, and that a
consistent rewrite of the whole log is caught only by a checkpoint taken before it.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import pytest
import sqlalchemy.exc
from sqlalchemy import Connection, text

from db import audit, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.audit import (
    LEAF_FIELDS,
    Checkpoint,
    TreeHead,
    Verification,
    entry_leaf_hash,
    verify,
)
from desktop.domain.merkle import Frontier, root_of
from desktop.errors import StorageError
from desktop.services.audit import AuditService
from desktop.services.session import SessionService
from tests.conftest import TEST_KDF, FixedClock
from tests.fixtures.make_fixture_vault import (
    FIXTURE_ADMIN_ID,
    FIXTURE_AUDIT_ACTIONS,
    FIXTURE_PASSPHRASE,
)

AUDITOR_ID = "00000000-0000-4000-8000-0000000000a5"
APPENDED = 50
COLUMNS = ", ".join(LEAF_FIELDS)
CONTENT = [c for c in LEAF_FIELDS if c != "seq"]
FIELD_ACTION = LEAF_FIELDS.index("action")
TRIGGERS = (
    "CREATE TRIGGER audit_log_no_update BEFORE UPDATE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
    "CREATE TRIGGER audit_log_no_delete BEFORE DELETE ON audit_log "
    "BEGIN SELECT RAISE(ABORT, 'audit_log is append-only'); END",
)


@dataclass
class Log:
    vault: Vault
    auditor: User
    service: AuditService
    first: int  # seq of the first of the APPENDED entries
    size: int  # entries before any tampering

    def verify(self, external: Checkpoint | None = None) -> Verification:
        return self.service.verify(self.auditor, external)


def _add_auditor(vault: Vault, clock: FixedClock) -> User:
    draft = UserDraft("shen.ji", "赵审计", ("security_auditor",), "secret")
    with vault.transaction() as conn:
        users.insert_user(conn, AUDITOR_ID, draft, created_at=clock().isoformat())
        auditor = users.get(conn, AUDITOR_ID)
    assert auditor is not None
    return auditor


def _append_entries(vault: Vault, actor: str, count: int, per_transaction: int = 10) -> None:
    for start in range(0, count, per_transaction):
        with vault.transaction() as conn:
            for i in range(start, min(start + per_transaction, count)):
                audit.append(
                    conn,
                    ts=f"2026-01-05T09:{i % 60:02d}:00+00:00",
                    actor=actor,
                    action="person.updated",
                    object_type="person",
                    object_id=str(i % 7 + 1),
                    before={"name": "张三", "title": "研究员", "department": "化学学院"},
                    after={"name": "张三", "title": f"副研究员（{i}）", "department": "科技处"},
                    reason="职称变更" if i % 3 == 0 else None,
                    level=("public", "internal", "secret")[i % 3],
                )


@pytest.fixture
def log(unlocked: tuple[Vault, User], clock: FixedClock) -> Log:
    vault, admin = unlocked
    auditor = _add_auditor(vault, clock)
    with vault.read() as conn:
        before = audit.head(conn)
    assert before is not None
    _append_entries(vault, admin.id, APPENDED)
    with vault.read() as conn:
        head = audit.head(conn)
    assert head is not None and head.size == before.size + APPENDED
    return Log(vault, auditor, AuditService(vault, now=clock), before.size + 1, head.size)


@contextmanager
def tampering(vault: Vault) -> Iterator[Connection]:
    """What someone with the key can do: drop the triggers, change rows, put the triggers back."""
    with vault.transaction() as conn:
        conn.execute(text("DROP TRIGGER audit_log_no_update"))
        conn.execute(text("DROP TRIGGER audit_log_no_delete"))
        yield conn
        for statement in TRIGGERS:
            conn.execute(text(statement))


def _rows(conn: Connection) -> list[tuple[Any, ...]]:
    return [
        tuple(r)
        for r in conn.execute(text(f"SELECT {COLUMNS}, tree_root FROM audit_log ORDER BY seq"))
    ]


def _rows_of(vault: Vault) -> list[tuple[Any, ...]]:
    with vault.read() as conn:
        return _rows(conn)


def _row(conn: Connection, seq: int) -> dict[str, Any]:
    row = conn.execute(text("SELECT * FROM audit_log WHERE seq = :s"), {"s": seq}).mappings().one()
    return dict(row)


def _set(conn: Connection, seq: int, values: dict[str, Any]) -> None:
    assignments = ", ".join(f'"{name}" = :{name}' for name in values)
    conn.execute(
        text(f"UPDATE audit_log SET {assignments} WHERE seq = :seq"), {**values, "seq": seq}
    )


def _insert(conn: Connection, values: dict[str, Any]) -> None:
    names = list(values)
    quoted = ", ".join(f'"{n}"' for n in names)
    placeholders = ", ".join(f":{n}" for n in names)
    conn.execute(text(f"INSERT INTO audit_log ({quoted}) VALUES ({placeholders})"), values)


def _recompute_tree(conn: Connection) -> None:
    """A careful forger: every tree_root and the head rebuilt with the program's own code."""
    frontier = Frontier()
    for row in _rows(conn):
        frontier.append(entry_leaf_hash(row[:-1]))
        conn.execute(
            text("UPDATE audit_log SET tree_root = :r WHERE seq = :s"),
            {"r": frontier.root(), "s": row[0]},
        )
    conn.execute(
        text("UPDATE audit_head SET size = :n, root = :r, frontier = :f"),
        {"n": frontier.size, "r": frontier.root(), "f": frontier.to_bytes()},
    )


def _head(vault: Vault) -> TreeHead:
    with vault.read() as conn:
        head = audit.head(conn)
    assert head is not None
    return head


def _assert_caught(result: Verification, first_bad: int | None, *words: str) -> None:
    assert result.intact is False, "the damage went unnoticed"
    assert result.first_bad == first_bad, result.problem
    for word in words:
        assert word in result.problem


# -- the untouched log ------------------------------------------------------------------------


def test_every_stored_root_is_the_rfc_root_of_its_prefix(log: Log) -> None:
    with log.vault.read() as conn:
        rows = _rows(conn)
        head = audit.head(conn)
    leaves = [entry_leaf_hash(r[:-1]) for r in rows]
    assert [r[0] for r in rows] == list(range(1, log.size + 1))
    for n, row in enumerate(rows, start=1):
        assert row[-1] == root_of(leaves[:n]), f"entry {n}"
    assert head == TreeHead(log.size, root_of(leaves))


def test_an_untouched_log_verifies_and_the_check_is_audited(log: Log) -> None:
    head = _head(log.vault)
    result = log.verify()
    assert result.intact is True
    assert (result.size, result.root, result.first_bad, result.problem) == (
        log.size,
        head.root,
        None,
        "",
    )
    latest = log.service.page(log.auditor, 0, 1)[0]
    assert (latest.action, latest.actor) == ("audit.verified", AUDITOR_ID)
    assert json.loads(latest.after or "")["intact"] is True
    assert log.verify().intact is True, "the entry the check appended fits the tree too"


# -- the triggers -----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET actor = 'mallory' WHERE seq = 5",
        "UPDATE audit_log SET tree_root = zeroblob(32)",
        "UPDATE audit_log SET seq = seq + 1000 WHERE seq = (SELECT max(seq) FROM audit_log)",
        "DELETE FROM audit_log WHERE seq = 5",
        "DELETE FROM audit_log",
    ],
)
def test_the_triggers_refuse_update_and_delete(log: Log, statement: str) -> None:
    before = _rows_of(log.vault)
    with (
        pytest.raises(sqlalchemy.exc.DBAPIError, match="append-only") as raised,
        log.vault.transaction() as conn,
    ):
        conn.execute(text(statement))
    assert isinstance(raised.value, sqlalchemy.exc.IntegrityError)
    assert _rows_of(log.vault) == before
    assert log.verify().intact


def test_appends_in_a_failed_transaction_leave_no_entry_and_no_head_change(log: Log) -> None:
    head = _head(log.vault)
    rows = _rows_of(log.vault)
    with pytest.raises(RuntimeError, match="halfway"), log.vault.transaction() as conn:
        for _ in range(3):
            audit.append(
                conn,
                ts="2026-01-05T10:00:00+00:00",
                actor="system",
                action="person.created",
                object_type="person",
                object_id="9",
            )
        assert audit.head(conn).size == head.size + 3  # type: ignore[union-attr]
        raise RuntimeError("halfway")
    assert _head(log.vault) == head
    assert _rows_of(log.vault) == rows
    result = log.verify()
    assert result.intact and result.size == log.size


# -- tampering with single entries ------------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value"),
    [
        ("ts", "2026-01-04T23:59:00+00:00"),
        ("actor", "00000000-0000-4000-8000-00000000dead"),
        ("action", "person.created"),
        ("object_type", "user"),
        ("object_id", "42"),
        ("level", "top_secret"),
        ("reason", "补录"),
        ("before", None),
        ("after", '{"name":"张三","title":"教授"}'),
        ("tree_root", b"\x00" * 32),
    ],
)
def test_an_edited_field_is_named(log: Log, column: str, value: Any) -> None:
    k = log.first + 20
    with tampering(log.vault) as conn:
        assert _row(conn, k)[column] != value
        _set(conn, k, {column: value})
    _assert_caught(log.verify(), k, f"第 {k} 条", "与日志树不符")


@pytest.mark.parametrize("offset", [0, 20, APPENDED - 2])
def test_a_deleted_entry_is_named(log: Log, offset: int) -> None:
    k = log.first + offset
    with tampering(log.vault) as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = :k"), {"k": k})
    _assert_caught(log.verify(), k, f"第 {k} 条记录缺失")


def _insert_after(conn: Connection, k: int, root: bytes) -> None:
    """Make room by renumbering (highest first, so seq stays unique), then write entry k + 1."""
    last = conn.execute(text("SELECT max(seq) FROM audit_log")).scalar_one()
    for seq in range(last, k, -1):
        conn.execute(text("UPDATE audit_log SET seq = seq + 1 WHERE seq = :s"), {"s": seq})
    forged = {**_row(conn, k), "seq": k + 1, "actor": "00000000-0000-4000-8000-00000000dead"}
    _insert(conn, {**forged, "tree_root": root})


def _verify_without_recording(log: Log) -> Verification:
    """What AuditService.verify computes, without the audit entry it then appends (which an
    inserted row makes impossible)."""
    with log.vault.read() as conn:
        recorded = [cp for *_, cp in audit.checkpoints(conn)]
        return verify(audit.rows_for_verification(conn), audit.head(conn), recorded)


def test_an_inserted_entry_is_named(log: Log) -> None:
    k = log.first + 20
    with tampering(log.vault) as conn:
        _insert_after(conn, k, _row(conn, k + 1)["tree_root"])  # the root stored at k + 1
    _assert_caught(_verify_without_recording(log), k + 1, f"第 {k + 1} 条", "与日志树不符")


def test_verifying_a_log_with_an_inserted_entry_reports_instead_of_crashing(log: Log) -> None:
    k = log.first + 20
    with tampering(log.vault) as conn:
        _insert_after(conn, k, _row(conn, k + 1)["tree_root"])
    _assert_caught(log.verify(), k + 1, f"第 {k + 1} 条")
    # Nothing is written on top of a log that no longer fits its tree.
    with (
        pytest.raises(StorageError, match="审计日志与日志树不一致"),
        log.vault.transaction() as conn,
    ):
        audit.append(
            conn,
            ts="2026-01-05T09:00:00+00:00",
            actor="x",
            action="a",
            object_type="t",
            object_id="",
        )


def test_an_inserted_entry_with_a_fitting_root_is_caught_at_the_entry_it_displaced(
    log: Log,
) -> None:
    """The forger computes the right root for the new entry; then it fits, and the entry that
    was k + 1 (now k + 2) no longer does."""
    k = log.first + 20
    with tampering(log.vault) as conn:
        _insert_after(conn, k, b"")
        rows = _rows(conn)[: k + 1]
        fitting = root_of([entry_leaf_hash(r[:-1]) for r in rows])
        _set(conn, k + 1, {"tree_root": fitting})
    _assert_caught(_verify_without_recording(log), k + 2, f"第 {k + 2} 条", "与日志树不符")


@pytest.mark.parametrize("with_root", [False, True], ids=["content", "content-and-root"])
def test_swapped_entries_are_named_at_the_first(log: Log, with_root: bool) -> None:
    i, j = log.first + 10, log.first + 30
    columns = [*CONTENT, "tree_root"] if with_root else CONTENT
    with tampering(log.vault) as conn:
        a, b = _row(conn, i), _row(conn, j)
        assert any(a[c] != b[c] for c in CONTENT)
        _set(conn, i, {c: b[c] for c in columns})
        _set(conn, j, {c: a[c] for c in columns})
    _assert_caught(log.verify(), i, f"第 {i} 条", "与日志树不符")


# -- tampering with the tail ------------------------------------------------------------------


def test_a_deleted_last_entry_is_named_by_the_head(log: Log) -> None:
    with tampering(log.vault) as conn:
        conn.execute(text("DELETE FROM audit_log WHERE seq = :n"), {"n": log.size})
    _assert_caught(
        log.verify(),
        log.size,
        "末尾的记录被删除",
        f"记录了 {log.size} 条",
        f"只有 {log.size - 1} 条",
    )


def _truncate_and_rewind_head(conn: Connection, keep: int) -> None:
    conn.execute(text("DELETE FROM audit_log WHERE seq > :k"), {"k": keep})
    _recompute_tree(conn)  # the remaining roots are unchanged; the head is rewound to them


def test_a_truncated_log_with_a_rewound_head_is_caught_by_a_checkpoint_held_outside(
    log: Log,
) -> None:
    held = log.service.head(log.auditor)  # e.g. printed on a filing before the deletion
    assert held.size == log.size
    with tampering(log.vault) as conn:
        _truncate_and_rewind_head(conn, log.size - 1)
    assert _head(log.vault).size == log.size - 1
    external = Checkpoint(held.size, held.root, "外部检查点")
    _assert_caught(
        log.verify(external),
        log.size,
        f"外部检查点记录了 {log.size} 条",
        f"只有 {log.size - 1} 条",
    )


def test_a_truncated_log_with_a_rewound_head_is_caught_by_a_recorded_checkpoint(log: Log) -> None:
    checkpoint_id, recorded = log.service.add_checkpoint(log.auditor, "季度核对")
    assert recorded.size == log.size  # the checkpoint's own entry is log.size + 1
    keep = log.size - 5
    with tampering(log.vault) as conn:
        _truncate_and_rewind_head(conn, keep)
    _assert_caught(
        log.verify(), keep + 1, f"检查点 {checkpoint_id}记录了 {log.size} 条", f"只有 {keep} 条"
    )


def test_a_truncated_log_with_a_rewound_head_alone_looks_intact(log: Log) -> None:
    """Why checkpoints exist: the head lives in the same file, so it can be rewound with it."""
    with tampering(log.vault) as conn:
        _truncate_and_rewind_head(conn, log.size - 1)
    result = log.verify()
    assert result.intact is True
    assert result.size == log.size - 1


# -- rewriting the whole log consistently -----------------------------------------------------


def _rewrite_entry(conn: Connection, k: int) -> None:
    _set(conn, k, {"actor": "00000000-0000-4000-8000-00000000dead", "after": None})
    _recompute_tree(conn)


def test_a_consistent_rewrite_is_invisible_to_the_log_alone(log: Log) -> None:
    with tampering(log.vault) as conn:
        _rewrite_entry(conn, log.first + 20)
    result = log.verify()
    assert result.intact is True, "every root and the head agree with the forged rows"
    assert result.size == log.size


def test_a_consistent_rewrite_is_caught_by_a_recorded_checkpoint(log: Log) -> None:
    checkpoint_id, recorded = log.service.add_checkpoint(log.auditor, "年度核对")
    with tampering(log.vault) as conn:
        _rewrite_entry(conn, log.first + 20)
    _assert_caught(
        log.verify(),
        None,
        f"与检查点 {checkpoint_id}不一致",
        f"前 {recorded.size} 条记录在该检查点之后被改写",
    )


def test_a_consistent_rewrite_after_the_checkpoint_is_not_its_concern(log: Log) -> None:
    """A checkpoint vouches for the entries it covered, and only those."""
    log.service.add_checkpoint(log.auditor, "年度核对")
    with tampering(log.vault) as conn:
        _rewrite_entry(conn, log.size + 1)  # the checkpoint's own entry, after its size
    assert log.verify().intact is True


def test_a_consistent_rewrite_is_caught_by_an_external_checkpoint(log: Log) -> None:
    held = log.service.head(log.auditor)
    with tampering(log.vault) as conn:
        _rewrite_entry(conn, log.first + 20)
    external = Checkpoint(held.size, held.root, "外部检查点")
    _assert_caught(log.verify(external), None, "与外部检查点不一致", f"前 {held.size} 条记录")


# -- the vault made by schema 0001 ------------------------------------------------------------


def test_migration_0002_gave_the_0001_fixture_vault_a_valid_tree(
    tmp_path: Path, clock: FixedClock
) -> None:
    fixture = Path(__file__).resolve().parents[1] / "fixtures" / "vault-0001"
    shutil.copytree(fixture, tmp_path / "vault-0001")
    vault = Vault(tmp_path / "vault-0001" / "vault.db")
    session = SessionService(vault, now=clock, kdf=lambda: TEST_KDF)
    session.unlock(FIXTURE_ADMIN_ID, FIXTURE_PASSPHRASE)
    try:
        rows = _rows_of(vault)
        # The 0001 entries, then the unlock that ran the migration.
        assert [r[FIELD_ACTION] for r in rows] == [*FIXTURE_AUDIT_ACTIONS, "session.unlocked"]
        leaves = [entry_leaf_hash(r[:-1]) for r in rows]
        for n, row in enumerate(rows, start=1):
            assert row[-1] == root_of(leaves[:n]), f"entry {n}"
        auditor = _add_auditor(vault, clock)
        result = AuditService(vault, now=clock).verify(auditor)
        assert result.intact is True, result.problem
        assert result.size == len(FIXTURE_AUDIT_ACTIONS) + 1
        assert result.root == root_of(leaves)
    finally:
        vault.lock()
