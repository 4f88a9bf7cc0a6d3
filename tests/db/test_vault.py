"""The vault's life cycle on a real SQLCipher file: create, unlock, lock, key slots, damage."""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest
import sqlalchemy.exc
import sqlcipher3
from sqlalchemy import Connection, select, text

from db import connection, keyslots
from db.schema import metadata, people, settings
from db.vault import Vault, keys_path_for
from desktop.domain import recovery_code
from desktop.domain.accounts import User
from desktop.domain.people import PersonDraft
from desktop.errors import AppError, StorageError, WrongPassphrase
from desktop.services.people import PeopleService
from desktop.services.setup import SetupService
from tests.conftest import TEST_KDF, TEST_PASSPHRASE, FixedClock, first_run_draft

SQLITE_MAGIC = b"SQLite format 3\x00"
NEW_PASSPHRASE = "Shenyang-2026-zhuanhua"
PAGE = 4096


def _sha256(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def _folder_names(folder: Path) -> set[str]:
    return {p.name for p in folder.iterdir()}


def _new_vault(path: Path, clock: FixedClock) -> tuple[Vault, str]:
    vault = Vault(path)
    created = SetupService(vault, now=clock, kdf=lambda: TEST_KDF, randbytes=os.urandom).create(
        first_run_draft()
    )
    return vault, created.admin_id


def _all_rows(conn: Connection) -> dict[str, list[tuple[object, ...]]]:
    rows = {
        table.name: [
            tuple(r) for r in conn.execute(select(table).order_by(*table.primary_key.columns))
        ]
        for table in metadata.sorted_tables
    }
    version = conn.execute(text("SELECT * FROM alembic_version"))
    rows["alembic_version"] = [tuple(r) for r in version]
    return rows


# -- creation ---------------------------------------------------------------------------------


def test_create_writes_an_encrypted_database_and_a_key_slot_file(
    created_vault: tuple[Vault, str, str],
) -> None:
    vault, _, _ = created_vault
    assert _folder_names(vault.db_path.parent) == {"vault.db", "vault.db.keys"}
    assert vault.keys_path == keys_path_for(vault.db_path)
    header = vault.db_path.read_bytes()[:16]
    assert header != SQLITE_MAGIC
    assert not header.startswith(b"SQLite")
    assert not vault.is_unlocked


def test_key_slot_file_starts_with_magic_and_version(
    created_vault: tuple[Vault, str, str],
) -> None:
    vault, _, _ = created_vault
    assert vault.keys_path.read_bytes().startswith(b"TDKEYSLOTS 1\n")


def test_key_slot_file_lists_the_admin_login_and_a_recovery_slot(
    created_vault: tuple[Vault, str, str],
) -> None:
    vault, admin_id, _ = created_vault
    assert vault.logins() == [(admin_id, "admin")]
    assert vault.read_slots().recovery_slot() is not None


def test_create_over_an_existing_vault_is_refused(
    created_vault: tuple[Vault, str, str], clock: FixedClock
) -> None:
    vault, _, _ = created_vault
    before = _sha256(vault.db_path), _sha256(vault.keys_path)
    with pytest.raises(StorageError):
        _new_vault(vault.db_path, clock)
    assert (_sha256(vault.db_path), _sha256(vault.keys_path)) == before


def _create_with(vault: Vault, initialize: Callable[[Connection], None]) -> None:
    vault.create(
        user_id="11111111-1111-4111-8111-111111111111",
        login="admin",
        passphrase=TEST_PASSPHRASE,
        recovery_secret=b"r" * 20,
        kdf=TEST_KDF,
        initialize=initialize,
    )


def test_failed_initialize_leaves_no_files_and_creation_can_be_retried(
    vault_path: Path, clock: FixedClock
) -> None:
    def initialize(conn: Connection) -> None:
        conn.execute(text("INSERT INTO departments (name, active) VALUES ('科技处', 1)"))
        raise RuntimeError("disk pulled halfway")

    vault = Vault(vault_path)
    with pytest.raises(RuntimeError):
        _create_with(vault, initialize)
    assert _folder_names(vault_path.parent) == set()
    assert not vault.exists()

    vault, admin_id = _new_vault(vault_path, clock)
    vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)
    with vault.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM departments")).scalar_one() == 2
    vault.lock()


def test_failed_key_slot_write_leaves_no_files(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def failing_write(path: Path, file: keyslots.KeySlotFile) -> None:
        raise StorageError(f"无法写入文件 {path}：No space left on device")

    monkeypatch.setattr(keyslots, "write", failing_write)
    with pytest.raises(StorageError):
        _create_with(Vault(vault_path), lambda conn: None)
    assert _folder_names(vault_path.parent) == set()


def test_failed_final_rename_leaves_no_files(
    vault_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_replace = os.replace

    def replace(src: str | os.PathLike[str], dst: str | os.PathLike[str]) -> None:
        if str(src).endswith(".creating"):
            raise OSError(28, "No space left on device")
        real_replace(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        _create_with(Vault(vault_path), lambda conn: None)
    assert _folder_names(vault_path.parent) == set()


# -- unlock -----------------------------------------------------------------------------------


def test_unlock_with_the_right_passphrase_reads_the_vault(
    created_vault: tuple[Vault, str, str],
) -> None:
    vault, admin_id, _ = created_vault
    vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)
    assert vault.is_unlocked
    with vault.read() as conn:
        assert conn.execute(text("SELECT login FROM users")).scalars().all() == ["admin"]
        stored_id = conn.execute(select(settings.c.value).where(settings.c.key == "vault_id"))
        assert stored_id.scalar_one() == f'"{vault.vault_id}"'


def test_wrong_passphrase_raises_and_prints_nothing(
    created_vault: tuple[Vault, str, str], capfd: pytest.CaptureFixture[str]
) -> None:
    vault, admin_id, _ = created_vault
    capfd.readouterr()
    with pytest.raises(WrongPassphrase):
        vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE + "x")
    out, err = capfd.readouterr()
    assert (out, err) == ("", "")
    assert not vault.is_unlocked


def test_wrong_raw_key_raises_storage_error_and_sqlcipher_prints_nothing(
    created_vault: tuple[Vault, str, str], capfd: pytest.CaptureFixture[str]
) -> None:
    vault, _, _ = created_vault
    # SQLCipher's log level is process-wide; make it loud so connect() must silence it.
    loud = sqlcipher3.connect(":memory:")
    loud.execute("PRAGMA cipher_log_level = WARN")
    loud.close()
    capfd.readouterr()
    with pytest.raises(StorageError, match="数据库文件"):
        connection.connect(vault.db_path, os.urandom(32))
    out, err = capfd.readouterr()
    assert "hmac" not in (out + err).lower()
    assert "ERROR" not in out + err
    assert (out, err) == ("", "")


def test_unknown_user_cannot_unlock(created_vault: tuple[Vault, str, str]) -> None:
    vault, _, _ = created_vault
    with pytest.raises(StorageError):
        vault.unlock_with_passphrase("no-such-user", TEST_PASSPHRASE)


def test_unlock_with_the_recovery_code(created_vault: tuple[Vault, str, str]) -> None:
    vault, _, code = created_vault
    vault.unlock_with_recovery(recovery_code.parse_code(code))
    with vault.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM users")).scalar_one() == 1


def test_wrong_recovery_code_raises_wrong_passphrase(
    created_vault: tuple[Vault, str, str],
) -> None:
    vault, _, _ = created_vault
    with pytest.raises(WrongPassphrase):
        vault.unlock_with_recovery(b"\x00" * 20)


# -- lock -------------------------------------------------------------------------------------


def test_lock_makes_transactions_and_reads_fail(unlocked: tuple[Vault, User]) -> None:
    vault, _ = unlocked
    vault.lock()
    assert not vault.is_unlocked
    with pytest.raises(StorageError), vault.transaction():
        pass
    with pytest.raises(StorageError), vault.read():
        pass
    with pytest.raises(StorageError):
        vault.backup_to(vault.db_path.with_name("copy.db"))


def test_lock_forgets_the_key(unlocked: tuple[Vault, User]) -> None:
    vault, _ = unlocked
    key = vault._key  # the bytearray the vault held
    assert key is not None
    vault.lock()
    assert vault._key is None
    assert bytes(key) == b"\x00" * 32


def test_lock_checkpoints_the_wal(unlocked: tuple[Vault, User], clock: FixedClock) -> None:
    vault, user = unlocked
    PeopleService(vault, now=clock).add(user, PersonDraft("张三", None, "教授", "none"))
    vault.lock()
    # No -wal or -shm left; the failed-login record written at unlock stays beside the vault.
    assert _folder_names(vault.db_path.parent) == {"vault.db", "vault.db.keys", "vault.db.throttle"}


# -- passphrases ------------------------------------------------------------------------------


def test_change_passphrase_does_not_touch_the_database_file(
    created_vault: tuple[Vault, str, str],
) -> None:
    vault, admin_id, _ = created_vault
    vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)
    vault.lock()
    before = vault.db_path.read_bytes()
    keys_before = vault.keys_path.read_bytes()

    vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)
    vault.change_passphrase(admin_id, TEST_PASSPHRASE, NEW_PASSPHRASE, TEST_KDF)
    vault.lock()

    assert vault.db_path.read_bytes() == before
    assert vault.keys_path.read_bytes() != keys_before
    with pytest.raises(WrongPassphrase):
        vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)
    vault.unlock_with_passphrase(admin_id, NEW_PASSPHRASE)
    assert vault.is_unlocked


def test_change_passphrase_keeps_the_recovery_slot(created_vault: tuple[Vault, str, str]) -> None:
    vault, admin_id, code = created_vault
    vault.change_passphrase(admin_id, TEST_PASSPHRASE, NEW_PASSPHRASE, TEST_KDF)
    vault.unlock_with_recovery(recovery_code.parse_code(code))
    assert vault.is_unlocked


def test_change_passphrase_with_the_wrong_old_one_changes_nothing(
    created_vault: tuple[Vault, str, str],
) -> None:
    vault, admin_id, _ = created_vault
    keys_before = vault.keys_path.read_bytes()
    with pytest.raises(WrongPassphrase):
        vault.change_passphrase(admin_id, "not-the-passphrase", NEW_PASSPHRASE, TEST_KDF)
    assert vault.keys_path.read_bytes() == keys_before


def test_set_passphrase_needs_the_vault_unlocked(created_vault: tuple[Vault, str, str]) -> None:
    vault, admin_id, _ = created_vault
    with pytest.raises(StorageError):
        vault.set_passphrase(admin_id, "admin", NEW_PASSPHRASE, TEST_KDF)


def test_set_passphrase_after_recovery_replaces_the_slot(
    created_vault: tuple[Vault, str, str],
) -> None:
    vault, admin_id, code = created_vault
    vault.unlock_with_recovery(recovery_code.parse_code(code))
    vault.set_passphrase(admin_id, "admin", NEW_PASSPHRASE, TEST_KDF)
    vault.lock()
    assert vault.logins() == [(admin_id, "admin")]
    with pytest.raises(WrongPassphrase):
        vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)
    vault.unlock_with_passphrase(admin_id, NEW_PASSPHRASE)


# -- damaged key-slot files -------------------------------------------------------------------


@pytest.mark.parametrize(
    "damage",
    [
        pytest.param(lambda raw: raw[: len(raw) // 2], id="truncated"),
        pytest.param(lambda raw: raw[:5], id="truncated-in-magic"),
        pytest.param(lambda raw: b"", id="empty"),
        pytest.param(lambda raw: os.urandom(len(raw)), id="garbage"),
        pytest.param(lambda raw: b"KEEPASS 1\n" + raw.partition(b"\n")[2], id="wrong-magic"),
        pytest.param(lambda raw: raw.replace(b"TDKEYSLOTS 1", b"TDKEYSLOTS 9"), id="version"),
        pytest.param(lambda raw: raw.replace(b'"slots"', b'"slotz"'), id="missing-field"),
    ],
)
def test_damaged_key_slot_file_raises_storage_error_naming_it(
    created_vault: tuple[Vault, str, str], damage: Callable[[bytes], bytes]
) -> None:
    vault, admin_id, _ = created_vault
    vault.keys_path.write_bytes(damage(vault.keys_path.read_bytes()))
    for attempt in (
        lambda: vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE),
        vault.logins,
    ):
        with pytest.raises(StorageError, match="密钥槽文件"):
            attempt()
    assert not vault.is_unlocked


def test_missing_key_slot_file_raises_storage_error_naming_it(
    created_vault: tuple[Vault, str, str],
) -> None:
    vault, admin_id, _ = created_vault
    vault.keys_path.unlink()
    with pytest.raises(StorageError, match="密钥槽文件"):
        vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)


def test_key_slot_file_of_another_vault_is_refused(
    created_vault: tuple[Vault, str, str], tmp_path: Path, clock: FixedClock
) -> None:
    vault, admin_id, _ = created_vault
    other, other_admin = _new_vault(tmp_path / "other" / "vault.db", clock)
    shutil.copyfile(other.keys_path, vault.keys_path)
    vault_fresh = Vault(vault.db_path)
    with pytest.raises(StorageError, match="数据库文件"):
        vault_fresh.unlock_with_passphrase(other_admin, TEST_PASSPHRASE)
    with pytest.raises(StorageError):
        vault_fresh.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)
    assert not vault_fresh.is_unlocked


# -- damaged database -------------------------------------------------------------------------


def _flip(path: Path, offset: int) -> None:
    raw = bytearray(path.read_bytes())
    raw[offset] ^= 0x40
    path.write_bytes(bytes(raw))


def _unlock_or_find_damage(vault: Vault, admin_id: str) -> None:
    """A damaged file must either refuse to unlock, naming the database file, or unlock
    and then fail its integrity check; never any other exception."""
    try:
        vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)
    except StorageError as e:
        assert "数据库文件" in e.message
        assert not vault.is_unlocked
        return
    try:
        assert vault.integrity_problems() != []
    finally:
        vault.lock()


def test_damage_in_page_one_refuses_to_unlock(created_vault: tuple[Vault, str, str]) -> None:
    vault, admin_id, _ = created_vault
    _flip(vault.db_path, 2000)
    with pytest.raises(StorageError, match="数据库文件"):
        vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)


def test_damage_in_the_salt_refuses_to_unlock(created_vault: tuple[Vault, str, str]) -> None:
    vault, admin_id, _ = created_vault
    _flip(vault.db_path, 3)
    with pytest.raises(StorageError, match="数据库文件"):
        vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)


@pytest.mark.parametrize(
    "where",
    [
        pytest.param(lambda pages: 1, id="second-page"),
        pytest.param(lambda pages: pages // 2, id="middle-page"),
        pytest.param(lambda pages: pages - 1, id="last-page"),
    ],
)
def test_damage_in_a_later_page_is_caught(
    created_vault: tuple[Vault, str, str], where: Callable[[int], int]
) -> None:
    vault, admin_id, _ = created_vault
    pages = vault.db_path.stat().st_size // PAGE
    assert pages >= 4
    _flip(vault.db_path, where(pages) * PAGE + 2000)
    _unlock_or_find_damage(vault, admin_id)


def test_integrity_problems_name_the_damaged_page(created_vault: tuple[Vault, str, str]) -> None:
    vault, admin_id, _ = created_vault
    slots = vault.read_slots()
    slot = slots.passphrase_slot(admin_id)
    assert slot is not None
    key = keyslots.open_slot(slots.vault_id, slot, TEST_PASSPHRASE.encode())
    # The last page holds rows written at creation; the schema pages the probe reads come first.
    page = vault.db_path.stat().st_size // PAGE - 1
    _flip(vault.db_path, page * PAGE + 100)
    conn = connection.connect(vault.db_path, key)
    try:
        problems = connection.integrity_problems(conn)
    finally:
        conn.close()
    assert f"HMAC verification failed for page {page + 1}" in problems


def test_a_healthy_vault_has_no_integrity_problems(unlocked: tuple[Vault, User]) -> None:
    vault, _ = unlocked
    assert vault.integrity_problems() == []


def test_missing_database_file_raises_storage_error(
    created_vault: tuple[Vault, str, str],
) -> None:
    vault, admin_id, _ = created_vault
    vault.db_path.unlink()
    with pytest.raises(StorageError, match="数据库文件"):
        vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)


# -- audit log ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    "statement",
    [
        "UPDATE audit_log SET actor = 'mallory'",
        "UPDATE audit_log SET after = NULL WHERE seq = 1",
        "DELETE FROM audit_log",
        "DELETE FROM audit_log WHERE seq = (SELECT max(seq) FROM audit_log)",
    ],
)
def test_audit_log_refuses_update_and_delete(unlocked: tuple[Vault, User], statement: str) -> None:
    vault, _ = unlocked
    with vault.read() as conn:
        before = [tuple(r) for r in conn.execute(text("SELECT * FROM audit_log ORDER BY seq"))]
    assert before
    with (
        pytest.raises(sqlalchemy.exc.IntegrityError, match="append-only"),
        vault.transaction() as conn,
    ):
        conn.execute(text(statement))
    with vault.read() as conn:
        after = [tuple(r) for r in conn.execute(text("SELECT * FROM audit_log ORDER BY seq"))]
    assert after == before


def test_failed_transaction_is_rolled_back(unlocked: tuple[Vault, User]) -> None:
    vault, _ = unlocked
    with pytest.raises(RuntimeError), vault.transaction() as conn:
        conn.execute(people.insert().values(name="李四", title="", leader_type="none", active=True))
        raise RuntimeError("halfway")
    with vault.read() as conn:
        assert conn.execute(text("SELECT count(*) FROM people")).scalar_one() == 0


# -- backup -----------------------------------------------------------------------------------


def test_backup_unlocks_with_the_same_key_slots_and_has_the_same_rows(
    unlocked: tuple[Vault, User], tmp_path: Path, clock: FixedClock
) -> None:
    vault, user = unlocked
    PeopleService(vault, now=clock).add(user, PersonDraft("张三", None, "教授", "none"))
    dest = tmp_path / "backups" / "copy.db"
    dest.parent.mkdir()
    vault.backup_to(dest)
    assert _folder_names(dest.parent) == {"copy.db"}
    assert dest.read_bytes()[:16] != SQLITE_MAGIC
    with vault.read() as conn:
        expected = _all_rows(conn)

    shutil.copyfile(vault.keys_path, keys_path_for(dest))
    copy = Vault(dest)
    copy.unlock_with_passphrase(user.id, TEST_PASSPHRASE)
    try:
        with copy.read() as conn:
            assert _all_rows(conn) == expected
        assert copy.integrity_problems() == []
    finally:
        copy.lock()


def test_backup_to_an_unwritable_place_raises_storage_error(
    unlocked: tuple[Vault, User], tmp_path: Path
) -> None:
    vault, _ = unlocked
    with pytest.raises(StorageError):
        vault.backup_to(tmp_path / "no-such-folder" / "copy.db")


def test_errors_are_app_errors() -> None:
    assert issubclass(StorageError, AppError)
    assert issubclass(WrongPassphrase, AppError)
