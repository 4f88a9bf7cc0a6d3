<#
.SYNOPSIS
    Builds the Windows installer of Transfer Desk on a Windows 10/11 x64 build machine.

.DESCRIPTION
    From the repository root:

        powershell -NoProfile -ExecutionPolicy Bypass -File installers\windows\build.ps1

    1. creates a fresh virtual environment (build\windows\venv) with the Python named;
    2. pip install . (the program, from this source tree) plus PyInstaller;
    3. reads the version from the package metadata (pyproject.toml's version: one place);
    4. runs the shared PyInstaller spec (installers\pyinstaller\transfer-desk.spec) into
       build\windows\bundle\transfer-desk\ and checks that transfer-desk-cli.exe --version
       prints that version;
    5. optionally signs the two programs (-Sign);
    6. zips the folder (portable copy) and runs Inno Setup's ISCC.exe on transfer-desk.iss with
       /DAppVersion=<version>; optionally signs the setup program;
    7. optionally builds the win_amd64 wheelhouse kit (-Wheelhouse);
    8. writes SHA256SUMS (sha256sum format, LF, no BOM) for what it made.

    Everything comes out in dist\windows\ (or -Out). See installers\windows\README.md.

.PARAMETER Python
    python.exe to build with (64-bit, python.org). Default: the py launcher's -<PythonVersion>.
.PARAMETER PythonVersion
    3.11 (default) or 3.12.
.PARAMETER Iscc
    ISCC.exe of Inno Setup 6. Default: the usual install folders, then PATH.
.PARAMETER Out
    Output folder. Default: dist\windows under the repository root.
.PARAMETER Sign
    Sign transfer-desk.exe, transfer-desk-cli.exe and the setup program with signtool.
.PARAMETER SignTool
    signtool.exe (Windows SDK). Default: signtool.exe on PATH.
.PARAMETER SignArgs
    Arguments given to "signtool sign" before the file names.
    Default: /a /fd SHA256 (the best certificate in the store; add /tr URL /td SHA256 for a
    timestamp when the build machine can reach a timestamp server).
.PARAMETER Wheelhouse
    Also build the offline wheelhouse kit for win_amd64 (needs the network, like step 2).
#>
[CmdletBinding()]
param(
    [string]$Python = '',
    [ValidateSet('3.11', '3.12')]
    [string]$PythonVersion = '3.11',
    [string]$Iscc = '',
    [string]$Out = '',
    [switch]$Sign,
    [string]$SignTool = '',
    [string[]]$SignArgs = @('/a', '/fd', 'SHA256'),
    [switch]$Wheelhouse
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3

$Root = (Resolve-Path (Join-Path $PSScriptRoot '..\..')).Path
$Spec = Join-Path $Root 'installers\pyinstaller\transfer-desk.spec'
$Iss = Join-Path $PSScriptRoot 'transfer-desk.iss'
$Work = Join-Path $Root 'build\windows'
if (-not $Out) { $Out = Join-Path $Root 'dist\windows' }
New-Item -ItemType Directory -Force -Path $Work, $Out | Out-Null
$Out = (Resolve-Path $Out).Path

function Invoke-Native([string]$Exe, [string[]]$Arguments) {
    Write-Host "+ $Exe $($Arguments -join ' ')"
    & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe failed (exit code $LASTEXITCODE)" }
}

function Get-Output([string]$Exe, [string[]]$Arguments) {
    $text = & $Exe @Arguments
    if ($LASTEXITCODE -ne 0) { throw "$Exe $($Arguments -join ' ') failed (exit code $LASTEXITCODE)" }
    return "$text".Trim()
}

function Invoke-Sign([string[]]$Files) {
    if (-not $Sign) { return }
    $tool = $SignTool
    if (-not $tool) { $tool = (Get-Command signtool.exe -ErrorAction Stop).Source }
    Invoke-Native $tool (@('sign') + $SignArgs + $Files)
}

# 1. Python and a fresh virtual environment.
if (-not $Python) {
    $launcher = Get-Command py.exe -ErrorAction SilentlyContinue
    if (-not $launcher) {
        throw "No py launcher: install Python $PythonVersion (64-bit) from python.org, or pass -Python C:\...\python.exe"
    }
    $Python = Get-Output $launcher.Source @("-$PythonVersion", '-c', 'import sys; print(sys.executable)')
}
$facts = Get-Output $Python @('-c', "import struct, sys; print('%d.%d' % sys.version_info[:2], struct.calcsize('P') * 8)")
if ($facts -ne "$PythonVersion 64") {
    throw "$Python is Python $facts-bit; the build needs Python $PythonVersion, 64-bit"
}
$Venv = Join-Path $Work 'venv'
if (Test-Path -LiteralPath $Venv) { Remove-Item -LiteralPath $Venv -Recurse -Force }
Invoke-Native $Python @('-m', 'venv', $Venv)
$VenvPython = Join-Path $Venv 'Scripts\python.exe'

# 2. The program and PyInstaller.
Invoke-Native $VenvPython @('-m', 'pip', 'install', '--disable-pip-version-check', '--upgrade', 'pip')
Invoke-Native $VenvPython @('-m', 'pip', 'install', '--disable-pip-version-check', $Root, 'pyinstaller>=6.10,<7')

# 3. The version, from the package metadata.
$Version = Get-Output $VenvPython @('-c', "import importlib.metadata as m; print(m.version('transfer-desk'))")
Write-Host "Transfer Desk $Version"

# 4. The one-folder bundle, from the spec shared with Linux.
$BundleRoot = Join-Path $Work 'bundle'
Invoke-Native $VenvPython @('-m', 'PyInstaller', '--noconfirm', '--clean',
    '--distpath', $BundleRoot, '--workpath', (Join-Path $Work 'pyinstaller'), $Spec)
$Bundle = Join-Path $BundleRoot 'transfer-desk'
$Gui = Join-Path $Bundle 'transfer-desk.exe'
$Cli = Join-Path $Bundle 'transfer-desk-cli.exe'
foreach ($exe in @($Gui, $Cli)) {
    if (-not (Test-Path -LiteralPath $exe)) { throw "PyInstaller made no $exe" }
}
$said = Get-Output $Cli @('--version')
if ($said -notmatch [regex]::Escape($Version)) {
    throw "transfer-desk-cli.exe --version says '$said', not $Version"
}

# 5. Signatures of the programs (optional).
Invoke-Sign @($Gui, $Cli)

# 6. The portable zip and the installer.
$Outputs = @()
$Portable = Join-Path $Out "transfer-desk-$Version-windows-x86_64.zip"
if (Test-Path -LiteralPath $Portable) { Remove-Item -LiteralPath $Portable -Force }
Compress-Archive -Path $Bundle -DestinationPath $Portable
$Outputs += $Portable

if (-not $Iscc) {
    $candidates = @(
        (Join-Path ${env:ProgramFiles(x86)} 'Inno Setup 6\ISCC.exe'),
        (Join-Path $env:ProgramFiles 'Inno Setup 6\ISCC.exe'),
        (Join-Path $env:LOCALAPPDATA 'Programs\Inno Setup 6\ISCC.exe')
    )
    $Iscc = $candidates | Where-Object { Test-Path -LiteralPath $_ } | Select-Object -First 1
    if (-not $Iscc) {
        $onPath = Get-Command ISCC.exe -ErrorAction SilentlyContinue
        if ($onPath) { $Iscc = $onPath.Source }
    }
    if (-not $Iscc) { throw 'ISCC.exe of Inno Setup 6 not found: install Inno Setup 6 or pass -Iscc' }
}
Invoke-Native $Iscc @("/DAppVersion=$Version", "/DBundleDir=$Bundle", "/O$Out", $Iss)
$Setup = Join-Path $Out "transfer-desk-$Version-windows-x86_64-setup.exe"
if (-not (Test-Path -LiteralPath $Setup)) { throw "Inno Setup made no $Setup" }
Invoke-Sign @($Setup)
$Outputs += $Setup

# 7. The wheelhouse kit (optional).
if ($Wheelhouse) {
    Push-Location $Root
    try {
        Invoke-Native $VenvPython @('-m', 'installers.wheelhouse.make_kit', '--platform', 'win_amd64',
            '--python', $PythonVersion, '--out', $Out)
    } finally {
        Pop-Location
    }
    $Outputs += Join-Path $Out "transfer-desk-$Version-wheelhouse-win_amd64-py$PythonVersion.zip"
}

# 8. SHA256SUMS of what was made: "<sha256>  <name>", as sha256sum -c reads it.
$lines = foreach ($file in ($Outputs | Sort-Object)) {
    $hash = (Get-FileHash -Algorithm SHA256 -LiteralPath $file).Hash.ToLowerInvariant()
    "$hash  $(Split-Path -Leaf $file)"
}
$Sums = Join-Path $Out 'SHA256SUMS'
[System.IO.File]::WriteAllText($Sums, (($lines -join "`n") + "`n"), (New-Object System.Text.UTF8Encoding $false))

Write-Host ''
Write-Host "Made in ${Out}:"
foreach ($file in $Outputs + @($Sums)) {
    $item = Get-Item -LiteralPath $file
    Write-Host ("  {0,-60} {1,8:N1} MiB" -f $item.Name, ($item.Length / 1MB))
}
