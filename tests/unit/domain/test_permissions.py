"""Roles, clearance and the permission matrix, including 三员分立 as a table of facts."""

from __future__ import annotations

import itertools
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.accounts import ADMIN_ROLES, CLEARANCES, ROLES, User, validate_roles
from desktop.domain.permissions import (
    ACTIONS,
    MATRIX,
    SYSTEM_ADMIN_CEILING,
    allowed,
    authorize,
    can_see,
    effective_clearance,
    require_level,
    require_other_person,
    roles_allowed,
    visible_levels,
)
from desktop.errors import PermissionDenied, ValidationError

CJK = re.compile(r"[\u4e00-\u9fff]")
NON_ADMIN_ROLES = tuple(r for r in ROLES if r not in ADMIN_ROLES)


def user(*roles: str, clearance: str = "internal", active: bool = True) -> User:
    return User("u-1", "li.si", "李四", roles, clearance, active)


# -- validate_roles ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    "roles",
    [
        *itertools.combinations(sorted(ADMIN_ROLES), 2),
        tuple(sorted(ADMIN_ROLES)),
        ("system_admin", "security_auditor", "transfer_officer"),
    ],
)
def test_never_two_of_the_three_administrators(roles: tuple[str, ...]) -> None:
    with pytest.raises(ValidationError, match="三员分立") as raised:
        validate_roles(roles)
    assert raised.value.field == "roles"


def test_the_three_administrator_rule_wins_over_the_one_role_rule() -> None:
    with pytest.raises(ValidationError, match="三员分立"):
        validate_roles(["secrecy_admin", "security_auditor"], several_allowed=False)


@pytest.mark.parametrize(
    "roles",
    [
        ("transfer_officer", "approver"),
        ("researcher", "transfer_officer", "approver"),
        ("system_admin", "researcher"),
        ("security_auditor", "approver"),
    ],
)
def test_several_roles_only_when_the_unit_allows_them(roles: tuple[str, ...]) -> None:
    assert set(validate_roles(roles, several_allowed=True)) == set(roles)
    with pytest.raises(ValidationError, match="只担任一个角色") as raised:
        validate_roles(roles, several_allowed=False)
    assert raised.value.field == "roles"


@pytest.mark.parametrize("role", ROLES)
def test_one_role_is_always_fine(role: str) -> None:
    assert validate_roles([role], several_allowed=False) == (role,)
    assert validate_roles([role, role], several_allowed=False) == (role,)


@pytest.mark.parametrize(
    ("roles", "named"),
    [
        (["root"], "root"),
        (["approver", "admin", "auditor"], "admin、auditor"),
        (["System_Admin"], "System_Admin"),
        ([""], "未知角色"),
    ],
)
def test_an_unknown_role_is_named(roles: list[str], named: str) -> None:
    with pytest.raises(ValidationError, match="未知角色") as raised:
        validate_roles(roles)
    assert named in raised.value.message
    assert raised.value.field == "roles"


def test_no_role_is_refused() -> None:
    with pytest.raises(ValidationError, match="请至少选择一个角色") as raised:
        validate_roles([])
    assert raised.value.field == "roles"


def test_roles_come_back_in_the_order_of_roles() -> None:
    assert validate_roles(["approver", "researcher", "transfer_officer", "approver"]) == (
        "transfer_officer",
        "researcher",
        "approver",
    )


@given(st.sets(st.sampled_from(ROLES)), st.booleans())
def test_validate_roles_accepts_exactly_the_allowed_sets(chosen: set[str], several: bool) -> None:
    ok = bool(chosen) and len(chosen & ADMIN_ROLES) <= 1 and (several or len(chosen) == 1)
    if ok:
        assert validate_roles(chosen, several_allowed=several) == tuple(
            r for r in ROLES if r in chosen
        )
    else:
        with pytest.raises(ValidationError) as raised:
            validate_roles(chosen, several_allowed=several)
        assert CJK.search(raised.value.message)


# -- clearance --------------------------------------------------------------------------------

# What a user of each clearance sees, written out rather than computed.
SEES = {
    "public": ("public",),
    "internal": ("public", "internal"),
    "secret": ("public", "internal", "secret"),
    "confidential": ("public", "internal", "secret", "confidential"),
    "top_secret": ("public", "internal", "secret", "confidential", "top_secret"),
}


def test_clearances_are_ordered_lowest_first() -> None:
    assert tuple(SEES) == CLEARANCES
    assert SYSTEM_ADMIN_CEILING == "internal"


# The system administrator's clearance → what they actually see up to.
SYSTEM_ADMIN_CAP = {
    "public": "public",
    "internal": "internal",
    "secret": "internal",
    "confidential": "internal",
    "top_secret": "internal",
}


@pytest.mark.parametrize(("clearance", "effective"), SYSTEM_ADMIN_CAP.items())
def test_the_system_administrator_is_capped_at_internal(clearance: str, effective: str) -> None:
    assert effective_clearance(user("system_admin", clearance=clearance)) == effective
    both = user("system_admin", "researcher", clearance=clearance)
    assert effective_clearance(both) == effective, "another role does not lift the cap"
    assert visible_levels(both) == SEES[effective]


@pytest.mark.parametrize("role", [r for r in ROLES if r != "system_admin"])
@pytest.mark.parametrize("clearance", CLEARANCES)
def test_other_roles_see_up_to_their_own_clearance(role: str, clearance: str) -> None:
    assert effective_clearance(user(role, clearance=clearance)) == clearance
    assert visible_levels(user(role, clearance=clearance)) == SEES[clearance]


@pytest.mark.parametrize("role", ["system_admin", "secrecy_admin", "researcher"])
@pytest.mark.parametrize(("clearance", "level"), list(itertools.product(CLEARANCES, CLEARANCES)))
def test_can_see_for_every_pair_of_levels(role: str, clearance: str, level: str) -> None:
    reader = user(role, clearance=clearance)
    effective = SYSTEM_ADMIN_CAP[clearance] if role == "system_admin" else clearance
    expected = level in SEES[effective]
    assert can_see(reader, level) is expected
    assert (level in visible_levels(reader)) is expected
    if expected:
        require_level(reader, level)
    else:
        with pytest.raises(PermissionDenied, match="密级高于您的涉密等级"):
            require_level(reader, level)


@pytest.mark.parametrize("level", ["", "绝密", "TOP_SECRET", "restricted"])
def test_an_unknown_level_is_a_validation_error(level: str) -> None:
    with pytest.raises(ValidationError, match="请选择密级") as raised:
        can_see(user("researcher"), level)
    assert raised.value.field == "level"


# -- authorize --------------------------------------------------------------------------------


def test_every_action_has_a_chinese_label_and_a_matrix_row_of_known_roles() -> None:
    assert MATRIX.keys() == ACTIONS.keys()
    for action, label in ACTIONS.items():
        assert CJK.search(label), action
        assert MATRIX[action], f"{action} is allowed to nobody"
        assert MATRIX[action] <= set(ROLES), action


REFUSALS = [(a, r) for a in ACTIONS for r in ROLES if r not in MATRIX[a]]
GRANTS = [(a, r) for a in ACTIONS for r in sorted(MATRIX[a])]


@pytest.mark.parametrize(("action", "role"), REFUSALS)
def test_a_refusal_is_chinese_and_names_the_action(action: str, role: str) -> None:
    assert allowed(user(role), action) is False
    with pytest.raises(PermissionDenied) as raised:
        authorize(user(role), action)
    assert raised.value.message == f"您的角色无权{ACTIONS[action]}。"


@pytest.mark.parametrize(("action", "role"), GRANTS)
def test_a_role_in_the_matrix_is_allowed(action: str, role: str) -> None:
    assert allowed(user(role), action) is True
    authorize(user(role), action)
    # One allowed role among others is enough.
    others = [r for r in NON_ADMIN_ROLES if r != role][:2]
    assert allowed(user(role, *others), action) is True
    assert roles_allowed(user(role, *others), action) == MATRIX[action] & {role, *others}


@pytest.mark.parametrize("action", ACTIONS)
@pytest.mark.parametrize("role", ROLES)
def test_a_disabled_user_is_refused_everything(action: str, role: str) -> None:
    disabled = user(role, clearance="top_secret", active=False)
    assert allowed(disabled, action) is False
    with pytest.raises(PermissionDenied, match="该账户已停用"):
        authorize(disabled, action)


def test_a_user_without_roles_is_refused() -> None:
    assert not any(allowed(user(), action) for action in ACTIONS)


def test_an_unknown_action_is_a_bug_not_a_refusal() -> None:
    with pytest.raises(KeyError):
        allowed(user("system_admin"), "unit.delete")
    with pytest.raises(KeyError):
        authorize(user("system_admin"), "unit.delete")


def test_nobody_decides_on_their_own_request() -> None:
    approver = user("approver")
    with pytest.raises(PermissionDenied, match="职责分离"):
        require_other_person(approver, approver.id)
    require_other_person(approver, "u-2")


# -- 三员分立 as a table ----------------------------------------------------------------------


def powers(role: str) -> set[str]:
    return {action for action, roles in MATRIX.items() if role in roles}


WRITE_SUFFIXES = (".edit", ".create", ".disable", ".delete", ".reset_passphrase", ".set_clearance")


def test_the_system_administrator_never_touches_the_audit_log() -> None:
    assert {a for a in powers("system_admin") if a.startswith("audit.")} == set()


def test_the_security_auditor_changes_nothing() -> None:
    assert {a for a in powers("security_auditor") if a.endswith(WRITE_SUFFIXES)} == set()


def test_only_the_secrecy_administrator_sets_clearance() -> None:
    assert MATRIX["user.set_clearance"] == {"secrecy_admin"}
    for role in ROLES:
        assert ("user.set_clearance" in powers(role)) is (role == "secrecy_admin")


@pytest.mark.parametrize(
    ("action", "holder"),
    [
        ("user.create", "system_admin"),
        ("user.edit", "system_admin"),
        ("user.disable", "system_admin"),
        ("user.reset_passphrase", "system_admin"),
        ("user.set_clearance", "secrecy_admin"),
        ("audit.export", "security_auditor"),
        ("audit.checkpoint", "security_auditor"),
    ],
)
def test_each_administrators_own_power_is_theirs_alone(action: str, holder: str) -> None:
    assert MATRIX[action] & ADMIN_ROLES == {holder}


def test_the_auditor_and_the_secrecy_administrator_watch_each_other() -> None:
    # The auditor reads the whole log; the secrecy administrator reads it too (the service
    # narrows that to the auditor's own entries), so neither is unobserved.
    assert {"audit.read", "audit.verify"} <= powers("security_auditor")
    assert {"audit.read", "audit.verify"} <= powers("secrecy_admin")


@pytest.mark.parametrize("role", NON_ADMIN_ROLES)
def test_ordinary_roles_hold_no_administrator_power(role: str) -> None:
    assert {a for a in powers(role) if a.startswith(("user.", "audit."))} == set()
