"""Argon2id key derivation with a time budget, as KeePassXC calibrates its KDF.

The floor (64 MiB, t=3, p=4) is RFC 9106's second recommended option; calibration only goes up.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from cryptography.hazmat.primitives.kdf.argon2 import Argon2id

FLOOR_MEMORY_KIB = 64 * 1024
FLOOR_ITERATIONS = 3
LANES = 4
MAX_MEMORY_KIB = 1024 * 1024
TARGET_SECONDS = 0.5


@dataclass(frozen=True)
class KdfParams:
    memory_kib: int
    iterations: int
    lanes: int = LANES

    def as_dict(self) -> dict[str, int | str]:
        return {
            "name": "argon2id",
            "m_kib": self.memory_kib,
            "t": self.iterations,
            "p": self.lanes,
        }

    @classmethod
    def from_dict(cls, data: object) -> KdfParams:
        if not isinstance(data, dict):
            raise ValueError("kdf parameters must be an object")
        if data.get("name") != "argon2id":
            raise ValueError(f"unknown kdf {data.get('name')!r}")
        values = [data.get("m_kib"), data.get("t"), data.get("p")]
        numbers = [v for v in values if isinstance(v, int) and not isinstance(v, bool) and v > 0]
        if len(numbers) != 3:
            raise ValueError("bad kdf parameters")
        params = cls(memory_kib=numbers[0], iterations=numbers[1], lanes=numbers[2])
        if params.memory_kib < 8 * params.lanes:
            raise ValueError("Argon2 needs at least 8 KiB of memory per lane")
        return params


FLOOR = KdfParams(FLOOR_MEMORY_KIB, FLOOR_ITERATIONS, LANES)


def derive(passphrase: bytes, salt: bytes, params: KdfParams) -> bytes:
    return Argon2id(
        salt=salt,
        length=32,
        iterations=params.iterations,
        lanes=params.lanes,
        memory_cost=params.memory_kib,
    ).derive(passphrase)


def calibrate(
    target_seconds: float = TARGET_SECONDS,
    clock: Callable[[], float] = time.perf_counter,
    max_rounds: int = 6,
) -> KdfParams:
    """Grow memory from the floor (then iterations) until one derivation costs about the target."""
    params = FLOOR
    for _ in range(max_rounds):
        start = clock()
        derive(b"calibration", b"\0" * 16, params)
        elapsed = max(clock() - start, 1e-3)
        if elapsed >= target_seconds * 0.7:
            break
        factor = min(target_seconds / elapsed, 4.0)
        if params.memory_kib < MAX_MEMORY_KIB:
            # Whole MiB, so stored parameters stay readable.
            memory = min(MAX_MEMORY_KIB, int(params.memory_kib * factor) // 1024 * 1024)
            params = KdfParams(max(FLOOR_MEMORY_KIB, memory), params.iterations)
        else:
            params = KdfParams(params.memory_kib, params.iterations + max(1, round(factor) - 1))
    return params
