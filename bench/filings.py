"""Sealed filings: 1,000 achievements with one PDF each, and a filing with 1 GiB of attachments,
sealed, signed and encrypted, beside zip + minisign + age on the same files.

Prints figures; it is not a test. Run with ``.venv/bin/python bench/filings.py`` (also in
``make bench``); ``--gib 0.25`` for a quicker run.

* **1,000 achievements**: the demo generator's records, one registration sheet each
  (``desktop.reports.filing_documents.render_achievement_sheet`` when present, else a one-page
  reportlab PDF; the line says which), written to a folder with the filing's ``filing.json``.
  Then our packet (``seal_to`` → ``age.Encryptor`` → file, with a checkpoint and a consistency
  proof) beside ``zip -r`` + ``minisign -S`` + ``age -e`` of the same folder.
* **1 GiB of attachments** (``--files`` random files, ``--gib`` in total): ``seal_to`` →
  ``Encryptor`` → file beside ``zip -0`` (or Python's zipfile, stored) + ``minisign -S`` +
  ``age -e``, ``--runs`` times each, interleaved; then ``check_packet`` over the encrypted packet
  through ``age.DecryptingReader`` (decrypted on the fly) beside ``age -d`` to /dev/null.

Our sealing and checking run in child processes started through a small launcher, which prints
``getrusage(RUSAGE_CHILDREN).ru_maxrss`` of its child: so the peak is that of the sealing alone
(on Linux a child forked straight from this larger process inherits its peak). Nothing is
fsynced, by us or the tools: these are the costs of building a filing, not of the USB stick.
Everything is written under a temporary folder (``--tmp``), removed at the end.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
import zipfile
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from machine import cpu_and_system  # noqa: E402 (bench/machine.py, beside this script)

from desktop.domain import merkle  # noqa: E402
from desktop.sealing import age, minisign  # noqa: E402
from desktop.sealing.checkpoint import Head  # noqa: E402
from desktop.sealing.packet import Content, FilingInfo, check_packet, seal_to  # noqa: E402

MiB = 1024 * 1024
LAUNCHER = (
    "import resource, subprocess, sys\n"
    "code = subprocess.call(sys.argv[1:])\n"
    "print(resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss, file=sys.stderr)\n"
    "sys.exit(code)\n"
)
INFO = FilingInfo(
    "bench-0001", "辽宁省基准研究院", "辽宁省科学技术厅", 1, "2026-01-05T08:03:00+08:00"
)


# -- the child: seal or check, reporting its own time and peak ------------------------------------
def _hwm_mb() -> float:
    try:
        status = Path("/proc/self/status").read_text()
    except OSError:
        return 0.0
    return int(status.split("VmHWM:")[1].split()[0]) * 1024 / 1e6


def _audit_head() -> tuple[Head, tuple[int, bytes, list[bytes]]]:
    """A head of a 10,000-entry audit log and the proof from its 9,000-entry prefix."""
    leaves = [merkle.leaf_hash(f"entry {i}".encode()) for i in range(10_000)]
    head = Head("transfer-desk/bench", len(leaves), merkle.root_of(leaves))
    return head, (9_000, merkle.root_of(leaves[:9_000]), merkle.consistency_proof(leaves, 9_000))


def child(argv: list[str]) -> None:
    mode = argv[0]
    if mode == "seal":
        source, out, key_file, recipient = Path(argv[1]), Path(argv[2]), Path(argv[3]), argv[4]
        secret = json.loads(key_file.read_text())
        key = minisign.SecretKey(bytes.fromhex(secret["id"]), bytes.fromhex(secret["raw"]))
        filing = json.loads((source / "filing.json").read_text())
        files: list[tuple[str, Content]] = [
            (p.relative_to(source).as_posix(), p)
            for p in sorted(source.rglob("*"))
            if p.is_file() and p.name != "filing.json"
        ]
        head, proof = _audit_head()
        started = time.perf_counter()
        with open(out, "wb") as f, age.Encryptor(f, [recipient]) as encryptor:
            digest = seal_to(
                encryptor, INFO, filing, files, key, checkpoint=head, consistency=proof
            )
        seconds = time.perf_counter() - started
        print(json.dumps({"seconds": seconds, "hwm": _hwm_mb(), "sha256": digest}))
    elif mode == "check":
        packet, identity_file, public_file = Path(argv[1]), Path(argv[2]), Path(argv[3])
        identity = age.Identity.parse(identity_file.read_text())
        public = minisign.read_public_key(public_file.read_text())
        started = time.perf_counter()
        with open(packet, "rb") as f:
            checked = check_packet(age.DecryptingReader(f, identity), {public.key_id: (public, "")})
        seconds = time.perf_counter() - started
        print(json.dumps({"seconds": seconds, "hwm": _hwm_mb(), "members": len(checked.members)}))
    else:
        raise SystemExit(f"unknown child mode {mode}")


# -- the parent ---------------------------------------------------------------------------------
def measured(command: list[str], **kwargs: object) -> tuple[float, float, str]:
    """Run ``command`` through the launcher: (wall seconds, peak RSS in MB, its stdout)."""
    started = time.perf_counter()
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, *command],
        capture_output=True,
        text=True,
        check=False,
        **kwargs,  # type: ignore[arg-type]
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0:
        raise SystemExit(f"{command[0]} failed: {done.stderr.strip()}")
    maxrss_kib = int(done.stderr.strip().splitlines()[-1])
    return seconds, maxrss_kib * 1024 / 1e6, done.stdout


def ours(args: list[str]) -> dict[str, float]:
    wall, peak, out = measured([sys.executable, __file__, "--child", *args])
    found = json.loads(out)
    found.update(wall=wall, peak=peak)
    return found  # type: ignore[no-any-return]


def tools_found() -> dict[str, str | None]:
    return {name: shutil.which(name) for name in ("zip", "minisign", "age")}


def stock(
    folder: Path, source: Path, work: Path, tools: dict[str, str | None], store: bool
) -> dict[str, float] | None:
    """zip (or zipfile) + minisign -S + age -e of ``source``'s contents: seconds per step."""
    if tools["minisign"] is None or tools["age"] is None:
        return None
    archive = work / "stock.zip"
    archive.unlink(missing_ok=True)
    times: dict[str, float] = {}
    peaks: dict[str, float] = {}
    if tools["zip"] is not None:
        command = [tools["zip"], "-q", "-r", *(["-0"] if store else []), str(archive), "."]
        times["zip"], peaks["zip"], _ = measured(command, cwd=source)
    else:
        started = time.perf_counter()
        method = zipfile.ZIP_STORED if store else zipfile.ZIP_DEFLATED
        with zipfile.ZipFile(archive, "w", method) as z:
            for p in sorted(source.rglob("*")):
                if p.is_file():
                    z.write(p, p.relative_to(source).as_posix())
        times["zip"], peaks["zip"] = time.perf_counter() - started, 0.0
    times["minisign"], peaks["minisign"], _ = measured(
        [tools["minisign"], "-S", "-s", str(folder / "stock.key"), "-m", str(archive), "-t", "b"]
    )
    times["age"], peaks["age"], _ = measured(
        [
            tools["age"],
            "-e",
            "-r",
            _recipient(folder),
            "-o",
            str(work / "stock.zip.age"),
            str(archive),
        ]
    )
    times["total"] = times["zip"] + times["minisign"] + times["age"]
    times["peak"] = max(peaks.values())
    times["bytes"] = (work / "stock.zip.age").stat().st_size
    return times


def _recipient(folder: Path) -> str:
    return (folder / "recipient.txt").read_text().strip()


def keys(folder: Path, tools: dict[str, str | None]) -> None:
    key = minisign.generate()
    identity = age.Identity.generate()
    (folder / "ours.key").write_text(json.dumps({"id": key.key_id.hex(), "raw": key.raw.hex()}))
    (folder / "ours.pub").write_text(key.public().file_text())
    (folder / "identity.txt").write_text(identity.text() + "\n")
    (folder / "recipient.txt").write_text(identity.recipient() + "\n")
    if tools["minisign"] is not None:  # a stock key with no password, for minisign -S
        subprocess.run(
            [
                tools["minisign"],
                "-G",
                "-W",
                "-p",
                str(folder / "stock.pub"),
                "-s",
                str(folder / "stock.key"),
            ],
            capture_output=True,
            check=True,
        )


def render_sheets(count: int, target: Path) -> tuple[str, float, int]:
    """``count`` registration sheets as PDFs in ``target/records``; (renderer, seconds, bytes)."""
    from desktop.domain.achievements import Achievement
    from desktop.exchange import demo

    data = demo.generate(count, today=date(2026, 1, 5))
    try:
        from desktop.reports.filing_documents import render_achievement_sheet

        renderer = "desktop.reports.filing_documents.render_achievement_sheet"
    except ImportError:
        render_achievement_sheet = None  # type: ignore[assignment]
        renderer = "a one-page reportlab PDF per record (no registration-sheet renderer found)"
    records = []
    (target / "records").mkdir(parents=True)
    total = 0
    started = time.perf_counter()
    for number, generated in enumerate(data.achievements(), start=1):
        d = generated.draft
        department = data.unit.departments[d.department_id - 1] if d.department_id else ""
        completers = [
            (data.people[c.person_id - 1].name, c.role, f"{c.share}%") for c in d.completers
        ]
        at = generated.registered_at.isoformat()
        if render_achievement_sheet is not None:
            pdf = render_achievement_sheet(
                unit_name=data.unit.name,
                achievement=Achievement(number, d, "registered", "admin", at, at),
                department=department,
                completers=completers,
                printed_at="2026-01-05T08:03:00+08:00",
            )
        else:
            pdf = _plain_pdf(d.title, d.abstract)
        (target / "records" / f"{number:04d}.pdf").write_bytes(pdf)
        total += len(pdf)
        records.append({"id": number, "title": d.title, "kind": d.kind, "department": department})
    seconds = time.perf_counter() - started
    (target / "filing.json").write_text(json.dumps({"records": records}, ensure_ascii=False))
    return renderer, seconds, total


def _plain_pdf(title: str, abstract: str) -> bytes:
    from io import BytesIO

    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    from desktop.reports.fonts import CJK_FONT, register_cjk_font

    register_cjk_font()
    out = BytesIO()
    canvas = Canvas(out, pagesize=A4, invariant=True)
    canvas.setFont(CJK_FONT, 14)
    canvas.drawString(72, 770, title[:40])
    canvas.setFont(CJK_FONT, 10)
    for i in range(0, min(len(abstract), 600), 40):
        canvas.drawString(72, 740 - i // 40 * 16, abstract[i : i + 40])
    canvas.showPage()
    canvas.save()
    return out.getvalue()


def random_files(target: Path, count: int, size: int) -> None:
    (target / "attachments").mkdir(parents=True)
    for i in range(count):
        with open(target / "attachments" / f"scan-{i:02d}.bin", "wb") as f:
            left = size
            while left:
                f.write(os.urandom(min(MiB, left)))
                left -= min(MiB, left)
    (target / "filing.json").write_text(json.dumps({"records": [{"id": 1, "title": "大附件"}]}))


def warm(source: Path) -> None:
    """Read every input once, so neither side pays for the first read from disk."""
    for p in source.rglob("*"):
        if p.is_file():
            with open(p, "rb") as f:
                while f.read(8 * MiB):
                    pass


def line(label: str, seconds: float, extra: str = "") -> None:
    print(f"  {label:<52} {seconds:8.2f} s  {extra}")


def section_small(folder: Path, count: int, tools: dict[str, str | None]) -> None:
    print(f"\n1. {count:,} achievements, one PDF each")
    source = folder / "small"
    renderer, seconds, total = render_sheets(count, source)
    print(f"  renderer: {renderer}")
    line(
        f"render {count:,} PDFs ({total / 1e6:.1f} MB)",
        seconds,
        f"{seconds / count * 1e3:.1f} ms each",
    )
    work = folder / "small-out"
    work.mkdir()
    warm(source)
    out = work / "filing.sfp.age"
    ours_run = ours(["seal", str(source), str(out), str(folder / "ours.key"), _recipient(folder)])
    line(
        "seal_to → Encryptor → file (in the child)",
        ours_run["seconds"],
        f"{out.stat().st_size / 1e6:.1f} MB; child wall {ours_run['wall']:.2f} s "
        f"(with start-up), peak {ours_run['peak']:.0f} MB",
    )
    line("render + seal", seconds + ours_run["seconds"], "goal < 60 s")
    base = stock(folder, source, work, tools, store=False)
    if base is None:
        print("  (minisign or age not installed: no baseline)")
    else:
        line(
            "zip -r + minisign -S + age -e",
            base["total"],
            f"zip {base['zip']:.2f} + minisign {base['minisign']:.2f} + age {base['age']:.2f}; "
            f"{base['bytes'] / 1e6:.1f} MB",
        )
        print(
            f"  {'ratio ours / tools (child time; wall with start-up)':<52} "
            f"{ours_run['seconds'] / base['total']:8.2f}×  "
            f"({ours_run['wall'] / base['total']:.2f}×)"
        )
    checked = ours(["check", str(out), str(folder / "identity.txt"), str(folder / "ours.pub")])
    line(
        "check_packet through DecryptingReader",
        checked["seconds"],
        f"peak {checked['peak']:.0f} MB",
    )


def section_large(
    folder: Path, gib: float, count: int, runs: int, tools: dict[str, str | None]
) -> None:
    size = int(gib * 1024 * MiB / count)
    print(
        f"\n2. {count} attachments of {size / MiB:.0f} MiB ({count * size / 2**30:.2f} GiB), "
        f"{runs} runs each, interleaved"
    )
    source = folder / "large"
    started = time.perf_counter()
    random_files(source, count, size)
    print(f"  (random files written in {time.perf_counter() - started:.1f} s)")
    warm(source)
    work = folder / "large-out"
    work.mkdir()
    out = work / "filing.sfp.age"
    mine: list[dict[str, float]] = []
    theirs: list[dict[str, float]] = []
    for _ in range(runs):
        out.unlink(missing_ok=True)
        mine.append(
            ours(["seal", str(source), str(out), str(folder / "ours.key"), _recipient(folder)])
        )
        base = stock(folder, source, work, tools, store=True)
        if base is not None:
            theirs.append(base)
            for name in ("stock.zip", "stock.zip.age"):
                (work / name).unlink(missing_ok=True)
    (work / "stock.zip.minisig").unlink(missing_ok=True)
    seal_s = statistics.median(r["seconds"] for r in mine)
    wall_s = statistics.median(r["wall"] for r in mine)
    peak = max(r["peak"] for r in mine)
    hwm = max(r["hwm"] for r in mine)
    line(
        "seal_to → Encryptor → file (median, in the child)",
        seal_s,
        f"child wall {wall_s:.2f} s; runs " + ", ".join(f"{r['seconds']:.2f}" for r in mine),
    )
    print(
        f"  {'peak RSS of the sealing child (ru_maxrss; VmHWM)':<52} {peak:8.0f} MB  "
        f"({hwm:.0f} MB)  goal < 300 MB"
    )
    if theirs:
        total = statistics.median(r["total"] for r in theirs)
        zip_label = "zip -0" if tools["zip"] else "zipfile (stored)"
        line(
            f"{zip_label} + minisign -S + age -e (median)",
            total,
            f"zip {statistics.median(r['zip'] for r in theirs):.2f} + minisign "
            f"{statistics.median(r['minisign'] for r in theirs):.2f} + age "
            f"{statistics.median(r['age'] for r in theirs):.2f}; peak "
            f"{max(r['peak'] for r in theirs):.0f} MB",
        )
        print(
            f"  {'ratio ours / tools (child time; wall with start-up)':<52} "
            f"{seal_s / total:8.2f}×  ({wall_s / total:.2f}×)  goal ≤ 1.5×"
        )
    checked = ours(["check", str(out), str(folder / "identity.txt"), str(folder / "ours.pub")])
    line(
        "check_packet through DecryptingReader",
        checked["seconds"],
        f"peak {checked['peak']:.0f} MB",
    )
    if tools["age"] is not None:
        started = time.perf_counter()
        subprocess.run(
            [tools["age"], "-d", "-i", str(folder / "identity.txt"), "-o", os.devnull, str(out)],
            check=True,
        )
        line("beside it: age -d to /dev/null", time.perf_counter() - started)
        started = time.perf_counter()
        sha = hashlib.sha256()
        with open(out, "rb") as f:
            while chunk := f.read(MiB):
                sha.update(chunk)
        line("and one SHA-256 over the encrypted file", time.perf_counter() - started)


def main() -> None:
    if len(sys.argv) > 1 and sys.argv[1] == "--child":
        child(sys.argv[2:])
        return
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=1_000)
    parser.add_argument("--gib", type=float, default=1.0, help="size of the large filing")
    parser.add_argument("--files", type=int, default=8, help="attachments of the large filing")
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--tmp", type=Path, default=None, help="where the data goes (deleted)")
    parser.add_argument("--only", choices=("small", "large"), default=None)
    args = parser.parse_args()
    print(cpu_and_system())
    tools = tools_found()
    print("tools: " + ", ".join(f"{k} {'found' if v else 'missing'}" for k, v in tools.items()))
    with tempfile.TemporaryDirectory(prefix="td-bench-filings-", dir=args.tmp) as name:
        folder = Path(name)
        keys(folder, tools)
        if args.only in (None, "small"):
            section_small(folder, args.records, tools)
        if args.only in (None, "large"):
            section_large(folder, args.gib, args.files, args.runs, tools)


if __name__ == "__main__":
    main()
