"""The program's own attachment viewer: a PDF, an image or a text file, shown from memory.

Nothing decrypted touches the disk. The bytes come from the service into memory; pdfium
(pypdfium2) renders PDF pages from those bytes, Qt decodes images from them, text is decoded in
Python. There is no temporary file and no other program. A file the viewer cannot show gets a
message that suggests saving a copy (which the service audits) and opening that elsewhere.

Threads: reading the bytes, opening the PDF, rendering a page, decoding an image and decoding
text run on the ``TaskRunner``'s worker, so a big scan does not freeze the window. pdfium is not
thread-safe; the runner runs one job at a time, and every pdfium call of the viewer (closing the
document included) is made from a runner job, never from the UI thread. The UI thread only turns
finished ``QImage``s into pixmaps and scales a decoded image for the window.

PDF pages are rendered one at a time, when they are shown (上一页 / 下一页): at most one render
is in flight (pages asked for meanwhile are skipped; the last one asked for is rendered next), at
most ``PDF_CACHE_PAGES`` rendered pages are kept, and no rendered page or shown image is larger
than ``MAX_PIXELS``, however large the page or the zoom.

Memory: closing the viewer drops every reference it holds to the bytes, the PDF document
(closed on the worker), the rendered pages, the decoded image and the text. That is the limit of
what Python can do: it cannot wipe memory. ``bytes`` are immutable and freed memory goes back to
the allocator, which reuses it but does not overwrite it at once; pdfium and Qt keep their own
copies while the file is shown. The operating system may also write memory to its swap or
hibernation file: that is covered by full-disk encryption (see docs/threat-model.md), not by us.
A viewer destroyed with its parent without being closed leaves its document to the garbage
collector, which closes it on whichever thread drops it.
"""

from __future__ import annotations

import codecs
import math
from collections import OrderedDict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import PurePath
from typing import Any

from PySide6.QtCore import (
    QBuffer,
    QByteArray,
    QEvent,
    QIODevice,
    QObject,
    QSize,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QGuiApplication, QImage, QImageReader, QKeySequence, QPixmap
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.errors import AppError
from desktop.ui.tasks import TaskRunner

PDF, IMAGE, TEXT, OTHER = "pdf", "image", "text", "other"

PDF_BASE_SCALE = 96 / 72  # zoom 100 %: a page at its printed size on a 96-dpi screen
ZOOM_STEPS = (0.25, 0.33, 0.5, 0.67, 0.75, 1.0, 1.25, 1.5, 2.0, 3.0, 4.0)
MAX_PIXELS = 40_000_000  # a rendered page or a shown image: at most about 160 MB of pixels
PDF_CACHE_PAGES = 3
TEXT_MAX_CHARS = 1_000_000
HEAD_BYTES = 1024  # where a PDF header may start (pdfium accepts leading junk)
MIN_VIEWPORT = QSize(200, 200)
RESIZE_DELAY_MS = 150

IMAGE_SUFFIXES = frozenset(
    {".png", ".jpg", ".jpeg", ".jfif", ".gif", ".bmp", ".tif", ".tiff", ".webp"}
)
TEXT_SUFFIXES = frozenset(
    {".txt", ".text", ".csv", ".tsv", ".md", ".json", ".xml", ".log", ".ini", ".yaml", ".yml"}
)
TEXT_MEDIA_TYPES = frozenset(
    {"application/json", "application/xml", "application/csv", "application/x-yaml"}
)
_IMAGE_MAGIC = (
    b"\x89PNG\r\n\x1a\n",
    b"\xff\xd8\xff",
    b"GIF87a",
    b"GIF89a",
    b"II*\x00",
    b"MM\x00*",
)

# Why a file is not shown: a code from the worker, a translated message on the UI thread.
UNSUPPORTED = "unsupported"
PDF_PASSWORD = "pdf_password"
PDF_DAMAGED = "pdf_damaged"
PDF_EMPTY = "pdf_empty"
PAGE_DAMAGED = "page_damaged"
IMAGE_DAMAGED = "image_damaged"
IMAGE_TOO_BIG = "image_too_big"
TEXT_ENCODING = "text_encoding"


def kind_of(filename: str, media_type: str, head: bytes) -> str:
    """How a file is shown: ``PDF``, ``IMAGE``, ``TEXT`` or ``OTHER``.

    The content decides first where it is unambiguous (a PDF header, an image signature), since
    the stored media type is only a guess from the file's name."""
    media = media_type.partition(";")[0].strip().lower()
    suffix = PurePath(filename).suffix.lower()
    if b"%PDF-" in head[:HEAD_BYTES] or media == "application/pdf" or suffix == ".pdf":
        return PDF
    if (
        head.startswith(_IMAGE_MAGIC)
        or (head.startswith(b"RIFF") and head[8:12] == b"WEBP")
        or media.startswith("image/")
        or suffix in IMAGE_SUFFIXES
    ):
        return IMAGE
    if media.startswith("text/") or media in TEXT_MEDIA_TYPES or suffix in TEXT_SUFFIXES:
        return TEXT
    return OTHER


def decode_text(data: bytes) -> str | None:
    """UTF-8 (with or without a BOM), UTF-16 with a BOM, then GB18030; None for anything else,
    and for what decodes but holds NUL characters (a binary file, not text)."""
    if data.startswith(codecs.BOM_UTF8):
        candidates: tuple[tuple[bytes, str], ...] = ((data[len(codecs.BOM_UTF8) :], "utf-8"),)
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        candidates = ((data, "utf-16"),)
    else:
        candidates = ((data, "utf-8"), (data, "gb18030"))
    for raw, encoding in candidates:
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            continue
        return None if "\x00" in text else text
    return None


def fit_size(size: QSize, bounds: QSize) -> QSize:
    """``size`` scaled to lie within ``bounds``, keeping its proportions (at least 1 × 1)."""
    if size.isEmpty():
        return QSize(1, 1)
    factor = min(bounds.width() / size.width(), bounds.height() / size.height())
    return QSize(max(1, int(size.width() * factor)), max(1, int(size.height() * factor)))


def capped(width: float, height: float, limit: int | None = None) -> float:
    """The factor (at most 1) that brings ``width × height`` pixels within ``limit``
    (``MAX_PIXELS`` unless given)."""
    limit = MAX_PIXELS if limit is None else limit
    pixels = width * height
    return 1.0 if pixels <= limit else math.sqrt(limit / pixels)


@dataclass(frozen=True)
class _Opened:
    """What the worker made of the bytes. ``problem`` is set when it cannot be shown."""

    kind: str
    problem: str | None = None
    data: bytes | None = None  # PDF: pdfium reads the pages from these bytes while it is open
    document: Any = None  # PDF: the open pypdfium2 PdfDocument
    page_count: int = 0
    image: QImage | None = None
    image_size: QSize | None = None
    text: str | None = None
    truncated: bool = False


@dataclass(frozen=True)
class _Rendered:
    index: int
    key: tuple[object, ...]
    image: QImage | None  # None: the page is damaged
    zoom: float  # the zoom the page was rendered at (after the pixel cap)


def _open(filename: str, media_type: str, data: bytes) -> _Opened:
    """On the worker: look at the bytes and prepare what the window shows."""
    kind = kind_of(filename, media_type, data[:HEAD_BYTES])
    if kind == PDF:
        return _open_pdf(data)
    if kind == IMAGE:
        return _decode_image(data)
    if kind == TEXT:
        text = decode_text(data)
        if text is None:
            return _Opened(TEXT, TEXT_ENCODING)
        return _Opened(TEXT, text=text[:TEXT_MAX_CHARS], truncated=len(text) > TEXT_MAX_CHARS)
    return _Opened(OTHER, UNSUPPORTED)


def _open_pdf(data: bytes) -> _Opened:
    import pypdfium2 as pdfium  # imported when needed: it costs start-up time

    try:
        document = pdfium.PdfDocument(data)
    except pdfium.PdfiumError as e:
        password = e.err_code == pdfium.raw.FPDF_ERR_PASSWORD
        return _Opened(PDF, PDF_PASSWORD if password else PDF_DAMAGED)
    count = len(document)
    if count < 1:
        document.close()
        return _Opened(PDF, PDF_EMPTY)
    return _Opened(PDF, data=data, document=document, page_count=count)


def _decode_image(data: bytes) -> _Opened:
    buffer = QBuffer()
    buffer.setData(QByteArray(data))
    buffer.open(QIODevice.OpenModeFlag.ReadOnly)
    reader = QImageReader(buffer)
    reader.setAutoTransform(True)  # scans and photos carry their orientation in EXIF
    if not reader.canRead():
        return _Opened(IMAGE, IMAGE_DAMAGED)
    size = reader.size()
    limit_mb = QImageReader.allocationLimit()
    too_big = size.width() * size.height() > MAX_PIXELS or (
        limit_mb > 0 and size.width() * size.height() * 4 > limit_mb * 1024 * 1024
    )
    if size.isValid() and too_big:
        return _Opened(IMAGE, IMAGE_TOO_BIG, image_size=size)
    image = reader.read()
    buffer.close()
    if image.isNull():
        return _Opened(IMAGE, IMAGE_DAMAGED)
    return _Opened(IMAGE, image=image)


def _render_page(
    document: Any, index: int, zoom: float | None, viewport: QSize, ratio: float
) -> tuple[QImage | None, float]:
    """On the worker: page ``index`` at ``zoom`` (None: fit ``viewport``), within MAX_PIXELS."""
    import pypdfium2 as pdfium

    try:
        page = document[index]
        try:
            width, height = page.get_size()
            if zoom is None:
                fitted = fit_size(QSize(math.ceil(width), math.ceil(height)), viewport)
                zoom = fitted.width() / (width * PDF_BASE_SCALE)
            scale = zoom * PDF_BASE_SCALE * ratio
            scale *= capped(width * scale, height * scale)
            while math.ceil(width * scale) * math.ceil(height * scale) > MAX_PIXELS:
                scale *= 0.999  # pdfium rounds the size up
            bitmap = page.render(scale=scale, rev_byteorder=True, prefer_bgrx=True)
            try:
                image = QImage(
                    bitmap.buffer,
                    bitmap.width,
                    bitmap.height,
                    bitmap.stride,
                    QImage.Format.Format_RGBX8888,
                ).copy()
            finally:
                bitmap.close()
        finally:
            page.close()
    except (pdfium.PdfiumError, ValueError, ZeroDivisionError):
        return None, zoom or 1.0
    image.setDevicePixelRatio(ratio)
    return image, scale / (PDF_BASE_SCALE * ratio)


def _ignore(_value: object) -> None:
    return None


class AttachmentViewer(QDialog):
    """Shows one attachment from memory. ``load`` runs on the worker and returns the bytes.

    Signals:
        displayed: something new is on screen (a page, the image, the text or a message).
    """

    displayed = Signal()

    def __init__(
        self,
        filename: str,
        media_type: str,
        load: Callable[[], bytes],
        runner: TaskRunner,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("attachment_viewer")
        self.setWindowTitle(filename)
        self._filename = filename
        self._media_type = media_type
        self._load: Callable[[], bytes] | None = load
        self._runner = runner
        self._closed = False
        self._kind: str | None = None
        self._data: bytes | None = None
        self._document: Any = None
        self._page_count = 0
        self._page_index = 0
        self._shown_page: int | None = None
        self._pages: OrderedDict[tuple[object, ...], _Rendered] = OrderedDict()
        self._rendering: tuple[object, ...] | None = None
        self._renders = 0
        self._source: QImage | None = None  # the rendered page or the decoded image
        self._source_zoom = 1.0  # PDF: the zoom ``_source`` was rendered at
        self._zoom: float | None = None  # None: fit the window
        self._shown_zoom = 1.0

        self.previous_button = QPushButton(self.tr("Previous page"), self)
        self.previous_button.setObjectName("previous_button")
        self.page_label = QLabel(self)
        self.page_label.setObjectName("page_label")
        self.next_button = QPushButton(self.tr("Next page"), self)
        self.next_button.setObjectName("next_button")
        self.zoom_out_button = QPushButton(self.tr("Zoom out"), self)
        self.zoom_out_button.setObjectName("zoom_out_button")
        self.zoom_out_button.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomOut))
        self.zoom_label = QLabel(self)
        self.zoom_label.setObjectName("zoom_label")
        self.zoom_label.setMinimumWidth(48)
        self.zoom_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.zoom_in_button = QPushButton(self.tr("Zoom in"), self)
        self.zoom_in_button.setObjectName("zoom_in_button")
        self.zoom_in_button.setShortcut(QKeySequence(QKeySequence.StandardKey.ZoomIn))
        self.fit_button = QPushButton(self.tr("Fit to window"), self)
        self.fit_button.setObjectName("fit_button")

        self.message_label = QLabel(self.tr("Reading the attachment…"), self)
        self.message_label.setObjectName("message_label")
        self.message_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.message_label.setWordWrap(True)
        self.message_label.setMargin(24)
        self.image_label = QLabel(self)
        self.image_label.setObjectName("image_label")
        self.image_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area = QScrollArea(self)
        self.scroll_area.setObjectName("scroll_area")
        self.scroll_area.setWidgetResizable(True)
        self.scroll_area.setAlignment(Qt.AlignmentFlag.AlignCenter)
        self.scroll_area.setWidget(self.image_label)
        self.text_edit = QPlainTextEdit(self)
        self.text_edit.setObjectName("text_edit")
        self.text_edit.setReadOnly(True)
        self.text_edit.setUndoRedoEnabled(False)
        self.note_label = QLabel(self)
        self.note_label.setObjectName("note_label")
        self.note_label.hide()
        self.stack = QStackedWidget(self)
        self.stack.setObjectName("stack")
        for page in (self.message_label, self.scroll_area, self.text_edit):
            self.stack.addWidget(page)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        self.buttons.setObjectName("buttons")
        self.close_button = self.buttons.button(QDialogButtonBox.StandardButton.Close)
        self.close_button.setObjectName("close_button")
        self.close_button.setText(self.tr("Close"))
        self.resize_timer = QTimer(self)
        self.resize_timer.setObjectName("resize_timer")
        self.resize_timer.setSingleShot(True)
        self.resize_timer.setInterval(RESIZE_DELAY_MS)

        tools = QHBoxLayout()
        tool: QWidget | None
        for tool in (
            self.previous_button,
            self.page_label,
            self.next_button,
            None,
            self.zoom_out_button,
            self.zoom_label,
            self.zoom_in_button,
            self.fit_button,
        ):
            if tool is None:
                tools.addStretch(1)
                continue
            # The row keeps its height whatever is shown, so the page area does not jump.
            policy = tool.sizePolicy()
            policy.setRetainSizeWhenHidden(True)
            tool.setSizePolicy(policy)
            tools.addWidget(tool)
        layout = QVBoxLayout(self)
        layout.addLayout(tools)
        layout.addWidget(self.stack, 1)
        layout.addWidget(self.note_label)
        layout.addWidget(self.buttons)
        self._size_to_screen()

        self.previous_button.clicked.connect(self._on_previous_button_clicked)
        self.next_button.clicked.connect(self._on_next_button_clicked)
        self.zoom_in_button.clicked.connect(self._on_zoom_in_button_clicked)
        self.zoom_out_button.clicked.connect(self._on_zoom_out_button_clicked)
        self.fit_button.clicked.connect(self._on_fit_button_clicked)
        self.resize_timer.timeout.connect(self._on_resize_timer_timeout)
        self.scroll_area.viewport().installEventFilter(self)
        self.buttons.rejected.connect(self.reject)
        self._update_tools()

        self._runner.run(self._load_job(), self._on_opened, self._on_load_failed)

    # -- public -----------------------------------------------------------------------------
    @property
    def kind(self) -> str | None:
        """``PDF``, ``IMAGE``, ``TEXT`` or ``OTHER`` once the bytes are read."""
        return self._kind

    @property
    def page_count(self) -> int:
        return self._page_count

    @property
    def page_index(self) -> int:
        """The page asked for (0-based); ``shown_page`` is the one on screen."""
        return self._page_index

    @property
    def shown_page(self) -> int | None:
        return self._shown_page

    @property
    def renders(self) -> int:
        """How many pages have been rendered so far."""
        return self._renders

    @property
    def cached_pages(self) -> int:
        return len(self._pages)

    @property
    def holds_content(self) -> bool:
        """Whether the viewer still refers to the file's bytes or anything made from them."""
        return any(
            (
                self._data is not None,
                self._document is not None,
                self._source is not None,
                bool(self._pages),
                not self.image_label.pixmap().isNull(),
                bool(self.text_edit.document().characterCount() > 1),
            )
        )

    def go_to_page(self, index: int) -> None:
        if self._kind != PDF or self._document is None or not 0 <= index < self._page_count:
            return
        self._page_index = index
        self._update_tools()
        self._request_page()

    def done(self, result: int) -> None:
        """Every way of closing comes here: drop what was shown before the window goes."""
        self._release()
        super().done(result)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 (Qt's name)
        """The page area changed size: fitting the window means fitting it again."""
        if (
            event.type() == QEvent.Type.Resize
            and watched is self.scroll_area.viewport()
            and self._zoom is None
            and self._source is not None
        ):
            self.resize_timer.start()
        return super().eventFilter(watched, event)

    # -- slots ------------------------------------------------------------------------------
    def _on_previous_button_clicked(self) -> None:
        self.go_to_page(self._page_index - 1)

    def _on_next_button_clicked(self) -> None:
        self.go_to_page(self._page_index + 1)

    def _on_zoom_in_button_clicked(self) -> None:
        self._step_zoom(+1)

    def _on_zoom_out_button_clicked(self) -> None:
        self._step_zoom(-1)

    def _on_fit_button_clicked(self) -> None:
        self._zoom = None
        self._refresh()

    def _on_resize_timer_timeout(self) -> None:
        if self._zoom is None and not self._closed:
            self._refresh()

    def _on_opened(self, opened: _Opened) -> None:
        if self._closed:  # closed while reading: nothing is kept
            if opened.document is not None:
                self._runner.run(opened.document.close, _ignore, _ignore)
            return
        self._kind = opened.kind
        if opened.problem is not None:
            self._show_message(self._problem_text(opened))
        elif opened.kind == PDF:
            self._data = opened.data
            self._document = opened.document
            self._page_count = opened.page_count
            self._request_page()
        elif opened.kind == IMAGE:
            self._source = opened.image
            self._display()
        else:
            self.text_edit.setPlainText(opened.text or "")
            self.stack.setCurrentWidget(self.text_edit)
            if opened.truncated:
                self.note_label.setText(
                    self.tr("Only the first %1 characters are shown.").replace(
                        "%1", f"{TEXT_MAX_CHARS:,}"
                    )
                )
                self.note_label.show()
            self.displayed.emit()
        self._update_tools()

    def _on_load_failed(self, error: AppError) -> None:
        if not self._closed:
            self._show_message(error.message)
            self._update_tools()

    def _on_page_rendered(self, rendered: _Rendered) -> None:
        self._rendering = None
        if self._closed:
            return
        self._renders += 1
        self._pages[rendered.key] = rendered
        self._pages.move_to_end(rendered.key)
        while len(self._pages) > PDF_CACHE_PAGES:
            self._pages.popitem(last=False)
        if rendered.key == self._page_key():
            self._show_page(rendered)
        else:
            self._request_page()  # the user moved on meanwhile: render what is asked for now

    def _on_page_failed(self, error: AppError) -> None:
        self._rendering = None
        if not self._closed:
            self._show_message(error.message)

    # -- internals --------------------------------------------------------------------------
    def _load_job(self) -> Callable[[], _Opened]:
        load, filename, media_type = self._load, self._filename, self._media_type
        assert load is not None

        def job() -> _Opened:
            return _open(filename, media_type, load())

        return job

    def _page_key(self) -> tuple[object, ...]:
        if self._zoom is not None:
            return (self._page_index, self._zoom)
        viewport = self._viewport()
        return (self._page_index, None, viewport.width(), viewport.height())

    def _request_page(self) -> None:
        """Show the page asked for: from the cache, or rendered on the worker (one at a time)."""
        key = self._page_key()
        cached = self._pages.get(key)
        if cached is not None:
            self._pages.move_to_end(key)
            self._show_page(cached)
            return
        if self._rendering is not None or self._document is None:
            return  # the render in flight asks again when it ends
        self._rendering = key
        document, index, zoom = self._document, self._page_index, self._zoom
        viewport, ratio = self._viewport(), self.devicePixelRatioF()

        def job() -> _Rendered:
            image, shown = _render_page(document, index, zoom, viewport, ratio)
            return _Rendered(index, key, image, shown)

        self._runner.run(job, self._on_page_rendered, self._on_page_failed)

    def _show_page(self, rendered: _Rendered) -> None:
        self._shown_page = rendered.index
        if rendered.image is None:
            self._source = None
            self.image_label.clear()
            self._show_message(
                self.tr("Page %1 is damaged and cannot be shown.").replace(
                    "%1", str(self._shown_page + 1)
                )
            )
            return
        self._source = rendered.image
        self._source_zoom = rendered.zoom
        self._display()

    def _display(self) -> None:
        """Put ``_source`` on screen at the zoom asked for (fitting the window if none)."""
        source = self._source
        if source is None:
            return
        ratio = source.devicePixelRatio()
        logical = QSize(
            max(1, round(source.width() / ratio)), max(1, round(source.height() / ratio))
        )
        if self._kind == PDF:
            # Rendered at the size asked for; only a window made smaller since shrinks it.
            target = logical
            if self._zoom is None and not self._fits(logical):
                target = fit_size(logical, self._viewport())
            self._shown_zoom = self._source_zoom * target.width() / logical.width()
        else:
            if self._zoom is None:
                target = logical if self._fits(logical) else fit_size(logical, self._viewport())
            else:
                target = QSize(
                    max(1, round(logical.width() * self._zoom)),
                    max(1, round(logical.height() * self._zoom)),
                )
            factor = capped(target.width(), target.height())
            target = QSize(
                max(1, int(target.width() * factor)), max(1, int(target.height() * factor))
            )
            self._shown_zoom = target.width() / logical.width()
        screen_ratio = self.devicePixelRatioF()
        pixels = QSize(round(target.width() * screen_ratio), round(target.height() * screen_ratio))
        image = (
            source
            if pixels == source.size()
            else source.scaled(
                pixels,
                Qt.AspectRatioMode.IgnoreAspectRatio,
                Qt.TransformationMode.SmoothTransformation,
            )
        )
        pixmap = QPixmap.fromImage(image)
        pixmap.setDevicePixelRatio(screen_ratio)
        self.image_label.setPixmap(pixmap)
        self.stack.setCurrentWidget(self.scroll_area)
        self._update_tools()
        self.displayed.emit()

    def _refresh(self) -> None:
        if self._kind == PDF:
            self._request_page()
        elif self._kind == IMAGE:
            self._display()
        self._update_tools()

    def _step_zoom(self, direction: int) -> None:
        if self._kind == TEXT:
            if direction > 0:
                self.text_edit.zoomIn(2)
            else:
                self.text_edit.zoomOut(2)
            return
        new = self._next_zoom(direction)
        if new is not None:
            self._zoom = new
            self._refresh()

    def _next_zoom(self, direction: int) -> float | None:
        current = self._shown_zoom
        if direction > 0:
            if self._zoom is not None and current < self._zoom * 0.99:
                return None  # already held back by the pixel cap
            larger = [z for z in ZOOM_STEPS if z > current * 1.01]
            return larger[0] if larger else None
        smaller = [z for z in ZOOM_STEPS if z < current * 0.99]
        return smaller[-1] if smaller else None

    def _fits(self, size: QSize) -> bool:
        viewport = self._viewport()
        return size.width() <= viewport.width() and size.height() <= viewport.height()

    def _viewport(self) -> QSize:
        """The room for a page, without scroll bars; never tiny (before the window is laid out).

        Measured on the stack: a stacked page that is not shown yet keeps a stale size."""
        frame = 2 * self.scroll_area.frameWidth() + 4
        return (self.stack.size() - QSize(frame, frame)).expandedTo(MIN_VIEWPORT)

    def _show_message(self, text: str) -> None:
        self.message_label.setText(text)
        self.stack.setCurrentWidget(self.message_label)
        self.displayed.emit()

    def _problem_text(self, opened: _Opened) -> str:
        problem = opened.problem
        if problem == PDF_PASSWORD:
            return self.tr(
                "This PDF is protected by a password and cannot be previewed in the program. "
                "Save a copy and open it with another program."
            )
        if problem == PDF_DAMAGED:
            return self.tr("This PDF is damaged or in a format the program cannot read.")
        if problem == PDF_EMPTY:
            return self.tr("This PDF has no pages.")
        if problem == IMAGE_DAMAGED:
            return self.tr("This image is damaged or in a format the program cannot read.")
        if problem == IMAGE_TOO_BIG:
            size = opened.image_size or QSize()
            return (
                self.tr(
                    "This image is too large to preview (%1 × %2 pixels). "
                    "Save a copy and open it with another program."
                )
                .replace("%1", str(size.width()))
                .replace("%2", str(size.height()))
            )
        if problem == TEXT_ENCODING:
            return self.tr(
                "This text file is neither UTF-8 nor GB18030 and cannot be shown. "
                "Save a copy and open it with another program."
            )
        return self.tr(
            "This kind of file cannot be previewed in the program. "
            "Save a copy and open it with another program."
        )

    def _update_tools(self) -> None:
        is_pdf = self._kind == PDF and self._page_count > 0
        for widget in (self.previous_button, self.page_label, self.next_button):
            widget.setVisible(is_pdf)
        if is_pdf:
            self.page_label.setText(
                self.tr("Page %1 of %2")
                .replace("%1", str(self._page_index + 1))
                .replace("%2", str(self._page_count))
            )
            self.previous_button.setEnabled(self._page_index > 0)
            self.next_button.setEnabled(self._page_index < self._page_count - 1)
        pictures = self._kind in (PDF, IMAGE) and self._source is not None
        text = self._kind == TEXT and self.stack.currentWidget() is self.text_edit
        for widget in (self.zoom_out_button, self.zoom_in_button):
            widget.setVisible(pictures or text)
        self.zoom_label.setVisible(pictures)
        self.fit_button.setVisible(pictures)
        if pictures:
            self.zoom_label.setText(f"{round(self._shown_zoom * 100)}%")
            self.zoom_in_button.setEnabled(self._next_zoom(+1) is not None)
            self.zoom_out_button.setEnabled(self._next_zoom(-1) is not None)
            self.fit_button.setEnabled(self._zoom is not None)
        elif text:
            self.zoom_in_button.setEnabled(True)
            self.zoom_out_button.setEnabled(True)

    def _size_to_screen(self) -> None:
        screen = self.screen() or QGuiApplication.primaryScreen()
        room = screen.availableGeometry().size() if screen is not None else QSize(1024, 768)
        self.resize(min(900, int(room.width() * 0.8)), min(1000, int(room.height() * 0.9)))

    def _release(self) -> None:
        """Forget the bytes and everything made from them; close the PDF on the worker."""
        self._closed = True
        self._load = None
        self._data = None
        self._source = None
        self._pages.clear()
        self.resize_timer.stop()
        self.image_label.clear()
        self.text_edit.clear()
        document, self._document = self._document, None
        if document is not None:
            self._runner.run(document.close, _ignore, _ignore)
