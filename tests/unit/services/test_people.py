"""The people register: identity-card numbers, search, and people who left."""

from __future__ import annotations

import json

import pytest

from db import audit
from db.vault import Vault
from desktop.domain.accounts import User
from desktop.domain.people import PersonDraft, mask_id_number
from desktop.errors import ValidationError
from desktop.services.people import PeopleService
from tests.support import FixedClock

# A number with a correct GB 11643 check character (ISO 7064 MOD 11-2).
ID_NUMBER = "11010519491231002X"


@pytest.fixture
def service(unlocked: tuple[Vault, User], clock: FixedClock) -> PeopleService:
    return PeopleService(unlocked[0], now=clock)


def test_an_identity_number_is_checked_and_normalised(
    unlocked: tuple[Vault, User], service: PeopleService
) -> None:
    _, admin = unlocked
    person_id = service.add(
        admin, PersonDraft("张三", None, "研究员", "none", ID_NUMBER.lower(), " 024-1234 ")
    )
    (person,) = service.page(admin, 0, 10)
    assert (person.id, person.id_number, person.contact) == (person_id, ID_NUMBER, "024-1234")
    assert mask_id_number(person.id_number) == "1101**********002X"
    for bad in ("110105194912310021", "1101051949123", "11010519491331002X"):
        with pytest.raises(ValidationError) as raised:
            service.add(admin, PersonDraft("李四", None, "", "none", bad))
        assert raised.value.field == "id_number"


def test_search_finds_any_part_of_name_title_department_contact_or_number(
    unlocked: tuple[Vault, User], service: PeopleService
) -> None:
    _, admin = unlocked
    service.add(admin, PersonDraft("张三丰", None, "研究员", "none", ID_NUMBER, "zhang@lnu.edu.cn"))
    service.add(admin, PersonDraft("李四", None, "副教授", "deputy"))
    for text, names in (
        ("三丰", ["张三丰"]),
        ("教授", ["李四"]),
        ("lnu", ["张三丰"]),
        ("002x", ["张三丰"]),
        ("100%", []),  # LIKE wildcards are text
        ("张 研究", ["张三丰"]),
    ):
        assert [p.name for p in service.page(admin, 0, 10, text)] == names, text
        assert service.count(admin, text) == len(names)


def test_a_person_who_left_stays_but_is_not_offered_again(
    unlocked: tuple[Vault, User], service: PeopleService
) -> None:
    vault, admin = unlocked
    person_id = service.add(admin, PersonDraft("王五", None, "工程师", "none"))
    with pytest.raises(ValidationError) as raised:
        service.set_left(admin, person_id, True, " ")
    assert raised.value.field == "reason"
    service.set_left(admin, person_id, True, "调离")
    assert service.count(admin) == 1
    assert service.count(admin, active_only=True) == 0
    with pytest.raises(ValidationError, match="已标记为离开"):
        service.set_left(admin, person_id, True, "再次")
    service.set_left(admin, person_id, False)
    assert service.count(admin, active_only=True) == 1
    with vault.read() as conn:
        entries = audit.list_page(conn, offset=0, limit=2)
    assert [(e.action, e.reason) for e in entries] == [
        ("person.returned", None),
        ("person.left", "调离"),
    ]


def test_an_update_records_the_same_fields_before_and_after(
    unlocked: tuple[Vault, User], service: PeopleService
) -> None:
    vault, admin = unlocked
    person_id = service.add(admin, PersonDraft("赵六", None, "研究员", "none"))
    service.update(admin, person_id, PersonDraft("赵六", None, "教授", "none"))
    with vault.read() as conn:
        (entry,) = audit.list_page(conn, offset=0, limit=1)
    assert entry.before is not None and entry.after is not None
    assert json.loads(entry.before).keys() == json.loads(entry.after).keys()
