"""The USB install kit: artefacts sorted, SHA256SUMS that sha256sum accepts, a Chinese guide, and
nothing half-written on the stick when a copy fails."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path

import pytest

from installers import usb_kit

ARTEFACTS = {
    "transfer-desk_1.2.3_amd64.deb": "linux",
    "transfer-desk-1.2.3-linux-x86_64.tar.gz": "linux",
    "transfer-desk-1.2.3-wheelhouse-manylinux2014_x86_64-py311.tar.gz": "python-wheels",
    "transfer-desk-1.2.3-wheelhouse-win_amd64-py311.zip": "python-wheels",
}
FROM_WINDOWS_BUILD = {"transfer-desk-1.2.3-windows-x86_64-setup.exe": "windows"}


@pytest.fixture
def dist(tmp_path: Path) -> Path:
    folder = tmp_path / "dist"
    folder.mkdir()
    for number, name in enumerate(ARTEFACTS):
        (folder / name).write_bytes(f"artefact {number}\n".encode() * 1000)
    (folder / "SHA256SUMS").write_text("not an artefact\n")
    (folder / "windows").mkdir()  # where installers/windows/build.ps1 writes
    for name in FROM_WINDOWS_BUILD:
        (folder / "windows" / name).write_bytes(b"setup\n" * 1000)
    (folder / "bundle").mkdir()  # folders stay behind
    return folder


def test_the_kit_sorts_every_artefact_and_lists_it_in_sha256sums(
    dist: Path, tmp_path: Path
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    kit = usb_kit.assemble(dist, stick, "1.2.3")
    assert kit == stick / "transfer-desk-1.2.3-usb"
    for name, folder in ARTEFACTS.items():
        assert (kit / folder / name).read_bytes() == (dist / name).read_bytes()
    for name in FROM_WINDOWS_BUILD:
        assert (kit / "windows" / name).read_bytes() == (dist / "windows" / name).read_bytes()
    listed = {
        line.split("  ", 1)[1]: line.split("  ", 1)[0]
        for line in (kit / "SHA256SUMS").read_text("ascii").splitlines()
    }
    every = {**ARTEFACTS, **FROM_WINDOWS_BUILD}
    assert set(listed) == {f"{folder}/{name}" for name, folder in every.items()}
    if shutil.which("sha256sum"):
        subprocess.run(["sha256sum", "--check", "--quiet", "SHA256SUMS"], cwd=kit, check=True)
    guide = (kit / "安装说明.txt").read_bytes()
    assert guide.startswith(b"\xef\xbb\xbf")  # a BOM, so older Notepad reads it as UTF-8
    text = guide.decode("utf-8-sig")
    assert "sha256sum --check SHA256SUMS" in text
    assert "1.2.3" in text and "@VERSION@" not in text
    assert "\r\n" in text
    assert sorted(p.name for p in stick.iterdir()) == [kit.name]


def test_a_copy_that_fails_leaves_nothing_on_the_stick(
    dist: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    stick = tmp_path / "stick"
    stick.mkdir()
    copied: list[Path] = []
    real = usb_kit._copy_synced

    def full_after_two(source: Path, target: Path) -> None:
        if len(copied) == 2:
            raise OSError(28, "No space left on device")
        real(source, target)
        copied.append(target)

    monkeypatch.setattr(usb_kit, "_copy_synced", full_after_two)
    with pytest.raises(OSError, match="No space left"):
        usb_kit.assemble(dist, stick, "1.2.3")
    assert list(stick.iterdir()) == []


def test_an_existing_kit_is_not_overwritten(dist: Path, tmp_path: Path) -> None:
    stick = tmp_path / "stick"
    (stick / "transfer-desk-1.2.3-usb").mkdir(parents=True)
    with pytest.raises(SystemExit, match="exists already"):
        usb_kit.assemble(dist, stick, "1.2.3")
    assert (stick / "transfer-desk-1.2.3-usb").is_dir()


def test_nothing_to_put_on_the_stick_is_said_plainly(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    with pytest.raises(SystemExit, match="no artefacts"):
        usb_kit.assemble(empty, tmp_path, "1.2.3")
