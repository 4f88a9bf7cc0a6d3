"""Every role against every service action: the matrix in desktop/domain/permissions.py is what
the services enforce, not only what the buttons show.

One vault per role; the calls run in an order where earlier ones do not spoil later ones (the
target account is disabled, then enabled again, and so on). A refused call must raise
PermissionDenied and write nothing; an allowed call must succeed.
"""

from __future__ import annotations

import hashlib
import inspect
import uuid
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import date
from decimal import Decimal
from pathlib import Path
from typing import Any

import pytest
from openpyxl import load_workbook

from db import (
    achievements,
    approvals,
    audit,
    confidentiality,
    counterparties,
    decisions,
    pool,
    rewards,
    rights_grants,
    transformations,
    users,
)
from db.vault import Vault
from desktop.domain.accounts import ROLES, User, UserDraft
from desktop.domain.achievements import AchievementDraft, AchievementQuery, Completer, IpRight
from desktop.domain.calendar import HolidayNotice
from desktop.domain.confidentiality import ConfidentialityDraft
from desktop.domain.counterparties import CounterpartyDraft
from desktop.domain.decisions import DecisionDraft
from desktop.domain.gates import ExportCheck
from desktop.domain.identifiers import credit_code_check_char, id_number_check_char
from desktop.domain.ip_numbers import patent_check_digit
from desktop.domain.people import PersonDraft
from desktop.domain.permissions import MATRIX
from desktop.domain.rewards import (
    Receipt,
    Recipient,
    RewardDraft,
    RewardInput,
    Share,
    UnitPolicy,
    calculate,
)
from desktop.domain.rights_grants import GrantDraft, TeamShare
from desktop.domain.transformations import (
    Allocation,
    EquityTerms,
    Installment,
    InvestTerms,
    LicenceTerms,
    PayLaterTerms,
    Stage,
    TransformationDraft,
)
from desktop.errors import PermissionDenied
from desktop.exchange import achievements_xlsx as xlsx
from desktop.exchange.achievements_xlsx import ImportPreview, ImportRow
from desktop.resources import resource_path
from desktop.services.bundle import Services, build_services
from tests.support import TEST_KDF, FixedClock
from tests.unit.services.filing_rows import ROWS as FILING_ROWS

DRAFT = DecisionDraft(
    body="academic_committee",
    title="关于某成果赋权的决定",
    decided_on="2026-01-05",
    participants=("甲", "乙", "丙"),
    outcome="approved",
    votes_for=2,
    votes_against=1,
    votes_abstain=0,
    summary="同意赋权。",
    level="internal",
)


@dataclass
class World:
    services: Services
    vault: Vault
    actor: User
    target_id: str
    decision_id: int
    attachment_id: int
    tmp: Path
    counter: int = 0

    def fresh(self, prefix: str) -> str:
        self.counter += 1
        return f"{prefix}{self.counter}"


# (service attribute, method name, action, call). Methods that only read what every signed-in
# user may read are listed with the read action they check.
Call = Callable[[World], Any]
TABLE: list[tuple[str, str, str, Call]] = [
    ("unit", "profile", "unit.read", lambda w: w.services.unit.profile(w.actor)),
    ("unit", "departments", "unit.read", lambda w: w.services.unit.departments(w.actor)),
    (
        "unit",
        "update_profile",
        "unit.edit",
        lambda w: w.services.unit.update_profile(w.actor, w.services.unit.profile(_admin(w))),
    ),
    (
        "settings",
        "get",
        "settings.read",
        lambda w: w.services.settings.get(w.actor, "idle_lock_minutes"),
    ),
    ("settings", "all", "settings.read", lambda w: w.services.settings.all(w.actor)),
    (
        "settings",
        "idle_lock_minutes",
        "settings.read",
        lambda w: w.services.settings.idle_lock_minutes(w.actor),
    ),
    (
        "settings",
        "update",
        "settings.edit",
        lambda w: w.services.settings.update(w.actor, {"publicity_days_pricing": 20}),
    ),
    (
        "settings",
        "set_idle_lock_minutes",
        "settings.edit",
        lambda w: w.services.settings.set_idle_lock_minutes(w.actor, 7),
    ),
    ("people", "count", "person.read", lambda w: w.services.people.count(w.actor)),
    ("people", "page", "person.read", lambda w: w.services.people.page(w.actor, 0, 10)),
    (
        "people",
        "add",
        "person.edit",
        lambda w: w.services.people.add(w.actor, PersonDraft("赵六", None, "研究员", "none")),
    ),
    (
        "people",
        "update",
        "person.edit",
        lambda w: w.services.people.update(w.actor, 1, PersonDraft("赵六", None, "教授", "none")),
    ),
    (
        "people",
        "set_left",
        "person.edit",
        lambda w: w.services.people.set_left(w.actor, 1, True, "调离"),
    ),
    ("accounts", "list", "user.read", lambda w: w.services.accounts.list(w.actor)),
    (
        "accounts",
        "several_roles_allowed",
        "user.read",
        lambda w: w.services.accounts.several_roles_allowed(w.actor),
    ),
    (
        "accounts",
        "create",
        "user.create",
        lambda w: w.services.accounts.create(
            w.actor, UserDraft(w.fresh("user"), "新用户", ("researcher",), "public")
        ),
    ),
    (
        "accounts",
        "set_roles",
        "user.edit",
        lambda w: w.services.accounts.set_roles(w.actor, w.target_id, ("approver",)),
    ),
    (
        "accounts",
        "set_clearance",
        "user.set_clearance",
        lambda w: w.services.accounts.set_clearance(w.actor, w.target_id, "secret", "审批 1 号"),
    ),
    (
        "accounts",
        "reset_passphrase",
        "user.reset_passphrase",
        lambda w: w.services.accounts.reset_passphrase(w.actor, w.target_id),
    ),
    (
        "accounts",
        "disable",
        "user.disable",
        lambda w: w.services.accounts.disable(w.actor, w.target_id, "调离"),
    ),
    (
        "accounts",
        "enable",
        "user.disable",
        lambda w: w.services.accounts.enable(w.actor, w.target_id),
    ),
    ("audit", "count", "audit.read", lambda w: w.services.audit.count(w.actor)),
    ("audit", "page", "audit.read", lambda w: w.services.audit.page(w.actor, 0, 10)),
    ("audit", "actions", "audit.read", lambda w: w.services.audit.actions(w.actor)),
    ("audit", "actors", "audit.read", lambda w: w.services.audit.actors(w.actor)),
    ("audit", "object_types", "audit.read", lambda w: w.services.audit.object_types(w.actor)),
    ("audit", "head", "audit.verify", lambda w: w.services.audit.head(w.actor)),
    ("audit", "verify", "audit.verify", lambda w: w.services.audit.verify(w.actor)),
    ("audit", "checkpoints", "audit.verify", lambda w: w.services.audit.checkpoints(w.actor)),
    ("audit", "extract", "audit.export", lambda w: w.services.audit.extract(w.actor)),
    (
        "audit",
        "add_checkpoint",
        "audit.checkpoint",
        lambda w: w.services.audit.add_checkpoint(w.actor, "月度检查"),
    ),
    (
        "achievements",
        "count",
        "achievement.read",
        lambda w: w.services.achievements.count(w.actor, AchievementQuery()),
    ),
    (
        "achievements",
        "page",
        "achievement.read",
        lambda w: w.services.achievements.page(w.actor, 0, 10, AchievementQuery()),
    ),
    ("achievements", "years", "achievement.read", lambda w: w.services.achievements.years(w.actor)),
    (
        "achievements",
        "get",
        "achievement.read",
        lambda w: w.services.achievements.get(w.actor, _achievement(w)),
    ),
    (
        "achievements",
        "create",
        "achievement.edit",
        lambda w: w.services.achievements.create(w.actor, _achievement_draft()),
    ),
    (
        "achievements",
        "update",
        "achievement.edit",
        lambda w: w.services.achievements.update(w.actor, _achievement(w), _achievement_draft()),
    ),
    (
        "achievements",
        "change_status",
        "achievement.status",
        lambda w: w.services.achievements.change_status(
            w.actor, _achievement(w), "terminate", "专利已放弃"
        ),
    ),
    (
        "achievement_files",
        "list",
        "achievement.read",
        lambda w: w.services.achievement_files.list(w.actor, _achievement(w)),
    ),
    (
        "achievement_files",
        "content",
        "achievement.read",
        lambda w: w.services.achievement_files.content(w.actor, _achievement_file(w)),
    ),
    (
        "achievement_files",
        "save_copy",
        "achievement.read",
        lambda w: w.services.achievement_files.save_copy(
            w.actor, _achievement_file(w), w.tmp / f"{w.fresh('copy')}.txt"
        ),
    ),
    (
        "achievement_files",
        "add",
        "achievement.edit",
        lambda w: w.services.achievement_files.add(
            w.actor, _achievement(w), "证书.txt", "text/plain", b"certificate"
        ),
    ),
    (
        "achievement_files",
        "add_from_file",
        "achievement.edit",
        lambda w: w.services.achievement_files.add_from_file(w.actor, _achievement(w), _file(w)),
    ),
    (
        "achievement_files",
        "remove",
        "achievement.edit",
        lambda w: w.services.achievement_files.remove(w.actor, _achievement_file(w), "误传"),
    ),
    ("pool", "candidates", "pool.read", lambda w: w.services.pool.candidates(w.actor)),
    ("pool", "versions", "pool.read", lambda w: w.services.pool.versions(w.actor)),
    ("pool", "version_items", "pool.read", lambda w: w.services.pool.version_items(w.actor, 1)),
    (
        "pool",
        "decide",
        "pool.edit",
        lambda w: w.services.pool.decide(w.actor, _pool_candidate(w), "confirmed", ""),
    ),
    ("pool", "publish", "pool.publish", lambda w: w.services.pool.publish(w.actor, "第一期")),
    (
        "pool",
        "export_data",
        "pool.read",
        lambda w: w.services.pool.export_data(w.actor, _pool_version(w), "pdf"),
    ),
    (
        "achievements",
        "preview_import",
        "achievement.edit",
        lambda w: w.services.achievements.preview_import(w.actor, _import_file(w)),
    ),
    (
        "achievements",
        "import_rows",
        "achievement.edit",
        lambda w: w.services.achievements.import_rows(
            w.actor,
            ImportPreview("成果.xlsx", (ImportRow(2, _achievement_draft()),), (), 1),
            only_good=True,
        ),
    ),
    (
        "achievements",
        "save_import_template",
        "achievement.edit",
        lambda w: w.services.achievements.save_import_template(
            w.actor, w.tmp / f"{w.fresh('template')}.xlsx"
        ),
    ),
    (
        "achievements",
        "export_xlsx",
        "achievement.read",
        lambda w: w.services.achievements.export_xlsx(
            w.actor, w.tmp / f"{w.fresh('export')}.xlsx", AchievementQuery()
        ),
    ),
    ("approvals", "visible", "approval.read", lambda w: w.services.approvals.visible(w.actor)),
    (
        "approvals",
        "subject_names",
        "approval.read",
        lambda w: w.services.approvals.subject_names(w.actor),
    ),
    (
        "approvals",
        "request_clearance",
        "approval.request",
        lambda w: w.services.approvals.request_clearance(
            w.actor, w.actor.id, "top_secret", "项目需要"
        ),
    ),
    (
        "approvals",
        "withdraw",
        "approval.request",
        lambda w: w.services.approvals.withdraw(w.actor, _own_request(w)),
    ),
    (
        "approvals",
        "decide",
        "user.set_clearance",
        lambda w: w.services.approvals.decide(w.actor, _others_request(w), approve=True, note=""),
    ),
    ("decisions", "count", "decision.read", lambda w: w.services.decisions.count(w.actor)),
    ("decisions", "page", "decision.read", lambda w: w.services.decisions.page(w.actor, 0, 10)),
    (
        "decisions",
        "get",
        "decision.read",
        lambda w: w.services.decisions.get(w.actor, w.decision_id),
    ),
    (
        "decisions",
        "for_object",
        "decision.read",
        lambda w: w.services.decisions.for_object(w.actor, "unit", "1"),
    ),
    (
        "decisions",
        "attachments",
        "decision.read",
        lambda w: w.services.decisions.attachments(w.actor, w.decision_id),
    ),
    (
        "decisions",
        "attachment_content",
        "decision.read",
        lambda w: w.services.decisions.attachment_content(w.actor, w.attachment_id),
    ),
    (
        "decisions",
        "save_attachment",
        "decision.read",
        lambda w: w.services.decisions.save_attachment(
            w.actor, w.attachment_id, w.tmp / f"{w.fresh('saved')}.txt"
        ),
    ),
    ("decisions", "create", "decision.edit", lambda w: w.services.decisions.create(w.actor, DRAFT)),
    (
        "decisions",
        "update",
        "decision.edit",
        lambda w: w.services.decisions.update(w.actor, w.decision_id, DRAFT),
    ),
    (
        "decisions",
        "link",
        "decision.edit",
        lambda w: w.services.decisions.link(w.actor, w.decision_id, "person", "1"),
    ),
    (
        "decisions",
        "unlink",
        "decision.edit",
        lambda w: w.services.decisions.unlink(w.actor, w.decision_id, "person", "1"),
    ),
    (
        "decisions",
        "add_attachment",
        "decision.edit",
        lambda w: w.services.decisions.add_attachment(
            w.actor, w.decision_id, "纪要.txt", "text/plain", b"minutes"
        ),
    ),
    (
        "decisions",
        "add_attachment_from_file",
        "decision.edit",
        lambda w: w.services.decisions.add_attachment_from_file(w.actor, w.decision_id, _file(w)),
    ),
    (
        "decisions",
        "remove_attachment",
        "decision.edit",
        lambda w: w.services.decisions.remove_attachment(w.actor, _attachment(w), "误传"),
    ),
    ("people", "get", "person.read", lambda w: w.services.people.get(w.actor, 1)),
    # -- rights grants ----------------------------------------------------------------------
    ("grants", "visible", "grant.read", lambda w: w.services.grants.visible(w.actor)),
    ("grants", "get", "grant.read", lambda w: w.services.grants.get(w.actor, _grant(w))),
    (
        "grants",
        "team_candidates",
        "grant.read",
        lambda w: w.services.grants.team_candidates(w.actor, _achievement(w)),
    ),
    ("grants", "publicity_days", "grant.read", lambda w: w.services.grants.publicity_days(w.actor)),
    (
        "grants",
        "document",
        "grant.read",
        lambda w: w.services.grants.document(w.actor, _grant(w)),
    ),
    (
        "grants",
        "save_document",
        "grant.read",
        lambda w: w.services.grants.save_document(w.actor, _grant(w), w.tmp / w.fresh("g.pdf")),
    ),
    (
        "grants",
        "save_amendment_document",
        "grant.read",
        lambda w: w.services.grants.save_amendment_document(
            w.actor, *_amended(w), w.tmp / w.fresh("a.pdf")
        ),
    ),
    (
        "grants",
        "create",
        "grant.edit",
        lambda w: w.services.grants.create(w.actor, _grant_draft(_achievement(w))),
    ),
    (
        "grants",
        "update",
        "grant.edit",
        lambda w: (lambda g: w.services.grants.update(w.actor, g, _grant_draft(_grant_of(w, g))))(
            _grant(w)
        ),
    ),
    (
        "grants",
        "withdraw",
        "grant.edit",
        lambda w: w.services.grants.withdraw(w.actor, _grant(w), "份额需重议"),
    ),
    (
        "grants",
        "start_publicity",
        "grant.edit",
        lambda w: w.services.grants.start_publicity(w.actor, _grant(w), "2026-01-05"),
    ),
    (
        "grants",
        "add_objection",
        "grant.edit",
        lambda w: w.services.grants.add_objection(
            w.actor,
            _grant(w, status="publicity"),
            received_on="2026-01-05",
            objector="",
            content="有异议",
        ),
    ),
    (
        "grants",
        "resolve_objection",
        "grant.edit",
        lambda w: w.services.grants.resolve_objection(
            w.actor, _objection(w), upheld=False, resolution="不成立"
        ),
    ),
    (
        "grants",
        "request_secrecy_approval",
        "grant.edit",
        lambda w: w.services.grants.request_secrecy_approval(
            w.actor, _grant(w, level="secret"), "合作需要"
        ),
    ),
    (
        "grants",
        "record_export_check",
        "grant.edit",
        lambda w: w.services.grants.record_export_check(
            w.actor, _grant(w, overseas=True), ExportCheck("free", "2023年版", "2026-01-05")
        ),
    ),
    (
        "grants",
        "take_effect",
        "grant.edit",
        lambda w: w.services.grants.take_effect(
            w.actor, _grant(w, status="publicity"), "2026-01-05"
        ),
    ),
    (
        "grants",
        "extend",
        "grant.edit",
        lambda w: w.services.grants.extend(
            w.actor, _grant(w, use_right=True), new_term_end="2040-01-01", signed_on="2026-01-05"
        ),
    ),
    (
        "grants",
        "convert",
        "grant.edit",
        lambda w: w.services.grants.convert(
            w.actor,
            _grant(w, use_right=True),
            unit_share=Decimal(10),
            team_share=Decimal(90),
            signed_on="2026-01-05",
        ),
    ),
    (
        "grants",
        "update_filing",
        "grant.edit",
        lambda w: w.services.grants.update_filing(
            w.actor, _filing(w), filed_on="2026-01-05", notice_no="", completed_on=None
        ),
    ),
    (
        "approvals",
        "decide",
        "secrecy.approve_cooperation",
        lambda w: w.services.approvals.decide(
            w.actor, _cooperation_request(w), approve=True, note=""
        ),
    ),
    # -- confidentiality agreements -------------------------------------------------------------
    (
        "confidentiality",
        "visible",
        "confidentiality.read",
        lambda w: w.services.confidentiality.visible(w.actor),
    ),
    (
        "confidentiality",
        "get",
        "confidentiality.read",
        lambda w: w.services.confidentiality.get(w.actor, _agreement(w)),
    ),
    (
        "confidentiality",
        "document",
        "confidentiality.read",
        lambda w: w.services.confidentiality.document(w.actor, _agreement(w)),
    ),
    (
        "confidentiality",
        "save_document",
        "confidentiality.read",
        lambda w: w.services.confidentiality.save_document(
            w.actor, _agreement(w), w.tmp / w.fresh("c.pdf")
        ),
    ),
    (
        "confidentiality",
        "create",
        "confidentiality.edit",
        lambda w: w.services.confidentiality.create(w.actor, _agreement_draft(w)),
    ),
    (
        "confidentiality",
        "update",
        "confidentiality.edit",
        lambda w: (lambda a: w.services.confidentiality.update(w.actor, a, _agreement_draft(w)))(
            _agreement(w)
        ),
    ),
    (
        "confidentiality",
        "terminate",
        "confidentiality.edit",
        lambda w: w.services.confidentiality.terminate(
            w.actor, _agreement(w), on="2026-01-05", reason="合作结束"
        ),
    ),
    # -- counterparties, the holiday table, transformations -------------------------------------
    (
        "counterparties",
        "search",
        "counterparty.read",
        lambda w: w.services.counterparties.search(w.actor),
    ),
    (
        "counterparties",
        "get",
        "counterparty.read",
        lambda w: w.services.counterparties.get(w.actor, _party(w)),
    ),
    (
        "counterparties",
        "create",
        "counterparty.edit",
        lambda w: w.services.counterparties.create(w.actor, _party_draft(w)),
    ),
    (
        "counterparties",
        "update",
        "counterparty.edit",
        lambda w: w.services.counterparties.update(w.actor, _party(w), _party_draft(w)),
    ),
    ("calendar", "notices", "settings.read", lambda w: w.services.calendar.notices(w.actor)),
    ("calendar", "calendar", "settings.read", lambda w: w.services.calendar.calendar(w.actor)),
    (
        "calendar",
        "put",
        "settings.edit",
        lambda w: w.services.calendar.put(
            w.actor, HolidayNotice(2027, "国务院办公厅通知", (date(2027, 1, 1),), ())
        ),
    ),
    (
        "transformations",
        "visible",
        "transformation.read",
        lambda w: w.services.transformations.visible(w.actor),
    ),
    (
        "transformations",
        "get",
        "transformation.read",
        lambda w: w.services.transformations.get(w.actor, _deal(w)),
    ),
    (
        "transformations",
        "ledger_totals",
        "transformation.read",
        lambda w: w.services.transformations.ledger_totals(w.actor, "year"),
    ),
    (
        "transformations",
        "ledger_entry_totals",
        "transformation.read",
        lambda w: w.services.transformations.ledger_entry_totals(w.actor),
    ),
    (
        "evidence",
        "document",
        "transformation.read",
        lambda w: w.services.evidence.document(w.actor, _deal(w)),
    ),
    (
        "evidence",
        "save",
        "transformation.read",
        lambda w: w.services.evidence.save(w.actor, _deal(w), w.tmp / w.fresh("evidence.pdf")),
    ),
    (
        "transformations",
        "convert_to_equity",
        "transformation.edit",
        lambda w: w.services.transformations.convert_to_equity(
            w.actor,
            _invest_deal(w),
            on="2026-01-05",
            equity=EquityTerms("某公司", 100, None),
            value_fen=100_00,
        ),
    ),
    (
        "rewards",
        "policy",
        "reward.read",
        lambda w: w.services.rewards.policy(w.actor, "2026-01-05"),
    ),
    (
        "rewards",
        "policy_history",
        "reward.read",
        lambda w: w.services.rewards.policy_history(w.actor),
    ),
    ("rewards", "visible", "reward.read", lambda w: w.services.rewards.visible(w.actor)),
    ("rewards", "get", "reward.read", lambda w: w.services.rewards.get(w.actor, _reward(w))),
    (
        "rewards",
        "document",
        "reward.read",
        lambda w: w.services.rewards.document(w.actor, _reward(w), "xlsx"),
    ),
    (
        "rewards",
        "save_document",
        "reward.read",
        lambda w: w.services.rewards.save_document(
            w.actor, _reward(w), "statement", w.tmp / w.fresh("statement.pdf")
        ),
    ),
    (
        "rewards",
        "set_policy",
        "reward.edit",
        lambda w: w.services.rewards.set_policy(
            w.actor, "unit.rate.transfer", "0.6", effective_from="2026-01-01", source="院字1号"
        ),
    ),
    (
        "rewards",
        "preview",
        "reward.edit",
        lambda w: w.services.rewards.preview(w.actor, _reward_draft()),
    ),
    ("rewards", "save", "reward.edit", lambda w: w.services.rewards.save(w.actor, _reward_draft())),
    (
        "rewards",
        "start_notice",
        "reward.edit",
        lambda w: w.services.rewards.start_notice(w.actor, _reward(w), "2026-01-05"),
    ),
    (
        "rewards",
        "add_objection",
        "reward.edit",
        lambda w: w.services.rewards.add_objection(
            w.actor, _reward(w, "notice"), received_on="2026-01-05", content="有误"
        ),
    ),
    (
        "rewards",
        "resolve_objection",
        "reward.edit",
        lambda w: w.services.rewards.resolve_objection(w.actor, _reward_objection(w), "无误"),
    ),
    (
        "rewards",
        "mark_paid",
        "reward.edit",
        lambda w: w.services.rewards.mark_paid(w.actor, _reward(w, "notice"), "2026-01-05"),
    ),
    (
        "rewards",
        "cancel",
        "reward.edit",
        lambda w: w.services.rewards.cancel(w.actor, _reward(w), "重算"),
    ),
    (
        "transformations",
        "equity_register",
        "transformation.read",
        lambda w: w.services.transformations.equity_register(w.actor),
    ),
    (
        "transformations",
        "overdue",
        "transformation.read",
        lambda w: w.services.transformations.overdue(w.actor),
    ),
    (
        "transformations",
        "create",
        "transformation.edit",
        lambda w: w.services.transformations.create(w.actor, _deal_draft(w)),
    ),
    (
        "transformations",
        "update",
        "transformation.edit",
        lambda w: w.services.transformations.update(w.actor, _deal(w), _deal_draft(w)),
    ),
    (
        "transformations",
        "set_registration",
        "transformation.edit",
        lambda w: w.services.transformations.set_registration(
            w.actor, _deal(w), "2026210100000001", "2026-01-05"
        ),
    ),
    (
        "transformations",
        "record_appraisal",
        "transformation.edit",
        lambda w: w.services.transformations.record_appraisal(
            w.actor, _deal(w), decision="waived", basis="单位制度", on="2026-01-05"
        ),
    ),
    (
        "transformations",
        "start_notice",
        "transformation.edit",
        lambda w: w.services.transformations.start_notice(
            w.actor, _deal(w, "priced"), "2026-01-05"
        ),
    ),
    (
        "transformations",
        "record_objection",
        "transformation.edit",
        lambda w: w.services.transformations.record_objection(
            w.actor, _deal(w, "notice"), received_on="2026-01-05", content="价格偏低"
        ),
    ),
    (
        "transformations",
        "close_notice",
        "transformation.edit",
        lambda w: w.services.transformations.close_notice(
            w.actor, _deal(w, "notice", notice_end="2026-01-01"), "2026-01-05"
        ),
    ),
    (
        "transformations",
        "start_listing",
        "transformation.edit",
        lambda w: w.services.transformations.start_listing(
            w.actor, _deal(w, "objected"), "2026-01-05"
        ),
    ),
    (
        "transformations",
        "listing_taken",
        "transformation.edit",
        lambda w: w.services.transformations.listing_taken(
            w.actor,
            _deal(w, "listing"),
            on="2026-01-05",
            counterparty_id=_party(w),
            price_fen=100,
        ),
    ),
    (
        "transformations",
        "listing_lapsed",
        "transformation.edit",
        lambda w: w.services.transformations.listing_lapsed(
            w.actor, _deal(w, "listing", listing_end="2026-01-01"), "2026-01-05"
        ),
    ),
    (
        "transformations",
        "record_auction",
        "transformation.edit",
        lambda w: w.services.transformations.record_auction(
            w.actor,
            _deal(w, "priced", method="auction"),
            on="2026-01-05",
            counterparty_id=_party(w),
            price_fen=100,
        ),
    ),
    (
        "transformations",
        "sign",
        "transformation.edit",
        lambda w: w.services.transformations.sign(w.actor, _deal(w, "cleared"), "2026-01-05"),
    ),
    (
        "transformations",
        "complete",
        "transformation.edit",
        lambda w: w.services.transformations.complete(w.actor, _deal(w, "signed"), "2026-01-05"),
    ),
    (
        "transformations",
        "terminate",
        "transformation.edit",
        lambda w: w.services.transformations.terminate(
            w.actor, _deal(w), on="2026-01-05", reason="对方退出"
        ),
    ),
    (
        "transformations",
        "request_secrecy_approval",
        "transformation.edit",
        lambda w: w.services.transformations.request_secrecy_approval(
            w.actor, _deal(w, level="secret"), "合作需要"
        ),
    ),
    (
        "transformations",
        "record_export_check",
        "transformation.edit",
        lambda w: w.services.transformations.record_export_check(
            w.actor, _deal(w, overseas=True), ExportCheck("free", "2023年版", "2026-01-05")
        ),
    ),
    (
        "transformations",
        "record_revenue_start",
        "transformation.edit",
        lambda w: w.services.transformations.record_revenue_start(
            w.actor, _deal(w, "signed", pay_later=True), "2026-01-05"
        ),
    ),
    (
        "transformations",
        "record_money",
        "transformation.edit",
        lambda w: w.services.transformations.record_money(
            w.actor, _deal(w, "signed"), kind="receipt", amount_fen=100, on="2026-01-05"
        ),
    ),
]
TABLE += FILING_ROWS
# Services that do not act for a signed-in user: first-run set-up, the session itself, and
# rendering documents from data a service already handed out under its own check. The to-do list
# never refuses: it lists what the actor's other permissions let them read, or nothing.
NOT_IN_TABLE = {"setup", "session", "documents", "todo"}


def _achievement_draft() -> AchievementDraft:
    return AchievementDraft(
        title="成果",
        abstract="",
        keywords=(),
        kind="other",
        department_id=None,
        funding_type="self",
        funding_ref="",
        completers=(Completer(1, "lead", Decimal(100)),),
    )


def _achievement(w: World) -> int:
    """One the actor registered, so a researcher may open and change it too."""
    with w.vault.transaction() as conn:
        return achievements.insert_achievement(
            conn, _achievement_draft(), created_by=w.actor.id, created_at="2026-01-05T08:03:00"
        )


def _achievement_file(w: World) -> int:
    with w.vault.transaction() as conn:
        return achievements.insert_attachment(
            conn,
            _achievement_in(conn, w),
            filename="证书.txt",
            media_type="text/plain",
            content=b"certificate",
            sha256=hashlib.sha256(b"certificate").hexdigest(),
            added_by=w.actor.id,
            added_at="2026-01-05T08:03:00",
        )


def _achievement_in(conn: Any, w: World) -> int:
    return achievements.insert_achievement(
        conn, _achievement_draft(), created_by=w.actor.id, created_at="2026-01-05T08:03:00"
    )


def _pool_candidate(w: World) -> int:
    """An achievement whose patent was granted long enough ago to be in the pool."""
    draft = replace(
        _achievement_draft(),
        kind="invention_patent",
        ip_rights=(IpRight("201910123456.0", "2019-01-01", "2020-01-01"),),
    )
    with w.vault.transaction() as conn:
        return achievements.insert_achievement(
            conn, draft, created_by=w.actor.id, created_at="2026-01-05T08:03:00"
        )


def _pool_version(w: World) -> int:
    """A published version to export (publishing is the transfer officer's alone)."""
    with w.vault.transaction() as conn:
        return pool.insert_version(
            conn,
            published_at="2026-01-05T08:03:00+00:00",
            published_by=w.actor.id,
            note="第一期",
            items=[],
        )


def _import_file(w: World) -> Path:
    """The shipped template with one good row (钱七 is the world's first person)."""
    book = load_workbook(resource_path("templates/achievements-import.xlsx"))
    values = {
        xlsx.TITLE: "导入的成果",
        xlsx.KIND: "其他",
        xlsx.FUNDING: "自筹",
        xlsx.COMPLETERS: "钱七:负责人:100",
        xlsx.LEVEL: "公开",
    }
    for column, header in enumerate(xlsx.COLUMNS, start=1):
        book[xlsx.SHEET].cell(row=2, column=column, value=values.get(header))
    path = w.tmp / f"{w.fresh('import')}.xlsx"
    book.save(path)
    return path


def _own_request(w: World) -> int:
    with w.vault.transaction() as conn:
        return approvals.insert_request(
            conn,
            kind="user_clearance",
            object_type="user",
            object_id=w.actor.id,
            payload={"clearance": "public", "before": "secret"},
            reason="降级",
            requested_by=w.actor.id,
            requested_at="2026-01-05T08:03:00+00:00",
        )


def _others_request(w: World) -> int:
    with w.vault.transaction() as conn:
        return approvals.insert_request(
            conn,
            kind="user_clearance",
            object_type="user",
            object_id=w.target_id,
            payload={"clearance": "internal", "before": "public"},
            reason="项目需要",
            requested_by=_admin(w).id,
            requested_at="2026-01-05T08:03:00+00:00",
        )


# -- grants and agreements: made straight in the database, so every call has its own -------------
def _grant_draft(achievement_id: int) -> GrantDraft:
    return GrantDraft(
        achievement_id=achievement_id,
        kind="ownership",
        team=(TeamShare(1, Decimal(100)),),
        unit_share=Decimal(30),
        team_share=Decimal(70),
        revenue_terms="按份额分配。",
        decision_terms="协商一致。",
        cost_terms="团队承担。",
    )


def _grant_of(w: World, grant_id: int) -> int:
    with w.vault.read() as conn:
        grant = rights_grants.get(conn, grant_id)
    assert grant is not None
    return grant.draft.achievement_id


def _grant(
    w: World,
    *,
    status: str = "draft",
    level: str = "public",
    overseas: bool = False,
    use_right: bool = False,
) -> int:
    """A grant on a new achievement of the actor's; in publicity since long ago, or in effect."""
    draft = replace(
        _achievement_draft(),
        kind="invention_patent",
        ip_rights=(IpRight(_patent(w), "2020-01-01", "2021-01-01"),),
        level=level,
        secrecy_mark="秘密★5年" if level == "secret" else "",
    )
    with w.vault.transaction() as conn:
        achievement_id = achievements.insert_achievement(
            conn, draft, created_by=w.actor.id, created_at="2026-01-05T08:03:00"
        )
        grant = replace(_grant_draft(achievement_id), overseas=overseas)
        if use_right:
            grant = replace(
                grant,
                kind="use_right",
                unit_share=None,
                team_share=None,
                term_start="2025-01-01",
                term_end="2035-01-01",
            )
        grant_id = rights_grants.insert(
            conn,
            grant,
            doc_no=w.fresh("赋权"),
            level=level,
            secrecy_mark=draft.secrecy_mark,
            created_by=w.actor.id,
            created_at="2026-01-05T08:03:00",
        )
        if status == "publicity" or use_right:
            rights_grants.set_fields(
                conn,
                grant_id,
                status="publicity",
                publicity_start="2025-11-01",
                publicity_days=15,
                updated_at="t",
            )
        if use_right:
            rights_grants.set_fields(
                conn, grant_id, status="effective", effective_on="2025-01-01", updated_at="t"
            )
    return grant_id


def _patent(w: World) -> str:
    body = f"2019101{w.counter + 10000:05d}"
    w.counter += 1
    return f"{body}.{patent_check_digit(body)}"


def _amended(w: World) -> tuple[int, int]:
    grant_id = _grant(w, use_right=True)
    with w.vault.transaction() as conn:
        amendment_id = rights_grants.insert_amendment(
            conn,
            grant_id,
            kind="extension",
            doc_no=w.fresh("补"),
            signed_on="2026-01-05",
            new_term_end="2040-01-01",
            note="",
            created_by=w.actor.id,
            created_at="t",
        )
    return grant_id, amendment_id


def _objection(w: World) -> int:
    grant_id = _grant(w, status="publicity")
    with w.vault.transaction() as conn:
        return rights_grants.insert_objection(
            conn,
            grant_id,
            received_on="2025-11-02",
            objector="",
            content="异议",
            created_by=w.actor.id,
            created_at="t",
        )


def _filing(w: World) -> int:
    grant_id = _grant(w, status="publicity")
    with w.vault.transaction() as conn:
        rights_grants.set_fields(
            conn, grant_id, status="effective", effective_on="2026-01-01", updated_at="t"
        )
        rights_grants.insert_filings(
            conn, grant_id, [("patent_right", "201910123456.X")], opened_on="2026-01-01"
        )
        grant = rights_grants.get(conn, grant_id)
    assert grant is not None
    return grant.filings[0].id


def _cooperation_request(w: World) -> int:
    grant_id = _grant(w, level="secret")
    with w.vault.transaction() as conn:
        return approvals.insert_request(
            conn,
            kind="classified_cooperation",
            object_type="rights_grant",
            object_id=str(grant_id),
            payload={"doc_no": "x", "level": "secret"},
            reason="合作需要",
            requested_by=_admin(w).id,
            requested_at="2026-01-05T08:03:00+00:00",
        )


def _agreement_draft(w: World) -> ConfidentialityDraft:
    draft = replace(
        _achievement_draft(),
        kind="other",
        level="internal",
    )
    with w.vault.transaction() as conn:
        achievement_id = achievements.insert_achievement(
            conn,
            replace(draft, level="secret", secrecy_mark="秘密★5年"),
            created_by=w.actor.id,
            created_at="2026-01-05T08:03:00",
        )
    body = "21010219800101001"
    return ConfidentialityDraft(
        party_kind="individual",
        party_name="钱七",
        party_code=body + id_number_check_char(body),
        achievement_ids=(achievement_id,),
        level="secret",
        scope="配方",
        term_start="2026-01-01",
        term_end="2030-12-31",
        obligations="不得披露。",
    )


def _agreement(w: World) -> int:
    draft = _agreement_draft(w)
    with w.vault.transaction() as conn:
        # An internal-level copy would not be a valid agreement: it stays at 秘密, so readers
        # without that clearance are refused by level, which the table's roles all hold.
        return confidentiality.insert(
            conn, draft, doc_no=w.fresh("保密"), created_by=w.actor.id, created_at="t"
        )


def _party_draft(w: World, **changes: object) -> CounterpartyDraft:
    body = f"91210100MA0{w.counter + 100000:06d}"
    w.counter += 1
    draft = CounterpartyDraft(
        f"合作方{w.counter}", body + credit_code_check_char(body), "non_state", "small"
    )
    return replace(draft, **changes)  # type: ignore[arg-type]


def _party(w: World, **changes: object) -> int:
    with w.vault.transaction() as conn:
        return counterparties.insert(conn, _party_draft(w, **changes), created_at="t")


def _deal_draft(
    w: World,
    *,
    level: str = "public",
    overseas: bool = False,
    pay_later: bool = False,
    method: str = "negotiated",
) -> TransformationDraft:
    draft = replace(
        _achievement_draft(), level=level, secrecy_mark="秘密★5年" if level == "secret" else ""
    )
    with w.vault.transaction() as conn:
        achievement_id = achievements.insert_achievement(
            conn, draft, created_by=w.actor.id, created_at="2026-01-05T08:03:00"
        )
    party = _party(w, region="overseas", credit_code="") if overseas else _party(w)
    deal = TransformationDraft(
        form="transfer",
        title="转让合同",
        counterparty_id=party,
        allocations=(Allocation(achievement_id, Decimal(100)),),
        price_fen=100_00,
        method=method,
    )
    if pay_later:
        deal = replace(
            deal,
            form="pay_later",
            licence=LicenceTerms("ordinary", "2026-01-01", "2027-01-01", "辽宁"),
            pay_later=PayLaterTerms(0, (Installment(100_00, "after_revenue", months=1),)),
        )
    return deal


def _deal(
    w: World,
    state: str = "appraisal",
    *,
    level: str = "public",
    overseas: bool = False,
    pay_later: bool = False,
    method: str = "negotiated",
    notice_end: str = "2026-12-31",
    listing_end: str = "2026-12-31",
) -> int:
    draft = _deal_draft(w, level=level, overseas=overseas, pay_later=pay_later, method=method)
    with w.vault.transaction() as conn:
        deal_id = transformations.insert(
            conn, draft, state=state, level=level, created_by=w.actor.id, created_at="t"
        )
        transformations.set_fields(
            conn,
            deal_id,
            notice_start="2025-12-01",
            notice_end=notice_end,
            listing_end=listing_end,
            objected=True,
            signed_on="2026-01-01" if state == "signed" else None,
            updated_at="t",
        )
    return deal_id


def _invest_deal(w: World) -> int:
    draft = replace(
        _deal_draft(w),
        form="invest_then_equity",
        method=None,
        invest=InvestTerms((Stage("pilot", 100_00),), "中试完成", "三年退出"),
    )
    with w.vault.transaction() as conn:
        deal_id = transformations.insert(
            conn, draft, state="signed", level="public", created_by=w.actor.id, created_at="t"
        )
        transformations.set_fields(conn, deal_id, signed_on="2026-01-01", updated_at="t")
    return deal_id


def _reward_draft() -> RewardDraft:
    return RewardDraft(
        title="奖励",
        kind="transfer",
        on="2026-01-05",
        people=(Share(1, Decimal(1), main=True),),
        receipts=(Receipt("2025-12-01", 100_00),),
    )


def _reward(w: World, state: str = "calculated") -> int:
    data = RewardInput(
        "transfer",
        (Recipient(1, "钱七", Decimal(1), main=True),),
        UnitPolicy(),
        "2026-01-05",
        receipts=(Receipt("2025-12-01", 100_00),),
    )
    with w.vault.transaction() as conn:
        reward_id = rewards.insert(
            conn,
            title="奖励",
            transformation_id=None,
            data=data,
            result=calculate(data),
            level="public",
            created_by=w.actor.id,
            created_at="2026-01-05T08:03:00",
        )
        if state == "notice":
            rewards.set_fields(
                conn,
                reward_id,
                state="notice",
                notice_start="2025-12-01",
                notice_end="2025-12-20",
                updated_at="t",
            )
    return reward_id


def _reward_objection(w: World) -> int:
    with w.vault.transaction() as conn:
        return rewards.add_objection(
            conn, _reward(w, "notice"), received_on="2025-12-02", content="有误"
        )


def _admin(w: World) -> User:
    with w.vault.read() as conn:
        admins = [u for u in users.list_all(conn) if "system_admin" in u.roles]
    return admins[0]


def _file(w: World) -> Path:
    path = w.tmp / f"{w.fresh('upload')}.txt"
    path.write_bytes(b"upload")
    return path


def _attachment(w: World) -> int:
    with w.vault.transaction() as conn:
        return decisions.insert_attachment(
            conn,
            w.decision_id,
            filename="x.txt",
            media_type="text/plain",
            content=b"x",
            sha256=hashlib.sha256(b"x").hexdigest(),
            added_by=w.actor.id,
            added_at="2026-01-05T08:03:00+00:00",
        )


def _world(vault: Vault, clock: FixedClock, role: str, tmp: Path) -> World:
    services = build_services(vault, now=clock, kdf=lambda: TEST_KDF)
    actor_id, target_id = str(uuid.uuid4()), str(uuid.uuid4())
    with vault.transaction() as conn:
        ts = clock().isoformat()
        users.insert_user(
            conn, actor_id, UserDraft("actor", "甲", (role,), "secret"), created_at=ts
        )
        users.insert_user(
            conn, target_id, UserDraft("target", "乙", ("researcher",), "public"), created_at=ts
        )
        decision_id = decisions.insert(conn, DRAFT, created_by=actor_id, created_at=ts)
        decisions.add_link(conn, decision_id, "unit", "1")
        attachment_id = decisions.insert_attachment(
            conn,
            decision_id,
            filename="纪要.txt",
            media_type="text/plain",
            content=b"minutes",
            sha256=hashlib.sha256(b"minutes").hexdigest(),
            added_by=actor_id,
            added_at=ts,
        )
    with vault.transaction() as conn:
        actor = users.get(conn, actor_id)
    assert actor is not None
    services.people.add(_admin_of(vault), PersonDraft("钱七", None, "研究员", "none"))
    return World(services, vault, actor, target_id, decision_id, attachment_id, tmp)


def _admin_of(vault: Vault) -> User:
    with vault.read() as conn:
        return next(u for u in users.list_all(conn) if "system_admin" in u.roles)


def test_every_public_service_method_is_in_the_table() -> None:
    listed = {(service, method) for service, method, _, _ in TABLE}
    bundle = inspect.signature(Services).parameters
    for name in bundle:
        if name in NOT_IN_TABLE:
            continue
        cls = bundle[name].annotation
        cls = (
            getattr(__import__("desktop.services.bundle", fromlist=["x"]), cls)
            if isinstance(cls, str)
            else cls
        )
        for method, _ in inspect.getmembers(cls, inspect.isfunction):
            if not method.startswith("_"):
                assert (name, method) in listed, f"{name}.{method} is not in the permission table"
    assert {action for _, _, action, _ in TABLE} == set(MATRIX)


@pytest.mark.parametrize("role", ROLES)
def test_each_role_against_each_service_action(
    role: str, unlocked: tuple[Vault, User], clock: FixedClock, tmp_path: Path
) -> None:
    vault, _ = unlocked
    world = _world(vault, clock, role, tmp_path)
    wrong: list[str] = []
    for service, method, action, call in TABLE:
        expected = role in MATRIX[action]
        with vault.read() as conn:
            entries_before = audit.count(conn)
        try:
            call(world)
        except PermissionDenied as e:
            if expected:
                wrong.append(f"{service}.{method}: refused but {role} may {action} ({e.message})")
            else:
                assert e.message and not e.message.isascii(), "the refusal is in Chinese"
                with vault.read() as conn:
                    if audit.count(conn) != entries_before:
                        wrong.append(f"{service}.{method}: refused, yet wrote to the log")
        else:
            if not expected:
                wrong.append(f"{service}.{method}: allowed but {role} may not {action}")
    assert wrong == []
