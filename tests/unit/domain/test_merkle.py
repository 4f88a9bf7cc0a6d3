"""RFC 6962 hashing against the Certificate Transparency reference vectors, and the Frontier
against the RFC's recursive definition."""

from __future__ import annotations

import hashlib

import pytest
from hypothesis import given
from hypothesis import strategies as st

from desktop.domain.merkle import (
    EMPTY_ROOT,
    HASH_SIZE,
    Frontier,
    leaf_hash,
    node_hash,
    root_of,
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
