"""Signed checkpoints: a round trip, tampering, another key, rollback and fork refused, a proof
from the stored head accepted and one from another root refused; consistency.txt's format."""

from __future__ import annotations

import pytest

from desktop.domain import merkle
from desktop.errors import PacketError
from desktop.sealing import checkpoint, minisign
from desktop.sealing.checkpoint import (
    Head,
    Rejected,
    checkpoint_key_name,
    consistency_text,
    parse_consistency,
    require_consistent,
    sign,
    verify,
)

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
    with pytest.raises(Rejected) as raised:
        require_consistent(HEAD, Head(HEAD.origin, 1000, bytes(32)))
    assert raised.value.reason == "rollback" and "回滚" in raised.value.message
    with pytest.raises(Rejected) as raised:
        require_consistent(HEAD, Head(HEAD.origin, 1204, bytes(32)))
    assert raised.value.reason == "fork" and "改写" in raised.value.message
    with pytest.raises(Rejected) as raised:
        require_consistent(HEAD, Head("transfer-desk/other", 2000, bytes(32)))
    assert raised.value.reason == "origin"


LEAVES = [merkle.leaf_hash(f"audit {i}".encode()) for i in range(40)]
STORED = Head("transfer-desk/7e87a5ff", 25, merkle.root_of(LEAVES[:25]))
NOW = Head("transfer-desk/7e87a5ff", 40, merkle.root_of(LEAVES))


def test_a_proof_from_the_stored_head_passes() -> None:
    require_consistent(STORED, NOW, (25, STORED.root))
    require_consistent(STORED, STORED, (25, STORED.root))


def test_a_proof_from_the_stored_size_but_another_root_is_a_fork() -> None:
    """The sender proves its log grew from a 25-entry log, but not the one we received: its
    first 25 entries were rewritten after our last filing."""
    with pytest.raises(Rejected) as raised:
        require_consistent(STORED, NOW, (25, merkle.root_of(LEAVES[1:26])))
    assert raised.value.reason == "fork"
    assert "改写" in raised.value.message


@pytest.mark.parametrize("proven_from", [None, (10, merkle.root_of(LEAVES[:10])), (30, bytes(32))])
def test_a_larger_log_without_a_proof_from_the_stored_size_passes(
    proven_from: tuple[int, bytes] | None,
) -> None:
    """The receiver missed a filing: the sender proves from the last head it sent, which the
    receiver never stored (or sent none). Nothing to compare, so it passes; rollback and fork
    are still refused whatever the proof."""
    require_consistent(STORED, NOW, proven_from)
    with pytest.raises(Rejected) as raised:
        require_consistent(NOW, STORED, proven_from)
    assert raised.value.reason == "rollback"
    with pytest.raises(Rejected) as raised:
        require_consistent(STORED, Head(STORED.origin, 25, bytes(32)), proven_from)
    assert raised.value.reason == "fork"


def test_the_key_name_is_a_valid_signed_note_name() -> None:
    name = checkpoint_key_name(KEY.public())
    assert name == "transfer-desk-" + KEY.public().key_id_hex
    assert "+" not in name and " " not in name
    assert verify(sign(HEAD, name, KEY), name, KEY.public()) == HEAD
    for bad in ("a+b", "a b", ""):
        with pytest.raises(ValueError):
            sign(HEAD, bad, KEY)


def test_consistency_text_round_trips() -> None:
    proof = merkle.consistency_proof(LEAVES, 25)
    text = consistency_text(25, STORED.root, proof)
    assert text.splitlines()[:2] == ["transfer-desk consistency v1", "25"]
    assert text.endswith("\n") and len(text.splitlines()) == 3 + len(proof)
    assert parse_consistency(text) == (25, STORED.root, proof)
    assert parse_consistency(consistency_text(40, NOW.root, [])) == (40, NOW.root, [])


@pytest.mark.parametrize(
    "text",
    [
        "",
        "transfer-desk consistency v1\n25\n",
        "transfer-desk consistency v2\n25\nAAAA\n",
        "transfer-desk consistency v1\n025\n" + "A" * 43 + "=\n",
        "transfer-desk consistency v1\n+25\n" + "A" * 43 + "=\n",
        "transfer-desk consistency v1\n25\n" + "A" * 43 + "=",  # no final newline
        "transfer-desk consistency v1\n25\n" + "A" * 40 + "\n",  # not 32 bytes
        "transfer-desk consistency v1\n25\n" + "A" * 43 + "=\n!!\n",
        "transfer-desk consistency v1\n25\n" + "A" * 43 + "=\n\n",
    ],
)
def test_a_malformed_consistency_text_is_refused(text: str) -> None:
    with pytest.raises(PacketError) as raised:
        parse_consistency(text)
    assert "一致性证明" in raised.value.message


@pytest.mark.parametrize("size", ["01204", "+1204", " 1204", "1204 ", "-1", "１２０４"])
def test_a_size_that_is_not_plain_decimal_is_refused(size: str) -> None:
    text = sign(HEAD, NAME, KEY)
    forged = text.replace("\n1204\n", f"\n{size}\n", 1)
    note = forged.partition("\n\n")[0] + "\n"
    # re-sign the changed body, so only the parsing can refuse it
    private = checkpoint.Ed25519PrivateKey.from_private_bytes(KEY.raw)
    token = checkpoint.base64.b64encode(
        checkpoint.key_hash(NAME, KEY.public().raw) + private.sign(note.encode())
    ).decode()
    with pytest.raises(PacketError) as raised:
        verify(f"{note}\n\u2014 {NAME} {token}\n", NAME, KEY.public())
    assert "格式不对" in raised.value.message


def test_key_hash_follows_the_signed_note_rule() -> None:
    import hashlib

    public = KEY.public().raw
    assert (
        checkpoint.key_hash(NAME, public)
        == hashlib.sha256(NAME.encode() + b"\n" + b"\x01" + public).digest()[:4]
    )
