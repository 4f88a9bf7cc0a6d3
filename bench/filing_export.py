"""Sealed filings end to end, as the user runs them: export 1,000 achievements from one demo vault
to another office, then verify and import the filing there.

Prints figures; it is not a test. Run with ``.venv/bin/python bench/filing_export.py`` (also in
``make bench``).

Two demo vaults (fast test KDF): the sender with ``--records`` achievements, the receiver empty.
They exchange key cards (the fingerprint typed as on paper), then:

* ``FilingService.preview`` of ``--export`` achievements (gathering each record through its own
  service and rendering its registration sheet);
* ``FilingService.export``: the same gathering, the packet sealed, signed and age-encrypted
  straight into NAME.partial, read back, verified as a receiver would, renamed, recorded and
  audited;
* the receiver's ``verify`` (decrypt and authenticate every chunk, then every packet check) and
  ``import_`` (the same, then every record and PDF stored in its vault).

bench/filings.py measures the sealing itself beside zip + minisign + age.
"""

from __future__ import annotations

import argparse
import resource
import sys
import tempfile
import time
from dataclasses import replace
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from machine import with_sqlite  # noqa: E402 (bench/machine.py, beside this script)

from db.kdf import KdfParams  # noqa: E402
from db.vault import Vault  # noqa: E402
from desktop.domain.achievements import AchievementQuery  # noqa: E402
from desktop.domain.filings import Item  # noqa: E402
from desktop.domain.identifiers import credit_code_check_char  # noqa: E402
from desktop.exchange import demo  # noqa: E402
from desktop.services.bundle import Services, build_services  # noqa: E402

FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # = tests.support.TEST_KDF
PASSPHRASE = "Bench-Liaoning-2025-baosong"


def office(folder: Path, records: int, today: date, code: str | None) -> tuple[Services, dict]:
    vault = Vault(folder / "vault.db")
    clock = demo.DemoClock()
    services = build_services(vault, now=clock, kdf=lambda: FAST_KDF)
    data = demo.generate(records, today=today)
    if code is not None:
        unit = replace(data.unit, credit_code=code, name="辽宁省科学技术厅")
        data = replace(data, unit=unit)
    demo.load(services, clock, data, passphrase=PASSPHRASE)
    logins = {login: uid for uid, login in services.session.logins()}
    users = {login: services.session.unlock(uid, PASSPHRASE) for login, uid in logins.items()}
    return services, users


def timed(fn):  # type: ignore[no-untyped-def]
    started = time.perf_counter()
    result = fn()
    return result, time.perf_counter() - started


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_200)
    parser.add_argument("--export", type=int, default=1_000)
    args = parser.parse_args()
    print(with_sqlite())
    today = date(2026, 11, 28)
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        (root / "a").mkdir()
        (root / "b").mkdir()
        (root / "cards").mkdir()
        (root / "stick").mkdir()
        sender, su = office(root / "a", args.records, today, None)
        first = "11210000MB0000001"
        receiver, ru = office(root / "b", 0, today, first + credit_code_check_char(first))
        # demo vaults make their own keys; exchange the cards as offices would
        for a, au, b, bu in ((sender, su, receiver, ru), (receiver, ru, sender, su)):
            cards = root / "cards" / a.filings.own_keys(au["admin"]).key_id
            cards.mkdir()
            card, _ = a.filings.save_key_card(au["admin"], cards)
            b.filings.trust(
                bu["secrecy"], card.read_bytes(), a.filings.own_keys(au["admin"]).fingerprint
            )
        officer = su["officer"]
        (to_receiver,) = [k.id for k in sender.filings.trusted(officer)]
        rows = sender.achievements.page(officer, 0, args.records, AchievementQuery())
        items = [Item("achievement", r.id) for r in rows if r.level in ("public", "internal")]
        items = items[: args.export]
        preview, t_preview = timed(
            lambda: sender.filings.preview(officer, items, to_receiver, encrypt=True)
        )
        (root / "stick2").mkdir()
        exported, t_export = timed(
            lambda: sender.filings.export(
                officer, items, to_receiver, root / "stick", encrypt=True, prepared=preview
            )
        )
        cold, t_cold = timed(
            lambda: sender.filings.export(
                officer, items, to_receiver, root / "stick2", encrypt=True
            )
        )
        size = exported.size / 1024 / 1024
        print(
            f"{len(items)} achievements, {len(preview.documents)} documents, "
            f"{size:.1f} MiB encrypted"
        )
        print(f"  preview (gather + render every sheet)          {t_preview:8.2f} s")
        print("  export after the preview, as the wizard does")
        print("    (seal, encrypt, write, read back, verify,")
        print(f"     rename, record)                             {t_export:8.2f} s")
        print(f"  export without a preview (gathers and renders)  {t_cold:8.2f} s")
        exported = cold  # the receiver takes the later one (sequence 2) first: no replay
        found, t_verify = timed(lambda: receiver.filings.verify(ru["officer"], exported.path))
        print(
            f"  receiver: verify                               {t_verify:8.2f} s"
            f"  ({len(found.items)} records)"
        )
        imported, t_import = timed(lambda: receiver.filings.import_(ru["officer"], exported.path))
        print(
            f"  receiver: import                               {t_import:8.2f} s"
            f"  ({imported.added} records stored)"
        )
        again, t_again = timed(lambda: receiver.filings.import_(ru["officer"], exported.path))
        print(
            f"  receiver: the same filing again (adds nothing) {t_again:8.2f} s"
            f"  (already: {again.already})"
        )
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"  peak RSS of this process (both vaults)         {peak:8.0f} MB")


if __name__ == "__main__":
    main()
