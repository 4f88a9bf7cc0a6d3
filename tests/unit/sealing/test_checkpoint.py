"""Signed checkpoints: a round trip, tampering, another key, rollback and fork refused."""

from __future__ import annotations

import pytest

from desktop.errors import PacketError
from desktop.sealing import checkpoint, minisign
from desktop.sealing.checkpoint import Head, require_consistent, sign, verify

KEY = minisign.generate()
NAME = "transfer-desk.unit.91210100MA0000001G"
HEAD = Head("transfer-desk/7e87a5ff", 1204, bytes(range(32)))


def test_a_round_trip_in_the_c2sp_layout() -> None:
    text = sign(HEAD, NAME, KEY)
    lines = text.split("\n")
    assert lines[:4] == [
        "transfer-desk/7e87a5ff",
        "1204",
        "AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=",
        "",
    ]
    assert lines[4].startswith(f"\u2014 {NAME} ")
    assert verify(text, NAME, KEY.public()) == HEAD


@pytest.mark.parametrize(
    ("mutate", "words"),
    [
        (lambda t: t.replace("1204", "1205", 1), "改动过"),
        (lambda t: t.replace("\n\n", "\n", 1), "缺少签名"),
        (lambda t: t.replace(NAME, "someone-else"), "没有发送单位密钥的签名"),
    ],
)
def test_tampering_is_refused(mutate, words: str) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(PacketError) as raised:
        verify(mutate(sign(HEAD, NAME, KEY)), NAME, KEY.public())
    assert words in raised.value.message


def test_another_key_is_refused() -> None:
    with pytest.raises(PacketError):
        verify(sign(HEAD, NAME, minisign.generate()), NAME, KEY.public())


def test_the_log_only_grows() -> None:
    require_consistent(None, HEAD)
    require_consistent(HEAD, Head(HEAD.origin, 1300, bytes(32)))
    require_consistent(HEAD, HEAD)
    with pytest.raises(PacketError) as raised:
        require_consistent(HEAD, Head(HEAD.origin, 1000, bytes(32)))
    assert "回滚" in raised.value.message
    with pytest.raises(PacketError) as raised:
        require_consistent(HEAD, Head(HEAD.origin, 1204, bytes(32)))
    assert "改写" in raised.value.message
    with pytest.raises(PacketError):
        require_consistent(HEAD, Head("transfer-desk/other", 2000, bytes(32)))


def test_key_hash_follows_the_signed_note_rule() -> None:
    import hashlib

    public = KEY.public().raw
    assert (
        checkpoint.key_hash(NAME, public)
        == hashlib.sha256(NAME.encode() + b"\n" + b"\x01" + public).digest()[:4]
    )
