"""The counterparties page in Chinese over a real vault: the list and its search, registering
and correcting a counterparty, and a credit code registered twice refused at its field."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from PySide6.QtCore import Qt

from db.vault import Vault
from desktop.domain.accounts import User
from desktop.ui.pages.counterparties_page import CounterpartiesPage, CounterpartyDialog
from desktop.ui.tasks import TaskRunner
from tests.support import FixedClock
from tests.ui.grants_world import delete_later
from tests.ui.transformations_world import TransformWorld, credit_code

LEFT = Qt.MouseButton.LeftButton


@pytest.fixture
def world(unlocked: tuple[Vault, User], clock: FixedClock) -> TransformWorld:
    return TransformWorld(unlocked[0], clock)


@pytest.fixture
def runner() -> Iterator[TaskRunner]:
    runner = TaskRunner()
    yield runner
    runner.wait()


@pytest.fixture
def make_page(  # type: ignore[no-untyped-def]
    zh_app, world: TransformWorld, runner: TaskRunner, qtbot
) -> Iterator[Callable[..., CounterpartiesPage]]:
    made: list[CounterpartiesPage] = []

    def make(actor: User | None = None) -> CounterpartiesPage:
        page = CounterpartiesPage(world.services, runner, actor or world.officer)
        qtbot.addWidget(page)
        page.resize(1000, 600)
        page.show()
        with qtbot.waitSignal(page.reloaded, timeout=5000):
            page.reload()
        made.append(page)
        return page

    yield make
    runner.wait()
    delete_later(made)


def row_texts(page: CounterpartiesPage, row: int = 0) -> list[str]:
    return [page.model.data(page.model.index(row, c)) for c in range(page.model.columnCount())]


def open_new(page: CounterpartiesPage, qtbot) -> CounterpartyDialog:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(page.add_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, CounterpartyDialog)
    return dialog


def test_the_list_shows_each_counterparty(make_page, world) -> None:  # type: ignore[no-untyped-def]
    world.party()
    world.party(
        name="Foreign GmbH",
        region="overseas",
        credit_code="HRB 12345",
        size="large",
        ownership="non_state",
    )
    page = make_page()
    assert page.count_label.text() == "共 2 个合作方"
    rows = sorted(row_texts(page, r) for r in range(2))
    assert rows == [
        ["Foreign GmbH", "HRB 12345", "非国有", "大型企业", "境外", ""],
        ["沈阳第1科技有限公司", credit_code(1), "非国有", "小型企业", "境内", ""],
    ]


def test_searching_narrows_the_list(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    world.party()
    world.party(name="大连海洋装备有限公司")
    page = make_page()
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        page.search_edit.setText("大连")
    assert [c.name for c in page.counterparties] == ["大连海洋装备有限公司"]


def test_a_counterparty_is_registered_and_selected(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    dialog = open_new(page, qtbot)
    form = dialog.form
    form.name_edit.setText("鞍山钢铁新材料有限公司")
    form.credit_code_edit.setText(credit_code(7).lower())
    form.ownership_combo.setCurrentIndex(form.ownership_combo.findData("state_wholly"))
    form.size_combo.setCurrentIndex(form.size_combo.findData("large"))
    form.contact_edit.setText("王经理 0412-1234567")
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        dialog.save()
    selected = page.selected()
    assert selected is not None and selected.name == "鞍山钢铁新材料有限公司"
    assert selected.draft.credit_code == credit_code(7)  # normalised by the domain
    assert row_texts(page)[2:5] == ["国有全资", "大型企业", "境内"]


def test_a_duplicate_credit_code_is_refused_at_the_credit_code_field(  # type: ignore[no-untyped-def]
    make_page, world, qtbot
) -> None:
    world.party()
    page = make_page()
    dialog = open_new(page, qtbot)
    dialog.form.name_edit.setText("另一家科技有限公司")
    dialog.form.credit_code_edit.setText(credit_code(1))
    dialog.save()
    qtbot.waitUntil(lambda: dialog.form.error_text("credit_code") != "", timeout=5000)
    message = dialog.form.error_text("credit_code")
    assert credit_code(1) in message and "沈阳第1科技有限公司" in message
    assert dialog.isVisible()  # what was typed stays
    assert dialog.form.name_edit.text() == "另一家科技有限公司"
    assert len(world.parties.search(world.officer)) == 1
    dialog.reject()


def test_a_bad_credit_code_is_refused_at_its_field(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    dialog = open_new(page, qtbot)
    dialog.form.name_edit.setText("某公司")
    dialog.form.credit_code_edit.setText("91210100MA0000001X")
    dialog.save()
    qtbot.waitUntil(lambda: dialog.form.error_text("credit_code") != "", timeout=5000)
    dialog.reject()


def test_a_party_abroad_is_asked_for_its_registration_number(make_page, qtbot) -> None:  # type: ignore[no-untyped-def]
    page = make_page()
    form = open_new(page, qtbot).form
    label = form.fields.layout_.labelForField(form.credit_code_edit.parentWidget())
    assert label.text() == "统一社会信用代码"
    form.region_combo.setCurrentIndex(form.region_combo.findData("overseas"))
    assert label.text() == "境外登记号"
    assert form.credit_code_edit.placeholderText() == "境外合作方可不填"
    page.dialog.reject()


def test_a_counterparty_is_corrected(make_page, world, qtbot) -> None:  # type: ignore[no-untyped-def]
    cp = world.party()
    page = make_page()
    assert not page.edit_button.isEnabled()
    assert page.select(cp)
    qtbot.mouseClick(page.edit_button, LEFT)
    dialog = page.dialog
    assert isinstance(dialog, CounterpartyDialog)
    assert dialog.form.name_edit.text() == "沈阳第1科技有限公司"
    dialog.form.size_combo.setCurrentIndex(dialog.form.size_combo.findData("micro"))
    with qtbot.waitSignal(page.reloaded, timeout=5000):
        dialog.save()
    assert world.parties.get(world.officer, cp).draft.size == "micro"
    assert row_texts(page)[3] == "微型企业"


def test_readers_see_the_list_but_cannot_change_it(make_page, world) -> None:  # type: ignore[no-untyped-def]
    world.party()
    page = make_page(world.reader)
    assert page.model.rowCount() == 1
    assert not page.add_button.isVisible() and not page.edit_button.isVisible()
