"""Decision records, their links to other objects, and their attachments.

Attachment bytes live in the ``attachments`` table inside the encrypted database; every function
here except ``attachment_content`` returns metadata only, so listing a decision never loads files.
Reading functions filter by a tuple of visible levels (``level IN (...)``) given by the service.
"""

from __future__ import annotations

import json
from collections import defaultdict
from collections.abc import Iterable, Sequence

import sqlalchemy as sa
from sqlalchemy import Connection

from db.files import FileTable
from db.schema import attachments, decision_links, decisions
from desktop.domain.decisions import Decision, DecisionDraft

# -- decisions ------------------------------------------------------------------------------


def insert(conn: Connection, draft: DecisionDraft, *, created_by: str, created_at: str) -> int:
    result = conn.execute(
        sa.insert(decisions).values(
            **_values(draft), created_by=created_by, created_at=created_at, updated_at=created_at
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def update(conn: Connection, decision_id: int, draft: DecisionDraft, *, updated_at: str) -> None:
    conn.execute(
        sa.update(decisions)
        .where(decisions.c.id == decision_id)
        .values(**_values(draft), updated_at=updated_at)
    )


def get(conn: Connection, decision_id: int) -> Decision | None:
    """One decision with its links, whatever its level (the service checks the reader)."""
    row = conn.execute(sa.select(decisions).where(decisions.c.id == decision_id)).first()
    if row is None:
        return None
    return _decision(row, tuple(_links(conn, [decision_id]).get(decision_id, ())))


def count(conn: Connection, *, levels: Sequence[str], search: str = "") -> int:
    query = sa.select(sa.func.count()).select_from(decisions)
    return int(conn.execute(_filtered(query, levels, search)).scalar_one())


def list_page(
    conn: Connection, *, levels: Sequence[str], offset: int, limit: int, search: str = ""
) -> list[Decision]:
    """Newest decision date first; each with its links."""
    query = (
        _filtered(sa.select(decisions), levels, search)
        .order_by(decisions.c.decided_on.desc(), decisions.c.id.desc())
        .offset(offset)
        .limit(limit)
    )
    return _with_links(conn, conn.execute(query).all())


def list_for_object(
    conn: Connection, object_type: str, object_id: str, *, levels: Sequence[str]
) -> list[Decision]:
    """The visible decisions linked to one object, newest first."""
    query = (
        sa.select(decisions)
        .join(decision_links, decision_links.c.decision_id == decisions.c.id)
        .where(
            decision_links.c.object_type == object_type,
            decision_links.c.object_id == object_id,
            decisions.c.level.in_(tuple(levels)),
        )
        .order_by(decisions.c.decided_on.desc(), decisions.c.id.desc())
    )
    return _with_links(conn, conn.execute(query).all())


# -- links ----------------------------------------------------------------------------------


def add_link(conn: Connection, decision_id: int, object_type: str, object_id: str) -> bool:
    """False when the link was already there."""
    if _has_link(conn, decision_id, object_type, object_id):
        return False
    conn.execute(
        sa.insert(decision_links).values(
            decision_id=decision_id, object_type=object_type, object_id=object_id
        )
    )
    return True


def remove_link(conn: Connection, decision_id: int, object_type: str, object_id: str) -> bool:
    """False when there was no such link."""
    result = conn.execute(
        sa.delete(decision_links).where(
            decision_links.c.decision_id == decision_id,
            decision_links.c.object_type == object_type,
            decision_links.c.object_id == object_id,
        )
    )
    return result.rowcount > 0


# -- attachments ----------------------------------------------------------------------------


_FILES = FileTable(attachments, "decision_id")
insert_attachment = _FILES.insert
list_attachments = _FILES.owned_by
get_attachment = _FILES.get
attachment_content = _FILES.content
delete_attachment = _FILES.delete


# -- internals ------------------------------------------------------------------------------


def _values(draft: DecisionDraft) -> dict[str, object]:
    return {
        "body": draft.body,
        "title": draft.title,
        "decided_on": draft.decided_on,
        "participants": json.dumps(list(draft.participants), ensure_ascii=False),
        "outcome": draft.outcome,
        "votes_for": draft.votes_for,
        "votes_against": draft.votes_against,
        "votes_abstain": draft.votes_abstain,
        "summary": draft.summary,
        "level": draft.level,
    }


def _filtered(query: sa.Select, levels: Sequence[str], search: str) -> sa.Select:
    query = query.where(decisions.c.level.in_(tuple(levels)))
    text = search.strip()
    if text:
        # Each participant on its own (SQLite's json_each), so JSON quotes and commas never
        # match. LIKE folds ASCII case only; wildcards in ``text`` are escaped.
        names = sa.func.json_each(decisions.c.participants).table_valued("value")
        query = query.where(
            sa.or_(
                decisions.c.title.contains(text, autoescape=True),
                decisions.c.summary.contains(text, autoescape=True),
                sa.exists().where(names.c.value.contains(text, autoescape=True)),
            )
        )
    return query


def _has_link(conn: Connection, decision_id: int, object_type: str, object_id: str) -> bool:
    row = conn.execute(
        sa.select(decision_links.c.decision_id).where(
            decision_links.c.decision_id == decision_id,
            decision_links.c.object_type == object_type,
            decision_links.c.object_id == object_id,
        )
    ).first()
    return row is not None


def _links(conn: Connection, ids: Iterable[int]) -> dict[int, list[tuple[str, str]]]:
    found: dict[int, list[tuple[str, str]]] = defaultdict(list)
    rows = conn.execute(
        sa.select(decision_links)
        .where(decision_links.c.decision_id.in_(tuple(ids)))
        .order_by(decision_links.c.object_type, decision_links.c.object_id)
    )
    for row in rows:
        found[row.decision_id].append((row.object_type, row.object_id))
    return found


def _with_links(conn: Connection, rows: Sequence[sa.Row]) -> list[Decision]:
    links = _links(conn, [row.id for row in rows]) if rows else {}
    return [_decision(row, tuple(links.get(row.id, ()))) for row in rows]


def _decision(row: sa.Row, links: tuple[tuple[str, str], ...]) -> Decision:
    return Decision(
        id=row.id,
        draft=DecisionDraft(
            body=row.body,
            title=row.title,
            decided_on=row.decided_on,
            participants=tuple(json.loads(row.participants)),
            outcome=row.outcome,
            votes_for=row.votes_for,
            votes_against=row.votes_against,
            votes_abstain=row.votes_abstain,
            summary=row.summary,
            level=row.level,
        ),
        created_by=row.created_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
        links=links,
    )
