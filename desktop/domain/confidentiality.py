"""Confidentiality agreements (保密协议, measure 十五): with whom, covering what, how secret, for
how long, and the approval / filing record (审批备案) without which the agreement does not count.

An agreement is *in force* on a day when its approval is recorded, it is not terminated and the
day lies within its term; only then does it open the gate for cooperation on a classified
achievement (desktop.domain.gates).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace

from desktop.domain.dates import format_cn_date
from desktop.domain.gates import PARTY_KINDS, AgreementCover, Party
from desktop.domain.identifiers import validate_credit_code, validate_id_number
from desktop.domain.secrecy import LEVEL_NAMES, MARKED_LEVELS
from desktop.errors import ValidationError

NAME_MAX = 100
TEXT_MAX = 5000
APPROVAL_FIELD_MAX = 100
EXPIRY_NOTICE_DAYS = 30
PARTY_KIND_NAMES = {"enterprise": "企业", "individual": "个人"}


@dataclass(frozen=True)
class ConfidentialityDraft:
    party_kind: str
    party_name: str
    party_code: str  # 统一社会信用代码 (enterprise) or 身份证号 (individual)
    achievement_ids: tuple[int, ...]
    level: str  # secret, confidential or top_secret
    scope: str  # the secret matters covered
    term_start: str  # ISO dates
    term_end: str
    obligations: str
    signed_on: str | None = None
    approval_body: str = ""
    approval_date: str | None = None
    approval_doc_no: str = ""


@dataclass(frozen=True)
class ConfidentialityAgreement:
    id: int
    doc_no: str
    draft: ConfidentialityDraft
    terminated_on: str | None
    created_by: str
    created_at: str
    updated_at: str
    achievement_titles: tuple[str, ...] = ()

    @property
    def approval_recorded(self) -> bool:
        return approval_recorded(self.draft)

    def cover(self) -> AgreementCover:
        d = self.draft
        return AgreementCover(
            doc_no=self.doc_no,
            party=Party(d.party_kind, d.party_name, d.party_code),
            level=d.level,
            term_start=d.term_start,
            term_end=d.term_end,
            approval_recorded=self.approval_recorded,
            terminated=self.terminated_on is not None,
        )

    def in_force(self, on: dt.date) -> bool:
        return self.cover().in_force(on)


def approval_recorded(draft: ConfidentialityDraft) -> bool:
    return bool(
        draft.signed_on
        and draft.approval_body.strip()
        and draft.approval_date
        and draft.approval_doc_no.strip()
    )


def _date(field: str, text: str | None, name: str, *, required: bool) -> dt.date | None:
    if not text:
        if required:
            raise ValidationError(field, f"请填写{name}。")
        return None
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, f"{name}不是有效日期。") from None


def normalise_party_code(kind: str, code: str, *, today: dt.date) -> str:
    """The code validated for the party's kind; errors belong to the field the form shows."""
    if kind == "enterprise":
        return validate_credit_code(code)
    if not code.strip():
        raise ValidationError("id_number", "请填写身份证号。")
    return validate_id_number(code, today=today)


def validate_agreement(draft: ConfidentialityDraft, *, today: dt.date) -> ConfidentialityDraft:
    """Every field checked in form order; the first error is the one shown."""
    if draft.party_kind not in PARTY_KINDS:
        raise ValidationError("party_kind", "请选择对方类型（企业或个人）。")
    name = draft.party_name.strip()
    if not name:
        who = "企业名称" if draft.party_kind == "enterprise" else "姓名"
        raise ValidationError("party_name", f"请填写对方{who}。")
    if len(name) > NAME_MAX:
        raise ValidationError("party_name", f"名称不能超过 {NAME_MAX} 个字。")
    code = normalise_party_code(draft.party_kind, draft.party_code, today=today)
    achievement_ids = tuple(dict.fromkeys(draft.achievement_ids))
    if not achievement_ids:
        raise ValidationError("achievements", "请至少选择一项协议涵盖的成果。")
    if draft.level not in MARKED_LEVELS:
        raise ValidationError("level", "请选择协议的密级（秘密、机密或绝密）。")
    scope = draft.scope.strip()
    if not scope:
        raise ValidationError("scope", "请写明涉密事项的范围。")
    if len(scope) > TEXT_MAX:
        raise ValidationError("scope", f"涉密事项范围不能超过 {TEXT_MAX} 个字。")
    start = _date("term_start", draft.term_start, "保密期限的起始日", required=True)
    end = _date("term_end", draft.term_end, "保密期限的终止日", required=True)
    assert start is not None and end is not None
    if end <= start:
        raise ValidationError("term_end", "保密期限的终止日应晚于起始日。")
    obligations = draft.obligations.strip()
    if not obligations:
        raise ValidationError("obligations", "请写明保密义务。")
    if len(obligations) > TEXT_MAX:
        raise ValidationError("obligations", f"保密义务不能超过 {TEXT_MAX} 个字。")
    signed = _date("signed_on", draft.signed_on, "签订日期", required=False)
    if signed is not None and signed > today:
        raise ValidationError("signed_on", "签订日期不能晚于今天。")
    body = draft.approval_body.strip()
    approval = _date("approval_date", draft.approval_date, "审批备案日期", required=False)
    doc_no = draft.approval_doc_no.strip()
    for field, value in (("approval_body", body), ("approval_doc_no", doc_no)):
        if len(value) > APPROVAL_FIELD_MAX:
            raise ValidationError(field, f"不能超过 {APPROVAL_FIELD_MAX} 个字。")
    if any((body, approval, doc_no)):
        if signed is None:
            raise ValidationError("signed_on", "记录审批备案前，请先填写协议的签订日期。")
        if not body:
            raise ValidationError("approval_body", "请填写审批备案机关。")
        if approval is None:
            raise ValidationError("approval_date", "请填写审批备案日期。")
        if not doc_no:
            raise ValidationError("approval_doc_no", "请填写审批备案文号。")
        if approval > today:
            raise ValidationError("approval_date", "审批备案日期不能晚于今天。")
    return replace(
        draft,
        party_name=name,
        party_code=code,
        achievement_ids=achievement_ids,
        scope=scope,
        obligations=obligations,
        approval_body=body,
        approval_doc_no=doc_no,
    )


def require_level_covers(draft: ConfidentialityDraft, levels: dict[int, str]) -> None:
    """The agreement's level is at least that of every achievement it covers (``levels``: the
    covered achievements' levels by id); a covered achievement must itself be classified."""
    for achievement_id in draft.achievement_ids:
        level = levels[achievement_id]
        if level not in MARKED_LEVELS:
            raise ValidationError("achievements", "保密协议只涵盖涉密成果（秘密、机密、绝密）。")
        if MARKED_LEVELS.index(level) > MARKED_LEVELS.index(draft.level):
            raise ValidationError(
                "level", f"协议密级低于所涵盖成果的密级（{LEVEL_NAMES[level]}），请提高协议密级。"
            )


def status(agreement: ConfidentialityAgreement, today: dt.date) -> str:
    """draft (not yet signed or approved), pending (starts later), in_force, expiring (in force,
    ends within 30 days), expired or terminated."""
    if agreement.terminated_on is not None:
        return "terminated"
    if not agreement.approval_recorded:
        return "draft"
    start = dt.date.fromisoformat(agreement.draft.term_start)
    end = dt.date.fromisoformat(agreement.draft.term_end)
    if today < start:
        return "pending"
    if today > end:
        return "expired"
    if (end - today).days <= EXPIRY_NOTICE_DAYS:
        return "expiring"
    return "in_force"


def expiry_note(agreement: ConfidentialityAgreement, today: dt.date) -> str:
    end = dt.date.fromisoformat(agreement.draft.term_end)
    days = (end - today).days
    if days < 0:
        return f"已于{format_cn_date(end)}到期"
    if days == 0:
        return "今天到期"
    return f"将于{format_cn_date(end)}到期（还有 {days} 天）"


def snapshot(draft: ConfidentialityDraft) -> dict[str, object]:
    """What the audit log records (the id number as typed in full: the log is inside the vault
    and is the evidence of whom the unit bound)."""
    return {
        "party_kind": draft.party_kind,
        "party_name": draft.party_name,
        "party_code": draft.party_code,
        "achievement_ids": list(draft.achievement_ids),
        "level": draft.level,
        "scope": draft.scope,
        "term_start": draft.term_start,
        "term_end": draft.term_end,
        "obligations": draft.obligations,
        "signed_on": draft.signed_on,
        "approval_body": draft.approval_body,
        "approval_date": draft.approval_date,
        "approval_doc_no": draft.approval_doc_no,
    }
