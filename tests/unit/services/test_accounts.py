"""AccountService over a real vault: 三员分立, one-time passphrases, key slots kept in step."""

from __future__ import annotations

import contextlib
import dataclasses
import itertools
import re
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from db import audit, keyslots, settings, users
from db.vault import Vault
from desktop.domain.accounts import ADMIN_ROLES, ROLES, User, UserDraft
from desktop.domain.audit import AuditEntry, AuditFilter
from desktop.domain.passphrase import ONE_TIME_ALPHABET
from desktop.errors import PermissionDenied, StorageError, ValidationError, WrongPassphrase
from desktop.services.accounts import AccountService, IssuedPassphrase
from desktop.services.session import SessionService
from tests.support import TEST_KDF, TEST_PASSPHRASE, FixedClock

CJK = re.compile(r"[\u4e00-\u9fff]")


# -- helpers ------------------------------------------------------------------------------------
@pytest.fixture
def vault(unlocked: tuple[Vault, User]) -> Vault:
    return unlocked[0]


@pytest.fixture
def admin(unlocked: tuple[Vault, User]) -> User:
    return unlocked[1]


@pytest.fixture
def service(vault: Vault, clock: FixedClock) -> AccountService:
    return AccountService(vault, now=clock, kdf=lambda: TEST_KDF)


def draft(login: str, *roles: str, clearance: str = "internal", name: str = "") -> UserDraft:
    return UserDraft(login, name or f"用户{login}", roles or ("researcher",), clearance)


def make(service: AccountService, admin: User, login: str, *roles: str) -> IssuedPassphrase:
    return service.create(admin, draft(login, *roles))


NEW_PASSPHRASE = "Shenyang-2026-zhuanhua"


def make_actor(
    service: AccountService, admin: User, vault: Vault, clock: FixedClock, login: str, *roles: str
) -> User:
    """A colleague who has replaced the one-time passphrase, as the lock screen makes them."""
    issued = make(service, admin, login, *roles)
    session = SessionService(vault, now=clock, kdf=lambda: TEST_KDF)
    return session.change_passphrase(issued.user, issued.passphrase, NEW_PASSPHRASE, NEW_PASSPHRASE)


class Snapshot:
    """What a refused call must leave exactly as it was: audit log, user rows, key slots."""

    def __init__(self, vault: Vault) -> None:
        with vault.read() as conn:
            self.audit_rows = audit.count(conn)
            self.users = users.list_all(conn)
            self.settings = settings.get(conn, "several_roles_allowed")
        self.keys = vault.keys_path.read_bytes()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Snapshot) and vars(self) == vars(other)

    def __repr__(self) -> str:
        return f"Snapshot(audit_rows={self.audit_rows}, users={len(self.users)})"


@contextlib.contextmanager
def writes_nothing(vault: Vault) -> Iterator[None]:
    before = Snapshot(vault)
    yield
    assert Snapshot(vault) == before


def entries(vault: Vault, object_id: str) -> list[AuditEntry]:
    """Newest first."""
    with vault.read() as conn:
        return audit.list_page(
            conn, offset=0, limit=100, where=AuditFilter(object_type="user", object_id=object_id)
        )


def stored(vault: Vault, user_id: str) -> User:
    with vault.read() as conn:
        user = users.get(conn, user_id)
    assert user is not None
    return user


def set_several_roles_allowed(vault: Vault, value: bool) -> None:
    with vault.transaction() as conn:
        settings.put(conn, "several_roles_allowed", value)


def relogin(vault: Vault, clock: FixedClock, user_id: str, passphrase: str) -> User:
    """Lock and unlock as ``user_id`` through the real session service."""
    vault.lock()
    return SessionService(vault, now=clock, kdf=lambda: TEST_KDF).unlock(user_id, passphrase)


def is_one_time(passphrase: str) -> bool:
    groups = passphrase.split("-")
    return len(groups) == 5 and all(
        len(g) == 4 and set(g) <= set(ONE_TIME_ALPHABET) for g in groups
    )


# -- listing ------------------------------------------------------------------------------------
def test_list_shows_every_account_sorted_by_login(service, admin) -> None:
    make(service, admin, "zhang")
    make(service, admin, "li")
    assert [u.login for u in service.list(admin)] == ["admin", "li", "zhang"]


def test_several_roles_allowed_follows_the_setting(service, admin, vault) -> None:
    assert service.several_roles_allowed(admin) is True
    set_several_roles_allowed(vault, False)
    assert service.several_roles_allowed(admin) is False


# -- create -------------------------------------------------------------------------------------
def test_created_user_unlocks_with_the_one_time_passphrase_and_must_change_it(
    service, admin, vault, clock
) -> None:
    issued = service.create(admin, UserDraft(" Zhang.San ", " 张三 ", ("researcher",), "public"))
    assert is_one_time(issued.passphrase)
    assert issued.user.login == "zhang.san"
    assert issued.user.display_name == "张三"
    assert issued.user.must_change_passphrase is True
    assert issued.user.active is True
    assert (issued.user.id, "zhang.san") in vault.logins()
    [created] = entries(vault, issued.user.id)
    assert (created.action, created.actor) == ("user.created", admin.id)
    assert issued.passphrase not in (created.after or "")

    user = relogin(vault, clock, issued.user.id, issued.passphrase)
    assert user.id == issued.user.id
    assert user.must_change_passphrase is True


def test_each_created_user_gets_a_different_passphrase(service, admin) -> None:
    first = make(service, admin, "zhang")
    second = make(service, admin, "li")
    assert first.passphrase != second.passphrase
    assert first.user.id != second.user.id


@pytest.mark.parametrize("login", ["admin", "ADMIN", " admin "])
def test_duplicate_login_is_refused_at_the_login_field(service, admin, vault, login) -> None:
    with writes_nothing(vault), pytest.raises(ValidationError) as caught:
        service.create(admin, draft(login))
    assert caught.value.field == "login"
    assert caught.value.message == "该登录名已被使用。"


@pytest.mark.parametrize(
    ("changes", "field"),
    [
        ({"login": "1abc"}, "login"),
        ({"login": "张三"}, "login"),
        ({"display_name": "  "}, "display_name"),
        ({"roles": ()}, "roles"),
        ({"clearance": "unknown"}, "clearance"),
    ],
)
def test_bad_drafts_are_refused_at_their_field(service, admin, vault, changes, field) -> None:
    values: dict[str, Any] = {
        "login": "zhang",
        "display_name": "张三",
        "roles": ("researcher",),
        "clearance": "public",
        **changes,
    }
    with writes_nothing(vault), pytest.raises(ValidationError) as caught:
        service.create(admin, UserDraft(**values))
    assert caught.value.field == field
    assert CJK.search(caught.value.message)


@pytest.mark.parametrize("clearance", ["secret", "confidential", "top_secret"])
def test_system_admin_cannot_give_a_clearance_above_internal(
    service, admin, vault, clearance
) -> None:
    with writes_nothing(vault), pytest.raises(ValidationError) as caught:
        service.create(admin, draft("zhang", clearance=clearance))
    assert caught.value.field == "clearance"
    assert "安全保密管理员" in caught.value.message


@pytest.mark.parametrize("clearance", ["public", "internal"])
def test_system_admin_may_give_public_or_internal(service, admin, clearance) -> None:
    assert service.create(admin, draft("zhang", clearance=clearance)).user.clearance == clearance


@pytest.mark.parametrize("pair", list(itertools.combinations(sorted(ADMIN_ROLES), 2)))
def test_two_of_the_three_administrator_roles_are_refused(service, admin, vault, pair) -> None:
    with writes_nothing(vault), pytest.raises(ValidationError) as caught:
        service.create(admin, draft("zhang", *pair))
    assert caught.value.field == "roles"
    assert "三员分立" in caught.value.message


def test_several_roles_refused_when_the_unit_allows_only_one(service, admin, vault) -> None:
    assert make(service, admin, "li", "researcher", "transfer_officer").user.roles == (
        "transfer_officer",
        "researcher",
    )
    set_several_roles_allowed(vault, False)
    with writes_nothing(vault), pytest.raises(ValidationError) as caught:
        make(service, admin, "zhang", "researcher", "transfer_officer")
    assert caught.value.field == "roles"
    assert caught.value.message == "本单位规定每个账户只担任一个角色。"
    assert make(service, admin, "wang", "approver").user.roles == ("approver",)


# -- set_roles ----------------------------------------------------------------------------------
def test_set_roles_changes_the_roles_and_records_before_and_after(service, admin, vault) -> None:
    target = make(service, admin, "zhang", "researcher").user
    after = service.set_roles(admin, target.id, ("approver", "researcher"))
    assert after.roles == ("researcher", "approver")
    assert stored(vault, target.id).roles == ("researcher", "approver")
    newest = entries(vault, target.id)[0]
    assert newest.action == "user.roles_changed"
    assert '"roles":["researcher"]' in (newest.before or "")
    assert '"roles":["researcher","approver"]' in (newest.after or "")


@pytest.mark.parametrize("several", [True, False])
def test_set_roles_accepts_exactly_the_valid_role_sets(service, admin, vault, several) -> None:
    """Every subset of the six roles, against the rule written out independently."""
    target = make(service, admin, "zhang").user
    set_several_roles_allowed(vault, several)
    for size in range(len(ROLES) + 1):
        for chosen in itertools.combinations(ROLES, size):
            valid = (
                len(chosen) >= 1
                and len(set(chosen) & ADMIN_ROLES) <= 1
                and (several or len(chosen) == 1)
            )
            if valid:
                assert service.set_roles(admin, target.id, chosen).roles == chosen
            else:
                with writes_nothing(vault), pytest.raises(ValidationError) as caught:
                    service.set_roles(admin, target.id, chosen)
                assert caught.value.field == "roles"


def test_unknown_role_is_refused(service, admin, vault) -> None:
    target = make(service, admin, "zhang").user
    with writes_nothing(vault), pytest.raises(ValidationError, match="未知角色"):
        service.set_roles(admin, target.id, ("superuser",))


def test_the_last_active_system_admin_can_neither_be_disabled_nor_lose_the_role(
    service, admin, vault, clock
) -> None:
    """The matrix makes this unreachable for a current actor (only another active system
    administrator may act, and then the target is not the last one); the service checks the
    rows anyway, so an actor whose rights were taken away meanwhile cannot remove the last one."""
    second = make_actor(service, admin, vault, clock, "li", "system_admin")
    # li takes the role away from the first administrator; ``admin`` is now out of date.
    service.set_roles(second, admin.id, ("researcher",))
    assert "system_admin" not in stored(vault, admin.id).roles

    with writes_nothing(vault), pytest.raises(ValidationError) as caught:
        service.set_roles(admin, second.id, ("researcher",))
    assert (caught.value.field, caught.value.message) == (
        "roles",
        "至少须保留一名在用的系统管理员。",
    )
    with writes_nothing(vault), pytest.raises(ValidationError) as caught:
        service.disable(admin, second.id, "调离")
    assert caught.value.message == "至少须保留一名在用的系统管理员。"
    # Keeping the role while changing others is fine.
    assert service.set_roles(admin, second.id, ("system_admin",)).roles == ("system_admin",)


def test_a_system_admin_may_be_disabled_while_another_remains(service, admin, vault) -> None:
    second = make(service, admin, "li", "system_admin").user
    assert service.disable(admin, second.id, "调离").active is False
    assert service.set_roles(admin, second.id, ("researcher",)).roles == ("researcher",)


# -- disable / enable / reset -------------------------------------------------------------------
def test_disable_removes_the_key_slot_and_keeps_the_history(service, admin, vault, clock) -> None:
    issued = make(service, admin, "zhang")
    user_id = issued.user.id
    after = service.disable(admin, user_id, "  离职  ")
    assert after.active is False
    assert user_id not in dict(vault.logins())
    assert vault.read_slots().passphrase_slot(user_id) is None
    history = entries(vault, user_id)
    assert [e.action for e in history] == ["user.disabled", "user.created"]
    assert history[0].reason == "离职"
    assert stored(vault, user_id).login == "zhang"  # the row stays for the record

    vault.lock()
    with pytest.raises(StorageError, match="没有密钥槽"):
        vault.unlock_with_passphrase(user_id, issued.passphrase)
    # Everyone else still gets in.
    assert relogin(vault, clock, admin.id, TEST_PASSPHRASE).id == admin.id


def test_disable_needs_a_reason(service, admin, vault) -> None:
    target = make(service, admin, "zhang").user
    with writes_nothing(vault), pytest.raises(ValidationError) as caught:
        service.disable(admin, target.id, "   ")
    assert caught.value.field == "reason"


def test_disabling_twice_is_refused(service, admin, vault) -> None:
    target = make(service, admin, "zhang").user
    service.disable(admin, target.id, "离职")
    with writes_nothing(vault), pytest.raises(ValidationError, match="已经停用"):
        service.disable(admin, target.id, "离职")


def test_enable_issues_a_new_passphrase_that_works(service, admin, vault, clock) -> None:
    issued = make(service, admin, "zhang")
    service.disable(admin, issued.user.id, "借调")
    enabled = service.enable(admin, issued.user.id)
    assert enabled.user.active is True
    assert enabled.user.must_change_passphrase is True
    assert is_one_time(enabled.passphrase)
    assert enabled.passphrase != issued.passphrase
    assert entries(vault, issued.user.id)[0].action == "user.enabled"

    vault.lock()
    with pytest.raises(WrongPassphrase):
        vault.unlock_with_passphrase(issued.user.id, issued.passphrase)
    user = relogin(vault, clock, issued.user.id, enabled.passphrase)
    assert (user.id, user.active, user.must_change_passphrase) == (issued.user.id, True, True)


def test_enabling_an_active_account_is_refused(service, admin, vault) -> None:
    target = make(service, admin, "zhang").user
    with writes_nothing(vault), pytest.raises(ValidationError, match="未停用"):
        service.enable(admin, target.id)


def test_reset_replaces_the_passphrase(service, admin, vault, clock) -> None:
    issued = make(service, admin, "zhang")
    reset = service.reset_passphrase(admin, issued.user.id)
    assert reset.passphrase != issued.passphrase
    assert reset.user.must_change_passphrase is True
    assert entries(vault, issued.user.id)[0].action == "user.passphrase_reset"
    vault.lock()
    with pytest.raises(WrongPassphrase):
        vault.unlock_with_passphrase(issued.user.id, issued.passphrase)
    assert relogin(vault, clock, issued.user.id, reset.passphrase).id == issued.user.id


def test_reset_of_a_disabled_account_is_refused(service, admin, vault) -> None:
    target = make(service, admin, "zhang").user
    service.disable(admin, target.id, "离职")
    with writes_nothing(vault), pytest.raises(PermissionDenied, match="请先启用"):
        service.reset_passphrase(admin, target.id)
    assert vault.read_slots().passphrase_slot(target.id) is None


def test_unknown_account_is_refused(service, admin, vault) -> None:
    with writes_nothing(vault), pytest.raises(ValidationError, match="不存在"):
        service.disable(admin, "no-such-id", "离职")


# -- set_clearance ------------------------------------------------------------------------------
@pytest.fixture
def secrecy(service: AccountService, admin: User, vault: Vault, clock: FixedClock) -> User:
    return make_actor(service, admin, vault, clock, "baomi", "secrecy_admin")


def test_secrecy_admin_sets_a_clearance_with_its_reason_on_record(
    service, admin, vault, secrecy
) -> None:
    target = make(service, admin, "zhang").user
    after = service.set_clearance(secrecy, target.id, "secret", "  保密委〔2026〕3号  ")
    assert after.clearance == "secret"
    assert stored(vault, target.id).clearance == "secret"
    newest = entries(vault, target.id)[0]
    assert (newest.action, newest.actor) == ("user.clearance_changed", secrecy.id)
    assert newest.reason == "保密委〔2026〕3号"
    assert '"clearance":"internal"' in (newest.before or "")
    assert '"clearance":"secret"' in (newest.after or "")


def test_set_clearance_needs_a_reason(service, admin, vault, secrecy) -> None:
    target = make(service, admin, "zhang").user
    with writes_nothing(vault), pytest.raises(ValidationError) as caught:
        service.set_clearance(secrecy, target.id, "secret", " \n ")
    assert caught.value.field == "reason"
    assert "依据" in caught.value.message


def test_set_clearance_refuses_an_unknown_level(service, admin, vault, secrecy) -> None:
    target = make(service, admin, "zhang").user
    with writes_nothing(vault), pytest.raises(ValidationError) as caught:
        service.set_clearance(secrecy, target.id, "ultra", "依据")
    assert caught.value.field == "clearance"


def test_set_clearance_needs_the_secrecy_admin(service, admin, vault) -> None:
    target = make(service, admin, "zhang").user
    with writes_nothing(vault), pytest.raises(PermissionDenied) as caught:
        service.set_clearance(admin, target.id, "secret", "依据")
    assert caught.value.message == "您的角色无权设定账户密级。"


# -- refusals: nobody changes themselves, roles outside the matrix change nothing ---------------
Call = Callable[[AccountService, User, str], object]
SELF_CALLS: dict[str, Call] = {
    "set_roles": lambda s, actor, uid: s.set_roles(actor, uid, ("researcher",)),
    "disable": lambda s, actor, uid: s.disable(actor, uid, "离职"),
    "enable": lambda s, actor, uid: s.enable(actor, uid),
    "reset_passphrase": lambda s, actor, uid: s.reset_passphrase(actor, uid),
}


@pytest.mark.parametrize("call", SELF_CALLS.values(), ids=SELF_CALLS.keys())
def test_a_system_admin_cannot_change_themselves(service, admin, vault, call) -> None:
    make(service, admin, "li", "system_admin")  # so the last-admin rule is not what refuses
    with writes_nothing(vault), pytest.raises(PermissionDenied) as caught:
        call(service, admin, admin.id)
    assert CJK.search(caught.value.message)


def test_a_secrecy_admin_cannot_set_their_own_clearance(service, vault, secrecy) -> None:
    with writes_nothing(vault), pytest.raises(PermissionDenied) as caught:
        service.set_clearance(secrecy, secrecy.id, "secret", "依据")
    assert CJK.search(caught.value.message)


ALL_CALLS: dict[str, Call] = {
    "create": lambda s, actor, _uid: s.create(actor, draft("newcomer")),
    **SELF_CALLS,
    "set_clearance": lambda s, actor, uid: s.set_clearance(actor, uid, "secret", "依据"),
    "list": lambda s, actor, _uid: s.list(actor),
    "several_roles_allowed": lambda s, actor, _uid: s.several_roles_allowed(actor),
}
# (role, calls it may make); every other call must be refused.
MAY = {
    "system_admin": {
        "create",
        "set_roles",
        "disable",
        "enable",
        "reset_passphrase",
        "list",
        "several_roles_allowed",
    },
    "secrecy_admin": {"set_clearance", "list", "several_roles_allowed"},
    "security_auditor": {"list", "several_roles_allowed"},
    "transfer_officer": set(),
    "researcher": set(),
    "approver": set(),
}
REFUSED = [(role, name) for role in ROLES for name in ALL_CALLS if name not in MAY[role]]


@pytest.mark.parametrize(("role", "name"), REFUSED)
def test_refused_calls_raise_permission_denied_and_write_nothing(
    service, admin, vault, clock, role, name
) -> None:
    actor = make_actor(service, admin, vault, clock, f"actor.{role}".replace("_", "-"), role)
    target = make(service, admin, "target").user
    with writes_nothing(vault), pytest.raises(PermissionDenied) as caught:
        ALL_CALLS[name](service, actor, target.id)
    assert CJK.search(caught.value.message)
    assert caught.value.message.startswith("您的角色无权")


@pytest.mark.parametrize("name", sorted(MAY["system_admin"]))
def test_a_disabled_actor_is_refused_everything(service, admin, vault, name) -> None:
    target = make(service, admin, "target").user
    stale = dataclasses.replace(admin, active=False)
    with writes_nothing(vault), pytest.raises(PermissionDenied) as caught:
        ALL_CALLS[name](service, stale, target.id)
    assert caught.value.message == "该账户已停用。"


ALLOWED = [(role, name) for role in ROLES for name in sorted(MAY[role])]


@pytest.mark.parametrize(("role", "name"), ALLOWED)
def test_the_roles_allowed_may_make_the_same_calls(
    service, admin, vault, clock, role, name
) -> None:
    """The other half of the matrix, so the refusals above are not refusing everything."""
    actor = make_actor(service, admin, vault, clock, f"actor.{role}".replace("_", "-"), role)
    target = make(service, admin, "target").user
    if name == "enable":
        service.disable(admin, target.id, "借调")
    ALL_CALLS[name](service, actor, target.id)


@pytest.mark.parametrize("name", sorted(MAY["system_admin"]))
def test_an_actor_still_on_the_one_time_passphrase_is_refused(service, admin, vault, name) -> None:
    fresh = make(service, admin, "li", "system_admin").user
    target = make(service, admin, "target").user
    if name == "enable":
        service.disable(admin, target.id, "借调")
    with writes_nothing(vault), pytest.raises(PermissionDenied, match="一次性口令"):
        ALL_CALLS[name](service, fresh, target.id)


# -- key-slot writes that fail ------------------------------------------------------------------
@pytest.fixture
def fail_slot_write(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], list[int]]:
    """``fail_slot_write(n)``: the n-th call of keyslots.write from now on raises StorageError
    (before touching the file); returns the list of call numbers seen, for the test to check."""

    def arm(n: int) -> list[int]:
        real = keyslots.write
        calls: list[int] = []

        def write(path, file):
            calls.append(len(calls) + 1)
            if len(calls) == n:
                raise StorageError("磁盘已满，本次修改未保存。")
            real(path, file)

        monkeypatch.setattr(keyslots, "write", write)
        return calls

    return arm


def test_create_with_a_failing_slot_write_leaves_no_user(
    service, admin, vault, fail_slot_write
) -> None:
    calls = fail_slot_write(1)
    with writes_nothing(vault), pytest.raises(StorageError):
        service.create(admin, draft("zhang"))
    assert calls  # the failure really came from the slot write
    assert "zhang" not in [login for _, login in vault.logins()]


def test_create_whose_commit_fails_takes_the_new_slot_away(
    service, admin, vault, monkeypatch
) -> None:
    """The slot is written inside the transaction; a failing commit must remove it again."""
    real = vault.transaction

    @contextlib.contextmanager
    def failing_commit():
        with real() as conn:
            yield conn
            raise StorageError("磁盘已满，本次修改未保存。")

    monkeypatch.setattr(vault, "transaction", failing_commit)
    with writes_nothing(vault), pytest.raises(StorageError):
        service.create(admin, draft("zhang"))


def test_reset_with_a_failing_slot_write_keeps_the_old_passphrase(
    service, admin, vault, clock, fail_slot_write
) -> None:
    issued = make(service, admin, "zhang")
    calls = fail_slot_write(1)
    with writes_nothing(vault), pytest.raises(StorageError):
        service.reset_passphrase(admin, issued.user.id)
    assert calls
    assert relogin(vault, clock, issued.user.id, issued.passphrase).id == issued.user.id


def test_disable_with_a_failing_slot_write_keeps_the_account(
    service, admin, vault, clock, fail_slot_write
) -> None:
    issued = make(service, admin, "zhang")
    fail_slot_write(1)
    with writes_nothing(vault), pytest.raises(StorageError):
        service.disable(admin, issued.user.id, "离职")
    assert stored(vault, issued.user.id).active is True
    assert relogin(vault, clock, issued.user.id, issued.passphrase).id == issued.user.id


def test_enable_with_a_failing_slot_write_stays_disabled(
    service, admin, vault, fail_slot_write
) -> None:
    target = make(service, admin, "zhang").user
    service.disable(admin, target.id, "借调")
    fail_slot_write(1)
    with writes_nothing(vault), pytest.raises(StorageError):
        service.enable(admin, target.id)
    assert stored(vault, target.id).active is False
    assert vault.read_slots().passphrase_slot(target.id) is None


def test_rows_and_slots_agree_after_many_operations(service, admin, vault, clock) -> None:
    """Active accounts are exactly the accounts with a key slot."""
    a = make(service, admin, "zhang").user
    b = make(service, admin, "li").user
    make(service, admin, "wang")
    service.disable(admin, a.id, "离职")
    service.disable(admin, b.id, "离职")
    service.enable(admin, b.id)
    service.reset_passphrase(admin, b.id)
    active = {u.id for u in service.list(admin) if u.active}
    assert active == {uid for uid, _ in vault.logins()}
    assert len(active) == 3
