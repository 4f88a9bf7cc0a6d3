"""RFC 6962 Merkle tree hashing (section 2.1), the shape Certificate Transparency logs use.

Leaf hash = SHA-256(0x00 || data), node hash = SHA-256(0x01 || left || right), and a tree of n
leaves splits at the largest power of two below n. The audit log keeps a ``Frontier`` (the roots of
the perfect subtrees that make up the tree, left to right) so an append costs O(log n) hashes and
the current root is always one fold away.
"""

from __future__ import annotations

import hashlib
from collections.abc import Sequence
from dataclasses import dataclass

HASH_SIZE = 32
EMPTY_ROOT = hashlib.sha256(b"").digest()


def leaf_hash(data: bytes) -> bytes:
    return hashlib.sha256(b"\x00" + data).digest()


def node_hash(left: bytes, right: bytes) -> bytes:
    return hashlib.sha256(b"\x01" + left + right).digest()


def root_of(leaf_hashes: Sequence[bytes]) -> bytes:
    """MTH(D[n]) by the RFC's recursive definition: the reference the Frontier is tested against."""
    n = len(leaf_hashes)
    if n == 0:
        return EMPTY_ROOT
    if n == 1:
        return leaf_hashes[0]
    k = 1 << ((n - 1).bit_length() - 1)  # the largest power of two smaller than n
    return node_hash(root_of(leaf_hashes[:k]), root_of(leaf_hashes[k:]))


@dataclass
class Frontier:
    """The compact state of a growing tree: its size and one subtree root per set bit of it."""

    size: int = 0
    hashes: tuple[bytes, ...] = ()

    def append(self, leaf: bytes) -> None:
        hashes = list(self.hashes)
        merged = leaf
        # Each trailing one-bit of the old size is a perfect subtree that the new leaf completes.
        size = self.size
        while size & 1:
            merged = node_hash(hashes.pop(), merged)
            size >>= 1
        hashes.append(merged)
        self.hashes = tuple(hashes)
        self.size += 1

    def root(self) -> bytes:
        if not self.hashes:
            return EMPTY_ROOT
        acc = self.hashes[-1]
        for left in reversed(self.hashes[:-1]):
            acc = node_hash(left, acc)
        return acc

    def to_bytes(self) -> bytes:
        return b"".join(self.hashes)

    @classmethod
    def from_bytes(cls, size: int, blob: bytes) -> Frontier:
        if size < 0 or len(blob) != HASH_SIZE * size.bit_count():
            raise ValueError("frontier does not match its size")
        hashes = tuple(blob[i : i + HASH_SIZE] for i in range(0, len(blob), HASH_SIZE))
        return cls(size, hashes)


# -- consistency proofs (RFC 9162 §2.1.4, the same as RFC 6962 §2.1.2) ---------------------------
def _range_root(leaf_hashes: Sequence[bytes], start: int, end: int) -> bytes:
    """MTH of ``leaf_hashes[start:end]`` without copying the list."""
    n = end - start
    if n == 1:
        return leaf_hashes[start]
    k = 1 << ((n - 1).bit_length() - 1)
    return node_hash(
        _range_root(leaf_hashes, start, start + k), _range_root(leaf_hashes, start + k, end)
    )


def consistency_proof(leaf_hashes: Sequence[bytes], old_size: int) -> list[bytes]:
    """PROOF(m, D[n]) of RFC 9162 §2.1.4.1: the hashes that show the tree of
    ``leaf_hashes[:old_size]`` is a prefix of the tree of all ``leaf_hashes`` (already leaf hashes,
    as the audit log stores them). Empty when ``old_size`` is 0 or the whole tree."""
    n = len(leaf_hashes)
    if not 0 <= old_size <= n:
        raise ValueError(f"old size {old_size} is outside 0..{n}")
    if old_size in (0, n):
        return []
    proof: list[bytes] = []
    # SUBPROOF(m, D[start:end], complete), unrolled: each level appends one subtree root; the
    # list is built from the leaves up, as the RFC's recursion returns it.
    start, end, m, complete = 0, n, old_size, True
    tail: list[bytes] = []
    while m != end - start:
        k = 1 << ((end - start - 1).bit_length() - 1)
        if m <= k:
            tail.append(_range_root(leaf_hashes, start + k, end))
            end = start + k
        else:
            tail.append(_range_root(leaf_hashes, start, start + k))
            start, m, complete = start + k, m - k, False
    if not complete:
        proof.append(_range_root(leaf_hashes, start, end))
    proof.extend(reversed(tail))
    return proof


def verify_consistency(
    old_size: int, old_root: bytes, new_size: int, new_root: bytes, proof: Sequence[bytes]
) -> bool:
    """True when ``proof`` shows that the tree (old_size, old_root) is a prefix of the tree
    (new_size, new_root): the algorithm of RFC 9162 §2.1.4.2. Equal sizes need an empty proof and
    equal roots; an old size of 0 is a prefix of every tree (empty proof), as transparency-dev's
    verifier treats it."""
    if old_size < 0 or new_size < old_size:
        return False
    if any(len(h) != HASH_SIZE for h in (old_root, new_root, *proof)):
        return False
    if old_size == new_size:
        return not proof and old_root == new_root
    if old_size == 0:
        return not proof
    if not proof:
        return False
    path = list(proof)
    if old_size & (old_size - 1) == 0:  # a perfect subtree: the old root is the first node
        path.insert(0, old_root)
    fn, sn = old_size - 1, new_size - 1
    while fn & 1:
        fn >>= 1
        sn >>= 1
    fr = sr = path[0]
    for c in path[1:]:
        if sn == 0:
            return False
        if fn & 1 or fn == sn:
            fr = node_hash(c, fr)
            sr = node_hash(c, sr)
            while fn and not fn & 1:
                fn >>= 1
                sn >>= 1
        else:
            sr = node_hash(sr, c)
        fn >>= 1
        sn >>= 1
    return fr == old_root and sr == new_root and sn == 0
