"""Rights grants and their documents: how long the officer waits, beside baselines.

Prints figures; it is not a test. Run with ``make bench`` or
``.venv/bin/python bench/agreements.py``.

It builds a demo vault in a temporary folder (fast test KDF; ``--records`` achievements), then
adds ``--grants`` drafted ownership grants through ``RightsGrantService.create`` and measures:

* the four documents (ownership agreement, use-right agreement, supplementary agreement,
  confidentiality agreement) rendered through the services, ``--runs`` times each, beside a bare
  reportlab baseline: the same text as plain paragraphs in the same embedded font, with no
  tables, marks or page template;
* opening one grant with the gates evaluated (``RightsGrantService.get``: the grant, its team,
  the confidentiality agreements, approvals and export check, then ``gates.findings``), beside
  reading the grant row alone with plain SQL on the same connection;
* listing every grant (``RightsGrantService.visible``) and building the to-do list
  (``TodoService.items``), beside ``SELECT *`` of the grants table;
* creating a grant (one transaction: checks, numbering, insert, audit entry).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date
from decimal import Decimal
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from machine import cpu_and_system  # noqa: E402 (bench/machine.py, beside this script)

from db.kdf import KdfParams  # noqa: E402
from db.vault import Vault  # noqa: E402
from desktop.domain.achievements import AchievementQuery  # noqa: E402
from desktop.domain.rights_grants import GrantDraft, TeamShare  # noqa: E402
from desktop.exchange import demo  # noqa: E402
from desktop.services.bundle import build_services  # noqa: E402

FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # = tests.support.TEST_KDF
PASSPHRASE = "Bench-Liaoning-2025-fuquan"


def timed(fn: Callable[[], object], runs: int) -> list[float]:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        fn()
        times.append(time.perf_counter() - started)
    return times


def line(name: str, times: list[float], unit: str = "ms") -> str:
    scale = 1000 if unit == "ms" else 1
    median = statistics.median(times) * scale
    return f"  {name:<52} median {median:8.2f} {unit}   min {min(times) * scale:8.2f} {unit}"


def bare_reportlab(text: str) -> bytes:
    """The baseline: the document's words as plain paragraphs, same font, nothing else."""
    from reportlab.lib.pagesizes import A4
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, SimpleDocTemplate

    from desktop.reports.fonts import CJK_FONT, register_cjk_font

    register_cjk_font()
    style = ParagraphStyle("plain", fontName=CJK_FONT, fontSize=11, leading=18)
    out = BytesIO()
    doc = SimpleDocTemplate(out, pagesize=A4, invariant=True)
    doc.build([Paragraph(p, style) for p in text.splitlines() if p.strip()])
    return out.getvalue()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=2000)
    parser.add_argument("--grants", type=int, default=500)
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from pypdf import PdfReader

    print(cpu_and_system())
    with tempfile.TemporaryDirectory() as folder:
        vault = Vault(Path(folder) / "vault.db")
        clock = demo.DemoClock()
        services = build_services(vault, now=clock, kdf=lambda: FAST_KDF)
        data = demo.generate(args.records, today=date.today())
        made = demo.load(services, clock, data, passphrase=PASSPHRASE)
        logins = {login: uid for uid, login in services.session.logins()}
        officer = services.session.unlock(logins["officer"], PASSPHRASE)
        try:
            grants = services.grants.visible(officer)
            ownership = next(
                g for g in grants if g.draft.kind == "ownership" and g.status == "effective"
            )
            use = next(g for g in grants if g.amendments)
            agreement = services.confidentiality.visible(officer)[0]
            print(
                f"vault: {made.achievements} achievements, {made.grants} demo grants, "
                f"{made.confidentiality_agreements} confidentiality agreements; "
                f"{args.runs} runs each"
            )
            print("documents (through the services, vault read included):")
            documents = {
                "ownership agreement": lambda: services.grants.document(officer, ownership.id),
                "use-right agreement": lambda: services.grants.document(officer, use.id),
                "supplementary agreement": lambda: services.grants.document(
                    officer, use.id, use.amendments[0].id
                ),
                "confidentiality agreement": lambda: services.confidentiality.document(
                    officer, agreement.id
                ),
            }
            for name, render in documents.items():
                pdf = render()
                assert isinstance(pdf, bytes)
                reader = PdfReader(BytesIO(pdf))
                text = "\n".join(page.extract_text() for page in reader.pages)
                ours = timed(render, args.runs)
                base = timed(lambda text=text: bare_reportlab(text), args.runs)  # type: ignore[misc]
                print(line(f"{name} ({len(reader.pages)} p, {len(pdf) // 1024} KiB)", ours))
                print(line("  baseline: same text, bare reportlab", base))

            candidates = [
                r.id
                for r in services.achievements.page(
                    officer, 0, args.records, AchievementQuery(sort="id")
                )
            ]
            granted = {g.draft.achievement_id for g in grants}
            created = []
            started = time.perf_counter()
            for achievement_id in candidates:
                if len(created) >= args.grants:
                    break
                if achievement_id in granted:
                    continue
                record = services.achievements.get(officer, achievement_id)
                if record.draft.negative_list or record.status == "terminated":
                    continue
                draft = GrantDraft(
                    achievement_id=record.id,
                    kind="ownership",
                    team=tuple(TeamShare(c.person_id, c.share) for c in record.draft.completers),
                    unit_share=Decimal(30),
                    team_share=Decimal(70),
                    revenue_terms="按份额分配。",
                    decision_terms="协商一致。",
                    cost_terms="团队承担。",
                )
                created.append(services.grants.create(officer, draft))
            per_create = (time.perf_counter() - started) / max(len(created), 1)
            total = len(services.grants.visible(officer))
            print(f"grants ({total} in the vault):")
            print(line("create one (checks, number, insert, audit)", [per_create]))
            print(
                line(
                    "open one with the gates evaluated",
                    timed(lambda: services.grants.get(officer, ownership.id), args.runs),
                )
            )

            def plain_row() -> None:
                with vault.read() as conn:
                    conn.exec_driver_sql(
                        "SELECT * FROM rights_grants WHERE id = ?", (ownership.id,)
                    ).all()

            print(line("  baseline: the grant's row alone, plain SQL", timed(plain_row, args.runs)))
            print(
                line("list every grant", timed(lambda: services.grants.visible(officer), args.runs))
            )
            print(line("to-do list", timed(lambda: services.todo.items(officer), args.runs)))

            def plain_all() -> None:
                with vault.read() as conn:
                    conn.exec_driver_sql("SELECT * FROM rights_grants").all()

            print(line("  baseline: SELECT * FROM rights_grants", timed(plain_all, args.runs)))
        finally:
            vault.lock()


if __name__ == "__main__":
    main()
