"""Rights grants over a real vault: the whole path from draft to change filing, and every gate
of measure (十五) refusing with its rule."""

from __future__ import annotations

import datetime as dt
import uuid
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from pypdf import PdfReader

from db import achievements, audit, people, users
from db.vault import Vault
from desktop.domain.accounts import User, UserDraft
from desktop.domain.achievements import AchievementDraft, Completer, IpRight
from desktop.domain.confidentiality import ConfidentialityDraft
from desktop.domain.gates import ExportCheck
from desktop.domain.identifiers import id_number_check_char
from desktop.domain.people import PersonDraft
from desktop.domain.rights_grants import GrantDraft, TeamShare, current
from desktop.errors import PermissionDenied, RuleViolation, ValidationError
from desktop.services.approvals import ApprovalService
from desktop.services.confidentiality import ConfidentialityService
from desktop.services.rights_grants import RightsGrantService
from desktop.services.todo import TodoService
from tests.support import FixedClock

# The clock fixture says 2026-01-05.


def id_number(serial: int) -> str:
    first = f"21010219800101{serial:03d}"
    return first + id_number_check_char(first)


def _user(vault: Vault, login: str, roles: tuple[str, ...]) -> User:
    user_id = str(uuid.uuid4())
    with vault.transaction() as conn:
        users.insert_user(
            conn, user_id, UserDraft(login, login, roles, "top_secret"), created_at="t"
        )
        user = users.get(conn, user_id)
    assert user is not None
    return user


class World:
    def __init__(self, vault: Vault, clock: FixedClock) -> None:
        self.vault = vault
        self.clock = clock
        self.officer = _user(vault, "officer", ("transfer_officer",))
        self.secrecy = _user(vault, "secrecy", ("secrecy_admin",))
        self.grants = RightsGrantService(vault, now=clock)
        self.agreements = ConfidentialityService(vault, now=clock)
        self.approvals = ApprovalService(vault, now=clock)
        self.todo = TodoService(vault, now=clock)
        with vault.transaction() as conn:
            self.zhang = people.insert_person(
                conn, PersonDraft("张三", None, "研究员", "none", id_number(1))
            )
            self.li = people.insert_person(
                conn, PersonDraft("李四", None, "副研究员", "none", id_number(2))
            )

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
                IpRight("201910123456.X", "2019-01-01", "2021-05-01"),
                IpRight("202310654321.2", "2023-03-01", None),
            ),
        )
        draft = replace(draft, **changes)  # type: ignore[arg-type]
        with self.vault.transaction() as conn:
            return achievements.insert_achievement(
                conn, draft, created_by=self.officer.id, created_at="2026-01-01T00:00:00"
            )

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

    def publicise(self, grant_id: int, start: str = "2025-12-01") -> None:
        self.grants.start_publicity(self.officer, grant_id, start)

    def approve_secrecy(self, grant_id: int) -> None:
        request = self.grants.request_secrecy_approval(self.officer, grant_id, "合作需要")
        self.approvals.decide(self.secrecy, request.id, approve=True, note="同意")

    def confidentiality(self, achievement_id: int, person: int, **changes: object) -> int:
        serial = 1 if person == self.zhang else 2
        draft = ConfidentialityDraft(
            party_kind="individual",
            party_name="张三" if serial == 1 else "李四",
            party_code=id_number(serial),
            achievement_ids=(achievement_id,),
            level="confidential",
            scope="镁合金配方及工艺参数",
            term_start="2025-01-01",
            term_end="2030-12-31",
            obligations="不得向第三方披露。",
            signed_on="2025-01-01",
            approval_body="省国家保密局",
            approval_date="2025-01-02",
            approval_doc_no="辽保〔2025〕1号",
        )
        return self.agreements.create(self.officer, replace(draft, **changes))  # type: ignore[arg-type]


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> World:
    vault, _ = unlocked
    return World(vault, clock)


def test_an_ownership_grant_goes_from_draft_to_change_filings(world: World) -> None:
    achievement = world.achievement()
    grant_id = world.grants.create(world.officer, world.draft(achievement))
    view = world.grants.get(world.officer, grant_id)
    assert view.grant.doc_no == "赋权〔2026〕1号" and view.grant.status == "draft"
    assert view.findings == ()
    world.publicise(grant_id, "2025-12-15")  # 15 days: to 2025-12-30 24:00
    warnings = world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    assert warnings == []
    grant = world.grants.get(world.officer, grant_id).grant
    assert grant.status == "effective" and grant.effective_on == "2026-01-05"
    kinds = [(f.kind, f.ip_number) for f in grant.filings]
    assert kinds == [
        ("patent_right", "201910123456.X"),
        ("application_right", "202310654321.2"),
    ]
    (first, _second) = world.todo.items(world.officer)
    assert first.kind == "change_filing" and first.age_days == 0
    world.clock.advance(dt.timedelta(days=10))
    assert world.todo.items(world.officer)[0].age_days == 10
    for filing in grant.filings:
        world.grants.update_filing(
            world.officer,
            filing.id,
            filed_on="2026-01-06",
            notice_no="2026010600001",
            completed_on="2026-01-14",
        )
    assert world.todo.items(world.officer) == []
    with world.vault.read() as conn:
        actions = [e.action for e in audit.list_page(conn, offset=0, limit=1000)]
    assert {"grant.created", "grant.publicity_started", "grant.effective"} <= set(actions)
    assert actions.count("grant.filing_updated") == 2


def test_second_grant_numbers_on(world: World) -> None:
    first = world.grants.create(world.officer, world.draft(world.achievement()))
    other = world.achievement(ip_rights=())
    second = world.grants.create(world.officer, world.draft(other))
    assert world.grants.get(world.officer, first).grant.doc_no == "赋权〔2026〕1号"
    assert world.grants.get(world.officer, second).grant.doc_no == "赋权〔2026〕2号"


def test_one_running_grant_per_achievement(world: World) -> None:
    achievement = world.achievement()
    first = world.grants.create(world.officer, world.draft(achievement))
    with pytest.raises(ValidationError) as raised:
        world.grants.create(world.officer, world.draft(achievement))
    assert "赋权〔2026〕1号" in raised.value.message
    world.grants.withdraw(world.officer, first, "份额需重新商定")
    world.grants.create(world.officer, world.draft(achievement))


def test_a_negative_listed_achievement_cannot_be_granted(world: World) -> None:
    achievement = world.achievement(negative_list=True, negative_list_reason="涉及国防安全")
    with pytest.raises(RuleViolation) as raised:
        world.grants.create(world.officer, world.draft(achievement))
    assert raised.value.rule_id == "E_NEGATIVE_LIST"
    assert "第（十五）条" in raised.value.source and "涉及国防安全" in raised.value.message
    assert world.grants.visible(world.officer) == []


@pytest.mark.parametrize(
    ("start", "ends", "allowed"),
    [
        ("2025-12-20", "2026-01-04", True),  # ended yesterday at 24:00
        ("2025-12-21", "2026-01-05", False),  # runs until tonight
        ("2025-12-22", "2026-01-06", False),  # ends tomorrow
    ],
)
def test_the_grant_waits_for_the_notice_to_end(
    world: World, start: str, ends: str, allowed: bool
) -> None:
    grant_id = world.grants.create(world.officer, world.draft(world.achievement()))
    world.publicise(grant_id, start)
    assert world.grants.get(world.officer, grant_id).grant.publicity_end == dt.date.fromisoformat(
        ends
    )
    if allowed:
        world.grants.take_effect(world.officer, grant_id, "2026-01-05")
        return
    with pytest.raises(RuleViolation) as raised:
        world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    assert raised.value.rule_id == "E_GRANT_PUBLICITY_RUNNING"
    assert world.grants.get(world.officer, grant_id).grant.status == "publicity"


def test_an_open_objection_holds_the_grant_and_an_upheld_one_stops_it(world: World) -> None:
    grant_id = world.grants.create(world.officer, world.draft(world.achievement()))
    world.publicise(grant_id)
    objection = world.grants.add_objection(
        world.officer, grant_id, received_on="2025-12-03", objector="王五", content="份额不合理"
    )
    with pytest.raises(RuleViolation) as raised:
        world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    assert raised.value.rule_id == "E_GRANT_OBJECTION_OPEN"
    (item,) = world.todo.items(world.officer)
    assert item.kind == "objection_open" and item.age_days == 33
    world.grants.resolve_objection(world.officer, objection, upheld=True, resolution="经核实成立")
    with pytest.raises(RuleViolation) as raised:
        world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    assert raised.value.rule_id == "E_GRANT_OBJECTION_UPHELD"


def test_a_dismissed_objection_lets_the_grant_take_effect(world: World) -> None:
    grant_id = world.grants.create(world.officer, world.draft(world.achievement()))
    world.publicise(grant_id)
    objection = world.grants.add_objection(
        world.officer, grant_id, received_on="2025-12-03", objector="", content="份额不合理"
    )
    world.grants.resolve_objection(world.officer, objection, upheld=False, resolution="不成立")
    world.grants.take_effect(world.officer, grant_id, "2026-01-05")


def test_a_classified_grant_needs_approval_and_agreements_with_the_whole_team(
    world: World,
) -> None:
    achievement = world.achievement(level="confidential", secrecy_mark="机密★10年")
    grant_id = world.grants.create(world.officer, world.draft(achievement))
    world.publicise(grant_id)
    rules = [f.rule_id for f in world.grants.get(world.officer, grant_id).findings]
    assert rules == [
        "E_SECRET_NO_APPROVAL",
        "E_CONFIDENTIALITY_AGREEMENT",
        "E_CONFIDENTIALITY_AGREEMENT",
    ]
    with pytest.raises(RuleViolation) as raised:
        world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    assert raised.value.rule_id == "E_SECRET_NO_APPROVAL"
    world.approve_secrecy(grant_id)
    world.confidentiality(achievement, world.zhang)
    with pytest.raises(RuleViolation) as raised:
        world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    assert raised.value.rule_id == "E_CONFIDENTIALITY_AGREEMENT" and "李四" in raised.value.message
    world.confidentiality(achievement, world.li)
    world.grants.take_effect(world.officer, grant_id, "2026-01-05")


def test_an_expired_agreement_does_not_count(world: World) -> None:
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    grant_id = world.grants.create(world.officer, world.draft(achievement))
    world.publicise(grant_id)
    world.approve_secrecy(grant_id)
    world.confidentiality(achievement, world.zhang)
    world.confidentiality(achievement, world.li, term_end="2026-01-04")
    with pytest.raises(RuleViolation) as raised:
        world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    assert "2026年1月4日到期" in raised.value.message


def test_the_secrecy_administrator_alone_approves(world: World) -> None:
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    grant_id = world.grants.create(world.officer, world.draft(achievement))
    request = world.grants.request_secrecy_approval(world.officer, grant_id, "拟赋权")
    with pytest.raises(PermissionDenied):
        world.approvals.decide(world.officer, request.id, approve=True, note="")
    with pytest.raises(ValidationError):
        world.grants.request_secrecy_approval(world.officer, grant_id, "再次申请")


def test_ethics_review_must_be_recorded_with_number_and_date(world: World) -> None:
    achievement = world.achievement(ethics_status="approved", ethics_approval="伦审2025-01")
    grant_id = world.grants.create(world.officer, world.draft(achievement))
    world.publicise(grant_id)
    with pytest.raises(RuleViolation) as raised:
        world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    assert raised.value.rule_id == "E_ETHICS_REVIEW" and "批准日期" in raised.value.message


def test_an_overseas_party_needs_the_export_check(world: World) -> None:
    grant_id = world.grants.create(world.officer, world.draft(world.achievement(), overseas=True))
    world.publicise(grant_id)
    with pytest.raises(RuleViolation) as raised:
        world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    assert raised.value.rule_id == "E_EXPORT_CHECK_MISSING"
    world.grants.record_export_check(
        world.officer, grant_id, ExportCheck("restricted", "2023年版", "2026-01-04")
    )
    with pytest.raises(RuleViolation) as raised:
        world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    assert raised.value.rule_id == "E_EXPORT_LICENSE_MISSING"
    world.grants.record_export_check(
        world.officer, grant_id, ExportCheck("free", "2023年版", "2026-01-04")
    )
    warnings = world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    assert [w.rule_id for w in warnings] == ["W_EXPORT_CONTRACT_REGISTRATION"]


def test_a_use_right_is_extended_and_converted_keeping_its_history(world: World) -> None:
    achievement = world.achievement()
    draft = world.draft(
        achievement,
        kind="use_right",
        unit_share=None,
        team_share=None,
        term_start="2025-12-01",
        term_end="2035-12-01",
    )
    grant_id = world.grants.create(world.officer, draft)
    world.publicise(grant_id, "2025-12-01")
    world.grants.take_effect(world.officer, grant_id, "2026-01-05")
    assert world.grants.get(world.officer, grant_id).grant.filings == ()
    world.grants.extend(
        world.officer, grant_id, new_term_end="2040-12-01", signed_on="2026-01-05", note="续期"
    )
    grant = world.grants.get(world.officer, grant_id).grant
    assert current(grant).term_end == "2040-12-01"
    assert grant.amendments[0].doc_no == "赋权〔2026〕1号补1"
    world.grants.convert(
        world.officer,
        grant_id,
        unit_share=Decimal(20),
        team_share=Decimal(80),
        signed_on="2026-01-05",
    )
    grant = world.grants.get(world.officer, grant_id).grant
    terms = current(grant)
    assert (terms.kind, terms.team_share, terms.converted_on) == ("ownership", 80, "2026-01-05")
    assert [a.kind for a in grant.amendments] == ["extension", "conversion"]
    assert grant.draft.kind == "use_right"  # the original stays as signed
    assert len(grant.filings) == 2
    with pytest.raises(ValidationError):
        world.grants.extend(
            world.officer, grant_id, new_term_end="2045-12-01", signed_on="2026-01-05"
        )


def test_a_use_right_shorter_than_ten_years_is_refused(world: World) -> None:
    draft = world.draft(
        world.achievement(),
        kind="use_right",
        term_start="2026-01-01",
        term_end="2035-12-31",
    )
    with pytest.raises(ValidationError) as raised:
        world.grants.create(world.officer, draft)
    assert raised.value.field == "term_end" and "2036年1月1日" in raised.value.message


def test_readers_without_clearance_see_no_classified_grant(world: World) -> None:
    achievement = world.achievement(level="secret", secrecy_mark="秘密★5年")
    grant_id = world.grants.create(world.officer, world.draft(achievement))
    reader = _user(world.vault, "reader", ("approver",))
    with world.vault.transaction() as conn:
        users.update_user(conn, reader.id, clearance="internal")
        reader = users.get(conn, reader.id)  # type: ignore[assignment]
    assert reader is not None
    assert world.grants.visible(reader) == []
    with pytest.raises(PermissionDenied):
        world.grants.get(reader, grant_id)
    with pytest.raises(PermissionDenied):
        world.grants.create(reader, world.draft(world.achievement(ip_rights=())))


def test_a_grant_follows_its_achievement_s_level(world: World) -> None:
    from desktop.services.achievements import AchievementService

    achievement = world.achievement()
    grant_id = world.grants.create(world.officer, world.draft(achievement))
    records = AchievementService(world.vault, now=world.clock)
    record = records.get(world.officer, achievement)
    records.update(
        world.officer,
        achievement,
        replace(record.draft, level="secret", secrecy_mark="秘密★5年"),
    )
    grant = world.grants.get(world.officer, grant_id).grant
    assert (grant.level, grant.secrecy_mark) == ("secret", "秘密★5年")


def test_the_agreement_pdf_is_saved_and_audited(world: World, tmp_path: Path) -> None:
    grant_id = world.grants.create(world.officer, world.draft(world.achievement()))
    first = world.grants.document(world.officer, grant_id)
    assert first == world.grants.document(world.officer, grant_id)  # reproducible
    path = tmp_path / "协议.pdf"
    world.grants.save_document(world.officer, grant_id, path)
    assert path.read_bytes() == first
    text = "".join(page.extract_text() for page in PdfReader(path).pages)
    assert "赋权〔2026〕1号" in text and "张三" in text
    with world.vault.read() as conn:
        (entry,) = audit.list_page(conn, offset=0, limit=1)
    assert entry.action == "grant.document_exported"
