"""PyInstaller entry point of the command-line tool (desktop.cli)."""

from desktop.cli import main

raise SystemExit(main())
