"""age v1 encryption to X25519 recipients (https://age-encryption.org/v1, C2SP), so a receiving
office can decrypt a sealed filing with the stock ``age -d`` as well as with this program.

Built from ``cryptography``'s X25519, HKDF-SHA-256, HMAC-SHA-256 and ChaCha20-Poly1305, as the
specification composes them; recipients and identities use age's Bech32 strings (``age1…``,
``AGE-SECRET-KEY-1…``). age authenticates nobody: the packet inside is signed (sign inside,
encrypt outside).

``Encryptor`` and ``DecryptingReader`` stream, 64 KiB chunk by chunk, so a large packet never sits
in memory; ``encrypt`` and ``decrypt`` are their bytes-in, bytes-out forms.
"""

from __future__ import annotations

import base64
import hmac
import io
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, BinaryIO

from cryptography.exceptions import InvalidTag
from cryptography.hazmat.primitives import hashes
from cryptography.hazmat.primitives.asymmetric.x25519 import X25519PrivateKey, X25519PublicKey
from cryptography.hazmat.primitives.ciphers.aead import ChaCha20Poly1305
from cryptography.hazmat.primitives.kdf.hkdf import HKDF

from desktop.errors import PacketError

if TYPE_CHECKING:
    from _typeshed import ReadableBuffer

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


class NotAddressed(PacketError):
    """The file has no stanza for this identity: it is for someone else, not damaged."""


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


def _header(
    recipients: Sequence[str], randbytes: Callable[[int], bytes]
) -> tuple[bytes, ChaCha20Poly1305]:
    """The header with its MAC line and the payload nonce, and the payload cipher."""
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
    return header + b" " + _b64(mac) + b"\n" + nonce, cipher


class Encryptor(io.BufferedIOBase, BinaryIO):
    """A writable, non-seekable file that encrypts what is written to it into ``out``, one
    64 KiB chunk at a time, so memory does not grow with the size of the plaintext.

    The header goes out at once; each chunk is written as soon as more data follows it (the last
    chunk carries the final flag, so it is held back until ``close``). ``close`` writes the last
    chunk and leaves ``out`` open. Leaving a ``with`` block by an exception does NOT write the
    last chunk: the output then stays truncated, which every age decrypter refuses, instead of
    looking like a complete, shorter file. The same for an Encryptor that is never closed."""

    def __init__(
        self,
        out: BinaryIO,
        recipients: Sequence[str],
        *,
        randbytes: Callable[[int], bytes] = os.urandom,
    ) -> None:
        super().__init__()
        head, self._cipher = _header(recipients, randbytes)
        self._out = out
        self._pending = bytearray()
        self._counter = 0
        self._abandoned = False
        out.write(head)

    def writable(self) -> bool:
        return True

    def write(self, data: ReadableBuffer) -> int:
        if self.closed:
            raise ValueError("write to a closed Encryptor")
        view = memoryview(data).cast("B")
        n, pos = len(view), 0
        pending = self._pending
        while pos < n:
            if len(pending) == CHUNK:  # more data follows, so this chunk is not the last
                self._emit(pending, last=False)
                pending.clear()
            if not pending and n - pos > CHUNK:
                self._emit(view[pos : pos + CHUNK], last=False)
                pos += CHUNK
                continue
            take = min(CHUNK - len(pending), n - pos)
            pending += view[pos : pos + take]
            pos += take
        return n

    def _emit(self, chunk: ReadableBuffer, *, last: bool) -> None:
        self._out.write(self._cipher.encrypt(_nonce(self._counter, last), bytes(chunk), None))
        self._counter += 1

    def flush(self) -> None:
        """Flushes ``out``; a partial chunk is held back until more data or ``close``."""
        if not self.closed:
            self._out.flush()

    def close(self) -> None:
        if self.closed:
            return
        try:
            if not self._abandoned:
                self._emit(self._pending, last=True)
                self._pending.clear()
                self._out.flush()
        finally:
            super().close()

    def abandon(self) -> None:
        """Close without the final chunk: what is written so far stays an incomplete file."""
        self._abandoned = True
        self.close()

    def __exit__(self, kind: object, value: object, traceback: object) -> None:
        if kind is not None:
            self.abandon()
        else:
            self.close()

    def __del__(self) -> None:
        # io's finaliser would call close() and so complete a file whose writer failed.
        if not self.closed:
            self._abandoned = True


def encrypt(
    plaintext: bytes, recipients: Sequence[str], randbytes: Callable[[int], bytes] = os.urandom
) -> bytes:
    """``plaintext`` for every recipient (``age1…``)."""
    out = io.BytesIO()
    with Encryptor(out, recipients, randbytes=randbytes) as encryptor:
        encryptor.write(plaintext)
    return out.getvalue()


def is_age(data: bytes) -> bool:
    return data.startswith(INTRO)


MAX_HEADER = 1024 * 1024  # far more than any number of X25519 stanzas we write or accept


def _read_header(source: BinaryIO) -> tuple[bytes, bytes, int]:
    """(header up to and including "---", the MAC text, offset of the payload nonce)."""
    data = b""
    while True:
        end = data.find(b"\n---")
        line_end = data.find(b"\n", end + 4) if end >= 0 else -1
        if line_end >= 0:
            return data[: end + 4], data[end + 4 : line_end], line_end + 1
        more = source.read(4096)
        if not more or len(data) > MAX_HEADER:
            if not data.startswith(INTRO[: len(data)]) or len(data) < len(INTRO):
                raise PacketError("文件不是 age 加密格式。")
            raise PacketError("加密文件的头部不完整。")
        data += more
        if not data.startswith(INTRO[: len(data)]):
            raise PacketError("文件不是 age 加密格式。")


def _file_key(header: bytes, mac_line: bytes, identity: Identity) -> bytes:
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
        raise NotAddressed("该文件不是加密给本单位的（没有与本单位私钥匹配的接收方）。")
    expected = hmac.new(_hkdf(file_key, b"", b"header"), header, "sha256").digest()
    if not hmac.compare_digest(mac, expected):
        raise PacketError("加密文件的头部被改动过。")
    return file_key


class DecryptingReader(io.BufferedIOBase, BinaryIO):
    """A readable, seekable view of the plaintext of an age file in ``source`` (itself seekable),
    decrypting only the chunks that are read, so ``zipfile`` can read a central directory at the
    end of a large encrypted packet without decrypting the whole file.

    Chunk i's ciphertext sits at (payload start + 16 + i × (64 KiB + 16)). Opening reads the
    header (PacketError if it is not addressed to ``identity`` or was changed) and decrypts the
    last chunk, which must carry the final flag: a file cut at a chunk boundary, or with anything
    appended, is refused here; a final empty chunk is allowed only for an empty plaintext. Every
    chunk read later is authenticated too (PacketError when changed)."""

    def __init__(self, source: BinaryIO, identity: Identity) -> None:
        super().__init__()
        self._source = source
        source.seek(0)
        header, mac_line, nonce_at = _read_header(source)
        file_key = _file_key(header, mac_line, identity)
        end = source.seek(0, io.SEEK_END)
        source.seek(nonce_at)
        nonce = source.read(16)
        body = end - nonce_at - 16
        if len(nonce) != 16 or body < TAG:
            raise PacketError("加密文件被截断。")
        self._cipher = ChaCha20Poly1305(_hkdf(file_key, nonce, b"payload"))
        self._start = nonce_at + 16
        self._count = max(1, -(-body // (CHUNK + TAG)))
        last_size = body - (self._count - 1) * (CHUNK + TAG)
        if last_size < TAG:
            raise PacketError("加密内容被改动过或被截断。")
        self._cached: tuple[int, bytes] = (-1, b"")
        self._last: bytes | None = None
        self._last = self._chunk(self._count - 1)
        if not self._last and self._count > 1:
            raise PacketError("加密内容的结尾不对。")
        self._size = (self._count - 1) * CHUNK + len(self._last)
        self._pos = 0

    @property
    def size(self) -> int:
        """The plaintext's length."""
        return self._size

    def _chunk(self, index: int) -> bytes:
        if index == self._cached[0]:
            return self._cached[1]
        if index == self._count - 1 and self._last is not None:
            return self._last
        self._source.seek(self._start + index * (CHUNK + TAG))
        wanted = CHUNK + TAG if index < self._count - 1 else -1
        sealed = self._source.read(wanted)
        if wanted > 0 and len(sealed) != wanted:
            raise PacketError("加密文件被截断。")
        try:
            plain = self._cipher.decrypt(_nonce(index, index == self._count - 1), sealed, None)
        except InvalidTag:
            raise PacketError("加密内容被改动过或被截断。") from None
        self._cached = (index, plain)
        return plain

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def tell(self) -> int:
        return self._pos

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        if whence == io.SEEK_SET:
            position = offset
        elif whence == io.SEEK_CUR:
            position = self._pos + offset
        elif whence == io.SEEK_END:
            position = self._size + offset
        else:
            raise ValueError(f"invalid whence {whence}")
        if position < 0:
            raise ValueError("negative seek position")
        self._pos = position
        return position

    def read(self, size: int | None = -1) -> bytes:
        if self.closed:
            raise ValueError("read from a closed DecryptingReader")
        left = max(0, self._size - self._pos)
        size = left if size is None or size < 0 else min(size, left)
        parts = []
        while size > 0:
            index, offset = divmod(self._pos, CHUNK)
            piece = self._chunk(index)[offset : offset + size]
            parts.append(piece)
            self._pos += len(piece)
            size -= len(piece)
        return b"".join(parts)

    def read1(self, size: int = -1) -> bytes:
        return self.read(size)


def decrypt(data: bytes, identity: Identity) -> bytes:
    """The plaintext, or PacketError: not addressed to us, damaged, or not age."""
    if not data.startswith(INTRO):
        raise PacketError("文件不是 age 加密格式。")
    return DecryptingReader(io.BytesIO(data), identity).read()
