"""The Linux one-folder build and its .deb, built for real and started from the bundle.

Building takes about a minute: ``make test SKIP_BUNDLE=1`` leaves these tests out (marker
``bundle``); ``.ci/run`` runs them. The bundle is started with an environment that has no
PYTHONPATH and no virtual environment, so it can only use what it carries.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from desktop.version import version
from installers import build
from tests.support import VALID_CREDIT_CODE

pytestmark = pytest.mark.bundle

PASSPHRASE = "Bundle-Smoke-Test-2025-abc"


@pytest.fixture(scope="module")
def dist(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    if not sys.platform.startswith("linux"):
        pytest.skip("the Linux bundle is built on Linux")
    folder = tmp_path_factory.mktemp("dist")
    build.bundle(folder, work=tmp_path_factory.mktemp("work"))
    yield folder
    shutil.rmtree(folder, ignore_errors=True)


@pytest.fixture(scope="module")
def bundle(dist: Path) -> Path:
    return dist / "bundle" / "transfer-desk"


def _clean_env(home: Path) -> dict[str, str]:
    """No Python of ours reachable: only the bundle's own files."""
    keep = ("PATH", "LANG", "LC_ALL", "TMPDIR")
    env = {k: v for k, v in os.environ.items() if k in keep}
    path = [p for p in env.get("PATH", "").split(os.pathsep) if ".venv" not in p]
    env.update(
        PATH=os.pathsep.join(path),
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        QT_QPA_PLATFORM="offscreen",
    )
    return env


def _run(
    program: Path, *args: str, home: Path, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [str(program), *args],
        input=stdin,
        capture_output=True,
        text=True,
        env=_clean_env(home),
        cwd=home,
        timeout=120,
    )


def test_the_bundle_holds_both_programs_and_what_they_read(bundle: Path) -> None:
    internal = bundle / "_internal"
    for name in ("transfer-desk", "transfer-desk-cli"):
        assert os.access(bundle / name, os.X_OK)
    assert (internal / "resources/fonts/DroidSansFallbackFull.ttf").is_file()
    assert (internal / "resources/translations/transfer_desk_zh_CN.qm").is_file()
    assert (internal / "resources/templates/achievements-import.xlsx").is_file()
    assert (internal / "resources/icons/transfer-desk.png").is_file()
    assert not list(internal.glob("resources/translations/*.tsv"))  # translators' sources stay out
    versions = sorted(p.name for p in (internal / "db/migrations/versions").glob("0*.py"))
    assert versions[0].startswith("0001") and len(versions) >= 4
    # SQLCipher is compiled into the sqlcipher3 extension: no system library is needed.
    assert list(internal.glob("sqlcipher3/_sqlite3*.so"))


def test_the_cli_starts_makes_a_vault_and_checks_it(bundle: Path, tmp_path: Path) -> None:
    cli = bundle / "transfer-desk-cli"
    shown = _run(cli, "--version", home=tmp_path)
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.strip() == f"transfer-desk-cli {version()}"

    vault = tmp_path / "vault" / "vault.db"
    made = _run(
        cli,
        "--vault",
        str(vault),
        "init",
        "--unit-name",
        "辽宁省示范大学",
        "--credit-code",
        VALID_CREDIT_CODE,
        "--unit-type",
        "university",
        "--admin-name",
        "王管理",
        home=tmp_path,
        stdin=f"{PASSPHRASE}\n{PASSPHRASE}\n",
    )
    assert made.returncode == 0, made.stderr
    assert "恢复码" in made.stdout
    assert vault.exists()

    checked = _run(cli, "--vault", str(vault), "check", home=tmp_path, stdin=f"{PASSPHRASE}\n")
    assert checked.returncode == 0, checked.stderr
    assert "完好" in checked.stdout


def test_the_window_program_shows_its_first_window(bundle: Path, tmp_path: Path) -> None:
    gui = bundle / "transfer-desk"
    shown = _run(gui, "--version", home=tmp_path)
    assert shown.stdout.strip() == f"transfer-desk {version()}"
    # A new vault: the first-run wizard is the first window.
    started = _run(
        gui, "--vault", str(tmp_path / "new" / "vault.db"), "--exit-when-shown", home=tmp_path
    )
    assert started.returncode == 0, started.stderr
    assert started.stdout.strip() == f"transfer-desk {version()}: FirstRunWizard shown"


@pytest.mark.skipif(shutil.which("dpkg-deb") is None, reason="dpkg-deb (Debian's dpkg) is missing")
def test_the_deb_installs_the_bundle_with_menu_entry_and_icons(
    bundle: Path, dist: Path, tmp_path: Path
) -> None:
    package = build.deb(bundle, dist, compression="gzip")
    assert package.name == f"transfer-desk_{version()}_{build.deb_arch()}.deb"

    def field(name: str) -> str:
        return subprocess.run(
            ["dpkg-deb", "--field", str(package), name], capture_output=True, text=True, check=True
        ).stdout.strip()

    assert field("Package") == "transfer-desk"
    assert field("Version") == version()
    assert field("Depends").startswith(f"libc6 (>= {build.glibc_floor(bundle)})")
    assert "libxcb-cursor0" in field("Depends")

    root = tmp_path / "root"
    subprocess.run(["dpkg-deb", "-x", str(package), str(root)], check=True)
    assert os.readlink(root / "usr/bin/transfer-desk-cli") == "/opt/transfer-desk/transfer-desk-cli"
    desktop_entry = (root / "usr/share/applications/transfer-desk.desktop").read_text("utf-8")
    assert "Name[zh_CN]=成果转化工作台" in desktop_entry
    assert "Categories=Office;" in desktop_entry
    assert (root / "usr/share/icons/hicolor/scalable/apps/transfer-desk.svg").is_file()
    assert (root / "usr/share/icons/hicolor/256x256/apps/transfer-desk.png").is_file()
    if shutil.which("desktop-file-validate"):
        subprocess.run(
            ["desktop-file-validate", str(root / "usr/share/applications/transfer-desk.desktop")],
            check=True,
        )
    # What dpkg would install runs from where it is installed.
    cli = root / "opt/transfer-desk/transfer-desk-cli"
    assert _run(cli, "--version", home=tmp_path).stdout.strip() == (
        f"transfer-desk-cli {version()}"
    )


def test_sums_list_every_artefact_as_sha256sum_reads_them(dist: Path, bundle: Path) -> None:
    tarball = build.tarball(bundle, dist, level=1)
    sums = build.sums(dist)
    names = [line.split("  ", 1)[1] for line in sums.read_text("ascii").splitlines()]
    assert tarball.name in names
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--check", "--quiet", sums.name], cwd=dist, check=True)
