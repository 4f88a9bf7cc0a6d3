"""Requests that another person must approve, and the rule that nobody approves their own.

A request names what it asks for (its kind and payload), who asked and why. Each kind says which
action the approver needs; the person who asked — and the person the request is about — can never
decide it. Later work adds kinds (releasing classified records, prices, grants); the rules here
stay the same.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from desktop.domain.accounts import CLEARANCES, User
from desktop.domain.permissions import authorize, level_rank, require_other_person
from desktop.errors import PermissionDenied, ValidationError

# kind -> the permission the approver needs
KINDS: dict[str, str] = {
    "user_clearance": "user.set_clearance",  # 提升或调整账户涉密等级
    # 涉密成果赋权和转化的审批 (measure 十五); the object is the grant or the transformation
    "classified_cooperation": "secrecy.approve_cooperation",
    # 涉密内容对外报送的审批; the object is the filing in draft
    "classified_filing": "secrecy.approve_filing",
}
STATUSES = ("pending", "approved", "rejected", "withdrawn")
REASON_MAX = 500


@dataclass(frozen=True)
class ApprovalRequest:
    id: int
    kind: str
    object_type: str
    object_id: str
    payload: dict[str, Any]
    reason: str
    requested_by: str
    requested_at: str
    status: str
    decided_by: str | None = None
    decided_at: str | None = None
    decision_note: str = ""
    requester_name: str = ""
    decider_name: str = ""


def clean_reason(reason: str, *, field: str = "reason") -> str:
    reason = reason.strip()
    if not reason:
        raise ValidationError(field, "请填写理由。")
    if len(reason) > REASON_MAX:
        raise ValidationError(field, f"理由不能超过 {REASON_MAX} 个字。")
    return reason


def validate_clearance_request(subject: User, clearance: str) -> str:
    if clearance not in CLEARANCES:
        raise ValidationError("clearance", "请选择涉密等级。")
    if clearance == subject.clearance:
        raise ValidationError("clearance", "申请的涉密等级与现有等级相同。")
    return clearance


def require_decider(actor: User, request: ApprovalRequest) -> None:
    """The approver holds the kind's permission, is not the requester (separation of duties) and
    is not the person the request is about."""
    authorize(actor, KINDS[request.kind])
    require_other_person(actor, request.requested_by)
    if request.object_type == "user" and request.object_id == actor.id:
        raise PermissionDenied("不能审批与本人有关的申请（职责分离）。")
    if request.status != "pending":
        raise ValidationError("decision_note", "该申请已处理，不能再次审批。")


def raises_clearance(before: str, after: str) -> bool:
    return level_rank(after) > level_rank(before)
