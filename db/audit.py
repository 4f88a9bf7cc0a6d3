"""The append-only audit log and its RFC 6962 tree. Every service write calls ``append`` in its
own transaction, so the entry, its tree root and the new head commit together or not at all."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Select, and_, func, insert, select, update
from sqlalchemy.exc import IntegrityError

from db.schema import audit_checkpoints, audit_head, audit_log, users
from desktop.domain.audit import (
    LEAF_FIELDS,
    AuditEntry,
    AuditFilter,
    Checkpoint,
    TreeHead,
    canonical_json,
    entry_leaf_hash,
)
from desktop.domain.merkle import Frontier
from desktop.errors import StorageError


@dataclass(frozen=True)
class NewEntry:
    """One entry to append; ``before``/``after`` are snapshots (canonical JSON is made here)."""

    ts: str
    actor: str
    action: str
    object_type: str
    object_id: str
    before: Any = None
    after: Any = None
    reason: str | None = None
    level: str = "public"


def append(
    conn: Connection,
    *,
    ts: str,
    actor: str,
    action: str,
    object_type: str,
    object_id: str,
    before: Any = None,
    after: Any = None,
    reason: str | None = None,
    level: str = "public",
) -> int:
    entry = NewEntry(ts, actor, action, object_type, object_id, before, after, reason, level)
    return append_many(conn, [entry])[0]


def append_many(conn: Connection, entries: Sequence[NewEntry]) -> list[int]:
    """Append ``entries`` in order (one INSERT batch, one head update); returns their numbers."""
    if not entries:
        return []
    frontier = _frontier(conn)
    rows: list[dict[str, Any]] = []
    for e in entries:
        seq = frontier.size + 1
        before_text, after_text = canonical_json(e.before), canonical_json(e.after)
        frontier.append(
            entry_leaf_hash(
                (
                    seq,
                    e.ts,
                    e.actor,
                    e.action,
                    e.object_type,
                    e.object_id,
                    e.level,
                    e.reason,
                    before_text,
                    after_text,
                )
            )
        )
        rows.append(
            {
                "seq": seq,
                "ts": e.ts,
                "actor": e.actor,
                "action": e.action,
                "object_type": e.object_type,
                "object_id": e.object_id,
                "before": before_text,
                "after": after_text,
                "reason": e.reason,
                "level": e.level,
                "tree_root": frontier.root(),
            }
        )
    try:
        conn.execute(_INSERT_ENTRY, rows)
    except IntegrityError as e:
        # An entry already holds a number the tree says is next: someone added rows without
        # the tree. Refuse to write on top of it (the transaction is rolled back).
        raise StorageError(
            "审计日志与日志树不一致，无法追加记录。请由安全审计员校验审计日志。"
        ) from e
    _save_head(conn, frontier, rows[-1]["tree_root"])
    return [r["seq"] for r in rows]


def head(conn: Connection) -> TreeHead | None:
    row = conn.execute(select(audit_head.c.size, audit_head.c.root)).first()
    return None if row is None else TreeHead(row.size, bytes(row.root))


def count(conn: Connection, where: AuditFilter | None = None) -> int:
    query = select(func.count()).select_from(audit_log)
    return int(conn.execute(_filtered(query, where)).scalar_one())


def list_page(
    conn: Connection, *, offset: int, limit: int, where: AuditFilter | None = None
) -> list[AuditEntry]:
    """Newest first."""
    query = (
        select(*_ENTRY_COLUMNS, users.c.display_name.label("actor_name"))
        .outerjoin(users, users.c.id == audit_log.c.actor)
        .order_by(audit_log.c.seq.desc())
        .offset(offset)
        .limit(limit)
    )
    return [
        AuditEntry(**{**row._mapping, "actor_name": row.actor_name or row.actor})
        for row in conn.execute(_filtered(query, where))
    ]


def actions(conn: Connection, where: AuditFilter | None = None) -> list[str]:
    query = select(audit_log.c.action).distinct().order_by(audit_log.c.action)
    return list(conn.execute(_filtered(query, where)).scalars())


def actors(conn: Connection, where: AuditFilter | None = None) -> list[tuple[str, str]]:
    """(id, display name) of everyone who has an entry within ``where``, by name; an actor
    that is not a user (the program itself) is named by its id."""
    query = (
        select(audit_log.c.actor, users.c.display_name)
        .distinct()
        .outerjoin(users, users.c.id == audit_log.c.actor)
    )
    found = [
        (row.actor, row.display_name or row.actor) for row in conn.execute(_filtered(query, where))
    ]
    return sorted(found, key=lambda pair: (pair[1], pair[0]))


def object_types(conn: Connection, where: AuditFilter | None = None) -> list[str]:
    query = select(audit_log.c.object_type).distinct().order_by(audit_log.c.object_type)
    return list(conn.execute(_filtered(query, where)).scalars())


def rows_for_verification(conn: Connection, batch: int = 5000) -> Iterator[tuple[Any, ...]]:
    """Every entry's leaf fields and stored root, in seq order, streamed in batches."""
    columns = [audit_log.c[name] for name in LEAF_FIELDS] + [audit_log.c.tree_root]
    last = 0
    while True:
        rows = conn.execute(
            select(*columns).where(audit_log.c.seq > last).order_by(audit_log.c.seq).limit(batch)
        ).all()
        if not rows:
            return
        for row in rows:
            yield (*row[:-1], bytes(row[-1]))
        last = rows[-1][0]


def add_checkpoint(
    conn: Connection, *, size: int, root: bytes, ts: str, actor: str, note: str
) -> int:
    result = conn.execute(
        insert(audit_checkpoints).values(size=size, root=root, ts=ts, actor=actor, note=note)
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def checkpoints(conn: Connection) -> list[tuple[int, str, str, Checkpoint]]:
    """(id, ts, note, checkpoint), oldest first."""
    rows = conn.execute(select(audit_checkpoints).order_by(audit_checkpoints.c.id))
    return [(r.id, r.ts, r.note, Checkpoint(r.size, bytes(r.root), f"检查点 {r.id}")) for r in rows]


# -- internals ------------------------------------------------------------------------------
_ENTRY_COLUMNS = [audit_log.c[name] for name in LEAF_FIELDS]


def _frontier(conn: Connection) -> Frontier:
    row = conn.execute(select(audit_head.c.size, audit_head.c.frontier)).first()
    if row is None:
        return Frontier()
    return Frontier.from_bytes(row.size, bytes(row.frontier))


# Built once: constructing statements per append cost more than the hashing.
_INSERT_ENTRY = insert(audit_log)
_UPDATE_HEAD = update(audit_head)
_INSERT_HEAD = insert(audit_head)


def _save_head(conn: Connection, frontier: Frontier, root: bytes) -> None:
    values = {"size": frontier.size, "root": root, "frontier": frontier.to_bytes()}
    if conn.execute(_UPDATE_HEAD, values).rowcount == 0:
        conn.execute(_INSERT_HEAD, {"id": 1, **values})


def _filtered(query: Select[Any], where: AuditFilter | None) -> Select[Any]:
    if where is None:
        return query
    conditions = []
    if where.actor is not None:
        conditions.append(audit_log.c.actor == where.actor)
    if where.actors_within is not None:
        conditions.append(audit_log.c.actor.in_(where.actors_within))
    if where.since is not None:
        conditions.append(audit_log.c.ts >= where.since)
    if where.until is not None:
        # ts is ISO with a time; "until 2026-01-05" includes the whole day.
        conditions.append(audit_log.c.ts < where.until + "\uffff")
    if where.action is not None:
        if where.action.endswith("."):
            conditions.append(audit_log.c.action.startswith(where.action, autoescape=True))
        else:
            conditions.append(audit_log.c.action == where.action)
    if where.object_type is not None:
        conditions.append(audit_log.c.object_type == where.object_type)
    if where.object_id is not None:
        conditions.append(audit_log.c.object_id == where.object_id)
    return query.where(and_(*conditions)) if conditions else query
