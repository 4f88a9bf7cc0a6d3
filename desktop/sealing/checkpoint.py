"""Signed checkpoints of the audit log (C2SP tlog-checkpoint as a C2SP signed note), carried in
every sealed filing as ``META-INF/checkpoint.txt``: the sender's log size and Merkle root, signed
with the unit's Ed25519 key, so a receiving office notices a log that was rewritten or rolled back.

    <origin>\\n<tree size>\\n<base64 root>\\n
    \\n
    — <key name> <base64(key hash ‖ Ed25519 signature over the note text)>\\n

The key hash is the first four bytes of SHA-256(name ‖ "\\n" ‖ 0x01 ‖ public key), as the
signed-note specification defines it for Ed25519. A packet signs its checkpoint with the same
minisign key as the packet, under the name ``checkpoint_key_name(public)``.

Beside it a packet may carry ``META-INF/consistency.txt``: an RFC 9162 consistency proof from the
last head the sender sent to this recipient up to the signed head::

    transfer-desk consistency v1\\n<old size>\\n<base64 old root>\\n<base64 proof hash>\\n…

A receiver keeps the last head per sender and calls ``require_consistent``.
"""

from __future__ import annotations

import base64
import binascii
import hashlib
from dataclasses import dataclass

from cryptography.exceptions import InvalidSignature
from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PrivateKey, Ed25519PublicKey

from desktop.domain import merkle
from desktop.errors import PacketError
from desktop.sealing.minisign import PublicKey, SecretKey

DASH = "\u2014"
CONSISTENCY_MAGIC = "transfer-desk consistency v1"


class Rejected(PacketError):
    """A packet (or a sender's head) refused; ``reason`` is a stable code for the command line's
    exit status. Defined here, below ``packet``, so both modules raise it without an import cycle;
    ``desktop.sealing.packet.Rejected`` is the same class."""

    def __init__(self, reason: str, message: str) -> None:
        super().__init__(message)
        self.reason = reason


@dataclass(frozen=True)
class Head:
    origin: str
    size: int
    root: bytes


def checkpoint_key_name(public: PublicKey) -> str:
    """The signed-note key name a packet's checkpoint is signed under: the unit's minisign key id
    as minisign prints it. (Not ``transfer-desk+…``: a signed-note key name may not contain "+",
    which separates the name from the key hash in a verifier key, so Go's ``note`` package and
    other stock verifiers would refuse it.)"""
    return "transfer-desk-" + public.key_id_hex


def key_hash(name: str, public: bytes) -> bytes:
    return hashlib.sha256(name.encode() + b"\n\x01" + public).digest()[:4]


def body(head: Head) -> str:
    if "\n" in head.origin or not head.origin:
        raise ValueError("the origin is one non-empty line")
    return f"{head.origin}\n{head.size}\n{base64.b64encode(head.root).decode()}\n"


def sign(head: Head, name: str, key: SecretKey) -> str:
    if not name or any(c.isspace() or c == "+" for c in name):
        raise ValueError("a key name has no spaces and no '+' (C2SP signed-note)")
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
        size = _decimal(lines[1])
        root = base64.b64decode(lines[2], validate=True)
    except (ValueError, binascii.Error):
        raise PacketError("检查点格式不对。") from None
    if len(root) != merkle.HASH_SIZE:
        raise PacketError("检查点格式不对。")
    return Head(lines[0], size, root)


def _decimal(text: str) -> int:
    """A tree size as C2SP writes it: ASCII digits, no sign, no leading zero, no spaces."""
    if not (text.isascii() and text.isdigit()) or (len(text) > 1 and text[0] == "0"):
        raise ValueError("not a plain decimal")
    return int(text)


def require_consistent(
    previous: Head | None, current: Head, proven_from: tuple[int, bytes] | None = None
) -> None:
    """Check a sender's new head against the last one this receiver stored for that sender.

    ``proven_from`` is the (size, root) that the packet's consistency proof starts from, already
    verified against ``current`` by ``packet.check_packet``. The rules:

    - no earlier head: anything passes (the first filing from this sender);
    - another origin: refused ("origin");
    - a smaller size: the log was rolled back ("rollback");
    - the same size with another root, or a proof from the stored size that starts from another
      root: the log was rewritten ("fork");
    - a larger size with a proof from exactly the stored head: passes, proven;
    - a larger size and no proof from the stored size (none at all, or one from another size):
      passes. The receiver missed a filing (the sender proves from the last head it sent to this
      recipient, which may be newer than the last one that arrived), so there is nothing to
      compare; the next filing proves from this head.
    """
    if previous is None:
        return
    if current.origin != previous.origin:
        raise Rejected("origin", "检查点来自另一份审计日志。")
    if current.size < previous.size:
        raise Rejected(
            "rollback",
            f"发送单位的审计日志比上次报送时短（{current.size} < {previous.size} 条）："
            "日志可能被回滚。",
        )
    if current.size == previous.size:
        if current.root != previous.root:
            raise Rejected(
                "fork", "发送单位的审计日志与上次报送时同样长却内容不同：日志可能被改写。"
            )
        return
    proven_size, proven_root = proven_from or (None, None)
    if proven_size == previous.size and proven_root != previous.root:
        raise Rejected(
            "fork",
            "报送件证明的是另一份同样长度的审计日志，与上次报送时收到的不同：日志可能被改写。",
        )


# -- consistency.txt ------------------------------------------------------------------------------
def consistency_text(old_size: int, old_root: bytes, proof: list[bytes]) -> str:
    lines = [CONSISTENCY_MAGIC, str(old_size), base64.b64encode(old_root).decode()]
    lines += [base64.b64encode(h).decode() for h in proof]
    return "\n".join(lines) + "\n"


def parse_consistency(text: str) -> tuple[int, bytes, list[bytes]]:
    """(old size, old root, proof hashes), or PacketError when the text is not in the format."""
    lines = text.split("\n")
    if len(lines) < 4 or lines[0] != CONSISTENCY_MAGIC or lines[-1] != "":
        raise PacketError("一致性证明的格式不对。")
    try:
        size = _decimal(lines[1])
        hashes = [base64.b64decode(line, validate=True) for line in lines[2:-1]]
    except (ValueError, binascii.Error):
        raise PacketError("一致性证明的格式不对。") from None
    if any(len(h) != merkle.HASH_SIZE for h in hashes):
        raise PacketError("一致性证明的格式不对。")
    return size, hashes[0], hashes[1:]
