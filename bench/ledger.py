"""The separate ledger at a large unit's scale: reports and lists, beside plain SQL.

Prints figures; it is not a test. Run with ``.venv/bin/python bench/ledger.py`` (also in
``make bench``).

It builds a demo vault (fast test KDF, ``--records`` achievements) and signs ``--deals``
transfers through ``TransformationService`` (appraisal, notice, close, sign: the real path), each
with a receipt, then times:

* creating and signing one deal (all its steps, each one transaction with its audit entry);
* the ledger totals per year, per achievement and per department (``ledger_totals``), beside the
  same GROUP BY in plain SQL on the same connection;
* the overdue receivables (``overdue``) and the list of every transformation (``visible``),
  beside ``SELECT *`` of the transformations table;
* opening one transformation with its gates, procedure and ledger (``get``).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, timedelta
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from machine import with_sqlite  # noqa: E402 (bench/machine.py, beside this script)

from db.kdf import KdfParams  # noqa: E402
from db.vault import Vault  # noqa: E402
from desktop.domain.achievements import AchievementQuery  # noqa: E402
from desktop.domain.counterparties import CounterpartyDraft  # noqa: E402
from desktop.domain.identifiers import credit_code_check_char  # noqa: E402
from desktop.domain.transformations import Allocation, TransformationDraft  # noqa: E402
from desktop.exchange import demo  # noqa: E402
from desktop.services.bundle import build_services  # noqa: E402

FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # = tests.support.TEST_KDF
PASSPHRASE = "Bench-Liaoning-2025-taizhang"


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def line(name: str, times: list[float]) -> str:
    return (
        f"  {name:<56} median {statistics.median(times) * 1000:8.2f} ms"
        f"   min {min(times) * 1000:8.2f} ms"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--deals", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args()
    print(with_sqlite())
    today = date(2026, 11, 28)  # inside the shipped holiday table, whatever day it is run
    with tempfile.TemporaryDirectory() as folder:
        vault = Vault(Path(folder) / "vault.db")
        clock = demo.DemoClock()
        services = build_services(vault, now=clock, kdf=lambda: FAST_KDF)
        data = demo.generate(args.records, today=today)
        demo.load(services, clock, data, passphrase=PASSPHRASE)
        logins = {login: uid for uid, login in services.session.logins()}
        officer = services.session.unlock(logins["officer"], PASSPHRASE)
        t = services.transformations
        try:
            rows = services.achievements.page(officer, 0, args.records, AchievementQuery())
            usable = [
                r.id
                for r in rows
                if r.status != "terminated"
                and services.achievements.get(officer, r.id).draft.ethics_status == "not_needed"
                and not services.achievements.get(officer, r.id).draft.overseas
                and not services.achievements.get(officer, r.id).draft.negative_list
                and r.level in ("public", "internal")
            ]
            body = "91210100MA0900000"
            party = services.counterparties.create(
                officer,
                CounterpartyDraft(
                    "沈阳基准科技有限公司",
                    body + credit_code_check_char(body),
                    "non_state",
                    "small",
                ),
            )
            start = today - timedelta(days=200)
            started = time.perf_counter()
            made = 0
            for i in range(args.deals):
                a, b = usable[i % len(usable)], usable[(i * 7 + 3) % len(usable)]
                allocations = (
                    (Allocation(a, Decimal(100)),)
                    if a == b
                    else (Allocation(a, Decimal("66.67")), Allocation(b, Decimal("33.33")))
                )
                deal = t.create(
                    officer,
                    TransformationDraft(
                        "transfer",
                        f"基准转让合同{i}",
                        party,
                        allocations,
                        100_000_00 + i * 1_37,
                        "negotiated",
                    ),
                )
                day = start + timedelta(days=i % 120)
                t.record_appraisal(
                    officer, deal, decision="waived", basis="基准", on=day.isoformat()
                )
                t.start_notice(officer, deal, day.isoformat())
                close = (day + timedelta(days=30)).isoformat()
                t.close_notice(officer, deal, close)
                t.sign(officer, deal, close)
                if i % 3:
                    t.record_money(officer, deal, kind="receipt", amount_fen=50_000_00, on=close)
                made += 1
            per_deal = (time.perf_counter() - started) / max(made, 1)
            print(f"{made} deals signed over {len(usable)} achievements; {args.runs} runs each")
            print(line("create, appraise, notice, close, sign (+ receipt) one deal", [per_deal]))
            for by in ("year", "achievement", "department"):
                print(
                    line(
                        f"ledger totals per {by}",
                        timed(
                            lambda by=by: t.ledger_totals(officer, by),
                            args.runs,  # type: ignore[misc]
                        ),
                    )
                )

            def plain() -> None:
                with vault.read() as conn:
                    conn.exec_driver_sql(
                        "SELECT e.kind, l.achievement_id, sum(l.amount_fen) FROM ledger_lines l "
                        "JOIN ledger_entries e ON e.id = l.entry_id "
                        "GROUP BY l.achievement_id, e.kind"
                    ).all()

            print(line("  baseline: the same GROUP BY in plain SQL", timed(plain, args.runs)))
            print(line("overdue receivables", timed(lambda: t.overdue(officer), args.runs)))
            print(line("list every transformation", timed(lambda: t.visible(officer), args.runs)))

            def plain_all() -> None:
                with vault.read() as conn:
                    conn.exec_driver_sql("SELECT * FROM transformations").all()

            print(line("  baseline: SELECT * FROM transformations", timed(plain_all, args.runs)))
            print(
                line(
                    "open one with gates, procedure and ledger",
                    timed(lambda: t.get(officer, deal), args.runs),
                )
            )
        finally:
            vault.lock()


if __name__ == "__main__":
    main()
