"""Confidentiality agreements over a real vault: numbering, cover, levels, termination, PDF."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest
from pypdf import PdfReader

from db import audit
from desktop.errors import PermissionDenied, ValidationError
from tests.unit.services.test_rights_grants import World, id_number


@pytest.fixture
def world(unlocked, clock) -> World:  # type: ignore[no-untyped-def]
    vault, _ = unlocked
    return World(vault, clock)


def test_agreements_are_numbered_and_listed_newest_first(world: World) -> None:
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    first = world.confidentiality(achievement, world.zhang, level="secret")
    second = world.confidentiality(achievement, world.li, level="secret")
    listed = world.agreements.visible(world.officer)
    assert [a.id for a in listed] == [second, first]
    assert listed[1].doc_no == "保密〔2026〕1号" and listed[1].achievement_titles == (
        "一种高强度镁合金",
    )
    assert listed[1].in_force(world.clock().date())


def test_it_covers_only_classified_achievements_at_or_below_its_level(world: World) -> None:
    public = world.achievement()
    with pytest.raises(ValidationError) as raised:
        world.confidentiality(public, world.zhang)
    assert raised.value.field == "achievements"
    top = world.achievement(ip_rights=(), level="top_secret", secrecy_mark="绝密★30年")
    with pytest.raises(ValidationError) as raised:
        world.confidentiality(top, world.zhang)
    assert raised.value.field == "level"


def test_a_wrong_id_number_is_refused_at_its_field(world: World) -> None:
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    wrong = id_number(1)[:-1] + ("0" if id_number(1)[-1] != "0" else "1")
    with pytest.raises(ValidationError) as raised:
        world.confidentiality(achievement, world.zhang, party_code=wrong, level="secret")
    assert raised.value.field == "id_number"
    assert world.agreements.visible(world.officer) == []


def test_terminated_agreements_stay_as_they_ended(world: World) -> None:
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    agreement_id = world.confidentiality(achievement, world.zhang, level="secret")
    world.agreements.terminate(world.officer, agreement_id, on="2026-01-05", reason="合作结束")
    agreement = world.agreements.get(world.officer, agreement_id)
    assert agreement.terminated_on == "2026-01-05" and not agreement.in_force(world.clock().date())
    with pytest.raises(ValidationError):
        world.agreements.update(world.officer, agreement_id, replace(agreement.draft, scope="新"))


def test_readers_below_the_level_do_not_see_it(world: World) -> None:
    from db import users

    achievement = world.achievement(level="confidential", secrecy_mark="机密★10年")
    agreement_id = world.confidentiality(achievement, world.zhang)
    with world.vault.transaction() as conn:
        users.update_user(conn, world.officer.id, clearance="secret")
        officer = users.get(conn, world.officer.id)
    assert officer is not None
    assert world.agreements.visible(officer) == []
    with pytest.raises(PermissionDenied):
        world.agreements.get(officer, agreement_id)


def test_the_pdf_is_saved_and_audited(world: World, tmp_path: Path) -> None:
    achievement = world.achievement(level="confidential", secrecy_mark="机密★10年")
    agreement_id = world.confidentiality(achievement, world.zhang)
    path = tmp_path / "保密协议.pdf"
    world.agreements.save_document(world.officer, agreement_id, path)
    pages = PdfReader(path).pages
    assert all("机密★10年" in page.extract_text() for page in pages)
    assert path.read_bytes() == world.agreements.document(world.officer, agreement_id)
    with world.vault.read() as conn:
        (entry,) = audit.list_page(conn, offset=0, limit=1)
    assert entry.action == "confidentiality.document_exported" and entry.level == "confidential"
