"""The vault's recovery code: 20 secret bytes, printed once on paper.

Shown as 9 groups of 4 base32 characters: 32 for the secret, 4 for a checksum, so that a
mistyped group is caught here with a clear message instead of as a failed unlock.
"""

from __future__ import annotations

import base64
import hashlib
from collections.abc import Callable

from desktop.domain.identifiers import to_half_width
from desktop.errors import ValidationError

RECOVERY_SECRET_BYTES = 20
ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567"
GROUP = 4
CODE_LENGTH = 36
_SECRET_CHARS = 32

# Digits base32 never uses, read as the letters people mistake them for on paper.
_CONFUSABLES = str.maketrans({"0": "O", "1": "I", "8": "B"})
_SEPARATORS = frozenset(" \t\r\n-_\u2010\u2011\u2012\u2013\u2014\u2015\u2212")


def generate(randbytes: Callable[[int], bytes]) -> bytes:
    secret = randbytes(RECOVERY_SECRET_BYTES)
    if len(secret) != RECOVERY_SECRET_BYTES:
        raise ValueError("random source returned the wrong number of bytes")
    return secret


def _checksum(secret: bytes) -> str:
    # 20 bits: the top of the first three digest bytes, as four base32 characters.
    bits = int.from_bytes(hashlib.sha256(secret).digest()[:3], "big") >> 4
    return "".join(ALPHABET[(bits >> shift) & 31] for shift in (15, 10, 5, 0))


def format_code(secret: bytes) -> str:
    if len(secret) != RECOVERY_SECRET_BYTES:
        raise ValueError(f"recovery secret must be {RECOVERY_SECRET_BYTES} bytes")
    chars = base64.b32encode(secret).decode("ascii") + _checksum(secret)
    return "-".join(chars[i : i + GROUP] for i in range(0, CODE_LENGTH, GROUP))


def parse_code(text: str) -> bytes:
    """The secret, or ValidationError("recovery_code", …) naming what is wrong."""
    chars = "".join(c for c in to_half_width(text) if c not in _SEPARATORS)
    chars = chars.upper().translate(_CONFUSABLES)
    if not chars:
        raise ValidationError("recovery_code", "请输入恢复码。")
    for char in chars:
        if char not in ALPHABET:
            raise ValidationError(
                "recovery_code", f"恢复码中不会出现“{char}”，请核对（只含字母和数字2–7）。"
            )
    if len(chars) != CODE_LENGTH:
        raise ValidationError(
            "recovery_code",
            f"恢复码应为{CODE_LENGTH}个字符（9组，每组4个），当前为{len(chars)}个。",
        )
    secret = base64.b32decode(chars[:_SECRET_CHARS])
    if _checksum(secret) != chars[_SECRET_CHARS:]:
        raise ValidationError("recovery_code", "恢复码校验失败，请逐组核对。")
    return secret
