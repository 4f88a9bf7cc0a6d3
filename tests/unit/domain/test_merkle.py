"""RFC 6962 hashing against the Certificate Transparency reference vectors, the Frontier against
the RFC's recursive definition, and consistency proofs (RFC 9162 §2.1.4) against
transparency-dev/merkle's vectors, hand-built trees of every size pair up to 20, and Hypothesis."""

from __future__ import annotations

import base64
import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.merkle import (
    EMPTY_ROOT,
    HASH_SIZE,
    Frontier,
    consistency_proof,
    leaf_hash,
    node_hash,
    root_of,
    verify_consistency,
)

# The leaves of the reference tree (hex), as published with RFC 6962's reference code and
# repeated in every CT implementation's tests (transparency-dev/merkle testonly/constants.go).
CT_LEAVES = [
    bytes.fromhex(h)
    for h in (
        "",
        "00",
        "10",
        "2021",
        "3031",
        "40414243",
        "5051525354555657",
        "606162636465666768696a6b6c6d6e6f",
    )
]
# The tree head for each size 0..8. A root that disagrees proves nothing to anyone else's tool.
CT_ROOTS = [
    "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
    "6e340b9cffb37a989ca544e6bb780a2c78901d3fb33738768511a30617afa01d",
    "fac54203e7cc696cf0dfcb42c92a1d9dbaf70ad9e621f4bd8d98662f00e3c125",
    "aeb6bcfe274b70a14fb067a5e5578264db0fa9b51af5e0ba159158f329e06e77",
    "d37ee418976dd95753c1c73862b9398fa2a2cf9b4ff0fdfe8b30cd95209614b7",
    "4e3bbb1f7b478dcfe71fb631631519a3bca12c9aefca1612bfce4c13a86264d4",
    "76e67dadbcdf1e10e1b74ddc608abd2f98dfb16fbce75277b5232a127f2087ef",
    "ddb89be403809e325750d3d263cd78929c2942b7942a34b77e122c9594a74c8c",
    "5dc9da79a70659a9ad559cb701ded9a2ab9d823aad2f4960cfe370eff4604328",
]
CT_LEAF_HASHES = [leaf_hash(data) for data in CT_LEAVES]

hashes = st.binary(min_size=HASH_SIZE, max_size=HASH_SIZE)


# -- reference vectors ------------------------------------------------------------------------


def test_empty_tree_is_the_hash_of_nothing() -> None:
    assert EMPTY_ROOT.hex() == CT_ROOTS[0]
    assert root_of([]) == EMPTY_ROOT
    assert Frontier().root() == EMPTY_ROOT


def test_leaf_and_node_hashes_carry_the_domain_separation_prefixes() -> None:
    assert leaf_hash(b"").hex() == CT_ROOTS[1]
    assert leaf_hash(b"\x10") == hashlib.sha256(b"\x00\x10").digest()
    left, right = CT_LEAF_HASHES[0], CT_LEAF_HASHES[1]
    assert node_hash(left, right) == hashlib.sha256(b"\x01" + left + right).digest()
    assert node_hash(left, right).hex() == CT_ROOTS[2]
    # Without the prefixes a leaf could pose as a node: the two must differ.
    assert leaf_hash(left + right) != node_hash(left, right)


@pytest.mark.parametrize("size", range(len(CT_ROOTS)))
def test_root_of_matches_the_reference_root(size: int) -> None:
    assert root_of(CT_LEAF_HASHES[:size]).hex() == CT_ROOTS[size]


@pytest.mark.parametrize("size", range(len(CT_ROOTS)))
def test_frontier_matches_the_reference_root(size: int) -> None:
    frontier = Frontier()
    for leaf in CT_LEAF_HASHES[:size]:
        frontier.append(leaf)
    assert frontier.size == size
    assert frontier.root().hex() == CT_ROOTS[size]


def test_frontier_root_is_right_after_every_append() -> None:
    frontier = Frontier()
    seen = [frontier.root().hex()]
    for leaf in CT_LEAF_HASHES:
        frontier.append(leaf)
        seen.append(frontier.root().hex())
    assert seen == CT_ROOTS


def test_split_is_the_largest_power_of_two_below_n_not_the_midpoint() -> None:
    # Size 6: RFC 6962 splits 4 + 2; a midpoint split (3 + 3) would give another root.
    h = CT_LEAF_HASHES
    rfc = node_hash(root_of(h[:4]), root_of(h[4:6]))
    midpoint = node_hash(root_of(h[:3]), root_of(h[3:6]))
    assert root_of(h[:6]) == rfc != midpoint
    assert rfc.hex() == CT_ROOTS[6]


# -- the Frontier against the recursive definition --------------------------------------------


@given(st.lists(hashes, max_size=80))
def test_frontier_equals_root_of_for_every_prefix(leaves: list[bytes]) -> None:
    frontier = Frontier()
    assert frontier.root() == root_of([])
    for n, leaf in enumerate(leaves, start=1):
        frontier.append(leaf)
        assert frontier.size == n
        assert frontier.root() == root_of(leaves[:n])


@given(st.lists(hashes, max_size=80))
def test_frontier_holds_one_perfect_subtree_root_per_set_bit(leaves: list[bytes]) -> None:
    frontier = Frontier()
    for leaf in leaves:
        frontier.append(leaf)
    n = len(leaves)
    expected, start = [], 0
    for bit in reversed(range(n.bit_length())):
        if n >> bit & 1:
            expected.append(root_of(leaves[start : start + (1 << bit)]))
            start += 1 << bit
    assert list(frontier.hashes) == expected
    assert len(frontier.hashes) == n.bit_count()


@given(st.lists(hashes, max_size=80), st.lists(hashes, max_size=20))
def test_to_bytes_from_bytes_round_trip_and_the_copy_keeps_growing(
    leaves: list[bytes], more: list[bytes]
) -> None:
    frontier = Frontier()
    for leaf in leaves:
        frontier.append(leaf)
    blob = frontier.to_bytes()
    assert len(blob) == HASH_SIZE * len(leaves).bit_count()
    restored = Frontier.from_bytes(frontier.size, blob)
    assert restored == frontier
    assert restored.root() == frontier.root()
    for leaf in more:
        restored.append(leaf)
    assert restored.root() == root_of(leaves + more)


@given(st.integers(0, 2**48), st.integers(0, 40 * HASH_SIZE))
def test_from_bytes_rejects_a_blob_that_does_not_match_the_size(size: int, length: int) -> None:
    blob = bytes(length)
    if length == HASH_SIZE * size.bit_count():
        assert Frontier.from_bytes(size, blob).size == size
    else:
        with pytest.raises(ValueError, match="does not match"):
            Frontier.from_bytes(size, blob)


@pytest.mark.parametrize(
    ("size", "length"),
    [
        (0, 32),  # an empty tree has no subtree roots
        (1, 0),
        (3, 32),  # 0b11 needs two
        (3, 96),
        (4, 31),  # a truncated hash
        (5, 65),
        (-1, 0),
        (-3, 64),
    ],
)
def test_from_bytes_rejects_these(size: int, length: int) -> None:
    with pytest.raises(ValueError, match="does not match"):
        Frontier.from_bytes(size, bytes(length))


# -- consistency proofs -----------------------------------------------------------------------


def _b64(text: str) -> bytes:
    return base64.b64decode(text)


# From transparency-dev/merkle testdata/consistency/{0..4}/happy-path.json (the same trees as
# CT_LEAVES): size1, size2, proof. Roots are CT_ROOTS.
TD_HAPPY = [
    (1, 1, []),
    (1, 8, ["lqKW0iTyhcZ77pPDD4owkVfw2qNdxbh+QQt4YwoJz8c=",
            "Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "a0eq8p7jwq+a+Im8H7klTavTEXfxYjLdaqsDXKOb9uQ="]),
    (6, 8, ["DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
            "yoVOoSjtBQtBs1/8G4e46yveRh6eO1WW7Oa51ZdaCuA=",
            "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc="]),
    (2, 5, ["Xwg/ChozygdqlSeYMlgNs+DvRYS9/x9UyKNg9Q3jAx4=",
            "vBoGQ7EuTS18d5GPROD095qDi2z57FtcKD4fTYhZnms="]),
    (6, 7, ["DrxdNDf74tsVi58Sah0RjjCBgQMdCpSfje3t68VY72o=",
            "sIaT7C5yFZcTBkHoIR5+7cy0wmQTlj7ubB4u0W/7Gl8=",
            "037kGJdt2VdTwcc4Yrk5j6Kiz5tP8P3+izDNlSCWFLc="]),
]  # fmt: skip


@pytest.mark.parametrize(("m", "n", "proof"), TD_HAPPY)
def test_consistency_proofs_match_the_transparency_dev_vectors(
    m: int, n: int, proof: list[str]
) -> None:
    expected = [_b64(h) for h in proof]
    assert consistency_proof(CT_LEAF_HASHES[:n], m) == expected
    old, new = bytes.fromhex(CT_ROOTS[m]), bytes.fromhex(CT_ROOTS[n])
    assert verify_consistency(m, old, n, new, expected)


def _td_case(case: str) -> tuple[int, bytes, int, bytes, list[bytes]]:
    """The transparency-dev vectors' invalid cases (wantErr: true), built from (1 → 8) and
    (6 → 8) the way their generator mutates a happy path."""
    proof = [_b64(h) for h in TD_HAPPY[1][2]]
    r1, r8 = bytes.fromhex(CT_ROOTS[1]), bytes.fromhex(CT_ROOTS[8])
    cases = {
        "empty-proof": (1, r1, 8, r8, []),
        "modified-proof[1]-bit-4": (
            1, r1, 8, r8, [proof[0], bytes([proof[1][0] ^ 16]) + proof[1][1:], proof[2]]
        ),
        "preceding-garbage": (1, r1, 8, r8, [bytes(32), *proof]),
        "trailing-garbage": (1, r1, 8, r8, [*proof, b""]),
        "trailing-root1": (1, r1, 8, r8, [*proof, r1]),
        "truncated-proof": (1, r1, 8, r8, proof[:-1]),
        "size1-+-1": (2, r1, 8, r8, proof),
        "size2-div-2": (1, r1, 4, r8, proof),
        "swapped-roots": (1, r8, 8, r1, proof),
        "wrong-root1": (1, bytes.fromhex(CT_ROOTS[2]), 8, r8, proof),
        "wrong-root2": (1, r1, 8, bytes.fromhex(CT_ROOTS[7]), proof),
        "size1-+-1 (6 to 8)": (
            7, bytes.fromhex(CT_ROOTS[6]), 8, r8, [_b64(h) for h in TD_HAPPY[2][2]]
        ),
    }  # fmt: skip
    return cases[case]


@pytest.mark.parametrize(
    "case",
    [
        "empty-proof",
        "modified-proof[1]-bit-4",
        "preceding-garbage",
        "trailing-garbage",
        "trailing-root1",
        "truncated-proof",
        "size1-+-1",
        "size2-div-2",
        "swapped-roots",
        "wrong-root1",
        "wrong-root2",
        "size1-+-1 (6 to 8)",
    ],
)
def test_the_transparency_dev_invalid_cases_fail(case: str) -> None:
    assert not verify_consistency(*_td_case(case))


TREE_20 = [leaf_hash(f"entry {i}".encode()) for i in range(20)]
PAIRS = [(m, n) for n in range(1, 21) for m in range(1, n + 1)]


@pytest.mark.parametrize(("m", "n"), PAIRS)
def test_every_prefix_of_every_tree_up_to_20_is_proven_and_nothing_else(m: int, n: int) -> None:
    leaves = TREE_20[:n]
    old, new = root_of(leaves[:m]), root_of(leaves)
    proof = consistency_proof(leaves, m)
    assert verify_consistency(m, old, n, new, proof)
    assert (proof == []) == (m == n)
    # a flipped bit anywhere in the proof
    for i, node in enumerate(proof):
        for at in (0, 17, 31):
            broken = [*proof]
            broken[i] = node[:at] + bytes([node[at] ^ 0x80]) + node[at + 1 :]
            assert not verify_consistency(m, old, n, new, broken), (i, at)
    # wrong roots
    assert not verify_consistency(m, root_of(leaves[: m - 1]), n, new, proof)
    assert not verify_consistency(m, old, n, root_of([*leaves[:-1], leaf_hash(b"x")]), proof)
    assert not verify_consistency(m, new, n, old, proof) or old == new
    # wrong sizes: the proof has the wrong shape for them. (Sizes whose proofs have the same
    # shape cannot be told apart by the hashes: a root does not commit to its tree's size, which
    # is why the checkpoint signs the size beside the root.)
    for m2, n2 in ((m - 1, n), (m + 1, n), (m, n - 1), (m, n + 1), (m, 2 * n), (m, n // 2)):
        if 0 < m2 <= n2 and len(consistency_proof([bytes(32)] * n2, m2)) != len(proof):
            assert not verify_consistency(m2, old, n2, new, proof), (m2, n2)
    # a proof that lost or gained a node
    if proof:
        assert not verify_consistency(m, old, n, new, proof[:-1])
    assert not verify_consistency(m, old, n, new, [*proof, proof[-1] if proof else new])


def test_edge_sizes() -> None:
    leaves = TREE_20[:5]
    root = root_of(leaves)
    assert consistency_proof(leaves, 0) == [] == consistency_proof(leaves, 5)
    assert verify_consistency(0, EMPTY_ROOT, 5, root, [])  # the empty tree precedes every tree
    assert not verify_consistency(0, EMPTY_ROOT, 5, root, [root])
    assert verify_consistency(0, EMPTY_ROOT, 0, EMPTY_ROOT, [])
    assert verify_consistency(5, root, 5, root, [])
    assert not verify_consistency(5, root, 5, root, [root])  # equal sizes need an empty proof
    assert not verify_consistency(5, root, 5, EMPTY_ROOT, [])
    assert not verify_consistency(6, root, 5, root, [])  # a tree does not shrink
    assert not verify_consistency(-1, root, 5, root, [])
    assert not verify_consistency(2, root[:31], 5, root, consistency_proof(leaves, 2))
    for bad in (-1, 6):
        with pytest.raises(ValueError, match="outside"):
            consistency_proof(leaves, bad)


@given(st.lists(hashes, min_size=1, max_size=300), st.data())
def test_consistency_between_any_two_sizes(leaves: list[bytes], data: st.DataObject) -> None:
    n = data.draw(st.integers(1, len(leaves)), label="n")
    m = data.draw(st.integers(1, n), label="m")
    frontier = Frontier()
    for leaf in leaves[:n]:
        frontier.append(leaf)
    old, new = root_of(leaves[:m]), frontier.root()
    proof = consistency_proof(leaves[:n], m)
    assert verify_consistency(m, old, n, new, proof)
    assert len(proof) <= 2 * n.bit_length()
    if proof:
        i = data.draw(st.integers(0, len(proof) - 1), label="node")
        at = data.draw(st.integers(0, HASH_SIZE - 1), label="byte")
        broken = [*proof]
        broken[i] = proof[i][:at] + bytes([proof[i][at] ^ 1]) + proof[i][at + 1 :]
        assert not verify_consistency(m, old, n, new, broken)


@given(st.lists(hashes, min_size=2, max_size=64), st.data())
def test_a_rewritten_history_is_never_proven(leaves: list[bytes], data: st.DataObject) -> None:
    """Change one leaf of the old tree: no proof of the new tree starts from the old root."""
    n = len(leaves)
    m = data.draw(st.integers(1, n - 1), label="m")
    i = data.draw(st.integers(0, m - 1), label="changed leaf")
    rewritten = [*leaves]
    rewritten[i] = hashlib.sha256(leaves[i]).digest()
    proof = consistency_proof(rewritten, m)  # honest about the rewritten log
    assert not verify_consistency(m, root_of(leaves[:m]), n, root_of(rewritten), proof)
