"""Counterparties (合作方): the enterprises and other bodies that take achievements.

Their ownership decides whether an appraisal may be skipped (measure 四: wholly state-owned
buyers), their size whether a pay-later licence is open to them (measure 五: small and micro
enterprises), and their region whether the export gate applies (measure 十五).
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from desktop.domain.identifiers import to_half_width, validate_credit_code
from desktop.errors import ValidationError

OWNERSHIPS = ("state_wholly", "state_controlled", "non_state")  # 国有全资 / 国有控股 / 非国有
SIZES = ("large", "medium", "small", "micro")  # 大 / 中 / 小 / 微
REGIONS = ("domestic", "overseas")
NAME_MAX = 100
FIELD_MAX = 200


@dataclass(frozen=True)
class CounterpartyDraft:
    name: str
    credit_code: str  # 统一社会信用代码; for a party abroad, its registration number or ""
    ownership: str
    size: str
    region: str = "domestic"
    contact: str = ""  # person, phone, e-mail, address: free text


@dataclass(frozen=True)
class Counterparty:
    id: int
    draft: CounterpartyDraft
    created_at: str
    updated_at: str

    @property
    def name(self) -> str:
        return self.draft.name


def validate_counterparty(draft: CounterpartyDraft) -> CounterpartyDraft:
    name = draft.name.strip()
    if not name:
        raise ValidationError("name", "请填写合作方名称。")
    if len(name) > NAME_MAX:
        raise ValidationError("name", f"名称不能超过 {NAME_MAX} 个字。")
    if draft.region not in REGIONS:
        raise ValidationError("region", "请选择境内或境外。")
    if draft.region == "domestic":
        code = validate_credit_code(draft.credit_code)
    else:
        code = to_half_width(draft.credit_code).strip().upper()
        if len(code) > 64:
            raise ValidationError("credit_code", "登记号不能超过 64 个字符。")
    if draft.ownership not in OWNERSHIPS:
        raise ValidationError("ownership", "请选择所有制性质。")
    if draft.size not in SIZES:
        raise ValidationError("size", "请选择企业规模。")
    contact = draft.contact.strip()
    if len(contact) > FIELD_MAX:
        raise ValidationError("contact", f"联系方式不能超过 {FIELD_MAX} 个字。")
    return replace(draft, name=name, credit_code=code, contact=contact)
