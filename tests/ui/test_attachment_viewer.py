"""The program's own attachment viewer: PDFs, images and text shown from memory, in Chinese."""

from __future__ import annotations

import builtins
import codecs
import gc
import io
import os
import sys
import tempfile
import threading
from collections.abc import Callable, Iterator
from pathlib import Path

import pypdfium2  # noqa: F401  (imported before the file-system guards of one test)
import pytest
from hypothesis import given
from hypothesis import strategies as st
from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QRect, Qt
from PySide6.QtGui import QColor, QImage, QPainter
from PySide6.QtWidgets import QWidget
from reportlab.lib.pdfencrypt import StandardEncryption
from reportlab.pdfgen import canvas

from desktop.errors import PermissionDenied
from desktop.ui import attachment_viewer
from desktop.ui.attachment_viewer import (
    IMAGE,
    OTHER,
    PDF,
    PDF_CACHE_PAGES,
    TEXT,
    AttachmentViewer,
    decode_text,
    kind_of,
)
from desktop.ui.tasks import TaskRunner

LEFT = Qt.MouseButton.LeftButton
SHOTS = os.environ.get("TD_SCREENSHOTS")
UNSUPPORTED = "此类文件不能在程序内预览，可另存副本后用其他程序打开。"
DAMAGED_PDF = "此 PDF 文件已损坏或格式无法识别，不能显示。"
A4 = (595.0, 842.0)


def make_pdf(pages: int = 2, size: tuple[float, float] = A4, encrypt: object = None) -> bytes:
    """Page n says "Transfer Desk page n"; page 1 has a black square at its top left, the
    others at their bottom right, so a rendering shows which page it is."""
    buffer = io.BytesIO()
    pdf = canvas.Canvas(buffer, pagesize=size, encrypt=encrypt)  # type: ignore[arg-type]
    width, height = size
    for number in range(1, pages + 1):
        pdf.setFont("Helvetica", 24)
        pdf.drawString(72, height / 2, f"Transfer Desk page {number}")
        if number == 1:
            pdf.rect(0, height - width / 4, width / 4, width / 4, stroke=0, fill=1)
        else:
            pdf.rect(width * 3 / 4, 0, width / 4, width / 4, stroke=0, fill=1)
        pdf.showPage()
    pdf.save()
    return buffer.getvalue()


def make_png(width: int, height: int) -> bytes:
    """Red, with a blue square in the top-left quarter."""
    image = QImage(width, height, QImage.Format.Format_RGB32)
    image.fill(QColor("red"))
    painter = QPainter(image)
    painter.fillRect(QRect(0, 0, width // 2, height // 2), QColor("blue"))
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    assert image.save(buffer, "PNG")
    buffer.close()
    return bytes(data.data())


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    crashes: list[str] = []
    runner.crashed.connect(crashes.append)
    yield runner
    runner.wait()
    assert crashes == []  # whatever a file holds, it is a message, never a crash


@pytest.fixture
def view(zh_app, runner, qtbot):  # type: ignore[no-untyped-def]
    def make(filename: str, media_type: str, data: bytes | Callable[[], bytes]) -> AttachmentViewer:
        load = data if callable(data) else (lambda: data)
        viewer = AttachmentViewer(filename, media_type, load, runner)
        qtbot.addWidget(viewer)
        viewer.show()
        return viewer

    return make


def shown(viewer: AttachmentViewer, qtbot) -> None:  # type: ignore[no-untyped-def]
    """Wait until the file is on screen (or its message is)."""
    qtbot.waitUntil(
        lambda: (
            viewer.stack.currentWidget() is not viewer.message_label
            or viewer.message_label.text() != "正在读取附件…"
        ),
        timeout=5000,
    )


def page_shown(viewer: AttachmentViewer, qtbot, index: int) -> None:  # type: ignore[no-untyped-def]
    qtbot.waitUntil(lambda: viewer.shown_page == index and not viewer._rendering, timeout=5000)


def pixmap_image(viewer: AttachmentViewer) -> QImage:
    pixmap = viewer.image_label.pixmap()
    assert not pixmap.isNull()
    return pixmap.toImage()


def dark(image: QImage, fx: float, fy: float) -> bool:
    """Whether the pixel at (fx, fy) of the width and height is black-ish."""
    colour = image.pixelColor(int(image.width() * fx), int(image.height() * fy))
    return colour.lightness() < 64


def shot(widget: QWidget, tmp_path: Path, name: str) -> None:
    folder = Path(SHOTS) if SHOTS else tmp_path
    folder.mkdir(parents=True, exist_ok=True)
    image = widget.grab()
    assert not image.isNull()
    assert image.save(str(folder / name))


# -- what kind of file ------------------------------------------------------------------------
@pytest.mark.parametrize(
    ("filename", "media_type", "head", "kind"),
    [
        ("合同.pdf", "application/pdf", b"%PDF-1.7\n", PDF),
        ("scan", "application/octet-stream", b"\r\n%PDF-1.4\n", PDF),  # the content decides
        ("纪要.PDF", "application/octet-stream", b"junk", PDF),
        ("证书.png", "image/png", b"\x89PNG\r\n\x1a\n", IMAGE),
        ("扫描件", "application/octet-stream", b"\xff\xd8\xff\xe0", IMAGE),
        ("图纸.tif", "", b"II*\x00", IMAGE),
        ("photo.webp", "application/octet-stream", b"RIFF\x00\x00\x00\x00WEBPVP8 ", IMAGE),
        ("说明.txt", "text/plain; charset=gb18030", b"abc", TEXT),
        ("清单.csv", "application/octet-stream", b"a,b", TEXT),
        ("data.json", "application/json", b"{}", TEXT),
        ("模型.step", "application/octet-stream", b"ISO-10303-21;", OTHER),
        ("合同.docx", "application/vnd.openxmlformats", b"PK\x03\x04", OTHER),
    ],
)
def test_kind_of_a_file(filename: str, media_type: str, head: bytes, kind: str) -> None:
    assert kind_of(filename, media_type, head) == kind


_TEXT = st.text().filter(lambda s: "\x00" not in s and not s.startswith("\ufeff"))


@given(_TEXT)
def test_utf8_text_decodes_to_itself(text: str) -> None:
    assert decode_text(text.encode("utf-8")) == text
    assert decode_text(codecs.BOM_UTF8 + text.encode("utf-8")) == text
    assert decode_text(codecs.BOM_UTF16_LE + text.encode("utf-16-le")) == text


@given(_TEXT)
def test_gb18030_text_decodes_to_itself_unless_it_is_also_utf8(text: str) -> None:
    raw = text.encode("gb18030")
    try:
        as_utf8 = raw.decode("utf-8")
    except UnicodeDecodeError:
        assert decode_text(raw) == text
    else:  # the same bytes are valid UTF-8: UTF-8 is tried first
        assert decode_text(raw) == as_utf8


def test_binary_is_not_text() -> None:
    assert decode_text(b"\x80\xff\x80") is None
    assert decode_text(b"abc\x00def") is None


# -- PDF --------------------------------------------------------------------------------------
def test_a_pdf_is_shown_page_by_page(view, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    viewer = view("转让合同.pdf", "application/pdf", make_pdf(2))
    page_shown(viewer, qtbot, 0)
    assert viewer.windowTitle() == "转让合同.pdf"
    assert viewer.kind == PDF
    assert viewer.page_label.text() == "第 1 页 / 共 2 页"
    assert viewer.stack.currentWidget() is viewer.scroll_area
    first = pixmap_image(viewer)
    assert dark(first, 0.1, 0.05) and not dark(first, 0.9, 0.95)
    assert not viewer.previous_button.isEnabled()
    assert viewer.next_button.text() == "下一页"
    shot(viewer, tmp_path, "attachment-viewer-pdf.png")

    qtbot.mouseClick(viewer.next_button, LEFT)
    assert viewer.page_label.text() == "第 2 页 / 共 2 页"
    page_shown(viewer, qtbot, 1)
    second = pixmap_image(viewer)
    assert not dark(second, 0.1, 0.05) and dark(second, 0.9, 0.95)
    assert viewer.previous_button.isEnabled()
    assert not viewer.next_button.isEnabled()

    renders = viewer.renders
    qtbot.mouseClick(viewer.previous_button, LEFT)  # from the cache: no new rendering
    assert viewer.shown_page == 0
    assert dark(pixmap_image(viewer), 0.1, 0.05)
    assert viewer.renders == renders


def test_pages_asked_for_meanwhile_are_skipped_and_few_are_kept(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = view("长文档.pdf", "application/pdf", make_pdf(6))
    page_shown(viewer, qtbot, 0)
    for _ in range(3):  # three clicks before any rendering can finish
        qtbot.mouseClick(viewer.next_button, LEFT)
    assert viewer.page_label.text() == "第 4 页 / 共 6 页"
    page_shown(viewer, qtbot, 3)
    assert viewer.renders == 3  # pages 1, 2 (already under way) and 4; never page 3
    for index in range(6):
        viewer.go_to_page(index)
        page_shown(viewer, qtbot, index)
        assert viewer.cached_pages <= PDF_CACHE_PAGES
    assert viewer.cached_pages == PDF_CACHE_PAGES


def test_zooming_a_pdf_renders_the_page_larger_and_fit_goes_back(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = view("合同.pdf", "application/pdf", make_pdf(1))
    page_shown(viewer, qtbot, 0)
    fitted = pixmap_image(viewer).width()
    assert not viewer.fit_button.isEnabled()  # already fitting the window
    fitted_zoom = viewer.zoom_label.text()
    qtbot.mouseClick(viewer.zoom_in_button, LEFT)
    qtbot.waitUntil(lambda: pixmap_image(viewer).width() > fitted, timeout=5000)
    assert viewer.zoom_label.text() != fitted_zoom
    assert viewer.fit_button.isEnabled()
    qtbot.mouseClick(viewer.fit_button, LEFT)
    qtbot.waitUntil(lambda: pixmap_image(viewer).width() == fitted, timeout=5000)
    assert viewer.zoom_label.text() == fitted_zoom


def test_a_huge_page_is_rendered_within_the_pixel_cap(view, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(attachment_viewer, "MAX_PIXELS", 2_000_000)
    viewer = view("总图.pdf", "application/pdf", make_pdf(1, size=(14400.0, 14400.0)))
    page_shown(viewer, qtbot, 0)
    clicks = 0
    while viewer.zoom_in_button.isEnabled():
        qtbot.mouseClick(viewer.zoom_in_button, LEFT)
        page_shown(viewer, qtbot, 0)
        clicks += 1
        assert clicks < 20
    image = pixmap_image(viewer)
    assert image.width() * image.height() <= 2_000_000
    assert image.width() > 1000  # it did grow, up to the cap


@pytest.mark.parametrize(
    "data",
    [
        b"%PDF-1.7\n" + bytes(range(256)) * 8,  # a header and nothing usable
        b"not a PDF at all, despite its name",
    ],
)
def test_a_broken_pdf_shows_a_message_not_a_crash(view, qtbot, data: bytes) -> None:  # type: ignore[no-untyped-def]
    viewer = view("坏文件.pdf", "application/pdf", data)
    shown(viewer, qtbot)
    assert viewer.message_label.text() == DAMAGED_PDF
    assert not viewer.page_label.isVisible()
    assert not viewer.holds_content


def test_a_cut_off_pdf_shows_what_pdfium_can_read_or_a_message(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    data = make_pdf(2)
    viewer = view("不完整.pdf", "application/pdf", data[: len(data) // 2])
    shown(viewer, qtbot)
    qtbot.waitUntil(lambda: not viewer._rendering, timeout=5000)
    if viewer.stack.currentWidget() is viewer.message_label:
        assert viewer.message_label.text() in (
            DAMAGED_PDF,
            "此 PDF 没有页面。",
            "第 1 页已损坏，无法显示。",
        )
    else:
        assert not viewer.image_label.pixmap().isNull()


def test_a_pdf_with_a_password_says_so(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    data = make_pdf(1, encrypt=StandardEncryption("user-secret", "owner-secret"))
    viewer = view("加密.pdf", "application/pdf", data)
    shown(viewer, qtbot)
    assert viewer.message_label.text() == (
        "此 PDF 设有打开密码，不能在程序内预览，可另存副本后用其他程序打开。"
    )


# -- images -----------------------------------------------------------------------------------
def test_a_large_image_fits_the_window_and_zooms(view, qtbot, tmp_path) -> None:  # type: ignore[no-untyped-def]
    viewer = view("证书扫描件.png", "image/png", make_png(2400, 1800))
    qtbot.waitUntil(lambda: not viewer.image_label.pixmap().isNull(), timeout=5000)
    assert viewer.kind == IMAGE
    assert not viewer.page_label.isVisible()
    viewport = viewer.scroll_area.viewport().size()
    fitted = pixmap_image(viewer)
    assert fitted.width() <= viewport.width() and fitted.height() <= viewport.height()
    assert fitted.pixelColor(fitted.width() // 4, fitted.height() // 4) == QColor("blue")
    assert fitted.pixelColor(fitted.width() * 3 // 4, fitted.height() * 3 // 4) == QColor("red")
    fitted_zoom = int(viewer.zoom_label.text().rstrip("%"))
    assert fitted_zoom < 100
    shot(viewer, tmp_path, "attachment-viewer-image.png")

    qtbot.mouseClick(viewer.zoom_in_button, LEFT)
    assert int(viewer.zoom_label.text().rstrip("%")) > fitted_zoom
    assert pixmap_image(viewer).width() > fitted.width()
    qtbot.mouseClick(viewer.zoom_out_button, LEFT)
    qtbot.mouseClick(viewer.zoom_out_button, LEFT)
    assert pixmap_image(viewer).width() < fitted.width()
    qtbot.mouseClick(viewer.fit_button, LEFT)
    assert pixmap_image(viewer).width() == fitted.width()


def test_a_small_image_is_shown_at_its_own_size(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = view("印章.png", "application/octet-stream", make_png(120, 80))
    qtbot.waitUntil(lambda: not viewer.image_label.pixmap().isNull(), timeout=5000)
    image = pixmap_image(viewer)
    assert (image.width(), image.height()) == (120, 80)
    assert viewer.zoom_label.text() == "100%"


def test_a_damaged_image_shows_a_message(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = view("损坏.png", "image/png", b"this is not an image")
    shown(viewer, qtbot)
    assert viewer.message_label.text() == "此图片已损坏或格式无法识别，不能显示。"


def test_an_image_too_large_to_decode_says_so(view, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(attachment_viewer, "MAX_PIXELS", 10_000)
    viewer = view("巨幅.png", "image/png", make_png(200, 100))
    shown(viewer, qtbot)
    assert viewer.message_label.text() == (
        "此图片太大（200 × 100 像素），不能在程序内预览，可另存副本后用其他程序打开。"
    )


# -- text -------------------------------------------------------------------------------------
CONTRACT = "专利权转让合同\n甲方：辽宁某某大学\n乙方：某某科技有限公司\n"


@pytest.mark.parametrize(
    "data",
    [
        CONTRACT.encode("gb18030"),
        CONTRACT.encode("utf-8"),
        codecs.BOM_UTF8 + CONTRACT.encode("utf-8"),
        codecs.BOM_UTF16_LE + CONTRACT.encode("utf-16-le"),
    ],
    ids=["gb18030", "utf-8", "utf-8-bom", "utf-16"],
)
def test_a_text_file_is_shown_decoded(view, qtbot, data: bytes) -> None:  # type: ignore[no-untyped-def]
    viewer = view("合同摘要.txt", "text/plain", data)
    qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.text_edit, timeout=5000)
    assert viewer.kind == TEXT
    assert viewer.text_edit.toPlainText() == CONTRACT
    assert viewer.text_edit.isReadOnly()
    assert not viewer.fit_button.isVisible()
    size = viewer.text_edit.font().pointSizeF()
    qtbot.mouseClick(viewer.zoom_in_button, LEFT)
    assert viewer.text_edit.font().pointSizeF() > size


def test_gb18030_bytes_are_not_utf8() -> None:
    """The GB18030 case above really is one (so the second decoder is what shows it)."""
    with pytest.raises(UnicodeDecodeError):
        CONTRACT.encode("gb18030").decode("utf-8")


def test_a_long_text_is_cut_with_a_note(view, qtbot, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    monkeypatch.setattr(attachment_viewer, "TEXT_MAX_CHARS", 10)
    viewer = view("日志.log", "text/plain", ("一二三四五六七八九十" * 3).encode())
    qtbot.waitUntil(lambda: viewer.stack.currentWidget() is viewer.text_edit, timeout=5000)
    assert viewer.text_edit.toPlainText() == "一二三四五六七八九十"
    assert viewer.note_label.isVisible()
    assert viewer.note_label.text().startswith("仅显示前 ")


def test_text_in_another_encoding_shows_a_message(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = view("乱码.txt", "text/plain", b"\x80\x80\xff\xfe\xff abc")
    shown(viewer, qtbot)
    assert viewer.message_label.text() == (
        "此文本文件既不是 UTF-8 也不是 GB18030 编码，不能显示，可另存副本后用其他程序打开。"
    )


# -- other files and failures -----------------------------------------------------------------
def test_an_unknown_type_shows_the_message(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    viewer = view("模型.step", "application/octet-stream", b"ISO-10303-21;\nHEADER;\n")
    assert viewer.message_label.text() == "正在读取附件…"
    with qtbot.waitSignal(viewer.displayed, timeout=5000):
        pass  # the bytes are read on the worker; the message comes with the signal
    assert viewer.kind == OTHER
    assert viewer.message_label.text() == UNSUPPORTED
    for widget in (viewer.page_label, viewer.zoom_in_button, viewer.fit_button):
        assert not widget.isVisible()


def test_a_refused_read_shows_the_services_message(view, qtbot) -> None:  # type: ignore[no-untyped-def]
    def load() -> bytes:
        raise PermissionDenied("该附件不存在，或您无权查看。")

    viewer = view("秘密.pdf", "application/pdf", load)
    shown(viewer, qtbot)
    assert viewer.message_label.text() == "该附件不存在，或您无权查看。"
    assert viewer.kind is None


# -- nothing on disk, nothing kept ------------------------------------------------------------
def test_nothing_is_written_to_disk_while_viewing(  # type: ignore[no-untyped-def]
    view, runner, qtbot, tmp_path, monkeypatch
) -> None:
    files = {
        "合同.pdf": make_pdf(2),
        "证书.png": make_png(300, 200),
        "说明.txt": CONTRACT.encode("gb18030"),
        "模型.step": b"ISO-10303-21;",
    }
    temp = tmp_path / "temp"
    temp.mkdir()
    for name in ("TMPDIR", "TEMP", "TMP"):
        monkeypatch.setenv(name, str(temp))
    monkeypatch.setattr(tempfile, "tempdir", str(temp))
    attempts: list[str] = []

    def refuse(what: str) -> Callable[..., object]:
        def refused(*_args: object, **_kwargs: object) -> object:
            attempts.append(what)
            raise AssertionError(f"{what} while viewing")

        return refused

    for name in (
        "mkstemp",
        "mkdtemp",
        "NamedTemporaryFile",
        "TemporaryFile",
        "SpooledTemporaryFile",
        "TemporaryDirectory",
    ):
        monkeypatch.setattr(tempfile, name, refuse(f"tempfile.{name}"))
    real_open, real_os_open = builtins.open, os.open

    def guarded_open(file, mode="r", *args, **kwargs):  # type: ignore[no-untyped-def]
        if any(flag in mode for flag in "wax+"):
            return refuse(f"open({file!r}, {mode!r})")()
        return real_open(file, mode, *args, **kwargs)

    def guarded_os_open(path, flags, *args, **kwargs):  # type: ignore[no-untyped-def]
        if flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT):
            return refuse(f"os.open({path!r})")()
        return real_os_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(builtins, "open", guarded_open)
    monkeypatch.setattr(io, "open", guarded_open)
    monkeypatch.setattr(os, "open", guarded_os_open)

    def listing() -> list[str]:
        return sorted(str(p.relative_to(tmp_path)) for p in tmp_path.rglob("*"))

    before = listing()
    for name, data in files.items():
        viewer = view(name, "application/octet-stream", data)
        shown(viewer, qtbot)
        qtbot.waitUntil(lambda v=viewer: not v._rendering, timeout=5000)
        if viewer.kind == PDF:
            qtbot.mouseClick(viewer.next_button, LEFT)
            page_shown(viewer, qtbot, 1)
        assert listing() == before  # nothing is on disk while the file is shown
        viewer.close()
    runner.wait()
    assert attempts == []
    assert listing() == before
    assert list(temp.iterdir()) == []


@pytest.mark.parametrize(
    ("filename", "data"),
    [("合同.pdf", make_pdf(2)), ("证书.png", make_png(300, 200)), ("说明.txt", b"text")],
)
def test_closing_drops_the_bytes_and_everything_made_from_them(  # type: ignore[no-untyped-def]
    view, runner, qtbot, filename: str, data: bytes
) -> None:
    data = bytes(bytearray(data))  # a fresh object only this test refers to
    baseline = sys.getrefcount(data)
    viewer = view(filename, "application/octet-stream", lambda: data)
    shown(viewer, qtbot)
    qtbot.waitUntil(lambda: not viewer._rendering, timeout=5000)
    assert viewer.holds_content
    if viewer.kind == PDF:
        assert sys.getrefcount(data) > baseline  # pdfium reads the pages from these bytes
    qtbot.mouseClick(viewer.close_button, LEFT)
    assert not viewer.isVisible()
    assert not viewer.holds_content
    assert viewer.image_label.pixmap().isNull()
    assert viewer.text_edit.toPlainText() == ""

    def released() -> bool:
        gc.collect()
        return sys.getrefcount(data) == baseline

    runner.wait()
    qtbot.waitUntil(released, timeout=5000)


def test_closing_while_the_file_is_read_keeps_nothing(view, runner, qtbot) -> None:  # type: ignore[no-untyped-def]
    data = bytes(bytearray(make_pdf(1)))
    baseline = sys.getrefcount(data)
    reading = threading.Event()
    go_on = threading.Event()

    def load() -> bytes:
        reading.set()
        assert go_on.wait(timeout=5)
        return data

    viewer = view("合同.pdf", "application/pdf", load)
    qtbot.waitUntil(reading.is_set, timeout=5000)
    viewer.close()
    go_on.set()
    runner.wait()
    qtbot.waitUntil(lambda: not runner.busy, timeout=5000)

    def released() -> bool:
        gc.collect()
        return sys.getrefcount(data) == baseline

    qtbot.waitUntil(released, timeout=5000)
    assert not viewer.holds_content
    assert viewer.image_label.pixmap().isNull()
