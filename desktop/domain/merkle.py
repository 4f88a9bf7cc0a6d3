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
