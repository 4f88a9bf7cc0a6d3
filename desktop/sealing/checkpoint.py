"""Signed checkpoints of the audit log (C2SP tlog-checkpoint as a C2SP signed note), carried in
every sealed filing as ``META-INF/checkpoint.txt``: the sender's log size and Merkle root, signed
with the unit's Ed25519 key, so a receiving office notices a log that was rewritten or rolled back.

    <origin>\\n<tree size>\\n<base64 root>\\n
    \\n
    — <key name> <base64(key hash ‖ Ed25519 signature over the note text)>\\n

The key hash is the first four bytes of SHA-256(name ‖ "\\n" ‖ 0x01 ‖ public key), as the
signed-note specification defines it for Ed25519.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.errors import PacketError
from desktop.sealing.minisign import PublicKey, SecretKey

DASH = "\u2014"


@dataclass(frozen=True)
class Head:
    origin: str
    size: int
    root: bytes


def key_hash(name: str, public: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n\x01" + public).digest()[:4]


def body(head: Head) -> str:
    if "\n" in head.origin or not head.origin:
        raise ValueError("the origin is one non-empty line")
    return f"{head.origin}\n{head.size}\n{base64.b64encode(head.root).decode()}\n"


def sign(head: Head, name: str, key: SecretKey) -> str:
    if " " in name or "\n" in name or not name:
        raise ValueError("a key name has no spaces")
    text = body(head)
    private = Ed25519PrivateKey.from_private_bytes(key.raw)
    signature = private.sign(text.encode())
    token = base64.b64encode(key_hash(name, key.public().raw) + signature).decode()
    return f"{text}\n{DASH} {name} {token}\n"


def verify(text: str, name: str, public: PublicKey) -> Head:
    """The head the note signs, or PacketError."""
    note, sep, signatures = text.partition("\n\n")
    if not sep:
        raise PacketError("检查点格式不对（缺少签名）。")
    note += "\n"
    wanted = key_hash(name, public.raw)
    for line in signatures.splitlines():
        parts = line.split(" ")
        if len(parts) != 3 or parts[0] != DASH or parts[1] != name:
            continue
        try:
            raw = base64.b64decode(parts[2], validate=True)
        except (binascii.Error, ValueError):
            raise PacketError("检查点签名不是有效的 Base64。") from None
        if len(raw) != 68 or raw[:4] != wanted:
            continue
        try:
            Ed25519PublicKey.from_public_bytes(public.raw).verify(raw[4:], note.encode())
        except InvalidSignature:
            raise PacketError("检查点在签名后被改动过。") from None
        return _parse(note)
    raise PacketError("检查点没有发送单位密钥的签名。")


def _parse(note: str) -> Head:
    lines = note.split("\n")
    if len(lines) < 4:
        raise PacketError("检查点格式不对。")
    try:
        size = int(lines[1])
        root = base64.b64decode(lines[2], validate=True)
    except (ValueError, binascii.Error):
        raise PacketError("检查点格式不对。") from None
    if size < 0 or len(root) != 32:
        raise PacketError("检查点格式不对。")
    return Head(lines[0], size, root)


def require_consistent(previous: Head | None, current: Head) -> None:
    """A sender's log only grows: a smaller size is a rollback, the same size with another
    root a fork. (A proof that a larger tree extends the earlier one comes with the import.)"""
    if previous is None:
        return
    if current.origin != previous.origin:
        raise PacketError("检查点来自另一份审计日志。")
    if current.size < previous.size:
        raise PacketError(
            f"发送单位的审计日志比上次报送时短（{current.size} < {previous.size} 条）："
            "日志可能被回滚。"
        )
    if current.size == previous.size and current.root != previous.root:
        raise PacketError("发送单位的审计日志与上次报送时同样长却内容不同：日志可能被改写。")
