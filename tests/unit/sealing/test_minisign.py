"""minisign signatures: ours verify with the stock ``minisign -V`` and the stock tool's verify with
ours; every kind of tampering is refused with its own message."""

from __future__ import annotations

import base64
import contextlib
import shutil
import subprocess
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.errors import PacketError
from desktop.sealing.minisign import (
    generate,
    read_public_key,
    sign,
    verify,
)

MINISIGN = shutil.which("minisign")
needs_minisign = pytest.mark.skipif(
    MINISIGN is None, reason="minisign is installed by `make test` (Debian package)"
)
MESSAGE = "bag-info.txt 的标签清单\n".encode() * 100
COMMENT = "filing=7a1c sequence=3 time=2026-01-05T08:03:00+08:00"


@pytest.fixture(scope="module")
def key():  # type: ignore[no-untyped-def]
    return generate(lambda n: bytes(range(1, n + 1)))


def test_a_signature_verifies_and_returns_its_trusted_comment(key) -> None:  # type: ignore[no-untyped-def]
    signed = sign(key, MESSAGE, trusted_comment=COMMENT)
    verified = verify(key.public(), MESSAGE, signed)
    assert verified.trusted_comment == COMMENT
    assert key.public().key_id_hex == "0807060504030201"
    assert len(key.public().fingerprint().split()) == 16


@needs_minisign
def test_the_stock_minisign_verifies_ours(key, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    (tmp_path / "pub").write_text(key.public().file_text())
    (tmp_path / "tagmanifest-sha256.txt").write_bytes(MESSAGE)
    (tmp_path / "tagmanifest-sha256.txt.minisig").write_text(
        sign(key, MESSAGE, trusted_comment=COMMENT)
    )
    done = subprocess.run(
        [
            MINISIGN,
            "-V",
            "-p",
            str(tmp_path / "pub"),
            "-m",
            str(tmp_path / "tagmanifest-sha256.txt"),
        ],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert COMMENT in done.stdout
    (tmp_path / "tagmanifest-sha256.txt").write_bytes(MESSAGE + b"x")
    tampered = subprocess.run(
        [
            MINISIGN,
            "-V",
            "-p",
            str(tmp_path / "pub"),
            "-m",
            str(tmp_path / "tagmanifest-sha256.txt"),
        ],
        capture_output=True,
        check=False,
    )
    assert tampered.returncode != 0


@needs_minisign
def test_ours_verifies_the_stock_minisign(tmp_path: Path) -> None:
    subprocess.run(
        [MINISIGN, "-G", "-W", "-p", str(tmp_path / "pub"), "-s", str(tmp_path / "sec")],
        capture_output=True,
        check=True,
    )
    (tmp_path / "file").write_bytes(MESSAGE)
    subprocess.run(
        [MINISIGN, "-S", "-s", str(tmp_path / "sec"), "-m", str(tmp_path / "file"), "-t", COMMENT],
        capture_output=True,
        check=True,
    )
    public = read_public_key((tmp_path / "pub").read_text())
    signed = (tmp_path / "file.minisig").read_text()
    assert verify(public, MESSAGE, signed).trusted_comment == COMMENT
    with pytest.raises(PacketError):
        verify(public, MESSAGE[:-1], signed)


def _lines(text: str) -> list[str]:
    return text.split("\n")


@pytest.mark.parametrize(
    ("tamper", "words"),
    [
        (lambda m, s: (m + b"!", s), "签名后被改动"),
        (
            lambda m, s: (
                m,
                "\n".join(
                    line if not line.startswith("trusted comment: ") else line + "x"
                    for line in _lines(s)
                ),
            ),
            "可信注释",
        ),
        (lambda m, s: (m, s.replace("trusted comment: ", "trusted-comment: ")), "格式不对"),
        (lambda m, s: (m, "\n".join(_lines(s)[:2])), "格式不对"),
        (
            lambda m, s: (
                m,
                "\n".join(
                    [
                        _lines(s)[0],
                        base64.b64encode(b"Ed" + base64.b64decode(_lines(s)[1])[2:]).decode(),
                        *_lines(s)[2:],
                    ]
                ),
            ),
            "预哈希",
        ),
        (
            lambda m, s: (
                m,
                "\n".join([_lines(s)[0], _lines(s)[1][:-4] + "!!!!", *_lines(s)[2:]]),
            ),
            "Base64",
        ),
    ],
)
def test_every_tampering_is_refused_with_its_own_message(key, tamper, words: str) -> None:  # type: ignore[no-untyped-def]
    message, signed = tamper(MESSAGE, sign(key, MESSAGE, trusted_comment=COMMENT))
    with pytest.raises(PacketError) as raised:
        verify(key.public(), message, signed)
    assert words in raised.value.message


def test_another_key_is_not_trusted(key) -> None:  # type: ignore[no-untyped-def]
    other = generate()
    with pytest.raises(PacketError) as raised:
        verify(other.public(), MESSAGE, sign(key, MESSAGE, trusted_comment=COMMENT))
    assert "密钥编号不同" in raised.value.message


def test_a_signature_from_another_key_with_the_same_id_is_refused(key) -> None:  # type: ignore[no-untyped-def]
    impostor = generate(lambda n: key.key_id)
    with pytest.raises(PacketError) as raised:
        verify(key.public(), MESSAGE, sign(impostor, MESSAGE, trusted_comment=COMMENT))
    assert "签名与内容不符" in raised.value.message


def test_comments_stay_on_one_line(key) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError):
        sign(key, MESSAGE, trusted_comment="a\nb")


def test_a_public_key_file_round_trips(key) -> None:  # type: ignore[no-untyped-def]
    assert read_public_key(key.public().file_text()) == key.public()
    for bad in ("", "untrusted comment: x\nAAAA", "untrusted comment: x\n" + "A" * 56):
        with pytest.raises(PacketError):
            read_public_key(bad)


@given(st.text(max_size=400), st.binary(max_size=200))
def test_the_verifier_never_crashes_on_mutated_input(text: str, message: bytes) -> None:
    public = generate(lambda n: b"\x01" * n).public()
    with contextlib.suppress(PacketError):  # any other exception fails the test
        verify(public, message, text)
