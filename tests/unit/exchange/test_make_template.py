"""The committed import template is exactly what the script makes, and the script's output does
not depend on when it runs."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pytest

from desktop.exchange import make_template
from desktop.resources import resource_path


def _parts(data: bytes) -> dict[str, bytes]:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {info.filename: archive.read(info) for info in archive.infolist()}


def test_the_committed_template_is_what_the_script_makes() -> None:
    committed = resource_path(make_template.TEMPLATE).read_bytes()
    # Compared part by part, so another zlib compressing differently does not matter.
    assert _parts(committed) == _parts(make_template.build_template()), (
        "run: python -m desktop.exchange.make_template"
    )


def test_the_output_is_deterministic(monkeypatch: pytest.MonkeyPatch) -> None:
    first = make_template.build_template()
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {info.date_time for info in archive.infolist()} == {make_template._ZIP_TIME}
        core = archive.read("docProps/core.xml").decode()
    assert core.count("2026-01-01T00:00:00Z") == 2  # created and modified
    assert make_template.build_template() == first


def test_main_writes_the_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "template.xlsx"
    assert make_template.main([str(out)]) == 0
    assert _parts(out.read_bytes()) == _parts(make_template.build_template())
    assert str(out) in capsys.readouterr().out
