"""Data for the rights-grant UI tests: an officer, a secrecy administrator, a reader, two
completers with identity-card numbers, and achievements to grant (as in
tests/unit/services/test_rights_grants.py). The clock fixture says 2026-01-05."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from decimal import Decimal

import shiboken6
from PySide6.QtWidgets import QWidget

from db import achievements, people, users
from db.vault import Vault
from desktop.app import build_services
from desktop.domain.accounts import User, UserDraft
from desktop.domain.achievements import AchievementDraft, Completer, IpRight
from desktop.domain.identifiers import id_number_check_char
from desktop.domain.people import PersonDraft
from desktop.domain.rights_grants import GrantDraft, TeamShare
from tests.support import TEST_KDF, FixedClock


def id_number(serial: int) -> str:
    first = f"21010219800101{serial:03d}"
    return first + id_number_check_char(first)


def make_user(
    vault: Vault, login: str, roles: tuple[str, ...], clearance: str = "top_secret"
) -> User:
    user_id = str(uuid.uuid4())
    with vault.transaction() as conn:
        users.insert_user(
            conn, user_id, UserDraft(login, f"用户{login}", roles, clearance), created_at="t"
        )
        user = users.get(conn, user_id)
    assert user is not None
    return user


class GrantWorld:
    def __init__(self, vault: Vault, clock: FixedClock) -> None:
        self.vault = vault
        self.clock = clock
        self.services = build_services(vault, now=clock, kdf=lambda: TEST_KDF)
        self.grants = self.services.grants
        self.officer = make_user(vault, "officer", ("transfer_officer",))
        self.secrecy = make_user(vault, "secrecy", ("secrecy_admin",))
        self.reader = make_user(vault, "reader", ("approver",))
        with vault.transaction() as conn:
            self.zhang = people.insert_person(
                conn, PersonDraft("张三", None, "研究员", "none", id_number(1))
            )
            self.li = people.insert_person(
                conn, PersonDraft("李四", None, "副研究员", "none", id_number(2))
            )

    def today(self) -> dt.date:
        return self.clock().date()

    def achievement(self, **changes: object) -> int:
        draft = AchievementDraft(
            title="一种高强度镁合金",
            abstract="",
            keywords=(),
            kind="invention_patent",
            department_id=None,
            funding_type="self",
            funding_ref="",
            completers=(
                Completer(self.zhang, "lead", Decimal(60)),
                Completer(self.li, "member", Decimal(40)),
            ),
            ip_rights=(
                IpRight("201910123456.0", "2019-01-01", "2021-05-01"),
                IpRight("202310654321.5", "2023-03-01", None),
            ),
        )
        draft = replace(draft, **changes)  # type: ignore[arg-type]
        with self.vault.transaction() as conn:
            return achievements.insert_achievement(
                conn, draft, created_by=self.officer.id, created_at="2026-01-01T00:00:00"
            )

    def put_on_negative_list(self, achievement_id: int, reason: str) -> None:
        """As when the list changes after a grant was drafted."""
        with self.vault.transaction() as conn:
            achievement = achievements.get(conn, achievement_id)
            assert achievement is not None
            draft = replace(achievement.draft, negative_list=True, negative_list_reason=reason)
            achievements.update_achievement(conn, achievement_id, draft, updated_at="t")

    def draft(self, achievement_id: int, **changes: object) -> GrantDraft:
        draft = GrantDraft(
            achievement_id=achievement_id,
            kind="ownership",
            team=(TeamShare(self.zhang, Decimal(60)), TeamShare(self.li, Decimal(40))),
            unit_share=Decimal(30),
            team_share=Decimal(70),
            revenue_terms="转化收益按共有份额分配。",
            decision_terms="重大事项由双方协商一致决定。",
            cost_terms="专利年费由团队承担。",
        )
        return replace(draft, **changes)  # type: ignore[arg-type]

    def use_right(self, achievement_id: int, **changes: object) -> GrantDraft:
        return self.draft(
            achievement_id,
            kind="use_right",
            unit_share=None,
            team_share=None,
            term_start="2025-12-01",
            term_end="2035-12-01",
            **changes,
        )

    def grant(self, draft: GrantDraft | None = None, *, publicity: str | None = None) -> int:
        """A grant in draft, or publicised from ``publicity`` (ISO)."""
        grant_id = self.grants.create(self.officer, draft or self.draft(self.achievement()))
        if publicity is not None:
            self.grants.start_publicity(self.officer, grant_id, publicity)
        return grant_id

    def effective(self, draft: GrantDraft | None = None) -> int:
        grant_id = self.grant(draft, publicity="2025-12-01")
        self.grants.take_effect(self.officer, grant_id, "2026-01-05")
        return grant_id


def delete_later(widgets: list[QWidget]) -> None:
    """Delete widgets while their Python side is whole (see tests/ui/test_decisions_page.py)."""
    for widget in widgets:
        if shiboken6.isValid(widget):
            shiboken6.delete(widget)
