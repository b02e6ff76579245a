"""Shared helpers at the bottom of the import graph: folding, name particles, lexicon loading.

Nothing here imports a stage; every stage may import from here. ``tests/test_architecture.py``
checks both rules.
"""
