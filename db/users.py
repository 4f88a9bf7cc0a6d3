"""User accounts."""

from __future__ import annotations

import json

from sqlalchemy import Connection, insert, select, update

from db.schema import users
from desktop.domain.accounts import User, UserDraft


def insert_user(
    conn: Connection,
    user_id: str,
    draft: UserDraft,
    *,
    created_at: str,
    must_change_passphrase: bool = False,
) -> None:
    conn.execute(
        insert(users).values(
            id=user_id,
            login=draft.login,
            display_name=draft.display_name,
            roles=json.dumps(list(draft.roles)),
            clearance=draft.clearance,
            active=True,
            created_at=created_at,
            must_change_passphrase=must_change_passphrase,
        )
    )


def get(conn: Connection, user_id: str) -> User | None:
    row = conn.execute(select(users).where(users.c.id == user_id)).first()
    return None if row is None else _user(row)


def login_taken(conn: Connection, login: str) -> bool:
    return conn.execute(select(users.c.id).where(users.c.login == login)).first() is not None


def list_all(conn: Connection) -> list[User]:
    return [_user(row) for row in conn.execute(select(users).order_by(users.c.login))]


def update_user(
    conn: Connection,
    user_id: str,
    *,
    display_name: str | None = None,
    roles: tuple[str, ...] | None = None,
    clearance: str | None = None,
    active: bool | None = None,
    must_change_passphrase: bool | None = None,
) -> None:
    values: dict[str, object] = {}
    if display_name is not None:
        values["display_name"] = display_name
    if roles is not None:
        values["roles"] = json.dumps(list(roles))
    if clearance is not None:
        values["clearance"] = clearance
    if active is not None:
        values["active"] = active
    if must_change_passphrase is not None:
        values["must_change_passphrase"] = must_change_passphrase
    if values:
        conn.execute(update(users).where(users.c.id == user_id).values(**values))


def _user(row) -> User:
    return User(
        row.id,
        row.login,
        row.display_name,
        tuple(json.loads(row.roles)),
        row.clearance,
        row.active,
        row.must_change_passphrase,
    )
