<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="zh_CN">
<context>
    <name>AccountForm</name>
    <message>
        <source>e.g. zhang.san</source>
        <translation>例如 zhang.san</translation>
    </message>
    <message>
        <source>Clearances above Internal are set by the secrecy administrator once the account exists.</source>
        <translation>内部以上的涉密等级由安全保密管理员在账户创建后设定。</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>账户角色</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>涉密等级</translation>
    </message>
</context>
<context>
    <name>AccountsPage</name>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>账户角色</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>涉密等级</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>已停用</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Must change passphrase</source>
        <translation>须改口令</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>New account…</source>
        <translation>新建账户…</translation>
    </message>
    <message>
        <source>Edit roles…</source>
        <translation>修改角色…</translation>
    </message>
    <message>
        <source>Disable…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Reset passphrase…</source>
        <translation>重设口令…</translation>
    </message>
    <message>
        <source>Set clearance…</source>
        <translation>设定涉密等级…</translation>
    </message>
    <message>
        <source>Request a clearance change…</source>
        <translation>申请调整涉密等级…</translation>
    </message>
    <message>
        <source>You can view the accounts; changing them is for the administrators.</source>
        <translation>您可以查看账户；账户的修改由相应管理员负责。</translation>
    </message>
    <message>
        <source>This is your own account: another administrator has to change it.</source>
        <translation>这是您本人的账户，须由其他管理员修改。</translation>
    </message>
    <message>
        <source>New account created</source>
        <translation>账户已创建</translation>
    </message>
    <message>
        <source>Account enabled</source>
        <translation>账户已启用</translation>
    </message>
    <message>
        <source>Reset passphrase</source>
        <translation>重设口令</translation>
    </message>
    <message>
        <source>Give %1 a new one-time passphrase? The current passphrase stops working at once.</source>
        <translation>为 %1 重新发放一次性口令？其现有口令将立即失效。</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Passphrase reset</source>
        <translation>口令已重设</translation>
    </message>
    <message>
        <source>Request submitted</source>
        <translation>申请已提交</translation>
    </message>
    <message>
        <source>The request was submitted. The secrecy administrator decides it under Approvals; the clearance changes once it is approved.</source>
        <translation>申请已提交，由安全保密管理员在“审批事项”中审批；批准后涉密等级才会调整。</translation>
    </message>
</context>
<context>
    <name>AchievementDialog</name>
    <message>
        <source>Register achievement</source>
        <translation>登记成果</translation>
    </message>
    <message>
        <source>View achievement %1 (%2)</source>
        <translation>查看成果 %1（%2）</translation>
    </message>
    <message>
        <source>Edit achievement %1 (%2)</source>
        <translation>编辑成果 %1（%2）</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>You may read this record but not change it.</source>
        <translation>您可以查看此记录，但不能修改。</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Attachments are added and removed at once; they do not wait for Save.</source>
        <translation>附件的添加和删除立即生效，无需点击“保存”。</translation>
    </message>
    <message>
        <source>This record has unsaved changes. Close it and lose them?</source>
        <translation>该记录有尚未保存的修改。关闭并放弃这些修改吗？</translation>
    </message>
    <message>
        <source>Discard changes</source>
        <translation>放弃修改</translation>
    </message>
    <message>
        <source>Keep editing</source>
        <translation>继续编辑</translation>
    </message>
</context>
<context>
    <name>AchievementForm</name>
    <message>
        <source>The achievement</source>
        <translation>成果信息</translation>
    </message>
    <message>
        <source>Separated by commas or 、</source>
        <translation>用逗号或顿号（、）分隔</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Achievement title</source>
        <translation>成果名称</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>经费来源</translation>
    </message>
    <message>
        <source>Project number</source>
        <translation>项目编号</translation>
    </message>
    <message>
        <source>Completers and intellectual property</source>
        <translation>完成人与知识产权</translation>
    </message>
    <message>
        <source>Achievement type</source>
        <translation>成果类型</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>贡献份额（%）</translation>
    </message>
    <message>
        <source>Completer</source>
        <translation>完成人</translation>
    </message>
    <message>
        <source>Add completer</source>
        <translation>添加完成人</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>申请号或登记号</translation>
    </message>
    <message>
        <source>Applied on</source>
        <translation>申请日</translation>
    </message>
    <message>
        <source>Granted on</source>
        <translation>授权日</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Dates as 2024-03-15; leave a date empty when there is none yet.</source>
        <translation>日期格式如 2024-03-15；尚无的日期请留空。</translation>
    </message>
    <message>
        <source>Add IP right</source>
        <translation>添加知识产权</translation>
    </message>
    <message>
        <source>Completers</source>
        <translation>完成人</translation>
    </message>
    <message>
        <source>IP rights</source>
        <translation>知识产权</translation>
    </message>
    <message>
        <source>Secrecy and compliance</source>
        <translation>密级与合规</translation>
    </message>
    <message>
        <source>On the negative list (measure 15)</source>
        <translation>列入负面清单（第十五条）</translation>
    </message>
    <message>
        <source>For example: concerns national security</source>
        <translation>例如：涉及国家安全</translation>
    </message>
    <message>
        <source>For example 2026-01-05</source>
        <translation>例如 2026-01-05</translation>
    </message>
    <message>
        <source>Concerns cooperation with or provision abroad</source>
        <translation>涉及境外合作或向境外提供</translation>
    </message>
    <message>
        <source>Secrecy level</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Secrecy mark</source>
        <translation>密级标志</translation>
    </message>
    <message>
        <source>Negative list</source>
        <translation>负面清单</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Ethics review</source>
        <translation>伦理审查</translation>
    </message>
    <message>
        <source>Approval number</source>
        <translation>批件号</translation>
    </message>
    <message>
        <source>Approval date</source>
        <translation>批准日期</translation>
    </message>
    <message>
        <source>Overseas</source>
        <translation>涉外</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Type a name</source>
        <translation>输入姓名</translation>
    </message>
    <message>
        <source>e.g. 50</source>
        <translation>如 50</translation>
    </message>
    <message>
        <source>For example 2024-03-15</source>
        <translation>例如 2024-03-15</translation>
    </message>
    <message>
        <source>Type the approval date as 2026-01-05.</source>
        <translation>请按“2026-01-05”的格式填写批准日期。</translation>
    </message>
    <message>
        <source>Row %1: enter the contribution share.</source>
        <translation>第 %1 行：请填写贡献份额。</translation>
    </message>
    <message>
        <source>application date</source>
        <translation>申请日</translation>
    </message>
    <message>
        <source>grant date</source>
        <translation>授权日</translation>
    </message>
    <message>
        <source>expiry date</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Row %1: enter the registration number.</source>
        <translation>第 %1 行：请填写申请号或登记号。</translation>
    </message>
    <message>
        <source>Row %1: the %2 “%3” is not a date (for example 2024-03-15).</source>
        <translation>第 %1 行：%2“%3”不是有效日期（例如 2024-03-15）。</translation>
    </message>
    <message>
        <source>Row %1: choose the completer.</source>
        <translation>第 %1 行：请选择完成人。</translation>
    </message>
    <message>
        <source>Row %1: “%2” is not in the people register; choose a person from the list.</source>
        <translation>第 %1 行：“%2”不在人员名册中，请从列表中选择。</translation>
    </message>
    <message>
        <source>Contract number</source>
        <translation>合同编号</translation>
    </message>
    <message>
        <source>For example: %1★10 years</source>
        <translation>例如：%1★10年</translation>
    </message>
    <message>
        <source>Total %1%</source>
        <translation>合计 %1%</translation>
    </message>
</context>
<context>
    <name>AchievementsPage</name>
    <message>
        <source>Achievement title</source>
        <translation>成果名称</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Import achievements from Excel</source>
        <translation>从 Excel 导入成果</translation>
    </message>
    <message>
        <source>Achievement type</source>
        <translation>成果类型</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Secrecy level</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>IP numbers</source>
        <translation>知识产权号</translation>
    </message>
    <message>
        <source>Search title, abstract, keywords, IP numbers or completers</source>
        <translation>搜索成果名称、摘要、关键词、知识产权号或完成人</translation>
    </message>
    <message>
        <source>Register achievement…</source>
        <translation>登记成果…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>View</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>终止…</translation>
    </message>
    <message>
        <source>Ends the record's life cycle, with a reason.</source>
        <translation>终止该成果的转化流程，须填写理由。</translation>
    </message>
    <message>
        <source>Reopen…</source>
        <translation>恢复…</translation>
    </message>
    <message>
        <source>Brings a terminated record back, with a reason.</source>
        <translation>恢复已终止的成果，须填写理由。</translation>
    </message>
    <message>
        <source>Import Excel…</source>
        <translation>导入 Excel…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Saves the list as it is filtered now.</source>
        <translation>按当前的检索和筛选条件导出成果清单。</translation>
    </message>
    <message>
        <source>Download import template…</source>
        <translation>下载导入模板…</translation>
    </message>
    <message>
        <source>All types</source>
        <translation>全部类型</translation>
    </message>
    <message>
        <source>All statuses</source>
        <translation>全部状态</translation>
    </message>
    <message>
        <source>All levels</source>
        <translation>全部密级</translation>
    </message>
    <message>
        <source>All departments</source>
        <translation>全部部门</translation>
    </message>
    <message>
        <source>All years</source>
        <translation>全部年份</translation>
    </message>
    <message>
        <source>Pay-later pool</source>
        <translation>先用后付成果池</translation>
    </message>
    <message>
        <source>All</source>
        <translation>全部</translation>
    </message>
    <message>
        <source>In the pool</source>
        <translation>池中成果</translation>
    </message>
    <message>
        <source>Not in the pool</source>
        <translation>非池中成果</translation>
    </message>
    <message>
        <source>Exporting…</source>
        <translation>正在导出…</translation>
    </message>
    <message>
        <source>Export the list to Excel</source>
        <translation>将成果清单导出为 Excel 文件</translation>
    </message>
    <message>
        <source>achievement-list.xlsx</source>
        <translation>科技成果清单.xlsx</translation>
    </message>
    <message>
        <source>Save the import template</source>
        <translation>保存导入模板</translation>
    </message>
    <message>
        <source>achievement-import-template.xlsx</source>
        <translation>成果导入模板.xlsx</translation>
    </message>
    <message>
        <source>Imported %1 achievements</source>
        <translation>已导入 %1 条成果</translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <source>Exported %1 achievements to %2</source>
        <translation>已导出 %1 条成果到 %2</translation>
    </message>
    <message>
        <source>Import template saved to %1</source>
        <translation>导入模板已保存到 %1</translation>
    </message>
    <message>
        <source>Could not load the list</source>
        <translation>未能加载列表</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>%1 found</source>
        <translation>找到 %1 项成果</translation>
    </message>
    <message>
        <source>%1 achievements</source>
        <translation>共 %1 项成果</translation>
    </message>
</context>
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
    <name>AppraisalDialog</name>
    <message>
        <source>The buyer is wholly state-owned: the appraisal is not required (measure 4).</source>
        <translation>受让方为国有全资企业，可以不进行资产评估（第（四）条）。</translation>
    </message>
    <message>
        <source>The buyer is not wholly state-owned: appraise, or record the unit's decision not to appraise and its basis (measure 4).</source>
        <translation>受让方不是国有全资企业：请进行资产评估，或记录单位不评估的决定及其依据（第（四）条）。</translation>
    </message>
    <message>
        <source>Choose the decision</source>
        <translation>请选择评估决定</translation>
    </message>
    <message>
        <source>Appraisal choice</source>
        <translation>评估决定</translation>
    </message>
    <message>
        <source>e.g. the president's office meeting of 5 January 2026</source>
        <translation>如：2026年1月5日校长办公会决定</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Appraised value</source>
        <translation>评估值</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决策日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>ApprovalDialogs</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>, party abroad</source>
        <translation>，涉及境外当事人</translation>
    </message>
    <message>
        <source>Filing to %1 (%2), %3 records</source>
        <translation>报送至%1（%2），共 %3 项</translation>
    </message>
    <message>
        <source>, encrypted</source>
        <translation>，加密</translation>
    </message>
</context>
<context>
    <name>ApprovalsPage</name>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>涉及人员</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Requested at</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Decided by</source>
        <translation>审批人</translation>
    </message>
    <message>
        <source>Decided at</source>
        <translation>处理时间</translation>
    </message>
    <message>
        <source>Decision note</source>
        <translation>审批意见</translation>
    </message>
    <message>
        <source>Request a clearance change for myself…</source>
        <translation>为本人申请调整涉密等级…</translation>
    </message>
    <message>
        <source>Approve…</source>
        <translation>批准…</translation>
    </message>
    <message>
        <source>Reject…</source>
        <translation>驳回…</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
    <message>
        <source>Requests you made, requests about you and, if you decide them, the requests waiting for a decision. Nobody decides their own request or one about themselves.</source>
        <translation>这里列出您提出的申请、与您有关的申请，以及（如您有审批权限）待您审批的申请。任何人不得审批本人提出或与本人有关的申请。</translation>
    </message>
    <message>
        <source>There are no requests.</source>
        <translation>暂无审批事项。</translation>
    </message>
    <message>
        <source>You made this request or it is about you: another person with the right to decide has to decide it.</source>
        <translation>这是您本人提出或与您本人有关的申请，须由其他有审批权限的人员审批。</translation>
    </message>
</context>
<context>
    <name>AttachmentList</name>
    <message>
        <source>Add attachment</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Shows the file in the program's own viewer; nothing is written to disk.</source>
        <translation>在程序自带的查看器中显示文件，不在磁盘上留下任何内容。</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>添加…</translation>
    </message>
    <message>
        <source>Save a copy…</source>
        <translation>另存副本…</translation>
    </message>
    <message>
        <source>Writes an unencrypted copy outside the vault; the export is recorded in the audit log.</source>
        <translation>在保管库之外保存一份未加密的副本；此次导出记入审计日志。</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>删除…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Added %1
SHA-256 %2</source>
        <translation>添加于 %1
SHA-256 %2</translation>
    </message>
    <message>
        <source>Attached %1.</source>
        <translation>已添加附件 %1。</translation>
    </message>
    <message>
        <source>Removed %1.</source>
        <translation>已删除附件 %1。</translation>
    </message>
</context>
<context>
    <name>AttachmentViewer</name>
    <message>
        <source>Previous page</source>
        <translation>上一页</translation>
    </message>
    <message>
        <source>Next page</source>
        <translation>下一页</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>缩小</translation>
    </message>
    <message>
        <source>Zoom in</source>
        <translation>放大</translation>
    </message>
    <message>
        <source>Fit to window</source>
        <translation>适合窗口</translation>
    </message>
    <message>
        <source>Reading the attachment…</source>
        <translation>正在读取附件…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Only the first %1 characters are shown.</source>
        <translation>仅显示前 %1 个字符。</translation>
    </message>
    <message>
        <source>Page %1 is damaged and cannot be shown.</source>
        <translation>第 %1 页已损坏，无法显示。</translation>
    </message>
    <message>
        <source>This PDF is protected by a password and cannot be previewed in the program. Save a copy and open it with another program.</source>
        <translation>此 PDF 设有打开密码，不能在程序内预览，可另存副本后用其他程序打开。</translation>
    </message>
    <message>
        <source>This PDF is damaged or in a format the program cannot read.</source>
        <translation>此 PDF 文件已损坏或格式无法识别，不能显示。</translation>
    </message>
    <message>
        <source>This PDF has no pages.</source>
        <translation>此 PDF 没有页面。</translation>
    </message>
    <message>
        <source>This image is damaged or in a format the program cannot read.</source>
        <translation>此图片已损坏或格式无法识别，不能显示。</translation>
    </message>
    <message>
        <source>This image is too large to preview (%1 × %2 pixels). Save a copy and open it with another program.</source>
        <translation>此图片太大（%1 × %2 像素），不能在程序内预览，可另存副本后用其他程序打开。</translation>
    </message>
    <message>
        <source>This text file is neither UTF-8 nor GB18030 and cannot be shown. Save a copy and open it with another program.</source>
        <translation>此文本文件既不是 UTF-8 也不是 GB18030 编码，不能显示，可另存副本后用其他程序打开。</translation>
    </message>
    <message>
        <source>This kind of file cannot be previewed in the program. Save a copy and open it with another program.</source>
        <translation>此类文件不能在程序内预览，可另存副本后用其他程序打开。</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>第 %1 页 / 共 %2 页</translation>
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
        <source>Save audit log extract as PDF</source>
        <translation>将审计日志摘录保存为 PDF</translation>
    </message>
    <message>
        <source>Transfer Desk (system)</source>
        <translation>系统</translation>
    </message>
    <message>
        <source>Unknown (failed sign-in)</source>
        <translation>未知（登录失败）</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>: </source>
        <translation>：</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>The content is classified above your clearance and is not shown.</source>
        <translation>内容密级高于您的涉密等级，不予显示</translation>
    </message>
    <message>
        <source>Enter the number of entries: a whole number, 0 or more.</source>
        <translation>请输入记录条数：不小于 0 的整数。</translation>
    </message>
    <message>
        <source>Enter the tree root: 64 hexadecimal digits, or the base64 line of the checkpoint.</source>
        <translation>请输入树根：64 位十六进制数字，或检查点中的 base64 一行。</translation>
    </message>
    <message>
        <source>the checkpoint you entered</source>
        <translation>您输入的检查点</translation>
    </message>
    <message>
        <source>Object number</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Clear filter</source>
        <translation>清除筛选</translation>
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
        <source>Verify the log</source>
        <translation>校验日志</translation>
    </message>
    <message>
        <source>Verify against a checkpoint…</source>
        <translation>按检查点校验…</translation>
    </message>
    <message>
        <source>Record checkpoint…</source>
        <translation>记录检查点…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Changes</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Select an entry to see what it changed.</source>
        <translation>选择一条记录，查看它改动了什么。</translation>
    </message>
    <message>
        <source>After</source>
        <translation>变更后</translation>
    </message>
    <message>
        <source>Field</source>
        <translation>字段</translation>
    </message>
    <message>
        <source>Before</source>
        <translation>变更前</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>全部人员</translation>
    </message>
    <message>
        <source>All actions</source>
        <translation>全部操作</translation>
    </message>
    <message>
        <source>All objects</source>
        <translation>全部对象</translation>
    </message>
    <message>
        <source>Actor: %1</source>
        <translation>操作人：%1</translation>
    </message>
    <message>
        <source>Action: %1</source>
        <translation>操作：%1</translation>
    </message>
    <message>
        <source>Object: %1</source>
        <translation>对象：%1</translation>
    </message>
    <message>
        <source>From date: %1</source>
        <translation>起始日期：%1</translation>
    </message>
    <message>
        <source>To date: %1</source>
        <translation>截止日期：%1</translation>
    </message>
    <message>
        <source>Loading…</source>
        <translation>正在加载…</translation>
    </message>
    <message>
        <source>Could not load the list</source>
        <translation>未能加载列表</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
    <message>
        <source>The log is intact: %1 entries, tree root %2. Checked %3.</source>
        <translation>日志完整：共 %1 条记录，树根 %2。校验时间：%3。</translation>
    </message>
    <message>
        <source>It agrees with the checkpoint you entered (%1 entries).</source>
        <translation>与您输入的检查点（%1 条）一致。</translation>
    </message>
    <message>
        <source>The log is NOT intact. First bad entry: No. %1. %2</source>
        <translation>日志不完整。首条问题记录：第 %1 条。%2</translation>
    </message>
    <message>
        <source>The log is NOT intact. %1</source>
        <translation>日志不完整。%1</translation>
    </message>
    <message>
        <source>Checked %1.</source>
        <translation>校验时间：%1。</translation>
    </message>
    <message>
        <source>Checkpoint %1 recorded: %2 entries, tree root %3.</source>
        <translation>已记录检查点 %1：共 %2 条记录，树根 %3。</translation>
    </message>
    <message>
        <source>Saved %1 entries to %2 (log tree: %3 entries, root %4).</source>
        <translation>已将 %1 条记录导出到 %2（日志树：共 %3 条，树根 %4）。</translation>
    </message>
    <message>
        <source>yyyy-MM-dd</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>%1 entries</source>
        <translation>共 %1 条</translation>
    </message>
    <message>
        <source>No. %1</source>
        <translation>第 %1 条</translation>
    </message>
    <message>
        <source>Every change is recorded here in the same transaction; entries cannot be edited or deleted.</source>
        <translation>每一项修改都在同一事务中记录于此；记录不能修改，也不能删除。</translation>
    </message>
</context>
<context>
    <name>CalendarDialog</name>
    <message>
        <source>Holiday table</source>
        <translation>节假日表</translation>
    </message>
    <message>
        <source>Deadlines are counted over this table: each year's public holidays and the weekend days worked instead, as the State Council's notice for the year sets them. A deadline reaching into a year not in the table cannot be computed.</source>
        <translation>各项期限按本表计算：每年的法定节假日及调休上班日，以国务院办公厅当年的节假日安排通知为准。期限涉及表中没有的年份时无法计算。</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Notice</source>
        <translation>通知</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>放假日期</translation>
    </message>
    <message>
        <source>Weekend workdays</source>
        <translation>调休上班日</translation>
    </message>
    <message>
        <source>Enter or correct a year</source>
        <translation>录入或更正一年的安排</translation>
    </message>
    <message>
        <source>e.g. General Office of the State Council, notice on the 2027 holidays</source>
        <translation>如：国务院办公厅关于2027年部分节假日安排的通知</translation>
    </message>
    <message>
        <source>One per line or separated by commas, e.g. 2027-01-01, 2月6日至2月12日</source>
        <translation>每行一个或以逗号分隔，如 2027-01-01，2月6日至2月12日</translation>
    </message>
    <message>
        <source>Saturdays or Sundays worked, e.g. 2月20日</source>
        <translation>调休上班的周六或周日，如 2月20日</translation>
    </message>
    <message>
        <source>Save the year</source>
        <translation>保存该年安排</translation>
    </message>
    <message>
        <source>Try a deadline</source>
        <translation>试算期限</translation>
    </message>
    <message>
        <source>e.g. 2026-01-05</source>
        <translation>如 2026-01-05</translation>
    </message>
    <message>
        <source>Calendar days, the last day moved past rest days (D1)</source>
        <translation>按日计算，期满日遇休息日顺延（D1）</translation>
    </message>
    <message>
        <source>Working days (D2)</source>
        <translation>按工作日计算（D2）</translation>
    </message>
    <message>
        <source>Compute</source>
        <translation>计算</translation>
    </message>
    <message>
        <source>From</source>
        <translation>起算日</translation>
    </message>
    <message>
        <source>Period length</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>届满</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Only the system administrator changes the holiday table.</source>
        <translation>节假日表只能由系统管理员修改。</translation>
    </message>
    <message>
        <source>Enter the day the period starts from.</source>
        <translation>请填写起算日。</translation>
    </message>
    <message>
        <source>%1 days</source>
        <translation>%1 天</translation>
    </message>
    <message>
        <source>Years in the table: %1. Choose one above to correct it.</source>
        <translation>表中已有年份：%1。在上表中选择一年可进行更正。</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>%1, 24:00</source>
        <translation>%1 24时</translation>
    </message>
</context>
<context>
    <name>CancelDialog</name>
    <message>
        <source>Cancel the calculation</source>
        <translation>作废本计算</translation>
    </message>
    <message>
        <source>Cancel this calculation? It stays on record with its figures; it can no longer be publicised or paid. Enter a new calculation instead.</source>
        <translation>作废本次奖励计算？计算结果仍留档备查，但不能再公示或发放。如需更正，请重新计算。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>e.g. the contribution shares were recorded wrongly</source>
        <translation>如：贡献份额登记有误</translation>
    </message>
</context>
<context>
    <name>CheckpointDialog</name>
    <message>
        <source>Verify against a checkpoint</source>
        <translation>按检查点校验</translation>
    </message>
    <message>
        <source>Type the number of entries and the tree root from an earlier extract or checkpoint. The log must still contain exactly those entries.</source>
        <translation>请输入以前的摘录或检查点上的记录条数和树根。日志中的前这些条记录必须与当时完全一致。</translation>
    </message>
    <message>
        <source>Entries</source>
        <translation>记录条数</translation>
    </message>
    <message>
        <source>Tree root</source>
        <translation>树根</translation>
    </message>
    <message>
        <source>Verify</source>
        <translation>校验</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>ChoosePage</name>
    <message>
        <source>What to file</source>
        <translation>选择报送内容</translation>
    </message>
    <message>
        <source>Tick the records to send. Each goes in with its data and its documents.</source>
        <translation>勾选要报送的记录。每条记录连同其数据和文件一并报送。</translation>
    </message>
    <message>
        <source>Filter by title</source>
        <translation>按标题筛选</translation>
    </message>
    <message>
        <source>Tick all shown</source>
        <translation>勾选显示的全部</translation>
    </message>
    <message>
        <source>Untick all</source>
        <translation>全部取消勾选</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Secrecy level</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Reading the records…</source>
        <translation>正在读取记录…</translation>
    </message>
    <message>
        <source>These records were approved as they are; they cannot be changed now.</source>
        <translation>这些内容已按原样审批，现在不能更改。</translation>
    </message>
    <message>
        <source>There are no records you could file.</source>
        <translation>没有可以报送的记录。</translation>
    </message>
    <message>
        <source>%1 chosen</source>
        <translation>已选 %1 项</translation>
    </message>
</context>
<context>
    <name>ClearanceDialog</name>
    <message>
        <source>Set clearance</source>
        <translation>设定涉密等级</translation>
    </message>
    <message>
        <source>e.g. the approval document number</source>
        <translation>例如审批文号</translation>
    </message>
    <message>
        <source>New clearance</source>
        <translation>新涉密等级</translation>
    </message>
    <message>
        <source>Basis</source>
        <translation>依据</translation>
    </message>
</context>
<context>
    <name>ClearanceFields</name>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Current clearance</source>
        <translation>现涉密等级</translation>
    </message>
</context>
<context>
    <name>ClearanceRequestDialog</name>
    <message>
        <source>Request a clearance change</source>
        <translation>申请调整涉密等级</translation>
    </message>
    <message>
        <source>The secrecy administrator decides this request. The clearance changes only once it is approved.</source>
        <translation>此申请由安全保密管理员审批，批准后涉密等级才会调整。</translation>
    </message>
    <message>
        <source>e.g. works on classified project A from March 2026</source>
        <translation>例如：自 2026 年 3 月起承担涉密项目 A</translation>
    </message>
    <message>
        <source>Requested clearance</source>
        <translation>申请涉密等级</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Submit request</source>
        <translation>提交申请</translation>
    </message>
</context>
<context>
    <name>ConfidentialityDialog</name>
    <message>
        <source>Edit confidentiality agreement %1</source>
        <translation>编辑保密协议 %1</translation>
    </message>
    <message>
        <source>New confidentiality agreement</source>
        <translation>登记保密协议</translation>
    </message>
</context>
<context>
    <name>ConfidentialityForm</name>
    <message>
        <source>Other party</source>
        <translation>协议对方</translation>
    </message>
    <message>
        <source>18 characters</source>
        <translation>18 位</translation>
    </message>
    <message>
        <source>Party type</source>
        <translation>对方类型</translation>
    </message>
    <message>
        <source>Enterprise name</source>
        <translation>企业名称</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Identity card number</source>
        <translation>居民身份证号</translation>
    </message>
    <message>
        <source>Classified achievements and secret matters</source>
        <translation>涉密成果与涉密事项</translation>
    </message>
    <message>
        <source>Search classified achievements by title</source>
        <translation>按名称查找涉密成果</translation>
    </message>
    <message>
        <source>Add to the agreement</source>
        <translation>加入协议</translation>
    </message>
    <message>
        <source>Remove from the agreement</source>
        <translation>从协议中移除</translation>
    </message>
    <message>
        <source>Covered by the agreement:</source>
        <translation>本协议涵盖：</translation>
    </message>
    <message>
        <source>For example: formulation and process parameters of the alloy</source>
        <translation>例如：合金配方及工艺参数</translation>
    </message>
    <message>
        <source>Achievements covered</source>
        <translation>涵盖成果</translation>
    </message>
    <message>
        <source>Secrecy level</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Secret matters covered</source>
        <translation>涉密事项范围</translation>
    </message>
    <message>
        <source>Term and obligations</source>
        <translation>保密期限与保密义务</translation>
    </message>
    <message>
        <source>Leave empty while the agreement is not signed.</source>
        <translation>协议尚未签订时请留空。</translation>
    </message>
    <message>
        <source>Term from</source>
        <translation>期限起</translation>
    </message>
    <message>
        <source>Term to</source>
        <translation>期限止</translation>
    </message>
    <message>
        <source>Obligations</source>
        <translation>保密义务</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Approval and filing record</source>
        <translation>审批备案</translation>
    </message>
    <message>
        <source>Cooperation on classified achievements must be approved and filed. Until the approving body, date and document number are recorded here, the agreement does not count as in force, and it opens no cooperation.</source>
        <translation>与企业、个人合作开展涉密成果赋权和转化，须依法依规审批备案。在此记录审批备案机关、日期和文号之前，本协议不计为有效，也不能据以开展合作。</translation>
    </message>
    <message>
        <source>Approving body</source>
        <translation>审批备案机关</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>审批备案日期</translation>
    </message>
    <message>
        <source>Approval document number</source>
        <translation>审批备案文号</translation>
    </message>
    <message>
        <source>For example 2026-01-05</source>
        <translation>例如 2026-01-05</translation>
    </message>
    <message>
        <source>No classified achievement matches.</source>
        <translation>没有符合条件的涉密成果。</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>“%1” is not a date; type it like 2026-01-05.</source>
        <translation>“%1”不是有效日期，请按“2026-01-05”或“2026年1月5日”的格式填写。</translation>
    </message>
</context>
<context>
    <name>ConfidentialityPage</name>
    <message>
        <source>Save the agreement as PDF</source>
        <translation>将保密协议保存为 PDF</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>对方</translation>
    </message>
    <message>
        <source>Party type</source>
        <translation>对方类型</translation>
    </message>
    <message>
        <source>Secrecy level</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Confidentiality term</source>
        <translation>保密期限</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Achievements covered</source>
        <translation>涵盖成果</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>New agreement…</source>
        <translation>登记保密协议…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Terminate…</source>
        <translation>终止…</translation>
    </message>
    <message>
        <source>Save agreement PDF…</source>
        <translation>保存协议 PDF…</translation>
    </message>
    <message>
        <source>Your clearance is below Secret: you cannot register an agreement.</source>
        <translation>您的涉密等级低于秘密，不能登记保密协议。</translation>
    </message>
    <message>
        <source>No confidentiality agreement is registered yet.</source>
        <translation>尚未登记保密协议。</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>%1 until %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <source>Secret matters covered: %1</source>
        <translation>涉密事项范围：%1</translation>
    </message>
    <message>
        <source>Signed on: %1</source>
        <translation>签订日期：%1</translation>
    </message>
    <message>
        <source>not yet signed</source>
        <translation>尚未签订</translation>
    </message>
    <message>
        <source>Approved and filed: %1, %2, %3</source>
        <translation>审批备案：%1，%2，%3</translation>
    </message>
    <message>
        <source>No approval and filing record: the agreement does not count as in force.</source>
        <translation>未记录审批备案：本协议不计为有效。</translation>
    </message>
    <message>
        <source>Terminated on %1.</source>
        <translation>已于%1终止。</translation>
    </message>
    <message>
        <source>Term: %1</source>
        <translation>保密期限：%1</translation>
    </message>
</context>
<context>
    <name>ConversionDialog</name>
    <message>
        <source>Convert into ownership</source>
        <translation>变更为所有权</translation>
    </message>
    <message>
        <source>During its term (%1 to %2) a use right may become ownership shared by the unit and the team, when both agree. The checks of measure 15 run again and the ownership-change filings are opened.</source>
        <translation>长期使用权在赋权期间（%1至%2）经单位与成果完成团队协商一致，可变更为双方共有的所有权。变更时重新进行第（十五）条规定的审查，并开始办理权属变更手续。</translation>
    </message>
    <message>
        <source>Unit's share (%)</source>
        <translation>单位份额（%）</translation>
    </message>
    <message>
        <source>Team's share (%)</source>
        <translation>团队份额（%）</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save the conversion</source>
        <translation>保存变更</translation>
    </message>
    <message>
        <source>Unit + team: %1%</source>
        <translation>单位 + 团队：%1%</translation>
    </message>
</context>
<context>
    <name>ConvertDialog</name>
    <message>
        <source>Convert into equity</source>
        <translation>转为股权</translation>
    </message>
    <message>
        <source>Agreed trigger: %1</source>
        <translation>约定的转股条件：%1</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>被投资公司</translation>
    </message>
    <message>
        <source>Number of shares, or leave empty</source>
        <translation>股份数（按出资比例计的可不填）</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>份额</translation>
    </message>
    <message>
        <source>Percent of registered capital</source>
        <translation>占注册资本的比例</translation>
    </message>
    <message>
        <source>Capital share (%)</source>
        <translation>出资比例（%）</translation>
    </message>
    <message>
        <source>Value of the holding</source>
        <translation>持股价值</translation>
    </message>
    <message>
        <source>Converted on</source>
        <translation>转股日期</translation>
    </message>
    <message>
        <source>Convert</source>
        <translation>转为股权</translation>
    </message>
    <message>
        <source>Type the number of shares in digits.</source>
        <translation>请用数字填写股份数。</translation>
    </message>
    <message>
        <source>Type the capital share as a number.</source>
        <translation>请用数字填写出资比例。</translation>
    </message>
</context>
<context>
    <name>CounterpartiesPage</name>
    <message>
        <source>Credit code or registration number</source>
        <translation>统一社会信用代码或登记号</translation>
    </message>
    <message>
        <source>Enterprise size</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <source>Counterparty name</source>
        <translation>合作方名称</translation>
    </message>
    <message>
        <source>Ownership type</source>
        <translation>所有制</translation>
    </message>
    <message>
        <source>Domestic or abroad</source>
        <translation>境内或境外</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Search name or credit code</source>
        <translation>按名称或统一社会信用代码搜索</translation>
    </message>
    <message>
        <source>New counterparty…</source>
        <translation>新建合作方…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>%1 counterparties</source>
        <translation>共 %1 个合作方</translation>
    </message>
</context>
<context>
    <name>CounterpartyDialog</name>
    <message>
        <source>Edit counterparty</source>
        <translation>编辑合作方</translation>
    </message>
    <message>
        <source>New counterparty</source>
        <translation>新建合作方</translation>
    </message>
</context>
<context>
    <name>CounterpartyForm</name>
    <message>
        <source>e.g. Shenyang Xinhe Technology Co., Ltd.</source>
        <translation>如：沈阳新禾科技有限公司</translation>
    </message>
    <message>
        <source>Use first, pay later licences are open to small, medium and micro enterprises only (measure 5).</source>
        <translation>“先使用后付费”许可只面向中小微企业（第（五）条）。</translation>
    </message>
    <message>
        <source>Contact person, phone, e-mail, address</source>
        <translation>联系人、电话、电子邮箱、地址</translation>
    </message>
    <message>
        <source>Unified social credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Counterparty name</source>
        <translation>合作方名称</translation>
    </message>
    <message>
        <source>Domestic or abroad</source>
        <translation>境内或境外</translation>
    </message>
    <message>
        <source>Ownership type</source>
        <translation>所有制</translation>
    </message>
    <message>
        <source>Enterprise size</source>
        <translation>企业规模</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Registration number abroad</source>
        <translation>境外登记号</translation>
    </message>
    <message>
        <source>Optional for a party abroad</source>
        <translation>境外合作方可不填</translation>
    </message>
    <message>
        <source>18 characters, e.g. 91210100MA0XXXXXXX</source>
        <translation>18 位，如 91210100MA0XXXXXXX</translation>
    </message>
</context>
<context>
    <name>DeadlineDialog</name>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>届满</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>计算说明</translation>
    </message>
    <message>
        <source>%1, 24:00</source>
        <translation>%1 24时</translation>
    </message>
</context>
<context>
    <name>DecideDialog</name>
    <message>
        <source>Approve request</source>
        <translation>批准申请</translation>
    </message>
    <message>
        <source>Reject request</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <source>e.g. agreed by the secrecy committee on 2026-01-05</source>
        <translation>例如：经 2026 年 1 月 5 日保密委员会会议同意</translation>
    </message>
    <message>
        <source>Why the request is turned down</source>
        <translation>请说明驳回的理由</translation>
    </message>
    <message>
        <source>Request</source>
        <translation>申请</translation>
    </message>
    <message>
        <source>Concerns</source>
        <translation>涉及人员</translation>
    </message>
    <message>
        <source>Asked for</source>
        <translation>申请内容</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Requested by</source>
        <translation>申请人</translation>
    </message>
    <message>
        <source>Note (optional)</source>
        <translation>审批意见（可不填）</translation>
    </message>
    <message>
        <source>Reason for rejecting</source>
        <translation>驳回理由</translation>
    </message>
    <message>
        <source>Approve</source>
        <translation>批准</translation>
    </message>
    <message>
        <source>Reject</source>
        <translation>驳回</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Edit decision</source>
        <translation>编辑决策记录</translation>
    </message>
    <message>
        <source>New decision</source>
        <translation>登记决策记录</translation>
    </message>
    <message>
        <source>Reason for changing the level</source>
        <translation>变更密级的理由</translation>
    </message>
</context>
<context>
    <name>DecisionForm</name>
    <message>
        <source>MMM d, yyyy</source>
        <translation>yyyy年M月d日</translation>
    </message>
    <message>
        <source>One name per line</source>
        <translation>每行一人</translation>
    </message>
    <message>
        <source>Recorded vote</source>
        <translation>记录表决票数</translation>
    </message>
    <message>
        <source>For</source>
        <translation>赞成</translation>
    </message>
    <message>
        <source>Against</source>
        <translation>反对</translation>
    </message>
    <message>
        <source>Abstain</source>
        <translation>弃权</translation>
    </message>
    <message>
        <source>Decision body</source>
        <translation>决策机构</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Date of decision</source>
        <translation>决策日期</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>决策结果</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>表决情况</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>决议摘要</translation>
    </message>
    <message>
        <source>Secrecy level</source>
        <translation>密级</translation>
    </message>
</context>
<context>
    <name>DecisionsPage</name>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Decision body</source>
        <translation>决策机构</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>决策结果</translation>
    </message>
    <message>
        <source>Votes</source>
        <translation>表决情况</translation>
    </message>
    <message>
        <source>Secrecy level</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>Search subject, summary or participants</source>
        <translation>搜索议题、摘要或参会人员</translation>
    </message>
    <message>
        <source>New decision…</source>
        <translation>登记决策…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>详细信息</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>决议摘要</translation>
    </message>
    <message>
        <source>Linked to</source>
        <translation>关联对象</translation>
    </message>
    <message>
        <source>Attachments</source>
        <translation>附件</translation>
    </message>
    <message>
        <source>Not recorded</source>
        <translation>未记录</translation>
    </message>
    <message>
        <source>%1 for, %2 against, %3 abstain</source>
        <translation>赞成 %1，反对 %2，弃权 %3</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
</context>
<context>
    <name>DisableDialog</name>
    <message>
        <source>Disable account</source>
        <translation>停用账户</translation>
    </message>
    <message>
        <source>Disable the account of %1? Its key slot is removed, so it can no longer log in. Its records and history stay.</source>
        <translation>停用 %1 的账户？其密钥槽将被删除，此后无法登录；其记录和历史保留不变。</translation>
    </message>
    <message>
        <source>e.g. left the unit on 2026-01-31</source>
        <translation>例如：2026年1月31日调离本单位</translation>
    </message>
    <message>
        <source>Reason for disabling</source>
        <translation>停用原因</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>停用</translation>
    </message>
</context>
<context>
    <name>DiscardDraftDialog</name>
    <message>
        <source>Discard a filing</source>
        <translation>放弃报送件</translation>
    </message>
    <message>
        <source>Discard the filing of %1 records to %2? Its approval no longer counts; the records themselves are not touched.</source>
        <translation>放弃这份报送至“%2”、共 %1 项的报送件？其保密审批随之作废；记录本身不受影响。</translation>
    </message>
    <message>
        <source>Discard</source>
        <translation>放弃</translation>
    </message>
</context>
<context>
    <name>DonePage</name>
    <message>
        <source>Filing written</source>
        <translation>报送件已写入</translation>
    </message>
    <message>
        <source>The filing was written, read back and checked.</source>
        <translation>报送件已写入、读回并核验无误。</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Highest secrecy level (mark)</source>
        <translation>最高密级（标志）</translation>
    </message>
    <message>
        <source>Eject the USB stick safely (in the system's tray or file manager) before you pull it out; otherwise the filing may not be completely on it. Keep the SHA-256 above: the recipient can compare it.</source>
        <translation>请先在系统托盘或文件管理器中安全弹出 U 盘，再拔下；否则报送件可能没有完整写入。请记下上面的 SHA-256，收件单位可以据此核对。</translation>
    </message>
    <message>
        <source>%1 (%2 bytes)</source>
        <translation>%1（%2 字节）</translation>
    </message>
</context>
<context>
    <name>Errors</name>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>Transfer Desk</source>
        <translation>成果转化工作台</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Rule: %1</source>
        <translation>规则编号：%1</translation>
    </message>
    <message>
        <source>Not allowed by the rules</source>
        <translation>不得办理</translation>
    </message>
    <message>
        <source>An internal error occurred. Your saved data is safe; the last action was not completed. Please report the details below to your system administrator.</source>
        <translation>程序发生内部错误。已保存的数据是安全的，最后一项操作未完成。请将下面的详细信息报告给系统管理员。</translation>
    </message>
</context>
<context>
    <name>ExcludeDialog</name>
    <message>
        <source>Exclude from the pool</source>
        <translation>排除出成果池</translation>
    </message>
    <message>
        <source>Exclude “%1” from the pay-later pool? It will not be published.</source>
        <translation>将“%1”排除出先用后付成果池？排除后不会发布。</translation>
    </message>
    <message>
        <source>Required: why it stays out of the pool</source>
        <translation>必填：不纳入成果池的理由</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Exclude</source>
        <translation>排除</translation>
    </message>
</context>
<context>
    <name>ExportCheckDialog</name>
    <message>
        <source>Technology export check</source>
        <translation>技术出口核查</translation>
    </message>
    <message>
        <source>Record the check</source>
        <translation>记录核查</translation>
    </message>
    <message>
        <source>Choose the finding</source>
        <translation>请选择核查结论</translation>
    </message>
    <message>
        <source>Catalogue finding</source>
        <translation>目录核查结论</translation>
    </message>
    <message>
        <source>Catalogue version</source>
        <translation>目录版本</translation>
    </message>
    <message>
        <source>e.g. 2023 edition, as adjusted in 2025</source>
        <translation>如：2023年版（2025年调整）</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <source>Export licence number</source>
        <translation>技术出口许可证号</translation>
    </message>
    <message>
        <source>Contract registration number</source>
        <translation>合同登记号</translation>
    </message>
    <message>
        <source>Once the contract is registered</source>
        <translation>合同登记后填写</translation>
    </message>
</context>
<context>
    <name>ExportPage</name>
    <message>
        <source>Exporting</source>
        <translation>正在导出</translation>
    </message>
    <message>
        <source>Sealing the filing, writing it, reading it back and checking it.</source>
        <translation>正在封装报送件，写入、读回并核验。</translation>
    </message>
    <message>
        <source>Cancel export</source>
        <translation>取消导出</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>正在写入 %1…</translation>
    </message>
    <message>
        <source>Cancelling…</source>
        <translation>正在取消…</translation>
    </message>
</context>
<context>
    <name>ExtensionDialog</name>
    <message>
        <source>Extend the use right</source>
        <translation>延长长期使用权期限</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <source>Term now</source>
        <translation>现有期限</translation>
    </message>
    <message>
        <source>New end</source>
        <translation>延长后的终止日</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Save the extension</source>
        <translation>保存延长</translation>
    </message>
</context>
<context>
    <name>FilingDialogs</name>
    <message>
        <source>Kind of record</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Secrecy level</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>File in the filing</source>
        <translation>报送件中的文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
</context>
<context>
    <name>FilingStepDialog</name>
    <message>
        <source>Ownership change filing</source>
        <translation>权属变更手续</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>手续</translation>
    </message>
    <message>
        <source>Open since</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>Number of the CNIPA notice</source>
        <translation>国家知识产权局手续合格通知书编号</translation>
    </message>
    <message>
        <source>CNIPA notice number</source>
        <translation>国家知识产权局通知书编号</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Empty until the change is registered</source>
        <translation>变更登记完成前留空</translation>
    </message>
    <message>
        <source>Record the step</source>
        <translation>记录进度</translation>
    </message>
</context>
<context>
    <name>FilingWizard</name>
    <message>
        <source>Choose the folder to write the filing to</source>
        <translation>选择写入报送件的文件夹</translation>
    </message>
    <message>
        <source>New filing</source>
        <translation>新建报送</translation>
    </message>
    <message>
        <source>Continue filing</source>
        <translation>继续导出报送件</translation>
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
        <source>Export</source>
        <translation>导出</translation>
    </message>
    <message>
        <source>The export was cancelled; nothing was left in the folder.</source>
        <translation>导出已取消，文件夹中没有留下任何文件。</translation>
    </message>
</context>
<context>
    <name>FilingsPage</name>
    <message>
        <source>Import a key card</source>
        <translation>导入密钥卡</translation>
    </message>
    <message>
        <source>Key cards (*%1)</source>
        <translation>密钥卡 (*%1)</translation>
    </message>
    <message>
        <source>Check a filing</source>
        <translation>核验报送件</translation>
    </message>
    <message>
        <source>Sealed filings (*%1 *%2)</source>
        <translation>报送件 (*%1 *%2)</translation>
    </message>
    <message>
        <source>Save a copy as</source>
        <translation>另存副本</translation>
    </message>
    <message>
        <source>Outgoing</source>
        <translation>发出</translation>
    </message>
    <message>
        <source>Incoming</source>
        <translation>收到</translation>
    </message>
    <message>
        <source>Keys</source>
        <translation>密钥</translation>
    </message>
    <message>
        <source>New filing…</source>
        <translation>新建报送…</translation>
    </message>
    <message>
        <source>Waiting for the secrecy approval</source>
        <translation>等待保密审批</translation>
    </message>
    <message>
        <source>Recipient office</source>
        <translation>收件单位</translation>
    </message>
    <message>
        <source>Records</source>
        <translation>记录数</translation>
    </message>
    <message>
        <source>Secrecy level</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>What goes in</source>
        <translation>报送内容</translation>
    </message>
    <message>
        <source>Requested on</source>
        <translation>申请时间</translation>
    </message>
    <message>
        <source>Approval</source>
        <translation>审批</translation>
    </message>
    <message>
        <source>Continue export…</source>
        <translation>继续导出…</translation>
    </message>
    <message>
        <source>Discard…</source>
        <translation>放弃…</translation>
    </message>
    <message>
        <source>Filings sent</source>
        <translation>已发出的报送件</translation>
    </message>
    <message>
        <source>Filing ID</source>
        <translation>报送件编号</translation>
    </message>
    <message>
        <source>Sequence</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Encrypted</source>
        <translation>加密</translation>
    </message>
    <message>
        <source>File</source>
        <translation>文件</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>大小</translation>
    </message>
    <message>
        <source>Exported on</source>
        <translation>导出时间</translation>
    </message>
    <message>
        <source>Check a file…</source>
        <translation>核验文件…</translation>
    </message>
    <message>
        <source>Check a filing from a USB stick before importing it.</source>
        <translation>导入前先核验 U 盘上的报送件。</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发送单位</translation>
    </message>
    <message>
        <source>Time claimed</source>
        <translation>声称时间</translation>
    </message>
    <message>
        <source>Imported on</source>
        <translation>导入时间</translation>
    </message>
    <message>
        <source>Kind of record</source>
        <translation>记录类别</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Number at the sender</source>
        <translation>发送单位的编号</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Documents of the record</source>
        <translation>记录的文件</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>查看</translation>
    </message>
    <message>
        <source>Save as…</source>
        <translation>另存为…</translation>
    </message>
    <message>
        <source>This unit's keys</source>
        <translation>本单位密钥</translation>
    </message>
    <message>
        <source>This unit has no filing keys yet. The system administrator generates them; then the key card goes to the offices we file with.</source>
        <translation>本单位还没有报送密钥。由系统管理员生成密钥，再把密钥卡交给报送往来的单位。</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>密钥编号</translation>
    </message>
    <message>
        <source>Fingerprint</source>
        <translation>指纹</translation>
    </message>
    <message>
        <source>Receiving key (age)</source>
        <translation>接收公钥（age）</translation>
    </message>
    <message>
        <source>Made on</source>
        <translation>生成时间</translation>
    </message>
    <message>
        <source>Generate keys…</source>
        <translation>生成密钥…</translation>
    </message>
    <message>
        <source>Replace keys…</source>
        <translation>更换密钥…</translation>
    </message>
    <message>
        <source>Save key card…</source>
        <translation>导出密钥卡…</translation>
    </message>
    <message>
        <source>Trusted offices</source>
        <translation>信任的单位</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Credit code</source>
        <translation>统一社会信用代码</translation>
    </message>
    <message>
        <source>Added on</source>
        <translation>添加时间</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Import key card…</source>
        <translation>导入密钥卡…</translation>
    </message>
    <message>
        <source>Retire…</source>
        <translation>停用…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>Filing written to %1</source>
        <translation>报送件已写入 %1</translation>
    </message>
    <message>
        <source>The secrecy approval is requested. Once it is granted, continue the export here (Continue export…).</source>
        <translation>已申请保密审批。批准后，请在此处继续导出（“继续导出…”）。</translation>
    </message>
    <message>
        <source>Key card saved:
%1
%2 (print it, sign it, and send it on paper)</source>
        <translation>密钥卡已导出：
%1
%2（请打印、签字盖章，以纸质方式送达）</translation>
    </message>
    <message>
        <source>Cannot read %1: %2</source>
        <translation>无法读取 %1：%2</translation>
    </message>
    <message>
        <source>The key of %1 is now trusted.</source>
        <translation>已信任“%1”的公钥。</translation>
    </message>
    <message>
        <source>The unit's keys are ready. Save the key card and give it to the offices.</source>
        <translation>本单位密钥已生成。请导出密钥卡，交给报送往来的单位。</translation>
    </message>
    <message>
        <source>Not requested</source>
        <translation>未申请</translation>
    </message>
    <message>
        <source>Waiting for the secrecy approval (%1)</source>
        <translation>等待保密审批（%1）</translation>
    </message>
    <message>
        <source>Filings sent (%1)</source>
        <translation>已发出的报送件（%1）</translation>
    </message>
    <message>
        <source>Differs from the earlier copy</source>
        <translation>与先前版本不同</translation>
    </message>
    <message>
        <source>In use</source>
        <translation>在用</translation>
    </message>
    <message>
        <source>Retired on %1 (%2)</source>
        <translation>已于%1停用（%2）</translation>
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
    <name>FolderPage</name>
    <message>
        <source>Target folder</source>
        <translation>目标文件夹</translation>
    </message>
    <message>
        <source>Where the filing is written: normally the USB stick.</source>
        <translation>报送件写入的位置，通常是 U 盘。</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>选择…</translation>
    </message>
    <message>
        <source>Folder</source>
        <translation>文件夹</translation>
    </message>
    <message>
        <source>The filing is first written under a temporary name, read back and checked, and only then given its name: a stick pulled out, full or read-only keeps no half-written filing. Leave the stick in until the wizard says it is done.</source>
        <translation>报送件先以临时文件名写入，读回并核验后才改为正式文件名：U 盘被拔出、已满或只读时，不会留下写了一半的报送件。在向导提示完成之前，请不要拔出 U 盘。</translation>
    </message>
    <message>
        <source>This folder does not exist.</source>
        <translation>该文件夹不存在。</translation>
    </message>
    <message>
        <source>Will be written as %1</source>
        <translation>将写入为 %1</translation>
    </message>
</context>
<context>
    <name>GateChecks</name>
    <message>
        <source>Request secrecy approval…</source>
        <translation>申请保密审批…</translation>
    </message>
    <message>
        <source>Record export check…</source>
        <translation>记录技术出口核查…</translation>
    </message>
    <message>
        <source>Findings</source>
        <translation>审查结果</translation>
    </message>
    <message>
        <source>Secrecy approval</source>
        <translation>保密审批</translation>
    </message>
    <message>
        <source>Export check</source>
        <translation>技术出口核查</translation>
    </message>
    <message>
        <source>Nothing stands in the way.</source>
        <translation>未发现障碍。</translation>
    </message>
    <message>
        <source>Change export check…</source>
        <translation>修改技术出口核查…</translation>
    </message>
    <message>
        <source>Not classified: no secrecy approval needed.</source>
        <translation>不涉密，无需保密审批。</translation>
    </message>
    <message>
        <source>Not requested yet.</source>
        <translation>尚未申请。</translation>
    </message>
    <message>
        <source>%1 (requested %2)</source>
        <translation>%1（%2申请）</translation>
    </message>
    <message>
        <source>: %1</source>
        <translation>：%1</translation>
    </message>
    <message>
        <source>No party abroad: no export check needed.</source>
        <translation>不涉及境外当事人，无需技术出口核查。</translation>
    </message>
    <message>
        <source>Not checked yet.</source>
        <translation>尚未核查。</translation>
    </message>
    <message>
        <source>%1 (catalogue %2, checked %3)</source>
        <translation>%1（目录版本：%2；%3核查）</translation>
    </message>
    <message>
        <source>Export licence: %1</source>
        <translation>技术出口许可证号：%1</translation>
    </message>
    <message>
        <source>Contract registration: %1</source>
        <translation>合同登记号：%1</translation>
    </message>
</context>
<context>
    <name>GatePage</name>
    <message>
        <source>Secrecy approval</source>
        <translation>保密审批</translation>
    </message>
    <message>
        <source>Approval granted</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>e.g. annual report of classified achievements to the provincial department</source>
        <translation>例如：向省科技厅年度报送涉密成果</translation>
    </message>
    <message>
        <source>Reason for the filing</source>
        <translation>报送理由</translation>
    </message>
    <message>
        <source>Request secrecy approval</source>
        <translation>申请保密审批</translation>
    </message>
    <message>
        <source>The secrecy administrator has approved this filing.</source>
        <translation>保密管理员已批准这份报送件。</translation>
    </message>
    <message>
        <source>The filing holds %1 content. It was approved as it stands: the same records to the same office.</source>
        <translation>报送件含%1内容，已按原样批准：相同的记录，报送给相同的单位。</translation>
    </message>
    <message>
        <source>Classified content needs the secrecy administrator.</source>
        <translation>涉密内容须经保密管理员审批。</translation>
    </message>
    <message>
        <source>The filing holds %1 content. Content classified 秘密 or 机密 (or above) may leave the unit only with the secrecy administrator's recorded approval. Give the reason and request the approval: the filing is kept as a draft, and once it is approved you continue the export from the Sent tab (继续导出…).</source>
        <translation>报送件含%1内容。秘密、机密（及以上）内容须经保密管理员审批并留有记录，方可报送出本单位。请填写理由并申请审批：报送件先保存为草稿，批准后在“发出”页继续导出（“继续导出…”）。</translation>
    </message>
    <message>
        <source>Submitting the request…</source>
        <translation>正在提交申请…</translation>
    </message>
</context>
<context>
    <name>GrantDetail</name>
    <message>
        <source>Unit %1%, team %2%</source>
        <translation>单位 %1%，团队 %2%</translation>
    </message>
    <message>
        <source>%1 to %2</source>
        <translation>%1至%2</translation>
    </message>
    <message>
        <source>Not allowed</source>
        <translation>不得办理</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source> (source not verified)</source>
        <translation>（依据未经核实）</translation>
    </message>
    <message>
        <source>Advisory</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Term extended to %1</source>
        <translation>期限延至 %1</translation>
    </message>
    <message>
        <source>Became ownership: %1</source>
        <translation>变更为所有权：%1</translation>
    </message>
    <message>
        <source>Edit draft…</source>
        <translation>修改草稿…</translation>
    </message>
    <message>
        <source>Start the publicity…</source>
        <translation>开始公示…</translation>
    </message>
    <message>
        <source>Take effect…</source>
        <translation>办理生效…</translation>
    </message>
    <message>
        <source>Withdraw…</source>
        <translation>撤回…</translation>
    </message>
    <message>
        <source>Save agreement PDF…</source>
        <translation>保存协议 PDF…</translation>
    </message>
    <message>
        <source>Terms and checks</source>
        <translation>赋权内容与审查</translation>
    </message>
    <message>
        <source>Publicity and objections</source>
        <translation>公示与异议</translation>
    </message>
    <message>
        <source>Supplementary agreements</source>
        <translation>补充协议</translation>
    </message>
    <message>
        <source>Ownership change filings</source>
        <translation>权属变更手续</translation>
    </message>
    <message>
        <source>Terms as they stand</source>
        <translation>现行赋权内容</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>科技成果</translation>
    </message>
    <message>
        <source>Grant of</source>
        <translation>赋权方式</translation>
    </message>
    <message>
        <source>Shares</source>
        <translation>份额</translation>
    </message>
    <message>
        <source>Term</source>
        <translation>期限</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Party abroad</source>
        <translation>境外当事人</translation>
    </message>
    <message>
        <source>Revenue split</source>
        <translation>收益分配</translation>
    </message>
    <message>
        <source>Decision making</source>
        <translation>决策机制</translation>
    </message>
    <message>
        <source>Cost sharing</source>
        <translation>费用分担</translation>
    </message>
    <message>
        <source>Checks of measure 15 today</source>
        <translation>第（十五）条审查（截至今日）</translation>
    </message>
    <message>
        <source>Publicity</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Publicity period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Objector</source>
        <translation>异议人</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Settled on</source>
        <translation>处理日期</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Record objection…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <source>Settle objection…</source>
        <translation>处理异议…</translation>
    </message>
    <message>
        <source>Supplementary agreement</source>
        <translation>补充协议编号</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>What changed</source>
        <translation>变更内容</translation>
    </message>
    <message>
        <source>Extend the term…</source>
        <translation>延长期限…</translation>
    </message>
    <message>
        <source>Convert into ownership…</source>
        <translation>变更为所有权…</translation>
    </message>
    <message>
        <source>Save supplementary agreement PDF…</source>
        <translation>保存补充协议 PDF…</translation>
    </message>
    <message>
        <source>A grant of ownership changes who holds the registered rights: each change is filed with CNIPA and followed until its notice arrives.</source>
        <translation>赋予所有权后，已登记知识产权的权利人随之变更：每项变更须向国家知识产权局办理，并跟踪至收到手续合格通知书。</translation>
    </message>
    <message>
        <source>Filing</source>
        <translation>手续</translation>
    </message>
    <message>
        <source>IP number</source>
        <translation>知识产权号</translation>
    </message>
    <message>
        <source>Open since</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>CNIPA notice number</source>
        <translation>国家知识产权局通知书编号</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Days</source>
        <translation>已用天数</translation>
    </message>
    <message>
        <source>Record a step…</source>
        <translation>记录办理进度…</translation>
    </message>
    <message>
        <source>Choose a grant in the list.</source>
        <translation>请在列表中选择一项赋权。</translation>
    </message>
    <message>
        <source> (since %1)</source>
        <translation>（%1起）</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>（匿名）</translation>
    </message>
    <message>
        <source> (converted from a use right on %1)</source>
        <translation>（%1由长期使用权变更）</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Checked when the grant took effect.</source>
        <translation>已在赋权生效时审查。</translation>
    </message>
    <message>
        <source>Withdrawn: %1</source>
        <translation>已撤回：%1</translation>
    </message>
    <message>
        <source>Not publicised yet.</source>
        <translation>尚未公示。</translation>
    </message>
</context>
<context>
    <name>GrantDialog</name>
    <message>
        <source>Edit rights grant</source>
        <translation>修改赋权</translation>
    </message>
    <message>
        <source>New rights grant</source>
        <translation>拟定赋权</translation>
    </message>
    <message>
        <source>Measure 1: the unit grants the team ownership together with the unit, or a use right of at least ten years. The team is drawn from the achievement's completers. Saving keeps the grant as a draft; it takes effect only after its publicity.</source>
        <translation>依据辽科发〔2025〕6号第（一）条，单位可赋予成果完成团队与单位共有的所有权，或不少于10年的长期使用权；获得赋权的团队须为该成果的完成人。保存后为草稿，经公示后方可生效。</translation>
    </message>
</context>
<context>
    <name>GrantDialogs</name>
    <message>
        <source>%1 days (set by the unit, not verified)</source>
        <translation>%1 日（单位设置，未经核实）</translation>
    </message>
</context>
<context>
    <name>GrantForm</name>
    <message>
        <source>“%1” is not a date: type it as 2026-01-05 or 2026年1月5日.</source>
        <translation>“%1”不是有效日期，请按 2026-01-05 或 2026年1月5日 填写。</translation>
    </message>
    <message>
        <source>Search achievements by title</source>
        <translation>按成果名称搜索</translation>
    </message>
    <message>
        <source>No achievement chosen</source>
        <translation>尚未选择成果</translation>
    </message>
    <message>
        <source>Completer</source>
        <translation>完成人</translation>
    </message>
    <message>
        <source>Contribution (%)</source>
        <translation>贡献份额（%）</translation>
    </message>
    <message>
        <source>ID number</source>
        <translation>身份证号</translation>
    </message>
    <message>
        <source>Share in the team (%)</source>
        <translation>团队内份额（%）</translation>
    </message>
    <message>
        <source>Only the achievement's completers may receive the grant.</source>
        <translation>只有该成果的完成人可以获得赋权。</translation>
    </message>
    <message>
        <source>Remove from the team</source>
        <translation>移出团队</translation>
    </message>
    <message>
        <source>All completers again</source>
        <translation>恢复全部完成人</translation>
    </message>
    <message>
        <source>A party abroad (the technology export check applies)</source>
        <translation>有境外当事人（须进行技术出口核查）</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>科技成果</translation>
    </message>
    <message>
        <source>Grant of</source>
        <translation>赋权方式</translation>
    </message>
    <message>
        <source>Unit's share (%)</source>
        <translation>单位份额（%）</translation>
    </message>
    <message>
        <source>Team's share (%)</source>
        <translation>团队份额（%）</translation>
    </message>
    <message>
        <source>Term from</source>
        <translation>期限起</translation>
    </message>
    <message>
        <source>Term until</source>
        <translation>期限止</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Overseas</source>
        <translation>涉外</translation>
    </message>
    <message>
        <source>Revenue split</source>
        <translation>收益分配</translation>
    </message>
    <message>
        <source>Decision making</source>
        <translation>决策机制</translation>
    </message>
    <message>
        <source>Cost sharing</source>
        <translation>费用分担</translation>
    </message>
    <message>
        <source>e.g. 30</source>
        <translation>如 30</translation>
    </message>
    <message>
        <source>e.g. 2026-01-05</source>
        <translation>如 2026-01-05</translation>
    </message>
    <message>
        <source>Choose the achievement to grant.</source>
        <translation>请选择要赋权的成果。</translation>
    </message>
    <message>
        <source>Enter %1's share in the team.</source>
        <translation>请填写%1的团队内份额。</translation>
    </message>
    <message>
        <source>At least %1 years from the start</source>
        <translation>自起始日起不少于%1年</translation>
    </message>
    <message>
        <source>At least %1 years: the end may not be before %2</source>
        <translation>不少于%1年：终止日不早于 %2</translation>
    </message>
    <message>
        <source>On file</source>
        <translation>已登记</translation>
    </message>
    <message>
        <source>Not on file</source>
        <translation>未登记</translation>
    </message>
    <message>
        <source>Unit + team: %1%</source>
        <translation>单位 + 团队：%1%</translation>
    </message>
    <message>
        <source>Team total: %1%</source>
        <translation>团队合计：%1%</translation>
    </message>
</context>
<context>
    <name>GrantStepDialog</name>
    <message>
        <source>e.g. 2026-01-05</source>
        <translation>如 2026-01-05</translation>
    </message>
</context>
<context>
    <name>GrantsPage</name>
    <message>
        <source>Save agreement as PDF</source>
        <translation>将协议保存为 PDF</translation>
    </message>
    <message>
        <source>Start the publicity</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <source>Settle %1 objection(s)</source>
        <translation>处理异议（%1 项）</translation>
    </message>
    <message>
        <source>Objection upheld: withdraw and draft again</source>
        <translation>异议成立：撤回后重新拟定</translation>
    </message>
    <message>
        <source>Publicity runs until %1</source>
        <translation>公示中，%1届满</translation>
    </message>
    <message>
        <source>Take effect</source>
        <translation>办理生效</translation>
    </message>
    <message>
        <source>%1 ownership change filing(s) open</source>
        <translation>权属变更手续待办 %1 项</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>科技成果</translation>
    </message>
    <message>
        <source>Grant of</source>
        <translation>赋权方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Shares or term</source>
        <translation>份额或期限</translation>
    </message>
    <message>
        <source>Publicity until</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>New rights grant…</source>
        <translation>拟定赋权…</translation>
    </message>
    <message>
        <source>%1 grants</source>
        <translation>共 %1 项赋权</translation>
    </message>
    <message>
        <source>The grant took effect</source>
        <translation>赋权已生效</translation>
    </message>
    <message>
        <source>The grant took effect. Still to be seen to:</source>
        <translation>赋权已生效。以下事项仍须办理：</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Import achievements from Excel</source>
        <translation>从 Excel 导入成果</translation>
    </message>
    <message>
        <source>File: %1</source>
        <translation>文件：%1</translation>
    </message>
    <message>
        <source>Row</source>
        <translation>行</translation>
    </message>
    <message>
        <source>Column</source>
        <translation>列</translation>
    </message>
    <message>
        <source>Cause</source>
        <translation>原因</translation>
    </message>
    <message>
        <source>Nothing is written until you choose. An import registers all the chosen rows or, if one of them fails, none.</source>
        <translation>在您作出选择之前，不会写入任何内容。导入时所选的行要么全部登记，只要有一行失败就一行也不登记。</translation>
    </message>
    <message>
        <source>Import nothing</source>
        <translation>全部不导入</translation>
    </message>
    <message>
        <source>Import all</source>
        <translation>全部导入</translation>
    </message>
    <message>
        <source>Checking the file…</source>
        <translation>正在检查文件…</translation>
    </message>
    <message>
        <source>Importing %1 achievements…</source>
        <translation>正在导入 %1 条成果…</translation>
    </message>
    <message>
        <source>Import only the rows without problems (%1)</source>
        <translation>只导入无问题的行（%1 行）</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>The file holds no achievement rows.</source>
        <translation>文件中没有成果数据行。</translation>
    </message>
    <message>
        <source>%1 rows, %2 of them with problems</source>
        <translation>共 %1 行，其中 %2 行有问题</translation>
    </message>
    <message>
        <source>%1 rows, no problems found</source>
        <translation>共 %1 行，未发现问题</translation>
    </message>
</context>
<context>
    <name>KeysDialog</name>
    <message>
        <source>Replace the unit's keys</source>
        <translation>更换本单位密钥</translation>
    </message>
    <message>
        <source>New keys replace the current ones. Offices that trust the current key must import the new key card before they can check our filings again. Filings already received stay readable.</source>
        <translation>新密钥将替换现有密钥。信任现有公钥的单位须导入新的密钥卡，才能再核验本单位的报送件。已收到的报送件仍可读取。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>e.g. the key card was lost together with a laptop</source>
        <translation>例如：密钥卡随笔记本电脑一同遗失</translation>
    </message>
    <message>
        <source>Replace keys</source>
        <translation>更换密钥</translation>
    </message>
    <message>
        <source>Generate the unit's keys</source>
        <translation>生成本单位密钥</translation>
    </message>
    <message>
        <source>The unit's signing key and receiving key are made inside the vault and never leave it. Afterwards save the key card and give it, with its printed fingerprint, to the offices you file with.</source>
        <translation>本单位的签名密钥和接收密钥在加密库内生成，私钥从不离开加密库。生成后请导出密钥卡，连同打印的指纹交给报送往来的单位。</translation>
    </message>
    <message>
        <source>Generate keys</source>
        <translation>生成密钥</translation>
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
        <source>Audit log verified</source>
        <translation>校验审计日志</translation>
    </message>
    <message>
        <source>Audit checkpoint recorded</source>
        <translation>记录审计检查点</translation>
    </message>
    <message>
        <source>Audit log extract exported</source>
        <translation>导出审计日志摘录</translation>
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
        <source>User roles changed</source>
        <translation>账户角色变更</translation>
    </message>
    <message>
        <source>User clearance changed</source>
        <translation>账户涉密等级变更</translation>
    </message>
    <message>
        <source>User disabled</source>
        <translation>账户停用</translation>
    </message>
    <message>
        <source>User enabled</source>
        <translation>账户启用</translation>
    </message>
    <message>
        <source>User passphrase reset</source>
        <translation>账户口令重设</translation>
    </message>
    <message>
        <source>Login failed</source>
        <translation>登录失败</translation>
    </message>
    <message>
        <source>Login failure record tampered with</source>
        <translation>登录失败记录被篡改</translation>
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
        <source>Person left the unit</source>
        <translation>人员离开</translation>
    </message>
    <message>
        <source>Person back in post</source>
        <translation>人员恢复在职</translation>
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
    <message>
        <source>Decision recorded</source>
        <translation>登记决策记录</translation>
    </message>
    <message>
        <source>Decision changed</source>
        <translation>修改决策记录</translation>
    </message>
    <message>
        <source>Decision linked</source>
        <translation>关联决策记录</translation>
    </message>
    <message>
        <source>Decision unlinked</source>
        <translation>取消关联决策记录</translation>
    </message>
    <message>
        <source>Attachment added</source>
        <translation>添加附件</translation>
    </message>
    <message>
        <source>Attachment removed</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <source>Attachment saved outside the vault</source>
        <translation>导出附件</translation>
    </message>
    <message>
        <source>Approval requested</source>
        <translation>提出审批申请</translation>
    </message>
    <message>
        <source>Request approved</source>
        <translation>批准申请</translation>
    </message>
    <message>
        <source>Request rejected</source>
        <translation>驳回申请</translation>
    </message>
    <message>
        <source>Request withdrawn</source>
        <translation>撤回申请</translation>
    </message>
    <message>
        <source>Achievement registered</source>
        <translation>登记成果</translation>
    </message>
    <message>
        <source>Achievement changed</source>
        <translation>修改成果</translation>
    </message>
    <message>
        <source>Achievement list exported</source>
        <translation>导出成果清单</translation>
    </message>
    <message>
        <source>Achievement status changed</source>
        <translation>成果状态变更</translation>
    </message>
    <message>
        <source>Achievement attachment added</source>
        <translation>添加成果附件</translation>
    </message>
    <message>
        <source>Achievement attachment removed</source>
        <translation>删除成果附件</translation>
    </message>
    <message>
        <source>Achievement attachment saved outside the vault</source>
        <translation>成果附件另存到保管库外</translation>
    </message>
    <message>
        <source>Included in the pay-later pool</source>
        <translation>纳入先用后付成果池</translation>
    </message>
    <message>
        <source>Excluded from the pay-later pool</source>
        <translation>排除出先用后付成果池</translation>
    </message>
    <message>
        <source>Pay-later pool published</source>
        <translation>发布先用后付成果池</translation>
    </message>
    <message>
        <source>Pay-later pool exported</source>
        <translation>导出先用后付成果池</translation>
    </message>
    <message>
        <source>Rights grant drafted</source>
        <translation>拟定赋权</translation>
    </message>
    <message>
        <source>Rights grant changed</source>
        <translation>修改赋权</translation>
    </message>
    <message>
        <source>Rights grant withdrawn</source>
        <translation>撤回赋权</translation>
    </message>
    <message>
        <source>Rights grant publicised</source>
        <translation>赋权公示</translation>
    </message>
    <message>
        <source>Objection received</source>
        <translation>收到异议</translation>
    </message>
    <message>
        <source>Objection settled</source>
        <translation>处理异议</translation>
    </message>
    <message>
        <source>Export check recorded</source>
        <translation>记录技术出口核查</translation>
    </message>
    <message>
        <source>Rights grant took effect</source>
        <translation>赋权生效</translation>
    </message>
    <message>
        <source>Use right extended</source>
        <translation>延长长期使用权</translation>
    </message>
    <message>
        <source>Use right converted into ownership</source>
        <translation>长期使用权变更为所有权</translation>
    </message>
    <message>
        <source>Ownership change filing updated</source>
        <translation>更新权属变更手续</translation>
    </message>
    <message>
        <source>Grant document saved</source>
        <translation>保存赋权文书</translation>
    </message>
    <message>
        <source>Confidentiality agreement registered</source>
        <translation>登记保密协议</translation>
    </message>
    <message>
        <source>Confidentiality agreement changed</source>
        <translation>修改保密协议</translation>
    </message>
    <message>
        <source>Confidentiality agreement terminated</source>
        <translation>终止保密协议</translation>
    </message>
    <message>
        <source>Confidentiality agreement saved</source>
        <translation>保存保密协议文本</translation>
    </message>
    <message>
        <source>Clearance change</source>
        <translation>涉密等级调整</translation>
    </message>
    <message>
        <source>Grant or transformation of a classified achievement</source>
        <translation>涉密成果赋权、转化审批</translation>
    </message>
    <message>
        <source>Awaiting decision</source>
        <translation>待审批</translation>
    </message>
    <message>
        <source>Granted</source>
        <translation>已批准</translation>
    </message>
    <message>
        <source>Turned down</source>
        <translation>已驳回</translation>
    </message>
    <message>
        <source>Withdrawn</source>
        <translation>已撤回</translation>
    </message>
    <message>
        <source>Executive meeting</source>
        <translation>办公会</translation>
    </message>
    <message>
        <source>Party committee</source>
        <translation>党委会</translation>
    </message>
    <message>
        <source>Academic committee</source>
        <translation>学术委员会</translation>
    </message>
    <message>
        <source>Transformation leading group</source>
        <translation>成果转化领导小组</translation>
    </message>
    <message>
        <source>Approved</source>
        <translation>通过</translation>
    </message>
    <message>
        <source>Rejected</source>
        <translation>未通过</translation>
    </message>
    <message>
        <source>Deferred</source>
        <translation>暂缓</translation>
    </message>
    <message>
        <source>Invention patent</source>
        <translation>发明专利</translation>
    </message>
    <message>
        <source>Utility model</source>
        <translation>实用新型</translation>
    </message>
    <message>
        <source>Industrial design</source>
        <translation>外观设计</translation>
    </message>
    <message>
        <source>Software copyright</source>
        <translation>软件著作权</translation>
    </message>
    <message>
        <source>Integrated circuit layout design</source>
        <translation>集成电路布图设计</translation>
    </message>
    <message>
        <source>New plant variety</source>
        <translation>植物新品种</translation>
    </message>
    <message>
        <source>New biomedical variety</source>
        <translation>生物医药新品种</translation>
    </message>
    <message>
        <source>Technical secret</source>
        <translation>技术秘密</translation>
    </message>
    <message>
        <source>Registered</source>
        <translation>登记</translation>
    </message>
    <message>
        <source>Valuation and pricing</source>
        <translation>评估定价</translation>
    </message>
    <message>
        <source>Public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Trading</source>
        <translation>交易</translation>
    </message>
    <message>
        <source>Transformed</source>
        <translation>已转化</translation>
    </message>
    <message>
        <source>Terminated</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Government-funded project</source>
        <translation>纵向项目</translation>
    </message>
    <message>
        <source>Commissioned project</source>
        <translation>横向项目</translation>
    </message>
    <message>
        <source>Self-funded</source>
        <translation>自筹</translation>
    </message>
    <message>
        <source>Lead</source>
        <translation>负责人</translation>
    </message>
    <message>
        <source>Member</source>
        <translation>成员</translation>
    </message>
    <message>
        <source>No ethics review needed</source>
        <translation>无需伦理审查</translation>
    </message>
    <message>
        <source>Ethics review pending</source>
        <translation>伦理审查中</translation>
    </message>
    <message>
        <source>Ethics review passed</source>
        <translation>伦理审查已通过</translation>
    </message>
    <message>
        <source>Ethics review not passed</source>
        <translation>伦理审查未通过</translation>
    </message>
    <message>
        <source>Vault</source>
        <translation>保管库</translation>
    </message>
    <message>
        <source>Unit</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>Account</source>
        <translation>账户</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Setting</source>
        <translation>设置</translation>
    </message>
    <message>
        <source>Decision</source>
        <translation>决策记录</translation>
    </message>
    <message>
        <source>Rights grant</source>
        <translation>赋权</translation>
    </message>
    <message>
        <source>Confidentiality agreement</source>
        <translation>保密协议</translation>
    </message>
    <message>
        <source>In post</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Identity card number</source>
        <translation>居民身份证号</translation>
    </message>
    <message>
        <source>Pool decision</source>
        <translation>成果池决定</translation>
    </message>
    <message>
        <source>Audit log</source>
        <translation>审计日志</translation>
    </message>
    <message>
        <source>Counterparty registered</source>
        <translation>登记合作方</translation>
    </message>
    <message>
        <source>Counterparty changed</source>
        <translation>修改合作方</translation>
    </message>
    <message>
        <source>Holiday table updated</source>
        <translation>更新节假日表</translation>
    </message>
    <message>
        <source>Transformation registered</source>
        <translation>登记成果转化</translation>
    </message>
    <message>
        <source>Transformation changed</source>
        <translation>修改成果转化</translation>
    </message>
    <message>
        <source>Contract registration recorded</source>
        <translation>记录技术合同登记</translation>
    </message>
    <message>
        <source>Appraisal decision recorded</source>
        <translation>记录资产评估决定</translation>
    </message>
    <message>
        <source>Price notice started</source>
        <translation>开始协议定价公示</translation>
    </message>
    <message>
        <source>Objection to the price received</source>
        <translation>收到定价异议</translation>
    </message>
    <message>
        <source>Price notice closed</source>
        <translation>结束协议定价公示</translation>
    </message>
    <message>
        <source>Listed on a technology market</source>
        <translation>技术市场挂牌</translation>
    </message>
    <message>
        <source>Listing taken</source>
        <translation>挂牌被摘牌</translation>
    </message>
    <message>
        <source>Listing lapsed</source>
        <translation>挂牌期满无人摘牌</translation>
    </message>
    <message>
        <source>Auction result recorded</source>
        <translation>记录拍卖结果</translation>
    </message>
    <message>
        <source>Contract signed</source>
        <translation>合同签订</translation>
    </message>
    <message>
        <source>Contract completed</source>
        <translation>合同履行完毕</translation>
    </message>
    <message>
        <source>Transformation terminated</source>
        <translation>终止成果转化</translation>
    </message>
    <message>
        <source>Export check recorded for a transformation</source>
        <translation>记录转化项目的技术出口核查</translation>
    </message>
    <message>
        <source>Invest-then-equity funding converted into equity</source>
        <translation>先投后股项目转为股权</translation>
    </message>
    <message>
        <source>Licensee revenue start recorded</source>
        <translation>记录被许可方收入起始日</translation>
    </message>
    <message>
        <source>Evidence file saved</source>
        <translation>保存尽职免责证据文件</translation>
    </message>
    <message>
        <source>Unit reward rule set</source>
        <translation>设定单位奖励规则</translation>
    </message>
    <message>
        <source>Reward calculated</source>
        <translation>计算奖励</translation>
    </message>
    <message>
        <source>Reward notice started</source>
        <translation>奖励公示开始</translation>
    </message>
    <message>
        <source>Objection to a reward received</source>
        <translation>收到奖励异议</translation>
    </message>
    <message>
        <source>Objection to a reward settled</source>
        <translation>处理奖励异议</translation>
    </message>
    <message>
        <source>Reward paid</source>
        <translation>奖励发放</translation>
    </message>
    <message>
        <source>Reward calculation cancelled</source>
        <translation>作废奖励计算</translation>
    </message>
    <message>
        <source>Reward document saved</source>
        <translation>保存奖励文书</translation>
    </message>
    <message>
        <source>Receipt booked</source>
        <translation>登记收款</translation>
    </message>
    <message>
        <source>Payment booked</source>
        <translation>登记支出</translation>
    </message>
    <message>
        <source>Filing keys generated</source>
        <translation>生成报送密钥</translation>
    </message>
    <message>
        <source>Key card saved</source>
        <translation>导出密钥卡</translation>
    </message>
    <message>
        <source>Office key trusted</source>
        <translation>信任单位公钥</translation>
    </message>
    <message>
        <source>Office key retired</source>
        <translation>停用单位公钥</translation>
    </message>
    <message>
        <source>Sealed filing exported</source>
        <translation>导出报送件</translation>
    </message>
    <message>
        <source>Filing draft discarded</source>
        <translation>放弃报送件</translation>
    </message>
    <message>
        <source>Sealed filing verified</source>
        <translation>核验报送件（通过）</translation>
    </message>
    <message>
        <source>Sealed filing rejected</source>
        <translation>核验报送件（拒绝）</translation>
    </message>
    <message>
        <source>Sealed filing imported</source>
        <translation>导入报送件</translation>
    </message>
    <message>
        <source>Document of a received filing saved</source>
        <translation>另存收到的报送文件</translation>
    </message>
    <message>
        <source>Sealed filing with classified content</source>
        <translation>涉密内容对外报送</translation>
    </message>
    <message>
        <source>Audit checkpoint</source>
        <translation>审计检查点</translation>
    </message>
    <message>
        <source>Approval request</source>
        <translation>审批事项</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>科技成果</translation>
    </message>
    <message>
        <source>Pool version</source>
        <translation>成果池版本</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Holiday table</source>
        <translation>节假日表</translation>
    </message>
    <message>
        <source>Transformation</source>
        <translation>成果转化</translation>
    </message>
    <message>
        <source>Reward</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Unit reward rule</source>
        <translation>单位奖励规则</translation>
    </message>
    <message>
        <source>Sealed filing</source>
        <translation>报送件</translation>
    </message>
    <message>
        <source>Unit filing keys</source>
        <translation>本单位报送密钥</translation>
    </message>
    <message>
        <source>Trusted office key</source>
        <translation>信任的单位公钥</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Unit name</source>
        <translation>单位名称</translation>
    </message>
    <message>
        <source>Subject</source>
        <translation>议题</translation>
    </message>
    <message>
        <source>Achievement title</source>
        <translation>成果名称</translation>
    </message>
    <message>
        <source>Classification</source>
        <translation>密级</translation>
    </message>
    <message>
        <source>File size (bytes)</source>
        <translation>文件大小（字节）</translation>
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
        <source>Non-profit</source>
        <translation>非营利</translation>
    </message>
    <message>
        <source>Departments</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>编号</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Department number</source>
        <translation>部门编号</translation>
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
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Display name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>账户角色</translation>
    </message>
    <message>
        <source>Clearance</source>
        <translation>涉密等级</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>启用</translation>
    </message>
    <message>
        <source>Lock after idle (minutes)</source>
        <translation>自动锁定时间（分钟）</translation>
    </message>
    <message>
        <source>Publicity period for agreed prices (days)</source>
        <translation>协议定价公示期（日）</translation>
    </message>
    <message>
        <source>Publicity period for rewards (working days)</source>
        <translation>奖励公示期（工作日）</translation>
    </message>
    <message>
        <source>Publicity period for rights grants (days)</source>
        <translation>赋权公示期（日）</translation>
    </message>
    <message>
        <source>One account may hold several roles</source>
        <translation>一个账户可担任多个角色</translation>
    </message>
    <message>
        <source>Decision body</source>
        <translation>决策机构</translation>
    </message>
    <message>
        <source>Decided on</source>
        <translation>决策日期</translation>
    </message>
    <message>
        <source>Participants</source>
        <translation>参会人员</translation>
    </message>
    <message>
        <source>Outcome</source>
        <translation>决策结果</translation>
    </message>
    <message>
        <source>Votes for</source>
        <translation>赞成票</translation>
    </message>
    <message>
        <source>Votes against</source>
        <translation>反对票</translation>
    </message>
    <message>
        <source>Abstentions</source>
        <translation>弃权票</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>决议摘要</translation>
    </message>
    <message>
        <source>Log intact</source>
        <translation>日志完整</translation>
    </message>
    <message>
        <source>Entries in the log</source>
        <translation>记录条数</translation>
    </message>
    <message>
        <source>Tree root</source>
        <translation>树根</translation>
    </message>
    <message>
        <source>First bad entry</source>
        <translation>首条问题记录</translation>
    </message>
    <message>
        <source>Checkpoint entered (entries)</source>
        <translation>输入的检查点（条数）</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Filter</source>
        <translation>筛选条件</translation>
    </message>
    <message>
        <source>Log tree</source>
        <translation>日志树</translation>
    </message>
    <message>
        <source>Entries exported</source>
        <translation>导出条数</translation>
    </message>
    <message>
        <source>Entries matching</source>
        <translation>符合条件条数</translation>
    </message>
    <message>
        <source>Actor</source>
        <translation>操作人</translation>
    </message>
    <message>
        <source>From date</source>
        <translation>起始日期</translation>
    </message>
    <message>
        <source>To date</source>
        <translation>截止日期</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Object type</source>
        <translation>对象类型</translation>
    </message>
    <message>
        <source>Object number</source>
        <translation>对象编号</translation>
    </message>
    <message>
        <source>Database</source>
        <translation>数据库</translation>
    </message>
    <message>
        <source>Attachment number</source>
        <translation>附件编号</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>File type</source>
        <translation>文件类型</translation>
    </message>
    <message>
        <source>SHA-256</source>
        <translation>SHA-256 摘要</translation>
    </message>
    <message>
        <source>Saved to</source>
        <translation>保存位置</translation>
    </message>
    <message>
        <source>Abstract</source>
        <translation>摘要</translation>
    </message>
    <message>
        <source>Keywords</source>
        <translation>关键词</translation>
    </message>
    <message>
        <source>Funding</source>
        <translation>经费来源</translation>
    </message>
    <message>
        <source>Project or contract number</source>
        <translation>项目或合同编号</translation>
    </message>
    <message>
        <source>Completers</source>
        <translation>完成人</translation>
    </message>
    <message>
        <source>Person number</source>
        <translation>人员编号</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>角色</translation>
    </message>
    <message>
        <source>Share (%)</source>
        <translation>贡献份额（%）</translation>
    </message>
    <message>
        <source>IP rights</source>
        <translation>知识产权</translation>
    </message>
    <message>
        <source>Registration number</source>
        <translation>申请号或登记号</translation>
    </message>
    <message>
        <source>Filed on</source>
        <translation>申请日</translation>
    </message>
    <message>
        <source>Granted on</source>
        <translation>授权日</translation>
    </message>
    <message>
        <source>Expires on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Secrecy mark</source>
        <translation>密级标志</translation>
    </message>
    <message>
        <source>On the negative list</source>
        <translation>列入负面清单</translation>
    </message>
    <message>
        <source>Negative-list reason</source>
        <translation>负面清单理由</translation>
    </message>
    <message>
        <source>Ethics review</source>
        <translation>伦理审查</translation>
    </message>
    <message>
        <source>Ethics approval number</source>
        <translation>伦理批件号</translation>
    </message>
    <message>
        <source>Overseas relevance</source>
        <translation>涉外</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>File format</source>
        <translation>文件格式</translation>
    </message>
    <message>
        <source>Document number</source>
        <translation>文号</translation>
    </message>
    <message>
        <source>Achievement number</source>
        <translation>成果编号</translation>
    </message>
    <message>
        <source>Unit share (%)</source>
        <translation>单位份额（%）</translation>
    </message>
    <message>
        <source>Team share (%)</source>
        <translation>团队份额（%）</translation>
    </message>
    <message>
        <source>Team</source>
        <translation>团队</translation>
    </message>
    <message>
        <source>Term from</source>
        <translation>期限起</translation>
    </message>
    <message>
        <source>Term to</source>
        <translation>期限止</translation>
    </message>
    <message>
        <source>Revenue split</source>
        <translation>收益分配</translation>
    </message>
    <message>
        <source>Decision making</source>
        <translation>决策机制</translation>
    </message>
    <message>
        <source>Cost sharing</source>
        <translation>费用分担</translation>
    </message>
    <message>
        <source>Publicity from</source>
        <translation>公示开始</translation>
    </message>
    <message>
        <source>Publicity period (days)</source>
        <translation>公示期（日）</translation>
    </message>
    <message>
        <source>Publicity until</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Change filings</source>
        <translation>权属变更手续</translation>
    </message>
    <message>
        <source>Warnings</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>Objection number</source>
        <translation>异议编号</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Objector</source>
        <translation>异议人</translation>
    </message>
    <message>
        <source>Content</source>
        <translation>内容</translation>
    </message>
    <message>
        <source>Settled on</source>
        <translation>处理日期</translation>
    </message>
    <message>
        <source>Amendment number</source>
        <translation>补充协议编号</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Filing number</source>
        <translation>手续编号</translation>
    </message>
    <message>
        <source>Submitted on</source>
        <translation>提交日期</translation>
    </message>
    <message>
        <source>CNIPA notice number</source>
        <translation>国家知识产权局通知书编号</translation>
    </message>
    <message>
        <source>Completed on</source>
        <translation>办结日期</translation>
    </message>
    <message>
        <source>Catalogue category</source>
        <translation>目录核查结论</translation>
    </message>
    <message>
        <source>Catalogue version</source>
        <translation>目录版本</translation>
    </message>
    <message>
        <source>Checked on</source>
        <translation>核查日期</translation>
    </message>
    <message>
        <source>Export licence number</source>
        <translation>技术出口许可证号</translation>
    </message>
    <message>
        <source>Contract registration number</source>
        <translation>合同登记号</translation>
    </message>
    <message>
        <source>Party type</source>
        <translation>对方类型</translation>
    </message>
    <message>
        <source>Party</source>
        <translation>对方</translation>
    </message>
    <message>
        <source>Credit code or identity card number</source>
        <translation>统一社会信用代码或身份证号</translation>
    </message>
    <message>
        <source>Achievements covered</source>
        <translation>涵盖成果</translation>
    </message>
    <message>
        <source>Secret matters covered</source>
        <translation>涉密事项范围</translation>
    </message>
    <message>
        <source>Obligations</source>
        <translation>保密义务</translation>
    </message>
    <message>
        <source>Approving body</source>
        <translation>审批备案机关</translation>
    </message>
    <message>
        <source>Approved on</source>
        <translation>审批备案日期</translation>
    </message>
    <message>
        <source>Approval document number</source>
        <translation>审批备案文号</translation>
    </message>
    <message>
        <source>Terminated on</source>
        <translation>终止日期</translation>
    </message>
    <message>
        <source>Ethics approval date</source>
        <translation>伦理审查批准日期</translation>
    </message>
    <message>
        <source>Form of transformation</source>
        <translation>转化方式</translation>
    </message>
    <message>
        <source>Counterparty number</source>
        <translation>合作方编号</translation>
    </message>
    <message>
        <source>Achievements and income shares</source>
        <translation>成果及收入分配比例</translation>
    </message>
    <message>
        <source>Contract price</source>
        <translation>合同金额</translation>
    </message>
    <message>
        <source>Pricing method</source>
        <translation>定价方式</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>合同条件</translation>
    </message>
    <message>
        <source>Procedure step</source>
        <translation>程序环节</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Notice period (days)</source>
        <translation>公示期（日）</translation>
    </message>
    <message>
        <source>Notice until</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <source>Listing until</source>
        <translation>挂牌截止</translation>
    </message>
    <message>
        <source>How the date was counted</source>
        <translation>期限计算说明</translation>
    </message>
    <message>
        <source>Basis of the appraisal decision</source>
        <translation>评估决定依据</translation>
    </message>
    <message>
        <source>Appraised value</source>
        <translation>评估值</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Ledger entry</source>
        <translation>台账记录</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Revenue since</source>
        <translation>收入起始日</translation>
    </message>
    <message>
        <source>Ownership type</source>
        <translation>所有制</translation>
    </message>
    <message>
        <source>Region</source>
        <translation>地域</translation>
    </message>
    <message>
        <source>Holidays</source>
        <translation>放假日期</translation>
    </message>
    <message>
        <source>Working weekend days</source>
        <translation>调休上班日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>Attempted at</source>
        <translation>尝试时间</translation>
    </message>
    <message>
        <source>Problems found</source>
        <translation>发现的问题</translation>
    </message>
    <message>
        <source> yuan</source>
        <translation> 元</translation>
    </message>
    <message>
        <source>Created</source>
        <translation>已创建</translation>
    </message>
    <message>
        <source>Ownership</source>
        <translation>所有权</translation>
    </message>
    <message>
        <source>Long-term use right</source>
        <translation>长期使用权</translation>
    </message>
    <message>
        <source>Being drafted</source>
        <translation>拟定中</translation>
    </message>
    <message>
        <source>In publicity</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>In effect</source>
        <translation>已生效</translation>
    </message>
    <message>
        <source>Not yet settled</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Dismissed</source>
        <translation>不成立</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>成立</translation>
    </message>
    <message>
        <source>Extension of the use right</source>
        <translation>延长使用权期限</translation>
    </message>
    <message>
        <source>Patent ownership change</source>
        <translation>专利权属变更</translation>
    </message>
    <message>
        <source>Patent application right change</source>
        <translation>专利申请权变更</translation>
    </message>
    <message>
        <source>Ownership registration change</source>
        <translation>权属变更登记</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>企业</translation>
    </message>
    <message>
        <source>Individual</source>
        <translation>个人</translation>
    </message>
    <message>
        <source>Export prohibited</source>
        <translation>禁止出口</translation>
    </message>
    <message>
        <source>Export restricted</source>
        <translation>限制出口</translation>
    </message>
    <message>
        <source>Export free</source>
        <translation>自由出口</translation>
    </message>
    <message>
        <source>Not yet approved</source>
        <translation>未完成审批备案</translation>
    </message>
    <message>
        <source>Not yet started</source>
        <translation>尚未生效</translation>
    </message>
    <message>
        <source>In force</source>
        <translation>有效</translation>
    </message>
    <message>
        <source>Ending soon</source>
        <translation>即将到期</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>已到期</translation>
    </message>
    <message>
        <source>Terminated agreement</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Negative list</source>
        <translation>负面清单</translation>
    </message>
    <message>
        <source>Secrecy approval</source>
        <translation>保密审批</translation>
    </message>
    <message>
        <source>Confidentiality agreement in force</source>
        <translation>有效的保密协议</translation>
    </message>
    <message>
        <source>Secrecy review before export</source>
        <translation>出口前保密审查</translation>
    </message>
    <message>
        <source>Top secret stays at home</source>
        <translation>绝密不得对境外提供</translation>
    </message>
    <message>
        <source>Export catalogue check</source>
        <translation>技术出口目录核查</translation>
    </message>
    <message>
        <source>Prohibited technology</source>
        <translation>禁止出口技术</translation>
    </message>
    <message>
        <source>Export licence</source>
        <translation>技术出口许可证</translation>
    </message>
    <message>
        <source>Export contract registration</source>
        <translation>技术出口合同登记</translation>
    </message>
    <message>
        <source>Publicity first</source>
        <translation>先行公示</translation>
    </message>
    <message>
        <source>Publicity period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Open objections</source>
        <translation>未处理的异议</translation>
    </message>
    <message>
        <source>Upheld objection</source>
        <translation>异议成立</translation>
    </message>
    <message>
        <source>Conversion during the term</source>
        <translation>赋权期间变更</translation>
    </message>
    <message>
        <source>Statutory reward floor</source>
        <translation>法定奖励比例下限</translation>
    </message>
    <message>
        <source>Deductions the unit allows</source>
        <translation>单位规定的扣除项目</translation>
    </message>
    <message>
        <source>Main contributors take at least half</source>
        <translation>主要贡献人员不少于一半</translation>
    </message>
    <message>
        <source>No equity for principal leaders</source>
        <translation>正职领导原则上不获股权</translation>
    </message>
    <message>
        <source>Three to five years of implementation</source>
        <translation>实施奖励期限三至五年</translation>
    </message>
    <message>
        <source>Contributors only</source>
        <translation>仅限作出重要贡献的人员</translation>
    </message>
    <message>
        <source>Reward notice first</source>
        <translation>奖励先行公示</translation>
    </message>
    <message>
        <source>Reward notice running</source>
        <translation>奖励公示期</translation>
    </message>
    <message>
        <source>Objections to the reward open</source>
        <translation>奖励异议未处理</translation>
    </message>
    <message>
        <source>Ownership change filing</source>
        <translation>权属变更手续</translation>
    </message>
    <message>
        <source>Confidentiality agreement ending</source>
        <translation>保密协议到期</translation>
    </message>
    <message>
        <source>Grant ready to take effect</source>
        <translation>赋权待生效</translation>
    </message>
    <message>
        <source>Objection to settle</source>
        <translation>异议待处理</translation>
    </message>
    <message>
        <source>Price notice ended</source>
        <translation>定价公示期满</translation>
    </message>
    <message>
        <source>Listing ended</source>
        <translation>挂牌期满</translation>
    </message>
    <message>
        <source>Overdue receivable</source>
        <translation>应收款逾期</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>No</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Achievement registration</source>
        <translation>科技成果登记</translation>
    </message>
    <message>
        <source>Rights grant agreement</source>
        <translation>赋权协议</translation>
    </message>
    <message>
        <source>Transformation (with the evidence file)</source>
        <translation>成果转化（含尽职免责证明材料）</translation>
    </message>
    <message>
        <source>Reward calculation</source>
        <translation>奖励计算</translation>
    </message>
</context>
<context>
    <name>LeaveDialog</name>
    <message>
        <source>Mark as left</source>
        <translation>标记为离开</translation>
    </message>
    <message>
        <source>Mark “%1” as having left the unit? The person stays in the register and in every record that names them, but is no longer offered for new records.</source>
        <translation>将“%1”标记为已离开本单位？该人员仍保留在人员名册和涉及其的全部记录中，但新建记录时不再供选择。</translation>
    </message>
    <message>
        <source>e.g. transferred, retired</source>
        <translation>如调离、退休</translation>
    </message>
    <message>
        <source>Reason for leaving</source>
        <translation>离开原因</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Separate ledger of transformed achievements</source>
        <translation>成果转化单列管理台账</translation>
    </message>
    <message>
        <source>Totals by:</source>
        <translation>汇总方式：</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>科技成果</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Transformation contract</source>
        <translation>转化合同</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Fell due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Receivable (yuan)</source>
        <translation>应收金额（元）</translation>
    </message>
    <message>
        <source>Received so far (yuan)</source>
        <translation>已收金额（元）</translation>
    </message>
    <message>
        <source>Still outstanding (yuan)</source>
        <translation>未收金额（元）</translation>
    </message>
    <message>
        <source>Overdue by</source>
        <translation>逾期</translation>
    </message>
    <message>
        <source>Company and holding</source>
        <translation>被投资公司及持股</translation>
    </message>
    <message>
        <source>Value (yuan)</source>
        <translation>作价金额（元）</translation>
    </message>
    <message>
        <source>Booked on</source>
        <translation>入账日期</translation>
    </message>
    <message>
        <source>(no department)</source>
        <translation>（未设部门）</translation>
    </message>
    <message>
        <source>Receivables (yuan)</source>
        <translation>应收（元）</translation>
    </message>
    <message>
        <source>Receipts (yuan)</source>
        <translation>收款（元）</translation>
    </message>
    <message>
        <source>Payments (yuan)</source>
        <translation>支出（元）</translation>
    </message>
    <message>
        <source>Equity (yuan)</source>
        <translation>股权（元）</translation>
    </message>
    <message>
        <source>Ledger total</source>
        <translation>合计</translation>
    </message>
    <message>
        <source>Nothing has been booked into the ledger yet.</source>
        <translation>单列管理台账中尚无记录。</translation>
    </message>
    <message>
        <source>The totals reconcile with the %1 ledger entries: receivables %2, receipts %3, payments %4, equity %5 yuan.</source>
        <translation>合计与 %1 笔台账记录核对一致：应收 %2 元，收款 %3 元，支出 %4 元，股权 %5 元。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>%1: totals %2, entries %3</source>
        <translation>%1：汇总 %2，台账记录 %3</translation>
    </message>
    <message>
        <source>The totals do NOT reconcile with the ledger entries (%1). Please check the ledger.</source>
        <translation>合计与台账记录不一致（%1），请核查台账。</translation>
    </message>
    <message>
        <source>receivables</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>receipts</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>payments</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>equity</source>
        <translation>股权</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <source>Overdue receivables: %1, outstanding %2 yuan</source>
        <translation>逾期应收款 %1 笔，未收回 %2 元</translation>
    </message>
    <message>
        <source>No receivable is overdue.</source>
        <translation>没有逾期的应收款。</translation>
    </message>
    <message>
        <source>Equity held through transformations: %1 holdings, valued at %2 yuan</source>
        <translation>通过成果转化持有股权 %1 项，作价合计 %2 元</translation>
    </message>
    <message>
        <source>The unit holds no equity through transformations.</source>
        <translation>单位尚未通过成果转化持有股权。</translation>
    </message>
</context>
<context>
    <name>ListingDialog</name>
    <message>
        <source>After an objection the achievement is listed on a technology market; if nobody takes it within half a month, the deal proceeds at the negotiated price.</source>
        <translation>协议定价公示有异议的，在技术市场挂牌交易；半个月内无人摘牌的，按协议定价交易。</translation>
    </message>
    <message>
        <source>The achievement is listed on a technology market for half a month.</source>
        <translation>在技术市场挂牌交易半个月。</translation>
    </message>
    <message>
        <source>half a month, counted as %1 days; the start day is not counted</source>
        <translation>半个月，按 %1 日计算；起始当日不计入</translation>
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
        <source>Updating the vault for this version of the program (once only; a large vault may take a minute)…</source>
        <translation>正在将保管库升级为本版程序的格式（只需一次，较大的保管库可能需要一分钟）…</translation>
    </message>
    <message>
        <source>Unlocking…</source>
        <translation>正在解锁…</translation>
    </message>
    <message>
        <source>Too many failed attempts. You can try again in %1 s.</source>
        <translation>登录失败次数过多，请 %1 秒后再试。</translation>
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
        <source>&amp;Switch user…</source>
        <translation>切换用户(&amp;S)…</translation>
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
        <source>Unlocked</source>
        <translation>已解锁</translation>
    </message>
    <message>
        <source>Transfer Desk — %1</source>
        <translation>成果转化工作台 — %1</translation>
    </message>
    <message>
        <source>Signed in: %1 (%2 · %3)</source>
        <translation>当前用户：%1（%2 · %3）</translation>
    </message>
    <message>
        <source>Since your last sign-in</source>
        <translation>自上次登录以来</translation>
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
    <name>MoneyDialog</name>
    <message>
        <source>Record a receipt</source>
        <translation>登记收款</translation>
    </message>
    <message>
        <source>Record a payment</source>
        <translation>登记支出</translation>
    </message>
    <message>
        <source>Booked in the separate ledger and split across the contract's achievements by their income shares.</source>
        <translation>记入单列管理台账，并按各成果的收入分配比例分摊。</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Paid on</source>
        <translation>支付日期</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>e.g. first instalment, bank slip 0012</source>
        <translation>如：第一期款，银行回单 0012</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>NewAccountDialog</name>
    <message>
        <source>New account</source>
        <translation>新建账户</translation>
    </message>
</context>
<context>
    <name>NoticeDialog</name>
    <message>
        <source>The unit publishes the achievement's name (%1) and the proposed price of %2 yuan. An objection received during the notice leads to a market listing.</source>
        <translation>在本单位公示成果名称（%1）和拟交易价格 %2 元。公示期间收到异议的，转入技术市场挂牌交易。</translation>
    </message>
    <message>
        <source>%1 days (set by the unit, not verified); the start day is not counted</source>
        <translation>%1 日（单位设置，未经核实）；起始当日不计入</translation>
    </message>
    <message>
        <source>Publicise the reward</source>
        <translation>公示奖励</translation>
    </message>
    <message>
        <source>The unit publishes who is rewarded, how much and why. The reward may be paid only after the notice has ended with every objection settled.</source>
        <translation>单位公示获奖人员、奖励数额及其依据。公示期满且异议均已处理后，方可发放奖励。</translation>
    </message>
    <message>
        <source>Starts on</source>
        <translation>开始日期</translation>
    </message>
    <message>
        <source>%1 working days (set by the unit, not verified)</source>
        <translation>%1个工作日（单位设定，未经核实）</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>期间</translation>
    </message>
    <message>
        <source>Ends</source>
        <translation>届满</translation>
    </message>
    <message>
        <source>Why</source>
        <translation>计算说明</translation>
    </message>
    <message>
        <source>Start the notice</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <source>%1, 24:00</source>
        <translation>%1 24时</translation>
    </message>
    <message>
        <source>Type the day the notice starts.</source>
        <translation>请填写公示开始日期。</translation>
    </message>
</context>
<context>
    <name>ObjectionDialog</name>
    <message>
        <source>Record an objection</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>May stay empty (anonymous)</source>
        <translation>可不填（匿名）</translation>
    </message>
    <message>
        <source>Objector</source>
        <translation>异议人</translation>
    </message>
    <message>
        <source>What the objection says</source>
        <translation>异议的内容</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>The notice runs from %1 until %2, 24:00. An objection moves the deal to a market listing (measure 4).</source>
        <translation>公示期自%1至%2 24时。收到异议的，转入技术市场挂牌交易（第（四）条）。</translation>
    </message>
    <message>
        <source>Type the day it was received.</source>
        <translation>请填写收到日期。</translation>
    </message>
</context>
<context>
    <name>OnDateDialog</name>
    <message>
        <source>The notice runs until %1, 24:00. It may be closed from the day after, when no objection was received; an objection leads to a market listing instead.</source>
        <translation>公示期至%1 24时届满。未收到异议的，自次日起可结束公示；收到异议的，转入技术市场挂牌交易。</translation>
    </message>
    <message>
        <source>The listing runs until %1, 24:00.</source>
        <translation>挂牌期至%1 24时届满。</translation>
    </message>
    <message>
        <source>Nobody took it within half a month: the deal proceeds at the negotiated price (measure 4).</source>
        <translation>半个月内无人摘牌：按协议定价交易（第（四）条）。</translation>
    </message>
    <message>
        <source>Nobody took it: the procedure goes back to choosing the pricing method.</source>
        <translation>无人摘牌：重新确定定价方式。</translation>
    </message>
    <message>
        <source>The contract has been performed in full; the transformation is closed.</source>
        <translation>合同已履行完毕，本项转化办结。</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
</context>
<context>
    <name>OneTimePassphraseDialog</name>
    <message>
        <source>One-time passphrase</source>
        <translation>一次性口令</translation>
    </message>
    <message>
        <source>Login name</source>
        <translation>登录名</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>This passphrase is shown only this once.
Hand it to the user in person or in a sealed envelope; do not send it by e-mail, chat or photo.
The user must change it at the first login.</source>
        <translation>此口令只显示这一次。
请当面交给本人，或装入密封信封交付；不得通过电子邮件、即时通讯或拍照传送。
用户首次登录时必须修改此口令。</translation>
    </message>
    <message>
        <source>I have noted it down</source>
        <translation>我已记下</translation>
    </message>
</context>
<context>
    <name>PassphraseDialog</name>
    <message>
        <source>Change passphrase</source>
        <translation>修改口令</translation>
    </message>
    <message>
        <source>Choose your own passphrase</source>
        <translation>设置您自己的口令</translation>
    </message>
    <message>
        <source>You signed in with a one-time passphrase from the administrator. Choose your own passphrase now; nobody else should know it.</source>
        <translation>您使用管理员发放的一次性口令登录。请现在设置只有您自己知道的口令。</translation>
    </message>
    <message>
        <source>Current passphrase</source>
        <translation>当前口令</translation>
    </message>
    <message>
        <source>One-time passphrase</source>
        <translation>一次性口令</translation>
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
    <message>
        <source>Lock</source>
        <translation>锁定</translation>
    </message>
</context>
<context>
    <name>PayDialog</name>
    <message>
        <source>Pay out the reward</source>
        <translation>发放奖励</translation>
    </message>
    <message>
        <source>The notice runs until %1, 24:00; the reward may be paid from the day after.</source>
        <translation>公示期至%124时届满，次日起方可发放。</translation>
    </message>
    <message>
        <source>The reward has not been publicised yet.</source>
        <translation>该奖励尚未公示。</translation>
    </message>
    <message>
        <source>Paid out on</source>
        <translation>发放日期</translation>
    </message>
    <message>
        <source>Mark paid out</source>
        <translation>标记为已发放</translation>
    </message>
    <message>
        <source>Type the day the reward was paid out.</source>
        <translation>请填写发放日期。</translation>
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
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Identity card number</source>
        <translation>居民身份证号</translation>
    </message>
    <message>
        <source>Search name, department, title, contact or identity card number</source>
        <translation>搜索姓名、部门、职称、联系方式或身份证号</translation>
    </message>
    <message>
        <source>Only people in post</source>
        <translation>只看在职人员</translation>
    </message>
    <message>
        <source>New person…</source>
        <translation>新增人员…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>编辑…</translation>
    </message>
    <message>
        <source>Mark as left…</source>
        <translation>标记为离开…</translation>
    </message>
    <message>
        <source>Back in post</source>
        <translation>恢复在职</translation>
    </message>
    <message>
        <source>%1 people found</source>
        <translation>找到 %1 人</translation>
    </message>
    <message>
        <source>%1 people</source>
        <translation>共 %1 人</translation>
    </message>
    <message>
        <source>In post</source>
        <translation>在职</translation>
    </message>
    <message>
        <source>Left</source>
        <translation>已离开</translation>
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
</context>
<context>
    <name>PersonForm</name>
    <message>
        <source>(none)</source>
        <translation>（无）</translation>
    </message>
    <message>
        <source>Optional; 18 characters, the last may be X</source>
        <translation>选填；18 位，最后一位可为 X</translation>
    </message>
    <message>
        <source>Phone or e-mail</source>
        <translation>电话或电子邮箱</translation>
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
    <message>
        <source>Identity card number</source>
        <translation>居民身份证号</translation>
    </message>
    <message>
        <source>Contact</source>
        <translation>联系方式</translation>
    </message>
</context>
<context>
    <name>PolicyDialog</name>
    <message>
        <source>The unit's reward policy</source>
        <translation>单位奖励规定</translation>
    </message>
    <message>
        <source>The unit's own rules for rewards, each from a date and with the document that sets it. A calculation uses the version in force on its calculation date.</source>
        <translation>本单位关于奖励和报酬的规定，每一项自生效日期起适用，并注明所依据的单位文件。奖励计算适用计算日期当日有效的版本。</translation>
    </message>
    <message>
        <source>Rule</source>
        <translation>规则</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>值</translation>
    </message>
    <message>
        <source>In force from</source>
        <translation>生效日期</translation>
    </message>
    <message>
        <source>Source</source>
        <translation>依据</translation>
    </message>
    <message>
        <source>e.g. 70</source>
        <translation>如 70</translation>
    </message>
    <message>
        <source>One cost per line, e.g. 评估费</source>
        <translation>每行一项费用，如 评估费</translation>
    </message>
    <message>
        <source>A research institute or university established by the state</source>
        <translation>国家设立的研究开发机构、高等院校</translation>
    </message>
    <message>
        <source>e.g. 2026-01-05</source>
        <translation>如 2026-01-05</translation>
    </message>
    <message>
        <source>e.g. 校字〔2024〕8号</source>
        <translation>如 校字〔2024〕8号</translation>
    </message>
    <message>
        <source>New value</source>
        <translation>新的取值</translation>
    </message>
    <message>
        <source>Unit document</source>
        <translation>单位文件</translation>
    </message>
    <message>
        <source>Add this version</source>
        <translation>增加此版本</translation>
    </message>
    <message>
        <source>Type the rate as a percentage above 0, at most 100.</source>
        <translation>请以百分比填写比例，须大于 0、不超过 100。</translation>
    </message>
</context>
<context>
    <name>PoolPage</name>
    <message>
        <source>Save pool version as Excel</source>
        <translation>将成果池保存为 Excel 文件</translation>
    </message>
    <message>
        <source>Save pool version as PDF</source>
        <translation>将成果池保存为 PDF</translation>
    </message>
    <message>
        <source>Issue %1</source>
        <translation>第 %1 期</translation>
    </message>
    <message>
        <source>Rule: %1 (%2). Candidates are found in the register, not typed in.</source>
        <translation>规则：%1（%2）。候选成果由程序根据成果登记自动列出，无需手工录入。</translation>
    </message>
    <message>
        <source>A candidate that is not excluded goes into the next published version; excluding one needs a reason.</source>
        <translation>未被排除的候选成果将列入下一期发布；排除须写明理由。</translation>
    </message>
    <message>
        <source>Achievement title</source>
        <translation>成果名称</translation>
    </message>
    <message>
        <source>Achievement type</source>
        <translation>成果类型</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>部门</translation>
    </message>
    <message>
        <source>IP number</source>
        <translation>知识产权号</translation>
    </message>
    <message>
        <source>Grant date</source>
        <translation>授权日期</translation>
    </message>
    <message>
        <source>Reason for inclusion</source>
        <translation>纳入理由</translation>
    </message>
    <message>
        <source>Pool decision</source>
        <translation>成果池决定</translation>
    </message>
    <message>
        <source>Decision reason</source>
        <translation>决定理由</translation>
    </message>
    <message>
        <source>Include</source>
        <translation>纳入</translation>
    </message>
    <message>
        <source>Confirm that the selected candidate is included</source>
        <translation>确认所选候选成果纳入成果池</translation>
    </message>
    <message>
        <source>Exclude…</source>
        <translation>排除…</translation>
    </message>
    <message>
        <source>Issue</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Published at</source>
        <translation>发布时间</translation>
    </message>
    <message>
        <source>Published by</source>
        <translation>发布人</translation>
    </message>
    <message>
        <source>Achievements listed</source>
        <translation>成果数</translation>
    </message>
    <message>
        <source>Writing page %v of about %m</source>
        <translation>正在写第 %v 页，共约 %m 页</translation>
    </message>
    <message>
        <source> · </source>
        <translation> · </translation>
    </message>
    <message>
        <source>Export cancelled; no file was written.</source>
        <translation>已取消导出，未写入任何文件。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Publish new version…</source>
        <translation>发布新版本…</translation>
    </message>
    <message>
        <source>Export PDF…</source>
        <translation>导出 PDF…</translation>
    </message>
    <message>
        <source>Export Excel…</source>
        <translation>导出 Excel…</translation>
    </message>
    <message>
        <source>Candidates</source>
        <translation>候选成果</translation>
    </message>
    <message>
        <source>Published versions</source>
        <translation>已发布版本</translation>
    </message>
    <message>
        <source>“%1” is excluded from the pool.</source>
        <translation>已将“%1”排除出成果池。</translation>
    </message>
    <message>
        <source>Included</source>
        <translation>纳入</translation>
    </message>
    <message>
        <source>Excluded</source>
        <translation>排除</translation>
    </message>
    <message>
        <source>Undecided</source>
        <translation>待定</translation>
    </message>
    <message>
        <source>%1 candidates: %2 undecided, %3 excluded</source>
        <translation>共 %1 项候选成果：待定 %2 项，排除 %3 项</translation>
    </message>
    <message>
        <source>No version has been published yet.</source>
        <translation>尚未发布任何版本。</translation>
    </message>
    <message>
        <source>Select a version to see what it published.</source>
        <translation>选择一个版本，查看其发布的成果。</translation>
    </message>
    <message>
        <source>published %1 by %2</source>
        <translation>%1 由 %2 发布</translation>
    </message>
    <message>
        <source>%1 achievements</source>
        <translation>共 %1 项成果</translation>
    </message>
    <message>
        <source>“%1” is confirmed for the pool.</source>
        <translation>已确认“%1”纳入成果池。</translation>
    </message>
    <message>
        <source>A new version has been published.</source>
        <translation>新版本已发布。</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
</context>
<context>
    <name>PreviewPage</name>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>What the filing will hold, as the recipient will see it.</source>
        <translation>报送件将包含的内容，与收件单位看到的一致。</translation>
    </message>
    <message>
        <source>Recipient office</source>
        <translation>收件单位</translation>
    </message>
    <message>
        <source>Filing ID</source>
        <translation>报送件编号</translation>
    </message>
    <message>
        <source>File name</source>
        <translation>文件名</translation>
    </message>
    <message>
        <source>Highest secrecy level (mark)</source>
        <translation>最高密级（标志）</translation>
    </message>
    <message>
        <source>Gathering the records and their documents…</source>
        <translation>正在汇集记录及其文件…</translation>
    </message>
    <message>
        <source>%1 (number %2 to this office)</source>
        <translation>%1（发往该单位的第 %2 份）</translation>
    </message>
    <message>
        <source> — needs the secrecy administrator's approval</source>
        <translation>——须经保密管理员审批</translation>
    </message>
    <message>
        <source>%1 records, %2 documents, %3 in all</source>
        <translation>共 %1 项记录、%2 个文件，合计 %3</translation>
    </message>
</context>
<context>
    <name>PublicityDialog</name>
    <message>
        <source>Start the publicity</source>
        <translation>开始公示</translation>
    </message>
    <message>
        <source>The grant is publicised in the unit before it may take effect; objections received meanwhile must be settled first.</source>
        <translation>赋权须在单位内公示后方可生效；公示期间收到的异议须先处理完毕。</translation>
    </message>
    <message>
        <source>Publicity from</source>
        <translation>公示开始</translation>
    </message>
    <message>
        <source>Publicity period</source>
        <translation>公示期</translation>
    </message>
    <message>
        <source>Publicity until</source>
        <translation>公示截止</translation>
    </message>
    <message>
        <source>%1, 24:00</source>
        <translation>%1 24时</translation>
    </message>
</context>
<context>
    <name>PublishDialog</name>
    <message>
        <source>Publish a new version</source>
        <translation>发布新版本</translation>
    </message>
    <message>
        <source>The new version lists %1 achievements: every candidate that is not excluded, as they stand now. A published version never changes.</source>
        <translation>新版本将列出 %1 项成果，即当前所有未被排除的候选成果。版本一经发布，内容不再改变。</translation>
    </message>
    <message>
        <source>Optional, e.g. first issue of 2026</source>
        <translation>选填，例如“2026年第一期”</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Publish</source>
        <translation>发布</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>RecipientPage</name>
    <message>
        <source>Recipient</source>
        <translation>收件单位</translation>
    </message>
    <message>
        <source>The office that receives the filing. Only offices in the trust store can.</source>
        <translation>接收报送件的单位。只能选择信任名单中的单位。</translation>
    </message>
    <message>
        <source>Encrypt (age)</source>
        <translation>加密（age）</translation>
    </message>
    <message>
        <source>Recipient office</source>
        <translation>收件单位</translation>
    </message>
    <message>
        <source>Protection in transit</source>
        <translation>传输保护</translation>
    </message>
    <message>
        <source>An encrypted filing can be read only by the recipient office (and by this unit, to check what it wrote). Without encryption anyone holding the stick can read it; the signature still shows any change.</source>
        <translation>加密的报送件只有收件单位（以及本单位，用于核对写入的内容）能读取。不加密时，拿到 U 盘的人都能读取；但任何改动仍会被签名发现。</translation>
    </message>
    <message>
        <source>This unit has no filing keys yet: the system administrator generates them on the Keys tab of the Filings page.</source>
        <translation>本单位还没有报送密钥：请系统管理员在“报送”页的“密钥”中生成。</translation>
    </message>
    <message>
        <source>No office in the trust store can receive this filing: the secrecy administrator imports the office's key card on the Keys tab first.</source>
        <translation>信任名单中没有可以接收的单位：请保密管理员先在“密钥”中导入对方单位的密钥卡。</translation>
    </message>
</context>
<context>
    <name>RecordCheckpointDialog</name>
    <message>
        <source>Record checkpoint</source>
        <translation>记录检查点</translation>
    </message>
    <message>
        <source>A checkpoint keeps the current size and root of the log. Later verifications compare against it, so a rewrite of older entries is found.</source>
        <translation>检查点保存日志当前的记录条数和树根。以后校验时会与之比对，从而发现早先记录被改写。</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
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
    <name>RegistrationDialog</name>
    <message>
        <source>Technology contract registration</source>
        <translation>技术合同认定登记</translation>
    </message>
    <message>
        <source>The registration number and date of the technology contract, on which later tax treatment depends.</source>
        <translation>技术合同的登记号和登记日期，相关税收政策以此为依据。</translation>
    </message>
    <message>
        <source>Technology contract registration number</source>
        <translation>技术合同登记号</translation>
    </message>
    <message>
        <source>e.g. 2026210100000123</source>
        <translation>如 2026210100000123</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>RemoveFileDialog</name>
    <message>
        <source>Remove attachment</source>
        <translation>删除附件</translation>
    </message>
    <message>
        <source>Remove the attachment “%1”? The removal and its reason are recorded in the audit log.</source>
        <translation>删除附件“%1”？删除操作及其理由将记入审计日志。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>删除</translation>
    </message>
</context>
<context>
    <name>RetireKeyDialog</name>
    <message>
        <source>Retire a trusted key</source>
        <translation>停用信任的公钥</translation>
    </message>
    <message>
        <source>Stop trusting the key %1 of %2? Filings signed with it are refused from now on; those already imported stay as they are.</source>
        <translation>停止信任“%2”的公钥 %1？此后用它签名的报送件将被拒收；已导入的保持不变。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>e.g. the office replaced its keys on 2026-03-01</source>
        <translation>例如：对方单位已于 2026 年 3 月 1 日更换密钥</translation>
    </message>
    <message>
        <source>Retire key</source>
        <translation>停用公钥</translation>
    </message>
</context>
<context>
    <name>RevenueStartDialog</name>
    <message>
        <source>Record the start of revenue</source>
        <translation>记录收入起始日</translation>
    </message>
    <message>
        <source>Instalments due some months after the licensee's revenue starts fall due counted from this day.</source>
        <translation>约定在被许可方产生收入后若干月支付的各期款项，自此日起计算到期日。</translation>
    </message>
    <message>
        <source>Revenue started on</source>
        <translation>产生收入日期</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>RewardBreakdown</name>
    <message>
        <source>Why this figure?</source>
        <translation>为什么是这个数？</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Main contributor</source>
        <translation>主要贡献人员</translation>
    </message>
    <message>
        <source>Leader post</source>
        <translation>领导职务</translation>
    </message>
    <message>
        <source>Reward (yuan)</source>
        <translation>奖励（元）</translation>
    </message>
    <message>
        <source>Counted into wages (yuan)</source>
        <translation>计入工资薪金（元）</translation>
    </message>
    <message>
        <source>Reward pool: %1</source>
        <translation>奖励总额：%1</translation>
    </message>
    <message>
        <source>Reward (shares)</source>
        <translation>奖励（股）</translation>
    </message>
    <message>
        <source>Reward (% of the capital)</source>
        <translation>奖励（出资比例 %）</translation>
    </message>
    <message>
        <source>Total</source>
        <translation>合计</translation>
    </message>
</context>
<context>
    <name>RewardDetail</name>
    <message>
        <source>Publicise…</source>
        <translation>公示…</translation>
    </message>
    <message>
        <source>Record objection…</source>
        <translation>登记异议…</translation>
    </message>
    <message>
        <source>Settle objection…</source>
        <translation>处理异议…</translation>
    </message>
    <message>
        <source>Pay out…</source>
        <translation>发放…</translation>
    </message>
    <message>
        <source>Cancel…</source>
        <translation>作废…</translation>
    </message>
    <message>
        <source>Save statement PDF…</source>
        <translation>保存计算表 PDF…</translation>
    </message>
    <message>
        <source>Save notice PDF…</source>
        <translation>保存公示 PDF…</translation>
    </message>
    <message>
        <source>Export allocation xlsx…</source>
        <translation>导出分配表 xlsx…</translation>
    </message>
    <message>
        <source>Kind of reward</source>
        <translation>奖励类型</translation>
    </message>
    <message>
        <source>Transformation</source>
        <translation>成果转化</translation>
    </message>
    <message>
        <source>Calculation date</source>
        <translation>计算日期</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Public notice</source>
        <translation>公示</translation>
    </message>
    <message>
        <source>Allocation and why</source>
        <translation>分配结果及说明</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Settled on</source>
        <translation>处理日期</translation>
    </message>
    <message>
        <source>Settled with</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Objections</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Choose a calculation in the list.</source>
        <translation>请在列表中选择一项奖励计算。</translation>
    </message>
    <message>
        <source>Not linked</source>
        <translation>未关联</translation>
    </message>
    <message>
        <source>On %1 (the rules in force that day)</source>
        <translation>%1（按当日有效的规则）</translation>
    </message>
    <message>
        <source>payment planned for %1</source>
        <translation>计划于%1发放</translation>
    </message>
    <message>
        <source> on %1</source>
        <translation>（%1）</translation>
    </message>
    <message>
        <source>Not yet settled</source>
        <translation>待处理</translation>
    </message>
    <message>
        <source>Objections (%1)</source>
        <translation>异议（%1）</translation>
    </message>
</context>
<context>
    <name>RewardDialog</name>
    <message>
        <source>New reward calculation</source>
        <translation>新建奖励计算</translation>
    </message>
    <message>
        <source>The reward for the people who completed and transformed the achievement (measure 12). Saving keeps the figures with the rule versions they used; the reward is then publicised before it is paid.</source>
        <translation>对完成、转化科技成果作出重要贡献人员的奖励和报酬（第（十二）条）。保存后，计算结果连同所适用的规则版本一并留存；奖励须经公示后方可发放。</translation>
    </message>
    <message>
        <source>Save calculation</source>
        <translation>保存计算</translation>
    </message>
    <message>
        <source>Not calculated: see the message.</source>
        <translation>未能计算：请看提示。</translation>
    </message>
    <message>
        <source>Not calculated: see the field marked in red.</source>
        <translation>未能计算：请看标红的栏目。</translation>
    </message>
</context>
<context>
    <name>RewardForm</name>
    <message>
        <source>e.g. Reward for the magnesium alloy patent transfer</source>
        <translation>如：镁合金专利转让奖励</translation>
    </message>
    <message>
        <source>Not linked to a transformation</source>
        <translation>不关联成果转化项目</translation>
    </message>
    <message>
        <source>e.g. 2026-01-05</source>
        <translation>如 2026-01-05</translation>
    </message>
    <message>
        <source>e.g. 2026-03-31</source>
        <translation>如 2026-03-31</translation>
    </message>
    <message>
        <source>optional: the 36-month window of the tax relief is counted to it</source>
        <translation>可不填；个人所得税优惠的36个月期限计算至该日</translation>
    </message>
    <message>
        <source>Search the people register</source>
        <translation>在人员库中查找</translation>
    </message>
    <message>
        <source>Choose a person to add</source>
        <translation>请选择要加入的人员</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>姓名</translation>
    </message>
    <message>
        <source>Leader post</source>
        <translation>领导职务</translation>
    </message>
    <message>
        <source>Contribution weight</source>
        <translation>贡献份额</translation>
    </message>
    <message>
        <source>Main contributor</source>
        <translation>主要贡献人员</translation>
    </message>
    <message>
        <source>Reward form</source>
        <translation>奖励形式</translation>
    </message>
    <message>
        <source>Remove person</source>
        <translation>移除人员</translation>
    </message>
    <message>
        <source>The approval and its document, e.g. 省委组织部批复〔2026〕3号</source>
        <translation>审批情况及文件，如 省委组织部批复〔2026〕3号</translation>
    </message>
    <message>
        <source>Reward item</source>
        <translation>奖励事项</translation>
    </message>
    <message>
        <source>Kind of reward</source>
        <translation>奖励类型</translation>
    </message>
    <message>
        <source>Transformation</source>
        <translation>成果转化</translation>
    </message>
    <message>
        <source>Calculation date</source>
        <translation>计算日期</translation>
    </message>
    <message>
        <source>Planned payment date</source>
        <translation>计划发放日期</translation>
    </message>
    <message>
        <source>Unit policy</source>
        <translation>单位规定</translation>
    </message>
    <message>
        <source>People rewarded</source>
        <translation>获奖人员</translation>
    </message>
    <message>
        <source>Approval for a principal leader's equity</source>
        <translation>正职领导获得股权的审批</translation>
    </message>
    <message>
        <source>Preview</source>
        <translation>预览</translation>
    </message>
    <message>
        <source>Press Preview to see the calculation before saving it.</source>
        <translation>保存前请按“预览”查看计算结果。</translation>
    </message>
    <message>
        <source>e.g. 500,000.00</source>
        <translation>如 500,000.00</translation>
    </message>
    <message>
        <source>Income received and costs deducted</source>
        <translation>收入及扣除费用</translation>
    </message>
    <message>
        <source>Received on</source>
        <translation>收到日期</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Add receipt</source>
        <translation>增加收入</translation>
    </message>
    <message>
        <source>Remove receipt</source>
        <translation>删除收入</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>费用项目</translation>
    </message>
    <message>
        <source>Add deduction</source>
        <translation>增加扣除</translation>
    </message>
    <message>
        <source>Remove deduction</source>
        <translation>删除扣除</translation>
    </message>
    <message>
        <source>The technology contract is registered (needed for the tax relief)</source>
        <translation>技术合同已认定登记（享受个人所得税优惠的条件）</translation>
    </message>
    <message>
        <source>Receipts</source>
        <translation>收入</translation>
    </message>
    <message>
        <source>Deductions</source>
        <translation>扣除费用</translation>
    </message>
    <message>
        <source>Registration</source>
        <translation>认定登记</translation>
    </message>
    <message>
        <source>Equity formed by the investment</source>
        <translation>作价投资形成的股权</translation>
    </message>
    <message>
        <source>Number of shares</source>
        <translation>股份数</translation>
    </message>
    <message>
        <source>Percentage of registered capital</source>
        <translation>出资比例</translation>
    </message>
    <message>
        <source>e.g. 1000000</source>
        <translation>如 1000000</translation>
    </message>
    <message>
        <source>e.g. 12.5</source>
        <translation>如 12.5</translation>
    </message>
    <message>
        <source>Formed</source>
        <translation>形成</translation>
    </message>
    <message>
        <source>Operating profit in the years after production began</source>
        <translation>投产后各年营业利润</translation>
    </message>
    <message>
        <source>Year</source>
        <translation>年份</translation>
    </message>
    <message>
        <source>Operating profit (yuan)</source>
        <translation>营业利润（元）</translation>
    </message>
    <message>
        <source>Add year</source>
        <translation>增加一年</translation>
    </message>
    <message>
        <source>Remove last year</source>
        <translation>删除最后一年</translation>
    </message>
    <message>
        <source>%1 to %2 consecutive years</source>
        <translation>连续%1至%2年</translation>
    </message>
    <message>
        <source>Operating profit</source>
        <translation>营业利润</translation>
    </message>
    <message>
        <source>Returns on the surplus invested</source>
        <translation>结余经费出资的收益</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>e.g. 90</source>
        <translation>如 90</translation>
    </message>
    <message>
        <source>Returns</source>
        <translation>收益</translation>
    </message>
    <message>
        <source>Researchers' share (%)</source>
        <translation>科研人员收益比例（%）</translation>
    </message>
    <message>
        <source>main</source>
        <translation>主要</translation>
    </message>
    <message>
        <source>Choose the cost</source>
        <translation>请选择费用项目</translation>
    </message>
    <message>
        <source>Year %1</source>
        <translation>第%1年</translation>
    </message>
    <message>
        <source>The contribution weight of %1 is not a number.</source>
        <translation>%1的贡献份额不是数字。</translation>
    </message>
    <message>
        <source>Type the number of shares formed.</source>
        <translation>请填写形成的股份数。</translation>
    </message>
    <message>
        <source>Type the percentage of the capital formed.</source>
        <translation>请填写形成的出资比例。</translation>
    </message>
    <message>
        <source>Type the returns in yuan.</source>
        <translation>请以元为单位填写收益。</translation>
    </message>
    <message>
        <source>Calculated from what is typed now; nothing is saved yet.</source>
        <translation>按当前填写的内容计算，尚未保存。</translation>
    </message>
    <message>
        <source>Calculating…</source>
        <translation>正在计算…</translation>
    </message>
    <message>
        <source>Changed since the preview: press Preview again to see the new figures.</source>
        <translation>预览后已修改：请再次按“预览”查看新的计算结果。</translation>
    </message>
    <message>
        <source>Type the day receipt %1 was received.</source>
        <translation>请填写第%1笔收入的收到日期。</translation>
    </message>
    <message>
        <source>Type the amount of receipt %1.</source>
        <translation>请填写第%1笔收入的金额。</translation>
    </message>
    <message>
        <source>Choose the cost of deduction %1.</source>
        <translation>请选择第%1项扣除的费用项目。</translation>
    </message>
    <message>
        <source>Type the amount of deduction %1.</source>
        <translation>请填写第%1项扣除的金额。</translation>
    </message>
    <message>
        <source>Type the operating profit of year %1 (0 or less when there was none).</source>
        <translation>请填写第%1年的营业利润（没有利润的填 0 或负数）。</translation>
    </message>
    <message>
        <source>“%1” is not a whole number.</source>
        <translation>“%1”不是整数。</translation>
    </message>
    <message>
        <source>A weight is not a number.</source>
        <translation>有贡献份额不是数字。</translation>
    </message>
    <message>
        <source>Main contributors: %1 of the weights (at least %2)</source>
        <translation>主要贡献人员占贡献份额 %1（不低于 %2）</translation>
    </message>
    <message>
        <source>Total: —</source>
        <translation>合计：—</translation>
    </message>
    <message>
        <source>Total: %1 yuan</source>
        <translation>合计：%1 元</translation>
    </message>
    <message>
        <source>The unit allows: %1</source>
        <translation>本单位规定可扣除：%1</translation>
    </message>
    <message>
        <source>The unit's policy allows no deductions.</source>
        <translation>本单位未规定可扣除的费用项目。</translation>
    </message>
    <message>
        <source>The researchers' share is typed below (in principle at least 90%).</source>
        <translation>科研人员收益比例在下方填写（原则上不低于90%）。</translation>
    </message>
    <message>
        <source>The unit has set no rate of its own: the statutory rate applies.</source>
        <translation>本单位未规定比例，按法定比例计算。</translation>
    </message>
    <message>
        <source>The unit's rate: %1</source>
        <translation>本单位规定的比例：%1</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>RewardLabels</name>
    <message>
        <source>Transfer</source>
        <translation>转让</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>Equity investment</source>
        <translation>作价投资</translation>
    </message>
    <message>
        <source>Own or joint implementation</source>
        <translation>自行实施或合作实施</translation>
    </message>
    <message>
        <source>Transformation financed from industry-project surplus</source>
        <translation>横向结余经费出资转化</translation>
    </message>
    <message>
        <source>Calculated</source>
        <translation>已计算</translation>
    </message>
    <message>
        <source>Under public notice</source>
        <translation>公示中</translation>
    </message>
    <message>
        <source>Paid out</source>
        <translation>已发放</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>已作废</translation>
    </message>
    <message>
        <source>Cash</source>
        <translation>现金</translation>
    </message>
    <message>
        <source>Equity</source>
        <translation>股权</translation>
    </message>
    <message>
        <source>Reward rate for transfers and licences</source>
        <translation>转让、许可的奖励比例</translation>
    </message>
    <message>
        <source>Reward rate for equity investment</source>
        <translation>作价投资的奖励比例</translation>
    </message>
    <message>
        <source>Reward rate for own or joint implementation</source>
        <translation>自行实施或合作实施的奖励比例</translation>
    </message>
    <message>
        <source>Costs deducted before the reward</source>
        <translation>计算净收入时可扣除的费用项目</translation>
    </message>
    <message>
        <source>Established by the state</source>
        <translation>国家设立的单位</translation>
    </message>
    <message>
        <source>secondary source</source>
        <translation>二手来源</translation>
    </message>
    <message>
        <source>not verified</source>
        <translation>未经核实</translation>
    </message>
    <message>
        <source>%1 yuan (net income %2 yuan × %3)</source>
        <translation>%1 元（净收入 %2 元 × %3）</translation>
    </message>
    <message>
        <source>%1 yuan (%2 of each year's operating profit)</source>
        <translation>%1 元（每年营业利润的 %2）</translation>
    </message>
    <message>
        <source>%1 yuan (the researchers' %2 of the returns)</source>
        <translation>%1 元（科研人员占收益的 %2）</translation>
    </message>
    <message>
        <source>%1 shares (%2 of the shares formed)</source>
        <translation>%1 股（形成股份的 %2）</translation>
    </message>
    <message>
        <source>%1% of the capital (%2 of the capital formed)</source>
        <translation>出资比例 %1%（形成出资比例的 %2）</translation>
    </message>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>%1 shares</source>
        <translation>%1 股</translation>
    </message>
    <message>
        <source>Rule %1</source>
        <translation>规则 %1</translation>
    </message>
    <message>
        <source>Source: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>How it was calculated</source>
        <translation>计算步骤</translation>
    </message>
    <message>
        <source>To be seen to</source>
        <translation>提示</translation>
    </message>
    <message>
        <source>For each person</source>
        <translation>每人说明</translation>
    </message>
    <message>
        <source>Rule versions used</source>
        <translation>适用的规则版本</translation>
    </message>
    <message>
        <source>%1 = %2 (version in force from %3)</source>
        <translation>%1 = %2（%3起施行的版本）</translation>
    </message>
</context>
<context>
    <name>RewardStepDialog</name>
    <message>
        <source>e.g. 2026-01-05</source>
        <translation>如 2026-01-05</translation>
    </message>
</context>
<context>
    <name>RewardsPage</name>
    <message>
        <source>Export the allocation as xlsx</source>
        <translation>导出奖励分配表（xlsx）</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Excel 工作簿 (*.xlsx)</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>保存为 PDF</translation>
    </message>
    <message>
        <source>Reward statement</source>
        <translation>奖励计算表</translation>
    </message>
    <message>
        <source>Reward notice</source>
        <translation>奖励公示</translation>
    </message>
    <message>
        <source>Reward allocation</source>
        <translation>奖励分配表</translation>
    </message>
    <message>
        <source>Not publicised yet.</source>
        <translation>尚未公示。</translation>
    </message>
    <message>
        <source>From %1 until %2, 24:00</source>
        <translation>%1起，至%224时届满</translation>
    </message>
    <message>
        <source>Reward item</source>
        <translation>奖励事项</translation>
    </message>
    <message>
        <source>Kind of reward</source>
        <translation>奖励类型</translation>
    </message>
    <message>
        <source>Reward pool</source>
        <translation>奖励总额</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Notice ends</source>
        <translation>公示届满</translation>
    </message>
    <message>
        <source>New calculation…</source>
        <translation>新建奖励计算…</translation>
    </message>
    <message>
        <source>Unit reward policy…</source>
        <translation>单位奖励规定…</translation>
    </message>
    <message>
        <source>Saved to %1</source>
        <translation>已保存到 %1</translation>
    </message>
    <message>
        <source>%1 calculations</source>
        <translation>%1 项奖励计算</translation>
    </message>
    <message>
        <source>The new version of the unit's rule is saved.</source>
        <translation>单位规则的新版本已保存。</translation>
    </message>
</context>
<context>
    <name>RoleChooser</name>
    <message>
        <source>Administrators</source>
        <translation>管理员（三员）</translation>
    </message>
    <message>
        <source>The system administrator, the secrecy administrator and the security auditor must be three different people: an account holds at most one of them.</source>
        <translation>系统管理员、安全保密管理员、安全审计员须由三个不同的人担任（三员分立）：一个账户最多担任其中一个。</translation>
    </message>
    <message>
        <source>Business roles</source>
        <translation>业务角色</translation>
    </message>
    <message>
        <source>Your unit allows only one role per account.</source>
        <translation>本单位规定每个账户只担任一个角色。</translation>
    </message>
</context>
<context>
    <name>RolesDialog</name>
    <message>
        <source>Roles of %1</source>
        <translation>%1 的角色</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>账户角色</translation>
    </message>
</context>
<context>
    <name>SaveDialog</name>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
</context>
<context>
    <name>SecrecyApprovalDialog</name>
    <message>
        <source>Request the secrecy approval</source>
        <translation>申请保密审批</translation>
    </message>
    <message>
        <source>The achievement is classified %1: the grant needs the secrecy administrator's approval, who decides it under Approvals.</source>
        <translation>该成果密级为%1，赋权须经保密管理员审批；保密管理员在“审批事项”中审批。</translation>
    </message>
    <message>
        <source>e.g. the team continues the work at the unit</source>
        <translation>如：团队在本单位继续开展转化工作</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Submit request</source>
        <translation>提交申请</translation>
    </message>
    <message>
        <source>The achievement is classified %1: the transformation needs the secrecy administrator's approval, who decides it under Approvals.</source>
        <translation>该成果密级为%1，转化须经保密管理员审批；保密管理员在“审批事项”中审批。</translation>
    </message>
    <message>
        <source>e.g. the buyer industrialises it for the unit</source>
        <translation>如：受让方在省内实施产业化</translation>
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
        <source> days</source>
        <translation> 日</translation>
    </message>
    <message>
        <source>Negotiated-price publicity</source>
        <translation>协议定价公示期</translation>
    </message>
    <message>
        <source> working days</source>
        <translation> 个工作日</translation>
    </message>
    <message>
        <source>Reward publicity</source>
        <translation>奖励公示期</translation>
    </message>
    <message>
        <source>Rights-grant publicity</source>
        <translation>赋权公示期</translation>
    </message>
    <message>
        <source>One account may hold several roles</source>
        <translation>一个账户可担任多个角色</translation>
    </message>
    <message>
        <source>Notice of a negotiated price before the deal. The Liaoning measures set no period; the unit decides (usually 15 days).</source>
        <translation>协议定价成交前的公示期。辽科发〔2025〕6号未规定期限，由本单位确定（通常 15 日）。</translation>
    </message>
    <message>
        <source>Notice of rewards before they are paid. The Liaoning measures set no period; the unit decides (国科发政〔2018〕103号 practice: 15 working days).</source>
        <translation>奖励发放前的公示期。辽科发〔2025〕6号未规定期限，由本单位确定（国科发政〔2018〕103号做法：15 个工作日）。</translation>
    </message>
    <message>
        <source>Notice of a decision to grant ownership or a long-term use right. The Liaoning measures set no period; the unit decides (usually 15 days).</source>
        <translation>赋予所有权或长期使用权决定的公示期。辽科发〔2025〕6号未规定期限，由本单位确定（通常 15 日）。</translation>
    </message>
    <message>
        <source>The three administrators (system, secrecy, audit) are never combined, whatever this says.</source>
        <translation>系统管理员、安全保密管理员、安全审计员三员始终分立，不受此项影响。</translation>
    </message>
    <message>
        <source>Roles</source>
        <translation>账户角色</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>保存</translation>
    </message>
    <message>
        <source>Only a system administrator can change the unit settings.</source>
        <translation>只有系统管理员可以修改单位设置。</translation>
    </message>
    <message>
        <source>Holiday table…</source>
        <translation>节假日表…</translation>
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
        <source>%1: %2</source>
        <translation>%1：%2</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>是</translation>
    </message>
    <message>
        <source>no</source>
        <translation>否</translation>
    </message>
    <message>
        <source>Nothing to save: no setting was changed.</source>
        <translation>没有需要保存的内容：设置未作更改。</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Saved. %1</source>
        <translation>已保存。%1</translation>
    </message>
    <message>
        <source>The language changes when the program restarts.</source>
        <translation>重新启动程序后切换语言。</translation>
    </message>
</context>
<context>
    <name>SettleObjectionDialog</name>
    <message>
        <source>Settle an objection</source>
        <translation>处理异议</translation>
    </message>
    <message>
        <source>(anonymous)</source>
        <translation>（匿名）</translation>
    </message>
    <message>
        <source>Objection</source>
        <translation>异议</translation>
    </message>
    <message>
        <source>Upheld</source>
        <translation>成立</translation>
    </message>
    <message>
        <source>Not upheld</source>
        <translation>不成立</translation>
    </message>
    <message>
        <source>Finding</source>
        <translation>核实结论</translation>
    </message>
    <message>
        <source>What was checked and why it was decided so</source>
        <translation>核实了哪些情况，为何作此结论</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>An upheld objection stops the grant as publicised: withdraw it and draft it again.</source>
        <translation>异议成立的，赋权不能按公示内容生效：请撤回后重新拟定。</translation>
    </message>
    <message>
        <source>Record the finding</source>
        <translation>记录处理结果</translation>
    </message>
    <message>
        <source>Choose whether the objection is upheld or not.</source>
        <translation>请选择异议是否成立。</translation>
    </message>
    <message>
        <source>How it was looked into and what was decided, e.g. the shares were checked</source>
        <translation>核查情况和处理决定，如：经核实贡献份额无误</translation>
    </message>
    <message>
        <source>Settled with</source>
        <translation>处理结果</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
</context>
<context>
    <name>SignDialog</name>
    <message>
        <source>Signing books what the contract forms into the separate ledger: the price as a receivable, a pay-later licence's instalments with their conditions, or the equity held. The checks of measure 15 are applied again on the day.</source>
        <translation>签订后，合同形成的资产记入单列管理台账：合同价款记为应收款，先使用后付费许可按各期条件记为应收款，作价投资记为所持股权。签订当日将再次进行第（十五）条审查。</translation>
    </message>
    <message>
        <source>Signed on</source>
        <translation>签订日期</translation>
    </message>
    <message>
        <source>Mark signed</source>
        <translation>标记已签订</translation>
    </message>
</context>
<context>
    <name>StatusDialog</name>
    <message>
        <source>Terminate achievement</source>
        <translation>终止成果</translation>
    </message>
    <message>
        <source>Reopen achievement</source>
        <translation>恢复成果</translation>
    </message>
    <message>
        <source>Terminate “%1”? The record stays in the register with everything in it; it can be reopened later.</source>
        <translation>终止“%1”？该记录及其全部内容仍保留在登记簿中，以后可以恢复。</translation>
    </message>
    <message>
        <source>Reopen “%1”? It goes back into the life cycle.</source>
        <translation>恢复“%1”？该成果将重新进入转化流程。</translation>
    </message>
    <message>
        <source>Status: %1 → %2</source>
        <translation>状态：%1 → %2</translation>
    </message>
    <message>
        <source>e.g. the patent has lapsed, the completers withdrew it</source>
        <translation>例如：专利已失效、完成人撤回</translation>
    </message>
    <message>
        <source>e.g. terminated by mistake, a new buyer has come forward</source>
        <translation>例如：误操作终止、出现新的受让方</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Reopen</source>
        <translation>恢复</translation>
    </message>
</context>
<context>
    <name>StepDialog</name>
    <message>
        <source>e.g. 2026-01-05</source>
        <translation>如 2026-01-05</translation>
    </message>
    <message>
        <source>e.g. 500,000.00</source>
        <translation>如 500,000.00</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
</context>
<context>
    <name>TakeEffectDialog</name>
    <message>
        <source>Take effect</source>
        <translation>办理生效</translation>
    </message>
    <message>
        <source>The grant takes effect once its publicity has ended without an objection still open or upheld, and every check of measure 15 is passed.</source>
        <translation>公示期满、没有未处理或成立的异议，并通过第（十五）条规定的各项审查后，赋权方可生效。</translation>
    </message>
    <message>
        <source>The publicity ends on %1 at 24:00.</source>
        <translation>公示期至%1 24时届满。</translation>
    </message>
    <message>
        <source>The ownership-change filings with CNIPA are opened on the day it takes effect.</source>
        <translation>生效当日起开始办理国家知识产权局权属变更手续。</translation>
    </message>
    <message>
        <source>Effective on</source>
        <translation>生效日期</translation>
    </message>
</context>
<context>
    <name>TaskProgress</name>
    <message>
        <source>Cancel</source>
        <translation>取消</translation>
    </message>
</context>
<context>
    <name>TerminateDialog</name>
    <message>
        <source>Terminate confidentiality agreement</source>
        <translation>终止保密协议</translation>
    </message>
    <message>
        <source>Terminate agreement</source>
        <translation>终止协议</translation>
    </message>
    <message>
        <source>Terminate %1 with %2? A terminated agreement no longer covers any cooperation and cannot be changed again.</source>
        <translation>确定终止与%2的%1吗？协议终止后不再涵盖任何合作，也不能再修改。</translation>
    </message>
    <message>
        <source>Terminated on</source>
        <translation>终止日期</translation>
    </message>
    <message>
        <source>For example 2026-01-05</source>
        <translation>例如 2026-01-05</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Why the agreement ends</source>
        <translation>协议终止的原因</translation>
    </message>
    <message>
        <source>Type the day the agreement ends, like 2026-01-05.</source>
        <translation>请按“2026-01-05”的格式填写终止日期。</translation>
    </message>
    <message>
        <source>Terminate this transformation? It stays on record with its steps; nothing further can be done with it.</source>
        <translation>确定终止本项转化吗？其记录及各环节将保留，但不能再办理任何事项。</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>e.g. the buyer withdrew from the negotiation</source>
        <translation>如：受让方退出谈判</translation>
    </message>
</context>
<context>
    <name>TodoPage</name>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>What to do</source>
        <translation>待办事项</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>How long</source>
        <translation>时长</translation>
    </message>
    <message>
        <source>Refresh the list</source>
        <translation>刷新</translation>
    </message>
    <message>
        <source>Open</source>
        <translation>打开</translation>
    </message>
    <message>
        <source>Nothing is waiting: no change filing is open, no grant is waiting to take effect or on an objection, and no confidentiality agreement ends within 30 days.</source>
        <translation>暂无待办：没有未办结的权属变更手续，没有待生效或待处理异议的赋权，也没有 30 天内到期的保密协议。</translation>
    </message>
    <message>
        <source>Ends today</source>
        <translation>今天到期</translation>
    </message>
    <message>
        <source>%1 days overdue</source>
        <translation>已逾期 %1 天</translation>
    </message>
    <message>
        <source>%1 days left</source>
        <translation>还剩 %1 天</translation>
    </message>
    <message>
        <source>%1 days so far</source>
        <translation>已 %1 天</translation>
    </message>
    <message>
        <source>Ends %1</source>
        <translation>%1到期</translation>
    </message>
    <message>
        <source>%1 items to do</source>
        <translation>共 %1 项待办</translation>
    </message>
</context>
<context>
    <name>TransformationDetail</name>
    <message>
        <source>%1 yuan</source>
        <translation>%1 元</translation>
    </message>
    <message>
        <source>%1, %2 to %3, territory: %4</source>
        <translation>%1，%2至%3，地域：%4</translation>
    </message>
    <message>
        <source>Free use for %1 months</source>
        <translation>免费使用 %1 个月</translation>
    </message>
    <message>
        <source>%1 months after the contract takes effect</source>
        <translation>合同生效后 %1 个月</translation>
    </message>
    <message>
        <source>%1 months after revenue starts</source>
        <translation>产生收入后 %1 个月</translation>
    </message>
    <message>
        <source>Instalment %1: %2, %3</source>
        <translation>第 %1 期：%2，%3</translation>
    </message>
    <message>
        <source>%1 shares</source>
        <translation>%1 股</translation>
    </message>
    <message>
        <source>%1% of the registered capital</source>
        <translation>注册资本的 %1%</translation>
    </message>
    <message>
        <source>; %1% when %2</source>
        <translation>；%2时收取 %1%</translation>
    </message>
    <message>
        <source>Converted to equity when: %1</source>
        <translation>转为股权的条件：%1</translation>
    </message>
    <message>
        <source>Exit plan: %1</source>
        <translation>退出安排：%1</translation>
    </message>
    <message>
        <source>Not financed from an industry project's surplus</source>
        <translation>未使用横向科研项目结余经费</translation>
    </message>
    <message>
        <source>Project %1; researchers' share %2%</source>
        <translation>横向项目 %1；科研人员收益比例 %2%</translation>
    </message>
    <message>
        <source> (below the minimum because: %1)</source>
        <translation>（低于比例的理由：%1）</translation>
    </message>
    <message>
        <source>basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>appraised at %1</source>
        <translation>评估值 %1</translation>
    </message>
    <message>
        <source>Proposed price %1 on notice for %2 days, until %3</source>
        <translation>拟交易价格 %1，公示 %2 日，至%3届满</translation>
    </message>
    <message>
        <source>Listed until %1</source>
        <translation>挂牌至%1届满</translation>
    </message>
    <message>
        <source>Objection: %1</source>
        <translation>异议：%1</translation>
    </message>
    <message>
        <source>%1 at %2</source>
        <translation>%1，价格 %2</translation>
    </message>
    <message>
        <source>Not booked in the separate ledger (negative-listed achievement)</source>
        <translation>未纳入单列管理台账（负面清单成果）</translation>
    </message>
    <message>
        <source>%1 %2 yuan</source>
        <translation>%1 %2 元</translation>
    </message>
    <message>
        <source>Booked: %1</source>
        <translation>已入账：%1</translation>
    </message>
    <message>
        <source>, </source>
        <translation>、</translation>
    </message>
    <message>
        <source>Reason: %1</source>
        <translation>理由：%1</translation>
    </message>
    <message>
        <source>; </source>
        <translation>；</translation>
    </message>
    <message>
        <source>Edit contract…</source>
        <translation>修改合同要素…</translation>
    </message>
    <message>
        <source>Contract</source>
        <translation>合同要素</translation>
    </message>
    <message>
        <source>Pricing procedure</source>
        <translation>定价程序</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>审查</translation>
    </message>
    <message>
        <source>Ledger</source>
        <translation>台账</translation>
    </message>
    <message>
        <source>Record registration…</source>
        <translation>登记技术合同…</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>转化方式</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Achievements and income shares</source>
        <translation>成果及收入分配比例</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Pricing method</source>
        <translation>定价方式</translation>
    </message>
    <message>
        <source>Asset appraisal</source>
        <translation>资产评估</translation>
    </message>
    <message>
        <source>Terms</source>
        <translation>合同条件</translation>
    </message>
    <message>
        <source>Industry project surplus</source>
        <translation>横向项目结余经费</translation>
    </message>
    <message>
        <source>Contract registration</source>
        <translation>技术合同登记</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>环节</translation>
    </message>
    <message>
        <source>State after</source>
        <translation>办理后状态</translation>
    </message>
    <message>
        <source>Detail</source>
        <translation>详情</translation>
    </message>
    <message>
        <source>Recorded at</source>
        <translation>记录时间</translation>
    </message>
    <message>
        <source>Checks of measure 15</source>
        <translation>第（十五）条审查</translation>
    </message>
    <message>
        <source>Receivable</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>已收</translation>
    </message>
    <message>
        <source>Outstanding</source>
        <translation>未收</translation>
    </message>
    <message>
        <source>Due on or condition</source>
        <translation>到期日或条件</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Pay-later instalments</source>
        <translation>先使用后付费各期款项</translation>
    </message>
    <message>
        <source>Instalment</source>
        <translation>期次</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>金额</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>类别</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>备注</translation>
    </message>
    <message>
        <source>Record receipt…</source>
        <translation>登记收款…</translation>
    </message>
    <message>
        <source>Record payment…</source>
        <translation>登记支出…</translation>
    </message>
    <message>
        <source>Revenue started…</source>
        <translation>记录收入起始日…</translation>
    </message>
    <message>
        <source>Convert into equity…</source>
        <translation>转为股权…</translation>
    </message>
    <message>
        <source>Receivables</source>
        <translation>应收款</translation>
    </message>
    <message>
        <source>Ledger entries</source>
        <translation>台账记录</translation>
    </message>
    <message>
        <source>, due on %1</source>
        <translation>，%1前支付</translation>
    </message>
    <message>
        <source>Not settled</source>
        <translation>未结清</translation>
    </message>
    <message>
        <source>Choose a transformation in the list.</source>
        <translation>请在列表中选择一项转化。</translation>
    </message>
    <message>
        <source>The team granted the rights (measure 6)</source>
        <translation>获得赋权的成果完成团队（第（六）条）</translation>
    </message>
    <message>
        <source>Basis: %1</source>
        <translation>依据：%1</translation>
    </message>
    <message>
        <source>Appraised value: %1</source>
        <translation>评估值：%1</translation>
    </message>
    <message>
        <source>%1, registered on %2</source>
        <translation>%1，%2登记</translation>
    </message>
    <message>
        <source>Not registered yet</source>
        <translation>尚未登记</translation>
    </message>
    <message>
        <source>Next step: %1</source>
        <translation>下一步：%1</translation>
    </message>
    <message>
        <source>Notice: from %1 for %2 days, until %3, 24:00</source>
        <translation>公示：自%1起 %2 日，至%3 24时届满</translation>
    </message>
    <message>
        <source>Listing: from %1 until %2, 24:00</source>
        <translation>挂牌：自%1起，至%2 24时届满</translation>
    </message>
    <message>
        <source>Signed on %1</source>
        <translation>%1签订</translation>
    </message>
    <message>
        <source>Checked when the contract was signed.</source>
        <translation>已在合同签订时审查。</translation>
    </message>
    <message>
        <source>Terminated: nothing to check.</source>
        <translation>已终止，无需审查。</translation>
    </message>
    <message>
        <source>The ledger opens when the contract is signed.</source>
        <translation>合同签订后开始登记台账。</translation>
    </message>
    <message>
        <source>Nothing booked in the separate ledger.</source>
        <translation>单列管理台账中没有记录。</translation>
    </message>
    <message>
        <source>Received %1, paid %2, outstanding %3</source>
        <translation>已收 %1，支出 %2，未收 %3</translation>
    </message>
    <message>
        <source>Condition not met yet</source>
        <translation>条件尚未成就</translation>
    </message>
    <message>
        <source>Settled</source>
        <translation>已结清</translation>
    </message>
    <message>
        <source>Not due yet</source>
        <translation>尚未到期</translation>
    </message>
    <message>
        <source>Overdue</source>
        <translation>逾期</translation>
    </message>
</context>
<context>
    <name>TransformationDialog</name>
    <message>
        <source>Edit transformation</source>
        <translation>修改转化合同</translation>
    </message>
    <message>
        <source>New transformation</source>
        <translation>登记转化合同</translation>
    </message>
    <message>
        <source>Saving registers the contract; its price then goes through the procedure of measure 4 (appraisal decision, then notice, listing or auction) before the contract may be marked signed.</source>
        <translation>保存后登记该合同；其价格须先经第（四）条规定的程序（资产评估决定，再经公示、挂牌或拍卖）确定，合同方可标记为已签订。</translation>
    </message>
</context>
<context>
    <name>TransformationForm</name>
    <message>
        <source>e.g. Patent transfer contract for a high-strength magnesium alloy</source>
        <translation>如：一种高强度镁合金专利转让合同</translation>
    </message>
    <message>
        <source>Search counterparties</source>
        <translation>搜索合作方</translation>
    </message>
    <message>
        <source>No counterparty chosen</source>
        <translation>尚未选择合作方</translation>
    </message>
    <message>
        <source>New counterparty…</source>
        <translation>新建合作方…</translation>
    </message>
    <message>
        <source>Search achievements by title</source>
        <translation>按成果名称搜索</translation>
    </message>
    <message>
        <source>Choose an achievement to add</source>
        <translation>选择要加入的成果</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>加入</translation>
    </message>
    <message>
        <source>Achievement</source>
        <translation>科技成果</translation>
    </message>
    <message>
        <source>Income share (%)</source>
        <translation>收入分配比例（%）</translation>
    </message>
    <message>
        <source>Remove achievement</source>
        <translation>移除成果</translation>
    </message>
    <message>
        <source>yuan</source>
        <translation>元</translation>
    </message>
    <message>
        <source>Choose the pricing method</source>
        <translation>请选择定价方式</translation>
    </message>
    <message>
        <source>Form of transformation</source>
        <translation>转化方式</translation>
    </message>
    <message>
        <source>Contract title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Contract price</source>
        <translation>合同金额</translation>
    </message>
    <message>
        <source>Pricing method</source>
        <translation>定价方式</translation>
    </message>
    <message>
        <source>e.g. 500,000.00</source>
        <translation>如 500,000.00</translation>
    </message>
    <message>
        <source>Licence terms</source>
        <translation>许可条件</translation>
    </message>
    <message>
        <source>Choose the scope</source>
        <translation>请选择许可方式</translation>
    </message>
    <message>
        <source>e.g. 2026-01-05</source>
        <translation>如 2026-01-05</translation>
    </message>
    <message>
        <source>e.g. 2031-01-04</source>
        <translation>如 2031-01-04</translation>
    </message>
    <message>
        <source>e.g. mainland China</source>
        <translation>如：中国境内</translation>
    </message>
    <message>
        <source>Licence scope</source>
        <translation>许可方式</translation>
    </message>
    <message>
        <source>Licensed from</source>
        <translation>许可起始日</translation>
    </message>
    <message>
        <source>Licensed until</source>
        <translation>许可终止日</translation>
    </message>
    <message>
        <source>Territory</source>
        <translation>许可地域</translation>
    </message>
    <message>
        <source>Equity investment</source>
        <translation>作价投资</translation>
    </message>
    <message>
        <source>The company the achievement is invested in</source>
        <translation>被投资公司名称</translation>
    </message>
    <message>
        <source>Number of shares</source>
        <translation>股份数</translation>
    </message>
    <message>
        <source>Percentage of registered capital</source>
        <translation>出资比例</translation>
    </message>
    <message>
        <source>e.g. 1000000</source>
        <translation>如 1000000</translation>
    </message>
    <message>
        <source>e.g. 12.5</source>
        <translation>如 12.5</translation>
    </message>
    <message>
        <source>Company</source>
        <translation>被投资公司</translation>
    </message>
    <message>
        <source>Holding as</source>
        <translation>持股方式</translation>
    </message>
    <message>
        <source>Achievements covered</source>
        <translation>涵盖成果</translation>
    </message>
    <message>
        <source>e.g. 2026-03-31</source>
        <translation>如 2026-03-31</translation>
    </message>
    <message>
        <source>optional: without it the receivable has no due date</source>
        <translation>可不填；不填的，应收款没有到期日</translation>
    </message>
    <message>
        <source>Price due on</source>
        <translation>付款日期</translation>
    </message>
    <message>
        <source>Shares held</source>
        <translation>持有股份数</translation>
    </message>
    <message>
        <source>Capital (%)</source>
        <translation>出资比例（%）</translation>
    </message>
    <message>
        <source>Use first, pay later (measure 5)</source>
        <translation>先使用后付费（第（五）条）</translation>
    </message>
    <message>
        <source>Open to small, medium and micro enterprises only. Each instalment falls due only once its condition is met.</source>
        <translation>只面向中小微企业。各期款项在其付款条件成就后才到期。</translation>
    </message>
    <message>
        <source> months</source>
        <translation> 个月</translation>
    </message>
    <message>
        <source>Amount (yuan)</source>
        <translation>金额（元）</translation>
    </message>
    <message>
        <source>Condition</source>
        <translation>付款条件</translation>
    </message>
    <message>
        <source>Due on</source>
        <translation>到期日</translation>
    </message>
    <message>
        <source>Months</source>
        <translation>月数</translation>
    </message>
    <message>
        <source>Add instalment</source>
        <translation>增加一期</translation>
    </message>
    <message>
        <source>Remove instalment</source>
        <translation>删除该期</translation>
    </message>
    <message>
        <source>Free use for</source>
        <translation>免费使用期</translation>
    </message>
    <message>
        <source>Instalments</source>
        <translation>分期付款</translation>
    </message>
    <message>
        <source>Retained-share transfer (measure 6)</source>
        <translation>权益让渡（第（六）条）</translation>
    </message>
    <message>
        <source>e.g. the company's listing or a sale of its shares</source>
        <translation>如：公司上市或股权转让</translation>
    </message>
    <message>
        <source>e.g. 20</source>
        <translation>如 20</translation>
    </message>
    <message>
        <source>Mode</source>
        <translation>让渡方式</translation>
    </message>
    <message>
        <source>Return triggered by</source>
        <translation>收益触发条件</translation>
    </message>
    <message>
        <source>Agreed return (%)</source>
        <translation>约定收益比例（%）</translation>
    </message>
    <message>
        <source>Invest first, equity later (measure 7)</source>
        <translation>先投后股（第（七）条）</translation>
    </message>
    <message>
        <source>Stage</source>
        <translation>阶段</translation>
    </message>
    <message>
        <source>Public funds (yuan)</source>
        <translation>投入金额（元）</translation>
    </message>
    <message>
        <source>Add stage</source>
        <translation>增加阶段</translation>
    </message>
    <message>
        <source>Remove stage</source>
        <translation>删除阶段</translation>
    </message>
    <message>
        <source>e.g. the company's first round of outside financing</source>
        <translation>如：公司完成首轮外部融资</translation>
    </message>
    <message>
        <source>How and when the unit leaves, at an appropriate return</source>
        <translation>按适当回报分阶段退出的方式和时间</translation>
    </message>
    <message>
        <source>Stages</source>
        <translation>投入阶段</translation>
    </message>
    <message>
        <source>Converted to equity when</source>
        <translation>转为股权的条件</translation>
    </message>
    <message>
        <source>Exit plan</source>
        <translation>退出安排</translation>
    </message>
    <message>
        <source>Financed from the surplus of an industry project (measure 3)</source>
        <translation>以横向科研项目结余经费出资（第（三）条）</translation>
    </message>
    <message>
        <source>Contract number of the project</source>
        <translation>横向项目合同编号</translation>
    </message>
    <message>
        <source>e.g. 90</source>
        <translation>如 90</translation>
    </message>
    <message>
        <source>Required below the minimum: why the researchers get less</source>
        <translation>低于该比例时必填：科研人员收益比例较低的理由</translation>
    </message>
    <message>
        <source>Industry project</source>
        <translation>横向项目</translation>
    </message>
    <message>
        <source>Researchers' share (%)</source>
        <translation>科研人员收益比例（%）</translation>
    </message>
    <message>
        <source>Reason for less</source>
        <translation>低于比例的理由</translation>
    </message>
    <message>
        <source>Technology contract registration</source>
        <translation>技术合同认定登记</translation>
    </message>
    <message>
        <source>May be recorded later</source>
        <translation>可在以后登记</translation>
    </message>
    <message>
        <source>Technology contract registration number</source>
        <translation>技术合同登记号</translation>
    </message>
    <message>
        <source>Registered on</source>
        <translation>登记日期</translation>
    </message>
    <message>
        <source>Enter the income share of “%1”.</source>
        <translation>请填写“%1”的收入分配比例。</translation>
    </message>
    <message>
        <source>Enter the researchers' share of the returns.</source>
        <translation>请填写科研人员收益比例。</translation>
    </message>
    <message>
        <source>A transfer has no terms beyond the price and the parties.</source>
        <translation>转让除价格和当事人外无其他条件。</translation>
    </message>
    <message>
        <source>Licence fee</source>
        <translation>许可费</translation>
    </message>
    <message>
        <source>Value of the investment</source>
        <translation>作价金额</translation>
    </message>
    <message>
        <source>Fee or price</source>
        <translation>资源占用费或价款</translation>
    </message>
    <message>
        <source>Public funds invested</source>
        <translation>投入金额</translation>
    </message>
    <message>
        <source>the sum of the instalments</source>
        <translation>各期金额之和</translation>
    </message>
    <message>
        <source>may be 0 when only a return is agreed</source>
        <translation>只约定收益的可填 0</translation>
    </message>
    <message>
        <source>the sum of the stages</source>
        <translation>各阶段投入之和</translation>
    </message>
    <message>
        <source>At least %1% in principle (%2)</source>
        <translation>原则上不低于 %1%（%2）</translation>
    </message>
    <message>
        <source>Below %1%: allowed only with the reason recorded (%2)</source>
        <translation>低于 %1%：须写明理由（%2）</translation>
    </message>
    <message>
        <source>At least %1%: as %2 asks</source>
        <translation>不低于 %1%：符合%2</translation>
    </message>
    <message>
        <source>“%1” is not a whole number.</source>
        <translation>“%1”不是整数。</translation>
    </message>
    <message>
        <source>Not used with this condition</source>
        <translation>该付款条件不需填写</translation>
    </message>
    <message>
        <source>%1 is registered as a large enterprise: a pay-later licence is refused (%2).</source>
        <translation>“%1”登记为大型企业，不能采用“先使用后付费”许可（%2）。</translation>
    </message>
    <message>
        <source>Total: %1%</source>
        <translation>合计：%1%</translation>
    </message>
    <message>
        <source>Total: %1 yuan of %2 yuan</source>
        <translation>合计：%1 元，应为 %2 元</translation>
    </message>
</context>
<context>
    <name>TransformationLabels</name>
    <message>
        <source>Transfer</source>
        <translation>转让</translation>
    </message>
    <message>
        <source>Licence</source>
        <translation>许可</translation>
    </message>
    <message>
        <source>Equity investment</source>
        <translation>作价投资</translation>
    </message>
    <message>
        <source>Use first, pay later licence</source>
        <translation>先使用后付费许可</translation>
    </message>
    <message>
        <source>Retained-share transfer</source>
        <translation>权益让渡</translation>
    </message>
    <message>
        <source>Invest first, equity later</source>
        <translation>先投后股</translation>
    </message>
    <message>
        <source>Outside the pricing procedure</source>
        <translation>不适用定价程序</translation>
    </message>
    <message>
        <source>Negotiated price</source>
        <translation>协议定价</translation>
    </message>
    <message>
        <source>Market listing</source>
        <translation>挂牌交易</translation>
    </message>
    <message>
        <source>Auction</source>
        <translation>拍卖</translation>
    </message>
    <message>
        <source>Appraisal decision</source>
        <translation>资产评估决定</translation>
    </message>
    <message>
        <source>Pricing method fixed</source>
        <translation>确定定价方式</translation>
    </message>
    <message>
        <source>Negotiated price on notice</source>
        <translation>协议定价公示</translation>
    </message>
    <message>
        <source>Objection to the notice</source>
        <translation>公示有异议</translation>
    </message>
    <message>
        <source>Listed on a technology market</source>
        <translation>技术市场挂牌</translation>
    </message>
    <message>
        <source>Pricing done</source>
        <translation>定价完成</translation>
    </message>
    <message>
        <source>Performed in full</source>
        <translation>履行完毕</translation>
    </message>
    <message>
        <source>Signed contract</source>
        <translation>合同已签订</translation>
    </message>
    <message>
        <source>Terminated transformation</source>
        <translation>已终止</translation>
    </message>
    <message>
        <source>Record the appraisal decision</source>
        <translation>记录资产评估决定</translation>
    </message>
    <message>
        <source>Start the price notice</source>
        <translation>开始协议定价公示</translation>
    </message>
    <message>
        <source>Close the notice</source>
        <translation>结束公示</translation>
    </message>
    <message>
        <source>Record an objection</source>
        <translation>登记异议</translation>
    </message>
    <message>
        <source>List on a technology market</source>
        <translation>在技术市场挂牌</translation>
    </message>
    <message>
        <source>Listing taken</source>
        <translation>挂牌被摘牌</translation>
    </message>
    <message>
        <source>Listing lapsed</source>
        <translation>挂牌期满无人摘牌</translation>
    </message>
    <message>
        <source>Record the auction result</source>
        <translation>记录拍卖结果</translation>
    </message>
    <message>
        <source>Mark the contract signed</source>
        <translation>标记合同已签订</translation>
    </message>
    <message>
        <source>Mark performed in full</source>
        <translation>标记履行完毕</translation>
    </message>
    <message>
        <source>Terminate</source>
        <translation>终止</translation>
    </message>
    <message>
        <source>Exclusive licence</source>
        <translation>独占许可</translation>
    </message>
    <message>
        <source>Sole licence</source>
        <translation>排他许可</translation>
    </message>
    <message>
        <source>Ordinary licence</source>
        <translation>普通许可</translation>
    </message>
    <message>
        <source>On a date</source>
        <translation>约定日期</translation>
    </message>
    <message>
        <source>Months after the contract takes effect</source>
        <translation>合同生效后若干月</translation>
    </message>
    <message>
        <source>Months after revenue starts</source>
        <translation>产生收入后若干月</translation>
    </message>
    <message>
        <source>One-time resource fee</source>
        <translation>一次性收取资源占用费</translation>
    </message>
    <message>
        <source>Grant with an agreed return</source>
        <translation>赋权＋约定收益</translation>
    </message>
    <message>
        <source>Proof of concept</source>
        <translation>概念验证</translation>
    </message>
    <message>
        <source>Pilot</source>
        <translation>中试</translation>
    </message>
    <message>
        <source>Industrialisation</source>
        <translation>产业化</translation>
    </message>
    <message>
        <source>Wholly state-owned</source>
        <translation>国有全资</translation>
    </message>
    <message>
        <source>State-controlled</source>
        <translation>国有控股</translation>
    </message>
    <message>
        <source>Not state-owned</source>
        <translation>非国有</translation>
    </message>
    <message>
        <source>Large enterprise</source>
        <translation>大型企业</translation>
    </message>
    <message>
        <source>Medium enterprise</source>
        <translation>中型企业</translation>
    </message>
    <message>
        <source>Small enterprise</source>
        <translation>小型企业</translation>
    </message>
    <message>
        <source>Micro enterprise</source>
        <translation>微型企业</translation>
    </message>
    <message>
        <source>Domestic</source>
        <translation>境内</translation>
    </message>
    <message>
        <source>Abroad</source>
        <translation>境外</translation>
    </message>
    <message>
        <source>Receivable</source>
        <translation>应收</translation>
    </message>
    <message>
        <source>Receipt</source>
        <translation>收款</translation>
    </message>
    <message>
        <source>Payment</source>
        <translation>支出</translation>
    </message>
    <message>
        <source>Equity held</source>
        <translation>股权</translation>
    </message>
    <message>
        <source>Not decided yet</source>
        <translation>尚未决定</translation>
    </message>
    <message>
        <source>Appraised</source>
        <translation>进行资产评估</translation>
    </message>
    <message>
        <source>Not required (wholly state-owned buyer)</source>
        <translation>免于评估（受让方为国有全资企业）</translation>
    </message>
    <message>
        <source>Not appraised, by the unit's decision</source>
        <translation>单位决定不评估</translation>
    </message>
    <message>
        <source>Pay-later licences for small, medium and micro firms</source>
        <translation>先使用后付费限中小微企业</translation>
    </message>
    <message>
        <source>Pricing procedure first</source>
        <translation>先完成定价程序</translation>
    </message>
    <message>
        <source>Notice period running</source>
        <translation>公示期未满</translation>
    </message>
    <message>
        <source>Listing period running</source>
        <translation>挂牌期未满</translation>
    </message>
    <message>
        <source>Appraisal exemption</source>
        <translation>免于评估的条件</translation>
    </message>
    <message>
        <source>Researchers' share of at least 90%</source>
        <translation>科研人员收益比例不低于90%</translation>
    </message>
    <message>
        <source>Retained-share transfer needs a grant</source>
        <translation>权益让渡以赋权为前提</translation>
    </message>
    <message>
        <source>Holiday table</source>
        <translation>节假日表</translation>
    </message>
</context>
<context>
    <name>TransformationsPage</name>
    <message>
        <source>Contract title</source>
        <translation>合同名称</translation>
    </message>
    <message>
        <source>Form</source>
        <translation>转化方式</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Price (yuan)</source>
        <translation>价格（元）</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状态</translation>
    </message>
    <message>
        <source>Next step</source>
        <translation>下一步</translation>
    </message>
    <message>
        <source>Next step from</source>
        <translation>可办理日期</translation>
    </message>
    <message>
        <source>New transformation…</source>
        <translation>登记转化合同…</translation>
    </message>
    <message>
        <source>%1 transformations</source>
        <translation>共 %1 项转化</translation>
    </message>
    <message>
        <source>The contract is signed</source>
        <translation>合同已签订</translation>
    </message>
    <message>
        <source>The contract is marked signed. Still to be seen to:</source>
        <translation>合同已标记为签订。仍需注意：</translation>
    </message>
</context>
<context>
    <name>TrustCardDialog</name>
    <message>
        <source>Import a key card</source>
        <translation>导入密钥卡</translation>
    </message>
    <message>
        <source>Check the office and its fingerprint against the key card printed on paper (or have the fingerprint read to you over the phone by someone you know there), then type the fingerprint from the paper. A key card file alone proves nothing: it may have been swapped on its way.</source>
        <translation>请对照纸质密钥卡核对单位和指纹（或请对方熟识的人通过电话念给您听），然后输入纸上印的指纹。仅凭密钥卡文件不能证明什么：它可能在传递途中被调换。</translation>
    </message>
    <message>
        <source>Office</source>
        <translation>单位</translation>
    </message>
    <message>
        <source>Key ID</source>
        <translation>密钥编号</translation>
    </message>
    <message>
        <source>Fingerprint in the file</source>
        <translation>文件中的指纹</translation>
    </message>
    <message>
        <source>Key card made on</source>
        <translation>密钥卡日期</translation>
    </message>
    <message>
        <source>This key is already trusted, as the key of %1.</source>
        <translation>该公钥已作为“%1”的公钥被信任。</translation>
    </message>
    <message>
        <source>e.g. 1A2B 3C4D 5E6F …</source>
        <translation>例如：1A2B 3C4D 5E6F …</translation>
    </message>
    <message>
        <source>Fingerprint on the paper card</source>
        <translation>纸质密钥卡上的指纹</translation>
    </message>
    <message>
        <source>Trust this key</source>
        <translation>信任该公钥</translation>
    </message>
    <message>
        <source>Type the fingerprint printed on the office's key card.</source>
        <translation>请输入对方单位密钥卡上印的指纹。</translation>
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
    <name>VerificationDialog</name>
    <message>
        <source>Check a filing</source>
        <translation>核验报送件</translation>
    </message>
    <message>
        <source>Checking the filing…</source>
        <translation>正在核验报送件…</translation>
    </message>
    <message>
        <source>Sender</source>
        <translation>发送单位</translation>
    </message>
    <message>
        <source>Fingerprint of the sender's key</source>
        <translation>发送单位公钥指纹</translation>
    </message>
    <message>
        <source>Time claimed by the sender</source>
        <translation>发送单位声称的时间</translation>
    </message>
    <message>
        <source>Sequence number</source>
        <translation>序号</translation>
    </message>
    <message>
        <source>Highest secrecy level</source>
        <translation>最高密级</translation>
    </message>
    <message>
        <source>Filing ID</source>
        <translation>报送件编号</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>导入</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>关闭</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>正在导入…</translation>
    </message>
    <message>
        <source>The filing checks out.</source>
        <translation>报送件核验通过。</translation>
    </message>
    <message>
        <source>; was encrypted to this unit</source>
        <translation>；已加密给本单位</translation>
    </message>
    <message>
        <source>This filing has already been imported; importing it again adds nothing.</source>
        <translation>该报送件已经导入过，再次导入不会添加任何内容。</translation>
    </message>
    <message>
        <source>This filing had already been imported; nothing was added.</source>
        <translation>该报送件此前已经导入，本次没有添加任何内容。</translation>
    </message>
    <message>
        <source>Imported: %1 new records, %2 unchanged.</source>
        <translation>已导入：新增 %1 条，未变 %2 条。</translation>
    </message>
    <message>
        <source>Different from the copy received earlier (both are kept): %1</source>
        <translation>与先前收到的版本不同（两份都保留）：%1</translation>
    </message>
    <message>
        <source>The filing could not be checked.</source>
        <translation>无法核验该报送件。</translation>
    </message>
    <message>
        <source>The filing is refused.</source>
        <translation>报送件未通过核验，不予接收。</translation>
    </message>
    <message>
        <source>Reason code: %1</source>
        <translation>原因代码：%1</translation>
    </message>
</context>
<context>
    <name>WinnerDialog</name>
    <message>
        <source>Who took the listing, and at what price.</source>
        <translation>摘牌方及成交价格。</translation>
    </message>
    <message>
        <source>Who won the auction, and at what price.</source>
        <translation>竞得方及成交价格。</translation>
    </message>
    <message>
        <source>On</source>
        <translation>日期</translation>
    </message>
    <message>
        <source>No counterparty chosen</source>
        <translation>尚未选择合作方</translation>
    </message>
    <message>
        <source>New counterparty…</source>
        <translation>新建合作方…</translation>
    </message>
    <message>
        <source>Counterparty</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Price</source>
        <translation>价格</translation>
    </message>
    <message>
        <source>Record</source>
        <translation>记录</translation>
    </message>
    <message>
        <source>Choose the counterparty.</source>
        <translation>请选择合作方。</translation>
    </message>
</context>
<context>
    <name>WithdrawDialog</name>
    <message>
        <source>Withdraw the grant</source>
        <translation>撤回赋权</translation>
    </message>
    <message>
        <source>Withdraw %1? It stays on record as withdrawn; the achievement may then be granted anew.</source>
        <translation>撤回%1？撤回后仍留存记录，该成果可重新拟定赋权。</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>e.g. the shares are to be agreed again</source>
        <translation>如：份额需重新商定</translation>
    </message>
    <message>
        <source>Withdraw</source>
        <translation>撤回</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Unit</source>
        <translation>单位信息</translation>
    </message>
    <message>
        <source>Achievements</source>
        <translation>成果登记</translation>
    </message>
    <message>
        <source>To do</source>
        <translation>待办</translation>
    </message>
    <message>
        <source>Pay-later pool</source>
        <translation>先用后付成果池</translation>
    </message>
    <message>
        <source>Confidentiality agreements</source>
        <translation>保密协议</translation>
    </message>
    <message>
        <source>Rights grants</source>
        <translation>赋权</translation>
    </message>
    <message>
        <source>Transformations</source>
        <translation>成果转化</translation>
    </message>
    <message>
        <source>Separate ledger</source>
        <translation>单列管理台账</translation>
    </message>
    <message>
        <source>Rewards</source>
        <translation>奖励</translation>
    </message>
    <message>
        <source>Counterparties</source>
        <translation>合作方</translation>
    </message>
    <message>
        <source>Sealed filings</source>
        <translation>报送</translation>
    </message>
    <message>
        <source>People</source>
        <translation>人员</translation>
    </message>
    <message>
        <source>Decisions</source>
        <translation>决策记录</translation>
    </message>
    <message>
        <source>Accounts</source>
        <translation>账户管理</translation>
    </message>
    <message>
        <source>Approvals</source>
        <translation>审批事项</translation>
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
