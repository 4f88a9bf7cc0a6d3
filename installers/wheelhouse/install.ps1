<#
成果转化工作台 · Transfer Desk — 从本离线安装包安装 / install from this offline kit.

  双击 install.cmd，或 / double-click install.cmd, or:
  powershell -NoProfile -ExecutionPolicy Bypass -File install.ps1 [-Target 文件夹] [-Python C:\Python311\python.exe]

在目标文件夹（默认 %LOCALAPPDATA%\TransferDesk\app）建立 Python 虚拟环境，只从本安装包的 wheels\
安装（pip --no-index，不联网），每个文件都按 requirements.txt 中的 SHA-256 校验。
Creates a Python virtual environment in -Target (default %LOCALAPPDATA%\TransferDesk\app) and
installs from wheels\ only (pip --no-index, no network), each file checked against its SHA-256 in
requirements.txt. Works with Windows PowerShell 5.1 and PowerShell 7.
#>
param(
    [string]$Target = '',
    [string]$Python = ''
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version 3
try { [Console]::OutputEncoding = [System.Text.Encoding]::UTF8 } catch { }

function Fail([string[]]$Lines) {
    foreach ($line in $Lines) { Write-Host $line -ForegroundColor Red }
    exit 1
}

$Kit = $PSScriptRoot
$KitEnv = Join-Path $Kit 'kit.env'
$Requirements = Join-Path $Kit 'requirements.txt'
$Wheels = Join-Path $Kit 'wheels'
if (-not ((Test-Path -LiteralPath $KitEnv) -and (Test-Path -LiteralPath $Requirements) -and (Test-Path -LiteralPath $Wheels))) {
    Fail @("安装包不完整：$Kit 中缺少 kit.env、requirements.txt 或 wheels\。请重新拷贝安装包。",
           "The kit is incomplete: kit.env, requirements.txt or wheels\ is missing from $Kit. Copy the kit again.")
}
# KEY=value lines written by make_kit.py (letters, digits, . _ + - only).
$Config = ((Get-Content -LiteralPath $KitEnv) -join "`n") | ConvertFrom-StringData
$KitPython = $Config.KIT_PYTHON
$KitPlatform = $Config.KIT_PYTHON_PLATFORM
if (-not $Target) { $Target = Join-Path $env:LOCALAPPDATA 'TransferDesk\app' }

# The Python to use: -Python, else the py launcher's Python 3.NN, else python.exe on PATH.
$Py = $null
if ($Python) {
    $Py = $Python
} else {
    $launcher = Get-Command py.exe -ErrorAction SilentlyContinue
    if ($launcher) {
        $found = & $launcher.Source "-$KitPython" -c 'import sys; print(sys.executable)' 2>$null
        if ($LASTEXITCODE -eq 0 -and $found) { $Py = "$found".Trim() }
    }
    if (-not $Py) {
        $onPath = Get-Command python.exe -ErrorAction SilentlyContinue
        if ($onPath) { $Py = $onPath.Source }
    }
}
if (-not $Py) {
    Fail @("找不到 Python $KitPython。请先安装 python.org 的 Python $KitPython（64 位），或用 -Python C:\路径\python.exe 指定。",
           "No Python found. Install Python $KitPython (64-bit) from python.org first, or name it with -Python C:\path\python.exe.")
}

$facts = & $Py -c "import sys, sysconfig; print('%d.%d' % sys.version_info[:2], sysconfig.get_platform())" 2>$null
if ($LASTEXITCODE -ne 0 -or -not $facts) {
    Fail @("无法运行 Python：$Py", "Cannot run Python: $Py")
}
$havePython, $havePlatform = "$facts".Trim() -split '\s+'

if ($havePython -ne $KitPython) {
    Fail @("此安装包是为 Python $KitPython 制作的，但找到的是 Python $havePython（$Py）。",
           "请安装 Python $KitPython，或用 -Python 指定；也可换用为 Python $havePython 制作的安装包。",
           "This kit was made for Python $KitPython, but the Python found is $havePython ($Py).",
           "Install Python $KitPython and name it with -Python, or use a kit made for Python $havePython.")
}
if ($havePlatform -ne $KitPlatform) {
    Fail @("此安装包适用于 $KitPlatform，而找到的 Python 是 $havePlatform（请使用 64 位 Python）。",
           "This kit is for $KitPlatform, but the Python found is $havePlatform (use a 64-bit Python).")
}

$VenvPython = Join-Path $Target 'Scripts\python.exe'
if (Test-Path -LiteralPath (Join-Path $Target 'pyvenv.cfg')) {
    $old = & $VenvPython -c "import sys; print('%d.%d' % sys.version_info[:2])" 2>$null
    if ($LASTEXITCODE -eq 0 -and "$old".Trim() -eq $KitPython) {
        Write-Host "更新已有的安装 / Updating the installation in $Target"
    } else {
        Write-Host "重建虚拟环境 / Recreating the virtual environment in $Target"
        & $Py -m venv --clear $Target
        if ($LASTEXITCODE -ne 0) { Fail @("无法建立虚拟环境：$Target", "Cannot create the virtual environment: $Target") }
    }
} elseif ((Test-Path -LiteralPath $Target) -and (Get-ChildItem -LiteralPath $Target -Force | Select-Object -First 1)) {
    Fail @("$Target 已存在且不是本程序的安装文件夹，不会覆盖。请另选一个空文件夹。",
           "$Target exists and is not an installation of this program: not overwriting it. Choose an empty folder.")
} else {
    Write-Host "建立虚拟环境 / Creating the virtual environment: $Target"
    & $Py -m venv $Target
    if ($LASTEXITCODE -ne 0) { Fail @("无法建立虚拟环境：$Target", "Cannot create the virtual environment: $Target") }
}

Write-Host "安装 / Installing $($Config.KIT_NAME)"
# No configuration file (os.devnull is 'nul' on Windows), no PIP_* variable, no index:
# only the kit's wheels, by hash.
$env:PIP_CONFIG_FILE = 'nul'
& $VenvPython -m pip --isolated --disable-pip-version-check --no-input install --no-index --find-links $Wheels --only-binary=:all: --require-hashes -r $Requirements
if ($LASTEXITCODE -ne 0) {
    Fail @("安装失败（见上面 pip 的说明）。若提示 hash 不符（THESE PACKAGES DO NOT MATCH THE HASHES），说明安装包中的文件被改动或损坏：请重新拷贝安装包并先核对 SHA256SUMS。",
           "Installation failed (see pip's message above). A hash mismatch (THESE PACKAGES DO NOT MATCH THE HASHES) means a file of the kit was changed or damaged: copy the kit again and check SHA256SUMS first.")
}

$Cli = Join-Path $Target 'Scripts\transfer-desk-cli.exe'
$Gui = Join-Path $Target 'Scripts\transfer-desk.exe'
$version = & $Cli --version
if ($LASTEXITCODE -ne 0) {
    Fail @("已安装，但命令行程序无法启动：$Cli", "Installed, but the command-line program does not start: $Cli")
}
$Data = Join-Path $env:LOCALAPPDATA 'TransferDesk'
Write-Host ''
Write-Host "安装完成 / Installed: $version"
Write-Host "  窗口程序 / program:           $Gui"
Write-Host "  命令行工具 / command line:    $Cli"
Write-Host ''
Write-Host "数据（加密库）默认在 $Data\vault.db，不在安装文件夹里：删除 $Target 即卸载，数据保留。"
Write-Host "The data (the encrypted vault) is kept in $Data\vault.db by default, outside the installation:"
Write-Host "deleting $Target uninstalls the program and keeps the data."
