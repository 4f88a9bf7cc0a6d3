"""The key-slot file: sealing, opening, tamper detection and parsing."""

from __future__ import annotations

import base64
import contextlib
import json
import os
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from db import keyslots
from db.kdf import KdfParams
from db.keyslots import KIND_PASSPHRASE, KIND_RECOVERY, KeySlotFile, Slot
from desktop.errors import StorageError, WrongPassphrase
from tests.conftest import TEST_KDF

VAULT_ID = "0b6a5a8e-7a44-4c55-9d61-3f0f1f5e9c11"
OTHER_VAULT_ID = "5e0d2c55-2b44-4a1d-8a5c-1d7c0f0e2a22"
DATA_KEY = bytes(range(32))
SECRET = "口令-Liaoning-2025".encode()
PATH = Path("vault.db.keys")


def _seal(**changes: object) -> Slot:
    args: dict[str, object] = {
        "vault_id": VAULT_ID,
        "data_key": DATA_KEY,
        "secret": SECRET,
        "kind": KIND_PASSPHRASE,
        "user_id": "user-1",
        "login": "admin",
        "kdf": TEST_KDF,
    }
    args.update(changes)
    return keyslots.seal(**args)  # type: ignore[arg-type]


@pytest.fixture(scope="module")
def slot() -> Slot:
    return _seal()


@pytest.fixture(scope="module")
def slot_file(slot: Slot) -> KeySlotFile:
    recovery = _seal(secret=b"r" * 20, kind=KIND_RECOVERY, user_id="", login="")
    return KeySlotFile(vault_id=VAULT_ID, slots=(slot, recovery))


def test_seal_then_open_returns_the_data_key(slot: Slot) -> None:
    key = keyslots.open_slot(VAULT_ID, slot, SECRET)
    assert isinstance(key, bytearray)
    assert bytes(key) == DATA_KEY


def test_ciphertext_does_not_contain_the_data_key(slot: Slot) -> None:
    assert DATA_KEY not in slot.ciphertext
    assert len(slot.ciphertext) == 32 + 16  # key + GCM tag


def test_two_seals_of_one_key_differ() -> None:
    first, second = _seal(), _seal()
    assert first.salt != second.salt
    assert first.nonce != second.nonce
    assert first.ciphertext != second.ciphertext


def test_wrong_secret_raises_wrong_passphrase(slot: Slot) -> None:
    with pytest.raises(WrongPassphrase):
        keyslots.open_slot(VAULT_ID, slot, SECRET + b"x")


def test_slot_from_another_vault_raises_wrong_passphrase(slot: Slot) -> None:
    with pytest.raises(WrongPassphrase):
        keyslots.open_slot(OTHER_VAULT_ID, slot, SECRET)


def _flip_first_byte(data: bytes) -> bytes:
    return bytes([data[0] ^ 0x01]) + data[1:]


def _flip_last_byte(data: bytes) -> bytes:
    return data[:-1] + bytes([data[-1] ^ 0x80])


@pytest.mark.parametrize(
    "tamper",
    [
        pytest.param(lambda s: replace(s, kdf=KdfParams(8 * 1024, 2, 1)), id="kdf-iterations"),
        pytest.param(lambda s: replace(s, kdf=KdfParams(9 * 1024, 1, 1)), id="kdf-memory"),
        pytest.param(lambda s: replace(s, kdf=KdfParams(8 * 1024, 1, 2)), id="kdf-lanes"),
        pytest.param(lambda s: replace(s, user_id="user-2"), id="user-id"),
        pytest.param(lambda s: replace(s, kind=KIND_RECOVERY), id="kind"),
        pytest.param(lambda s: replace(s, slot_id="0" * 16), id="slot-id"),
        pytest.param(lambda s: replace(s, salt=_flip_first_byte(s.salt)), id="salt"),
        pytest.param(lambda s: replace(s, nonce=_flip_first_byte(s.nonce)), id="nonce"),
        pytest.param(
            lambda s: replace(s, ciphertext=_flip_first_byte(s.ciphertext)), id="ciphertext"
        ),
        pytest.param(lambda s: replace(s, ciphertext=_flip_last_byte(s.ciphertext)), id="tag"),
        pytest.param(lambda s: replace(s, ciphertext=s.ciphertext[:-1]), id="truncated"),
    ],
)
def test_tampered_slot_raises_wrong_passphrase(slot: Slot, tamper: Callable[[Slot], Slot]) -> None:
    with pytest.raises(WrongPassphrase):
        keyslots.open_slot(VAULT_ID, tamper(slot), SECRET)


def test_login_is_not_bound_and_can_be_renamed(slot: Slot) -> None:
    # The login is a display label only; the user id is what the slot is bound to.
    assert bytes(keyslots.open_slot(VAULT_ID, replace(slot, login="other"), SECRET)) == DATA_KEY


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("vault_id", OTHER_VAULT_ID),
        ("user_id", "user-2"),
        ("kdf", {"name": "argon2id", "m_kib": 8 * 1024, "t": 2, "p": 1}),
        ("ct", "flip"),
    ],
)
def test_tampered_file_field_raises_wrong_passphrase(
    slot_file: KeySlotFile, field: str, value: object
) -> None:
    header, _, text = keyslots.dumps(slot_file).decode().partition("\n")
    body = json.loads(text)
    if field == "vault_id":
        body["vault_id"] = value
    elif field == "ct":
        ct = bytearray(base64.b64decode(body["slots"][0]["ct"]))
        ct[5] ^= 0x10
        body["slots"][0]["ct"] = base64.b64encode(bytes(ct)).decode()
    else:
        body["slots"][0][field] = value
    loaded = keyslots.loads(f"{header}\n{json.dumps(body)}".encode(), PATH)
    with pytest.raises(WrongPassphrase):
        keyslots.open_slot(loaded.vault_id, loaded.slots[0], SECRET)


@pytest.mark.parametrize(
    "kdf",
    [
        {"name": "argon2id", "m_kib": 1, "t": 1, "p": 1},
        {"name": "argon2id", "m_kib": 8192, "t": 1, "p": 2**25},
    ],
)
def test_kdf_parameters_argon2_cannot_use_are_refused_as_an_app_error(
    slot_file: KeySlotFile, kdf: dict[str, int | str]
) -> None:
    header, _, text = keyslots.dumps(slot_file).decode().partition("\n")
    body = json.loads(text)
    body["slots"][0]["kdf"] = kdf
    with pytest.raises((StorageError, WrongPassphrase)):
        loaded = keyslots.loads(f"{header}\n{json.dumps(body)}".encode(), PATH)
        keyslots.open_slot(loaded.vault_id, loaded.slots[0], SECRET)


def test_dumps_starts_with_magic_and_version(slot_file: KeySlotFile) -> None:
    assert keyslots.dumps(slot_file).startswith(b"TDKEYSLOTS 1\n")


def test_dumps_loads_round_trip(slot_file: KeySlotFile) -> None:
    assert keyslots.loads(keyslots.dumps(slot_file), PATH) == slot_file


def test_write_read_round_trip_with_private_mode(tmp_path: Path, slot_file: KeySlotFile) -> None:
    path = tmp_path / "vault.db.keys"
    keyslots.write(path, slot_file)
    assert keyslots.read(path) == slot_file
    if os.name == "posix":
        assert path.stat().st_mode & 0o077 == 0
    assert [p.name for p in tmp_path.iterdir()] == ["vault.db.keys"]


def test_loaded_slot_still_opens(slot_file: KeySlotFile) -> None:
    loaded = keyslots.loads(keyslots.dumps(slot_file), PATH)
    slot = loaded.passphrase_slot("user-1")
    assert slot is not None
    assert bytes(keyslots.open_slot(loaded.vault_id, slot, SECRET)) == DATA_KEY


def test_with_slot_replaces_the_same_owner(slot_file: KeySlotFile) -> None:
    new = _seal(secret=b"new secret")
    updated = slot_file.with_slot(new)
    assert len(updated.slots) == 2
    assert updated.passphrase_slot("user-1") == new
    assert updated.recovery_slot() == slot_file.recovery_slot()
    assert updated.without_user("user-1").logins() == []


def test_read_of_missing_file_names_the_key_slot_file(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="密钥槽文件"):
        keyslots.read(tmp_path / "absent.keys")


@pytest.mark.parametrize(
    "raw",
    [
        pytest.param(b"", id="empty"),
        pytest.param(b"\xff\xfe\x00garbage", id="not-utf8"),
        pytest.param(b"SQLite format 3\x00", id="wrong-magic"),
        pytest.param(b"TDKEYSLOTS 2\n{}", id="future-version"),
        pytest.param(b"TDKEYSLOTS 1\n", id="no-body"),
        pytest.param(b'TDKEYSLOTS 1\n{"vault_id": "x"', id="truncated-json"),
        pytest.param(b"TDKEYSLOTS 1\n[]", id="json-array"),
        pytest.param(b'TDKEYSLOTS 1\n{"vault_id": "x", "slots": [1]}', id="slot-not-object"),
        pytest.param(
            b'TDKEYSLOTS 1\n{"vault_id": "x", "slots": [{"id": "a", "kind": "passphrase", '
            b'"user_id": "u", "login": "l", "kdf": [], "salt": "", "nonce": "", "ct": ""}]}',
            id="kdf-not-object",
        ),
        pytest.param(
            b'TDKEYSLOTS 1\n{"vault_id": "x", "slots": [{"id": "a", "kind": "other", '
            b'"user_id": "u", "login": "l", "kdf": {"name": "argon2id", "m_kib": 8, "t": 1, '
            b'"p": 1}, "salt": "", "nonce": "", "ct": ""}]}',
            id="unknown-kind",
        ),
    ],
)
def test_loads_rejects_damaged_files_with_storage_error(raw: bytes) -> None:
    with pytest.raises(StorageError, match="密钥槽文件"):
        keyslots.loads(raw, PATH)


def test_loads_rejects_a_truncated_real_file(slot_file: KeySlotFile) -> None:
    raw = keyslots.dumps(slot_file)
    for cut in range(0, len(raw) - 2, 7):
        with pytest.raises(StorageError, match="密钥槽文件"):
            keyslots.loads(raw[:cut], PATH)


@given(st.binary(max_size=400))
def test_loads_of_arbitrary_bytes_raises_only_storage_error(raw: bytes) -> None:
    with contextlib.suppress(StorageError):
        keyslots.loads(raw, PATH)


JSON = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=8),
    lambda children: (
        st.lists(children, max_size=3) | st.dictionaries(st.text(max_size=6), children, max_size=3)
    ),
    max_leaves=8,
)
SLOT_KEYS = ("id", "kind", "user_id", "login", "kdf", "salt", "nonce", "ct")


@given(
    st.dictionaries(st.sampled_from(SLOT_KEYS), JSON, max_size=len(SLOT_KEYS)),
    st.sampled_from(["passphrase", "recovery"]),
)
def test_loads_of_arbitrary_slot_fields_raises_only_storage_error(
    fields: dict[str, object], kind: str
) -> None:
    slot: dict[str, object] = {
        "id": "a",
        "kind": kind,
        "user_id": "u",
        "login": "l",
        "kdf": {"name": "argon2id", "m_kib": 8192, "t": 1, "p": 1},
        "salt": "AAAA",
        "nonce": "AAAA",
        "ct": "AAAA",
    }
    slot.update(fields)
    raw = f"TDKEYSLOTS 1\n{json.dumps({'vault_id': 'v', 'slots': [slot]})}".encode()
    with contextlib.suppress(StorageError):
        keyslots.loads(raw, PATH)
