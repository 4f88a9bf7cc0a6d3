"""The key-slot file beside the database: the data key wrapped per passphrase and recovery code.

Format: a first line ``TDKEYSLOTS <version>`` (the magic), then one JSON object. Each slot holds
the Argon2id parameters and salt, and the data key sealed with AES-256-GCM; the associated data
binds the ciphertext to the vault id, the slot id, its kind, owner and KDF parameters, so a slot
cannot be moved to another vault or have its parameters weakened without the unwrap failing.
"""

from __future__ import annotations

import base64
import json
import os
from collections.abc import Callable
from dataclasses import dataclass, replace
from pathlib import Path

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives.ciphers.aead import AESGCM

from db.atomic import write_atomic
from db.kdf import KdfParams, derive
from desktop.errors import StorageError, WrongPassphrase

MAGIC = "TDKEYSLOTS"
VERSION = 1
KIND_PASSPHRASE = "passphrase"
KIND_RECOVERY = "recovery"


@dataclass(frozen=True)
class Slot:
    slot_id: str
    kind: str
    user_id: str  # empty for the recovery slot
    login: str  # shown in the unlock dialog's user list, so stored in clear (see threat model)
    kdf: KdfParams
    salt: bytes
    nonce: bytes
    ciphertext: bytes

    def aad(self, vault_id: str) -> bytes:
        body = {
            "v": VERSION,
            "vault": vault_id,
            "slot": self.slot_id,
            "kind": self.kind,
            "user": self.user_id,
            "kdf": self.kdf.as_dict(),
        }
        return json.dumps(body, sort_keys=True, separators=(",", ":")).encode()


@dataclass(frozen=True)
class KeySlotFile:
    vault_id: str
    slots: tuple[Slot, ...]

    def passphrase_slot(self, user_id: str) -> Slot | None:
        return next(
            (s for s in self.slots if s.kind == KIND_PASSPHRASE and s.user_id == user_id), None
        )

    def recovery_slot(self) -> Slot | None:
        return next((s for s in self.slots if s.kind == KIND_RECOVERY), None)

    def logins(self) -> list[tuple[str, str]]:
        """(user_id, login) of every passphrase slot, in file order."""
        return [(s.user_id, s.login) for s in self.slots if s.kind == KIND_PASSPHRASE]

    def with_slot(self, slot: Slot) -> KeySlotFile:
        """A copy with ``slot`` added, replacing any slot of the same owner and kind."""
        kept = tuple(
            s for s in self.slots if not (s.kind == slot.kind and s.user_id == slot.user_id)
        )
        return replace(self, slots=(*kept, slot))

    def without_user(self, user_id: str) -> KeySlotFile:
        return replace(
            self,
            slots=tuple(
                s for s in self.slots if not (s.kind == KIND_PASSPHRASE and s.user_id == user_id)
            ),
        )


def seal(
    *,
    vault_id: str,
    data_key: bytes,
    secret: bytes,
    kind: str,
    user_id: str,
    login: str,
    kdf: KdfParams,
    randbytes: Callable[[int], bytes] = os.urandom,
) -> Slot:
    slot = Slot(
        slot_id=randbytes(8).hex(),
        kind=kind,
        user_id=user_id,
        login=login,
        kdf=kdf,
        salt=randbytes(16),
        nonce=randbytes(12),
        ciphertext=b"",
    )
    kek = derive(secret, slot.salt, kdf)
    ciphertext = AESGCM(kek).encrypt(slot.nonce, data_key, slot.aad(vault_id))
    return replace(slot, ciphertext=ciphertext)


def open_slot(vault_id: str, slot: Slot, secret: bytes) -> bytearray:
    kek = derive(secret, slot.salt, slot.kdf)
    try:
        key = AESGCM(kek).decrypt(slot.nonce, slot.ciphertext, slot.aad(vault_id))
    except InvalidTag:
        raise WrongPassphrase("口令不正确。") from None
    return bytearray(key)


def _b64(data: bytes) -> str:
    return base64.b64encode(data).decode("ascii")


def dumps(file: KeySlotFile) -> bytes:
    body = {
        "vault_id": file.vault_id,
        "slots": [
            {
                "id": s.slot_id,
                "kind": s.kind,
                "user_id": s.user_id,
                "login": s.login,
                "kdf": s.kdf.as_dict(),
                "salt": _b64(s.salt),
                "nonce": _b64(s.nonce),
                "ct": _b64(s.ciphertext),
                "wrap": "aes-256-gcm",
            }
            for s in file.slots
        ],
    }
    text = json.dumps(body, ensure_ascii=False, indent=1, sort_keys=True)
    return f"{MAGIC} {VERSION}\n{text}\n".encode()


def loads(raw: bytes, path: Path) -> KeySlotFile:
    damaged = f"密钥槽文件已损坏：{path}"
    try:
        header, _, text = raw.decode("utf-8").partition("\n")
    except UnicodeDecodeError:
        raise StorageError(f"{damaged}（不是文本）") from None
    magic, _, version = header.partition(" ")
    if magic != MAGIC:
        raise StorageError(f"{damaged}（文件头不对，可能不是本程序的密钥槽文件）")
    if version != str(VERSION):
        raise StorageError(f"密钥槽文件版本 {version} 不受本程序支持：{path}")
    try:
        body = json.loads(text)
        slots = tuple(
            Slot(
                slot_id=str(s["id"]),
                kind=str(s["kind"]),
                user_id=str(s["user_id"]),
                login=str(s["login"]),
                kdf=KdfParams.from_dict(s["kdf"]),
                salt=base64.b64decode(s["salt"], validate=True),
                nonce=base64.b64decode(s["nonce"], validate=True),
                ciphertext=base64.b64decode(s["ct"], validate=True),
            )
            for s in body["slots"]
        )
        vault_id = str(body["vault_id"])
    except (ValueError, KeyError, TypeError) as e:
        raise StorageError(f"{damaged}（内容无法解析）") from e
    if any(s.kind not in (KIND_PASSPHRASE, KIND_RECOVERY) for s in slots):
        raise StorageError(f"{damaged}（未知的槽类型）")
    return KeySlotFile(vault_id=vault_id, slots=slots)


def read(path: Path) -> KeySlotFile:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise StorageError(f"找不到密钥槽文件：{path}") from None
    except OSError as e:
        raise StorageError(f"无法读取密钥槽文件 {path}：{e.strerror}") from e
    return loads(raw, path)


def write(path: Path, file: KeySlotFile) -> None:
    write_atomic(path, dumps(file))
