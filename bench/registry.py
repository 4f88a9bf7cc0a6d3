"""The achievement register at 100,000 records: first page, search, import and memory, beside
plain SQLite.

Prints figures; it is not a test. Run with ``make bench`` or ``.venv/bin/python bench/registry.py``
(bench/README.md explains the figures).

It builds (once; later runs reuse it) a vault with ``--count`` demo achievements through
``desktop.exchange.demo`` (``generate`` + ``load``: the first-run set-up, accounts, people, and the
records through the register's import, each audited) with the fast test KDF, then measures as the
transfer officer (clearance 绝密, so every record is visible), unlocked read-only:

1. first page: the service calls ``count`` + ``page(0, 200)`` (and the last page); and
   ``AchievementsPage`` built in an offscreen QApplication and ``reload()``-ed until the view has
   fetched its first rows;
2. search: 130 distinct queries taken from the vault (1, 2, 3, 4+ character pieces of titles,
   completers' names, IP-number pieces, two-term queries, misses), each ``count`` +
   ``page(0, 100)`` through ``AchievementService``; also the list sorted by each column and a few
   filters;
3. import: the newest ``--import-rows`` records written to an xlsx as the export writes them,
   then ``preview_import`` + ``import_rows(only_good=True)`` into a copy of the vault;
4. peak memory: a child process opens the vault, shows the page, jumps to the end of the list and
   back (with ``--every-page``, then reads every page), and reports ``ru_maxrss`` after each step;
   beside it a child that only shows a QTableView;
5. baseline: the same ``db.achievements`` queries on a plain copy of the vault (``sqlcipher_export``
   into a temporary file, deleted at the end) through SQLAlchemy engines opened with the vault's
   pragmas: SQLCipher's driver given no key (same SQLite, no encryption) and stdlib ``sqlite3``.

``--analyze`` measures a copy of the vault after ``ANALYZE`` (a what-if: the vault has no planner
statistics); ``--profile`` prints query plans and cProfile output for the slow parts.
"""

from __future__ import annotations

import argparse
import contextlib
import cProfile
import io
import math
import os
import pstats
import random
import re
import resource
import shutil
import signal
import sqlite3
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from machine import with_sqlite  # noqa: E402 (bench/machine.py, beside this script)
from sqlalchemy import Connection, Engine, create_engine, event  # noqa: E402

from db import achievements as db_achievements  # noqa: E402
from db import connection, unit  # noqa: E402
from db import people as db_people  # noqa: E402
from db.kdf import KdfParams  # noqa: E402
from db.vault import Vault  # noqa: E402
from desktop.domain.accounts import User  # noqa: E402
from desktop.domain.achievements import SORT_KEYS, AchievementQuery, AchievementRow  # noqa: E402
from desktop.domain.permissions import visible_levels  # noqa: E402
from desktop.domain.pool import cutoff as pool_cutoff  # noqa: E402
from desktop.exchange import demo  # noqa: E402
from desktop.exchange.achievements_xlsx import (  # noqa: E402
    export_bytes,
    person_labels,
)
from desktop.services.bundle import Services, build_services, local_now  # noqa: E402

FIRST_PAGE_GOAL_S = 0.200
SEARCH_P95_GOAL_S = 0.050
IMPORT_GOAL_S = 10.0
MEMORY_GOAL_MB = 300  # 10^6 bytes
FAST_KDF = KdfParams(memory_kib=8 * 1024, iterations=1, lanes=1)  # = tests.support.TEST_KDF
PASSPHRASE = "Bench-Liaoning-2025-chengguo"
OFFICER = "officer"  # demo.ACCOUNTS: the transfer officer, clearance raised to 绝密 by demo.load
CACHE_FORMAT = 1  # bump when the way the cached vault is built changes
PAGE_ROWS = 200  # desktop.ui.models.paged_table_model.PAGE_SIZE
SEARCH_ROWS = 100
VAULT = "vault (service)"
TIMEOUT = 600


# -- figures ------------------------------------------------------------------------------------
def p95(values: Sequence[float]) -> float:
    """Nearest-rank 95th percentile."""
    ordered = sorted(values)
    return ordered[max(0, math.ceil(0.95 * len(ordered)) - 1)]


def ms(seconds: float) -> str:
    return f"{seconds * 1000:8.1f}"


def timed(fn: Callable[..., Any], *args: Any) -> tuple[float, Any]:
    started = time.perf_counter()
    value = fn(*args)
    return time.perf_counter() - started, value


def verdict(ok: bool) -> str:
    return "met" if ok else "NOT met"


def machine() -> str:
    return with_sqlite()


# -- the vault ----------------------------------------------------------------------------------
def default_vault_path(cache: Path, count: int, seed: int) -> Path:
    return cache / f"registry-{count}-{seed}-v{CACHE_FORMAT}" / "vault.db"


def vault_files(db_path: Path) -> list[Path]:
    names = (db_path.name, db_path.name + ".keys", db_path.name + "-wal", db_path.name + "-shm")
    return [db_path.with_name(n) for n in names if db_path.with_name(n).exists()]


def vault_mib(db_path: Path) -> float:
    return sum(p.stat().st_size for p in vault_files(db_path) if p.suffix != ".keys") / 2**20


def build_vault(db_path: Path, count: int, seed: int) -> float:
    """A new demo vault at ``db_path``, built in a hidden folder beside it and moved in place
    when complete, the database file last (an interrupted build is never taken for a vault).
    Returns the seconds it took."""
    db_path.parent.mkdir(parents=True, exist_ok=True)
    partial = db_path.parent / f".{db_path.name}.partial"
    shutil.rmtree(partial, ignore_errors=True)
    partial.mkdir()
    try:
        vault = Vault(partial / db_path.name)
        clock = demo.DemoClock()
        services = build_services(vault, now=clock, kdf=lambda: FAST_KDF)
        data = demo.generate(count, seed=seed, today=local_now().date())
        shown = [0]

        def progress(done: int, total: int) -> None:
            tenth = done * 10 // max(total, 1)
            if tenth > shown[0]:
                shown[0] = tenth
                seconds = time.perf_counter() - started
                print(f"  {done:,}/{total:,} after {seconds:.0f} s", flush=True)

        started = time.perf_counter()
        try:
            result = demo.load(services, clock, data, passphrase=PASSPHRASE, progress=progress)
        finally:
            vault.lock()
        seconds = time.perf_counter() - started
        print(
            f"  {result.achievements:,} achievements, {result.people:,} people in "
            f"{seconds:.0f} s ({result.achievements / seconds:,.0f} records/s, KDF m=8 MiB t=1)"
        )
        built = sorted(partial.iterdir(), key=lambda p: p.name == db_path.name)
        for path in built:  # key slots, throttle file, WAL if any, then the database
            if not path.name.endswith("-shm"):
                os.replace(path, db_path.parent / path.name)
    finally:
        shutil.rmtree(partial, ignore_errors=True)
    return seconds


def open_services(db_path: Path) -> tuple[Services, User]:
    """Services over the vault, unlocked read-only as the officer (no audit entry written)."""
    services = build_services(Vault(db_path), kdf=lambda: FAST_KDF)
    ids = [user_id for user_id, login in services.session.logins() if login == OFFICER]
    if not ids:
        raise SystemExit(f"{db_path} has no login {OFFICER!r}: not a demo vault")
    return services, services.session.unlock_read_only(ids[0], PASSPHRASE)


def copy_vault(db_path: Path, dest: Path) -> Path:
    """A copy of a locked vault's files (database, WAL if any, key slots) in folder ``dest``."""
    dest.mkdir(parents=True, exist_ok=True)
    for path in vault_files(db_path):
        if not path.name.endswith("-shm"):
            shutil.copyfile(path, dest / path.name)
    return dest / db_path.name


# -- plain SQLite baseline ---------------------------------------------------------------------
def export_plain(services: Services, dest: Path) -> None:
    """The whole vault decrypted into a plain SQLite file (SQLCipher's sqlcipher_export)."""
    vault = services.achievements._vault
    with vault.read() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        raw.execute("ATTACH DATABASE ? AS plaintext KEY ''", (str(dest),))
        try:
            raw.execute("SELECT sqlcipher_export('plaintext')").fetchall()
        finally:
            raw.execute("DETACH DATABASE plaintext")


def plain_engine(path: Path, module: Any) -> Engine:
    """An engine over the plain file through the DB-API ``module`` (stdlib ``sqlite3``, or
    SQLCipher's driver given no key, which then reads plain SQLite files), opened like the
    vault's: the same pragmas but the cipher's, explicit BEGIN as db.vault does."""

    def connect() -> Any:
        conn = module.connect(str(path), isolation_level=None, check_same_thread=False)
        for pragma in connection.PRAGMAS:
            if "cipher" not in pragma:
                conn.execute(pragma).fetchall()
        return conn

    engine = create_engine("sqlite://", module=module, creator=connect)

    @event.listens_for(engine, "begin")
    def _begin(conn: Connection) -> None:
        conn.exec_driver_sql("BEGIN")

    return engine


@dataclass(frozen=True)
class Lister:
    """count + list_page for one query, on either database: ``read`` opens a connection with a
    read transaction, ``levels``/``cutoff`` are the officer's scope as the service passes it."""

    read: Callable[[], contextlib.AbstractContextManager[Connection]]
    levels: tuple[str, ...]
    cutoff: date

    def run(self, query: AchievementQuery, offset: int, limit: int) -> int:
        with self.read() as conn:
            n = db_achievements.count(conn, query, levels=self.levels, pool_cutoff=self.cutoff)
            rows = db_achievements.list_page(
                conn,
                query,
                levels=self.levels,
                offset=offset,
                limit=limit,
                pool_cutoff=self.cutoff,
            )
        assert len(rows) == min(limit, max(0, n - offset))
        return n


def service_lister(
    services: Services, officer: User
) -> Callable[[AchievementQuery, int, int], int]:
    service = services.achievements

    def run(query: AchievementQuery, offset: int, limit: int) -> int:
        n = service.count(officer, query)
        rows = service.page(officer, offset, limit, query)
        assert len(rows) == min(limit, max(0, n - offset))
        return n

    return run


# -- search queries -----------------------------------------------------------------------------
@dataclass(frozen=True)
class Search:
    kind: str
    text: str


SEARCH_KINDS = (
    ("1 char", 15),
    ("2 chars", 20),
    ("3 chars", 20),
    ("4+ chars", 20),
    ("person name", 15),
    ("IP number part", 15),
    ("two terms", 15),
    ("miss", 10),
)
MISSES = (
    "鲸",
    "舰",
    "区块",
    "石墨烯",
    "量子计算",
    "脑机接口",
    "钙钛矿电池",
    "航空发动机叶片",
    "ZX2099",
    "区块链 溯源",
)
_CJK = re.compile(r"[\u4e00-\u9fff]+")


def search_queries(services: Services, officer: User, seed: int) -> list[Search]:
    """Realistic queries drawn from the vault itself (so ``--vault`` may hold any demo data)."""
    rng = random.Random(f"bench-registry-{seed}")
    service = services.achievements
    total = service.count(officer, AchievementQuery())
    rows = []
    for _ in range(10):
        rows += service.page(
            officer, rng.randrange(max(1, total - PAGE_ROWS)), 50, AchievementQuery()
        )
    runs = [run for r in rows for run in _CJK.findall(r.title)]
    numbers = [n for r in rows for n in r.ip_numbers.split("，") if n]
    names = [p.name for p in services.people.page(officer, 0, 2000)]

    def piece(length: int) -> str:
        candidates = [r for r in runs if len(r) >= length]
        run = rng.choice(candidates)
        start = rng.randrange(len(run) - length + 1)
        return run[start : start + length]

    def number_part() -> str:
        number = rng.choice(numbers)
        how = rng.randrange(3)
        if how == 0:
            return number  # the whole number, as pasted from a certificate
        if how == 1:
            return number[: rng.randint(6, min(10, len(number)))]  # its beginning
        return number[-rng.randint(5, min(8, len(number))) :]  # its end, check digit included

    makers: dict[str, Callable[[], str]] = {
        "1 char": lambda: piece(1),
        "2 chars": lambda: piece(2),
        "3 chars": lambda: piece(3),
        "4+ chars": lambda: piece(rng.randint(4, 8)),
        "person name": lambda: rng.choice(names),
        "IP number part": number_part,
        "two terms": lambda: f"{piece(rng.randint(2, 3))} {piece(rng.randint(2, 4))}",
    }
    queries = [Search("miss", m) for m in MISSES]
    texts = set(MISSES)
    for kind, n in SEARCH_KINDS:
        if kind not in makers:
            continue
        for _ in range(50 * n):  # distinct texts; a small vault may have fewer to offer
            if sum(q.kind == kind for q in queries) == n:
                break
            text = makers[kind]()
            if text not in texts:
                texts.add(text)
                queries.append(Search(kind, text))
    return queries


# -- 1. first page ------------------------------------------------------------------------------
@dataclass(frozen=True)
class FirstPage:
    build: float  # AchievementsPage() + show()
    reload: float  # page.reload() returning: the count and the first page go to the worker
    rows: float  # from reload() until the count and the first page of rows have arrived
    total: float  # from construction until those rows are painted


def first_page_ui(services: Services, officer: User, runs: int) -> list[FirstPage]:
    """The register page's first page, as the user waits for it: ``reload()`` starts the count
    and the first page on the worker and returns; the model resets when both arrive
    (``loaded``), and the view paints the rows."""
    from PySide6.QtCore import QEventLoop, QTimer
    from PySide6.QtWidgets import QApplication

    from desktop.ui.i18n import install_font, install_translation
    from desktop.ui.models.paged_table_model import PLACEHOLDER
    from desktop.ui.pages.achievements_page import TITLE_COLUMN, AchievementsPage
    from desktop.ui.tasks import TaskRunner

    os.environ["QT_QPA_PLATFORM"] = "offscreen"
    quiet_qt()
    app = QApplication.instance() or QApplication([sys.argv[0]])
    assert isinstance(app, QApplication)
    install_font(app)
    translator = install_translation(app, "zh_CN")  # noqa: F841 (kept alive while in use)
    runner = TaskRunner()
    results = []
    for _ in range(runs + 1):  # the first is a warm-up (imports, fonts, first paint)
        started = time.perf_counter()
        page = AchievementsPage(
            services.achievements, services.people, services.unit, runner, officer
        )
        page.resize(1280, 800)
        page.show()
        built = time.perf_counter()
        arrived: list[float] = []
        # Wait in Qt's event loop (it lets the worker run), not in a busy loop.
        loop, timeout = QEventLoop(), QTimer()
        timeout.setSingleShot(True)
        timeout.timeout.connect(loop.quit)
        page.model.loaded.connect(lambda times=arrived: times.append(time.perf_counter()))
        page.model.loaded.connect(loop.quit)
        page.model.failed.connect(loop.quit)
        timeout.start(30_000)
        page.reload()
        reloaded = time.perf_counter()
        loop.exec()
        timeout.stop()
        if not arrived:
            raise SystemExit("the list's count and first page never arrived")
        page.table.viewport().repaint()  # the paint that shows the rows, now
        done = time.perf_counter()
        model = page.model
        if model.rowCount() == 0 or model.data(model.index(0, TITLE_COLUMN)) == PLACEHOLDER:
            raise SystemExit("the first page was not shown")
        results.append(
            FirstPage(built - started, reloaded - built, arrived[0] - reloaded, done - started)
        )
        runner.wait()  # the filter choices (departments, years) on the worker thread
        app.processEvents()
        page.close()
        page.deleteLater()
        app.processEvents()
    return results[1:]


# -- 3. import ----------------------------------------------------------------------------------
def write_import_file(services: Services, officer: User, path: Path, rows: int, seed: int) -> None:
    """``rows`` new records (demo data of another seed, completers and departments taken from the
    vault) written as the register's export writes them. New, because an import refuses IP numbers
    the vault already holds: exporting the vault's own records would import nothing."""
    vault = services.achievements._vault
    with vault.read() as conn:
        everyone = db_people.list_page(conn, offset=0, limit=db_people.count(conn))
        departments = unit.list_departments(conn)
    person_ids = sorted(p.id for p in everyone)
    department_ids = sorted(d.id for d in departments)
    data = demo.generate(args_count_for_people(len(person_ids)), seed=seed + 1, today=date.today())
    drafts: dict[int, Any] = {}
    listed = []
    for number, made in enumerate(data.achievements(), start=1):
        if number > rows:
            break
        draft = demo.bind(made.draft, department_ids, person_ids)
        drafts[number] = draft
        listed.append(
            AchievementRow(
                number, draft.title, draft.kind, "registered", draft.level, "", 0, "", ""
            )
        )
    path.write_bytes(
        export_bytes(
            listed,
            drafts=drafts,
            person_labels=person_labels(everyone),
            exported_at=datetime.now().isoformat(timespec="minutes"),
            exported_by="bench",
        )
    )


def args_count_for_people(people: int) -> int:
    """A demo count whose generated people are as many as the vault's (demo.generate sizes its
    register from the count), so generated completers map onto real people."""
    count = max(0, (people - 20) * 20)
    if len(demo.generate(count, today=date.today()).people) != people:
        raise SystemExit(f"cannot match a demo register of {people} people")
    return count


@dataclass(frozen=True)
class Imported:
    preview: float
    imported: float
    good: int
    bad: int


def import_into(db_path: Path, xlsx: Path, *, profile: bool) -> Imported:
    """Time preview_import and import_rows into the vault at ``db_path`` (a copy). With
    ``profile``, a second import of the first 1,000 rows runs under cProfile afterwards, so
    the profiler's overhead stays out of the timed figures."""
    services, officer = open_services(db_path)
    service = services.achievements
    try:
        preview_s, preview = timed(service.preview_import, officer, xlsx)
        import_s, n = timed(lambda: service.import_rows(officer, preview, only_good=True))
        if profile:
            # The same rows again, without their IP numbers (the vault holds those now).
            rows = tuple(
                replace(r, draft=replace(r.draft, ip_rights=())) for r in preview.rows[:1000]
            )
            part = replace(preview, rows=rows, problems=())
            profiler = cProfile.Profile()
            profiler.runcall(service.preview_import, officer, xlsx)
            print_profile(profiler, f"preview_import ({preview.row_count:,} rows)", 15)
            profiler = cProfile.Profile()
            profiler.runcall(service.import_rows, officer, part, only_good=True)
            print_profile(profiler, f"import_rows ({len(part.rows):,} rows)", 15)
    finally:
        services.session.lock()
    return Imported(preview_s, import_s, n, len(preview.bad_rows))


# -- 4. memory (child processes) ----------------------------------------------------------------
def peak() -> str:
    """``ru_maxrss`` and, where Linux has it, VmHWM (the peak RSS of this program image), in MB."""
    maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6  # KiB on Linux
    status = Path("/proc/self/status")
    hwm = maxrss
    if status.exists():
        for field in status.read_text().splitlines():
            if field.startswith("VmHWM:"):
                hwm = int(field.split()[1]) * 1024 / 1e6
    return f"{maxrss:.1f} {hwm:.1f}"


def quiet_qt() -> None:
    """The offscreen platform warns on every top-level window; the rest still goes to stderr."""
    from PySide6.QtCore import QMessageLogContext, QtMsgType, qInstallMessageHandler

    def handler(_kind: QtMsgType, _context: QMessageLogContext, message: str) -> None:
        if "propagateSizeHints" not in message:
            print(message, file=sys.stderr)

    qInstallMessageHandler(handler)


def memory_child(db_path: Path, every_page: bool) -> None:
    """Run in a child: report the peak memory after each step, one ``name value…`` line each."""
    passphrase = sys.stdin.readline().rstrip("\n")
    from PySide6.QtWidgets import QApplication

    from desktop.ui.i18n import install_font, install_translation
    from desktop.ui.pages.achievements_page import AchievementsPage
    from desktop.ui.tasks import TaskRunner

    quiet_qt()
    app = QApplication([sys.argv[0]])
    install_font(app)
    translator = install_translation(app, "zh_CN")  # noqa: F841
    print("started", peak(), flush=True)
    services = build_services(Vault(db_path), kdf=lambda: FAST_KDF)
    officer_id = next(i for i, login in services.session.logins() if login == OFFICER)
    officer = services.session.unlock_read_only(officer_id, passphrase)
    print("unlocked", peak(), flush=True)
    runner = TaskRunner()
    page = AchievementsPage(services.achievements, services.people, services.unit, runner, officer)
    page.resize(1280, 800)
    page.show()
    page.reload()
    model, table = page.model, page.table

    def settle(wanted: Callable[[], bool]) -> None:
        deadline = time.monotonic() + TIMEOUT
        while not wanted():
            if time.monotonic() > deadline:
                raise SystemExit("the view did not settle")
            app.processEvents()
        runner.wait()
        app.processEvents()

    pages = model._pages  # which pages the model holds: the only way to see that it fetched
    settle(lambda: 0 in pages)
    print("shown", peak(), flush=True)
    print("rows", model.rowCount(), flush=True)
    last = (model.rowCount() - 1) // PAGE_ROWS
    started = time.perf_counter()
    table.scrollToBottom()
    settle(lambda: last in pages)
    print("jump_seconds", time.perf_counter() - started, flush=True)
    table.scrollToTop()
    app.processEvents()
    print("end_and_back", peak(), flush=True)
    print("pages_jump", len(pages), flush=True)
    if every_page:
        started = time.perf_counter()
        for number in range(last + 1):  # what holding Page Down through the whole list does
            model.request_row(number * PAGE_ROWS)
        settle(lambda: len(pages) == last + 1)
        print("every_page_seconds", time.perf_counter() - started, flush=True)
        table.scrollToBottom()
        settle(lambda: True)
        print("every_page", peak(), flush=True)
        print("pages_held", len(pages), flush=True)
    page.close()
    services.session.lock()


BARE_CHILD = r"""
import resource, sys
from PySide6.QtGui import QStandardItemModel
from PySide6.QtWidgets import QApplication, QTableView
app = QApplication(sys.argv[:1])
view = QTableView()
view.setModel(QStandardItemModel(200, 9))
view.resize(1280, 800)
view.show()
app.processEvents()
maxrss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss * 1024 / 1e6
status = open("/proc/self/status").read()
hwm = int(status.split("VmHWM:")[1].split()[0]) * 1024 / 1e6
print("shown", maxrss, hwm, flush=True)
"""
# Linux keeps the largest RSS a process had across exec, and a child made by fork/vfork starts
# with its parent's: spawned from this (large) process, a child's ru_maxrss would report ours.
# A small Python in between (its own ru_maxrss is polluted, never read) starts them clean.
LAUNCHER = "import subprocess, sys; sys.exit(subprocess.call(sys.argv[1:]))"


def run_child(args: list[str], stdin: str) -> dict[str, list[float]]:
    """``name value…`` lines the child printed, by name."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", PYTHONPATH=str(ROOT))
    done = subprocess.run(
        [sys.executable, "-c", LAUNCHER, sys.executable, *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        timeout=TIMEOUT,
    )
    if done.returncode != 0:
        raise SystemExit(f"child failed (exit {done.returncode}):\n{done.stderr}")
    marks: dict[str, list[float]] = {}
    for line in done.stdout.splitlines():
        name, *values = line.split()
        marks[name] = [float(v) for v in values]
    return marks


# -- profiling ----------------------------------------------------------------------------------
def print_profile(profiler: cProfile.Profile, label: str, lines: int) -> None:
    """The project's own functions by cumulative time, then everything by own time."""
    print(f"\n  cProfile of {label} (times include the profiler's overhead)")
    for title, sort, restrictions in (
        ("our functions, by cumulative time", "cumulative", (str(ROOT / "(db|desktop)") + "/",)),
        ("all functions, by own time", "tottime", ()),
    ):
        out = io.StringIO()
        pstats.Stats(profiler, stream=out).sort_stats(sort).print_stats(*restrictions, lines)
        body = out.getvalue()
        print(f"    {title}:")
        for text in body[body.find("   ncalls") :].rstrip().splitlines():
            print("    " + text.replace(str(ROOT) + "/", "")[:150])


@contextlib.contextmanager
def captured(engine: Engine) -> Iterator[list[tuple[str, Any]]]:
    """The SQL statements (with their parameters) run on ``engine`` inside the block."""
    statements: list[tuple[str, Any]] = []

    def before(_conn: Any, _cursor: Any, statement: str, params: Any, *_: Any) -> None:
        statements.append((statement, params))

    event.listen(engine, "before_cursor_execute", before)
    try:
        yield statements
    finally:
        event.remove(engine, "before_cursor_execute", before)


def query_plans(engine: Engine, statements: list[tuple[str, Any]]) -> list[str]:
    """SQLite's plan of each SELECT, one line each (EXPLAIN QUERY PLAN, same parameters)."""
    plans = []
    with engine.connect() as conn:
        raw = conn.connection.driver_connection
        assert raw is not None
        for statement, params in statements:
            if statement.lstrip().upper().startswith("SELECT"):
                rows = raw.execute(f"EXPLAIN QUERY PLAN {statement}", params).fetchall()
                plans.append(" / ".join(str(r[-1]) for r in rows))
    return plans


# -- main ---------------------------------------------------------------------------------------
def line(label: str, values: Sequence[float], note: str = "") -> str:
    shown = " ".join(f"{v * 1000:.0f}" for v in values[:12]) + (" …" if len(values) > 12 else "")
    return (
        f"  {label:<40} median {ms(statistics.median(values))} ms  p95 {ms(p95(values))} ms"
        f"  [{shown}]{note}"
    )


SECTIONS = ("lists", "page", "import", "memory")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=100_000, help="achievements (default 100,000)")
    parser.add_argument("--seed", type=int, default=demo.DEFAULT_SEED, help="demo data seed")
    parser.add_argument(
        "--vault",
        type=Path,
        help="use this demo vault (built there when missing); its logins must open with the "
        "bench passphrase. Default: a cached vault under --cache, keyed by count and seed",
    )
    parser.add_argument(
        "--cache",
        type=Path,
        default=Path(tempfile.gettempdir()) / "td-bench-registry",
        help="folder of cached vaults (default: %(default)s)",
    )
    parser.add_argument(
        "--only",
        default=",".join(SECTIONS),
        help="comma-separated sections to run: lists (service first page, search, sorts, "
        "filters, plain SQLite), page (the widget), import, memory (default: all)",
    )
    parser.add_argument("--runs", type=int, default=7, help="timed runs of each first page")
    parser.add_argument("--passes", type=int, default=3, help="passes over the search queries")
    parser.add_argument("--import-rows", type=int, default=10_000, help="rows imported")
    parser.add_argument(
        "--analyze",
        action="store_true",
        help="what-if: measure a copy of the vault after ANALYZE (planner statistics)",
    )
    parser.add_argument(
        "--profile", action="store_true", help="cProfile the slowest searches and the import"
    )
    parser.add_argument(
        "--every-page",
        action="store_true",
        help="memory: also read every page of the list, as Page Down to the end would (slow)",
    )
    parser.add_argument("--memory-child", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.memory_child is not None:
        memory_child(args.memory_child, args.every_page)
        return 0
    sections = {name.strip() for name in args.only.split(",") if name.strip()}
    if not sections or not sections <= set(SECTIONS):
        parser.error(f"--only takes a comma-separated choice of {', '.join(SECTIONS)}")
    # Killed (timeout, Ctrl+C): still delete the plaintext copy and the vault copies.
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))

    print(f"machine: {machine()}")
    db_path: Path = args.vault or default_vault_path(args.cache, args.count, args.seed)
    if db_path.exists():
        print(f"vault: reusing {db_path} ({vault_mib(db_path):.0f} MiB)")
    else:
        print(f"vault: building {db_path} with {args.count:,} achievements (seed {args.seed})")
        build_vault(db_path, args.count, args.seed)
        print(f"  vault file {vault_mib(db_path):.0f} MiB")

    with tempfile.TemporaryDirectory(prefix="td-bench-registry-") as tmp:
        work = Path(tmp)
        if args.analyze:
            db_path = copy_vault(db_path, work / "analyzed")
            seconds = analyze(db_path)
            print(f"what-if: measuring a copy after ANALYZE (which took {seconds:.2f} s)")
        # The import goes into a copy made before anyone opens the vault (nothing in the WAL).
        import_copy = copy_vault(db_path, work / "import") if "import" in sections else None
        services, officer = open_services(db_path)
        try:
            goals = run_sections(args, sections, services, officer, db_path, import_copy, work)
        finally:
            services.session.lock()
            # the plaintext copy and the vault copies go with the folder
    print("\ngoals (set for 100,000 records and 10,000 imported rows)")
    for text in goals:
        print(f"  {text}")
    return 0


def analyze(db_path: Path) -> float:
    """Run ANALYZE on the vault at ``db_path`` (a copy): the statistics the planner lacks."""
    services, _officer = open_services(db_path)
    try:
        with services.achievements._vault.read() as conn:
            raw = conn.connection.driver_connection
            assert raw is not None
            seconds, _ = timed(lambda: raw.execute("ANALYZE").fetchall())
    finally:
        services.session.lock()
    return seconds


def run_sections(
    args: argparse.Namespace,
    sections: set[str],
    services: Services,
    officer: User,
    db_path: Path,
    import_copy: Path | None,
    work: Path,
) -> list[str]:
    """Run the chosen sections; returns one line per goal measured."""
    total = services.achievements.count(officer, AchievementQuery())
    print(f"  {total:,} achievements visible to {officer.display_name} ({officer.clearance})")
    goals = []
    if "lists" in sections:
        search = section_lists(args, services, officer, work, total)
        goals.append(
            f"search p95 ≤ {SEARCH_P95_GOAL_S * 1000:.0f} ms: {p95(search) * 1000:.0f} ms "
            f"over {len(search)} timings: {verdict(p95(search) <= SEARCH_P95_GOAL_S)}"
        )
    if "page" in sections:
        first = section_page(args, services, officer)
        goals.append(
            f"first page shown ≤ {FIRST_PAGE_GOAL_S * 1000:.0f} ms: median "
            f"{first * 1000:.0f} ms: {verdict(first <= FIRST_PAGE_GOAL_S)}"
        )
    if import_copy is not None:
        seconds = section_import(args, services, officer, import_copy, work)
        goals.append(
            f"import {args.import_rows:,} rows ≤ {IMPORT_GOAL_S:.0f} s: {seconds:.1f} s: "
            f"{verdict(seconds <= IMPORT_GOAL_S)}"
        )
    if "memory" in sections:
        memory, every = section_memory(db_path, args.every_page)
        also = "" if every is None else f" (every page read: {every:.0f} MB)"
        goals.append(
            f"peak memory with the list open ≤ {MEMORY_GOAL_MB} MB: {memory:.0f} MB{also}: "
            f"{verdict(memory <= MEMORY_GOAL_MB)}"
        )
    return goals


def section_lists(
    args: argparse.Namespace, services: Services, officer: User, work: Path, total: int
) -> list[float]:
    """Sections 1a, 2 and 5; returns every search timing on the vault."""
    from sqlcipher3 import dbapi2

    plain_path = work / "plain.db"
    try:
        seconds, _ = timed(export_plain, services, plain_path)
        print(
            f"baseline: sqlcipher_export to a plain SQLite file in {seconds:.1f} s "
            f"({plain_path.stat().st_size / 2**20:.0f} MiB, deleted at the end)"
        )
        same = plain_engine(plain_path, dbapi2)
        stdlib = plain_engine(plain_path, sqlite3)
        try:
            scope = (visible_levels(officer), pool_cutoff(date.today()))
            engines: dict[str, Callable[[AchievementQuery, int, int], int]] = {
                VAULT: service_lister(services, officer),
                f"plain, SQLite {dbapi2.sqlite_version}": Lister(same.connect, *scope).run,
            }
            # The short-term index needs FTS5's contentless_delete (SQLite 3.43).
            if sqlite3.sqlite_version_info >= (3, 43):
                name = f"plain, stdlib {sqlite3.sqlite_version}"
                engines[name] = Lister(stdlib.connect, *scope).run
            else:
                print(
                    f"baseline: stdlib SQLite {sqlite3.sqlite_version} is older than 3.43; left out"
                )
            queries = search_queries(services, officer, args.seed)
            results = measure_lists(args, engines, queries, total)
            if args.profile:
                profile_searches(results, services, officer)
        finally:
            same.dispose()
            stdlib.dispose()
    finally:
        for suffix in ("", "-wal", "-shm"):
            Path(f"{plain_path}{suffix}").unlink(missing_ok=True)
    search: list[float] = results["search"]
    return search


def section_page(args: argparse.Namespace, services: Services, officer: User) -> float:
    print("\n1b. first page shown: AchievementsPage in an offscreen QApplication (officer)")
    ui = first_page_ui(services, officer, args.runs)
    print(line("construct + show", [r.build for r in ui]))
    print(line("reload() returns (count on the worker)", [r.reload for r in ui]))
    print(line("until the count and first rows arrive", [r.rows for r in ui]))
    print(line("total: construction → first rows", [r.total for r in ui]))
    return statistics.median(r.total for r in ui)


def section_import(
    args: argparse.Namespace, services: Services, officer: User, import_copy: Path, work: Path
) -> float:
    print(f"\n3. import {args.import_rows:,} rows into a copy of the vault")
    xlsx = work / "import.xlsx"
    seconds, _ = timed(
        lambda: write_import_file(services, officer, xlsx, args.import_rows, args.seed)
    )
    print(
        f"  {'writing the xlsx (new demo records)':<40} {seconds:7.2f} s "
        f"({xlsx.stat().st_size / 2**20:.1f} MiB)"
    )
    imported = import_into(import_copy, xlsx, profile=args.profile)
    total = imported.preview + imported.imported
    print(f"  {'preview_import (read + check every row)':<40} {imported.preview:7.2f} s")
    print(
        f"  {'import_rows(only_good=True)':<40} {imported.imported:7.2f} s "
        f"({imported.good:,} imported, {imported.bad} bad rows, "
        f"{imported.good / imported.imported:,.0f} rows/s)"
    )
    print(f"  {'total':<40} {total:7.2f} s")
    return total


def section_memory(db_path: Path, every_page: bool) -> tuple[float, float | None]:
    print("\n4. peak memory (child processes started clean; ru_maxrss and VmHWM, MB = 10^6 B)")
    bare = run_child(["-c", BARE_CHILD], "")
    child = [str(Path(__file__).resolve()), "--memory-child", str(db_path)]
    marks = run_child(child + (["--every-page"] if every_page else []), PASSPHRASE + "\n")
    rows, jump = int(marks["rows"][0]), int(marks["pages_jump"][0])
    steps = [
        ("baseline: bare PySide6 + QTableView shown", bare["shown"]),
        ("Transfer Desk: imports, QApplication, font", marks["started"]),
        ("+ vault unlocked (officer)", marks["unlocked"]),
        ("+ page shown with its first rows", marks["shown"]),
        (f"+ to the end of {rows:,} rows and back ({jump} pages)", marks["end_and_back"]),
    ]
    if every_page:
        held = int(marks["pages_held"][0])
        steps.append((f"+ every page read ({held} pages held)", marks["every_page"]))
    print(f"  {'':<46} {'ru_maxrss':>9} {'VmHWM':>7}")
    for label, (maxrss, hwm) in steps:
        print(f"  {label:<46} {maxrss:6.0f} MB {hwm:4.0f} MB")
    print(f"  scrollToBottom → last page fetched: {marks['jump_seconds'][0] * 1000:.0f} ms")
    if every_page:
        seconds = marks["every_page_seconds"][0]
        print(
            f"  reading every page took {seconds:.0f} s "
            f"({seconds / (held or 1) * 1000:.0f} ms a page: each is an OFFSET query)"
        )
        return marks["end_and_back"][0], marks["every_page"][0]
    return marks["end_and_back"][0], None


def measure_lists(
    args: argparse.Namespace,
    engines: dict[str, Callable[[AchievementQuery, int, int], int]],
    queries: list[Search],
    total: int,
) -> dict[str, Any]:
    """Sections 1a, 2, 2b and 5: every query on the vault (through the service) and on the
    plain copy (the same db functions), interleaved so all see the same machine load."""
    results: dict[str, Any] = {}
    names = list(engines)

    print(f"\n1a. first page through the service: count + page(0, {PAGE_ROWS}), newest first")
    last = max(0, total - PAGE_ROWS)
    for offset, runs in ((0, args.runs), (last, 3)):
        print(f"  offset {offset:,}:")
        for name, run in engines.items():
            print(
                line(
                    name,
                    [timed(run, AchievementQuery(), offset, PAGE_ROWS)[0] for _ in range(runs)],
                )
            )

    print(
        f"\n2. search: {len(queries)} queries × {args.passes} passes, count + page(0, "
        f"{SEARCH_ROWS}), shuffled each pass; ms"
    )
    times: dict[str, dict[Search, list[float]]] = {name: {} for name in names}
    hits: dict[Search, int] = {}
    rng = random.Random(args.seed)
    for _ in range(args.passes):
        order = list(queries)
        rng.shuffle(order)
        for q in order:
            query = AchievementQuery(text=q.text)
            for name, run in engines.items():
                seconds, hits[q] = timed(run, query, 0, SEARCH_ROWS)
                times[name].setdefault(q, []).append(seconds)
    print(f"  {'':<25}" + "".join(f"{name:>30}" for name in names))
    head = f"{'':6}{'median':>8}{'p95':>8}{'max':>8}"
    print(f"  {'class':<14} {'n':>3} {'hits':>6}" + head * len(names))
    for kind in [*(k for k, _ in SEARCH_KINDS), "all"]:
        chosen = [q for q in queries if kind in ("all", q.kind)]
        cols = ""
        for name in names:
            values = [t for q in chosen for t in times[name][q]]
            cols += f"{'':6}{ms(statistics.median(values))}{ms(p95(values))}{ms(max(values))}"
        median_hits = statistics.median(hits[q] for q in chosen)
        print(f"  {kind:<14} {len(chosen):>3} {median_hits:>6,.0f}{cols}")
    missed = sum(1 for q in queries if q.kind == "miss" and hits[q] == 0)
    print(f"  (hits: median per class; {missed} of the {len(MISSES)} misses found nothing)")
    slowest = sorted(queries, key=lambda q: -statistics.median(times[VAULT][q]))[:8]
    print("  slowest on the vault: medians in ms, " + ", ".join(names) + "; hits")
    for q in slowest:
        medians = "".join(ms(statistics.median(times[name][q])) for name in names)
        print(f"    {q.text!r:<20} {q.kind:<15}{medians} {hits[q]:>7,}")
    results["search"] = [t for q in queries for t in times[VAULT][q]]
    results["slowest"] = slowest

    print(f"\n2b. sorted by each column (count + page(0, {PAGE_ROWS}), ascending) and filters")
    extra: list[tuple[str, AchievementQuery]] = [
        (f"sort {key}", AchievementQuery(sort=key, descending=False)) for key in SORT_KEYS
    ]
    year = date.today().year - 2
    extra += [
        ("filter kind=invention_patent", AchievementQuery(kind="invention_patent")),
        ("filter level=secret", AchievementQuery(level="secret")),
        (f"filter year={year}", AchievementQuery(year=year)),
        ("filter department_id=3", AchievementQuery(department_id=3)),
        ("filter pool=True", AchievementQuery(pool=True)),
        ("filter year + 2-char search", AchievementQuery(year=year, text="合金")),
    ]
    print(f"  {'median ms':<30}" + "".join(f"{name:>27}" for name in names) + "     rows")
    for label, query in extra:
        cols = ""
        n = 0
        for run in engines.values():
            values = []
            for _ in range(3):
                seconds, n = timed(run, query, 0, PAGE_ROWS)
                values.append(seconds)
            cols += f"{ms(statistics.median(values)):>27}"
        print(f"  {label:<30}{cols} {n:>8,}")
    return results


def profile_searches(results: dict[str, Any], services: Services, officer: User) -> None:
    """Where the time of the slowest searches goes: count vs page, the plans, cProfile."""
    service = services.achievements
    engine = service._vault._require_engine()
    print("\n   profile of the slowest searches (vault, service): count vs page, query plans")
    profiler = cProfile.Profile()
    for q in results["slowest"][:5]:
        query = AchievementQuery(text=q.text)
        count_s = statistics.median(timed(service.count, officer, query)[0] for _ in range(3))
        page_s = statistics.median(
            timed(service.page, officer, 0, SEARCH_ROWS, query)[0] for _ in range(3)
        )
        print(f"    {q.text!r}: count {ms(count_s)} ms, page {ms(page_s)} ms")
        with captured(engine) as statements:
            profiler.enable()
            service.count(officer, query)
            service.page(officer, 0, SEARCH_ROWS, query)
            profiler.disable()
        for label, plan in zip(("count", "page"), query_plans(engine, statements), strict=False):
            print(f"      {label}: {plan}")
    print_profile(profiler, "the five slowest searches", 12)


if __name__ == "__main__":
    raise SystemExit(main())
