"""Key/value settings stored as JSON."""

from __future__ import annotations

import json
from typing import Any

from sqlalchemy import Connection, select
from sqlalchemy.dialects.sqlite import insert

from db.schema import settings


def get(conn: Connection, key: str, default: Any = None) -> Any:
    raw = conn.execute(select(settings.c.value).where(settings.c.key == key)).scalar_one_or_none()
    return default if raw is None else json.loads(raw)


def put(conn: Connection, key: str, value: Any) -> None:
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    stmt = insert(settings).values(key=key, value=text)
    conn.execute(stmt.on_conflict_do_update(index_elements=["key"], set_={"value": text}))
