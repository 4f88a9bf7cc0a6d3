"""PyInstaller entry point of the window program (desktop.app)."""

from desktop.app import main

raise SystemExit(main())
