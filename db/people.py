"""People: researchers and staff."""

from __future__ import annotations

from typing import Any

from sqlalchemy import Connection, Row, Select, func, insert, or_, select, update

from db.schema import departments, people
from desktop.domain.people import Person, PersonDraft


def insert_person(conn: Connection, draft: PersonDraft) -> int:
    result = conn.execute(insert(people).values(**_values(draft), active=True))
    return int(result.inserted_primary_key[0])  # type: ignore[index]


def update_person(conn: Connection, person_id: int, draft: PersonDraft) -> None:
    conn.execute(update(people).where(people.c.id == person_id).values(**_values(draft)))


def set_active(conn: Connection, person_id: int, active: bool) -> None:
    conn.execute(update(people).where(people.c.id == person_id).values(active=active))


def get(conn: Connection, person_id: int) -> Person | None:
    row = conn.execute(_select().where(people.c.id == person_id)).first()
    return None if row is None else _person(row)


def count(conn: Connection, *, text: str = "", active_only: bool = False) -> int:
    query = (
        select(func.count())
        .select_from(people)
        .outerjoin(departments, people.c.department_id == departments.c.id)
    )
    return int(conn.execute(_filtered(query, text, active_only)).scalar_one())


def list_page(
    conn: Connection, *, offset: int, limit: int, text: str = "", active_only: bool = False
) -> list[Person]:
    query = (
        _filtered(_select(), text, active_only).order_by(people.c.id).offset(offset).limit(limit)
    )
    return [_person(row) for row in conn.execute(query)]


def _values(draft: PersonDraft) -> dict[str, Any]:
    return {
        "name": draft.name,
        "department_id": draft.department_id,
        "title": draft.title,
        "leader_type": draft.leader_type,
        "id_number": draft.id_number,
        "contact": draft.contact,
    }


def _select() -> Select[Any]:
    return select(people, departments.c.name.label("department")).outerjoin(
        departments, people.c.department_id == departments.c.id
    )


def _filtered(query: Select[Any], text: str, active_only: bool) -> Select[Any]:
    if active_only:
        query = query.where(people.c.active.is_(True))
    for term in text.split():
        # A few thousand people: a scan is fast enough and finds any substring.
        query = query.where(
            or_(
                people.c.name.contains(term, autoescape=True),
                people.c.title.contains(term, autoescape=True),
                people.c.contact.contains(term, autoescape=True),
                people.c.id_number.contains(term.upper(), autoescape=True),
                departments.c.name.contains(term, autoescape=True),
            )
        )
    return query


def _person(row: Row[Any]) -> Person:
    return Person(
        id=row.id,
        name=row.name,
        department_id=row.department_id,
        department=row.department or "",
        title=row.title,
        leader_type=row.leader_type,
        active=row.active,
        id_number=row.id_number,
        contact=row.contact,
    )
