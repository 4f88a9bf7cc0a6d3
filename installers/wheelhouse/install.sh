#!/bin/sh
# 成果转化工作台 · Transfer Desk — 从本离线安装包安装 / install from this offline kit.
#
#   sh install.sh [目标文件夹 TARGET]
#   PYTHON=/opt/python3.11/bin/python3.11 sh install.sh [TARGET]
#
# 在目标文件夹（默认 ~/.local/share/TransferDesk/app）建立 Python 虚拟环境，只从本安装包的
# wheels/ 安装（pip --no-index，不联网），每个文件都按 requirements.txt 中的 SHA-256 校验。
# Creates a Python virtual environment in TARGET (default ~/.local/share/TransferDesk/app) and
# installs from wheels/ only (pip --no-index, no network), each file checked against its SHA-256
# in requirements.txt. Written for POSIX sh (dash, bash, busybox ash).
set -eu

KIT=$(CDPATH='' cd -- "$(dirname -- "$0")" && pwd)

say() {
    printf '%s\n' "$@"
}

fail() {
    printf '%s\n' "$@" >&2
    exit 1
}

if [ ! -f "$KIT/kit.env" ] || [ ! -f "$KIT/requirements.txt" ] || [ ! -d "$KIT/wheels" ]; then
    fail "安装包不完整：$KIT 中缺少 kit.env、requirements.txt 或 wheels/。请重新拷贝安装包。" \
        "The kit is incomplete: kit.env, requirements.txt or wheels/ is missing from $KIT." \
        "Copy the kit again."
fi

# kit.env holds KEY=value lines written by make_kit.py (letters, digits, . _ + - only).
# shellcheck disable=SC1091
. "$KIT/kit.env"

TARGET=${1:-${XDG_DATA_HOME:-$HOME/.local/share}/TransferDesk/app}

# The Python to use: $PYTHON, else python3.NN, else python3.
if [ -n "${PYTHON:-}" ]; then
    PY=$PYTHON
elif command -v "python$KIT_PYTHON" >/dev/null 2>&1; then
    PY=$(command -v "python$KIT_PYTHON")
elif command -v python3 >/dev/null 2>&1; then
    PY=$(command -v python3)
else
    fail "找不到 Python $KIT_PYTHON。请先安装 Python $KIT_PYTHON，或用 PYTHON=/路径/python$KIT_PYTHON sh install.sh 指定。" \
        "No Python found. Install Python $KIT_PYTHON first, or name it: PYTHON=/path/to/python$KIT_PYTHON sh install.sh"
fi

FACTS=$("$PY" -c 'import platform, sys, sysconfig; print("%d.%d" % sys.version_info[:2], sysconfig.get_platform(), platform.libc_ver()[1] or "-")' 2>/dev/null) ||
    fail "无法运行 Python：$PY" "Cannot run Python: $PY"
# shellcheck disable=SC2086
set -- $FACTS
HAVE_PYTHON=$1
HAVE_PLATFORM=$2
HAVE_GLIBC=$3

if [ "$HAVE_PYTHON" != "$KIT_PYTHON" ]; then
    fail "此安装包是为 Python $KIT_PYTHON 制作的，但找到的是 Python $HAVE_PYTHON（$PY）。" \
        "请安装 Python $KIT_PYTHON，或用 PYTHON=/路径/python$KIT_PYTHON sh install.sh 指定；也可换用为 Python $HAVE_PYTHON 制作的安装包。" \
        "This kit was made for Python $KIT_PYTHON, but the Python found is $HAVE_PYTHON ($PY)." \
        "Install Python $KIT_PYTHON and name it with PYTHON=/path/to/python$KIT_PYTHON, or use a kit made for Python $HAVE_PYTHON."
fi

if [ "$HAVE_PLATFORM" != "$KIT_PYTHON_PLATFORM" ]; then
    fail "此安装包适用于 $KIT_PYTHON_PLATFORM，而本机的 Python 是 $HAVE_PLATFORM。请换用对应平台的安装包。" \
        "This kit is for $KIT_PYTHON_PLATFORM, but this machine's Python is $HAVE_PLATFORM. Use the kit made for it."
fi

# At least MAJOR.MINOR $2? Both are "2.28"-like; anything else counts as too old.
at_least() {
    case "$1" in *[!0-9.]* | "" | .* | *.) return 1 ;; esac
    have_major=${1%%.*}
    have_minor=${1#*.}
    have_minor=${have_minor%%.*}
    need_major=${2%%.*}
    need_minor=${2#*.}
    need_minor=${need_minor%%.*}
    [ "$have_major" -gt "$need_major" ] ||
        { [ "$have_major" -eq "$need_major" ] && [ "$have_minor" -ge "$need_minor" ]; }
}

if [ -n "${KIT_GLIBC:-}" ] && ! at_least "$HAVE_GLIBC" "$KIT_GLIBC"; then
    fail "此安装包需要 glibc $KIT_GLIBC 或更新，本机是 $HAVE_GLIBC。" \
        "This kit needs glibc $KIT_GLIBC or newer; this machine has $HAVE_GLIBC."
fi

"$PY" -c 'import ensurepip, venv' 2>/dev/null ||
    fail "$PY 缺少 venv/ensurepip 模块（Debian、麒麟、统信：请安装 python3-venv 软件包）。" \
        "$PY lacks the venv/ensurepip modules (Debian, Kylin, UOS: install the python3-venv package)."

VENV_PYTHON=$TARGET/bin/python
if [ -f "$TARGET/pyvenv.cfg" ]; then
    OLD=$("$VENV_PYTHON" -c 'import sys; print("%d.%d" % sys.version_info[:2])' 2>/dev/null || echo none)
    if [ "$OLD" = "$KIT_PYTHON" ]; then
        say "更新已有的安装 / Updating the installation in $TARGET"
    else
        say "重建虚拟环境（原为 Python $OLD）/ Recreating the virtual environment (was Python $OLD)"
        "$PY" -m venv --clear "$TARGET"
    fi
elif [ -e "$TARGET" ] && [ -n "$(ls -A "$TARGET" 2>/dev/null)" ]; then
    fail "$TARGET 已存在且不是本程序的安装文件夹，不会覆盖。请另选一个空文件夹。" \
        "$TARGET exists and is not an installation of this program: not overwriting it. Choose an empty folder."
else
    say "建立虚拟环境 / Creating the virtual environment: $TARGET"
    mkdir -p "$TARGET"
    "$PY" -m venv "$TARGET"
fi

say "安装 / Installing $KIT_NAME"
# No configuration file, no PIP_* variable and no index: only the kit's wheels, by hash.
PIP_CONFIG_FILE=/dev/null "$VENV_PYTHON" -m pip --isolated --disable-pip-version-check --no-input \
    install --no-index --find-links "$KIT/wheels" --only-binary=:all: --require-hashes \
    -r "$KIT/requirements.txt" ||
    fail "安装失败（见上面 pip 的说明）。若提示 hash 不符（THESE PACKAGES DO NOT MATCH THE HASHES），说明安装包中的文件被改动或损坏：请重新拷贝安装包并先核对 SHA256SUMS。" \
        "Installation failed (see pip's message above). A hash mismatch (THESE PACKAGES DO NOT MATCH THE HASHES) means a file of the kit was changed or damaged: copy the kit again and check SHA256SUMS first."

CLI=$TARGET/bin/transfer-desk-cli
GUI=$TARGET/bin/transfer-desk
VERSION=$("$CLI" --version) ||
    fail "已安装，但命令行程序无法启动：$CLI" "Installed, but the command-line program does not start: $CLI"

DATA=${XDG_DATA_HOME:-$HOME/.local/share}/TransferDesk
say "" \
    "安装完成 / Installed: $VERSION" \
    "  窗口程序 / program:           $GUI" \
    "  命令行工具 / command line:    $CLI" \
    "" \
    "数据（加密库）默认在 $DATA/vault.db，不在安装文件夹里：删除 $TARGET 即卸载，数据保留。" \
    "The data (the encrypted vault) is kept in $DATA/vault.db by default, outside the installation:" \
    "deleting $TARGET uninstalls the program and keeps the data."
