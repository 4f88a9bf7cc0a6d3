"""Start-up of the PyInstaller bundle beside the same program run from the virtual environment.

    .venv/bin/python bench/bundle.py                  # builds dist/bundle first when missing
    .venv/bin/python bench/bundle.py --runs 15 --bundle dist/bundle/transfer-desk

Each run is a fresh process with ``QT_QPA_PLATFORM=offscreen`` and ``--exit-when-shown``: the
time from ``Popen`` until the process has shown its first window (the lock screen of a vault made
once with the CLI) and exited. Runs of the two are interleaved so both see the same machine load.
Also prints the bundle's size on disk and the size of each artefact found in dist/.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from installers import build  # noqa: E402
from tests.support import VALID_CREDIT_CODE  # noqa: E402

PASSPHRASE = "Bench-Bundle-2025-start-up"


def folder_mib(folder: Path) -> float:
    files = (p for p in folder.rglob("*") if p.is_file() and not p.is_symlink())
    return sum(p.stat().st_size for p in files) / 2**20


def timed_start(program: list[str], vault: Path, env: dict[str, str]) -> float:
    started = time.perf_counter()
    done = subprocess.run(
        [*program, "--vault", str(vault), "--exit-when-shown"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
    seconds = time.perf_counter() - started
    if done.returncode != 0 or "MainWindow shown" not in done.stdout:
        raise SystemExit(f"{program[0]} did not show its window: {done.stdout}{done.stderr}")
    return seconds


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bundle", type=Path, default=build.BUNDLE)
    parser.add_argument("--runs", type=int, default=10)
    args = parser.parse_args(argv)
    bundle: Path = args.bundle
    if not (bundle / "transfer-desk").exists():
        print(f"building {bundle} …", flush=True)
        bundle = build.bundle(bundle.parent.parent)
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen"}
    with tempfile.TemporaryDirectory(prefix="td-bench-bundle-") as tmp:
        vault = Path(tmp) / "vault.db"
        subprocess.run(
            [
                *(str(bundle / "transfer-desk-cli"), "--vault", str(vault), "init"),
                *("--unit-name", "辽宁省示范大学", "--credit-code", VALID_CREDIT_CODE),
                *("--unit-type", "university", "--admin-name", "王管理"),
            ],
            input=f"{PASSPHRASE}\n{PASSPHRASE}\n",
            capture_output=True,
            text=True,
            check=True,
            env=env,
        )
        programs = {
            "bundle (PyInstaller one folder)": [str(bundle / "transfer-desk")],
            "virtual environment (.venv)": [str(ROOT / ".venv" / "bin" / "transfer-desk")],
        }
        times: dict[str, list[float]] = {name: [] for name in programs}
        for program in programs.values():  # one untimed warm-up each (disk cache)
            timed_start(program, vault, env)
        for _ in range(args.runs):
            for name, program in programs.items():
                times[name].append(timed_start(program, vault, env))
    print(f"start-up to the lock screen shown, {args.runs} runs each (median, min, max):")
    for name, values in times.items():
        print(
            f"  {name:<34} {statistics.median(values):6.2f} s {min(values):6.2f} {max(values):6.2f}"
        )
    print(f"bundle on disk: {folder_mib(bundle):.0f} MiB ({bundle})")
    for artefact in sorted(build.DIST.glob("*")):
        if artefact.is_file():
            print(f"  {artefact.name:<60} {artefact.stat().st_size / 2**20:7.1f} MiB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
