"""People: researchers and staff of the unit."""

from __future__ import annotations

from dataclasses import asdict

from db import achievements, people, unit
from db.vault import Conn
from desktop.domain.accounts import User
from desktop.domain.people import Person, PersonDraft, validate_person
from desktop.errors import ValidationError
from desktop.services.base import Service


class PeopleService(Service):
    def count(self, actor: User) -> int:
        self._authorize(actor, "person.read")
        with self._vault.read() as conn:
            return people.count(conn)

    def page(self, actor: User, offset: int, limit: int) -> list[Person]:
        self._authorize(actor, "person.read")
        with self._vault.read() as conn:
            return people.list_page(conn, offset=offset, limit=limit)

    def add(self, actor: User, draft: PersonDraft) -> int:
        self._authorize(actor, "person.edit")
        draft = validate_person(draft)
        with self._vault.transaction() as conn:
            self._check_department(conn, draft)
            person_id = people.insert_person(conn, draft)
            self._audit(
                conn,
                actor,
                "person.created",
                "person",
                person_id,
                after=asdict(draft),
            )
        return person_id

    def update(self, actor: User, person_id: int, draft: PersonDraft) -> None:
        self._authorize(actor, "person.edit")
        draft = validate_person(draft)
        with self._vault.transaction() as conn:
            self._check_department(conn, draft)
            before = people.get(conn, person_id)
            if before is None:
                raise ValidationError("name", "该人员已不存在。")
            people.update_person(conn, person_id, draft)
            # Completer names are in the achievements' search index.
            for achievement_id in achievements.ids_for_person(conn, person_id):
                achievements.reindex(conn, achievement_id)
            self._audit(
                conn,
                actor,
                "person.updated",
                "person",
                person_id,
                before=asdict(before),
                after=asdict(draft),
            )

    @staticmethod
    def _check_department(conn: Conn, draft: PersonDraft) -> None:
        if draft.department_id is not None and draft.department_id not in dict(
            unit.department_choices(conn)
        ):
            raise ValidationError("department", "所选部门不存在或已停用。")
