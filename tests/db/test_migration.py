"""Alembic migrations: they build exactly db/schema.py, upgrade committed fixture vaults, and a
failed upgrade restores the pre-migration copy."""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import (
    Column,
    Connection,
    Engine,
    MetaData,
    Table,
    Text,
    create_engine,
    select,
    text,
)
from sqlalchemy.pool import StaticPool
from sqlcipher3 import dbapi2

from db import (
    achievements,
    audit,
    calendar,
    confidentiality,
    connection,
    decisions,
    filings,
    ledger,
    migrate,
    people,
    rewards,
    rights_grants,
    transformations,
    unit,
    users,
)
from db.schema import SEARCH_TABLES, metadata, settings
from db.vault import Vault
from desktop.domain import recovery_code
from desktop.domain.accounts import CLEARANCES
from desktop.domain.achievements import AchievementQuery
from desktop.domain.audit import verify
from desktop.domain.calendar import SHIPPED, Calendar
from desktop.domain.rewards import calculate
from desktop.errors import StorageError
from desktop.services.session import SessionService
from tests.conftest import TEST_KDF, TEST_PASSPHRASE, FixedClock
from tests.fixtures.make_fixture_vault import (
    FIXTURE_ACHIEVEMENT_IP,
    FIXTURE_ACHIEVEMENT_TITLE,
    FIXTURE_ADMIN,
    FIXTURE_ADMIN_ID,
    FIXTURE_AGREEMENT,
    FIXTURE_ATTACHMENT,
    FIXTURE_AUDIT_ACTIONS,
    FIXTURE_DECISION,
    FIXTURE_FILING_ID,
    FIXTURE_GRANT_DOC_NO,
    FIXTURE_GRANT_SHARES,
    FIXTURE_KEY_ID,
    FIXTURE_OFFICE,
    FIXTURE_PASSPHRASE,
    FIXTURE_PEOPLE,
    FIXTURE_PRICE_FEN,
    FIXTURE_RECEIVED_FILE,
    FIXTURE_RECOVERY_CODE,
    FIXTURE_REWARD_INPUT,
    FIXTURE_UNIT,
)

FIXTURES = sorted((Path(__file__).resolve().parents[1] / "fixtures").glob("vault-*"))


@pytest.fixture
def empty_engine(tmp_path: Path) -> Iterator[Engine]:
    """An empty SQLCipher database under a random key, reached through SQLAlchemy."""
    key = os.urandom(32)
    engine = create_engine(
        "sqlite://",
        module=dbapi2,
        creator=lambda: connection.connect(tmp_path / "empty.db", key),
        poolclass=StaticPool,
    )
    yield engine
    engine.dispose()


def _is_search(name: str | None) -> bool:
    """The FTS5 index and its shadow tables, which SQLAlchemy does not describe."""
    return any((name or "").startswith(table) for table in SEARCH_TABLES)


def _table_names(conn: Connection) -> set[str]:
    rows = conn.execute(text("SELECT name FROM sqlite_master WHERE type = 'table'"))
    return {name for name in rows.scalars() if not name.startswith("sqlite_")}


# -- (a) migrations produce exactly the schema ------------------------------------------------


def test_migrating_an_empty_database_gives_exactly_the_schema(empty_engine: Engine) -> None:
    with empty_engine.connect() as conn:
        migrate.upgrade(conn)
        conn.commit()
    with empty_engine.connect() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()
        context = MigrationContext.configure(
            conn, opts={"include_name": lambda name, kind, _parent: not _is_search(name)}
        )
        diff = compare_metadata(context, metadata)
        assert diff == []
        tables = {name for name in _table_names(conn) if not _is_search(name)}
        assert tables == set(metadata.tables) | {"alembic_version"}
        assert set(SEARCH_TABLES) <= _table_names(conn)


def test_migrations_add_the_audit_log_triggers(empty_engine: Engine) -> None:
    with empty_engine.connect() as conn:
        migrate.upgrade(conn)
        conn.commit()
        triggers = conn.execute(
            text("SELECT name FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'audit_log'")
        )
        assert set(triggers.scalars()) == {"audit_log_no_update", "audit_log_no_delete"}


def test_a_new_vault_is_at_head(unlocked: tuple[Vault, object]) -> None:
    vault, _ = unlocked
    with vault.read() as conn:
        assert migrate.current_revision(conn) == migrate.head_revision()


# -- (b) committed fixture vaults upgrade to head ---------------------------------------------


def test_there_is_a_fixture_vault_for_the_head_revision() -> None:
    assert f"vault-{migrate.head_revision()}" in [f.name for f in FIXTURES]


def test_fixture_folders_hold_only_a_database_and_its_key_slots() -> None:
    assert FIXTURES
    for folder in FIXTURES:
        assert sorted(p.name for p in folder.iterdir()) == ["vault.db", "vault.db.keys"]


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_fixture_vault_unlocks_migrates_to_head_and_keeps_its_data(
    fixture: Path, tmp_path: Path, clock: FixedClock
) -> None:
    revision = fixture.name.removeprefix("vault-")
    folder = tmp_path / fixture.name
    shutil.copytree(fixture, folder)
    vault = Vault(folder / "vault.db")
    session = SessionService(vault, now=clock, kdf=lambda: TEST_KDF)
    try:
        user = session.unlock(FIXTURE_ADMIN_ID, FIXTURE_PASSPHRASE)
        assert (user.login, user.display_name) == (FIXTURE_ADMIN.login, FIXTURE_ADMIN.display_name)
        with vault.read() as conn:
            assert migrate.current_revision(conn) == migrate.head_revision()
            assert unit.get(conn) == FIXTURE_UNIT
            assert [u.id for u in users.list_all(conn)] == [FIXTURE_ADMIN_ID]
            listed = people.list_page(conn, offset=0, limit=100)
            assert [(p.name, p.title, p.leader_type) for p in listed] == [
                (name, title, leader) for name, _, title, leader in FIXTURE_PEOPLE
            ]
            departments = [p.department for p in listed]
            assert departments == [
                "" if dept is None else FIXTURE_UNIT.departments[dept]
                for _, dept, _, _ in FIXTURE_PEOPLE
            ]
            entries = audit.list_page(conn, offset=0, limit=100)
            actions = [e.action for e in reversed(entries)]
            assert actions == [*FIXTURE_AUDIT_ACTIONS, "session.unlocked"]
            # Entries from before 0002 became the first leaves of the audit tree.
            rows = audit.rows_for_verification(conn)
            assert verify(rows, audit.head(conn)).intact
            if revision >= "0002":
                (decision,) = decisions.list_page(conn, offset=0, limit=10, levels=CLEARANCES)
                assert decision.draft == FIXTURE_DECISION
                assert decision.links == (("unit", "1"),)
                (attachment,) = decisions.list_attachments(conn, decision.id)
                assert decisions.attachment_content(conn, attachment.id) == FIXTURE_ATTACHMENT[2]
            if revision >= "0003":
                # Each index (trigram; short terms, added by 0004) finds the record.
                for typed in ("镁合金", "镁合", "韧"):
                    query = AchievementQuery(text=typed)
                    (row,) = achievements.list_page(
                        conn, query, levels=CLEARANCES, offset=0, limit=10
                    )
                    assert row.title == FIXTURE_ACHIEVEMENT_TITLE
                # Planner statistics exist after migrating (0004 runs ANALYZE).
                stats = conn.exec_driver_sql("SELECT count(*) FROM sqlite_stat1").scalar_one()
                assert stats > 0
                found = achievements.get(conn, row.id)
                assert found is not None
                assert found.draft.ip_rights == (FIXTURE_ACHIEVEMENT_IP,)
                assert sum(c.share for c in found.draft.completers) == 100
                assert found.draft.ethics_approved_on is None  # the column 0005 adds
            if revision >= "0005":
                (grant,) = rights_grants.list_visible(conn, levels=CLEARANCES)
                assert (grant.doc_no, grant.status) == (FIXTURE_GRANT_DOC_NO, "draft")
                assert (grant.draft.unit_share, grant.draft.team_share) == FIXTURE_GRANT_SHARES
                (agreement,) = confidentiality.covering(conn, found.id)
                assert agreement.draft == FIXTURE_AGREEMENT
            # 0006 brings the holiday table with the 2025 and 2026 notices.
            assert calendar.load(conn) == Calendar.of(SHIPPED)
            if revision >= "0006":
                (deal,) = transformations.list_visible(conn, levels=CLEARANCES)
                assert (deal.state, deal.draft.price_fen) == ("signed", FIXTURE_PRICE_FEN)
                (entry,) = ledger.entries(conn, deal.id)
                assert entry.lines == ((1, FIXTURE_PRICE_FEN),)
            if revision >= "0007":
                (row,) = rewards.list_visible(conn, levels=CLEARANCES)
                data, result = rewards.decoded(row)
                # The result reads back as it was calculated then (its step texts may differ
                # from what today's program would write; its figures may not).
                assert data == FIXTURE_REWARD_INPUT
                again = calculate(data)
                assert [x.amount_fen for x in result.lines] == [x.amount_fen for x in again.lines]
                assert result.rules_used == again.rules_used
                # 1,234,567.89 × 70% = 864,197.523 → 864,197.52 (the pool stored then)
                assert row.pool_fen == 864_197_52
                assert rewards.policy_rows(conn, "2026-01-05")["unit.rate.transfer"][0] == "0.70"
            if revision >= "0008":
                keys = filings.current_keys(conn)
                assert keys is not None and keys.key_id == FIXTURE_KEY_ID
                (office,) = filings.trusted(conn)
                assert office.office == FIXTURE_OFFICE and office.active
                (sent,) = filings.list_filings(conn, "out", levels=CLEARANCES)
                assert (sent.filing_id, sent.state, sent.sequence) == (FIXTURE_FILING_ID, "sent", 1)
                (received,) = filings.list_filings(conn, "in", levels=CLEARANCES)
                (record,) = filings.records_of(conn, received.id)
                name, content = FIXTURE_RECEIVED_FILE
                assert record.documents == (name,)
                assert filings.file_content(conn, received.id, name) == content
        assert vault.integrity_problems() == []
    finally:
        vault.lock()

    backup = folder / f"vault.db.pre-{revision}.bak"
    if revision == migrate.head_revision():
        assert not backup.exists()
        assert sorted(p.name for p in folder.iterdir()) == [
            "vault.db",
            "vault.db.keys",
            "vault.db.throttle",
        ]
    else:
        assert backup.exists()
        assert backup.read_bytes()[:16] != b"SQLite format 3\x00"


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_fixture_vault_unlocks_with_its_recovery_code(fixture: Path, tmp_path: Path) -> None:
    shutil.copytree(fixture, tmp_path / fixture.name)
    vault = Vault(tmp_path / fixture.name / "vault.db")
    vault.unlock_with_recovery(recovery_code.parse_code(FIXTURE_RECOVERY_CODE))
    try:
        with vault.read() as conn:
            assert people.count(conn) == len(FIXTURE_PEOPLE)
    finally:
        vault.lock()


# -- (c) a failed migration is rolled back to the copy ----------------------------------------


def test_failed_migration_restores_the_pre_migration_copy(
    created_vault: tuple[Vault, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, admin_id, _ = created_vault
    revision = migrate.head_revision()
    backup = vault.db_path.with_name(f"vault.db.pre-{revision}.bak")
    calls: list[bool] = []

    def broken_upgrade(conn: Connection, target: str = "head") -> None:
        calls.append(backup.exists())
        conn.execute(settings.insert().values(key="half_migrated", value="true"))
        conn.commit()  # the damage is on disk before the failure
        raise RuntimeError("migration 9999 failed halfway")

    with monkeypatch.context() as patched:
        patched.setattr(migrate, "head_revision", lambda: "9999")
        patched.setattr(migrate, "upgrade", broken_upgrade)
        with pytest.raises(StorageError, match="升级失败") as raised:
            vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)
    assert revision in raised.value.message
    assert calls == [True], "the copy is made before the upgrade runs"
    assert not vault.is_unlocked
    assert not backup.exists(), "the copy was moved back into place"
    assert sorted(p.name for p in vault.db_path.parent.iterdir()) == ["vault.db", "vault.db.keys"]

    vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)
    try:
        with vault.read() as conn:
            keys = set(conn.execute(select(settings.c.key)).scalars())
            assert "half_migrated" not in keys
            assert "vault_id" in keys
            assert migrate.current_revision(conn) == revision
            assert users.get(conn, admin_id) is not None
        assert vault.integrity_problems() == []
    finally:
        vault.lock()


def test_successful_migration_keeps_the_pre_migration_copy(
    created_vault: tuple[Vault, str, str], monkeypatch: pytest.MonkeyPatch
) -> None:
    vault, admin_id, _ = created_vault
    revision = migrate.head_revision()

    def upgrade(conn: Connection, target: str = "head") -> None:
        conn.execute(settings.insert().values(key="migrated", value="true"))

    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    monkeypatch.setattr(migrate, "upgrade", upgrade)
    vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)
    try:
        with vault.read() as conn:
            assert "migrated" in set(conn.execute(select(settings.c.key)).scalars())
    finally:
        vault.lock()
    backup = vault.db_path.with_name(f"vault.db.pre-{revision}.bak")
    assert backup.exists()
    assert backup.read_bytes()[:16] != b"SQLite format 3\x00"


def test_schema_comparison_notices_a_difference(empty_engine: Engine) -> None:
    """Control for the test above: a column the migrations lack shows up in the diff."""
    changed = MetaData()
    for table in metadata.tables.values():
        table.to_metadata(changed)
    Table("people", changed, Column("nickname", Text), extend_existing=True)
    with empty_engine.connect() as conn:
        migrate.upgrade(conn)
        conn.commit()
        context = MigrationContext.configure(
            conn, opts={"include_name": lambda name, kind, _parent: not _is_search(name)}
        )
        diff = compare_metadata(context, changed)
    assert [(d[0], d[3].name) for d in diff] == [("add_column", "nickname")]


@pytest.mark.parametrize("position", ["middle", "last"])
def test_damaged_vault_due_for_migration_raises_storage_error(
    created_vault: tuple[Vault, str, str], monkeypatch: pytest.MonkeyPatch, position: str
) -> None:
    """The pre-migration copy reads every page, so it meets damage the unlock probe missed."""
    vault, admin_id, _ = created_vault
    original = vault.db_path.read_bytes()
    pages = len(original) // 4096
    page = pages // 2 if position == "middle" else pages - 1
    damaged = bytearray(original)
    damaged[page * 4096 + 2000] ^= 0x40
    vault.db_path.write_bytes(bytes(damaged))
    upgrades: list[str] = []
    monkeypatch.setattr(migrate, "head_revision", lambda: "9999")
    monkeypatch.setattr(migrate, "upgrade", lambda conn, target="head": upgrades.append(target))
    with pytest.raises(StorageError, match="数据库"):
        vault.unlock_with_passphrase(admin_id, TEST_PASSPHRASE)
    assert upgrades == [], "no migration runs on a damaged file"
    assert not vault.is_unlocked
    assert vault.db_path.read_bytes() == bytes(damaged), "the damaged file is left as it was"
    assert sorted(p.name for p in vault.db_path.parent.iterdir()) == ["vault.db", "vault.db.keys"]


def test_recorded_head_is_alembics_head() -> None:
    """db/migrate.HEAD spares Alembic's import at unlock; it must name the newest script."""
    assert migrate.scripted_head() == migrate.HEAD


@pytest.mark.parametrize("fixture", FIXTURES, ids=[f.name for f in FIXTURES])
def test_the_caller_hears_once_that_a_migration_starts_and_never_when_none_is_due(
    fixture: Path, tmp_path: Path
) -> None:
    """The window tells the user why this unlock takes longer (a large vault: many seconds)."""
    shutil.copytree(fixture, tmp_path / fixture.name)
    vault = Vault(tmp_path / fixture.name / "vault.db")
    heard: list[str] = []
    vault.unlock_with_passphrase(FIXTURE_ADMIN_ID, FIXTURE_PASSPHRASE, lambda: heard.append("x"))
    vault.lock()
    due = fixture.name != f"vault-{migrate.head_revision()}"
    assert heard == (["x"] if due else [])
    vault.unlock_with_passphrase(FIXTURE_ADMIN_ID, FIXTURE_PASSPHRASE, lambda: heard.append("y"))
    vault.lock()
    assert "y" not in heard  # migrated once, never again
