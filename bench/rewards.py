"""Reward calculations: 10,000 calculations of 20 people each, beside bare arithmetic.

Prints figures; it is not a test. Run with ``.venv/bin/python bench/rewards.py`` (also in
``make bench``).

* ``desktop.domain.rewards.calculate`` on ``--calculations`` transfer calculations of ``--people``
  recipients each (random receipts, deductions and contribution weights, fixed seed): every rule
  looked up, every step explained, the 36-month tax window per receipt, the split exact to the fen;
* beside it, bare arithmetic on the same inputs: net income × 50% rounded, and a naive per-person
  ``quantize`` (which does not add up to the pool: the count of pools it misses is printed);
* storing: ``RewardService.save`` of ``--stored`` calculations into a vault (fast test KDF),
  each one transaction with its audit entry, then reading one back (``get``).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from machine import cpu_and_system  # noqa: E402 (bench/machine.py, beside this script)

from db.kdf import KdfParams  # noqa: E402
from db.vault import Vault  # noqa: E402
from desktop.domain.accounts import UserDraft  # noqa: E402
from desktop.domain.people import PersonDraft  # noqa: E402
from desktop.domain.rewards import (  # noqa: E402
    Deduction,
    Receipt,
    Recipient,
    RewardDraft,
    RewardInput,
    Share,
    UnitPolicy,
    calculate,
)
from desktop.domain.unit import UnitProfile  # noqa: E402
from desktop.services.bundle import build_services  # noqa: E402
from desktop.services.setup import FirstRunDraft  # noqa: E402

FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # = tests.support.TEST_KDF
PASSPHRASE = "Bench-Liaoning-2025-jiangli"
POLICY = UnitPolicy(allowed_deductions=frozenset({"评估费", "专利维持费", "交易佣金"}))


def inputs(count: int, people: int, seed: int = 7) -> list[RewardInput]:
    rng = random.Random(seed)
    found = []
    for _ in range(count):
        recipients = tuple(
            Recipient(
                i,
                f"人{i}",
                Decimal(rng.randint(1000, 2000) if i <= people // 2 + 1 else rng.randint(1, 500)),
                main=i <= people // 2 + 1,
            )
            for i in range(1, people + 1)
        )
        receipts = tuple(
            Receipt(
                f"202{rng.randint(3, 5)}-0{rng.randint(1, 9)}-1{rng.randint(0, 9)}",
                rng.randint(1, 10**9),
            )
            for _ in range(rng.randint(1, 4))
        )
        deductions = (Deduction("评估费", rng.randint(0, 10**6)),)
        found.append(
            RewardInput(
                "transfer",
                recipients,
                POLICY,
                "2026-01-05",
                receipts,
                deductions,
                contract_registered=True,
                pay_on="2026-03-01",
            )
        )
    return found


def bare(data: RewardInput) -> bool:
    """The baseline: the pool and a naive split; True when the parts add up to the pool."""
    net = sum(r.amount_fen for r in data.receipts) - sum(d.amount_fen for d in data.deductions)
    pool = (Decimal(max(net, 0)) / 2).quantize(Decimal(1), rounding=ROUND_HALF_UP)
    whole = sum(r.weight for r in data.recipients)
    parts = [
        (pool * r.weight / whole).quantize(Decimal(1), rounding=ROUND_HALF_UP)
        for r in data.recipients
    ]
    return sum(parts) == pool


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--calculations", type=int, default=10_000)
    parser.add_argument("--people", type=int, default=20)
    parser.add_argument("--stored", type=int, default=1_000)
    args = parser.parse_args()
    print(cpu_and_system())
    cases = inputs(args.calculations, args.people)
    started = time.perf_counter()
    for data in cases:
        result = calculate(data)
        assert sum(x.amount_fen for x in result.lines) == result.pool_fen
    ours = time.perf_counter() - started
    started = time.perf_counter()
    exact = sum(bare(d) for d in cases)
    base = time.perf_counter() - started
    n = args.calculations
    print(f"{n} calculations of {args.people} people each")
    print(
        f"  calculate (explained, cited, exact)      {ours:7.2f} s   {ours / n * 1000:6.3f} ms each"
    )
    print(
        f"  baseline: bare arithmetic, naive split   {base:7.2f} s   {base / n * 1000:6.3f} ms each"
        f"   ({n - exact} of {n} naive splits miss the pool by a fen or more)"
    )

    with tempfile.TemporaryDirectory() as folder:
        vault = Vault(Path(folder) / "vault.db")
        services = build_services(vault, kdf=lambda: FAST_KDF)
        created = services.setup.create(
            FirstRunDraft(
                UnitProfile("辽宁省基准研究院", "91350100M000100Y43", "institute", True),
                UserDraft("admin", "管理员", ("system_admin",), "internal"),
                PASSPHRASE,
                PASSPHRASE,
            )
        )
        admin = services.session.unlock(created.admin_id, PASSPHRASE)

        issued = services.accounts.create(
            admin, UserDraft("officer", "专员", ("transfer_officer",), "internal")
        )
        officer = services.session.change_passphrase(
            issued.user, issued.passphrase, PASSPHRASE, PASSPHRASE
        )
        ids = [
            services.people.add(officer, PersonDraft(f"人{i}", None, "", "none"))
            for i in range(args.people)
        ]
        times = []
        for data in cases[: args.stored]:
            shares = tuple(
                Share(pid, r.weight, r.main) for pid, r in zip(ids, data.recipients, strict=True)
            )
            reward = RewardDraft(
                "基准奖励",
                "transfer",
                "2026-01-05",
                shares,
                receipts=data.receipts,
                pay_on="2026-03-01",
            )
            t0 = time.perf_counter()
            last = services.rewards.save(officer, reward)
            times.append(time.perf_counter() - t0)
        reads = []
        for _ in range(20):
            t0 = time.perf_counter()
            services.rewards.get(officer, last)
            reads.append(time.perf_counter() - t0)
        vault.lock()
    print(
        "  store one calculation (service, audited)  median"
        f" {statistics.median(times) * 1000:6.2f} ms"
        f" over {len(times)}"
    )
    print(
        "  read one back (decoded, exact)            median"
        f" {statistics.median(reads) * 1000:6.2f} ms"
    )


if __name__ == "__main__":
    main()
