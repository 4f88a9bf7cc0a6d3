"""People (科研人员和工作人员) as the registry records them."""

from __future__ import annotations

from dataclasses import dataclass

from desktop.errors import ValidationError

LEADER_TYPES = ("none", "deputy", "principal")


@dataclass(frozen=True)
class PersonDraft:
    name: str
    department_id: int | None
    title: str
    leader_type: str


def validate_person(draft: PersonDraft) -> PersonDraft:
    name = draft.name.strip()
    if not name:
        raise ValidationError("name", "请填写姓名。")
    if len(name) > 50:
        raise ValidationError("name", "姓名不能超过 50 个字。")
    title = draft.title.strip()
    if len(title) > 50:
        raise ValidationError("title", "职称不能超过 50 个字。")
    if draft.leader_type not in LEADER_TYPES:
        raise ValidationError("leader_type", "请选择领导职务类型。")
    return PersonDraft(name, draft.department_id, title, draft.leader_type)


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    department_id: int | None
    department: str
    title: str
    leader_type: str
    active: bool
