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
    def count(self, actor: User, text: str = "", *, active_only: bool = False) -> int:
        self._authorize(actor, "person.read")
        with self._vault.read() as conn:
            return people.count(conn, text=text, active_only=active_only)

    def page(
        self, actor: User, offset: int, limit: int, text: str = "", *, active_only: bool = False
    ) -> list[Person]:
        self._authorize(actor, "person.read")
        with self._vault.read() as conn:
            return people.list_page(
                conn, offset=offset, limit=limit, text=text, active_only=active_only
            )

    def get(self, actor: User, person_id: int) -> Person:
        self._authorize(actor, "person.read")
        with self._vault.read() as conn:
            person = people.get(conn, person_id)
        if person is None:
            raise ValidationError("person", "该人员不存在。")
        return person

    def add(self, actor: User, draft: PersonDraft) -> int:
        self._authorize(actor, "person.edit")
        draft = validate_person(draft, today=self._now().date())
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
        draft = validate_person(draft, today=self._now().date())
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
                before=asdict(
                    PersonDraft(
                        before.name,
                        before.department_id,
                        before.title,
                        before.leader_type,
                        before.id_number,
                        before.contact,
                    )
                ),
                after=asdict(draft),
            )

    def set_left(self, actor: User, person_id: int, left: bool, reason: str = "") -> None:
        """A person who left stays in the register (records refer to them) but is no longer
        offered as a new completer; marking them back is possible."""
        self._authorize(actor, "person.edit")
        reason = reason.strip()
        if left and not reason:
            raise ValidationError("reason", "请填写离开原因（如调离、退休）。")
        with self._vault.transaction() as conn:
            before = people.get(conn, person_id)
            if before is None:
                raise ValidationError("name", "该人员已不存在。")
            if before.active != left:
                raise ValidationError(
                    "reason", "该人员已标记为离开。" if left else "该人员仍在本单位。"
                )
            people.set_active(conn, person_id, not left)
            self._audit(
                conn,
                actor,
                "person.left" if left else "person.returned",
                "person",
                person_id,
                before={"active": before.active},
                after={"active": not left},
                reason=reason or None,
            )

    @staticmethod
    def _check_department(conn: Conn, draft: PersonDraft) -> None:
        if draft.department_id is not None and draft.department_id not in dict(
            unit.department_choices(conn)
        ):
            raise ValidationError("department", "所选部门不存在或已停用。")
