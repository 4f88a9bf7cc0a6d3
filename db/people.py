"""People: researchers and staff."""

from __future__ import annotations

from sqlalchemy import Connection, func, insert, select, update

from db.schema import departments, people
from desktop.domain.people import Person, PersonDraft


def insert_person(conn: Connection, draft: PersonDraft) -> int:
    result = conn.execute(
        insert(people).values(
            name=draft.name,
            department_id=draft.department_id,
            title=draft.title,
            leader_type=draft.leader_type,
            active=True,
        )
    )
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def update_person(conn: Connection, person_id: int, draft: PersonDraft) -> None:
    conn.execute(
        update(people)
        .where(people.c.id == person_id)
        .values(
            name=draft.name,
            department_id=draft.department_id,
            title=draft.title,
            leader_type=draft.leader_type,
        )
    )


def get(conn: Connection, person_id: int) -> Person | None:
    row = conn.execute(_select().where(people.c.id == person_id)).first()
    return None if row is None else _person(row)


def count(conn: Connection) -> int:
    return int(conn.execute(select(func.count()).select_from(people)).scalar_one())


def list_page(conn: Connection, *, offset: int, limit: int) -> list[Person]:
    rows = conn.execute(_select().order_by(people.c.id).offset(offset).limit(limit))
    return [_person(row) for row in rows]


def _select():
    return select(people, departments.c.name.label("department")).outerjoin(
        departments, people.c.department_id == departments.c.id
    )


def _person(row) -> Person:
    return Person(
        id=row.id,
        name=row.name,
        department_id=row.department_id,
        department=row.department or "",
        title=row.title,
        leader_type=row.leader_type,
        active=row.active,
    )
