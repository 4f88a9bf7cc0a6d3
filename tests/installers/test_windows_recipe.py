"""The Windows recipe (installers/windows/): what can be checked without Windows.

The Inno Setup script is run through a small stand-in for its preprocessor (the directives it
uses: #define, #ifdef/#ifndef, #if FileExists(...), #elif, #else, #endif, #error, #pragma) and
read as the INI-like sections Inno Setup reads; build.ps1 is read as text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from pathlib import Path, PureWindowsPath

import pytest

REPO = Path(__file__).resolve().parents[2]
WINDOWS = REPO / "installers" / "windows"
ISS = WINDOWS / "transfer-desk.iss"
BUILD = WINDOWS / "build.ps1"
SPEC = REPO / "installers" / "pyinstaller" / "transfer-desk.spec"
SOURCE_PATH = "C:\\src\\installers\\windows\\"
COMPILER_PATH = "C:\\Program Files (x86)\\Inno Setup 6\\"
CHINESE_IN_COMPILER = {"CompilerPath": {"Languages\\ChineseSimplified.isl"}}


class IsppError(Exception):
    """An #error directive was reached."""


def preprocess(
    text: str, defines: Mapping[str, str], files: Mapping[str, set[str]] | None = None
) -> tuple[list[str], list[str]]:
    """The script's lines after preprocessing, and the #pragma warnings given.

    ``files`` says which files exist: {"CompilerPath": {"Languages\\X.isl"}, "SourcePath": …}.
    """
    values = {"SourcePath": SOURCE_PATH, "CompilerPath": COMPILER_PATH, **defines}
    present = files or {}

    def file_exists(expr: str) -> bool:
        match = re.fullmatch(r'FileExists\(AddBackslash\((\w+)\) \+ "([^"]+)"\)', expr)
        assert match, f"unexpected #if expression: {expr}"
        return match[2] in present.get(match[1], set())

    def value(expr: str) -> str:
        if (literal := re.fullmatch(r'"([^"]*)"', expr)) is not None:
            return literal[1]
        joined = re.fullmatch(r'AddBackslash\((\w+)\) \+ "([^"]+)"', expr)
        assert joined, f"unexpected #define expression: {expr}"
        return values[joined[1]].rstrip("\\") + "\\" + joined[2]

    lines: list[str] = []
    warnings: list[str] = []
    stack: list[tuple[bool, bool]] = []  # (this branch is active, some branch was taken)
    for line in text.splitlines():
        stripped = line.strip()
        active = all(a for a, _ in stack)
        if stripped.startswith("#"):
            word, _, rest = stripped[1:].partition(" ")
            rest = rest.strip()
            if word in ("ifdef", "ifndef"):
                cond = (rest in values) == (word == "ifdef")
                stack.append((cond, cond))
            elif word == "if":
                cond = file_exists(rest)
                stack.append((cond, cond))
            elif word == "elif":
                _, taken = stack.pop()
                cond = not taken and file_exists(rest)
                stack.append((cond, taken or cond))
            elif word == "else":
                _, taken = stack.pop()
                stack.append((not taken, True))
            elif word == "endif":
                stack.pop()
            elif not active:
                continue
            elif word == "define":
                name, _, expr = rest.partition(" ")
                values[name] = value(expr.strip())
            elif word == "error":
                raise IsppError(rest)
            elif word == "pragma":
                warnings.append(rest)
            else:
                raise AssertionError(f"directive not understood by the test: {stripped}")
            continue
        if active:
            lines.append(re.sub(r"\{#(\w+)\}", lambda m: values[m[1]], line))
    assert not stack, "unbalanced #if/#endif"
    return lines, warnings


def sections(lines: list[str]) -> dict[str, list[str]]:
    result: dict[str, list[str]] = {}
    current = None
    for line in lines:
        stripped = line.strip()
        if not stripped or stripped.startswith(";"):
            continue
        header = re.fullmatch(r"\[(\w+)\]", stripped)
        if header:
            current = header[1]
            assert current not in result, f"[{current}] twice"
            result[current] = []
            continue
        assert current is not None, f"a line before any section: {line}"
        result[current].append(stripped)
    return result


def keys(entries: list[str]) -> dict[str, str]:
    pairs = [e.split("=", 1) for e in entries]
    assert all(len(p) == 2 for p in pairs)
    result = {k.strip(): v.strip() for k, v in pairs}
    assert len(result) == len(pairs), "a key set twice"
    return result


def params(entry: str) -> dict[str, str]:
    """``Name: "a"; Flags: x y`` as {"Name": "a", "Flags": "x y"}."""
    found = re.findall(r'\s*(\w+):\s*("(?:[^"]|"")*"|[^;]*)\s*(?:;|$)', entry)
    assert found, entry
    return {k: v[1:-1] if v.startswith('"') else v.strip() for k, v in found}


def iss_text() -> str:
    return ISS.read_bytes().decode("utf-8-sig")


def build_script(
    version: str = "1.2.3", files: Mapping[str, set[str]] | None = None
) -> tuple[dict[str, list[str]], list[str]]:
    lines, warnings = preprocess(iss_text(), {"AppVersion": version}, files)
    return sections(lines), warnings


def ps1() -> str:
    return BUILD.read_text(encoding="utf-8-sig")


def from_iss(relative: str) -> Path:
    """A path written in the script, relative to the script's folder, as a path in the repo."""
    return (WINDOWS / Path(*PureWindowsPath(relative).parts)).resolve()


# --- the Inno Setup script -------------------------------------------------------------------


def test_the_script_is_utf8_with_a_byte_order_mark_for_its_chinese_text() -> None:
    raw = ISS.read_bytes()

    assert raw.startswith(b"\xef\xbb\xbf")
    assert "成果转化工作台" in raw.decode("utf-8-sig")


def test_the_script_refuses_to_build_without_a_version() -> None:
    with pytest.raises(IsppError, match="AppVersion is not defined"):
        preprocess(iss_text(), {}, CHINESE_IN_COMPILER)


def test_setup_installs_per_machine_into_program_files_with_the_version_given() -> None:
    script, _ = build_script("1.2.3", CHINESE_IN_COMPILER)

    setup = keys(script["Setup"])

    assert setup["AppName"] == "成果转化工作台"
    assert setup["AppVersion"] == "1.2.3"
    assert setup["DefaultDirName"] == "{autopf}\\TransferDesk"
    assert setup["PrivilegesRequired"] == "admin"
    assert setup["ArchitecturesInstallIn64BitMode"] == "x64compatible"
    assert setup["OutputBaseFilename"] == "transfer-desk-1.2.3-windows-x86_64-setup"
    assert re.fullmatch(r"\{\{[0-9A-F]{8}(-[0-9A-F]{4}){3}-[0-9A-F]{12}\}", setup["AppId"])
    assert setup["UninstallDisplayIcon"] == "{app}\\transfer-desk.exe"


def test_the_files_the_script_names_exist_in_the_repository() -> None:
    script, _ = build_script("1.2.3", CHINESE_IN_COMPILER)
    setup = keys(script["Setup"])

    icon = from_iss(setup["SetupIconFile"])

    assert icon == REPO / "resources" / "icons" / "transfer-desk.ico"
    assert icon.read_bytes()[:4] == b"\x00\x00\x01\x00"  # an ICO file
    assert from_iss(setup["OutputDir"]) == REPO / "dist" / "windows"
    assert "transfer-desk.ico" in SPEC.read_text(encoding="utf-8")  # the exe's icon, too


def test_chinese_comes_first_when_its_messages_file_is_found() -> None:
    script, warnings = build_script("1.2.3", CHINESE_IN_COMPILER)

    languages = [params(e) for e in script["Languages"]]

    assert languages == [
        {"Name": "chinesesimplified", "MessagesFile": "compiler:Languages\\ChineseSimplified.isl"},
        {"Name": "english", "MessagesFile": "compiler:Default.isl"},
    ]
    assert warnings == []


def test_a_messages_file_beside_the_script_is_preferred() -> None:
    both = {**CHINESE_IN_COMPILER, "SourcePath": {"ChineseSimplified.isl"}}
    script, _ = build_script("1.2.3", both)

    chinese = params(script["Languages"][0])

    assert chinese["MessagesFile"] == SOURCE_PATH + "ChineseSimplified.isl"


def test_without_the_chinese_messages_file_the_installer_is_english_only() -> None:
    script, warnings = build_script("1.2.3", files={})

    languages = [params(e)["Name"] for e in script["Languages"]]

    assert languages == ["english"]
    assert len(warnings) == 1 and "ChineseSimplified.isl not found" in warnings[0]
    # Inno Setup refuses entries for a language it does not know.
    everything = [line for entries in script.values() for line in entries]
    assert not [line for line in everything if line.startswith("chinesesimplified.")]


def test_the_uninstaller_says_that_the_users_data_stays() -> None:
    script, _ = build_script("1.2.3", CHINESE_IN_COMPILER)

    messages = keys(script["Messages"])

    for language in ("chinesesimplified", "english"):
        confirm = messages[f"{language}.ConfirmUninstall"]
        done = messages[f"{language}.UninstalledAll"]
        # A message with %1 writes a literal % as %%.
        assert "%%LOCALAPPDATA%%\\TransferDesk" in confirm
        assert "%%LOCALAPPDATA%%\\TransferDesk" in done
        assert "%1" in confirm and "%1" in done
    assert "卸载不会删除" in messages["chinesesimplified.ConfirmUninstall"]
    assert "does not delete" in messages["english.ConfirmUninstall"]


def test_nothing_outside_the_program_folder_is_deleted() -> None:
    script, _ = build_script("1.2.3", CHINESE_IN_COMPILER)

    assert "UninstallDelete" not in script
    deleted = [params(e)["Name"] for e in script.get("InstallDelete", [])]
    assert deleted and all(name.startswith("{app}\\") for name in deleted)
    assert "{app}\\_internal" in deleted  # an upgrade leaves no old library behind


def test_start_menu_and_optional_desktop_shortcuts_start_the_window_program() -> None:
    script, _ = build_script("1.2.3", CHINESE_IN_COMPILER)

    icons = [params(e) for e in script["Icons"]]
    tasks = {params(e)["Name"]: params(e) for e in script["Tasks"]}

    assert [i["Name"] for i in icons] == [
        "{autoprograms}\\成果转化工作台",
        "{autodesktop}\\成果转化工作台",
    ]
    assert all(i["Filename"] == "{app}\\transfer-desk.exe" for i in icons)
    assert "Tasks" not in icons[0]
    assert icons[1]["Tasks"] == "desktopicon"
    assert "unchecked" in tasks["desktopicon"]["Flags"].split()


def test_the_bundle_is_installed_whole_and_started_as_the_user() -> None:
    script, _ = build_script("1.2.3", CHINESE_IN_COMPILER)

    (files,) = [params(e) for e in script["Files"]]
    (run,) = [params(e) for e in script["Run"]]

    assert files["DestDir"] == "{app}"
    assert {"recursesubdirs", "createallsubdirs", "ignoreversion"} <= set(files["Flags"].split())
    assert run["Filename"] == "{app}\\transfer-desk.exe"
    assert {"runasoriginaluser", "postinstall", "skipifsilent"} <= set(run["Flags"].split())


# --- build.ps1 and the script agree --------------------------------------------------------


def test_build_ps1_passes_exactly_the_defines_the_script_reads() -> None:
    text = iss_text()
    passed = set(re.findall(r'"/D(\w+)=', ps1()))
    read = set(re.findall(r"^#ifndef (\w+)$", text, re.M))
    required = set(re.findall(r"^#ifndef (\w+)\n\s*#error", text, re.M))

    assert passed == {"AppVersion", "BundleDir"}
    assert passed <= read
    assert required == {"AppVersion"} and required <= passed


def test_the_version_define_is_the_package_metadata_version() -> None:
    text = ps1()

    (version_line,) = [line for line in text.splitlines() if line.startswith("$Version = ")]
    assert "importlib.metadata" in version_line and "m.version('transfer-desk')" in version_line
    assert '"/DAppVersion=$Version"' in text
    # The setup program build.ps1 looks for is the one the script makes for that version.
    script, _ = build_script("$Version", CHINESE_IN_COMPILER)
    output = keys(script["Setup"])["OutputBaseFilename"]
    assert f'Join-Path $Out "{output}.exe"' in text


def test_the_default_bundle_folder_is_where_build_ps1_and_the_spec_put_it() -> None:
    text = ps1()
    work = re.search(r"\$Work = Join-Path \$Root '([^']+)'", text)
    bundle_root = re.search(r"\$BundleRoot = Join-Path \$Work '([^']+)'", text)
    bundle = re.search(r"\$Bundle = Join-Path \$BundleRoot '([^']+)'", text)
    collect = re.search(r'COLLECT\((?s:.*?)\bname="([^"]+)"', SPEC.read_text(encoding="utf-8"))
    assert work and bundle_root and bundle and collect

    default = re.search(r'^\s*#define BundleDir "([^"]+)"$', iss_text(), re.M)

    assert default is not None
    assert from_iss(default[1]) == REPO.joinpath(*work[1].split("\\"), bundle_root[1], bundle[1])
    assert bundle[1] == collect[1]


def test_build_ps1_uses_the_shared_spec_and_writes_sha256sums() -> None:
    text = ps1()

    spec = re.search(r"\$Spec = Join-Path \$Root '([^']+)'", text)
    iss = re.search(r"\$Iss = Join-Path \$PSScriptRoot '([^']+)'", text)
    assert spec and REPO.joinpath(*spec[1].split("\\")) == SPEC and SPEC.exists()
    assert iss and WINDOWS / iss[1] == ISS
    assert "'-m', 'PyInstaller'" in text and "$Spec)" in text
    assert "Get-FileHash -Algorithm SHA256" in text
    # sha256sum's format: lower-case hash, two spaces, name; LF; UTF-8 without BOM.
    assert '"$hash  $(Split-Path -Leaf $file)"' in text and "ToLowerInvariant()" in text
    assert "New-Object System.Text.UTF8Encoding $false" in text
    # Every native command's exit code is checked (Invoke-Native / Get-Output throw).
    calls = re.findall(r"&\s+\S+\s+\S+", text)
    assert calls == ["& $Exe @Arguments"] * 2  # only inside Invoke-Native and Get-Output


def test_build_ps1_is_ascii_so_any_powershell_reads_it() -> None:
    assert BUILD.read_bytes().isascii()


def test_the_readme_says_what_the_build_machine_needs_and_how_to_check() -> None:
    readme = (WINDOWS / "README.md").read_text(encoding="utf-8")

    for needed in ("Python 3.11", "Inno Setup 6", "signtool", "ChineseSimplified.isl"):
        assert needed in readme
    assert "installers\\windows\\build.ps1" in readme
    assert "Get-FileHash -Algorithm SHA256" in readme
    assert "transfer-desk-VERSION-windows-x86_64-setup.exe" in readme
    assert "%LOCALAPPDATA%\\TransferDesk" in readme
