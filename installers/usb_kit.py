"""The USB install kit: every artefact in dist/ sorted into one folder with its SHA256SUMS and
a Chinese-first guide, written to a stick so that an interrupted copy leaves nothing half-made.

    .venv/bin/python installers/build.py usb                      # dist/usb/transfer-desk-V-usb/
    .venv/bin/python installers/build.py usb --to /media/$USER/U盘  # and onto the stick

The folder is assembled under a hidden ``.NAME.partial`` name and renamed when every file is
written and flushed; a failure removes the partial folder.
"""

from __future__ import annotations

import contextlib
import os
import shutil
from pathlib import Path

from db.atomic import fsync_dir
from installers.wheelhouse.make_kit import sha256_file

GUIDE = Path(__file__).resolve().parent / "usb" / "README.txt.in"
GUIDE_NAME = "安装说明.txt"


def place(name: str) -> str | None:
    """The kit's folder for an artefact of dist/, by its name; None for what is not one."""
    if "-wheelhouse-" in name:  # a wheel kit, whatever its archive format
        return "python-wheels"
    if name.endswith((".deb", ".tar.gz")):
        return "linux"
    if name.endswith((".exe", ".msi", ".zip")):
        return "windows"
    return None


def assemble(dist: Path, dest: Path, version: str) -> Path:
    """``dest``/transfer-desk-VERSION-usb/ holding the artefacts of ``dist``; returns it."""
    # dist/windows/ is where installers/windows/build.ps1 puts the Windows outputs.
    folders = [dist, dist / "windows"]
    artefacts = sorted(
        p
        for folder in folders
        if folder.is_dir()
        for p in folder.iterdir()
        if p.is_file() and place(p.name) is not None
    )
    if not artefacts:
        raise SystemExit(f"no artefacts in {dist}: run the other steps first")
    name = f"transfer-desk-{version}-usb"
    final = dest / name
    if final.exists():
        raise SystemExit(f"{final} exists already; remove it or choose another place")
    partial = dest / f".{name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    try:
        lines = []
        for artefact in artefacts:
            relative = Path(place(artefact.name) or ".") / artefact.name
            target = partial / relative
            target.parent.mkdir(parents=True, exist_ok=True)
            _copy_synced(artefact, target)
            lines.append(f"{sha256_file(target)}  {relative.as_posix()}\n")
        _write_synced(partial / "SHA256SUMS", "".join(lines).encode("ascii"))
        guide = GUIDE.read_text(encoding="utf-8").replace("@VERSION@", version)
        # CRLF and a BOM: Windows Notepad on older systems shows the Chinese text correctly.
        text = "\ufeff" + guide.replace("\n", "\r\n")
        _write_synced(partial / GUIDE_NAME, text.encode("utf-8"))
        os.replace(partial, final)
        with contextlib.suppress(OSError):  # not every file system a stick carries syncs folders
            fsync_dir(dest)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    return final


def _copy_synced(source: Path, target: Path) -> None:
    with open(source, "rb") as src, open(target, "wb") as out:
        shutil.copyfileobj(src, out, 1 << 20)
        out.flush()
        os.fsync(out.fileno())


def _write_synced(target: Path, data: bytes) -> None:
    with open(target, "wb") as out:
        out.write(data)
        out.flush()
        os.fsync(out.fileno())
