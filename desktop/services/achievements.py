"""The achievement register: list, search, read, register and change records.

Records above the reader's clearance are never listed, found, counted or opened; a researcher sees
and drafts only the records they registered."""

from __future__ import annotations

from typing import TypedDict

from db import achievements, people, unit
from db.vault import Conn
from desktop.domain.accounts import User
from desktop.domain.achievements import (
    Achievement,
    AchievementDraft,
    AchievementQuery,
    AchievementRow,
    snapshot,
    validate_registration,
)
from desktop.domain.permissions import (
    can_see,
    level_rank,
    require_level,
    sees_whole_register,
    visible_levels,
)
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.base import Service


class AchievementService(Service):
    def count(self, actor: User, query: AchievementQuery) -> int:
        self._authorize(actor, "achievement.read")
        with self._vault.read() as conn:
            return achievements.count(conn, query, **self._scope(actor))

    def page(
        self, actor: User, offset: int, limit: int, query: AchievementQuery
    ) -> list[AchievementRow]:
        self._authorize(actor, "achievement.read")
        with self._vault.read() as conn:
            return achievements.list_page(
                conn, query, offset=offset, limit=limit, **self._scope(actor)
            )

    def years(self, actor: User) -> list[int]:
        self._authorize(actor, "achievement.read")
        with self._vault.read() as conn:
            return achievements.years(conn, **self._scope(actor))

    def get(self, actor: User, achievement_id: int) -> Achievement:
        self._authorize(actor, "achievement.read")
        with self._vault.read() as conn:
            return self._visible(conn, actor, achievement_id)

    def create(self, actor: User, draft: AchievementDraft) -> int:
        self._authorize(actor, "achievement.edit")
        draft = validate_registration(draft, today=self._now().date())
        require_level(actor, draft.level)
        with self._vault.transaction() as conn:
            self._check_references(conn, draft)
            achievement_id = achievements.insert_achievement(
                conn, draft, created_by=actor.id, created_at=self._timestamp()
            )
            self._audit(
                conn,
                actor,
                "achievement.created",
                "achievement",
                achievement_id,
                after=snapshot(draft),
                level=draft.level,
            )
        return achievement_id

    def update(self, actor: User, achievement_id: int, draft: AchievementDraft) -> None:
        self._authorize(actor, "achievement.edit")
        draft = validate_registration(draft, today=self._now().date())
        require_level(actor, draft.level)
        with self._vault.transaction() as conn:
            before = self._visible(conn, actor, achievement_id)
            if not sees_whole_register(actor) and before.status != "registered":
                raise PermissionDenied("成果已进入转化程序，请联系成果转化专员修改。")
            self._check_references(conn, draft)
            achievements.update_achievement(
                conn, achievement_id, draft, updated_at=self._timestamp()
            )
            # The entry keeps the old content too: it is as secret as the higher of the two.
            level = max(before.draft.level, draft.level, key=level_rank)
            self._audit(
                conn,
                actor,
                "achievement.updated",
                "achievement",
                achievement_id,
                before=snapshot(before.draft),
                after=snapshot(draft),
                level=level,
            )

    # -- internals --------------------------------------------------------------------------
    @staticmethod
    def _scope(actor: User) -> _Scope:
        return {
            "levels": visible_levels(actor),
            "created_by": None if sees_whole_register(actor) else actor.id,
        }

    @staticmethod
    def _visible(conn: Conn, actor: User, achievement_id: int) -> Achievement:
        found = achievements.get(conn, achievement_id)
        # Not there, above the clearance, or someone else's draft: the same answer for all three,
        # so the reply says nothing about what exists.
        if (
            found is None
            or not can_see(actor, found.draft.level)
            or (not sees_whole_register(actor) and found.created_by != actor.id)
        ):
            raise PermissionDenied("该成果不存在，或您无权查看。")
        return found

    @staticmethod
    def _check_references(conn: Conn, draft: AchievementDraft) -> None:
        if draft.department_id is not None and draft.department_id not in dict(
            unit.department_choices(conn)
        ):
            raise ValidationError("department", "所选部门不存在或已停用。")
        for completer in draft.completers:
            if people.get(conn, completer.person_id) is None:
                raise ValidationError("completers", "所选完成人不在人员名册中。")


class _Scope(TypedDict):
    levels: tuple[str, ...]
    created_by: str | None
