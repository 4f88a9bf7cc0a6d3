"""AuditService additions over a real vault: who appears in the log, and the printed extract."""

from __future__ import annotations

import json
from dataclasses import dataclass
from datetime import UTC, datetime

import pytest

from db import audit, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.audit import AuditFilter, TreeHead
from desktop.domain.people import PersonDraft
from desktop.errors import PermissionDenied
from desktop.services.audit import EXTRACT_LIMIT, AuditService
from desktop.services.people import PeopleService
from desktop.services.setup import SYSTEM_ACTOR
from tests.support import FixedClock


def make_user(
    vault: Vault, user_id: str, name: str, roles: tuple[str, ...], clearance: str
) -> User:
    with vault.transaction() as conn:
        users.insert_user(
            conn,
            user_id,
            UserDraft(user_id.replace("-", "."), name, roles, clearance),
            created_at="2026-01-05T08:00:00+00:00",
        )
        user = users.get(conn, user_id)
    assert user is not None
    return user


@dataclass
class World:
    vault: Vault
    clock: FixedClock
    service: AuditService
    admin: User
    auditor: User
    secrecy: User


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> World:
    vault, admin = unlocked
    auditor = make_user(vault, "aud-1", "李审计", ("security_auditor",), "internal")
    secrecy = make_user(vault, "sec-1", "赵保密", ("secrecy_admin",), "secret")
    service = AuditService(vault, now=clock)
    people = PeopleService(vault, now=clock)
    clock.value = datetime(2026, 1, 10, 9, 0, tzinfo=UTC)
    people.add(admin, PersonDraft("张三", None, "讲师", "none"))
    service.verify(auditor)  # the auditor's own entry
    return World(vault, clock, service, admin, auditor, secrecy)


def test_actors_are_the_people_in_the_log_by_name(world: World) -> None:
    found = world.service.actors(world.auditor)
    assert ("aud-1", "李审计") in found
    assert (world.admin.id, "王管理") in found
    assert (SYSTEM_ACTOR, SYSTEM_ACTOR) in found
    assert ("sec-1", "赵保密") not in found  # never acted
    assert [name for _, name in found] == sorted(name for _, name in found)


def test_the_secrecy_administrator_sees_only_the_auditor(world: World) -> None:
    assert world.service.actors(world.secrecy) == [("aud-1", "李审计")]
    assert world.service.actions(world.secrecy) == ["audit.verified"]
    assert world.service.object_types(world.secrecy) == ["audit_log"]
    assert "person" in world.service.object_types(world.auditor)
    assert "person.created" in world.service.actions(world.auditor)


def test_only_the_auditor_exports(world: World) -> None:
    for user in (world.admin, world.secrecy):
        with pytest.raises(PermissionDenied):
            world.service.extract(user)
    with pytest.raises(PermissionDenied):
        world.service.actors(world.admin)
    with pytest.raises(PermissionDenied):
        world.service.object_types(world.admin)


def test_extract_holds_the_filtered_entries_and_the_head_they_belong_to(world: World) -> None:
    before = world.service.head(world.auditor)
    where = AuditFilter(actor=world.admin.id)
    extract = world.service.extract(world.auditor, where)
    assert extract.head == before
    assert extract.where == where
    assert extract.total == len(extract.entries) == world.service.count(world.auditor, where)
    assert {e.actor for e in extract.entries} == {world.admin.id}
    seqs = [e.seq for e in extract.entries]
    assert seqs == sorted(seqs)  # oldest first, as the paper reads
    assert extract.unit_name == "辽宁省示范大学"
    assert extract.vault_id == world.vault.vault_id
    assert extract.exported_by == "李审计"
    assert extract.exported_at == world.clock.value


def test_the_export_is_audited_with_filter_and_head(world: World) -> None:
    extract = world.service.extract(world.auditor, AuditFilter(action="person."))
    newest = world.service.page(world.auditor, 0, 1)[0]
    assert newest.action == "audit.exported" and newest.actor == "aud-1"
    assert newest.seq == extract.head.size + 1
    after = json.loads(newest.after or "")
    assert after == {
        "filter": {"action": "person."},
        "head": {"size": extract.head.size, "root": extract.head.root.hex()},
        "entries": 1,
        "total": 1,
    }
    assert world.service.verify(world.auditor).intact


def test_a_long_log_is_cut_to_the_newest_entries(world: World) -> None:
    people = PeopleService(world.vault, now=world.clock)
    for i in range(12):
        people.add(world.admin, PersonDraft(f"人员{i}", None, "", "none"))
    extract = world.service.extract(world.auditor, AuditFilter(action="person.created"), limit=5)
    assert extract.total == 13
    assert [e.after and json.loads(e.after)["name"] for e in extract.entries] == [
        f"人员{i}" for i in range(7, 12)
    ]
    assert len(world.service.extract(world.auditor, limit=0).entries) == 1
    assert EXTRACT_LIMIT >= 1000


def test_content_above_the_auditors_clearance_is_withheld(world: World) -> None:
    with world.vault.transaction() as conn:
        audit.append(
            conn,
            ts="2026-01-11T10:00:00+00:00",
            actor=world.admin.id,
            action="decision.created",
            object_type="decision",
            object_id="7",
            after={"title": "涉密议题"},
            reason="机密事项",
            level="confidential",
        )
    extract = world.service.extract(world.auditor, AuditFilter(action="decision.created"))
    (entry,) = extract.entries
    assert not entry.content_visible
    assert entry.after is None and entry.before is None and entry.reason is None
    assert extract.level == "public"  # what it withholds does not make the paper secret
    # An auditor cleared for it sees the content, and the paper takes its level (机密★).
    cleared = make_user(world.vault, "aud-2", "钱审计", ("security_auditor",), "top_secret")
    shown = world.service.extract(cleared, AuditFilter(action="decision.created"))
    assert [e.content_visible for e in shown.entries] == [True]
    assert shown.level == "confidential"


def test_an_empty_vault_log_extract_has_a_head(world: World) -> None:
    extract = world.service.extract(world.auditor, AuditFilter(object_id="no-such-object"))
    assert extract.entries == () and extract.total == 0
    assert isinstance(extract.head, TreeHead) and extract.head.size > 0
