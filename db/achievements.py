"""Achievements, their completers and IP rights, and the one search function over them.

Two full-text indexes (FTS5, rowid = achievement id) cover, per achievement, its title, abstract,
keywords, IP numbers and completer names: ``achievement_search`` (trigram tokenizer) for terms of
three or more characters, ``achievement_search_short`` (its one- and two-character pieces,
desktop.domain.search) for shorter ones. Both are rewritten whenever one of those changes, in the
same transaction.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Sequence
from decimal import Decimal
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Select,
    and_,
    bindparam,
    case,
    delete,
    func,
    insert,
    select,
    text,
    update,
)

from db.files import FileTable
from db.schema import (
    achievement_attachments,
    achievement_completers,
    achievement_ip,
    achievements,
    departments,
    people,
    pool_decisions,
)
from desktop.domain import search
from desktop.domain.accounts import CLEARANCES
from desktop.domain.achievements import (
    Achievement,
    AchievementDraft,
    AchievementQuery,
    AchievementRow,
    Completer,
    IpRight,
)
from desktop.domain.pool import OPEN_STATUSES, PUBLISHABLE_LEVELS
from desktop.domain.search import short_tokens


def insert_achievement(
    conn: Connection, draft: AchievementDraft, *, created_by: str, created_at: str
) -> int:
    return insert_many(conn, [draft], created_by=created_by, created_at=created_at)[0]


def insert_many(
    conn: Connection, drafts: Sequence[AchievementDraft], *, created_by: str, created_at: str
) -> list[int]:
    """New records with their completers, IP rights and index rows, a few statements per batch
    whatever its size (an import writes thousands); returns their ids in the order given."""
    if not drafts:
        return []
    stamp = {
        "status": "registered",
        "created_by": created_by,
        "created_at": created_at,
        "updated_at": created_at,
    }
    ids = [
        int(i)
        for i in conn.execute(
            insert(achievements).returning(achievements.c.id, sort_by_parameter_order=True),
            [{**_values(d), **stamp} for d in drafts],
        ).scalars()
    ]
    _write_parts(conn, list(zip(ids, drafts, strict=True)), new=True)
    return ids


def update_achievement(
    conn: Connection, achievement_id: int, draft: AchievementDraft, *, updated_at: str
) -> None:
    conn.execute(
        update(achievements)
        .where(achievements.c.id == achievement_id)
        .values(**_values(draft), updated_at=updated_at)
    )
    conn.execute(
        delete(achievement_completers).where(
            achievement_completers.c.achievement_id == achievement_id
        )
    )
    conn.execute(delete(achievement_ip).where(achievement_ip.c.achievement_id == achievement_id))
    _write_parts(conn, [(achievement_id, draft)], new=False)


def set_status(conn: Connection, achievement_id: int, status: str, *, updated_at: str) -> None:
    conn.execute(
        update(achievements)
        .where(achievements.c.id == achievement_id)
        .values(status=status, updated_at=updated_at)
    )


def get(conn: Connection, achievement_id: int) -> Achievement | None:
    return get_many(conn, [achievement_id]).get(achievement_id)


def get_many(
    conn: Connection, ids: Sequence[int], on_chunk: Callable[[int], None] | None = None
) -> dict[int, Achievement]:
    """Whole records for ``ids`` in three queries per chunk (an export reads thousands);
    ``on_chunk(records read so far)`` after each chunk (it may raise to stop)."""
    found: dict[int, Achievement] = {}
    for start in range(0, len(ids), _CHUNK):
        if on_chunk is not None and start:
            on_chunk(start)
        chunk = list(ids[start : start + _CHUNK])
        completers: dict[int, list[Any]] = {}
        for c in conn.execute(
            select(achievement_completers, people.c.name)
            .join(people, people.c.id == achievement_completers.c.person_id)
            .where(achievement_completers.c.achievement_id.in_(chunk))
            .order_by(achievement_completers.c.achievement_id, achievement_completers.c.position)
        ):
            completers.setdefault(c.achievement_id, []).append(c)
        rights: dict[int, list[Any]] = {}
        for ip in conn.execute(
            select(achievement_ip)
            .where(achievement_ip.c.achievement_id.in_(chunk))
            .order_by(achievement_ip.c.achievement_id, achievement_ip.c.position)
        ):
            rights.setdefault(ip.achievement_id, []).append(ip)
        for row in conn.execute(select(achievements).where(achievements.c.id.in_(chunk))):
            found[row.id] = _achievement(row, completers.get(row.id, []), rights.get(row.id, []))
    return found


_CHUNK = 500  # ids per IN (...) list, well under SQLite's variable limit


def _achievement(row: Any, completer_rows: list[Any], ip_rows: list[Any]) -> Achievement:
    draft = AchievementDraft(
        title=row.title,
        abstract=row.abstract,
        keywords=tuple(json.loads(row.keywords)),
        kind=row.kind,
        department_id=row.department_id,
        funding_type=row.funding_type,
        funding_ref=row.funding_ref,
        completers=tuple(Completer(c.person_id, c.role, Decimal(c.share)) for c in completer_rows),
        ip_rights=tuple(
            IpRight(ip.number, ip.applied_on, ip.granted_on, ip.expires_on) for ip in ip_rows
        ),
        level=row.level,
        secrecy_mark=row.secrecy_mark,
        negative_list=row.negative_list,
        negative_list_reason=row.negative_list_reason,
        ethics_status=row.ethics_status,
        ethics_approval=row.ethics_approval,
        ethics_approved_on=row.ethics_approved_on,
        overseas=row.overseas,
    )
    return Achievement(
        id=row.id,
        draft=draft,
        status=row.status,
        created_by=row.created_by,
        created_at=row.created_at,
        updated_at=row.updated_at,
        completer_names=tuple(c.name for c in completer_rows),
    )


def count(
    conn: Connection,
    query: AchievementQuery,
    *,
    levels: Sequence[str],
    created_by: str | None = None,
    pool_cutoff: dt.date | None = None,
) -> int:
    stmt = _filtered(
        select(func.count()).select_from(achievements), query, levels, created_by, pool_cutoff
    )
    return int(conn.execute(stmt).scalar_one())


def list_page(
    conn: Connection,
    query: AchievementQuery,
    *,
    levels: Sequence[str],
    offset: int,
    limit: int,
    created_by: str | None = None,
    pool_cutoff: dt.date | None = None,
) -> list[AchievementRow]:
    stmt = (
        _filtered(
            select(
                achievements.c.id,
                achievements.c.title,
                achievements.c.kind,
                achievements.c.status,
                achievements.c.level,
                func.coalesce(departments.c.name, "").label("department"),
                _registered_year.label("year"),
                func.coalesce(_LEAD, "").label("lead"),
                func.coalesce(_IP_NUMBERS, "").label("ip_numbers"),
            ).outerjoin(departments, departments.c.id == achievements.c.department_id),
            query,
            levels,
            created_by,
            pool_cutoff,
        )
        .order_by(*_order(query))
        .offset(offset)
        .limit(limit)
    )
    return [
        AchievementRow(
            id=r.id,
            title=r.title,
            kind=r.kind,
            status=r.status,
            level=r.level,
            department=r.department,
            year=int(r.year),
            lead=r.lead,
            ip_numbers=r.ip_numbers,
        )
        for r in conn.execute(stmt)
    ]


def years(conn: Connection, *, levels: Sequence[str], created_by: str | None = None) -> list[int]:
    where: list[ColumnElement[bool]] = [achievements.c.level.in_(levels)]
    if created_by is not None:
        where.append(achievements.c.created_by == created_by)
    stmt = (
        select(_registered_year.label("year"))
        .where(*where)
        .distinct()
        .order_by(_registered_year.desc())
    )
    return [int(y) for y in conn.execute(stmt).scalars()]


def ip_holders(conn: Connection, numbers: Sequence[str]) -> dict[str, tuple[int, str]]:
    """For each of ``numbers`` already registered: (the holding record's id, its level)."""
    wanted = sorted(set(numbers))
    found: dict[str, tuple[int, str]] = {}
    for start in range(0, len(wanted), _CHUNK):
        rows = conn.execute(
            select(achievement_ip.c.number, achievements.c.id, achievements.c.level)
            .join(achievements, achievements.c.id == achievement_ip.c.achievement_id)
            .where(achievement_ip.c.number.in_(wanted[start : start + _CHUNK]))
            .order_by(achievements.c.id.desc())
        )
        found.update((r.number, (r.id, r.level)) for r in rows)  # the oldest holder wins
    return found


def ids_for_person(conn: Connection, person_id: int) -> list[int]:
    stmt = select(achievement_completers.c.achievement_id).where(
        achievement_completers.c.person_id == person_id
    )
    return list(conn.execute(stmt).scalars())


def reindex(conn: Connection, achievement_id: int) -> None:
    """Rewrite the achievement's row in the full-text index from what is stored now."""
    found = get(conn, achievement_id)
    if found is None:
        for statement in _DELETE_INDEX:
            conn.execute(statement, {"id": achievement_id})
        return
    _index(conn, [(achievement_id, found.draft, found.completer_names)])


_DELETE_INDEX = (
    text("DELETE FROM achievement_search WHERE rowid = :id"),
    text("DELETE FROM achievement_search_short WHERE rowid = :id"),
)
_INSERT_INDEX = text(
    "INSERT INTO achievement_search (rowid, title, abstract, keywords, ip_numbers, completers) "
    "VALUES (:id, :title, :abstract, :keywords, :ip, :completers)"
)
_INSERT_SHORT = text("INSERT INTO achievement_search_short (rowid, tokens) VALUES (:id, :tokens)")


def _index(
    conn: Connection,
    records: Sequence[tuple[int, AchievementDraft, Sequence[str]]],
    *,
    new: bool = False,
) -> None:
    """Write the records' rows in both indexes (``new``: they have none yet to delete)."""
    if not new:
        for statement in _DELETE_INDEX:
            conn.execute(statement, [{"id": i} for i, _, _ in records])
    rows: list[dict[str, Any]] = [
        {
            "id": achievement_id,
            "title": draft.title,
            "abstract": draft.abstract,
            "keywords": " ".join(draft.keywords),
            "ip": " ".join(ip.number for ip in draft.ip_rights),
            "completers": " ".join(names),
        }
        for achievement_id, draft, names in records
    ]
    conn.execute(_INSERT_INDEX, rows)
    conn.execute(
        _INSERT_SHORT,
        [{"id": r["id"], "tokens": short_tokens(list(r.values())[1:])} for r in rows],
    )


# -- internals ------------------------------------------------------------------------------
_registered_year = func.substr(achievements.c.created_at, 1, 4)
_LEAD = (
    select(people.c.name)
    .join(achievement_completers, achievement_completers.c.person_id == people.c.id)
    .where(
        achievement_completers.c.achievement_id == achievements.c.id,
        achievement_completers.c.role == "lead",
    )
    .order_by(achievement_completers.c.position)
    .limit(1)
    .scalar_subquery()
)
_IP_NUMBERS = (
    select(func.group_concat(achievement_ip.c.number, "，"))
    .where(achievement_ip.c.achievement_id == achievements.c.id)
    .scalar_subquery()
)
_LEVEL_RANK = case(
    {level: rank for rank, level in enumerate(CLEARANCES)}, value=achievements.c.level
)


def _values(draft: AchievementDraft) -> dict[str, Any]:
    return {
        "title": draft.title,
        "abstract": draft.abstract,
        "keywords": json.dumps(list(draft.keywords), ensure_ascii=False),
        "kind": draft.kind,
        "department_id": draft.department_id,
        "funding_type": draft.funding_type,
        "funding_ref": draft.funding_ref,
        "level": draft.level,
        "secrecy_mark": draft.secrecy_mark,
        "negative_list": draft.negative_list,
        "negative_list_reason": draft.negative_list_reason,
        "ethics_status": draft.ethics_status,
        "ethics_approval": draft.ethics_approval,
        "ethics_approved_on": draft.ethics_approved_on,
        "overseas": draft.overseas,
    }


def _write_parts(
    conn: Connection, records: Sequence[tuple[int, AchievementDraft]], *, new: bool
) -> None:
    completers: list[dict[str, Any]] = [
        {
            "achievement_id": achievement_id,
            "person_id": c.person_id,
            "position": position,
            "role": c.role,
            "share": f"{c.share:f}",
        }
        for achievement_id, draft in records
        for position, c in enumerate(draft.completers)
    ]
    if completers:
        conn.execute(insert(achievement_completers), completers)
    rights = [
        {
            "achievement_id": achievement_id,
            "position": position,
            "number": ip.number,
            "applied_on": ip.applied_on,
            "granted_on": ip.granted_on,
            "expires_on": ip.expires_on,
        }
        for achievement_id, draft in records
        for position, ip in enumerate(draft.ip_rights)
    ]
    if rights:
        conn.execute(insert(achievement_ip), rights)
    wanted = sorted({c["person_id"] for c in completers})
    names: dict[int, str] = {}
    for start in range(0, len(wanted), _CHUNK):
        found = conn.execute(
            select(people.c.id, people.c.name).where(
                people.c.id.in_(wanted[start : start + _CHUNK])
            )
        )
        names.update((row.id, row.name) for row in found)
    _index(
        conn,
        [
            (i, draft, [names.get(c.person_id, "") for c in draft.completers])
            for i, draft in records
        ],
        new=new,
    )


def _filtered(
    stmt: Select[Any],
    query: AchievementQuery,
    levels: Sequence[str],
    created_by: str | None,
    pool_cutoff: dt.date | None = None,
) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = [achievements.c.level.in_(levels)]
    if created_by is not None:
        conditions.append(achievements.c.created_by == created_by)
    if query.kind is not None:
        conditions.append(achievements.c.kind == query.kind)
    if query.status is not None:
        conditions.append(achievements.c.status == query.status)
    if query.level is not None:
        conditions.append(achievements.c.level == query.level)
    if query.department_id is not None:
        conditions.append(achievements.c.department_id == query.department_id)
    if query.year is not None:
        conditions.append(_registered_year == f"{query.year:04d}")
    if query.pool is not None:
        if pool_cutoff is None:
            raise ValueError("filtering by the pool needs today's cutoff")
        in_pool = _in_pool(pool_cutoff)
        conditions.append(in_pool if query.pool else ~in_pool)
    conditions += _matching(query.text)
    return stmt.where(and_(*conditions))


def _in_pool(cutoff: dt.date) -> ColumnElement[bool]:
    """The pool rule (desktop.domain.pool) in SQL, for the list's filter: open, not on the
    negative list, publishable, IP granted on or before ``cutoff``, and not excluded."""
    granted = (
        select(achievement_ip.c.id)
        .where(
            achievement_ip.c.achievement_id == achievements.c.id,
            achievement_ip.c.granted_on <= cutoff.isoformat(),
        )
        .exists()
    )
    excluded = (
        select(pool_decisions.c.achievement_id)
        .where(
            pool_decisions.c.achievement_id == achievements.c.id,
            pool_decisions.c.decision == "excluded",
        )
        .exists()
    )
    return and_(
        achievements.c.status.in_(OPEN_STATUSES),
        achievements.c.negative_list.is_(False),
        achievements.c.level.in_(PUBLISHABLE_LEVELS),
        granted,
        ~excluded,
    )


def _matching(text_query: str) -> list[ColumnElement[bool]]:
    """Conditions that every term of the query is in the record's indexed text: at most one
    lookup per index, whatever the number of terms (desktop.domain.search says how)."""
    words = search.terms(text_query)
    long_terms = [t for t in words if len(t) >= search.TRIGRAM]
    short_terms = [t for t in words if len(t) < search.TRIGRAM]
    conditions: list[ColumnElement[bool]] = []
    if long_terms:
        phrases = " ".join('"' + t.replace('"', '""') + '"' for t in long_terms)
        conditions.append(achievements.c.id.in_(_lookup("achievement_search", phrases)))
    if short_terms:
        tokens = " ".join(search.short_token(t) for t in short_terms)
        conditions.append(achievements.c.id.in_(_lookup("achievement_search_short", tokens)))
    return conditions


def _lookup(table: str, expression: str) -> Select[Any]:
    return (
        select(text("rowid"))
        .select_from(text(table))
        .where(
            text(f"{table} MATCH :expression").bindparams(
                bindparam("expression", expression, unique=True)
            )
        )
    )


def _order(query: AchievementQuery) -> list[Any]:
    column = {
        "id": achievements.c.id,
        "title": achievements.c.title,
        "kind": achievements.c.kind,
        "status": achievements.c.status,
        "level": _LEVEL_RANK,
        "department": departments.c.name,
        "year": _registered_year,
        "lead": _LEAD,
    }[query.sort]
    tie = achievements.c.id
    if query.descending:
        return [column.desc(), tie.desc()]
    return [column.asc(), tie.asc()]


# -- attachments ----------------------------------------------------------------------------------
_FILES = FileTable(achievement_attachments, "achievement_id")
insert_attachment = _FILES.insert
list_attachments = _FILES.owned_by
get_attachment = _FILES.get
attachment_content = _FILES.content
delete_attachment = _FILES.delete
