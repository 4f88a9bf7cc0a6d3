"""Decision records: what a collective body decided, when, by whom and by what vote.

Measure (十四) exempts those who decided with due diligence; the record of the decision is what
proves it. Later work (pricing, rights grants, rewards) links its decisions here.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from desktop.domain.accounts import CLEARANCES
from desktop.domain.attachments import StoredFile
from desktop.errors import ValidationError

DECISION_BODIES = (
    "office_meeting",  # 办公会 (校长 / 院长 / 所长办公会)
    "party_committee",  # 党委会
    "academic_committee",  # 学术委员会
    "transformation_group",  # 成果转化领导小组
    "other",
)
DECISION_OUTCOMES = ("approved", "rejected", "deferred")
MAX_PARTICIPANTS = 200
MAX_ATTACHMENT_BYTES = 50 * 1024 * 1024


@dataclass(frozen=True)
class DecisionDraft:
    body: str
    title: str
    decided_on: str  # ISO date
    participants: tuple[str, ...]
    outcome: str
    votes_for: int | None
    votes_against: int | None
    votes_abstain: int | None
    summary: str
    level: str


@dataclass(frozen=True)
class Decision:
    id: int
    draft: DecisionDraft
    created_by: str
    created_at: str
    updated_at: str
    links: tuple[tuple[str, str], ...] = ()


# A decision's attachment: ``owner_id`` is the decision (the same record as an achievement's).
AttachmentInfo = StoredFile


def validate_decision(draft: DecisionDraft, *, today: dt.date) -> DecisionDraft:
    if draft.body not in DECISION_BODIES:
        raise ValidationError("body", "请选择决策机构。")
    title = draft.title.strip()
    if not title:
        raise ValidationError("title", "请填写议题。")
    if len(title) > 200:
        raise ValidationError("title", "议题不能超过 200 个字。")
    try:
        decided = dt.date.fromisoformat(draft.decided_on)
    except ValueError:
        raise ValidationError("decided_on", "请填写决策日期。") from None
    if decided > today:
        raise ValidationError("decided_on", "决策日期不能晚于今天。")
    participants = tuple(p.strip() for p in draft.participants if p.strip())
    if not participants:
        raise ValidationError("participants", "请填写参会人员。")
    if len(participants) > MAX_PARTICIPANTS:
        raise ValidationError("participants", f"参会人员不能超过 {MAX_PARTICIPANTS} 人。")
    if len(set(participants)) != len(participants):
        raise ValidationError("participants", "参会人员有重复。")
    if draft.outcome not in DECISION_OUTCOMES:
        raise ValidationError("outcome", "请选择决策结果。")
    votes = (draft.votes_for, draft.votes_against, draft.votes_abstain)
    if any(v is not None for v in votes):
        if any(v is None or v < 0 for v in votes):
            raise ValidationError("votes", "表决票数须同时填写赞成、反对、弃权，且不能为负数。")
        if sum(v for v in votes if v is not None) > len(participants):
            raise ValidationError("votes", "表决票数之和不能超过参会人数。")
    if draft.level not in CLEARANCES:
        raise ValidationError("level", "请选择密级。")
    return DecisionDraft(
        draft.body,
        title,
        decided.isoformat(),
        participants,
        draft.outcome,
        draft.votes_for,
        draft.votes_against,
        draft.votes_abstain,
        draft.summary.strip(),
        draft.level,
    )


def snapshot(draft: DecisionDraft) -> dict[str, object]:
    """What the audit log records about a decision."""
    return {
        "body": draft.body,
        "title": draft.title,
        "decided_on": draft.decided_on,
        "participants": list(draft.participants),
        "outcome": draft.outcome,
        "votes_for": draft.votes_for,
        "votes_against": draft.votes_against,
        "votes_abstain": draft.votes_abstain,
        "summary": draft.summary,
        "level": draft.level,
    }
