"""age encryption: ours decrypts with the stock ``age -d`` and the stock ``age -e`` decrypts with
ours; not addressed to us, a changed header and a changed or cut payload are refused. The
streaming forms: the Encryptor holds one chunk and never completes a file whose writer failed;
the DecryptingReader seeks anywhere, refuses a file cut at a chunk boundary on opening and a
changed chunk when it is read."""

from __future__ import annotations

import contextlib
import gc
import io
import os
import random
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from desktop.errors import PacketError
from desktop.sealing.age import (
    CHUNK,
    TAG,
    DecryptingReader,
    Encryptor,
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


# -- streaming ----------------------------------------------------------------------------------
def _payload_start(sealed: bytes) -> int:
    """Where chunk 0 starts: after the MAC line and the 16-byte nonce."""
    return sealed.index(b"\n", sealed.index(b"\n---") + 1) + 1 + 16


def _stream_encrypt(plaintext: bytes, pieces: list[int]) -> bytes:
    out = io.BytesIO()
    with Encryptor(out, [ME.recipient()]) as encryptor:
        at = 0
        for size in pieces:
            encryptor.write(plaintext[at : at + size])
            at += size
        encryptor.write(plaintext[at:])
    return out.getvalue()


@settings(max_examples=40)
@given(
    st.integers(0, 4 * CHUNK + 3),
    st.lists(st.integers(0, 3 * CHUNK), max_size=8),
)
def test_the_encryptor_gives_the_same_file_however_the_writes_are_cut(
    size: int, pieces: list[int]
) -> None:
    plaintext = bytes(i % 249 for i in range(size))
    sealed = _stream_encrypt(plaintext, pieces)
    assert decrypt(sealed, ME) == plaintext
    header_end = _payload_start(sealed)
    chunks = max(1, -(-size // CHUNK))
    assert len(sealed) == header_end + size + TAG * chunks  # no empty trailing chunk
    reader = DecryptingReader(io.BytesIO(sealed), ME)
    assert reader.size == size and reader.read() == plaintext


def test_the_encryptor_holds_at_most_one_chunk() -> None:
    out = io.BytesIO()
    encryptor = Encryptor(out, [ME.recipient()])
    header = len(out.getvalue())
    encryptor.write(bytes(3 * CHUNK))
    assert len(out.getvalue()) == header + 2 * (CHUNK + TAG)  # the third may be the last
    encryptor.write(b"x")
    assert len(out.getvalue()) == header + 3 * (CHUNK + TAG)
    encryptor.close()
    assert len(out.getvalue()) == header + 3 * (CHUNK + TAG) + 1 + TAG
    assert not out.closed  # close leaves the target open
    with pytest.raises(ValueError):
        encryptor.write(b"more")


def test_a_writer_that_fails_leaves_a_file_every_decrypter_refuses() -> None:
    out = io.BytesIO()
    with pytest.raises(RuntimeError), Encryptor(out, [ME.recipient()]) as encryptor:
        encryptor.write(b"filing" * 30_000)  # ~3 chunks
        raise RuntimeError("the packet writer failed")
    with pytest.raises(PacketError) as raised:
        decrypt(out.getvalue(), ME)
    assert "截断" in raised.value.message


def test_an_encryptor_never_closed_is_not_completed_by_the_garbage_collector() -> None:
    out = io.BytesIO()
    encryptor = Encryptor(out, [ME.recipient()])
    encryptor.write(b"x" * (CHUNK + 10))
    written = len(out.getvalue())
    del encryptor
    gc.collect()
    assert len(out.getvalue()) == written
    with pytest.raises(PacketError):
        decrypt(out.getvalue(), ME)


def test_random_seeks_and_reads() -> None:
    plaintext = os.urandom(5 * CHUNK + 1234)
    reader = DecryptingReader(io.BytesIO(encrypt(plaintext, [ME.recipient()])), ME)
    assert reader.readable() and reader.seekable() and reader.seek(0, io.SEEK_END) == len(plaintext)
    rng = random.Random(7)
    for _ in range(300):
        at = rng.randrange(0, len(plaintext) + 10)
        size = rng.choice([0, 1, 17, CHUNK - 1, CHUNK, CHUNK + 1, 3 * CHUNK, -1])
        reader.seek(at)
        wanted = plaintext[at:] if size < 0 else plaintext[at : at + size]
        assert reader.read(size) == wanted
        assert reader.tell() == min(at + len(wanted), max(at, len(plaintext)))
    reader.seek(-10, io.SEEK_END)
    assert reader.read() == plaintext[-10:]
    reader.seek(-5, io.SEEK_CUR)
    assert reader.read(3) == plaintext[-5:-2]
    with pytest.raises(ValueError):
        reader.seek(-1)


def _chunked(plaintext: bytes) -> tuple[bytes, int]:
    sealed = encrypt(plaintext, [ME.recipient()])
    return sealed, _payload_start(sealed)


def test_a_file_cut_at_a_chunk_boundary_or_extended_is_refused_on_opening() -> None:
    sealed, start = _chunked(bytes(3 * CHUNK + 100))
    for damaged in (
        sealed[: start + 2 * (CHUNK + TAG)],  # the last two chunks gone: chunk 1 is not final
        sealed[: start + 3 * (CHUNK + TAG)],
        sealed + sealed[start : start + CHUNK + TAG],  # a chunk appended
        sealed[: start + 3],  # less than a tag
    ):
        with pytest.raises(PacketError) as raised:
            DecryptingReader(io.BytesIO(damaged), ME)
        assert "截断" in raised.value.message


def test_a_changed_chunk_in_the_middle_is_refused_when_read() -> None:
    plaintext = bytes(range(256)) * (3 * CHUNK // 256)
    sealed, start = _chunked(plaintext)
    at = start + (CHUNK + TAG) + 5  # inside chunk 1
    damaged = sealed[:at] + bytes([sealed[at] ^ 1]) + sealed[at + 1 :]
    reader = DecryptingReader(io.BytesIO(damaged), ME)  # only the last chunk is read here
    assert reader.read(100) == plaintext[:100]
    reader.seek(2 * CHUNK)
    assert reader.read(10) == plaintext[2 * CHUNK : 2 * CHUNK + 10]
    reader.seek(CHUNK + 1)
    with pytest.raises(PacketError) as raised:
        reader.read(1)
    assert "改动过" in raised.value.message


def test_an_empty_final_chunk_is_refused_after_data() -> None:
    """age allows an empty final chunk only for an empty plaintext (stock age refuses it too)."""
    fresh = io.BytesIO()
    writer = Encryptor(fresh, [ME.recipient()])
    writer._emit(bytes(CHUNK), last=False)  # header, chunk 0 (not final) …
    writer._emit(b"", last=True)  # … and an empty final chunk
    writer.abandon()
    with pytest.raises(PacketError) as raised:
        DecryptingReader(io.BytesIO(fresh.getvalue()), ME)
    assert "结尾不对" in raised.value.message
    assert decrypt(encrypt(b"", [ME.recipient()]), ME) == b""


@needs_age
def test_the_stock_age_decrypts_a_streamed_file(tmp_path: Path) -> None:
    plaintext = os.urandom(3 * CHUNK + 4321)  # three full chunks and a tail
    sealed = _stream_encrypt(plaintext, [1, CHUNK - 1, 5, 2 * CHUNK, 7])
    (tmp_path / "key.txt").write_text(ME.text() + "\n")
    (tmp_path / "filing.sfp.age").write_bytes(sealed)
    done = subprocess.run(
        [AGE, "-d", "-i", str(tmp_path / "key.txt"), str(tmp_path / "filing.sfp.age")],
        capture_output=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout == plaintext
    done = subprocess.run(  # and refuses it cut short, as we do
        [AGE, "-d", "-i", str(tmp_path / "key.txt")],
        input=sealed[: -(4321 + TAG)],
        capture_output=True,
        check=False,
    )
    assert done.returncode != 0


@needs_age
@pytest.mark.parametrize("size", [0, 1, CHUNK, 4 * CHUNK, 4 * CHUNK + 999])
def test_reading_the_stock_age_output_with_random_seeks(tmp_path: Path, size: int) -> None:
    plaintext = os.urandom(size)
    (tmp_path / "plain").write_bytes(plaintext)
    subprocess.run(
        [AGE, "-e", "-r", ME.recipient(), "-o", str(tmp_path / "out.age"), str(tmp_path / "plain")],
        capture_output=True,
        check=True,
    )
    with open(tmp_path / "out.age", "rb") as source:
        reader = DecryptingReader(source, ME)
        assert reader.size == size
        rng = random.Random(size)
        for _ in range(50):
            at = rng.randrange(0, size + 1)
            length = rng.randrange(0, 2 * CHUNK)
            reader.seek(at)
            assert reader.read(length) == plaintext[at : at + length]
        reader.seek(0)
        assert reader.read() == plaintext
