"""Who may do what: the permission matrix as data, and the checks every service runs.

三员分立: the system administrator, the secrecy administrator and the security auditor are kept
apart. No account holds two of them, the system administrator never reads the audit log or record
content above 内部, and the auditor changes nothing but reads every audit entry. The secrecy
administrator in turn reads the auditor's own entries, so the auditor is watched too.
"""

from __future__ import annotations

from desktop.domain.accounts import CLEARANCES, ROLES, User
from desktop.errors import PermissionDenied, ValidationError

# Every action a service performs, with the refusal a user sees. Reading lists of plain unit data
# (the unit profile, departments, people, settings) is open to every signed-in user.
ACTIONS: dict[str, str] = {
    "unit.read": "查看单位信息",
    "unit.edit": "修改单位信息",
    "settings.read": "查看单位设置",
    "settings.edit": "修改单位设置",
    "person.read": "查看人员",
    "person.edit": "维护人员",
    "user.read": "查看账户",
    "user.create": "创建账户",
    "user.edit": "修改账户角色",
    "user.disable": "停用或启用账户",
    "user.reset_passphrase": "重设账户口令",
    "user.set_clearance": "设定账户密级",
    "audit.read": "查看审计日志",
    "audit.verify": "校验审计日志",
    "audit.export": "导出审计日志",
    "audit.checkpoint": "记录审计日志检查点",
    "achievement.read": "查看科技成果",
    "achievement.edit": "登记或修改科技成果",
    "achievement.status": "终止或恢复科技成果",
    "pool.read": "查看先用后付成果池",
    "pool.edit": "确定成果池的纳入或排除",
    "pool.publish": "发布成果池",
    "approval.read": "查看审批事项",
    "approval.request": "提出申请",
    "decision.read": "查看决策记录",
    "decision.edit": "登记决策记录",
    "grant.read": "查看赋权",
    "grant.edit": "办理赋权",
    "confidentiality.read": "查看保密协议",
    "confidentiality.edit": "登记保密协议",
    "secrecy.approve_cooperation": "审批涉密成果的赋权和转化",
    "counterparty.read": "查看合作方",
    "counterparty.edit": "登记合作方",
    "transformation.read": "查看成果转化和单列管理台账",
    "transformation.edit": "办理成果转化和登记台账",
    "reward.read": "查看奖励计算",
    "reward.edit": "计算、公示和发放奖励",
    "filing.read": "查看报送件和信任的单位公钥",
    "filing.export": "导出报送件",
    "filing.import": "导入报送件",
    "keys.manage": "生成或更换本单位的报送密钥",
    "trust.edit": "导入、核对或停用其他单位的公钥",
    "secrecy.approve_filing": "审批涉密内容的报送",
}

_EVERYONE = frozenset(ROLES)
MATRIX: dict[str, frozenset[str]] = {
    "unit.read": _EVERYONE,
    "unit.edit": frozenset({"system_admin"}),
    "settings.read": _EVERYONE,
    "settings.edit": frozenset({"system_admin"}),
    "person.read": _EVERYONE,
    "person.edit": frozenset({"system_admin", "transfer_officer"}),
    "user.read": frozenset({"system_admin", "secrecy_admin", "security_auditor"}),
    "user.create": frozenset({"system_admin"}),
    "user.edit": frozenset({"system_admin"}),
    "user.disable": frozenset({"system_admin"}),
    "user.reset_passphrase": frozenset({"system_admin"}),
    "user.set_clearance": frozenset({"secrecy_admin"}),
    # The secrecy administrator's reading is limited to the auditor's own entries (see below).
    "audit.read": frozenset({"security_auditor", "secrecy_admin"}),
    "audit.verify": frozenset({"security_auditor", "secrecy_admin"}),
    "audit.export": frozenset({"security_auditor"}),
    "audit.checkpoint": frozenset({"security_auditor"}),
    # A researcher sees and drafts only the achievements they registered (the service scopes it).
    "achievement.read": frozenset(
        {
            "transfer_officer",
            "approver",
            "researcher",
            "secrecy_admin",
            "security_auditor",
            "system_admin",
        }
    ),
    "achievement.edit": frozenset({"transfer_officer", "researcher"}),
    "achievement.status": frozenset({"transfer_officer"}),
    "pool.read": frozenset(
        {"transfer_officer", "approver", "secrecy_admin", "security_auditor", "system_admin"}
    ),
    "pool.edit": frozenset({"transfer_officer"}),
    "pool.publish": frozenset({"transfer_officer"}),
    # Everyone sees what concerns them and may ask for things; deciding needs the kind's
    # own permission (desktop/domain/approvals.py).
    "approval.read": _EVERYONE,
    "approval.request": _EVERYONE,
    "decision.read": frozenset(
        {"transfer_officer", "approver", "secrecy_admin", "security_auditor", "system_admin"}
    ),
    "decision.edit": frozenset({"transfer_officer", "approver"}),
    "grant.read": frozenset(
        {"transfer_officer", "approver", "secrecy_admin", "security_auditor", "system_admin"}
    ),
    "grant.edit": frozenset({"transfer_officer"}),
    # Agreements are always 秘密 or above, beyond the system administrator's ceiling.
    "confidentiality.read": frozenset(
        {"transfer_officer", "approver", "secrecy_admin", "security_auditor"}
    ),
    # The secrecy administrator keeps the confidentiality agreements too (科学技术保密管理).
    "confidentiality.edit": frozenset({"transfer_officer", "secrecy_admin"}),
    "secrecy.approve_cooperation": frozenset({"secrecy_admin"}),
    "counterparty.read": frozenset(
        {"transfer_officer", "approver", "secrecy_admin", "security_auditor", "system_admin"}
    ),
    "counterparty.edit": frozenset({"transfer_officer"}),
    "transformation.read": frozenset(
        {"transfer_officer", "approver", "secrecy_admin", "security_auditor", "system_admin"}
    ),
    "transformation.edit": frozenset({"transfer_officer"}),
    "reward.read": frozenset(
        {"transfer_officer", "approver", "secrecy_admin", "security_auditor", "system_admin"}
    ),
    "reward.edit": frozenset({"transfer_officer"}),
    "filing.read": frozenset(
        {"transfer_officer", "approver", "secrecy_admin", "security_auditor", "system_admin"}
    ),
    "filing.export": frozenset({"transfer_officer"}),
    "filing.import": frozenset({"transfer_officer"}),
    # The unit's keys are configuration; whom to trust is a secrecy decision (三员分立).
    "keys.manage": frozenset({"system_admin"}),
    "trust.edit": frozenset({"secrecy_admin"}),
    "secrecy.approve_filing": frozenset({"secrecy_admin"}),
}
assert MATRIX.keys() == ACTIONS.keys()

# The system administrator manages accounts, not content: content above this level is hidden.
SYSTEM_ADMIN_CEILING = "internal"
# Clearances the system administrator may give when creating a user; higher is the secrecy
# administrator's decision.
CREATE_CLEARANCE_CEILING = "internal"


def allowed(user: User, action: str) -> bool:
    if action not in MATRIX:
        raise KeyError(action)
    return user.active and not MATRIX[action].isdisjoint(user.roles)


def authorize(user: User, action: str) -> None:
    """Raise ``PermissionDenied`` naming the action unless one of the user's roles allows it."""
    if user.must_change_passphrase:
        raise PermissionDenied("请先把管理员发给您的一次性口令改为自己的口令，再进行其他操作。")
    if not allowed(user, action):
        if not user.active:
            raise PermissionDenied("该账户已停用。")
        raise PermissionDenied(f"您的角色无权{ACTIONS[action]}。")


def roles_allowed(user: User, action: str) -> frozenset[str]:
    return MATRIX[action] & frozenset(user.roles)


# -- clearance --------------------------------------------------------------------------------
def level_rank(level: str) -> int:
    try:
        return CLEARANCES.index(level)
    except ValueError:
        raise ValidationError("level", "请选择密级。") from None


def effective_clearance(user: User) -> str:
    """The highest level whose content the user may see."""
    if "system_admin" in user.roles:
        return CLEARANCES[min(level_rank(user.clearance), level_rank(SYSTEM_ADMIN_CEILING))]
    return user.clearance


def visible_levels(user: User) -> tuple[str, ...]:
    """The levels a user sees, for a ``level IN (...)`` filter in queries."""
    return CLEARANCES[: level_rank(effective_clearance(user)) + 1]


def can_see(user: User, level: str) -> bool:
    return level_rank(level) <= level_rank(effective_clearance(user))


def require_level(user: User, level: str) -> None:
    """A write that creates or touches content at ``level`` needs the clearance to see it."""
    if not can_see(user, level):
        raise PermissionDenied("该内容的密级高于您的涉密等级。")


# Roles that see the whole register (within their clearance); others see what they registered.
REGISTER_WIDE_ROLES = frozenset(
    {"transfer_officer", "approver", "secrecy_admin", "security_auditor", "system_admin"}
)


def sees_whole_register(user: User) -> bool:
    return not REGISTER_WIDE_ROLES.isdisjoint(user.roles)


def may_open_record(user: User, level: str, created_by: str) -> bool:
    """Within the user's clearance, and either register-wide roles or their own record."""
    return can_see(user, level) and (sees_whole_register(user) or created_by == user.id)


# -- separation of duties ---------------------------------------------------------------------
def require_other_person(user: User, requester_id: str) -> None:
    """Nobody approves, decides on or audits away their own request."""
    if user.id == requester_id:
        raise PermissionDenied("不能审批或决定本人提出的事项（职责分离）。")
