; Inno Setup 6 script of the Windows installer of 成果转化工作台 (Transfer Desk).
; Saved as UTF-8 with a byte-order mark: Inno Setup reads the Chinese text only so.
;
; build.ps1 runs it with the version from the package metadata (one place: pyproject.toml's
; version, read back with importlib.metadata) and the PyInstaller one-folder bundle:
;
;   ISCC.exe /DAppVersion=0.1.0 /DBundleDir=C:\...\build\windows\bundle\transfer-desk ^
;            /OC:\...\dist\windows installers\windows\transfer-desk.iss
;
; Chinese installer messages come from ChineseSimplified.isl. Inno Setup 6.5 and later install it
; in their Languages folder. For an older 6.x, take the translation kept by Zhenghan Yang (Kira)
; at github.com/kira-96/Inno-Setup-Chinese-Simplified-Translation (listed on
; jrsoftware.org/files/istrans/, "unofficial translations") and put it next to this script or in
; Inno Setup's Languages folder. Without it the installer is built in English only, with a warning.

#ifndef AppVersion
  #error AppVersion is not defined: run build.ps1, or ISCC /DAppVersion=X.Y.Z transfer-desk.iss
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\windows\bundle\transfer-desk"
#endif
#define RepoRoot "..\.."
#define AppName "成果转化工作台"
#define AppExe "transfer-desk.exe"

#if FileExists(AddBackslash(SourcePath) + "ChineseSimplified.isl")
  #define ChineseIsl AddBackslash(SourcePath) + "ChineseSimplified.isl"
#elif FileExists(AddBackslash(CompilerPath) + "Languages\ChineseSimplified.isl")
  #define ChineseIsl "compiler:Languages\ChineseSimplified.isl"
#else
  #pragma warning "ChineseSimplified.isl not found (see the top of transfer-desk.iss): English only"
#endif

[Setup]
; The AppId identifies the program to Windows across versions: never change it.
AppId={{F2F91CF6-AF9B-41BA-BCF1-B24AF402A65A}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=Transfer Desk
VersionInfoProductName=Transfer Desk
VersionInfoDescription=成果转化工作台 Transfer Desk Setup
DefaultDirName={autopf}\TransferDesk
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
; Per-machine: Program Files, the common Start menu, admin rights (UAC asks once).
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#RepoRoot}\dist\windows
OutputBaseFilename=transfer-desk-{#AppVersion}-windows-x86_64-setup
SetupIconFile={#RepoRoot}\resources\icons\transfer-desk.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName} (Transfer Desk)
WizardStyle=modern
Compression=lzma2/max
SolidCompression=yes
ShowLanguageDialog=auto
LanguageDetectionMethod=uilanguage
CloseApplications=yes

[Languages]
; The first language is the default when Windows' display language is neither.
#ifdef ChineseIsl
Name: "chinesesimplified"; MessagesFile: "{#ChineseIsl}"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Messages]
; The uninstaller says that the users' data stays: each user's vault, preferences and backups live
; in %LOCALAPPDATA%\TransferDesk, which the uninstaller never touches. (%% is a literal %.)
#ifdef ChineseIsl
chinesesimplified.ConfirmUninstall=确定要卸载 %1 吗？%n%n只删除程序文件。您的数据（加密库、设置）保存在各用户的 %%LOCALAPPDATA%%\TransferDesk 文件夹中，卸载不会删除它们；以后重新安装即可继续使用。如确需删除数据，请先备份，再手动删除该文件夹。
chinesesimplified.UninstalledAll=已从您的计算机中移除 %1。%n%n您的数据仍保留在各用户的 %%LOCALAPPDATA%%\TransferDesk 文件夹中。
#endif
english.ConfirmUninstall=Are you sure you want to uninstall %1?%n%nOnly the program files are removed. Your data (the encrypted vault and settings) is kept in each user's %%LOCALAPPDATA%%\TransferDesk folder, which uninstalling does not delete; installing again picks it up. To delete the data too, back it up first, then delete that folder by hand.
english.UninstalledAll=%1 was removed from your computer.%n%nYour data is still in each user's %%LOCALAPPDATA%%\TransferDesk folder.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the whole bundle: no library of an older version may stay behind.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Transfer Desk"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Comment: "Transfer Desk"; Tasks: desktopicon

[Run]
; Started as the user who ran Setup, not as the administrator: the vault is the user's own.
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent runasoriginaluser
