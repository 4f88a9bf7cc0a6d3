"""Argon2id derivation, its calibration floor and the stored parameters."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives.kdf.argon2 import Argon2id
from hypothesis import given
from hypothesis import strategies as st

from db import kdf
from db.kdf import FLOOR, KdfParams, calibrate, derive

# RFC 9106 §5.3 (Argon2id test vector).
RFC9106_TAG = bytes.fromhex("0d640df58d78766c08c037a34a8b53c9d01ef0452d75b65eb52520e96b01e659")


def test_argon2id_matches_rfc9106_test_vector() -> None:
    tag = Argon2id(
        salt=b"\x02" * 16,
        length=32,
        iterations=3,
        lanes=4,
        memory_cost=32,
        secret=b"\x03" * 8,
        ad=b"\x04" * 12,
    ).derive(b"\x01" * 32)
    assert tag == RFC9106_TAG


def test_derive_is_deterministic_and_salted() -> None:
    params = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
    first = derive(b"passphrase", b"s" * 16, params)
    assert len(first) == 32
    assert derive(b"passphrase", b"s" * 16, params) == first
    assert derive(b"passphrase", b"t" * 16, params) != first
    assert derive(b"passphrasf", b"s" * 16, params) != first


def test_derive_depends_on_every_parameter() -> None:
    base = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)
    results = {
        derive(b"pw", b"s" * 16, p)
        for p in (
            base,
            KdfParams(9 * 1024, 1, 1),
            KdfParams(8 * 1024, 2, 1),
            KdfParams(8 * 1024, 1, 2),
        )
    }
    assert len(results) == 4


def test_floor_is_rfc9106_second_option() -> None:
    assert (FLOOR.memory_kib, FLOOR.iterations, FLOOR.lanes) == (65536, 3, 4)


class StepClock:
    """A clock whose every derivation appears to last the next of ``durations`` seconds."""

    def __init__(self, durations: Iterator[float]) -> None:
        self._durations = durations
        self._now = 1000.0
        self._started = False
        self.derivations = 0

    def __call__(self) -> float:
        if self._started:
            self._now += next(self._durations)
            self.derivations += 1
        self._started = not self._started
        return self._now


def _constant(seconds: float) -> Iterator[float]:
    while True:
        yield seconds


@pytest.fixture
def no_derive(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(kdf, "derive", lambda passphrase, salt, params: b"\0" * 32)


def _at_least_floor(params: KdfParams) -> bool:
    return (
        params.memory_kib >= FLOOR.memory_kib
        and params.iterations >= FLOOR.iterations
        and params.lanes == FLOOR.lanes
    )


@pytest.mark.usefixtures("no_derive")
def test_calibrate_on_a_slow_machine_stays_at_the_floor() -> None:
    clock = StepClock(_constant(30.0))
    assert calibrate(clock=clock) == FLOOR
    assert clock.derivations == 1


@pytest.mark.usefixtures("no_derive")
def test_calibrate_on_a_fast_machine_grows_memory_then_iterations() -> None:
    params = calibrate(clock=StepClock(_constant(0.0)), max_rounds=12)
    assert params.memory_kib == kdf.MAX_MEMORY_KIB
    assert params.iterations > FLOOR.iterations
    assert params.lanes == FLOOR.lanes


@pytest.mark.usefixtures("no_derive")
def test_calibrate_reaches_about_the_target_when_cost_scales_with_memory() -> None:
    # 64 MiB takes 0.1 s, so 0.5 s needs about 320 MiB.
    params = FLOOR
    seen: list[KdfParams] = []

    def fake_derive(passphrase: bytes, salt: bytes, p: KdfParams) -> bytes:
        nonlocal params
        params = p
        seen.append(p)
        return b"\0" * 32

    def durations() -> Iterator[float]:
        while True:
            yield 0.1 * params.memory_kib / FLOOR.memory_kib

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kdf, "derive", fake_derive)
        result = calibrate(target_seconds=0.5, clock=StepClock(durations()))
    assert seen[0] == FLOOR
    assert 256 * 1024 <= result.memory_kib <= 512 * 1024
    assert result.memory_kib % 1024 == 0
    assert _at_least_floor(result)


@given(st.lists(st.floats(min_value=-5, max_value=60, allow_nan=False), min_size=1, max_size=8))
def test_calibrate_never_goes_below_the_floor(durations: list[float]) -> None:
    def cycle() -> Iterator[float]:
        while True:
            yield from durations

    with pytest.MonkeyPatch.context() as mp:
        mp.setattr(kdf, "derive", lambda passphrase, salt, params: b"\0" * 32)
        params = calibrate(clock=StepClock(cycle()))
    assert _at_least_floor(params)
    assert params.memory_kib <= kdf.MAX_MEMORY_KIB


def test_calibrate_with_the_real_kdf_and_a_tiny_budget_returns_the_floor() -> None:
    assert calibrate(target_seconds=0.001) == FLOOR


def test_kdf_params_round_trip_through_dict() -> None:
    params = KdfParams(memory_kib=262144, iterations=4, lanes=4)
    data = params.as_dict()
    assert data == {"name": "argon2id", "m_kib": 262144, "t": 4, "p": 4}
    assert KdfParams.from_dict(dict(data)) == params


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"m_kib": 65536, "t": 3, "p": 4},
        {"name": "argon2i", "m_kib": 65536, "t": 3, "p": 4},
        {"name": "pbkdf2", "m_kib": 65536, "t": 3, "p": 4},
        {"name": "argon2id", "t": 3, "p": 4},
        {"name": "argon2id", "m_kib": 65536, "p": 4},
        {"name": "argon2id", "m_kib": 65536, "t": 3},
        {"name": "argon2id", "m_kib": "65536", "t": 3, "p": 4},
        {"name": "argon2id", "m_kib": 65536.0, "t": 3, "p": 4},
        {"name": "argon2id", "m_kib": 0, "t": 3, "p": 4},
        {"name": "argon2id", "m_kib": 65536, "t": -1, "p": 4},
        {"name": "argon2id", "m_kib": 65536, "t": 3, "p": None},
        {"name": "argon2id", "m_kib": 4, "t": 1, "p": 1},
        [],
        None,
        pytest.param(
            {"name": "argon2id", "m_kib": 65536, "t": True, "p": 4},
            id="bool",
        ),
    ],
)
def test_kdf_params_from_dict_rejects_bad_data(data: object) -> None:
    with pytest.raises(ValueError):
        KdfParams.from_dict(data)  # type: ignore[arg-type]  # bad input on purpose
