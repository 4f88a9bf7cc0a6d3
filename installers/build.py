"""Build the installable artefacts into dist/ (``make dist`` runs ``all``).

    .venv/bin/python installers/build.py bundle      # PyInstaller: dist/bundle/transfer-desk/
    .venv/bin/python installers/build.py tarball     # dist/transfer-desk-V-linux-ARCH.tar.gz
    .venv/bin/python installers/build.py deb         # dist/transfer-desk_V_ARCH.deb (dpkg-deb)
    .venv/bin/python installers/build.py wheelhouse  # offline wheel kit (installers/wheelhouse/)
    .venv/bin/python installers/build.py sums        # dist/SHA256SUMS over every artefact
    .venv/bin/python installers/build.py usb --to D  # the USB install kit (installers/usb_kit.py)
    .venv/bin/python installers/build.py all         # all of the above, in that order

installers/README.md says what each artefact is for and how an office checks it.
"""

from __future__ import annotations

import argparse
import hashlib
import os
import platform
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DIST = ROOT / "dist"
BUNDLE = DIST / "bundle" / "transfer-desk"
SPEC = ROOT / "installers" / "pyinstaller" / "transfer-desk.spec"
DEBIAN = ROOT / "installers" / "debian"
PACKAGE = "transfer-desk"
ARTEFACT_SUFFIXES = (".deb", ".tar.gz", ".zip", ".exe", ".msi")

sys.path.insert(0, str(ROOT))

from installers.usb_kit import assemble  # noqa: E402
from installers.wheelhouse.make_kit import sha256_file  # noqa: E402


def version() -> str:
    from desktop.version import version as installed

    found = installed()
    if found.startswith("0+"):
        raise SystemExit("the project is not installed (pip install -e .): no version to build")
    return found


def deb_arch() -> str:
    machine = platform.machine().lower()
    return {"x86_64": "amd64", "amd64": "amd64", "aarch64": "arm64", "arm64": "arm64"}.get(
        machine, machine
    )


# -- the one-folder bundle ------------------------------------------------------------------------
def bundle(dist: Path = DIST, work: Path = ROOT / "build" / "pyinstaller") -> Path:
    """PyInstaller's one folder with both programs; returns its path."""
    out = dist / "bundle"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "PyInstaller",
            "--noconfirm",
            "--clean",
            "--log-level",
            "WARN",
            "--distpath",
            str(out),
            "--workpath",
            str(work),
            str(SPEC),
        ],
        check=True,
        cwd=ROOT,
    )
    folder = out / PACKAGE
    for name in (PACKAGE, f"{PACKAGE}-cli"):
        if not (folder / name).exists() and not (folder / f"{name}.exe").exists():
            raise SystemExit(f"PyInstaller did not produce {name} in {folder}")
    return folder


def tarball(folder: Path = BUNDLE, dist: Path = DIST, *, level: int = 9) -> Path:
    target = dist / f"{PACKAGE}-{version()}-linux-{platform.machine().lower()}.tar.gz"
    partial = target.with_name(target.name + ".partial")
    with tarfile.open(partial, "w:gz", compresslevel=level) as tar:
        tar.add(folder, arcname=f"{PACKAGE}-{version()}", filter=_normalized)
    os.replace(partial, target)
    return target


def _normalized(info: tarfile.TarInfo) -> tarfile.TarInfo:
    info.uid = info.gid = 0
    info.uname = info.gname = "root"
    return info


# -- the Debian package ---------------------------------------------------------------------------
GLIBC = re.compile(rb"GLIBC_(\d+)\.(\d+)")


def glibc_floor(folder: Path) -> str:
    """The newest glibc symbol version any bundled ELF file asks for: the oldest libc6 the
    bundle runs on (it is the build machine's, so build on the oldest distribution to serve)."""
    newest = (2, 17)
    for path in folder.rglob("*"):
        if path.is_file() and not path.is_symlink():
            with open(path, "rb") as f:
                if f.read(4) != b"\x7fELF":
                    continue
                data = f.read()
            for major, minor in GLIBC.findall(data):
                newest = max(newest, (int(major), int(minor)))
    return f"{newest[0]}.{newest[1]}"


def deb(folder: Path = BUNDLE, dist: Path = DIST, *, compression: str = "xz") -> Path:
    """dist/transfer-desk_V_ARCH.deb: the bundle under /opt/transfer-desk, commands in /usr/bin,
    a desktop entry (menu category Office) and icons; built with dpkg-deb."""
    if shutil.which("dpkg-deb") is None:
        raise SystemExit("dpkg-deb not found (Debian's dpkg package)")
    if not folder.exists():
        raise SystemExit(f"{folder} is missing: run the bundle step first")
    v = version()
    arch = deb_arch()
    with tempfile.TemporaryDirectory(prefix="td-deb-") as tmp:
        root = Path(tmp) / "root"
        opt = root / "opt" / PACKAGE
        shutil.copytree(folder, opt, symlinks=True)
        bin_dir = root / "usr" / "bin"
        bin_dir.mkdir(parents=True)
        for name in (PACKAGE, f"{PACKAGE}-cli"):
            (bin_dir / name).symlink_to(f"/opt/{PACKAGE}/{name}")
        share = root / "usr" / "share"
        _copy(DEBIAN / "transfer-desk.desktop", share / "applications" / "transfer-desk.desktop")
        icons = ROOT / "resources" / "icons"
        _copy(icons / "transfer-desk.svg", share / "icons/hicolor/scalable/apps/transfer-desk.svg")
        _copy(icons / "transfer-desk.png", share / "icons/hicolor/256x256/apps/transfer-desk.png")
        _copy(DEBIAN / "copyright", share / "doc" / PACKAGE / "copyright")
        control_dir = root / "DEBIAN"
        control_dir.mkdir()
        installed_kib = (
            sum(p.stat().st_size for p in root.rglob("*") if p.is_file() and not p.is_symlink())
            // 1024
        )
        control = (DEBIAN / "control.in").read_text(encoding="utf-8")
        control = (
            control.replace("@VERSION@", v)
            .replace("@ARCH@", arch)
            .replace("@GLIBC@", glibc_floor(folder))
            .replace("@INSTALLED_SIZE@", str(installed_kib))
        )
        (control_dir / "control").write_text(control, encoding="utf-8")
        (control_dir / "md5sums").write_text(_md5sums(root), encoding="utf-8")
        for path in root.rglob("*"):  # dpkg wants 0755 directories and no group/other write
            if path.is_dir():
                path.chmod(0o755)
            elif path.is_file() and not path.is_symlink():
                path.chmod(0o755 if os.access(path, os.X_OK) else 0o644)
        target = dist / f"{PACKAGE}_{v}_{arch}.deb"
        partial = dist / f".{target.name}.partial"
        command = ["dpkg-deb", "--root-owner-group", f"-Z{compression}", "--build"]
        subprocess.run(
            [*command, str(root), str(partial)],
            check=True,
            stdout=subprocess.DEVNULL,
        )
        os.replace(partial, target)
    return target


def _copy(source: Path, dest: Path) -> None:
    dest.parent.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(source, dest)


def _md5sums(root: Path) -> str:
    lines = []
    for path in sorted(root.rglob("*")):
        if path.is_file() and not path.is_symlink() and "DEBIAN" not in path.parts:
            digest = hashlib.md5(path.read_bytes(), usedforsecurity=False).hexdigest()
            lines.append(f"{digest}  {path.relative_to(root).as_posix()}\n")
    return "".join(lines)


# -- the wheel kit and the checksums --------------------------------------------------------------
def wheelhouse(dist: Path = DIST, platform_tag: str | None = None, python: str = "3.11") -> Path:
    from installers.wheelhouse.make_kit import build_kit

    tag = platform_tag or f"manylinux2014_{platform.machine().lower()}"
    return build_kit(dist, platform=tag, python_version=python)


def sums(dist: Path = DIST) -> Path:
    """dist/SHA256SUMS in the format ``sha256sum -c`` (and ``Get-FileHash``) reads."""
    found = sorted(p for p in dist.iterdir() if p.is_file() and p.name.endswith(ARTEFACT_SUFFIXES))
    if not found:
        raise SystemExit(f"no artefacts in {dist}")
    lines = [f"{sha256_file(p)}  {p.name}\n" for p in found]
    target = dist / "SHA256SUMS"
    target.write_text("".join(lines), encoding="ascii")
    return target


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "step", choices=("bundle", "tarball", "deb", "wheelhouse", "sums", "usb", "all")
    )
    parser.add_argument("--dist", type=Path, default=DIST, help="output folder (default dist/)")
    parser.add_argument(
        "--to", type=Path, default=None, help="usb: the stick's folder (default: DIST/usb)"
    )
    args = parser.parse_args(argv)
    dist: Path = args.dist.resolve()
    dist.mkdir(parents=True, exist_ok=True)
    folder = dist / "bundle" / PACKAGE
    every = ("bundle", "tarball", "deb", "wheelhouse", "sums", "usb")
    steps = every if args.step == "all" else (args.step,)
    for step in steps:
        if step == "bundle":
            made = bundle(dist)
        elif step == "tarball":
            made = tarball(folder, dist)
        elif step == "deb":
            made = deb(folder, dist)
        elif step == "wheelhouse":
            made = wheelhouse(dist)
        elif step == "usb":
            dest = args.to or dist / "usb"
            dest.mkdir(parents=True, exist_ok=True)
            made = assemble(dist, dest, version())
        else:
            made = sums(dist)
        print(f"{step}: {made}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
