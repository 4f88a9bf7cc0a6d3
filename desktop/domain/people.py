"""People (科研人员和工作人员) as the registry records them."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from desktop.domain.identifiers import validate_id_number
from desktop.errors import ValidationError

LEADER_TYPES = ("none", "deputy", "principal")
CONTACT_MAX = 100


@dataclass(frozen=True)
class PersonDraft:
    name: str
    department_id: int | None
    title: str
    leader_type: str
    id_number: str = ""  # 居民身份证号, optional (GB 11643 check digit when given)
    contact: str = ""  # phone or e-mail, free text


def validate_person(draft: PersonDraft, *, today: date) -> PersonDraft:
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
    id_number = draft.id_number.strip()
    if id_number:
        id_number = validate_id_number(id_number, today=today)
    contact = draft.contact.strip()
    if len(contact) > CONTACT_MAX:
        raise ValidationError("contact", f"联系方式不能超过 {CONTACT_MAX} 个字。")
    return PersonDraft(name, draft.department_id, title, draft.leader_type, id_number, contact)


def mask_id_number(number: str) -> str:
    """For lists and printouts: region and check digit kept, birth date and serial hidden."""
    if len(number) != 18:
        return number
    return number[:4] + "*" * 10 + number[14:]


@dataclass(frozen=True)
class Person:
    id: int
    name: str
    department_id: int | None
    department: str
    title: str
    leader_type: str
    active: bool  # False: left the unit; kept because records refer to them
    id_number: str = ""
    contact: str = ""
