<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AdminPage</name>
    <message>
        <source>The first administrator</source>
        <translation>第一位管理员</translation>
    </message>
    <message>
        <source>This account manages users and settings. Choose a passphrase only you know: it unlocks the encrypted vault.</source>
        <translation>此账户负责管理用户和设置。请设置只有您本人知道的口令：它用于解锁加密保管库。</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>再次输入口令</translation>
    </message>
</context>
<context>
    <name>AuditPage</name>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>时间</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>对象</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <source>Every change is recorded here in the same transaction; entries cannot be edited or deleted.</source>
        <translation>每一项修改都在同一事务中记录于此；记录不能修改，也不能删除。</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source>Transfer Desk</source>
        <translation>成果转化工作台</translation>
    </message>
    <message>
        <source>An internal error occurred. Your saved data is safe; the last action was not completed. Please report the details below to your system administrator.</source>
        <translation>程序发生内部错误。已保存的数据是安全的，最后一项操作未完成。请将下面的详细信息报告给系统管理员。</translation>
    </message>
</context>
<context>
    <name>FirstRunWizard</name>
    <message>
        <source>Save recovery code as PDF</source>
        <translation>将恢复码保存为 PDF</translation>
    </message>
    <message>
        <source>Transfer Desk — first run</source>
        <translation>成果转化工作台 — 首次运行</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Finish</source>
        <translation>完成</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Creating the encrypted vault…</source>
        <translation>正在创建加密保管库…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>Labels</name>
    <message>
        <source>System administrator</source>
        <translation>系统管理员</translation>
    </message>
    <message>
        <source>Secrecy administrator</source>
        <translation>安全保密管理员</translation>
    </message>
    <message>
        <source>Security auditor</source>
        <translation>安全审计员</translation>
    </message>
    <message>
        <source>Transfer officer</source>
        <translation>成果转化专员</translation>
    </message>
    <message>
        <source>Researcher</source>
        <translation>科研人员</translation>
    </message>
    <message>
        <source>Approver</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Public</source>
        <translation>公开</translation>
    </message>
    <message>
        <source>Internal</source>
        <translation>内部</translation>
    </message>
    <message>
        <source>Secret</source>
        <translation>秘密</translation>
    </message>
    <message>
        <source>Confidential</source>
        <translation>机密</translation>
    </message>
    <message>
        <source>Top secret</source>
        <translation>绝密</translation>
    </message>
    <message>
        <source>University</source>
        <translation>高校</translation>
    </message>
    <message>
        <source>Research institute</source>
        <translation>科研院所</translation>
    </message>
    <message>
        <source>Medical and health institution</source>
        <translation>医疗卫生机构</translation>
    </message>
    <message>
        <source>Central unit in Liaoning</source>
        <translation>中央驻辽单位</translation>
    </message>
    <message>
        <source>Other</source>
        <translation>其他</translation>
    </message>
    <message>
        <source>Not a leader</source>
        <translation>非领导</translation>
    </message>
    <message>
        <source>Deputy leader</source>
        <translation>副职领导</translation>
    </message>
    <message>
        <source>Principal leader</source>
        <translation>正职领导</translation>
    </message>
    <message>
        <source>Vault created</source>
        <translation>创建保管库</translation>
    </message>
    <message>
        <source>Unit profile created</source>
        <translation>创建单位信息</translation>
    </message>
    <message>
        <source>Unit profile changed</source>
        <translation>修改单位信息</translation>
    </message>
    <message>
        <source>User created</source>
        <translation>创建用户</translation>
    </message>
    <message>
        <source>Person added</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Person changed</source>
        <translation>修改人员</translation>
    </message>
    <message>
        <source>Setting changed</source>
        <translation>修改设置</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <source>Unlocked with recovery code</source>
        <translation>使用恢复码解锁</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>Passphrase changed</source>
        <translation>修改口令</translation>
    </message>
</context>
<context>
    <name>LockScreen</name>
    <message>
        <source>Transfer Desk</source>
        <translation>成果转化工作台</translation>
    </message>
    <message>
        <source>The vault is locked.</source>
        <translation>保管库已锁定。</translation>
    </message>
    <message>
        <source>User</source>
        <translation>用户</translation>
    </message>
    <message>
        <source>Passphrase</source>
        <translation>口令</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>解锁</translation>
    </message>
    <message>
        <source>Forgot passphrase? Use the recovery code</source>
        <translation>忘记口令？使用恢复码</translation>
    </message>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新口令</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Unlock and set the new passphrase</source>
        <translation>解锁并设置新口令</translation>
    </message>
    <message>
        <source>Back</source>
        <translation>返回</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <source>Enter your passphrase.</source>
        <translation>请输入口令。</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Transfer Desk</source>
        <translation>成果转化工作台</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>文件(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>锁定(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>退出(&amp;Q)</translation>
    </message>
    <message>
        <source>&amp;Account</source>
        <translation>账户(&amp;A)</translation>
    </message>
    <message>
        <source>Change &amp;passphrase…</source>
        <translation>修改口令(&amp;P)…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>帮助(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;About Transfer Desk</source>
        <translation>关于成果转化工作台(&amp;A)</translation>
    </message>
    <message>
        <source>Main</source>
        <translation>主工具栏</translation>
    </message>
    <message>
        <source>Nobody is signed in</source>
        <translation>当前无人登录</translation>
    </message>
    <message>
        <source>Locked</source>
        <translation>已锁定</translation>
    </message>
    <message>
        <source>The recovery code is wrong.</source>
        <translation>恢复码不正确。</translation>
    </message>
    <message>
        <source>Wrong passphrase. Please try again.</source>
        <translation>口令不正确，请重试。</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2)</source>
        <translation>当前用户：%1（%2）</translation>
    </message>
    <message>
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <source>About Transfer Desk</source>
        <translation>关于成果转化工作台</translation>
    </message>
    <message>
        <source>Transfer Desk %1
Offline management of job-related scientific and technological achievements.</source>
        <translation>成果转化工作台 %1
职务科技成果转化离线管理程序。</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>修改口令</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>当前口令</translation>
    </message>
    <message>
        <source>New passphrase</source>
        <translation>新口令</translation>
    </message>
    <message>
        <source>Repeat passphrase</source>
        <translation>再次输入口令</translation>
    </message>
    <message>
        <source>Change</source>
        <translation>修改</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PeoplePage</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Leadership post</source>
        <translation>领导职务</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>新增人员…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
</context>
<context>
    <name>PersonDialog</name>
    <message>
        <source>Edit person</source>
        <translation>编辑人员</translation>
    </message>
    <message>
        <source>New person</source>
        <translation>新增人员</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Title</source>
        <translation>职称</translation>
    </message>
    <message>
        <source>Leadership post</source>
        <translation>领导职务</translation>
    </message>
</context>
<context>
    <name>RecoveryPage</name>
    <message>
        <source>Recovery code</source>
        <translation>恢复码</translation>
    </message>
    <message>
        <source>If every passphrase is forgotten, only this code opens the vault. It is shown this once: print it or write it down, and keep it locked away.</source>
        <translation>所有口令都遗忘时，只有此恢复码能打开保管库。它只显示这一次：请打印或抄写下来，并锁入保密柜妥善保管。</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>保存为 PDF…</translation>
    </message>
    <message>
        <source>I have kept the recovery code safe</source>
        <translation>我已妥善保存恢复码</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>Unit settings</source>
        <translation>单位设置</translation>
    </message>
    <message>
        <source> min</source>
        <translation> 分钟</translation>
    </message>
    <message>
        <source>Lock after idle time</source>
        <translation>空闲自动锁定时间</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>本机</translation>
    </message>
    <message>
        <source>Language</source>
        <translation>界面语言</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
    <message>
        <source>The language changes when the program restarts.</source>
        <translation>重新启动程序后切换语言。</translation>
    </message>
</context>
<context>
    <name>UnitForm</name>
    <message>
        <source>18 characters, e.g. 12210000xxxxxxxxxx</source>
        <translation>18 位，例如 12210000xxxxxxxxxx</translation>
    </message>
    <message>
        <source>Non-profit institution</source>
        <translation>非营利性机构</translation>
    </message>
    <message>
        <source>One department per line</source>
        <translation>每行一个部门</translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Unit type</source>
        <translation>单位类型</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
</context>
<context>
    <name>UnitPage</name>
    <message>
        <source>Your unit</source>
        <translation>本单位</translation>
    </message>
    <message>
        <source>The unit that holds the achievements this program manages.</source>
        <translation>本程序所管理科技成果的权属单位。</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>已保存。</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Unit</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>设置</translation>
    </message>
</context>
</TS>
