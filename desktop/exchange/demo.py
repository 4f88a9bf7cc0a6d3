"""Sample data for trying the program and for benchmarks: a fictitious unit in Liaoning with its
departments, people with valid identity numbers, and achievements of every type and level whose
IP numbers carry correct check digits and whose completers' shares add up to exactly 100.

``generate(count, seed=…, today=…)`` is pure and deterministic: the same arguments give the same
data. ``load(services, clock, data, …)`` writes it into a new vault through the services, as an
office would: the first-run set-up, accounts, people one by one, and the achievements through
the register's import (``AchievementService.import_rows``, one transaction per chunk of at most
``CHUNK`` records, each record audited). Registration dates are spread over the ``YEARS`` years
before ``today``; the clock the services run on is moved forward chunk by chunk, so records, their
audit entries and the audit log's order all agree. Every record stays "registered" (the register
has no service for the later steps yet).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import TYPE_CHECKING

from desktop.domain.accounts import CLEARANCES, UserDraft
from desktop.domain.achievements import KINDS, AchievementDraft, Completer, IpRight
from desktop.domain.dates import add_years
from desktop.domain.identifiers import credit_code_check_char, id_number_check_char
from desktop.domain.ip_numbers import patent_check_digit
from desktop.domain.people import PersonDraft
from desktop.domain.unit import UnitProfile
from desktop.exchange.achievements_xlsx import ImportPreview, ImportRow

if TYPE_CHECKING:
    from desktop.services.bundle import Services

YEARS = 8
CHUNK = 1_000
DEFAULT_SEED = 20250601
SOURCE = "演示数据"

UNIT_NAME = "辽东理工大学（演示数据）"
CREDIT_CODE_BODY = "12210000460000123"  # 事业单位, 辽宁省; the check character is computed
DEPARTMENTS = (
    "材料科学与工程学院",
    "化学化工学院",
    "机械工程学院",
    "电气工程学院",
    "计算机科学与技术学院",
    "信息与通信工程学院",
    "生命科学学院",
    "医学院",
    "农学院",
    "环境科学与工程学院",
    "土木工程学院",
    "附属医院",
)
# Field of each department, for titles and keywords that fit it.
_FIELDS = (
    "materials",
    "chemistry",
    "mechanical",
    "electrical",
    "computing",
    "computing",
    "life",
    "medical",
    "agriculture",
    "environment",
    "mechanical",
    "medical",
)

# (login, display name, role); every account gets the passphrase given to ``load``.
ACCOUNTS = (
    ("officer", "刘专员", "transfer_officer"),
    ("secrecy", "孙保密", "secrecy_admin"),
    ("auditor", "周审计", "security_auditor"),
)
ADMIN = ("admin", "王管理")


# -- what is generated -------------------------------------------------------------------------
@dataclass(frozen=True)
class DemoAchievement:
    """``draft.department_id`` and each completer's ``person_id`` are positions (from 1) in
    ``DemoData.unit.departments`` and ``DemoData.people``; ``bind`` turns them into ids."""

    registered_at: datetime
    draft: AchievementDraft


@dataclass(frozen=True)
class DemoData:
    unit: UnitProfile
    people: tuple[PersonDraft, ...]  # department_id: position in unit.departments, from 1
    count: int
    seed: int
    today: date

    def achievements(self) -> Iterator[DemoAchievement]:
        """The ``count`` achievements in order of registration (generated as they are read)."""
        return _Achievements(self).generate()


def generate(count: int, *, seed: int = DEFAULT_SEED, today: date) -> DemoData:
    if count < 0:
        raise ValueError("count must not be negative")
    rng = random.Random(f"people-{seed}")
    people_count = max(2 * len(DEPARTMENTS), min(5_000, count // 20 + 20))
    unit = UnitProfile(
        name=UNIT_NAME,
        credit_code=CREDIT_CODE_BODY + credit_code_check_char(CREDIT_CODE_BODY),
        unit_type="university",
        non_profit=True,
        departments=DEPARTMENTS,
    )
    people = tuple(_person(rng, i, people_count, today) for i in range(people_count))
    return DemoData(unit, people, count, seed, today)


def bind(
    draft: AchievementDraft, department_ids: Sequence[int], person_ids: Sequence[int]
) -> AchievementDraft:
    """A generated draft with real department and person ids."""
    return replace(
        draft,
        department_id=None
        if draft.department_id is None
        else department_ids[draft.department_id - 1],
        completers=tuple(
            Completer(person_ids[c.person_id - 1], c.role, c.share) for c in draft.completers
        ),
    )


# -- people ------------------------------------------------------------------------------------
_SURNAMES = (
    "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程"
    "苏魏吕丁任沈姚卢姜崔钟谭陆汪范金石廖贾夏韦付方白邹孟熊秦邱江尹薛闫段雷侯龙史陶黎贺顾毛郝"
)
_GIVEN = (
    "伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀兰霞平刚桂英华建国志红玉文斌宇浩凯鹏飞晨辉婷雪梅琳欣"
    "怡佳慧颖晓东海波峰旭阳博瑞泽天宁鑫岩松林雨思嘉俊立新春秋雅琪子涵梓轩一诺"
)
_TITLES = (
    ("教授", 14),
    ("副教授", 18),
    ("讲师", 12),
    ("研究员", 8),
    ("副研究员", 10),
    ("助理研究员", 8),
    ("高级工程师", 8),
    ("工程师", 6),
    ("主任医师", 4),
    ("副主任医师", 4),
    ("博士后", 4),
    ("实验师", 4),
)
# 沈阳 和平/沈河/皇姑, 大连 中山/沙河口, 鞍山, 抚顺, 本溪, 丹东, 锦州, 营口, 阜新, 辽阳, 铁岭,
# 朝阳, 葫芦岛, and a few from other provinces.
_REGIONS = (
    "210102",
    "210103",
    "210105",
    "210202",
    "210204",
    "210302",
    "210402",
    "210502",
    "210602",
    "210702",
    "210802",
    "210902",
    "211002",
    "211202",
    "211302",
    "211402",
    "110105",
    "220102",
    "230103",
    "370102",
)


def _person(rng: random.Random, index: int, total: int, today: date) -> PersonDraft:
    surname = rng.choice(_SURNAMES)
    given = "".join(rng.choice(_GIVEN) for _ in range(rng.choice((1, 2, 2, 2))))
    department = index % len(DEPARTMENTS) + 1
    titles, weights = zip(*_TITLES, strict=True)
    title = rng.choices(titles, weights)[0]
    leader = rng.choices(("none", "deputy", "principal"), (92, 6, 2))[0]
    born = date(today.year - rng.randint(26, 64), rng.randint(1, 12), rng.randint(1, 28))
    body = f"{rng.choice(_REGIONS)}{born:%Y%m%d}{rng.randint(0, 999):03d}"
    id_number = body + id_number_check_char(body) if rng.random() < 0.8 else ""
    contact = rng.choice(
        (
            f"1{rng.choice('3589')}{rng.randint(0, 999_999_999):09d}",
            f"024-{rng.randint(2000_0000, 8999_9999)}",
            "",
        )
    )
    return PersonDraft(surname + given, department, title, leader, id_number, contact)


# -- achievements ------------------------------------------------------------------------------
_KIND_WEIGHTS = (40, 18, 5, 20, 2, 4, 3, 4, 4)
_LEVEL_WEIGHTS = (70, 20, 6, 3, 1)
_MARKS = {
    "secret": ("秘密★10年", "秘密★5年", "秘密★6个月", "秘密★项目结题后解密"),
    "confidential": ("机密★20年", "机密★10年", "机密★"),
    "top_secret": ("绝密★30年", "绝密★"),
}
_VOCABULARY: dict[str, dict[str, tuple[str, ...]]] = {
    "materials": {
        "thing": ("高强韧镁合金", "纳米晶铝合金", "高熵合金涂层", "碳纤维复合材料", "钛合金粉末"),
        "process": ("热处理", "粉末冶金制备", "激光增材制造", "表面改性", "连续挤压成形"),
        "device": ("合金熔炼装置", "粉末筛分装置", "试样夹持装置", "热压烧结模具"),
        "keywords": ("镁合金", "热处理", "强韧化", "复合材料", "增材制造", "腐蚀防护", "微观组织"),
    },
    "chemistry": {
        "thing": ("分子筛催化剂", "高分子絮凝剂", "锂电池电解液", "绿色溶剂", "光催化材料"),
        "process": ("催化加氢", "连续流合成", "萃取分离", "低温聚合", "膜分离提纯"),
        "device": ("微通道反应器", "尾气吸收装置", "结晶釜搅拌装置", "取样冷凝装置"),
        "keywords": ("催化剂", "分子筛", "电解液", "绿色化工", "分离提纯", "聚合反应"),
    },
    "mechanical": {
        "thing": ("数控机床主轴", "盾构刀具", "工业机器人关节", "液压阀块", "齿轮箱"),
        "process": ("精密加工", "故障诊断", "振动抑制", "装配检测", "寿命预测"),
        "device": ("自适应夹具", "管道检测机器人", "钢筋弯曲装置", "减振支座"),
        "keywords": ("数控机床", "故障诊断", "机器人", "液压", "振动", "智能制造"),
    },
    "electrical": {
        "thing": ("储能变流器", "永磁同步电机", "配电网", "光伏逆变器", "智能电表"),
        "process": ("无功补偿", "故障定位", "功率预测", "谐波抑制", "状态监测"),
        "device": ("绝缘子清洗装置", "电缆测温装置", "接地线夹", "充电桩散热装置"),
        "keywords": ("储能", "配电网", "光伏", "电机控制", "新能源", "电力电子"),
    },
    "computing": {
        "thing": ("工业视觉检测", "知识图谱", "边缘计算节点", "遥感影像", "医学影像"),
        "process": ("目标识别", "数据融合", "任务调度", "语义分割", "异常检测"),
        "device": ("数据采集终端", "智能网关", "视觉检测工作台", "通信中继装置"),
        "keywords": ("深度学习", "边缘计算", "知识图谱", "图像识别", "物联网", "大数据"),
    },
    "life": {
        "thing": ("益生菌菌株", "重组蛋白", "基因编辑载体", "发酵工艺", "酶制剂"),
        "process": ("高效表达", "定向进化", "分离纯化", "高密度发酵", "快速检测"),
        "device": ("细胞培养瓶", "样本保存装置", "菌种筛选平板", "恒温振荡装置"),
        "keywords": ("益生菌", "重组蛋白", "基因编辑", "发酵", "酶工程", "合成生物学"),
    },
    "medical": {
        "thing": ("单克隆抗体", "靶向纳米药物", "骨科植入物", "中药复方", "诊断试剂盒"),
        "process": ("早期筛查", "靶向递送", "术后康复评估", "疗效预测", "微创治疗"),
        "device": ("穿刺引流装置", "康复训练器", "输液固定装置", "内镜辅助器械"),
        "keywords": ("单克隆抗体", "靶向治疗", "诊断试剂", "康复", "微创", "中药"),
    },
    "agriculture": {
        "thing": ("玉米", "水稻", "大豆", "设施蔬菜", "苹果"),
        "process": ("抗逆栽培", "节水灌溉", "病虫害绿色防控", "分子标记育种", "保鲜贮藏"),
        "device": ("精量播种装置", "秸秆还田机具", "温室卷帘装置", "果实采摘器"),
        "keywords": ("玉米", "水稻", "育种", "栽培", "病虫害防控", "节水灌溉"),
    },
    "environment": {
        "thing": ("污水处理工艺", "土壤修复剂", "固废资源化", "大气颗粒物", "人工湿地"),
        "process": ("深度脱氮", "重金属钝化", "资源化利用", "在线监测", "生态修复"),
        "device": ("污泥脱水装置", "除尘器", "水质采样装置", "渗滤液处理装置"),
        "keywords": ("污水处理", "土壤修复", "固废", "大气污染", "生态修复", "碳减排"),
    },
}
_CROP_NAMES = {"玉米": "辽单", "水稻": "辽粳", "大豆": "辽豆", "设施蔬菜": "辽园", "苹果": "辽苹"}
_SYSTEMS = ("管理系统", "监测平台", "分析软件", "控制系统", "决策支持系统", "移动应用")
_NEGATIVE_REASONS = ("涉及国家安全", "涉及国防科技", "涉及重大公共利益")


class _Achievements:
    def __init__(self, data: DemoData) -> None:
        self._data = data
        self._rng = random.Random(f"achievements-{data.seed}")
        self._serials: set[str] = set()
        by_department: dict[int, list[int]] = {}
        for position, person in enumerate(data.people, start=1):
            assert person.department_id is not None
            by_department.setdefault(person.department_id, []).append(position)
        self._by_department = by_department

    def generate(self) -> Iterator[DemoAchievement]:
        rng = self._rng
        end = datetime.combine(self._data.today, datetime.min.time()) - timedelta(days=1)
        start = datetime.combine(add_years(self._data.today, -YEARS), datetime.min.time())
        span = (end - start).days
        times = sorted(
            (rng.randrange(span), rng.randint(8 * 60 + 30, 17 * 60 + 30))
            for _ in range(self._data.count)
        )
        for i, (day, minute) in enumerate(times):
            at = start + timedelta(days=day, minutes=minute)
            # The first ones cover every type and every level, then they follow the weights.
            kind = KINDS[i] if i < len(KINDS) else rng.choices(KINDS, _KIND_WEIGHTS)[0]
            level = (
                CLEARANCES[i % len(CLEARANCES)]
                if i < 2 * len(CLEARANCES)
                else rng.choices(CLEARANCES, _LEVEL_WEIGHTS)[0]
            )
            yield DemoAchievement(at, self._draft(kind, level, at.date()))

    def _draft(self, kind: str, level: str, registered: date) -> AchievementDraft:
        rng = self._rng
        department = rng.randint(1, len(DEPARTMENTS))
        field = _FIELDS[department - 1]
        words = _VOCABULARY[field]
        title = self._title(kind, words)
        funding = rng.choices(("vertical", "horizontal", "self"), (50, 30, 20))[0]
        negative = rng.random() < 0.02
        if kind == "biomedical_variety" or (field in ("medical", "life") and rng.random() < 0.3):
            ethics = rng.choices(("pending", "approved", "rejected"), (25, 65, 10))[0]
        else:
            ethics = "not_needed"
        return AchievementDraft(
            title=title,
            abstract=self._abstract(title, words),
            keywords=tuple(rng.sample(words["keywords"], rng.randint(2, 4))),
            kind=kind,
            department_id=department,
            funding_type=funding,
            funding_ref=self._funding_ref(funding, registered),
            completers=self._completers(department),
            ip_rights=self._rights(kind, registered),
            level=level,
            secrecy_mark=rng.choice(_MARKS[level]) if level in _MARKS else "",
            negative_list=negative,
            negative_list_reason=rng.choice(_NEGATIVE_REASONS) if negative else "",
            ethics_status=ethics,
            ethics_approval=(
                f"伦审〔{registered.year}〕{rng.randint(1, 200):03d}号"
                if ethics == "approved"
                else ""
            ),
            overseas=rng.random() < 0.05,
        )

    def _title(self, kind: str, words: dict[str, tuple[str, ...]]) -> str:
        rng = self._rng
        thing, process, device = (rng.choice(words[k]) for k in ("thing", "process", "device"))
        if kind == "invention_patent":
            return rng.choice(
                (
                    f"一种{thing}的{process}方法",
                    f"一种{thing}及其制备方法",
                    f"基于{process}的{thing}优化方法",
                )
            )
        if kind == "utility_model":
            return rng.choice((f"一种{device}", f"一种用于{thing}{process}的{device}"))
        if kind == "design":
            return rng.choice((f"{device}（便携式）", f"{device}外壳", f"{thing}检测仪"))
        if kind == "software_copyright":
            return f"{thing}{process}{rng.choice(_SYSTEMS)}V{rng.randint(1, 3)}.0"
        if kind == "ic_layout":
            return rng.choice(
                ("低功耗蓝牙射频收发芯片", "高精度模数转换芯片", "电源管理芯片", "图像传感读出芯片")
            )
        if kind == "plant_variety":
            crop = rng.choice(tuple(_CROP_NAMES))
            return f"{crop}新品种“{_CROP_NAMES[crop]}{rng.randint(100, 999)}”"
        if kind == "biomedical_variety":
            return rng.choice(
                (f"用于{process}的重组{thing}", f"{thing}工程菌株", f"{thing}新型疫苗候选株")
            )
        if kind == "know_how":
            return f"{thing}{process}工艺技术秘密"
        return rng.choice((f"{thing}{process}技术规范", f"{thing}{process}标准样品"))

    def _abstract(self, title: str, words: dict[str, tuple[str, ...]]) -> str:
        rng = self._rng
        process = rng.choice(words["process"])
        gain = rng.choice(("提高了效率", "降低了成本", "提升了稳定性", "缩短了周期", "减少了能耗"))
        share = rng.randint(12, 45)
        return (
            f"本成果“{title}”针对{rng.choice(words['thing'])}在{process}中的关键问题，"
            f"提出了新的技术方案，经试验验证{gain}约{share}%，具有较好的推广应用前景。"
        )

    def _funding_ref(self, funding: str, registered: date) -> str:
        rng = self._rng
        if funding == "vertical":
            return rng.choice(
                (
                    f"{rng.choice('5268')}{rng.randint(1_000_000, 9_999_999)}",
                    f"{registered.year}JH{rng.randint(1, 2)}/{rng.randint(10**8, 10**9 - 1)}",
                    f"{registered.year}YFB{rng.randint(1_000_000, 9_999_999)}",
                )
            )
        if funding == "horizontal":
            return f"HX{registered.year}-{rng.randint(1, 9999):04d}"
        return ""

    def _completers(self, department: int) -> tuple[Completer, ...]:
        rng = self._rng
        n = rng.choices((1, 2, 3, 4, 5), (15, 30, 30, 15, 10))[0]
        local = self._by_department[department]
        chosen: list[int] = []
        while len(chosen) < min(n, len(self._data.people)):
            pool = local if rng.random() < 0.75 else range(1, len(self._data.people) + 1)
            person = rng.choice(pool)
            if person not in chosen:
                chosen.append(person)
        weights = [rng.randint(1, 10) + (6 if i == 0 else 0) for i in range(len(chosen))]
        shares = _split(10_000, weights)  # basis points, adding up to exactly 100.00 %
        return tuple(
            Completer(person, "lead" if i == 0 else "member", Decimal(bp) / 100)
            for i, (person, bp) in enumerate(zip(chosen, shares, strict=True))
        )

    def _rights(self, kind: str, registered: date) -> tuple[IpRight, ...]:
        rng = self._rng
        applied = registered - timedelta(days=rng.randint(20, 900))
        last = self._data.today - timedelta(days=1)

        def by(d: date) -> str | None:
            return d.isoformat() if d <= last else None

        if kind in ("invention_patent", "utility_model", "design"):
            digit = {"invention_patent": "1", "utility_model": "2", "design": "3"}[kind]
            if kind == "invention_patent" and rng.random() < 0.03:
                digit = "8"  # a PCT application in the national phase
            count = 2 if kind == "invention_patent" and rng.random() < 0.08 else 1
            rights = []
            for n in range(count):
                filed = applied - timedelta(days=30 * n)
                number = self._patent_number(filed.year, digit)
                wait = {"invention_patent": (540, 1400), "utility_model": (120, 400)}.get(
                    kind, (120, 300)
                )
                granted = filed + timedelta(days=rng.randint(*wait))
                term = {"invention_patent": 20, "utility_model": 10}.get(
                    kind, 15 if filed >= date(2021, 6, 1) else 10
                )
                ends = add_years(filed, term) - timedelta(days=1)
                rights.append(
                    IpRight(
                        number,
                        filed.isoformat(),
                        by(granted),
                        ends.isoformat() if by(granted) else None,
                    )
                )
            return tuple(rights)
        if kind == "software_copyright":
            serial = self._unique(lambda: f"{applied.year}SR{rng.randint(0, 1_999_999):07d}")
            granted = applied + timedelta(days=rng.randint(20, 90))
            return (IpRight(serial, applied.isoformat(), by(granted)),)
        if kind == "ic_layout":
            body = self._unique(lambda: f"{applied.year % 100:02d}{rng.randint(0, 999_999):06d}")
            number = f"BS.{body}{patent_check_digit(body)}"
            granted = applied + timedelta(days=rng.randint(60, 240))
            ends = add_years(applied, 10) - timedelta(days=1)
            return (IpRight(number, applied.isoformat(), by(granted), ends.isoformat()),)
        if kind == "plant_variety":
            body = self._unique(lambda: f"{applied.year}{rng.randint(0, 9999):04d}")
            number = f"CNA{body}.{patent_check_digit(body)}"
            granted = applied + timedelta(days=rng.randint(400, 1100))
            return (IpRight(number, applied.isoformat(), by(granted)),)
        if kind == "biomedical_variety" and rng.random() < 0.6:
            number = self._unique(lambda: f"国药证字S{applied.year}{rng.randint(0, 9999):04d}")
            return (IpRight(number, applied.isoformat()),)
        return ()

    def _patent_number(self, year: int, digit: str) -> str:
        body = self._unique(lambda: f"{year}{digit}{self._rng.randint(0, 9_999_999):07d}")
        return f"{body}.{patent_check_digit(body)}"

    def _unique(self, make: Callable[[], str]) -> str:
        while True:
            value = make()
            if value not in self._serials:
                self._serials.add(value)
                return value


def _split(total: int, weights: Sequence[int]) -> list[int]:
    """``total`` split in proportion to ``weights`` by the largest-remainder method."""
    whole = sum(weights)
    parts = [total * w // whole for w in weights]
    order = sorted(range(len(weights)), key=lambda i: (-(total * weights[i] % whole), i))
    for i in order[: total - sum(parts)]:
        parts[i] += 1
    return parts


# -- into a vault ------------------------------------------------------------------------------
class DemoClock:
    """The services' clock during ``load``: set by the loader, read by the services. Naive
    times are taken as local time (as the program's own clock gives them)."""

    def __init__(self) -> None:
        self.value: datetime | None = None

    def __call__(self) -> datetime:
        if self.value is None:
            raise RuntimeError("DemoClock read before it was set")
        return self.value

    def set(self, value: datetime) -> None:
        value = value.astimezone()
        if self.value is None or value > self.value:  # never backwards: the log stays in order
            self.value = value


@dataclass(frozen=True)
class DemoVault:
    vault_id: str
    recovery_code: str
    logins: tuple[tuple[str, str, str], ...]  # (login, name, role)
    people: int
    achievements: int
    seconds: float
    grants: int = 0
    confidentiality_agreements: int = 0
    transformations: int = 0


def load(
    services: Services,
    clock: DemoClock,
    data: DemoData,
    *,
    passphrase: str,
    progress: Callable[[int, int], None] = lambda done, total: None,
    timer: Callable[[], float] = time.perf_counter,
) -> DemoVault:
    """Create a new vault holding ``data`` (the vault file must not exist). The clock is set
    to the start of the data's period first and moved forward as records are registered."""
    from desktop.services.setup import FirstRunDraft

    started = timer()
    first = datetime.combine(add_years(data.today, -YEARS), datetime.min.time())
    clock.set(first - timedelta(days=7) + timedelta(hours=9))
    admin_login, admin_name = ADMIN
    created = services.setup.create(
        FirstRunDraft(
            data.unit,
            UserDraft(admin_login, admin_name, ("system_admin",), "internal"),
            passphrase,
            passphrase,
        )
    )
    admin = services.session.unlock(created.admin_id, passphrase)
    users = {}
    for login, name, role in ACCOUNTS:
        issued = services.accounts.create(admin, UserDraft(login, name, (role,), "internal"))
        users[role] = services.session.change_passphrase(
            issued.user, issued.passphrase, passphrase, passphrase
        )
    officer = services.accounts.set_clearance(
        users["secrecy_admin"],
        users["transfer_officer"].id,
        "top_secret",
        "演示数据：成果转化专员可登记和查看各密级成果",
    )
    department_ids = [dept_id for dept_id, _ in services.unit.departments(admin)]
    person_ids = []
    for person in data.people:
        assert person.department_id is not None
        bound = replace(person, department_id=department_ids[person.department_id - 1])
        person_ids.append(services.people.add(officer, bound))
    done = 0
    chunk: list[DemoAchievement] = []

    def flush() -> None:
        nonlocal done
        clock.set(chunk[-1].registered_at)
        rows = tuple(
            ImportRow(done + i + 1, bind(a.draft, department_ids, person_ids))
            for i, a in enumerate(chunk)
        )
        preview = ImportPreview(SOURCE, rows, (), len(rows))
        done += services.achievements.import_rows(officer, preview, only_good=False)
        chunk.clear()
        progress(done, data.count)

    for achievement in data.achievements():
        if chunk and (
            len(chunk) >= CHUNK
            or (achievement.registered_at.year, achievement.registered_at.month)
            != (chunk[-1].registered_at.year, chunk[-1].registered_at.month)
        ):
            flush()
        chunk.append(achievement)
    if chunk:
        flush()
    from desktop.exchange import demo_agreements, demo_transformations

    made = demo_agreements.add(
        services, officer, users["secrecy_admin"], today=data.today, set_clock=clock.set
    )
    deals = demo_transformations.add(services, officer, today=data.today)
    # The unit's filing keys, so the key card can be exported at once (offices to trust come
    # from real key cards: a demo vault trusts nobody).
    services.filings.create_keys(admin)
    logins = ((admin_login, admin_name, "system_admin"), *ACCOUNTS)
    return DemoVault(
        created.vault_id,
        created.recovery_code,
        logins,
        len(person_ids),
        done,
        timer() - started,
        made.grants,
        made.confidentiality,
        deals.transformations,
    )
