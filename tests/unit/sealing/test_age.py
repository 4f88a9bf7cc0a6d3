"""age encryption: ours decrypts with the stock ``age -d`` and the stock ``age -e`` decrypts with
ours; not addressed to us, a changed header and a changed or cut payload are refused."""

from __future__ import annotations

import contextlib
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.errors import PacketError
from desktop.sealing.age import (
    CHUNK,
    Identity,
    bech32_decode,
    bech32_encode,
    decrypt,
    encrypt,
    parse_recipient,
)

AGE = shutil.which("age")
needs_age = pytest.mark.skipif(AGE is None, reason="age is installed by `make test`")
ME = Identity.generate()
OTHER = Identity.generate()
SIZES = [0, 1, CHUNK - 1, CHUNK, CHUNK + 1, 2 * CHUNK, 3 * CHUNK + 5]


@pytest.mark.parametrize("size", SIZES)
def test_a_round_trip_at_every_chunk_boundary(size: int) -> None:
    plaintext = bytes(i % 251 for i in range(size))
    sealed = encrypt(plaintext, [ME.recipient(), OTHER.recipient()])
    assert decrypt(sealed, ME) == plaintext
    assert decrypt(sealed, OTHER) == plaintext


@needs_age
@pytest.mark.parametrize("size", [0, CHUNK, 2 * CHUNK + 7])
def test_the_stock_age_decrypts_ours(tmp_path: Path, size: int) -> None:
    plaintext = bytes(i % 253 for i in range(size))
    (tmp_path / "key.txt").write_text(ME.text() + "\n")
    (tmp_path / "filing.zip.age").write_bytes(encrypt(plaintext, [ME.recipient()]))
    done = subprocess.run(
        [AGE, "-d", "-i", str(tmp_path / "key.txt"), str(tmp_path / "filing.zip.age")],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == plaintext


@needs_age
def test_ours_decrypts_the_stock_age(tmp_path: Path) -> None:
    plaintext = "报送件".encode() * 50_000
    (tmp_path / "plain").write_bytes(plaintext)
    subprocess.run(
        [AGE, "-e", "-r", ME.recipient(), "-o", str(tmp_path / "out.age"), str(tmp_path / "plain")],
        capture_output=True,
        check=True,
    )
    assert decrypt((tmp_path / "out.age").read_bytes(), ME) == plaintext


def test_not_addressed_to_us() -> None:
    with pytest.raises(PacketError) as raised:
        decrypt(encrypt(b"x", [OTHER.recipient()]), ME)
    assert "不是加密给本单位" in raised.value.message


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda d: d.replace(b"-> X25519 ", b"-> X25519  ", 1), "格式不对"),
        (lambda d: d[:-1], "改动过或被截断"),
        (lambda d: d[:-1] + bytes([d[-1] ^ 1]), "改动过或被截断"),
        (lambda d: d[: d.index(b"---") + 5] + b"A" + d[d.index(b"---") + 6 :], "头部"),
        (lambda d: b"not age", "不是 age"),
    ],
)
def test_damage_is_refused(mutate, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PacketError) as raised:
        decrypt(mutate(encrypt(b"secret" * 100, [ME.recipient()])), ME)
    assert words in raised.value.message


def test_keys_have_their_bech32_forms() -> None:
    assert ME.recipient().startswith("age1") and len(ME.recipient()) == 62
    assert ME.text().startswith("AGE-SECRET-KEY-1")
    assert Identity.parse(ME.text()) == ME
    assert len(parse_recipient(ME.recipient())) == 32
    with pytest.raises(PacketError):
        parse_recipient(ME.recipient()[:-1] + ("q" if ME.recipient()[-1] != "q" else "p"))


@given(st.binary(max_size=64))
def test_bech32_round_trips(data: bytes) -> None:
    assert bech32_decode(bech32_encode("age", data)) == ("age", data)


@given(st.binary(max_size=300))
def test_decrypt_never_crashes_on_garbage(data: bytes) -> None:
    with contextlib.suppress(PacketError):
        decrypt(b"age-encryption.org/v1\n" + data, ME)
