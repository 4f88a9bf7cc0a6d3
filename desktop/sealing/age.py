"""age v1 encryption to X25519 recipients (https://age-encryption.org/v1, C2SP), so a receiving
office can decrypt a sealed filing with the stock ``age -d`` as well as with this program.

Built from ``cryptography``'s X25519, HKDF-SHA-256, HMAC-SHA-256 and ChaCha20-Poly1305, as the
specification composes them; recipients and identities use age's Bech32 strings (``age1…``,
``AGE-SECRET-KEY-1…``). age authenticates nobody: the packet inside is signed (sign inside,
encrypt outside).
"""

from __future__ import annotations

import base64
import hmac
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.errors import PacketError

INTRO = b"age-encryption.org/v1\n"
X25519_LABEL = b"age-encryption.org/v1/X25519"
CHUNK = 64 * 1024
TAG = 16

# -- Bech32 (BIP 173), as age encodes its keys ---------------------------------------------------
_CHARSET = "qpzry9x8gf2tvdw0s3jn54khce6mua7l"
_GENERATORS = (0x3B6A57B2, 0x26508E6D, 0x1EA119FA, 0x3D4233DD, 0x2A1462B3)


def _polymod(values: Sequence[int]) -> int:
    check = 1
    for value in values:
        top = check >> 25
        check = (check & 0x1FFFFFF) << 5 ^ value
        for i, generator in enumerate(_GENERATORS):
            check ^= generator if (top >> i) & 1 else 0
    return check


def _expand(hrp: str) -> list[int]:
    return [ord(c) >> 5 for c in hrp] + [0] + [ord(c) & 31 for c in hrp]


def _convert(data: Sequence[int], source: int, target: int, pad: bool) -> list[int]:
    acc = bits = 0
    out = []
    for value in data:
        acc = (acc << source) | value
        bits += source
        while bits >= target:
            bits -= target
            out.append((acc >> bits) & ((1 << target) - 1))
    if pad and bits:
        out.append((acc << (target - bits)) & ((1 << target) - 1))
    elif not pad and (bits >= source or (acc << (target - bits)) & ((1 << target) - 1)):
        raise ValueError("invalid padding")
    return out


def bech32_encode(hrp: str, data: bytes) -> str:
    values = _convert(data, 8, 5, True)
    checksum = _polymod([*_expand(hrp), *values, 0, 0, 0, 0, 0, 0]) ^ 1
    tail = [(checksum >> 5 * (5 - i)) & 31 for i in range(6)]
    return hrp + "1" + "".join(_CHARSET[v] for v in values + tail)


def bech32_decode(text: str) -> tuple[str, bytes]:
    if text.lower() != text and text.upper() != text:
        raise ValueError("mixed case")
    text = text.lower()
    hrp, sep, rest = text.rpartition("1")
    if not sep or not hrp or len(rest) < 6 or any(c not in _CHARSET for c in rest):
        raise ValueError("not bech32")
    values = [_CHARSET.index(c) for c in rest]
    if _polymod([*_expand(hrp), *values]) != 1:
        raise ValueError("bad checksum")
    return hrp, bytes(_convert(values[:-6], 5, 8, False))


# -- keys ---------------------------------------------------------------------------------------
@dataclass(frozen=True)
class Identity:
    raw: bytes  # the X25519 secret; kept inside the vault only

    @classmethod
    def generate(cls) -> Identity:
        return cls(X25519PrivateKey.generate().private_bytes_raw())

    @classmethod
    def parse(cls, text: str) -> Identity:
        try:
            hrp, raw = bech32_decode(text.strip())
        except ValueError:
            raise PacketError("私钥格式不对（应为 AGE-SECRET-KEY-1…）。") from None
        if hrp != "age-secret-key-" or len(raw) != 32:
            raise PacketError("私钥格式不对（应为 AGE-SECRET-KEY-1…）。")
        return cls(raw)

    def text(self) -> str:
        return bech32_encode("age-secret-key-", self.raw).upper()

    def recipient(self) -> str:
        public = X25519PrivateKey.from_private_bytes(self.raw).public_key().public_bytes_raw()
        return bech32_encode("age", public)


def parse_recipient(text: str) -> bytes:
    try:
        hrp, raw = bech32_decode(text.strip())
    except ValueError:
        raise PacketError("接收单位的公钥格式不对（应为 age1…）。") from None
    if hrp != "age" or len(raw) != 32:
        raise PacketError("接收单位的公钥格式不对（应为 age1…）。")
    return raw


# -- the format ---------------------------------------------------------------------------------
def _b64(data: bytes) -> bytes:
    return base64.b64encode(data).rstrip(b"=")


def _unb64(text: bytes) -> bytes:
    if text.endswith(b"=") or b"\n" in text:
        raise ValueError("padded or broken base64")
    return base64.b64decode(text + b"=" * (-len(text) % 4), validate=True)


def _hkdf(ikm: bytes, salt: bytes, info: bytes) -> bytes:
    return HKDF(hashes.SHA256(), 32, salt, info).derive(ikm)


def _nonce(counter: int, last: bool) -> bytes:
    return counter.to_bytes(11, "big") + (b"\x01" if last else b"\x00")


def encrypt(
    plaintext: bytes, recipients: Sequence[str], randbytes: Callable[[int], bytes] = os.urandom
) -> bytes:
    """``plaintext`` for every recipient (``age1…``)."""
    if not recipients:
        raise ValueError("at least one recipient")
    file_key = randbytes(16)
    header = INTRO
    for recipient in recipients:
        public = parse_recipient(recipient)
        ephemeral = X25519PrivateKey.generate()
        share = ephemeral.public_key().public_bytes_raw()
        shared = ephemeral.exchange(X25519PublicKey.from_public_bytes(public))
        wrap = _hkdf(shared, share + public, X25519_LABEL)
        body = ChaCha20Poly1305(wrap).encrypt(bytes(12), file_key, None)
        header += b"-> X25519 " + _b64(share) + b"\n" + _b64(body) + b"\n"
    header += b"---"
    mac = hmac.new(_hkdf(file_key, b"", b"header"), header, "sha256").digest()
    nonce = randbytes(16)
    cipher = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
    out = [header + b" " + _b64(mac) + b"\n", nonce]
    chunks = [plaintext[i : i + CHUNK] for i in range(0, len(plaintext), CHUNK)] or [b""]
    for counter, chunk in enumerate(chunks):
        out.append(cipher.encrypt(_nonce(counter, counter == len(chunks) - 1), chunk, None))
    return b"".join(out)


def is_age(data: bytes) -> bool:
    return data.startswith(INTRO)


def decrypt(data: bytes, identity: Identity) -> bytes:
    """The plaintext, or PacketError: not addressed to us, damaged, or not age."""
    if not data.startswith(INTRO):
        raise PacketError("文件不是 age 加密格式。")
    end = data.find(b"\n---")
    if end < 0:
        raise PacketError("加密文件的头部不完整。")
    line_end = data.find(b"\n", end + 4)
    if line_end < 0:
        raise PacketError("加密文件的头部不完整。")
    header, mac_line = data[: end + 4], data[end + 4 : line_end]
    lines = header[len(INTRO) :].split(b"\n")[:-1]  # stanzas, without the final "---"
    file_key = None
    ours = X25519PrivateKey.from_private_bytes(identity.raw)
    public = ours.public_key().public_bytes_raw()
    try:
        i = 0
        while i < len(lines):
            args = lines[i].split(b" ")
            if args[0] != b"->" or len(args) < 2 or not all(args) or i + 1 >= len(lines):
                raise ValueError("bad stanza")
            body = _unb64(lines[i + 1]) if len(lines[i + 1]) < 64 else None
            if body is None:
                raise ValueError("long stanza bodies are not used by X25519")
            i += 2
            if args[1] != b"X25519" or len(args) != 3 or file_key is not None:
                continue
            share = _unb64(args[2])
            shared = ours.exchange(X25519PublicKey.from_public_bytes(share))
            wrap = _hkdf(shared, share + public, X25519_LABEL)
            try:
                file_key = ChaCha20Poly1305(wrap).decrypt(bytes(12), body, None)
            except InvalidTag:
                continue
        mac = _unb64(mac_line.removeprefix(b" "))
    except ValueError:
        raise PacketError("加密文件的头部格式不对。") from None
    if file_key is None:
        raise PacketError("该文件不是加密给本单位的（没有与本单位私钥匹配的接收方）。")
    expected = hmac.new(_hkdf(file_key, b"", b"header"), header, "sha256").digest()
    if not hmac.compare_digest(mac, expected):
        raise PacketError("加密文件的头部被改动过。")
    payload = data[line_end + 1 :]
    if len(payload) < 16 + TAG:
        raise PacketError("加密文件被截断。")
    cipher = ChaCha20Poly1305(_hkdf(file_key, payload[:16], b"payload"))
    body = payload[16:]
    out = []
    size = CHUNK + TAG
    count = max(1, -(-len(body) // size))
    for counter in range(count):
        chunk = body[counter * size : (counter + 1) * size]
        last = counter == count - 1
        try:
            out.append(cipher.decrypt(_nonce(counter, last), chunk, None))
        except InvalidTag:
            raise PacketError("加密内容被改动过或被截断。") from None
        if last and not out[-1] and counter > 0:
            raise PacketError("加密内容的结尾不对。")
    return b"".join(out)
