"""The pool over a real vault: candidates, decisions, and published versions that do not change."""

from __future__ import annotations

import uuid
from decimal import Decimal

import pytest
import sqlalchemy.exc

from db import achievements, audit, people, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.achievements import AchievementDraft, Completer, IpRight
from desktop.domain.people import PersonDraft
from desktop.errors import PermissionDenied, ValidationError
from desktop.services.pool import PoolService
from tests.support import FixedClock

# The clock fixture says 2026-01-05: grants on or before 2023-01-05 have been held three years.


def _officer(vault: Vault) -> User:
    user_id = str(uuid.uuid4())
    with vault.transaction() as conn:
        users.insert_user(
            conn,
            user_id,
            UserDraft("officer", "专员", ("transfer_officer",), "secret"),
            created_at="t",
        )
        user = users.get(conn, user_id)
    assert user is not None
    return user


def _add(vault: Vault, user: User, title: str, granted: str | None, **changes: object) -> int:
    with vault.transaction() as conn:
        person = people.insert_person(conn, PersonDraft("张三", None, "", "none"))
        draft = AchievementDraft(
            title=title,
            abstract="",
            keywords=(),
            kind="invention_patent",
            department_id=None,
            funding_type="self",
            funding_ref="",
            completers=(Completer(person, "lead", Decimal(100)),),
            ip_rights=(IpRight("201910123456.0", "2019-01-01", granted),),
            **changes,  # type: ignore[arg-type]
        )
        return achievements.insert_achievement(conn, draft, created_by=user.id, created_at="2026")


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> tuple[Vault, User, PoolService]:
    vault, _ = unlocked
    return vault, _officer(vault), PoolService(vault, now=clock)


def test_candidates_follow_the_rule(world: tuple[Vault, User, PoolService]) -> None:
    vault, officer, service = world
    old = _add(vault, officer, "持有三年", "2023-01-05")
    _add(vault, officer, "差一天", "2023-01-06")
    _add(vault, officer, "未授权", None)
    _add(
        vault,
        officer,
        "负面清单",
        "2020-01-01",
        negative_list=True,
        negative_list_reason="国家安全",
    )
    _add(vault, officer, "涉密", "2020-01-01", level="secret", secrecy_mark="秘密★10年")
    (only,) = service.candidates(officer)
    assert (only.facts.achievement_id, only.facts.title) == (old, "持有三年")
    assert "2023年1月5日" in only.reason and only.decision is None


def test_excluded_ones_stay_out_of_a_published_version_which_never_changes(
    world: tuple[Vault, User, PoolService],
) -> None:
    vault, officer, service = world
    keep = _add(vault, officer, "纳入", "2020-01-01")
    drop = _add(vault, officer, "排除", "2020-01-01")
    with pytest.raises(ValidationError) as raised:
        service.decide(officer, drop, "excluded", "")
    assert raised.value.field == "reason"
    service.decide(officer, drop, "excluded", "已与企业洽谈中")
    service.decide(officer, keep, "confirmed", "")
    version = service.publish(officer, "2026年第一期")
    assert [i["title"] for i in service.version_items(officer, version)] == ["纳入"]
    assert service.versions(officer)[0][3:] == ("2026年第一期", 1)
    # The register moves on; the published version does not.
    with vault.transaction() as conn:
        achievements.set_status(conn, keep, "transformed", updated_at="2026")
    assert keep not in [c.facts.achievement_id for c in service.candidates(officer)]
    assert [i["title"] for i in service.version_items(officer, version)] == ["纳入"]
    with pytest.raises(sqlalchemy.exc.DBAPIError, match="append-only"), vault.transaction() as conn:
        conn.exec_driver_sql("UPDATE pool_version_items SET title = '改'")
    with vault.read() as conn:
        actions = [e.action for e in audit.list_page(conn, offset=0, limit=3)]
    assert actions == ["pool.published", "pool.confirmed", "pool.excluded"]


def test_only_candidates_can_be_decided_and_only_officers_decide(
    world: tuple[Vault, User, PoolService], unlocked: tuple[Vault, User]
) -> None:
    vault, officer, service = world
    young = _add(vault, officer, "太新", "2025-01-01")
    with pytest.raises(ValidationError, match="不是成果池候选"):
        service.decide(officer, young, "confirmed", "")
    _, admin = unlocked
    with pytest.raises(PermissionDenied):
        service.decide(admin, young, "confirmed", "")
    with pytest.raises(PermissionDenied):
        service.publish(admin)


def test_the_register_filters_by_pool_membership_like_the_pool_page(
    world: tuple[Vault, User, PoolService], clock: FixedClock
) -> None:
    from desktop.domain.achievements import AchievementQuery
    from desktop.services.achievements import AchievementService

    vault, officer, service = world
    _add(vault, officer, "持有三年", "2023-01-05")
    _add(vault, officer, "差一天", "2023-01-06")
    dropped = _add(vault, officer, "已排除", "2020-01-01")
    service.decide(officer, dropped, "excluded", "已有意向企业")
    register = AchievementService(vault, now=clock)
    in_pool = register.page(officer, 0, 10, AchievementQuery(pool=True))
    others = register.page(officer, 0, 10, AchievementQuery(pool=False))
    assert [r.title for r in in_pool] == ["持有三年"]
    assert sorted(r.title for r in others) == sorted(["已排除", "差一天"])
    candidates = [c for c in service.candidates(officer) if c.decision != "excluded"]
    assert [c.facts.title for c in candidates] == ["持有三年"]
    assert register.count(officer, AchievementQuery(pool=True)) == 1
