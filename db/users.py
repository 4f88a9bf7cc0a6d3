"""User accounts."""

from __future__ import annotations

from sqlalchemy import Connection, insert, select

from db.schema import users
from desktop.domain.accounts import User, UserDraft


def insert_user(conn: Connection, user_id: str, draft: UserDraft, *, created_at: str) -> None:
    conn.execute(
        insert(users).values(
            id=user_id,
            login=draft.login,
            display_name=draft.display_name,
            role=draft.role,
            clearance=draft.clearance,
            active=True,
            created_at=created_at,
        )
    )


def get(conn: Connection, user_id: str) -> User | None:
    row = conn.execute(select(users).where(users.c.id == user_id)).first()
    return None if row is None else _user(row)


def list_all(conn: Connection) -> list[User]:
    return [_user(row) for row in conn.execute(select(users).order_by(users.c.login))]


def _user(row) -> User:
    return User(row.id, row.login, row.display_name, row.role, row.clearance, row.active)
