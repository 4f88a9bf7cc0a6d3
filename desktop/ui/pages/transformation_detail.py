"""One transformation in detail, below the transformations page's list: the contract's terms,
the pricing procedure as a state diagram with the steps taken so far, what the checks of measure
十五 say, and the separate ledger (entries, receivables, pay-later instalments).

It only shows; the page connects its buttons. Buttons the user may not use at all are hidden;
the procedure's buttons are exactly the events the procedure allows now; the others that do not
apply to the transformation as it stands are disabled.
"""

from __future__ import annotations

import datetime as dt
import math
from collections.abc import Sequence

from PySide6.QtCore import QCoreApplication, QPointF, QRectF, QSize, Qt
from PySide6.QtGui import QColor, QFont, QPainter, QPaintEvent, QPen, QPolygonF
from PySide6.QtWidgets import (
    QAbstractItemView,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QScrollArea,
    QSizePolicy,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from desktop.domain.counterparties import Counterparty
from desktop.domain.dates import format_cn_date, format_cn_datetime
from desktop.domain.dates import format_iso_date as cn_date
from desktop.domain.pricing import EVENTS, TRANSITIONS, Procedure, allowed_events, path
from desktop.domain.transformations import PricingStep, Transformation, TransformationDraft, yuan
from desktop.services.transformations import TransformationView
from desktop.ui import transformation_labels as tl
from desktop.ui.forms.grant_form import format_percent
from desktop.ui.widgets.field_form import FieldForm
from desktop.ui.widgets.gate_checks import GateChecks

CURRENT_FILL = "#1a5fb4"
DONE_FILL = "#e3f1e6"
DONE_BORDER = "#2e7d32"
SKIPPED_COLOUR = "#9a9a9a"
TERMINATED_FILL = "#b3261e"
OPEN_STATES = ("appraisal", "priced", "notice", "objected", "listing", "cleared")
CLOSED_STATES = ("completed", "terminated")


def money(fen: int | None) -> str:
    """12,345.67 元"""
    if fen is None:
        return ""
    return QCoreApplication.translate("TransformationDetail", "%1 yuan").replace("%1", yuan(fen))


def next_date(t: Transformation) -> str:
    """The day the next step may be taken from, when a period stands in its way."""
    end = {"notice": t.notice_end, "listing": t.listing_end}.get(t.state)
    if end is None:
        return ""
    return format_cn_date(dt.date.fromisoformat(end) + dt.timedelta(days=1))


# -- the diagram -------------------------------------------------------------------------------
def diagram_positions(method: str | None) -> dict[str, tuple[int, int]]:
    """Where each state of ``pricing.path(method)`` stands: (column, row). The objection branch
    of a negotiated price runs below the notice and joins again at ``cleared``."""
    states = path(method)
    if method != "negotiated":
        return {s: (i, 0) for i, s in enumerate(states)}
    positions: dict[str, tuple[int, int]] = {}
    column = 0
    for s in states:
        if s == "objected":
            positions[s] = (positions["notice"][0], 1)
        elif s == "listing":
            positions[s] = (positions["notice"][0] + 1, 1)
            column = positions[s][0] + 1
        else:
            positions[s] = (column, 0)
            column += 1
    return positions


def diagram_edges(method: str | None) -> list[tuple[str, str]]:
    """The moves between the states of the path that the procedure allows for this method
    (termination aside, which every open state allows)."""
    states = set(path(method))
    edges: list[tuple[str, str]] = []
    for s in path(method):
        for event in allowed_events(Procedure(s, method)):
            target = TRANSITIONS[s][event]
            if target in states and target != s and (s, target) not in edges:
                edges.append((s, target))
    return edges


class ProcedureDiagram(QWidget):
    """The pricing procedure of measure 四 as boxes and arrows: the current state filled, the
    states passed through marked with a tick, those the procedure went around greyed out."""

    BOX_HEIGHT = 46
    MIN_BOX_WIDTH = 78
    MAX_BOX_WIDTH = 128
    GAP = 30
    ROW_GAP = 26
    MARGIN = 8

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("diagram")
        self._method: str | None = None
        self._state: str | None = None
        self._visited: set[str] = set()
        self._positions: dict[str, tuple[int, int]] = {}
        self._edges: list[tuple[str, str]] = []
        self._terminated_from: str | None = None
        self.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Fixed)

    # -- public --------------------------------------------------------------------------------
    def show_procedure(self, t: Transformation | None) -> None:
        if t is None:
            self._state = None
            self._positions, self._edges, self._visited = {}, [], set()
            self._terminated_from = None
        else:
            self._method = t.draft.method
            self._state = t.state
            self._positions = diagram_positions(t.draft.method)
            self._edges = diagram_edges(t.draft.method)
            self._visited = {"appraisal"} | {s.state_after for s in t.steps}
            self._terminated_from = None
            if t.state == "terminated":
                before = [s.state_after for s in t.steps if s.event != "terminate"]
                self._terminated_from = before[-1] if before else "appraisal"
        self.setToolTip(self.describe())
        self.updateGeometry()
        self.update()

    @property
    def states(self) -> tuple[str, ...]:
        return tuple(self._positions)

    @property
    def current(self) -> str | None:
        return self._state

    def done_states(self) -> set[str]:
        """States the procedure has passed through (not the current one)."""
        return {s for s in self._visited if s in self._positions and s != self._state}

    def skipped_states(self) -> set[str]:
        """States the procedure went around: not visited, while a later one was."""
        order = list(self._positions)
        reached = [order.index(s) for s in self._visited | {self._state or ""} if s in order]
        furthest = max(reached, default=-1)
        return {
            s
            for i, s in enumerate(order)
            if i < furthest and s not in self._visited and s != self._state
        }

    def describe(self) -> str:
        """The diagram in words: each state with its mark (for the tooltip and for tests)."""
        parts = []
        done, skipped = self.done_states(), self.skipped_states()
        for s in self._positions:
            mark = "▶" if s == self._state else "✓" if s in done else "–" if s in skipped else "○"
            parts.append(f"{mark}{tl.state(s)}")
        if self._state == "terminated":
            parts.append(f"■{tl.state('terminated')}")
        return " → ".join(parts)

    def box_rect(self, state: str) -> QRectF:
        column, row = self._position(state)
        width = self._box_width()
        used = self._columns() * (width + self.GAP) - self.GAP
        left = max(self.MARGIN, (self.width() - used) / 2)  # centred in the room there is
        x = left + column * (width + self.GAP)
        y = self.MARGIN + row * (self.BOX_HEIGHT + self.ROW_GAP)
        return QRectF(x, y, width, self.BOX_HEIGHT)

    # -- Qt ------------------------------------------------------------------------------------
    def sizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        columns = self._columns()
        width = 2 * self.MARGIN + columns * (self.MAX_BOX_WIDTH + self.GAP)
        return QSize(width, self._height())

    def minimumSizeHint(self) -> QSize:  # noqa: N802 (Qt API)
        columns = self._columns()
        width = 2 * self.MARGIN + columns * (self.MIN_BOX_WIDTH + self.GAP)
        return QSize(width, self._height())

    def paintEvent(self, _event: QPaintEvent) -> None:  # noqa: N802 (Qt API)
        if not self._positions:
            return
        painter = QPainter(self)
        painter.setRenderHint(QPainter.RenderHint.Antialiasing)
        palette_text = self.palette().text().color()
        for source, target in self._edges:
            travelled = source in self._visited and target in self._visited
            colour = QColor(DONE_BORDER) if travelled else QColor(SKIPPED_COLOUR)
            self._arrow(painter, self.box_rect(source), self.box_rect(target), colour)
        if self._terminated_from is not None:
            self._arrow(
                painter,
                self.box_rect(self._terminated_from),
                self.box_rect("terminated"),
                QColor(TERMINATED_FILL),
            )
        done, skipped = self.done_states(), self.skipped_states()
        states = list(self._positions) + (["terminated"] if self._state == "terminated" else [])
        for s in states:
            rect = self.box_rect(s)
            font = QFont(self.font())
            text = tl.state(s)
            if s == self._state:
                fill = QColor(TERMINATED_FILL if s == "terminated" else CURRENT_FILL)
                pen = QPen(fill, 2)
                text_colour = QColor("white")
                font.setBold(True)
            elif s in done:
                fill, pen, text_colour = QColor(DONE_FILL), QPen(QColor(DONE_BORDER), 1.5), None
                text = "✓ " + text
            elif s in skipped:
                fill = self.palette().base().color()
                pen = QPen(QColor(SKIPPED_COLOUR), 1, Qt.PenStyle.DashLine)
                text_colour = QColor(SKIPPED_COLOUR)
            else:
                fill, pen, text_colour = self.palette().base().color(), QPen(palette_text, 1), None
            painter.setPen(pen)
            painter.setBrush(fill)
            painter.drawRoundedRect(rect, 6, 6)
            painter.setFont(font)
            painter.setPen(text_colour or palette_text)
            painter.drawText(
                rect.adjusted(4, 2, -4, -2),
                int(Qt.AlignmentFlag.AlignCenter) | int(Qt.TextFlag.TextWordWrap),
                text,
            )
        painter.end()

    # -- internals -----------------------------------------------------------------------------
    def _position(self, state: str) -> tuple[int, int]:
        if state == "terminated":
            return (self._columns() - 1, self._rows())
        return self._positions[state]

    def _columns(self) -> int:
        return max((c for c, _ in self._positions.values()), default=-1) + 1

    def _rows(self) -> int:
        return max((r for _, r in self._positions.values()), default=-1) + 1

    def _height(self) -> int:
        rows = self._rows() + (1 if self._state == "terminated" else 0)
        rows = max(rows, 1)
        return 2 * self.MARGIN + rows * self.BOX_HEIGHT + (rows - 1) * self.ROW_GAP

    def _box_width(self) -> float:
        columns = max(self._columns(), 1)
        room = (self.width() - 2 * self.MARGIN) / columns - self.GAP
        return max(self.MIN_BOX_WIDTH, min(self.MAX_BOX_WIDTH, room))

    @staticmethod
    def _arrow(painter: QPainter, source: QRectF, target: QRectF, colour: QColor) -> None:
        start = _edge_point(source, target.center())
        end = _edge_point(target, source.center())
        painter.setPen(QPen(colour, 1.6))
        painter.drawLine(start, end)
        angle = math.atan2(end.y() - start.y(), end.x() - start.x())
        size = 8.0
        left = QPointF(
            end.x() - size * math.cos(angle - math.pi / 7),
            end.y() - size * math.sin(angle - math.pi / 7),
        )
        right = QPointF(
            end.x() - size * math.cos(angle + math.pi / 7),
            end.y() - size * math.sin(angle + math.pi / 7),
        )
        painter.setBrush(colour)
        painter.drawPolygon(QPolygonF([end, left, right]))


def _edge_point(rect: QRectF, towards: QPointF) -> QPointF:
    """Where the line from the centre of ``rect`` to ``towards`` leaves the rectangle."""
    centre = rect.center()
    dx, dy = towards.x() - centre.x(), towards.y() - centre.y()
    if dx == 0 and dy == 0:
        return centre
    scale_x = (rect.width() / 2) / abs(dx) if dx else math.inf
    scale_y = (rect.height() / 2) / abs(dy) if dy else math.inf
    scale = min(scale_x, scale_y)
    return QPointF(centre.x() + dx * scale, centre.y() + dy * scale)


# -- text --------------------------------------------------------------------------------------
def terms_text(draft: TransformationDraft) -> str:
    """The terms of the contract's own form, in a few lines."""
    translate = QCoreApplication.translate
    lines = []
    if draft.licence is not None:
        lic = draft.licence
        lines.append(
            translate("TransformationDetail", "%1, %2 to %3, territory: %4")
            .replace("%1", tl.licence_scope(lic.scope))
            .replace("%2", cn_date(lic.term_start))
            .replace("%3", cn_date(lic.term_end))
            .replace("%4", lic.territory)
        )
    if draft.pay_later is not None:
        lines.append(
            translate("TransformationDetail", "Free use for %1 months").replace(
                "%1", str(draft.pay_later.free_months)
            )
        )
        for n, item in enumerate(draft.pay_later.installments, start=1):
            if item.condition == "on_date":
                when = cn_date(item.due_on)
            elif item.condition == "after_effect":
                when = translate(
                    "TransformationDetail", "%1 months after the contract takes effect"
                ).replace("%1", str(item.months))
            else:
                when = translate("TransformationDetail", "%1 months after revenue starts").replace(
                    "%1", str(item.months)
                )
            lines.append(
                translate("TransformationDetail", "Instalment %1: %2, %3")
                .replace("%1", str(n))
                .replace("%2", money(item.amount_fen))
                .replace("%3", when)
            )
    if draft.equity is not None:
        e = draft.equity
        holding = (
            translate("TransformationDetail", "%1 shares").replace("%1", f"{e.shares:,}")
            if e.shares is not None
            else translate("TransformationDetail", "%1% of the registered capital").replace(
                "%1", format_percent(e.capital_percent) if e.capital_percent is not None else ""
            )
        )
        lines.append(f"{e.company}：{holding}")
    if draft.share_transfer is not None:
        s = draft.share_transfer
        line = tl.share_transfer_mode(s.mode)
        if s.mode == "agreed_return":
            line += (
                translate("TransformationDetail", "; %1% when %2")
                .replace(
                    "%1", format_percent(s.return_percent) if s.return_percent is not None else ""
                )
                .replace("%2", s.trigger)
            )
        lines.append(line)
    if draft.invest is not None:
        i = draft.invest
        for stage in i.stages:
            lines.append(f"{tl.stage(stage.stage)}：{money(stage.amount_fen)}")
        lines.append(
            translate("TransformationDetail", "Converted to equity when: %1").replace(
                "%1", i.trigger
            )
        )
        lines.append(translate("TransformationDetail", "Exit plan: %1").replace("%1", i.exit_plan))
    return "\n".join(lines) or "—"


def surplus_text(draft: TransformationDraft) -> str:
    s = draft.surplus
    if s is None:
        return QCoreApplication.translate(
            "TransformationDetail", "Not financed from an industry project's surplus"
        )
    text = (
        QCoreApplication.translate("TransformationDetail", "Project %1; researchers' share %2%")
        .replace("%1", s.project_ref)
        .replace("%2", format_percent(s.researcher_share))
    )
    if s.exception_reason:
        text += QCoreApplication.translate(
            "TransformationDetail", " (below the minimum because: %1)"
        ).replace("%1", s.exception_reason)
    return text


def step_detail(step: PricingStep) -> str:
    """What a step recorded, in words: the notice's end and why, the objection, the winner."""
    translate = QCoreApplication.translate
    d = step.detail
    parts: list[str] = []
    if step.event == "record_appraisal":
        parts.append(tl.appraisal(str(d.get("appraisal"))))
        if d.get("appraisal_basis"):
            parts.append(
                translate("TransformationDetail", "basis: %1").replace(
                    "%1", str(d["appraisal_basis"])
                )
            )
        value = d.get("appraised_value_fen")
        if isinstance(value, int):
            parts.append(
                translate("TransformationDetail", "appraised at %1").replace("%1", money(value))
            )
    elif step.event == "start_notice":
        price = d.get("price_fen")
        parts.append(
            translate("TransformationDetail", "Proposed price %1 on notice for %2 days, until %3")
            .replace("%1", money(price if isinstance(price, int) else None))
            .replace("%2", str(d.get("notice_days", "")))
            .replace("%3", cn_date(str(d.get("notice_end") or "") or None))
        )
        if d.get("explanation"):
            parts.append(str(d["explanation"]))
    elif step.event == "start_listing":
        parts.append(
            translate("TransformationDetail", "Listed until %1").replace(
                "%1", cn_date(str(d.get("listing_end") or "") or None)
            )
        )
        if d.get("explanation"):
            parts.append(str(d["explanation"]))
    elif step.event == "object":
        parts.append(
            translate("TransformationDetail", "Objection: %1").replace(
                "%1", str(d.get("content", ""))
            )
        )
    elif step.event in ("listing_taken", "record_auction"):
        price = d.get("price_fen")
        parts.append(
            translate("TransformationDetail", "%1 at %2")
            .replace("%1", str(d.get("counterparty", "")))
            .replace("%2", money(price if isinstance(price, int) else None))
        )
    elif step.event == "sign":
        booked = d.get("ledger")
        if booked == "not_booked":
            parts.append(
                translate(
                    "TransformationDetail",
                    "Not booked in the separate ledger (negative-listed achievement)",
                )
            )
        elif isinstance(booked, list):
            items = []
            for entry in booked:
                kind, _, amount = str(entry).partition(" ")
                if kind in ("receivable", "equity", "receipt", "payment"):
                    items.append(
                        translate("TransformationDetail", "%1 %2 yuan")
                        .replace("%1", tl.ledger_kind(kind))
                        .replace("%2", amount)
                    )
            if items:
                parts.append(
                    translate("TransformationDetail", "Booked: %1").replace(
                        "%1", translate("TransformationDetail", ", ").join(items)
                    )
                )
    elif step.event == "terminate":
        parts.append(
            translate("TransformationDetail", "Reason: %1").replace("%1", str(d.get("reason", "")))
        )
    return translate("TransformationDetail", "; ").join(p for p in parts if p)


def _recorded_at(text: str) -> str:
    try:
        return format_cn_datetime(dt.datetime.fromisoformat(text))
    except ValueError:
        return text


# -- tables ------------------------------------------------------------------------------------
def _table(
    name: str, headers: Sequence[str], parent: QWidget, stretch: int, *, wrap: bool = False
) -> QTableWidget:
    """A read-only table; ``wrap``: long texts wrap and rows grow to them (the steps' details),
    otherwise one line a row, the whole text in the tooltip."""
    table = QTableWidget(0, len(headers), parent)
    table.setObjectName(name)
    table.setHorizontalHeaderLabels(list(headers))
    table.verticalHeader().hide()
    table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
    table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
    table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
    table.setWordWrap(wrap)
    table.setProperty("wrap", wrap)
    header = table.horizontalHeader()
    header.setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
    header.setSectionResizeMode(stretch, QHeaderView.ResizeMode.Stretch)
    return table


def _fill(
    table: QTableWidget, rows: Sequence[Sequence[str]], money_columns: Sequence[int] = ()
) -> None:
    table.clearSelection()
    table.setRowCount(0)
    for cells in rows:
        at = table.rowCount()
        table.insertRow(at)
        for column, text in enumerate(cells):
            item = QTableWidgetItem(text)
            item.setToolTip(text)
            if column in money_columns:
                item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            table.setItem(at, column, item)
    if table.property("wrap"):
        table.resizeRowsToContents()


class TransformationDetail(QWidget):
    def __init__(self, can_edit: bool, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("detail")
        self._can_edit = can_edit
        self._view: TransformationView | None = None
        self._counterparty: Counterparty | None = None
        self._value_labels: list[QLabel] = []
        self._today = dt.date.today()

        self.header_label = QLabel(self)
        self.header_label.setObjectName("header_label")
        self.header_label.setStyleSheet("font-weight: bold; font-size: 15px;")
        self.header_label.setWordWrap(True)

        # The procedure's own steps: one button per event, shown when the procedure allows it.
        self.event_buttons: dict[str, QPushButton] = {}
        actions = QHBoxLayout()
        for event in EVENTS:
            button = self._button(f"{event}_button", tl.event(event) + "…", edit=True)
            self.event_buttons[event] = button
            actions.addWidget(button)
        actions.addStretch(1)
        self.edit_button = self._button("edit_button", self.tr("Edit contract…"), edit=True)
        actions.addWidget(self.edit_button)

        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("tabs")
        self.tabs.addTab(self._build_terms(), self.tr("Contract"))
        self.tabs.addTab(self._build_procedure(), self.tr("Pricing procedure"))
        self.tabs.addTab(self._build_checks(), self.tr("Checks"))
        self.tabs.addTab(self._build_ledger(), self.tr("Ledger"))
        self.tabs.setCurrentIndex(1)
        self.tabs.currentChanged.connect(self._on_tabs_current_changed)

        column = QVBoxLayout(self)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.header_label)
        column.addLayout(actions)
        column.addWidget(self.tabs, 1)
        self.show_view(None, None)

    # -- building ------------------------------------------------------------------------------
    def _label(self, name: str, parent: QWidget) -> QLabel:
        label = QLabel(parent)
        label.setObjectName(name)
        label.setWordWrap(True)
        label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        # Expanding, so the form gives the label its full width and a wrapped text shows whole.
        label.setSizePolicy(QSizePolicy.Policy.Expanding, QSizePolicy.Policy.Preferred)
        self._value_labels.append(label)
        return label

    def _button(
        self, name: str, text: str, *, edit: bool, parent: QWidget | None = None
    ) -> QPushButton:
        button = QPushButton(text, parent or self)
        button.setObjectName(name)
        if edit and not self._can_edit:
            button.hide()
            button.setProperty("never", True)
        return button

    def _with_button(self, label: QLabel, button: QPushButton) -> QWidget:
        holder = QWidget(label.parentWidget())
        row = QHBoxLayout(holder)
        row.setContentsMargins(0, 0, 0, 0)
        row.addWidget(label, 1)
        row.addWidget(button, 0, Qt.AlignmentFlag.AlignTop)
        return holder

    def _build_terms(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setObjectName("terms_tab")
        scroll.setWidgetResizable(True)
        tab = QWidget(scroll)
        fields = FieldForm(tab)
        fields.setObjectName("terms_fields")
        self.form_label = self._label("form_label", tab)
        self.counterparty_label = self._label("counterparty_label", tab)
        self.achievements_label = self._label("achievements_label", tab)
        self.price_label = self._label("price_label", tab)
        self.method_label = self._label("method_label", tab)
        self.appraisal_label = self._label("appraisal_label", tab)
        self.terms_label = self._label("terms_label", tab)
        self.surplus_label = self._label("surplus_label", tab)
        self.registration_label = self._label("registration_label", tab)
        self.registration_button = self._button(
            "registration_button", self.tr("Record registration…"), edit=True, parent=tab
        )
        add = fields.add_field
        add("form", self.tr("Form"), self.form_label)
        add("counterparty", self.tr("Counterparty"), self.counterparty_label)
        add("achievements", self.tr("Achievements and income shares"), self.achievements_label)
        add("price", self.tr("Price"), self.price_label)
        add("method", self.tr("Pricing method"), self.method_label)
        add("appraisal", self.tr("Asset appraisal"), self.appraisal_label)
        add("terms", self.tr("Terms"), self.terms_label)
        add("surplus", self.tr("Industry project surplus"), self.surplus_label)
        add(
            "registration",
            self.tr("Contract registration"),
            self._with_button(self.registration_label, self.registration_button),
        )
        column = QVBoxLayout(tab)
        column.addWidget(fields)
        column.addStretch(1)
        scroll.setWidget(tab)
        return scroll

    def _build_procedure(self) -> QWidget:
        tab = QWidget(self)
        tab.setObjectName("procedure_tab")
        self.diagram = ProcedureDiagram(tab)
        self.next_step_label = QLabel(tab)
        self.next_step_label.setObjectName("next_step_label")
        self.next_step_label.setWordWrap(True)
        self.next_step_label.setStyleSheet("font-weight: bold;")
        self.periods_label = QLabel(tab)
        self.periods_label.setObjectName("periods_label")
        self.periods_label.setWordWrap(True)
        self.periods_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.steps_table = _table(
            "steps_table",
            [
                self.tr("Date"),
                self.tr("Step"),
                self.tr("State after"),
                self.tr("Detail"),
                self.tr("Recorded at"),
            ],
            tab,
            stretch=3,
            wrap=True,
        )
        column = QVBoxLayout(tab)
        column.addWidget(self.diagram)
        column.addWidget(self.next_step_label)
        column.addWidget(self.periods_label)
        column.addWidget(self.steps_table, 1)
        return tab

    def _build_checks(self) -> QWidget:
        scroll = QScrollArea(self)
        scroll.setObjectName("checks_tab")
        scroll.setWidgetResizable(True)
        tab = QWidget(scroll)
        box = GateChecks(self.tr("Checks of measure 15"), can_edit=self._can_edit, parent=tab)
        self.checks = box
        self.findings_label, self.secrecy_label, self.export_label = box.value_labels
        self.secrecy_button, self.export_button = box.secrecy_button, box.export_button
        self._value_labels.extend(box.value_labels)
        column = QVBoxLayout(tab)
        column.addWidget(box)
        column.addStretch(1)
        scroll.setWidget(tab)
        return scroll

    def _build_ledger(self) -> QWidget:
        tab = QWidget(self)
        tab.setObjectName("ledger_tab")
        self.ledger_label = QLabel(tab)
        self.ledger_label.setObjectName("ledger_label")
        self.ledger_label.setWordWrap(True)
        self.receivables_table = _table(
            "receivables_table",
            [
                self.tr("Receivable"),
                self.tr("Received"),
                self.tr("Outstanding"),
                self.tr("Due on or condition"),
                self.tr("Status"),
            ],
            tab,
            stretch=3,
        )
        self.dues_label = QLabel(self.tr("Pay-later instalments"), tab)
        self.dues_label.setObjectName("dues_label")
        self.dues_table = _table(
            "dues_table",
            [self.tr("Instalment"), self.tr("Amount"), self.tr("Due on"), self.tr("Condition")],
            tab,
            stretch=3,
        )
        self.entries_table = _table(
            "entries_table",
            [
                self.tr("Date"),
                self.tr("Kind"),
                self.tr("Amount"),
                self.tr("Due on"),
                self.tr("Note"),
            ],
            tab,
            stretch=4,
        )
        self.receipt_button = self._button(
            "receipt_button", self.tr("Record receipt…"), edit=True, parent=tab
        )
        self.payment_button = self._button(
            "payment_button", self.tr("Record payment…"), edit=True, parent=tab
        )
        self.revenue_start_button = self._button(
            "revenue_start_button", self.tr("Revenue started…"), edit=True, parent=tab
        )
        self.convert_button = self._button(
            "convert_button", self.tr("Convert into equity…"), edit=True, parent=tab
        )
        buttons = QHBoxLayout()
        for button in (
            self.receipt_button,
            self.payment_button,
            self.revenue_start_button,
            self.convert_button,
        ):
            buttons.addWidget(button)
        buttons.addStretch(1)
        column = QVBoxLayout(tab)
        column.addWidget(self.ledger_label)
        column.addWidget(QLabel(self.tr("Receivables"), tab))
        column.addWidget(self.receivables_table, 1)
        column.addWidget(self.dues_label)
        column.addWidget(self.dues_table, 1)
        column.addWidget(QLabel(self.tr("Ledger entries"), tab))
        column.addWidget(self.entries_table, 1)
        column.addLayout(buttons)
        return tab

    # -- public --------------------------------------------------------------------------------
    @property
    def view(self) -> TransformationView | None:
        return self._view

    @property
    def transformation(self) -> Transformation | None:
        return self._view.transformation if self._view is not None else None

    @property
    def counterparty(self) -> Counterparty | None:
        return self._counterparty

    def show_view(
        self,
        view: TransformationView | None,
        counterparty: Counterparty | None,
        today: dt.date | None = None,
    ) -> None:
        """Show ``view`` (None: nothing) with its counterparty; ``today`` decides which
        receivables are overdue."""
        self._view = view
        self._today = today or dt.date.today()
        self._counterparty = counterparty
        t = view.transformation if view is not None else None
        self.tabs.setEnabled(t is not None)
        self.diagram.show_procedure(t)
        if view is None or t is None:
            self.header_label.setText(self.tr("Choose a transformation in the list."))
            for label in self._value_labels:
                label.clear()
            self.next_step_label.clear()
            self.periods_label.clear()
            self.ledger_label.clear()
            for table in (
                self.steps_table,
                self.receivables_table,
                self.dues_table,
                self.entries_table,
            ):
                _fill(table, [])
            self._update_buttons()
            return
        party = f"　{t.counterparty_name}" if t.counterparty_name else ""
        self.header_label.setText(f"{t.draft.title}{party}　·　{tl.state(t.state)}")
        self._show_terms(t, counterparty)
        self._show_procedure(view)
        self._show_checks(view)
        self._show_ledger(view)
        self._update_buttons()

    # -- slots ------------------------------------------------------------------------------
    def _on_tabs_current_changed(self, _index: int) -> None:
        # Rows sized while the tab was hidden were sized for columns of another width.
        self.steps_table.resizeRowsToContents()

    # -- internals -----------------------------------------------------------------------------
    def _show_terms(self, t: Transformation, counterparty: Counterparty | None) -> None:
        d = t.draft
        self.form_label.setText(tl.form(d.form))
        if counterparty is not None:
            c = counterparty.draft
            summary = " · ".join(
                x
                for x in (
                    c.credit_code,
                    tl.size(c.size),
                    tl.ownership(c.ownership),
                    tl.region(c.region),
                )
                if x
            )
            self.counterparty_label.setText(f"{counterparty.name}\n{summary}")
        else:
            self.counterparty_label.setText(
                t.counterparty_name or self.tr("The team granted the rights (measure 6)")
            )
        titles = list(t.achievement_titles)
        self.achievements_label.setText(
            "\n".join(
                f"{titles[i] if i < len(titles) else a.achievement_id}　{format_percent(a.share)}%"
                for i, a in enumerate(d.allocations)
            )
        )
        price = money(d.price_fen)
        if d.price_due_on:
            price += self.tr(", due on %1").replace("%1", cn_date(d.price_due_on))
        self.price_label.setText(price)
        self.method_label.setText(tl.method(d.method))
        appraisal = tl.appraisal(t.appraisal)
        if t.appraisal_basis:
            appraisal += "\n" + self.tr("Basis: %1").replace("%1", t.appraisal_basis)
        if t.appraised_value_fen is not None:
            appraisal += "\n" + self.tr("Appraised value: %1").replace(
                "%1", money(t.appraised_value_fen)
            )
        self.appraisal_label.setText(appraisal)
        self.terms_label.setText(terms_text(d))
        self.surplus_label.setText(surplus_text(d))
        self.registration_label.setText(
            self.tr("%1, registered on %2")
            .replace("%1", d.contract_registration_no)
            .replace("%2", cn_date(d.contract_registration_date))
            if d.contract_registration_no
            else self.tr("Not registered yet")
        )

    def _show_procedure(self, view: TransformationView) -> None:
        t = view.transformation
        step = view.next_step or "—"
        self.next_step_label.setText(self.tr("Next step: %1").replace("%1", step))
        periods = []
        if t.notice_start:
            periods.append(
                self.tr("Notice: from %1 for %2 days, until %3, 24:00")
                .replace("%1", cn_date(t.notice_start))
                .replace("%2", str(t.notice_days or ""))
                .replace("%3", cn_date(t.notice_end))
            )
        if t.listing_start:
            periods.append(
                self.tr("Listing: from %1 until %2, 24:00")
                .replace("%1", cn_date(t.listing_start))
                .replace("%2", cn_date(t.listing_end))
            )
        if t.signed_on:
            periods.append(self.tr("Signed on %1").replace("%1", cn_date(t.signed_on)))
        self.periods_label.setText("\n".join(periods))
        _fill(
            self.steps_table,
            [
                (
                    cn_date(s.on_date),
                    tl.event(s.event),
                    tl.state(s.state_after),
                    step_detail(s),
                    _recorded_at(s.created_at),
                )
                for s in t.steps
            ],
        )

    def _show_checks(self, view: TransformationView) -> None:
        t = view.transformation
        closed = None
        if t.state in ("signed", "completed"):
            closed = self.tr("Checked when the contract was signed.")
        elif t.state == "terminated":
            closed = self.tr("Terminated: nothing to check.")
        self.checks.show_checks(
            closed=closed,
            findings=view.findings,
            classified=view.classified,
            approval=view.secrecy_approval,
            overseas=view.overseas,
            check=view.export_check,
        )

    def _show_ledger(self, view: TransformationView) -> None:
        t = view.transformation
        if t.signed_on is None:
            text = self.tr("The ledger opens when the contract is signed.")
        elif not view.entries:
            text = self.tr("Nothing booked in the separate ledger.")
        else:
            received = sum(e.amount_fen for e in view.entries if e.kind == "receipt")
            paid = sum(e.amount_fen for e in view.entries if e.kind == "payment")
            outstanding = sum(r.outstanding_fen for r in view.receivables)
            text = (
                self.tr("Received %1, paid %2, outstanding %3")
                .replace("%1", money(received))
                .replace("%2", money(paid))
                .replace("%3", money(outstanding))
            )
        self.ledger_label.setText(text)
        today = self._today
        _fill(
            self.receivables_table,
            [
                (
                    money(r.entry.amount_fen),
                    money(r.received_fen),
                    money(r.outstanding_fen),
                    cn_date(r.entry.due_on) if r.entry.due_on else r.entry.condition,
                    self._receivable_status(r.outstanding_fen, r.entry.due_on, today),
                )
                for r in view.receivables
            ],
            money_columns=(0, 1, 2),
        )
        _fill(
            self.dues_table,
            [
                (
                    str(d.installment),
                    money(d.amount_fen),
                    format_cn_date(d.due_on) if d.due_on else self.tr("Condition not met yet"),
                    d.why,
                )
                for d in view.dues
            ],
            money_columns=(1,),
        )
        visible = bool(view.dues)
        self.dues_label.setVisible(visible)
        self.dues_table.setVisible(visible)
        _fill(
            self.entries_table,
            [
                (
                    cn_date(e.on_date),
                    tl.ledger_kind(e.kind),
                    money(e.amount_fen),
                    cn_date(e.due_on) if e.due_on else e.condition,
                    e.note,
                )
                for e in view.entries
            ],
            money_columns=(2,),
        )

    def _receivable_status(self, outstanding: int, due_on: str | None, today: dt.date) -> str:
        if outstanding <= 0:
            return self.tr("Settled")
        if due_on is None:
            return self.tr("Not due yet")
        if dt.date.fromisoformat(due_on) < today:
            return self.tr("Overdue")
        return self.tr("Not settled")

    def _update_buttons(self) -> None:
        view = self._view
        t = view.transformation if view is not None else None
        allowed = set(view.allowed_events) if view is not None else set()
        for event, button in self.event_buttons.items():
            button.setVisible(self._can_edit and event in allowed)
        state = t.state if t is not None else ""
        self.edit_button.setVisible(self._can_edit and t is not None)
        self.edit_button.setEnabled(state in ("appraisal", "priced"))
        self.registration_button.setEnabled(t is not None and state != "terminated")
        signed = t is not None and t.signed_on is not None and state != "terminated"
        self.receipt_button.setEnabled(signed)
        self.payment_button.setEnabled(signed)
        self.revenue_start_button.setVisible(
            self._can_edit and t is not None and t.draft.form == "pay_later"
        )
        self.revenue_start_button.setEnabled(signed)
        invest = t is not None and t.draft.form == "invest_then_equity"
        converted = view is not None and any(e.kind == "equity" for e in view.entries)
        self.convert_button.setVisible(self._can_edit and invest)
        self.convert_button.setEnabled(invest and state == "signed" and not converted)
        approval = view.secrecy_approval if view is not None else None
        self.secrecy_button.setEnabled(
            view is not None
            and view.classified
            and state in OPEN_STATES
            and (approval is None or approval.status not in ("pending", "approved"))
        )
        self.export_button.setEnabled(
            view is not None and view.overseas and state not in CLOSED_STATES
        )
