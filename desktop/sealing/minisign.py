"""minisign signatures (https://jedisct1.github.io/minisign), so a receiving office can check a
sealed filing with the stock ``minisign -V`` as well as with this program.

Only the pre-hashed mode is written and accepted ("ED": Ed25519 over BLAKE2b-512 of the file),
which is minisign's default since 0.11; the trusted comment is covered by a second ("global")
signature over the signature and the comment. Keys are Ed25519 from ``cryptography``; the key id
is 8 random bytes chosen when the key is made.

    public key file:  untrusted comment: …\\n  base64("Ed" ‖ key id ‖ public key)\\n
    signature file:   untrusted comment: …\\n  base64("ED" ‖ key id ‖ signature)\\n
                      trusted comment: …\\n    base64(global signature)\\n
"""

from __future__ import annotations

import base64
import binascii
import hashlib
import os
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.errors import PacketError

KEY_ALGORITHM = b"Ed"
PREHASHED = b"ED"
UNTRUSTED = "untrusted comment: "
TRUSTED = "trusted comment: "
MAX_COMMENT = 1024


@dataclass(frozen=True)
class PublicKey:
    key_id: bytes  # 8 bytes
    raw: bytes  # 32 bytes

    @property
    def key_id_hex(self) -> str:
        """As minisign prints it: the id read as a little-endian number, in upper-case hex."""
        return self.key_id[::-1].hex().upper()

    def file_text(self) -> str:
        body = base64.b64encode(KEY_ALGORITHM + self.key_id + self.raw).decode()
        return f"{UNTRUSTED}minisign public key {self.key_id_hex}\n{body}\n"

    def fingerprint(self) -> str:
        """SHA-256 of the key (algorithm, id and public key as minisign stores them): 16 groups
        of four hex digits, for reading aloud or comparing on paper."""
        digest = hashlib.sha256(KEY_ALGORITHM + self.key_id + self.raw).hexdigest().upper()
        return " ".join(digest[i : i + 4] for i in range(0, 64, 4))


@dataclass(frozen=True)
class SecretKey:
    key_id: bytes
    raw: bytes  # the 32-byte Ed25519 seed; kept inside the vault only

    def public(self) -> PublicKey:
        key = Ed25519PrivateKey.from_private_bytes(self.raw).public_key()
        return PublicKey(self.key_id, key.public_bytes_raw())


def generate(randbytes: Callable[[int], bytes] = os.urandom) -> SecretKey:
    """A new key; ``randbytes(n)`` gives the key id."""
    key = Ed25519PrivateKey.generate()
    seed = key.private_bytes(
        serialization.Encoding.Raw,
        serialization.PrivateFormat.Raw,
        serialization.NoEncryption(),
    )
    return SecretKey(randbytes(8), seed)


def _line_ok(text: str) -> str:
    if "\n" in text or "\r" in text or len(text) > MAX_COMMENT:
        raise ValueError("a comment is one line of at most 1,024 characters")
    return text


def sign(
    key: SecretKey, message: bytes, *, trusted_comment: str, untrusted_comment: str = ""
) -> str:
    """The signature file's text for ``message``."""
    _line_ok(trusted_comment)
    _line_ok(untrusted_comment)
    private = Ed25519PrivateKey.from_private_bytes(key.raw)
    signature = private.sign(hashlib.blake2b(message).digest())
    global_signature = private.sign(signature + trusted_comment.encode())
    untrusted = untrusted_comment or "signature from Transfer Desk secret key"
    return (
        f"{UNTRUSTED}{untrusted}\n"
        f"{base64.b64encode(PREHASHED + key.key_id + signature).decode()}\n"
        f"{TRUSTED}{trusted_comment}\n"
        f"{base64.b64encode(global_signature).decode()}\n"
    )


def _b64(text: str, size: int, what: str) -> bytes:
    try:
        raw = base64.b64decode(text.strip(), validate=True)
    except (binascii.Error, ValueError):
        raise PacketError(f"{what}不是有效的 Base64 编码。") from None
    if len(raw) != size:
        raise PacketError(f"{what}长度不对。")
    return raw


def read_public_key(text: str) -> PublicKey:
    """A minisign public key file (or the bare base64 line)."""
    lines = [line for line in text.strip().splitlines() if line.strip()]
    if not lines:
        raise PacketError("公钥文件是空的。")
    body = lines[-1] if lines[0].startswith(UNTRUSTED) else lines[0]
    raw = _b64(body, 42, "公钥")
    if raw[:2] != KEY_ALGORITHM:
        raise PacketError("不是 minisign（Ed25519）公钥。")
    return PublicKey(raw[2:10], raw[10:])


@dataclass(frozen=True)
class Verified:
    key_id: bytes
    trusted_comment: str


def verify(public: PublicKey, message: bytes, signature_text: str) -> Verified:
    """Check a signature file against ``message``; PacketError says what is wrong."""
    lines = signature_text.replace("\r\n", "\n").split("\n")
    if len(lines) < 4 or not lines[0].startswith(UNTRUSTED) or not lines[2].startswith(TRUSTED):
        raise PacketError("签名文件格式不对（应为 minisign 签名）。")
    raw = _b64(lines[1], 74, "签名")
    algorithm, key_id, signature = raw[:2], raw[2:10], raw[10:]
    if algorithm != PREHASHED:
        raise PacketError("签名算法不受支持：只接受 minisign 的预哈希签名（ED）。")
    if key_id != public.key_id:
        raise PacketError("签名所用的密钥与信任的公钥不符（密钥编号不同）。")
    trusted = lines[2][len(TRUSTED) :]
    global_signature = _b64(lines[3], 64, "可信注释签名")
    key = Ed25519PublicKey.from_public_bytes(public.raw)
    try:
        key.verify(signature, hashlib.blake2b(message).digest())
    except InvalidSignature:
        raise PacketError("签名与内容不符：文件在签名后被改动过，或签名不属于该文件。") from None
    try:
        key.verify(global_signature, signature + trusted.encode())
    except InvalidSignature:
        raise PacketError("可信注释在签名后被改动过。") from None
    return Verified(key_id, trusted)
