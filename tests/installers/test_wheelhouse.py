"""The offline wheelhouse kit (installers/wheelhouse/make_kit.py and its install scripts).

Nothing here touches the network: the kits are made of small wheels written in the test, pip
downloads with --no-index from a folder, and install.sh installs into venvs in tmp_path.
"""

from __future__ import annotations

import base64
import hashlib
import os
import re
import subprocess
import sys
import sysconfig
import tarfile
import tomllib
import zipfile
from collections.abc import Iterable, Mapping
from pathlib import Path

import pytest

from installers.wheelhouse import make_kit
from installers.wheelhouse.make_kit import KitError

REPO = Path(__file__).resolve().parents[2]
HERE_PYTHON = f"{sys.version_info.major}.{sys.version_info.minor}"

# --- small wheels made in the test -----------------------------------------------------------

FAKE_PROGRAM = """\
import importlib.metadata


def cli():
    print("transfer-desk-cli", importlib.metadata.version("transfer-desk"))
    return 0


def gui():
    return 0
"""
ENTRY_POINTS = """\
[console_scripts]
transfer-desk-cli = td_fake_program:cli

[gui_scripts]
transfer-desk = td_fake_program:gui
"""


def make_wheel(
    folder: Path,
    name: str,
    version: str,
    *,
    requires: Iterable[str] = (),
    files: Mapping[str, str] | None = None,
    entry_points: str | None = None,
    tag: str = "py3-none-any",
) -> Path:
    """A minimal valid wheel (METADATA, WHEEL, RECORD) written with zipfile."""
    dist = re.sub(r"[-_.]+", "_", name)
    info = f"{dist}-{version}.dist-info"
    contents = dict(files or {})
    contents[f"{info}/METADATA"] = (
        f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
        + "".join(f"Requires-Dist: {r}\n" for r in requires)
    )
    contents[f"{info}/WHEEL"] = (
        f"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: true\nTag: {tag}\n"
    )
    if entry_points:
        contents[f"{info}/entry_points.txt"] = entry_points
    record = []
    for path, text in contents.items():
        data = text.encode()
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    contents[f"{info}/RECORD"] = "\n".join([*record, f"{info}/RECORD,,"]) + "\n"
    folder.mkdir(parents=True, exist_ok=True)
    wheel = folder / f"{dist}-{version}-{tag}.whl"
    with zipfile.ZipFile(wheel, "w") as zf:
        for path, text in contents.items():
            zf.writestr(path, text)
    return wheel


def make_program_wheel(
    folder: Path,
    *,
    version: str = "0.1.0",
    requires: Iterable[str] = ("td-fake-dep>=1", 'pytest>=8; extra == "test"'),
    resources: Mapping[str, str] | None = None,
) -> Path:
    files = {"td_fake_program/__init__.py": FAKE_PROGRAM}
    files.update({f"resources/{k}": v for k, v in (resources or {}).items()})
    return make_wheel(
        folder,
        "transfer-desk",
        version,
        requires=requires,
        files=files,
        entry_points=ENTRY_POINTS,
    )


def fill_dependencies(folder: Path) -> list[Path]:
    """td-fake-dep 1.0, which needs td-fake-sub>=2, and td-fake-sub 2.0."""
    return [
        make_wheel(
            folder,
            "td-fake-dep",
            "1.0",
            requires=["td-fake-sub>=2"],
            files={"td_fake_dep.py": "VALUE = 1\n"},
        ),
        make_wheel(folder, "td-fake-sub", "2.0", files={"td_fake_sub.py": "VALUE = 2\n"}),
    ]


def make_kit_folder(
    out: Path, *, platform: str = "manylinux2014_x86_64", python_version: str = HERE_PYTHON
) -> tuple[Path, Path]:
    """A kit folder with the program and its two dependencies; returns (folder, archive)."""
    kit = out / make_kit.kit_name("0.1.0", platform, python_version)
    make_program_wheel(kit / "wheels")
    fill_dependencies(kit / "wheels")
    return kit, make_kit.finish_kit(kit, platform=platform, python_version=python_version)


def fake_root(tmp_path: Path, dependencies: Iterable[str] = ("td-fake-dep>=1",)) -> Path:
    root = tmp_path / "source"
    (root / "resources" / "fonts").mkdir(parents=True)
    (root / "resources" / "fonts" / "font.ttf").write_text("font")
    (root / "resources" / "translations").mkdir()
    (root / "resources" / "translations" / "zh_CN.qm").write_text("qm")
    (root / "resources" / "translations" / "zh_CN.tsv").write_text("not shipped")
    deps = ", ".join(f'"{d}"' for d in dependencies)
    (root / "pyproject.toml").write_text(
        f'[project]\nname = "transfer-desk"\nversion = "0.1.0"\n'
        f'requires-python = ">=3.11"\ndependencies = [{deps}]\n'
    )
    return root


SHIPPED_RESOURCES = {"fonts/font.ttf": "font", "translations/zh_CN.qm": "qm"}


# --- what the kit needs ----------------------------------------------------------------------


def test_runtime_requirements_are_the_pyproject_dependencies_without_the_test_extras() -> None:
    pyproject = REPO / "pyproject.toml"
    declared = tomllib.loads(pyproject.read_text("utf-8"))["project"]

    requirements = make_kit.runtime_requirements(pyproject)

    assert requirements == declared["dependencies"]
    names = {re.split(r"[<>=!~ ;\[]", r)[0].lower() for r in requirements}
    assert {"pyside6-essentials", "sqlcipher3", "cryptography"} <= names
    assert not names & {"pytest", "pytest-qt", "hypothesis", "mypy"}


def test_a_bad_or_dynamic_dependency_list_is_refused(tmp_path: Path) -> None:
    bad = tmp_path / "bad.toml"
    bad.write_text('[project]\nname = "x"\ndependencies = ["not a requirement !!"]\n')
    dynamic = tmp_path / "dynamic.toml"
    dynamic.write_text('[project]\nname = "x"\ndynamic = ["dependencies"]\n')

    with pytest.raises(KitError, match="bad dependency"):
        make_kit.runtime_requirements(bad)
    with pytest.raises(KitError, match="dynamic"):
        make_kit.runtime_requirements(dynamic)


@pytest.mark.parametrize(
    ("platform", "highest", "too_high"),
    [
        ("manylinux2014_x86_64", "manylinux_2_28_x86_64", "manylinux_2_29_x86_64"),
        ("manylinux2014_aarch64", "manylinux_2_31_aarch64", "manylinux_2_32_aarch64"),
        ("manylinux_2_34_x86_64", "manylinux_2_34_x86_64", "manylinux_2_35_x86_64"),
    ],
)
def test_a_linux_target_accepts_every_manylinux_tag_up_to_its_glibc(
    platform: str, highest: str, too_high: str
) -> None:
    target = make_kit.target(platform)

    arch = "aarch64" if "aarch64" in platform else "x86_64"
    assert f"manylinux2014_{arch}" in target.pip_platforms
    assert f"manylinux_2_17_{arch}" in target.pip_platforms
    assert highest in target.pip_platforms
    assert too_high not in target.pip_platforms
    assert not target.windows
    assert target.archive_suffix == ".tar.gz"
    assert target.python_platform == f"linux-{arch}"


def test_the_windows_target_is_a_zip_for_64_bit_windows() -> None:
    target = make_kit.target("win_amd64")

    assert target.pip_platforms == ("win_amd64",)
    assert target.windows
    assert target.archive_suffix == ".zip"
    assert target.python_platform == "win-amd64"
    assert target.markers["sys_platform"] == "win32"


@pytest.mark.parametrize("platform", ["macosx_11_0_arm64", "linux_x86_64", "manylinux_2_12_x86_64"])
def test_an_unknown_platform_is_refused(platform: str) -> None:
    with pytest.raises(KitError, match=platform):
        make_kit.target(platform)


def test_python_versions_outside_requires_python_are_refused() -> None:
    pyproject = REPO / "pyproject.toml"

    make_kit.check_python_version("3.11", pyproject)
    make_kit.check_python_version("3.12", pyproject)
    with pytest.raises(KitError, match="requires-python"):
        make_kit.check_python_version("3.10", pyproject)
    with pytest.raises(KitError, match=r"3\.11, 3\.12"):
        make_kit.check_python_version("3.x", pyproject)


def test_pip_downloads_binary_wheels_for_the_target_only(tmp_path: Path) -> None:
    target = make_kit.target("manylinux2014_x86_64")

    command = make_kit.download_command(
        ["a>=1", "b"], tmp_path, target, "3.12", pip=["pip"], pip_options=["--no-index"]
    )

    assert command[:2] == ["pip", "download"]
    assert "--only-binary=:all:" in command
    assert command[command.index("--implementation") + 1] == "cp"
    assert command[command.index("--python-version") + 1] == "3.12"
    assert command[command.index("--dest") + 1] == str(tmp_path)
    platforms = [command[i + 1] for i, arg in enumerate(command) if arg == "--platform"]
    assert tuple(platforms) == target.pip_platforms
    assert command[-3:] == ["--no-index", "a>=1", "b"]


# --- checking the wheels ---------------------------------------------------------------------


def test_requirements_pin_every_wheel_with_its_sha256(tmp_path: Path) -> None:
    wheels = [make_program_wheel(tmp_path), *fill_dependencies(tmp_path)]

    text = make_kit.pinned_requirements(wheels, header=["a header"])

    assert text.startswith("# a header\n")
    pins = re.findall(r"^(\S+)==(\S+) \\\n    --hash=sha256:([0-9a-f]{64})$", text, re.M)
    assert sorted(pins) == sorted(
        (name, version, hashlib.sha256(w.read_bytes()).hexdigest())
        for name, version, w in zip(
            ["transfer-desk", "td-fake-dep", "td-fake-sub"],
            ["0.1.0", "1.0", "2.0"],
            wheels,
            strict=True,
        )
    )


def test_two_wheels_of_one_project_are_refused(tmp_path: Path) -> None:
    wheels = [
        make_wheel(tmp_path, "td-fake-sub", "2.0"),
        make_wheel(tmp_path, "td-fake-sub", "2.0", tag="py3-none-manylinux2014_x86_64"),
    ]

    with pytest.raises(KitError, match="two wheels of td-fake-sub"):
        make_kit.pinned_requirements(wheels)


def test_a_requirement_that_no_wheel_satisfies_is_reported_for_its_platform(
    tmp_path: Path,
) -> None:
    wheels = [
        make_wheel(
            tmp_path,
            "td-fake-dep",
            "1.0",
            requires=["td-fake-sub>=3", 'td-fake-win; sys_platform == "win32"'],
        ),
        make_wheel(tmp_path, "td-fake-sub", "2.0"),
    ]
    linux = make_kit.marker_environment(make_kit.target("manylinux2014_x86_64"), "3.11")
    windows = make_kit.marker_environment(make_kit.target("win_amd64"), "3.11")

    on_linux = make_kit.missing_requirements(wheels, linux)
    on_windows = make_kit.missing_requirements(wheels, windows)

    assert on_linux == [
        "td_fake_dep-1.0-py3-none-any.whl needs td-fake-sub>=3: the kit has 2.0",
    ]
    assert on_windows == [
        *on_linux,
        'td_fake_dep-1.0-py3-none-any.whl needs td-fake-win; sys_platform == "win32": '
        "no wheel in the kit",
    ]


def test_the_glibc_a_kit_needs_is_the_highest_of_its_wheels_lowest_tags(tmp_path: Path) -> None:
    wheels = [
        make_wheel(tmp_path, "a", "1", tag="cp311-cp311-manylinux1_x86_64.manylinux_2_28_x86_64"),
        make_wheel(
            tmp_path, "b", "1", tag="cp311-cp311-manylinux_2_27_x86_64.manylinux_2_28_x86_64"
        ),
        make_wheel(tmp_path, "c", "1", tag="cp311-cp311-manylinux2014_x86_64"),
        make_wheel(tmp_path, "d", "1"),
    ]

    assert make_kit.glibc_needed(wheels) == "2.27"
    assert make_kit.glibc_needed(wheels[2:]) == "2.17"
    assert make_kit.glibc_needed(wheels[3:]) == ""


def test_the_program_wheel_must_declare_the_pyproject_dependencies(tmp_path: Path) -> None:
    wheel = make_program_wheel(tmp_path, resources=SHIPPED_RESOURCES)

    make_kit.check_project_wheel(wheel, ["td-fake-dep>=1"], None)
    with pytest.raises(
        KitError,
        match=r"only in the wheel: td-fake-dep>=1; only in pyproject.toml: td-fake-dep>=2\)",
    ):
        make_kit.check_project_wheel(wheel, ["td-fake-dep>=2"], None)
    with pytest.raises(KitError, match="not a transfer-desk wheel"):
        make_kit.check_project_wheel(
            make_wheel(tmp_path, "td-fake-sub", "2.0"), ["td-fake-dep>=1"], None
        )


def test_the_program_wheel_must_carry_the_shipped_resources(tmp_path: Path) -> None:
    resources = fake_root(tmp_path) / "resources"
    complete = make_program_wheel(tmp_path / "complete", resources=SHIPPED_RESOURCES)
    without_font = make_program_wheel(
        tmp_path / "partial", resources={"translations/zh_CN.qm": "qm"}
    )

    assert make_kit.missing_resources(complete, resources) == []
    assert make_kit.missing_resources(without_font, resources) == ["fonts/font.ttf"]
    with pytest.raises(KitError, match=r"lacks 1 resource file.*fonts/font.ttf"):
        make_kit.check_project_wheel(without_font, ["td-fake-dep>=1"], resources)


# --- the kit and its archive ------------------------------------------------------------------


def test_a_linux_kit_is_a_tar_gz_of_one_folder(tmp_path: Path) -> None:
    kit, archive = make_kit_folder(tmp_path, python_version="3.12")

    assert archive == tmp_path / (kit.name + ".tar.gz")
    with tarfile.open(archive) as tar:
        members = {m.name: m for m in tar.getmembers()}
        readme = tar.extractfile(f"{kit.name}/README.txt").read().decode()  # type: ignore[union-attr]
    assert {n.split("/")[0] for n in members} == {kit.name}
    assert set(members) >= {
        f"{kit.name}/install.sh",
        f"{kit.name}/kit.env",
        f"{kit.name}/requirements.txt",
        f"{kit.name}/README.txt",
        f"{kit.name}/wheels/transfer_desk-0.1.0-py3-none-any.whl",
        f"{kit.name}/wheels/td_fake_dep-1.0-py3-none-any.whl",
        f"{kit.name}/wheels/td_fake_sub-2.0-py3-none-any.whl",
    }
    assert f"{kit.name}/install.ps1" not in members
    assert members[f"{kit.name}/install.sh"].mode == 0o755
    assert members[f"{kit.name}/README.txt"].mode == 0o644
    assert all(m.uid == 0 and m.uname == "" for m in members.values())
    assert kit.name == "transfer-desk-0.1.0-wheelhouse-manylinux2014_x86_64-py3.12"
    # Chinese first, then English.
    assert 0 < readme.index("这是什么") < readme.index("What this is")
    assert "Python：3.12" in readme and "sh install.sh" in readme
    # pip decodes requirements.txt in the locale's encoding (cp936 on Chinese Windows).
    assert (kit / "requirements.txt").read_bytes().isascii()
    assert (kit / "kit.env").read_bytes().isascii()


def test_kit_env_says_what_the_kit_was_made_for(tmp_path: Path) -> None:
    kit, _ = make_kit_folder(tmp_path, platform="manylinux2014_aarch64", python_version="3.12")

    settings = dict(line.split("=", 1) for line in (kit / "kit.env").read_text().splitlines())

    assert settings == {
        "KIT_NAME": kit.name,
        "KIT_VERSION": "0.1.0",
        "KIT_PLATFORM": "manylinux2014_aarch64",
        "KIT_PYTHON": "3.12",
        "KIT_PYTHON_PLATFORM": "linux-aarch64",
        "KIT_GLIBC": "",
    }


def test_the_same_kit_packs_to_the_same_bytes(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1767225600")
    kit, archive = make_kit_folder(tmp_path)
    first = archive.read_bytes()

    again = make_kit.pack(kit, zip_format=False)

    assert again.read_bytes() == first
    assert not list(tmp_path.glob("*.partial"))


def test_a_windows_kit_is_a_zip_with_powershell_scripts(tmp_path: Path) -> None:
    kit, archive = make_kit_folder(tmp_path, platform="win_amd64", python_version="3.11")

    assert archive.name == kit.name + ".zip"
    with zipfile.ZipFile(archive) as zf:
        names = set(zf.namelist())
        ps1 = zf.read(f"{kit.name}/install.ps1")
        cmd = zf.read(f"{kit.name}/install.cmd")
        readme = zf.read(f"{kit.name}/README.txt").decode()
    assert f"{kit.name}/install.sh" not in names
    assert f"{kit.name}/wheels/td_fake_sub-2.0-py3-none-any.whl" in names
    # Windows PowerShell 5.1 needs the byte-order mark to read the Chinese messages.
    assert ps1.startswith(b"\xef\xbb\xbf")
    assert b"\r\n" in ps1 and b"\n" not in ps1.replace(b"\r\n", b"")
    assert b"\n" not in cmd.replace(b"\r\n", b"")
    assert "install.cmd" in readme and "%LOCALAPPDATA%\\TransferDesk\\app" in readme
    assert 0 < readme.index("这是什么") < readme.index("What this is")


def test_an_incomplete_kit_is_refused_and_not_packed(tmp_path: Path) -> None:
    kit = tmp_path / "kit"
    make_program_wheel(kit / "wheels")
    make_wheel(kit / "wheels", "td-fake-dep", "1.0", requires=["td-fake-sub>=2"])

    with pytest.raises(KitError, match="td-fake-sub>=2: no wheel in the kit"):
        make_kit.finish_kit(kit, platform="manylinux2014_x86_64", python_version="3.11")
    assert list(tmp_path.iterdir()) == [kit]


def test_build_kit_downloads_the_dependencies_and_packs_the_kit(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)  # this machine's pip.conf adds find-links
    root = fake_root(tmp_path)
    index = tmp_path / "index"
    fill_dependencies(index)
    make_wheel(index, "td-fake-sub", "1.5")  # too old for td-fake-dep: pip must not take it
    program = make_program_wheel(tmp_path / "program", resources=SHIPPED_RESOURCES)
    out = tmp_path / "out"

    archive = make_kit.build_kit(
        out,
        platform="manylinux2014_x86_64",
        python_version="3.11",
        project_wheel=program,
        root=root,
        pip_options=["--no-index", "--find-links", str(index)],
    )

    kit = out / "transfer-desk-0.1.0-wheelhouse-manylinux2014_x86_64-py3.11"
    assert archive == out / (kit.name + ".tar.gz")
    assert sorted(p.name for p in (kit / "wheels").iterdir()) == [
        "td_fake_dep-1.0-py3-none-any.whl",
        "td_fake_sub-2.0-py3-none-any.whl",
        "transfer_desk-0.1.0-py3-none-any.whl",
    ]
    pins = re.findall(r"^(\S+==\S+) ", (kit / "requirements.txt").read_text(), re.M)
    assert pins == ["td-fake-dep==1.0", "td-fake-sub==2.0", "transfer-desk==0.1.0"]


def test_build_kit_replaces_an_older_kit_but_no_other_folder(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("PIP_CONFIG_FILE", os.devnull)
    root = fake_root(tmp_path)
    index = tmp_path / "index"
    fill_dependencies(index)
    program = make_program_wheel(tmp_path / "program", resources=SHIPPED_RESOURCES)
    out = tmp_path / "out"
    kit = out / "transfer-desk-0.1.0-wheelhouse-win_amd64-py3.11"
    (kit / "wheels").mkdir(parents=True)
    (kit / "wheels" / "stale-9-py3-none-any.whl").write_text("left by an older build")
    options = ["--no-index", "--find-links", str(index)]

    make_kit.build_kit(
        out,
        platform="win_amd64",
        python_version="3.11",
        project_wheel=program,
        root=root,
        pip_options=options,
    )
    assert not (kit / "wheels" / "stale-9-py3-none-any.whl").exists()
    failed = out / "transfer-desk-0.1.0-wheelhouse-manylinux2014_x86_64-py3.12"
    (failed / "wheels").mkdir(parents=True)
    old_archive = out / (failed.name + ".tar.gz")
    old_archive.write_text("an archive of an earlier build")
    with pytest.raises(KitError, match="pip download"):
        make_kit.build_kit(
            out,
            platform="manylinux2014_x86_64",
            python_version="3.12",
            project_wheel=program,
            root=root,
            pip_options=["--no-index", "--find-links", str(tmp_path / "nowhere")],
        )
    assert not old_archive.exists()  # no stale archive for the checksums to list

    other = out / "transfer-desk-0.1.0-wheelhouse-manylinux2014_x86_64-py3.11"
    other.mkdir()
    (other / "notes.txt").write_text("mine")
    with pytest.raises(KitError, match="not a wheelhouse kit"):
        make_kit.build_kit(
            out,
            platform="manylinux2014_x86_64",
            python_version="3.11",
            project_wheel=program,
            root=root,
            pip_options=options,
        )
    assert (other / "notes.txt").read_text() == "mine"


def test_the_command_line_reports_a_bad_platform(capsys: pytest.CaptureFixture[str]) -> None:
    assert make_kit.main(["--platform", "solaris_sparc", "--python", "3.11"]) == 1
    assert "unknown platform 'solaris_sparc'" in capsys.readouterr().err


# --- install.sh, for real --------------------------------------------------------------------


def run_install(
    kit: Path, target: Path, python: str = sys.executable
) -> subprocess.CompletedProcess[str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("PIP_")}
    env["PYTHON"] = python
    return subprocess.run(
        ["sh", str(kit / "install.sh"), str(target)],
        capture_output=True,
        text=True,
        env=env,
        check=False,
        timeout=300,
    )


def unpack(archive: Path, dest: Path) -> Path:
    with tarfile.open(archive) as tar:
        tar.extractall(dest, filter="data")
    (folder,) = dest.iterdir()
    return folder


@pytest.mark.slow
def test_install_sh_installs_the_kit_offline_into_a_venv(tmp_path: Path) -> None:
    _, archive = make_kit_folder(tmp_path / "build")
    kit = unpack(archive, tmp_path / "usb")
    target = tmp_path / "apps" / "TransferDesk" / "app"

    result = run_install(kit, target)

    assert result.returncode == 0, result.stderr
    cli = target / "bin" / "transfer-desk-cli"
    assert f"程序 / program:           {target / 'bin' / 'transfer-desk'}" in result.stdout
    assert f"command line:    {cli}" in result.stdout
    assert "transfer-desk-cli 0.1.0" in result.stdout
    version = subprocess.run([str(cli)], capture_output=True, text=True, check=True).stdout
    assert version.strip() == "transfer-desk-cli 0.1.0"
    installed = subprocess.run(
        [str(target / "bin" / "python"), "-c", "import td_fake_sub; print(td_fake_sub.VALUE)"],
        capture_output=True,
        text=True,
        check=True,
    )
    assert installed.stdout.strip() == "2"


@pytest.mark.slow
def test_install_sh_refuses_a_wheel_that_does_not_match_its_hash(tmp_path: Path) -> None:
    kit, _ = make_kit_folder(tmp_path / "build")
    original = kit / "wheels" / "td_fake_dep-1.0-py3-none-any.whl"
    swapped = make_wheel(
        tmp_path / "evil",
        "td-fake-dep",
        "1.0",
        requires=["td-fake-sub>=2"],
        files={"td_fake_dep.py": "import os  # swapped\nVALUE = 1\n"},
    )
    original.write_bytes(swapped.read_bytes())
    target = tmp_path / "app"

    result = run_install(kit, target)

    assert result.returncode != 0
    assert "DO NOT MATCH THE HASHES" in result.stderr
    assert "hash 不符" in result.stderr and "hash mismatch" in result.stderr
    assert not (target / "bin" / "transfer-desk-cli").exists()
    site = list(target.glob("lib/python*/site-packages"))
    assert site and not list(site[0].glob("td_fake_dep*"))


def test_install_sh_refuses_another_python_version(tmp_path: Path) -> None:
    other = "3.12" if HERE_PYTHON != "3.12" else "3.11"
    kit, _ = make_kit_folder(tmp_path / "build", python_version=other)
    target = tmp_path / "app"

    result = run_install(kit, target)

    assert result.returncode == 1
    assert f"此安装包是为 Python {other} 制作的，但找到的是 Python {HERE_PYTHON}" in result.stderr
    assert (
        f"This kit was made for Python {other}, but the Python found is {HERE_PYTHON}"
        in result.stderr
    )
    assert not target.exists()


@pytest.mark.skipif(
    sysconfig.get_platform() != "linux-x86_64", reason="the kits here are made for linux-x86_64"
)
def test_install_sh_refuses_another_machine_or_an_older_glibc(tmp_path: Path) -> None:
    arm, _ = make_kit_folder(tmp_path / "arm", platform="manylinux2014_aarch64")
    future = tmp_path / "future" / make_kit.kit_name("0.1.0", "manylinux_2_99_x86_64", HERE_PYTHON)
    make_program_wheel(future / "wheels")
    fill_dependencies(future / "wheels")
    make_wheel(future / "wheels", "td-fake-native", "1.0", tag="cp311-cp311-manylinux_2_99_x86_64")
    make_kit.finish_kit(future, platform="manylinux_2_99_x86_64", python_version=HERE_PYTHON)

    on_arm = run_install(arm, tmp_path / "app")
    too_new = run_install(future, tmp_path / "app")

    assert on_arm.returncode == 1
    assert "此安装包适用于 linux-aarch64，而本机的 Python 是 linux-x86_64" in on_arm.stderr
    assert "This kit is for linux-aarch64" in on_arm.stderr
    assert too_new.returncode == 1
    assert "此安装包需要 glibc 2.99 或更新" in too_new.stderr
    assert "This kit needs glibc 2.99 or newer" in too_new.stderr
    assert not (tmp_path / "app").exists()


def test_install_sh_does_not_write_into_a_folder_that_is_not_its_own(tmp_path: Path) -> None:
    kit, _ = make_kit_folder(tmp_path / "build")
    target = tmp_path / "TransferDesk"
    target.mkdir()
    (target / "vault.db").write_bytes(b"the user's data")

    result = run_install(kit, target)

    assert result.returncode == 1
    assert "不是本程序的安装文件夹，不会覆盖" in result.stderr
    assert "is not an installation of this program" in result.stderr
    assert sorted(p.name for p in target.iterdir()) == ["vault.db"]
    assert (target / "vault.db").read_bytes() == b"the user's data"


def test_install_sh_is_posix_sh() -> None:
    script = REPO / "installers" / "wheelhouse" / "install.sh"

    for shell in ("sh", "dash"):
        if subprocess.run(["which", shell], capture_output=True, check=False).returncode:
            continue
        result = subprocess.run(
            [shell, "-n", str(script)], capture_output=True, text=True, check=False
        )
        assert result.returncode == 0, result.stderr
    text = script.read_text()
    assert "[[" not in text and "function " not in text and "local " not in text


# --- install.ps1 (cannot run here: checked as text) --------------------------------------------


def test_install_ps1_installs_from_the_kit_only_and_checks_the_python() -> None:
    raw = (REPO / "installers" / "wheelhouse" / "install.ps1").read_bytes()
    text = raw.decode("utf-8-sig")

    assert raw.startswith(b"\xef\xbb\xbf")
    pip_line = next(line for line in text.splitlines() if "-m pip" in line)
    for option in ("--isolated", "--no-index", "--find-links $Wheels", "--require-hashes"):
        assert option in pip_line
    assert "$env:PIP_CONFIG_FILE = 'nul'" in text  # os.devnull on Windows: no pip.ini is read
    assert "Join-Path $env:LOCALAPPDATA 'TransferDesk\\app'" in text
    assert '"-$KitPython"' in text  # the py launcher is asked for the kit's version
    assert "if ($havePython -ne $KitPython)" in text
    assert "此安装包是为 Python $KitPython 制作的" in text
    assert "This kit was made for Python $KitPython" in text
    assert "Scripts\\transfer-desk.exe" in text and "Scripts\\transfer-desk-cli.exe" in text
    # Every native command is followed by a check of its exit code.
    assert text.count("$LASTEXITCODE -ne 0") >= 5
    assert text.count("(") == text.count(")") and text.count("{") == text.count("}")
