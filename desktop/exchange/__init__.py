"""Reading and writing spreadsheets (xlsx) for import and export; Qt-free."""
