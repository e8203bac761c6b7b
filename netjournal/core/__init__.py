"""The journal's core: records, the store, search, dates and text cleaning.

Pure Python. Nothing here imports textual; tests/core/test_layers.py enforces it.
"""
