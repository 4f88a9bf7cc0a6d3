"""The unit's keys, the trust store, the filings sent and received, and what came in them."""

from __future__ import annotations

import json
from collections.abc import Sequence
from typing import Any

import sqlalchemy as sa
from sqlalchemy import Connection, Row

from db.schema import filings, received_files, received_records, trusted_keys, unit_keys
from desktop.domain.filings import (
    Filing,
    ReceivedRecord,
    TrustedKey,
    UnitKeys,
    items_from_json,
)


# -- the unit's keys ----------------------------------------------------------------------------
def current_keys(conn: Connection) -> UnitKeys | None:
    row = conn.execute(
        sa.select(unit_keys).where(unit_keys.c.retired_at.is_(None)).order_by(unit_keys.c.id.desc())
    ).first()
    return None if row is None else _keys(row)


def all_keys(conn: Connection) -> list[UnitKeys]:
    return [_keys(r) for r in conn.execute(sa.select(unit_keys).order_by(unit_keys.c.id))]


def add_keys(
    conn: Connection,
    *,
    key_id: bytes,
    signing_secret: bytes,
    receiving_secret: bytes,
    created_by: str,
    created_at: str,
) -> int:
    result = conn.execute(
        sa.insert(unit_keys).values(
            key_id=key_id,
            signing_secret=signing_secret,
            receiving_secret=receiving_secret,
            created_by=created_by,
            created_at=created_at,
            retire_reason="",
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def retire_keys(conn: Connection, keys_id: int, *, at: str, reason: str) -> None:
    conn.execute(
        sa.update(unit_keys)
        .where(unit_keys.c.id == keys_id)
        .values(retired_at=at, retire_reason=reason)
    )


def _keys(row: Row[Any]) -> UnitKeys:
    return UnitKeys(
        row.id,
        bytes(row.key_id),
        bytes(row.signing_secret),
        bytes(row.receiving_secret),
        row.created_at,
        row.retired_at,
    )


# -- the trust store ----------------------------------------------------------------------------
def add_trusted(conn: Connection, **values: Any) -> int:
    result = conn.execute(sa.insert(trusted_keys).values(retire_reason="", **values))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def trusted(conn: Connection) -> list[TrustedKey]:
    rows = conn.execute(sa.select(trusted_keys).order_by(trusted_keys.c.office, trusted_keys.c.id))
    return [_trusted(r) for r in rows]


def trusted_key(conn: Connection, trusted_id: int) -> TrustedKey | None:
    row = conn.execute(sa.select(trusted_keys).where(trusted_keys.c.id == trusted_id)).first()
    return None if row is None else _trusted(row)


def trusted_by_key_id(conn: Connection, key_id: bytes) -> TrustedKey | None:
    row = conn.execute(sa.select(trusted_keys).where(trusted_keys.c.key_id == key_id)).first()
    return None if row is None else _trusted(row)


def retire_trusted(conn: Connection, trusted_id: int, *, at: str, reason: str) -> None:
    conn.execute(
        sa.update(trusted_keys)
        .where(trusted_keys.c.id == trusted_id)
        .values(retired_at=at, retire_reason=reason)
    )


def _trusted(row: Row[Any]) -> TrustedKey:
    return TrustedKey(
        id=row.id,
        office=row.office,
        credit_code=row.credit_code,
        key_id=bytes(row.key_id),
        signing_public=bytes(row.signing_public),
        recipient=row.recipient,
        fingerprint=row.fingerprint,
        card_created=row.card_created,
        added_by=row.added_by,
        added_at=row.added_at,
        retired_at=row.retired_at,
        retire_reason=row.retire_reason,
    )


# -- filings ------------------------------------------------------------------------------------
def add_filing(conn: Connection, **values: Any) -> int:
    result = conn.execute(sa.insert(filings).values(**values))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def set_filing(conn: Connection, row_id: int, **values: Any) -> None:
    conn.execute(sa.update(filings).where(filings.c.id == row_id).values(**values))


def filing(conn: Connection, row_id: int) -> Filing | None:
    row = conn.execute(_filing_query().where(filings.c.id == row_id)).first()
    return None if row is None else _filing(row)


def list_filings(
    conn: Connection, direction: str, *, levels: Sequence[str], state: str | None = None
) -> list[Filing]:
    query = _filing_query().where(filings.c.direction == direction, filings.c.level.in_(levels))
    if state is not None:
        query = query.where(filings.c.state == state)
    return [_filing(r) for r in conn.execute(query.order_by(filings.c.id.desc()))]


def count_sent(conn: Connection) -> int:
    """Every filing this unit sent, whatever its level: the serial of the next filing id."""
    query = sa.select(sa.func.count()).where(
        filings.c.direction == "out", filings.c.state == "sent"
    )
    return int(conn.execute(query).scalar_one())


def next_sequence(conn: Connection, trusted_id: int) -> int:
    """The next sequence of filings to an office; drafts hold theirs until discarded."""
    value = conn.execute(
        sa.select(sa.func.max(filings.c.sequence)).where(
            filings.c.direction == "out",
            filings.c.trusted_key_id == trusted_id,
            filings.c.state != "discarded",
        )
    ).scalar()
    return int(value or 0) + 1


def last_sent(conn: Connection, trusted_id: int) -> Filing | None:
    """The newest filing sent to an office: the base of the next consistency proof."""
    row = conn.execute(
        _filing_query()
        .where(
            filings.c.direction == "out",
            filings.c.trusted_key_id == trusted_id,
            filings.c.state == "sent",
        )
        .order_by(filings.c.sequence.desc())
    ).first()
    return None if row is None else _filing(row)


def received_from(conn: Connection, trusted_id: int) -> list[Filing]:
    """Every filing received from an office, by sequence."""
    rows = conn.execute(
        _filing_query()
        .where(filings.c.direction == "in", filings.c.trusted_key_id == trusted_id)
        .order_by(filings.c.sequence)
    )
    return [_filing(r) for r in rows]


def _filing_query() -> sa.Select[Any]:
    return sa.select(filings, trusted_keys.c.office).join(
        trusted_keys, trusted_keys.c.id == filings.c.trusted_key_id
    )


def _filing(row: Row[Any]) -> Filing:
    return Filing(
        id=row.id,
        direction=row.direction,
        state=row.state,
        filing_id=row.filing_id,
        trusted_key_id=row.trusted_key_id,
        office=row.office,
        sequence=row.sequence,
        level=row.level,
        encrypted=bool(row.encrypted),
        items=items_from_json(row.contents),
        file_name=row.file_name,
        sha256=row.sha256,
        size=row.size,
        claimed_time=row.claimed_time,
        checkpoint_origin=row.checkpoint_origin,
        checkpoint_size=row.checkpoint_size,
        checkpoint_root=bytes(row.checkpoint_root),
        created_by=row.created_by,
        created_at=row.created_at,
        completed_at=row.completed_at,
    )


# -- what came in -------------------------------------------------------------------------------
def add_record(conn: Connection, **values: Any) -> int:
    values["content"] = json.dumps(values["content"], ensure_ascii=False, sort_keys=True)
    values["documents"] = json.dumps(list(values["documents"]), ensure_ascii=False)
    result = conn.execute(sa.insert(received_records).values(**values))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def records_of(conn: Connection, filing_row: int) -> list[ReceivedRecord]:
    rows = conn.execute(
        sa.select(received_records)
        .where(received_records.c.filing_row == filing_row)
        .order_by(received_records.c.id)
    )
    return [_record(r) for r in rows]


def latest_version(
    conn: Connection, trusted_id: int, kind: str, origin_id: int
) -> ReceivedRecord | None:
    """The newest copy of a sender's record received before."""
    row = conn.execute(
        sa.select(received_records)
        .join(filings, filings.c.id == received_records.c.filing_row)
        .where(
            filings.c.trusted_key_id == trusted_id,
            received_records.c.kind == kind,
            received_records.c.origin_id == origin_id,
        )
        .order_by(received_records.c.id.desc())
    ).first()
    return None if row is None else _record(row)


def _record(row: Row[Any]) -> ReceivedRecord:
    return ReceivedRecord(
        id=row.id,
        filing_row=row.filing_row,
        kind=row.kind,
        origin_id=row.origin_id,
        title=row.title,
        level=row.level,
        content=json.loads(row.content),
        content_sha256=row.content_sha256,
        documents=tuple(json.loads(row.documents)),
        differs_from=row.differs_from,
    )


def add_file(conn: Connection, filing_row: int, *, name: str, sha256: str, content: bytes) -> int:
    result = conn.execute(
        sa.insert(received_files).values(
            filing_row=filing_row, name=name, size=len(content), sha256=sha256, content=content
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def files_of(conn: Connection, filing_row: int) -> list[tuple[int, str, int, str]]:
    """(id, name, size, sha256), never the bytes."""
    rows = conn.execute(
        sa.select(
            received_files.c.id,
            received_files.c.name,
            received_files.c.size,
            received_files.c.sha256,
        )
        .where(received_files.c.filing_row == filing_row)
        .order_by(received_files.c.name)
    )
    return [(r.id, r.name, r.size, r.sha256) for r in rows]


def file_content(conn: Connection, filing_row: int, name: str) -> bytes | None:
    value = conn.execute(
        sa.select(received_files.c.content).where(
            received_files.c.filing_row == filing_row, received_files.c.name == name
        )
    ).scalar()
    return None if value is None else bytes(value)
