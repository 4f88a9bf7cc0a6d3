"""The unit (科研单位) profile: what it is and what makes it valid."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.domain.identifiers import validate_credit_code
from desktop.errors import ValidationError

UNIT_TYPES = ("university", "institute", "medical", "central_in_liaoning", "other")
NAME_MAX = 100


@dataclass(frozen=True)
class UnitProfile:
    name: str
    credit_code: str
    unit_type: str
    non_profit: bool
    departments: tuple[str, ...] = ()


def validate_profile(draft: UnitProfile) -> UnitProfile:
    """The normalised profile, or ValidationError at the first wrong field."""
    name = draft.name.strip()
    if not name:
        raise ValidationError("name", "请填写单位名称。")
    if len(name) > NAME_MAX:
        raise ValidationError("name", f"单位名称不能超过 {NAME_MAX} 个字。")
    code = validate_credit_code(draft.credit_code)
    if draft.unit_type not in UNIT_TYPES:
        raise ValidationError("unit_type", "请选择单位类型。")
    departments = normalise_departments(draft.departments)
    return UnitProfile(name, code, draft.unit_type, draft.non_profit, departments)


def normalise_departments(names: tuple[str, ...]) -> tuple[str, ...]:
    seen: list[str] = []
    for raw in names:
        name = raw.strip()
        if not name:
            continue
        if len(name) > NAME_MAX:
            raise ValidationError("departments", f"部门名称不能超过 {NAME_MAX} 个字：{name[:10]}…")
        if name in seen:
            raise ValidationError("departments", f"部门重复：{name}")
        seen.append(name)
    return tuple(seen)


def profile_snapshot(profile: UnitProfile) -> dict[str, object]:
    """The profile as the audit log records it."""
    return {
        "name": profile.name,
        "credit_code": profile.credit_code,
        "unit_type": profile.unit_type,
        "non_profit": profile.non_profit,
        "departments": list(profile.departments),
    }
