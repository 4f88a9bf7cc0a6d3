"""Render resources/icons/transfer-desk.svg to the PNG and ICO files the installers use.

    .venv/bin/python installers/make_icons.py

Run after changing the SVG and commit the outputs, so that building an installer (on Windows too)
needs no SVG renderer. The ICO holds PNG images of 16-256 px (the format Windows Vista and later
read), written here because Qt's ICO writer stores one size only.
"""

from __future__ import annotations

import os
import struct
from pathlib import Path

ICONS = Path(__file__).resolve().parent.parent / "resources" / "icons"
SVG = ICONS / "transfer-desk.svg"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render(size: int) -> bytes:
    from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
    from PySide6.QtGui import QImage, QPainter
    from PySide6.QtSvg import QSvgRenderer

    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    QSvgRenderer(str(SVG)).render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico(images: dict[int, bytes]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = len(header) + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in sorted(images.items()):
        side = 0 if size >= 256 else size  # 0 means 256 in an ICONDIRENTRY
        entries += struct.pack("<BBBBHHII", side, side, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> None:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    app = QGuiApplication([])  # noqa: F841 (QImage painting needs one)
    images = {size: render(size) for size in SIZES}
    (ICONS / "transfer-desk.png").write_bytes(images[256])
    (ICONS / "transfer-desk.ico").write_bytes(ico(images))
    print(f"wrote {ICONS / 'transfer-desk.png'} and {ICONS / 'transfer-desk.ico'}")


if __name__ == "__main__":
    main()
