"""Build the offline wheelhouse kit: every wheel the program needs for one platform and Python.

    .venv/bin/python -m installers.wheelhouse.make_kit --platform manylinux2014_x86_64 \\
        --python 3.11 --out dist

(`installers/build.py wheelhouse` calls `build_kit`.) The result, for sites that install Python
programs themselves on machines with no network, is a folder and its archive (.tar.gz, or .zip for
Windows) named ``transfer-desk-<version>-wheelhouse-<platform>-py<python>``:

    wheels/             the program's own wheel and every wheel it needs, for that platform only
    requirements.txt    every wheel pinned (``name==version``) with its SHA-256, so
                        ``pip install --require-hashes`` refuses a swapped or damaged file
    kit.env             what the kit was made for (Python version, platform, glibc), read by the
                        install scripts
    install.sh          (Linux) or install.ps1 + install.cmd (Windows): a venv, then
                        ``pip install --no-index --find-links wheels --require-hashes``
    README.txt          Chinese first, then English

Building needs the network (or a configured mirror): pip builds the project's wheel and downloads
the others. The dependency list is read from pyproject.toml's ``[project] dependencies``; pip
resolves the rest. Because pip evaluates environment markers of the downloaded packages for the
machine it runs on, not for the target, the kit is checked afterwards: every ``Requires-Dist`` of
every wheel, evaluated for the target platform and Python, must be satisfied by a wheel in the kit.
"""

from __future__ import annotations

import argparse
import gzip
import hashlib
import os
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
import tomllib
import zipfile
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from email.parser import HeaderParser
from pathlib import Path
from string import Template

from packaging.requirements import InvalidRequirement, Requirement
from packaging.specifiers import SpecifierSet
from packaging.tags import Tag
from packaging.utils import (
    BuildTag,
    InvalidWheelFilename,
    NormalizedName,
    canonicalize_name,
    parse_wheel_filename,
)
from packaging.version import Version

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
DISTRIBUTION = "transfer-desk"
PIP = (sys.executable, "-m", "pip")

# The highest glibc a "manylinux2014_<arch>" kit may need. 统信 UOS 20 ships glibc 2.28 (银河麒麟
# V10 desktop 2.31), so x86_64 stays at 2.28: pip then picks a PySide6 built for manylinux_2_28
# rather than the newest one, built for 2.34. PySide6 publishes no aarch64 wheel below
# manylinux_2_31, so an aarch64 kit needs glibc 2.31. Name a platform "manylinux_2_NN_<arch>" to
# choose another ceiling.
DEFAULT_GLIBC_MINOR = {"x86_64": 28, "aarch64": 31}
GLIBC_NOTE_ZH = "统信 UOS 20 为 2.28，银河麒麟桌面版 V10 为 2.31；查看：ldd --version"
GLIBC_NOTE_EN = "UOS 20 has 2.28, Kylin V10 desktop 2.31; see: ldd --version"
KNOWN_PLATFORMS = ("manylinux2014_x86_64", "manylinux2014_aarch64", "win_amd64")
SUPPORTED_PYTHONS = ("3.11", "3.12")

# Files of the source tree that a wheel never needs: skipped when copying it for a clean build.
SOURCE_IGNORE = (
    ".git",
    ".ci",
    ".venv",
    "venv",
    "build",
    "dist",
    "*.egg-info",
    "__pycache__",
    ".mypy_cache",
    ".ruff_cache",
    ".pytest_cache",
    ".hypothesis",
    "tests",
    "bench",
)
# Translators' sources are not shipped (the same rule as installers/pyinstaller/transfer-desk.spec).
UNSHIPPED_RESOURCES = (".ts", ".tsv")
LEGACY_MANYLINUX = {"manylinux1": (2, 5), "manylinux2010": (2, 12), "manylinux2014": (2, 17)}
SAFE_VALUE = re.compile(r"[A-Za-z0-9._+-]*")


class KitError(Exception):
    """The kit cannot be built as asked; the message says why."""


@dataclass(frozen=True)
class Target:
    """A platform the kit is made for.

    Attributes:
        name: as given on the command line and used in the kit's name.
        pip_platforms: the ``--platform`` values given to ``pip download``.
        python_platform: ``sysconfig.get_platform()`` of a Python that can use the kit.
        markers: environment-marker values of that platform (PEP 508).
        windows: a Windows kit (install.ps1, .zip) rather than a POSIX one (install.sh, .tar.gz).
    """

    name: str
    pip_platforms: tuple[str, ...]
    python_platform: str
    markers: Mapping[str, str]
    windows: bool

    @property
    def archive_suffix(self) -> str:
        return ".zip" if self.windows else ".tar.gz"


def target(platform: str) -> Target:
    """The target called ``platform``: a name of KNOWN_PLATFORMS or ``manylinux_2_NN_<arch>``."""
    if platform == "win_amd64":
        markers = {
            "sys_platform": "win32",
            "platform_system": "Windows",
            "os_name": "nt",
            "platform_machine": "AMD64",
        }
        return Target(platform, ("win_amd64",), "win-amd64", markers, windows=True)
    match = re.fullmatch(r"manylinux(?:2014|_2_(\d+))_(x86_64|aarch64)", platform)
    if match is None:
        raise KitError(
            f"unknown platform {platform!r}: use one of {', '.join(KNOWN_PLATFORMS)}, "
            "or manylinux_2_NN_x86_64 / manylinux_2_NN_aarch64 (glibc 2.NN at most)"
        )
    arch = match[2]
    ceiling = int(match[1]) if match[1] else DEFAULT_GLIBC_MINOR[arch]
    if ceiling < 17:
        raise KitError(f"{platform}: glibc below 2.17 is not supported (manylinux2014 is 2.17)")
    first = 5 if arch == "x86_64" else 17
    tags = (
        f"manylinux2014_{arch}",
        *(f"manylinux_2_{minor}_{arch}" for minor in range(first, ceiling + 1)),
    )
    markers = {
        "sys_platform": "linux",
        "platform_system": "Linux",
        "os_name": "posix",
        "platform_machine": arch,
    }
    return Target(platform, tags, f"linux-{arch}", markers, windows=False)


def kit_name(version: str, platform: str, python_version: str) -> str:
    return f"{DISTRIBUTION}-{version}-wheelhouse-{platform}-py{python_version}"


# --- the project ------------------------------------------------------------------------------


def _project_table(pyproject: Path) -> Mapping[str, object]:
    try:
        data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as e:
        raise KitError(f"cannot read {pyproject}: {e}") from e
    project = data.get("project")
    if not isinstance(project, dict):
        raise KitError(f"{pyproject} has no [project] table")
    return project


def runtime_requirements(pyproject: Path) -> list[str]:
    """The ``[project] dependencies`` of ``pyproject``, as written there (checked by PEP 508)."""
    project = _project_table(pyproject)
    dynamic = project.get("dynamic", [])
    if isinstance(dynamic, list) and "dependencies" in dynamic:
        raise KitError(f"{pyproject}: dynamic dependencies cannot be read without a build")
    dependencies = project.get("dependencies", [])
    if not isinstance(dependencies, list):
        raise KitError(f"{pyproject}: [project] dependencies is not a list")
    requirements = []
    for text in dependencies:
        try:
            Requirement(str(text))
        except InvalidRequirement as e:
            raise KitError(f"{pyproject}: bad dependency {text!r}: {e}") from e
        requirements.append(str(text).strip())
    return requirements


def check_python_version(python_version: str, pyproject: Path) -> None:
    """Refuse a Python version the project does not support (``requires-python``)."""
    if re.fullmatch(r"3\.\d{1,2}", python_version) is None:
        raise KitError(f"python version {python_version!r}: give it as 3.11, 3.12, …")
    requires = str(_project_table(pyproject).get("requires-python", ""))
    if requires and not SpecifierSet(requires).contains(python_version):
        raise KitError(f"Python {python_version} is outside requires-python {requires!r}")


def build_project_wheel(root: Path, dest: Path, *, pip: Sequence[str] = PIP) -> Path:
    """The project's wheel, built by pip from a clean copy of the source tree at ``root``.

    A copy, because setuptools builds through ``build/lib`` and would pack files left there by
    an earlier build that no longer exist in the sources.
    """
    dest.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="td-source-") as tmp:
        source = Path(tmp) / "source"
        shutil.copytree(root, source, ignore=shutil.ignore_patterns(*SOURCE_IGNORE))
        _run(
            [
                *pip,
                "wheel",
                "--no-deps",
                "--disable-pip-version-check",
                "-w",
                str(dest),
                str(source),
            ]
        )
    built = [w for w in dest.glob("*.whl") if _wheel_name(w) == canonicalize_name(DISTRIBUTION)]
    if len(built) != 1:
        raise KitError(f"pip wheel left {len(built)} {DISTRIBUTION} wheels in {dest}")
    return built[0]


def requires_dist(wheel: Path) -> list[Requirement]:
    """The ``Requires-Dist`` entries of a wheel's METADATA."""
    name, version, _, _ = _parse_wheel(wheel)
    with zipfile.ZipFile(wheel) as archive:
        candidates = [
            n for n in archive.namelist() if n.count("/") == 1 and n.endswith(".dist-info/METADATA")
        ]
        if len(candidates) != 1:
            raise KitError(f"{wheel.name}: expected one .dist-info/METADATA, found {candidates}")
        text = archive.read(candidates[0]).decode("utf-8")
    metadata = HeaderParser().parsestr(text)
    try:
        return [Requirement(r) for r in metadata.get_all("Requires-Dist") or []]
    except InvalidRequirement as e:
        raise KitError(f"{wheel.name} ({name} {version}): bad Requires-Dist: {e}") from e


def _requirement_key(req: Requirement) -> tuple[str, frozenset[str], str]:
    return (
        canonicalize_name(req.name),
        frozenset(str(s) for s in req.specifier),
        str(req.marker or ""),
    )


def check_project_wheel(wheel: Path, requirements: Sequence[str], resources: Path | None) -> None:
    """Refuse a project wheel that is not the program described by pyproject and resources/.

    Its runtime ``Requires-Dist`` must be the pyproject dependencies (otherwise the wheel is
    stale), and it must carry every shipped file of ``resources`` (font, translation,
    templates, icons): without them the installed program cannot start in Chinese.
    """
    name = _wheel_name(wheel)
    if name != canonicalize_name(DISTRIBUTION):
        raise KitError(f"{wheel.name} is not a {DISTRIBUTION} wheel")
    declared = {
        _requirement_key(r): str(r)
        for r in requires_dist(wheel)
        if r.marker is None or "extra" not in str(r.marker)
    }
    wanted = {_requirement_key(Requirement(r)): r for r in requirements}
    if declared.keys() != wanted.keys():
        only_wheel = sorted(v for k, v in declared.items() if k not in wanted)
        only_pyproject = sorted(v for k, v in wanted.items() if k not in declared)
        raise KitError(
            f"{wheel.name} declares other dependencies than pyproject.toml "
            f"(only in the wheel: {', '.join(only_wheel) or '-'}; "
            f"only in pyproject.toml: {', '.join(only_pyproject) or '-'}): rebuild it"
        )
    missing = missing_resources(wheel, resources) if resources is not None else []
    if missing:
        raise KitError(
            f"{wheel.name} lacks {len(missing)} resource file(s) the program needs at run time "
            f"({', '.join(missing[:5])}{' …' if len(missing) > 5 else ''}): "
            "pyproject.toml must package resources/ with the code"
        )


def missing_resources(wheel: Path, resources: Path) -> list[str]:
    """Files under ``resources`` (shipped ones) of which the wheel holds no copy.

    A copy is any member whose path ends with ``/<path relative to resources>``, wherever the
    packaging puts the folder.
    """
    if not resources.is_dir():
        return []
    shipped = [
        p.relative_to(resources).as_posix()
        for p in sorted(resources.rglob("*"))
        if p.is_file() and p.suffix not in UNSHIPPED_RESOURCES
    ]
    with zipfile.ZipFile(wheel) as archive:
        members = archive.namelist()
    return [rel for rel in shipped if not any(m.endswith("/" + rel) for m in members)]


# --- downloading --------------------------------------------------------------------------------


def download_command(
    requirements: Sequence[str],
    dest: Path,
    target: Target,
    python_version: str,
    *,
    pip: Sequence[str] = PIP,
    pip_options: Sequence[str] = (),
) -> list[str]:
    """The ``pip download`` command that fetches the wheels for ``target`` into ``dest``."""
    command = [
        *pip,
        "download",
        "--disable-pip-version-check",
        "--only-binary=:all:",
        "--implementation",
        "cp",
        "--python-version",
        python_version,
        "--dest",
        str(dest),
    ]
    for tag in target.pip_platforms:
        command += ["--platform", tag]
    return [*command, *pip_options, *requirements]


def marker_environment(target: Target, python_version: str) -> dict[str, str]:
    """PEP 508 marker values of a CPython ``python_version`` on ``target``."""
    return {
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "python_version": python_version,
        "python_full_version": f"{python_version}.0",
        "implementation_version": f"{python_version}.0",
        "platform_release": "",
        "platform_version": "",
        **target.markers,
    }


def missing_requirements(wheels: Iterable[Path], environment: Mapping[str, str]) -> list[str]:
    """Requirements of the wheels, evaluated for ``environment``, that no wheel satisfies."""
    wheels = list(wheels)
    present: dict[NormalizedName, Version] = {}
    for wheel in wheels:
        name, version, _, _ = _parse_wheel(wheel)
        present[name] = version
    problems = []
    for wheel in wheels:
        for req in requires_dist(wheel):
            if req.marker is not None and not req.marker.evaluate({**environment, "extra": ""}):
                continue
            have = present.get(canonicalize_name(req.name))
            if have is None:
                problems.append(f"{wheel.name} needs {req}: no wheel in the kit")
            elif not req.specifier.contains(have, prereleases=True):
                problems.append(f"{wheel.name} needs {req}: the kit has {have}")
    return problems


def glibc_needed(wheels: Iterable[Path]) -> str:
    """The lowest glibc ("2.28") on which every manylinux wheel installs; "" for none."""
    needed = (0, 0)
    for wheel in wheels:
        _, _, _, tags = _parse_wheel(wheel)
        versions = [v for v in (_manylinux_glibc(t.platform) for t in tags) if v is not None]
        if versions:
            needed = max(needed, min(versions))
    return f"{needed[0]}.{needed[1]}" if needed != (0, 0) else ""


def _manylinux_glibc(platform_tag: str) -> tuple[int, int] | None:
    match = re.match(r"manylinux_(\d+)_(\d+)_", platform_tag)
    if match:
        return int(match[1]), int(match[2])
    for legacy, version in LEGACY_MANYLINUX.items():
        if platform_tag.startswith(legacy + "_"):
            return version
    return None


# --- the kit folder and its archive ---------------------------------------------------------


def pinned_requirements(wheels: Iterable[Path], header: Sequence[str] = ()) -> str:
    """requirements.txt text: each wheel as ``name==version`` with its SHA-256."""
    lines = [f"# {line}" if line else "#" for line in header]
    seen: dict[str, str] = {}
    for wheel in sorted(wheels, key=lambda w: _parse_wheel(w)[0]):
        name, version, _, _ = _parse_wheel(wheel)
        if name in seen:
            raise KitError(f"two wheels of {name} in the kit: {seen[name]} and {wheel.name}")
        seen[name] = wheel.name
        lines.append(f"{name}=={version} \\")
        lines.append(f"    --hash=sha256:{sha256_file(wheel)}")
    return "\n".join(lines) + "\n"


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as f:
        for block in iter(lambda: f.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def finish_kit(kit: Path, *, platform: str, python_version: str) -> Path:
    """Complete a kit folder whose ``wheels/`` is filled, and pack it; returns the archive.

    Writes requirements.txt, kit.env, the install scripts and README.txt, after checking that
    the wheels hold the project and everything it needs on ``platform`` with ``python_version``.
    """
    tgt = target(platform)
    wheels = sorted((kit / "wheels").glob("*.whl"))
    projects = [w for w in wheels if _wheel_name(w) == canonicalize_name(DISTRIBUTION)]
    if len(projects) != 1:
        raise KitError(f"{kit / 'wheels'} holds {len(projects)} {DISTRIBUTION} wheels, not one")
    version = str(_parse_wheel(projects[0])[1])
    missing = missing_requirements(wheels, marker_environment(tgt, python_version))
    if missing:
        raise KitError("the kit is incomplete:\n  " + "\n  ".join(missing))
    glibc = "" if tgt.windows else glibc_needed(wheels)
    name = kit_name(version, platform, python_version)
    settings = {
        "KIT_NAME": name,
        "KIT_VERSION": version,
        "KIT_PLATFORM": platform,
        "KIT_PYTHON": python_version,
        "KIT_PYTHON_PLATFORM": tgt.python_platform,
        "KIT_GLIBC": glibc,
    }
    for key, value in settings.items():
        if SAFE_VALUE.fullmatch(value) is None:
            raise KitError(f"{key}={value!r} has characters the install scripts cannot read")
    newline = "\r\n" if tgt.windows else "\n"
    # ASCII only: pip decodes a requirements file without a coding line in the locale's encoding.
    header = (
        f"Transfer Desk {version} - {platform}, Python {python_version}",
        "",
        "pip install --no-index --find-links wheels --require-hashes -r requirements.txt",
        "(install.sh / install.ps1 do this in a new virtual environment)",
    )
    _write(kit / "requirements.txt", pinned_requirements(wheels, header), "\n")
    _write(kit / "kit.env", "".join(f"{k}={v}\n" for k, v in settings.items()), newline)
    template = "README-windows.txt.in" if tgt.windows else "README-linux.txt.in"
    readme = Template((HERE / template).read_text(encoding="utf-8")).substitute(
        name=name,
        version=version,
        platform=platform,
        python=python_version,
        glibc_zh=f"\n  · glibc {glibc} 或更新（{GLIBC_NOTE_ZH}）" if glibc else "",
        glibc_en=f"\n  · glibc {glibc} or newer ({GLIBC_NOTE_EN})" if glibc else "",
        wheels="\n".join(f"    {w.name}" for w in wheels),
    )
    _write(kit / "README.txt", readme, newline)
    if tgt.windows:
        # Windows PowerShell 5.1 reads a script without a byte-order mark in the ANSI code page.
        _write(kit / "install.ps1", (HERE / "install.ps1").read_text("utf-8-sig"), "\r\n", True)
        _write(kit / "install.cmd", (HERE / "install.cmd").read_text("utf-8"), "\r\n")
    else:
        _write(kit / "install.sh", (HERE / "install.sh").read_text("utf-8"), "\n")
        (kit / "install.sh").chmod(0o755)
    return pack(kit, zip_format=tgt.windows)


def _write(path: Path, text: str, newline: str, bom: bool = False) -> None:
    data = text.replace("\r\n", "\n").replace("\n", newline).encode("utf-8")
    path.write_bytes((b"\xef\xbb\xbf" if bom else b"") + data)


def pack(folder: Path, *, zip_format: bool) -> Path:
    """Pack ``folder`` into ``<folder>.zip`` or ``<folder>.tar.gz`` beside it; returns the path.

    Entries are sorted, owned by nobody and dated SOURCE_DATE_EPOCH when that is set, so the same
    kit gives the same bytes. Written to ``.partial`` and renamed: never a half-written archive.
    """
    archive = folder.with_name(folder.name + (".zip" if zip_format else ".tar.gz"))
    partial = archive.with_name(archive.name + ".partial")
    mtime = int(os.environ.get("SOURCE_DATE_EPOCH", time.time()))
    entries = sorted(folder.rglob("*"), key=lambda p: p.relative_to(folder).as_posix())
    try:
        if zip_format:
            _pack_zip(folder, entries, partial, mtime)
        else:
            _pack_tar(folder, entries, partial, mtime)
        partial.replace(archive)
    finally:
        partial.unlink(missing_ok=True)
    return archive


def _mode(path: Path) -> int:
    return 0o755 if path.is_dir() or path.stat().st_mode & 0o100 else 0o644


def _pack_zip(folder: Path, entries: Sequence[Path], archive: Path, mtime: int) -> None:
    stamp = time.gmtime(max(mtime, 315532800))[:6]  # a zip cannot date before 1980
    with zipfile.ZipFile(archive, "w", zipfile.ZIP_DEFLATED) as zf:
        for path in entries:
            if not path.is_file():
                continue
            info = zipfile.ZipInfo(f"{folder.name}/{path.relative_to(folder).as_posix()}", stamp)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = (0o100000 | _mode(path)) << 16
            with zf.open(info, "w") as out, path.open("rb") as src:
                shutil.copyfileobj(src, out, 1 << 20)


def _pack_tar(folder: Path, entries: Sequence[Path], archive: Path, mtime: int) -> None:
    with (
        archive.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=mtime, compresslevel=6) as gz,
        tarfile.open(fileobj=gz, mode="w", format=tarfile.PAX_FORMAT) as tar,
    ):
        for path in [folder, *entries]:
            arcname = folder.name
            if path != folder:
                arcname += "/" + path.relative_to(folder).as_posix()
            info = tar.gettarinfo(str(path), arcname)
            info.uid = info.gid = 0
            info.uname = info.gname = ""
            info.mtime = mtime
            info.mode = _mode(path)
            if info.isfile():
                with path.open("rb") as src:
                    tar.addfile(info, src)
            else:
                tar.addfile(info)


# --- the whole build ------------------------------------------------------------------------


def build_kit(
    out_dir: Path,
    *,
    platform: str,
    python_version: str,
    project_wheel: Path | None = None,
    root: Path = ROOT,
    pip: Sequence[str] = PIP,
    pip_options: Sequence[str] = (),
) -> Path:
    """Build the kit for ``platform`` and ``python_version`` in ``out_dir``; returns the archive.

    Args:
        out_dir: where the kit folder and its archive are written (an older kit of the same
            name there is replaced).
        platform: a name of KNOWN_PLATFORMS, or ``manylinux_2_NN_<x86_64|aarch64>``.
        python_version: "3.11", "3.12".
        project_wheel: the program's wheel; built from ``root`` with pip when None.
        root: the source tree (pyproject.toml, resources/).
        pip: how to run pip.
        pip_options: more options for ``pip download`` (an index, ``--no-index``, …).
    """
    tgt = target(platform)
    pyproject = root / "pyproject.toml"
    check_python_version(python_version, pyproject)
    requirements = runtime_requirements(pyproject)
    out_dir = Path(out_dir).resolve()
    out_dir.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="td-wheelhouse-") as tmp:
        if project_wheel is None:
            project_wheel = build_project_wheel(root, Path(tmp), pip=pip)
        check_project_wheel(project_wheel, requirements, root / "resources")
        version = str(_parse_wheel(project_wheel)[1])
        kit = out_dir / kit_name(version, platform, python_version)
        _remove_old_kit(kit)
        wheels = kit / "wheels"
        wheels.mkdir(parents=True)
        shutil.copy2(project_wheel, wheels / project_wheel.name)
    _run(
        download_command(
            requirements, wheels, tgt, python_version, pip=pip, pip_options=pip_options
        )
    )
    return finish_kit(kit, platform=platform, python_version=python_version)


def _remove_old_kit(kit: Path) -> None:
    """Remove an earlier kit of the same name and its archives, so none outlives a failed build."""
    if kit.exists():
        if not kit.is_dir() or not ((kit / "kit.env").exists() or (kit / "wheels").is_dir()):
            raise KitError(f"{kit} exists and is not a wheelhouse kit: not replacing it")
        shutil.rmtree(kit)
    for suffix in (".zip", ".tar.gz"):
        kit.with_name(kit.name + suffix).unlink(missing_ok=True)


def _run(command: Sequence[str]) -> None:
    print("+", " ".join(command), flush=True)
    try:
        result = subprocess.run(list(command), check=False)
    except OSError as e:
        raise KitError(f"cannot run {command[0]}: {e}") from e
    if result.returncode != 0:
        raise KitError(f"{' '.join(command[:4])} … failed (exit {result.returncode})")


def _parse_wheel(wheel: Path) -> tuple[NormalizedName, Version, BuildTag, frozenset[Tag]]:
    try:
        return parse_wheel_filename(wheel.name)
    except InvalidWheelFilename as e:
        raise KitError(f"{wheel.name}: {e}") from e


def _wheel_name(wheel: Path) -> NormalizedName:
    return _parse_wheel(wheel)[0]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="make_kit",
        description="Build the offline wheelhouse kit of Transfer Desk (needs the network).",
    )
    parser.add_argument(
        "--platform",
        required=True,
        help=f"{', '.join(KNOWN_PLATFORMS)}, or manylinux_2_NN_<x86_64|aarch64>",
    )
    parser.add_argument(
        "--python",
        default=f"{sys.version_info.major}.{sys.version_info.minor}",
        help=f"Python version of the target machine ({', '.join(SUPPORTED_PYTHONS)}; "
        "default: this one)",
    )
    parser.add_argument("--out", type=Path, default=ROOT / "dist", help="default: dist/")
    parser.add_argument(
        "--project-wheel", type=Path, help="the program's wheel (default: build it with pip)"
    )
    args = parser.parse_args(argv)
    try:
        archive = build_kit(
            args.out,
            platform=args.platform,
            python_version=args.python,
            project_wheel=args.project_wheel,
        )
    except KitError as e:
        print(f"make_kit: {e}", file=sys.stderr)
        return 1
    print(f"{archive} ({archive.stat().st_size / 2**20:.1f} MiB)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
