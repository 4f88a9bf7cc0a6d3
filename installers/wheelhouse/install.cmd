@echo off
rem Transfer Desk: double-click to install from this offline kit (runs install.ps1).
rem Arguments are passed on, e.g.  install.cmd -Target D:\TransferDesk\app
powershell.exe -NoProfile -ExecutionPolicy Bypass -File "%~dp0install.ps1" %*
set CODE=%ERRORLEVEL%
pause
exit /b %CODE%
