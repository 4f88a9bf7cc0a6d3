"""The vault: one SQLCipher database keyed by a random data key, plus its key-slot file.

Life cycle: ``create`` → ``unlock_*`` → ``transaction()`` / ``read()`` → ``lock``. The data key
lives in a ``bytearray`` only while unlocked and is overwritten on lock (Python copies it into
the hex PRAGMA string per connection; the threat model says so).
"""

from __future__ import annotations

import contextlib
import os
import uuid
from collections.abc import Callable, Iterator
from pathlib import Path

from sqlalchemy import Connection, Engine, create_engine, event, insert, select
from sqlalchemy.exc import DatabaseError, DBAPIError, IntegrityError, OperationalError
from sqlalchemy.pool import QueuePool
from sqlcipher3 import dbapi2

from db import connection, keyslots, migrate
from db.atomic import fsync_dir
from db.kdf import KdfParams
from db.keyslots import KIND_PASSPHRASE, KIND_RECOVERY, KeySlotFile
from db.schema import settings
from db.throttle import throttle_path_for
from desktop.errors import StorageError

VAULT_ID_KEY = "vault_id"
# What services annotate a connection with, so only db/ names SQLAlchemy.
Conn = Connection


def keys_path_for(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".keys")


class Vault:
    def __init__(self, db_path: Path, *, randbytes: Callable[[int], bytes] = os.urandom) -> None:
        self.db_path = Path(db_path)
        self.keys_path = keys_path_for(self.db_path)
        self.throttle_path = throttle_path_for(self.db_path)
        self._randbytes = randbytes
        self._key: bytearray | None = None
        self._engine: Engine | None = None
        self._wrote = False  # a write transaction ran since unlock (see lock)
        self._vault_id: str | None = None

    # -- state -----------------------------------------------------------------------------
    def exists(self) -> bool:
        return self.db_path.exists()

    @property
    def is_unlocked(self) -> bool:
        return self._engine is not None

    @property
    def vault_id(self) -> str:
        if self._vault_id is None:
            self._vault_id = self.read_slots().vault_id
        return self._vault_id

    def read_slots(self) -> KeySlotFile:
        if not self.db_path.exists():
            raise StorageError(f"找不到数据库文件：{self.db_path}")
        return keyslots.read(self.keys_path)

    def logins(self) -> list[tuple[str, str]]:
        """(user_id, login) for the unlock dialog, read without the key."""
        return self.read_slots().logins()

    # -- creation --------------------------------------------------------------------------
    def create(
        self,
        *,
        user_id: str,
        login: str,
        passphrase: str,
        recovery_secret: bytes,
        kdf: KdfParams,
        initialize: Callable[[Connection], None],
    ) -> None:
        """Create the database and key slots; ``initialize`` fills the first rows in one
        transaction. Nothing is left behind if any step fails."""
        if self.db_path.exists():
            raise StorageError(f"保管库已存在：{self.db_path}")
        if self.keys_path.exists():
            # Without its database it may still be the only way into a moved or restored copy.
            raise StorageError(
                f"发现遗留的密钥槽文件：{self.keys_path}。请先将其移走或确认无用后删除，再创建保管库。"
            )
        self.db_path.parent.mkdir(parents=True, exist_ok=True)
        vault_id = str(uuid.UUID(bytes=self._randbytes(16), version=4))
        data_key = bytearray(self._randbytes(32))
        building = self.db_path.with_name(self.db_path.name + ".creating")
        wrote_keys = False
        try:
            self._remove_db_files(building)
            _create_private(building)
            engine = self._make_engine(building, data_key)
            try:
                with engine.connect() as conn:
                    migrate.upgrade(conn)
                    conn.commit()
                with engine.connect() as conn:
                    conn.execute(insert(settings).values(key=VAULT_ID_KEY, value=f'"{vault_id}"'))
                    initialize(conn)
                    conn.commit()
                _outside_transaction(engine, "PRAGMA wal_checkpoint(TRUNCATE)")
            finally:
                engine.dispose()
            slots = KeySlotFile(vault_id=vault_id, slots=())
            for secret, kind, uid, name in (
                (passphrase.encode(), KIND_PASSPHRASE, user_id, login),
                (recovery_secret, KIND_RECOVERY, "", ""),
            ):
                slots = slots.with_slot(
                    keyslots.seal(
                        vault_id=vault_id,
                        data_key=bytes(data_key),
                        secret=secret,
                        kind=kind,
                        user_id=uid,
                        login=name,
                        kdf=kdf,
                        randbytes=self._randbytes,
                    )
                )
            keyslots.write(self.keys_path, slots)
            wrote_keys = True
            os.replace(building, self.db_path)
            fsync_dir(self.db_path.parent)
        except BaseException:
            self._remove_db_files(building)
            if wrote_keys:
                with contextlib.suppress(OSError):
                    self.keys_path.unlink()
            raise
        finally:
            _wipe(data_key)

    # -- unlock / lock ---------------------------------------------------------------------
    def unlock_with_passphrase(
        self, user_id: str, passphrase: str, on_migrating: Callable[[], None] | None = None
    ) -> None:
        """``on_migrating`` is called (on this thread) when the vault must first be migrated to
        this program's schema, which can take a while for a large vault."""
        slots = self.read_slots()
        slot = slots.passphrase_slot(user_id)
        if slot is None:
            raise StorageError("该用户在本保管库中没有密钥槽，无法登录。")
        self._open(
            slots, keyslots.open_slot(slots.vault_id, slot, passphrase.encode()), on_migrating
        )

    def unlock_with_recovery(
        self, recovery_secret: bytes, on_migrating: Callable[[], None] | None = None
    ) -> None:
        slots = self.read_slots()
        slot = slots.recovery_slot()
        if slot is None:
            raise StorageError("密钥槽文件中没有恢复码槽。")
        self._open(slots, keyslots.open_slot(slots.vault_id, slot, recovery_secret), on_migrating)

    def lock(self) -> None:
        if self._engine is not None:
            if self._wrote:  # a session that only read leaves the file as it found it
                self.optimize()
            self._engine.dispose()
            self._wrote = False
            self._engine = None
        if self._key is not None:
            _wipe(self._key)
            self._key = None

    def _open(
        self,
        slots: KeySlotFile,
        key: bytearray,
        on_migrating: Callable[[], None] | None = None,
    ) -> None:
        self.lock()
        _make_private(self.db_path)  # vaults made before 0.1.0's installers were 0644
        engine = None
        try:
            engine = self._make_engine(self.db_path, key)
            with engine.connect() as conn:
                stored = conn.execute(
                    select(settings.c.value).where(settings.c.key == VAULT_ID_KEY)
                ).scalar_one_or_none()
            if stored != f'"{slots.vault_id}"':
                raise StorageError("密钥槽文件与数据库文件不属于同一保管库。")
            self._migrate_if_needed(engine, key, on_migrating)
        except BaseException as e:
            if engine is not None:
                engine.dispose()
            _wipe(key)
            if isinstance(e, DatabaseError):
                raise _damaged(self.db_path, e) from e
            raise
        self._key, self._engine, self._vault_id = key, engine, slots.vault_id

    def derive_key(self, purpose: str) -> bytes:
        """A key for one purpose (e.g. the login-throttle MAC), derived from the data key with
        HKDF-SHA256 so the data key itself never leaves this object."""
        from cryptography.hazmat.primitives import hashes
        from cryptography.hazmat.primitives.kdf.hkdf import HKDF

        info = f"transfer-desk/{purpose}".encode()
        return HKDF(algorithm=hashes.SHA256(), length=32, salt=None, info=info).derive(
            bytes(self._require_key())
        )

    # -- key slots while unlocked ----------------------------------------------------------
    def change_passphrase(self, user_id: str, old: str, new: str, kdf: KdfParams) -> None:
        """Re-wrap one user's slot; the database file is not touched."""
        slots = self.read_slots()
        slot = slots.passphrase_slot(user_id)
        if slot is None:
            raise StorageError("该用户在本保管库中没有密钥槽。")
        key = keyslots.open_slot(slots.vault_id, slot, old.encode())
        try:
            self._write_slot(slots, key, new.encode(), KIND_PASSPHRASE, user_id, slot.login, kdf)
        finally:
            _wipe(key)

    def set_passphrase(self, user_id: str, login: str, passphrase: str, kdf: KdfParams) -> None:
        """Add or replace a user's slot with the key in memory (new user, recovery reset)."""
        self._write_slot(
            self.read_slots(),
            self._require_key(),
            passphrase.encode(),
            KIND_PASSPHRASE,
            user_id,
            login,
            kdf,
        )

    @contextlib.contextmanager
    def slots_kept_in_step(self) -> Iterator[None]:
        """Around a transaction that also changes key slots: if anything escapes (a failed
        commit included), the key-slot file is put back as it was, so rows and slots agree."""
        saved = self.read_slots()
        try:
            yield
        except BaseException:
            with contextlib.suppress(Exception):
                keyslots.write(self.keys_path, saved)
            raise

    def remove_user_slot(self, user_id: str) -> None:
        self._require_key()
        keyslots.write(self.keys_path, self.read_slots().without_user(user_id))

    def _write_slot(
        self,
        slots: KeySlotFile,
        key: bytearray,
        secret: bytes,
        kind: str,
        user_id: str,
        login: str,
        kdf: KdfParams,
    ) -> None:
        slot = keyslots.seal(
            vault_id=slots.vault_id,
            data_key=bytes(key),
            secret=secret,
            kind=kind,
            user_id=user_id,
            login=login,
            kdf=kdf,
            randbytes=self._randbytes,
        )
        keyslots.write(self.keys_path, slots.with_slot(slot))

    # -- transactions ----------------------------------------------------------------------
    @contextlib.contextmanager
    def transaction(self) -> Iterator[Connection]:
        """One write transaction (BEGIN IMMEDIATE): committed on success, rolled back on error."""
        with self._connect(immediate=True) as conn:
            self._wrote = True
            yield conn
            conn.commit()

    @contextlib.contextmanager
    def read(self) -> Iterator[Connection]:
        with self._connect(immediate=False) as conn:
            yield conn

    @contextlib.contextmanager
    def _connect(self, *, immediate: bool) -> Iterator[Connection]:
        engine = self._require_engine()
        try:
            with engine.connect() as conn:
                conn = conn.execution_options(td_immediate=immediate)
                yield conn
        except OperationalError as e:
            raise _storage_error(e) from e
        except IntegrityError:
            raise  # a constraint the service should have checked: a bug, not damage
        except DatabaseError as e:
            raise _damaged(self.db_path, e) from e

    def optimize(self) -> None:
        """Refresh the query planner's statistics where the tables changed enough (SQLite's
        ``PRAGMA optimize``: tables never analysed, or grown or shrunk 25-fold). Run after a large
        import and at lock, as SQLite advises; a failure only leaves the old statistics."""
        if self._engine is None:
            return
        with contextlib.suppress(DBAPIError, dbapi2.Error):
            _outside_transaction(self._engine, "PRAGMA optimize = 0x10002")

    # -- copies and checks -----------------------------------------------------------------
    def backup_to(self, dest: Path) -> None:
        """An encrypted, consistent copy under the same key (VACUUM INTO), written atomically."""
        partial = dest.with_name(dest.name + ".partial")
        with contextlib.suppress(FileNotFoundError):
            partial.unlink()
        try:
            _create_private(partial)
            _outside_transaction(self._require_engine(), "VACUUM INTO ?", (str(partial),))
            with open(partial, "rb+") as f:
                os.fsync(f.fileno())
            os.replace(partial, dest)
            fsync_dir(dest.parent)
        except (OSError, DBAPIError, dbapi2.Error) as e:
            with contextlib.suppress(OSError):
                partial.unlink()
            raise StorageError(f"无法写入备份 {dest}：{e}") from e

    def integrity_problems(self) -> list[str]:
        """Empty when both checks are clean; a page too damaged to read is a problem too."""
        try:
            with self._require_engine().connect() as conn:
                return connection.integrity_problems(_driver(conn))
        except (DatabaseError, dbapi2.DatabaseError) as e:
            return [str(getattr(e, "orig", e))]

    # -- internals -------------------------------------------------------------------------
    def _require_engine(self) -> Engine:
        if self._engine is None:
            raise StorageError("保管库已锁定。")
        return self._engine

    def _require_key(self) -> bytearray:
        if self._key is None:
            raise StorageError("保管库已锁定。")
        return self._key

    def _make_engine(self, path: Path, key: bytearray) -> Engine:
        # A probe connection first, so a damaged file fails here with a clear message.
        connection.connect(path, key).close()
        engine = create_engine(
            "sqlite://",
            module=dbapi2,
            creator=lambda: connection.connect(path, key),
            poolclass=QueuePool,
            pool_size=2,
            max_overflow=4,
        )

        @event.listens_for(engine, "begin")
        def _begin(conn: Connection) -> None:
            immediate = conn.get_execution_options().get("td_immediate", False)
            conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

        return engine

    def _migrate_if_needed(
        self, engine: Engine, key: bytearray, on_migrating: Callable[[], None] | None
    ) -> None:
        with engine.connect() as conn:
            current = migrate.current_revision(conn)
        if current == migrate.head_revision():
            return
        if on_migrating is not None:
            on_migrating()
        # VACUUM INTO rebuilds indexes instead of reading them, so it would copy past a damaged
        # index page; the HMAC of every page is checked first (only when a migration is due).
        with engine.connect() as conn:
            damaged = [
                row[0] for row in _driver(conn).execute("PRAGMA cipher_integrity_check").fetchall()
            ]
        if damaged:
            raise _damaged(self.db_path, Exception("；".join(damaged[:3])))
        backup = self.db_path.with_name(f"{self.db_path.name}.pre-{current or 'empty'}.bak")
        with contextlib.suppress(FileNotFoundError):
            backup.unlink()
        try:
            _create_private(backup)
            _outside_transaction(engine, "VACUUM INTO ?", (str(backup),))
        except dbapi2.Error as e:
            with contextlib.suppress(OSError):
                backup.unlink()
            if isinstance(e, dbapi2.DatabaseError) and not isinstance(e, dbapi2.OperationalError):
                raise _damaged(self.db_path, e) from e
            raise StorageError(f"无法在升级前备份数据库：{e}") from e
        try:
            with engine.connect() as conn:
                migrate.upgrade(conn)
                conn.commit()
        except Exception as e:
            engine.dispose()
            self._remove_db_files(self.db_path, keep_main=True)
            os.replace(backup, self.db_path)
            fsync_dir(self.db_path.parent)
            raise StorageError(f"数据库升级失败，已恢复到升级前的状态（{current}）：{e}") from e

    @staticmethod
    def _remove_db_files(path: Path, keep_main: bool = False) -> None:
        suffixes = ("-wal", "-shm") if keep_main else ("", "-wal", "-shm")
        for suffix in suffixes:
            with contextlib.suppress(FileNotFoundError):
                Path(str(path) + suffix).unlink()


def _wipe(buffer: bytearray) -> None:
    for i in range(len(buffer)):
        buffer[i] = 0


def _damaged(path: Path, e: Exception) -> StorageError:
    """For SQLAlchemy's wrapped errors and the raw driver's (VACUUM, checkpoints) alike."""
    cause = getattr(e, "orig", e)
    return StorageError(f"数据库文件已损坏：{path}（{cause}）。请用备份恢复，或联系系统管理员。")


def _storage_error(e: OperationalError) -> StorageError:
    text = str(e.orig)
    if "disk is full" in text or "database or disk is full" in text:
        return StorageError("磁盘已满，本次修改未保存。")
    if "readonly" in text:
        return StorageError("数据库文件只读，本次修改未保存。")
    if "locked" in text or "busy" in text:
        return StorageError("数据库正忙，请稍后再试。")
    return StorageError(f"数据库错误：{text}")


def _driver(conn: Connection) -> dbapi2.Connection:
    raw = conn.connection.driver_connection
    assert raw is not None
    return raw


def _create_private(path: Path) -> None:
    """An empty file readable by its owner only, for SQLite to fill (it takes an empty file as a
    new database, and gives the -wal and -shm files the database file's permissions). SQLite
    itself would create 0644: encrypted, but others on the machine need not read even that."""
    os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))


def _make_private(db_path: Path) -> None:
    for path in (db_path, Path(f"{db_path}-wal"), Path(f"{db_path}-shm")):
        with contextlib.suppress(OSError):
            mode = path.stat().st_mode
            if mode & 0o077:
                path.chmod(mode & 0o700)


def _outside_transaction(engine: Engine, sql: str, params: tuple[str, ...] = ()) -> None:
    """VACUUM and checkpoints refuse to run inside the BEGIN that SQLAlchemy would emit."""
    with engine.connect() as conn:
        _driver(conn).execute(sql, params).fetchall()
