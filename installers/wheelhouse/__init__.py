"""The offline wheelhouse kit (make_kit.py) and its install scripts."""
