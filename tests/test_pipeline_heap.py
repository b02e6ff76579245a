"""``pipeline.settle_heap``: the collector's schedule after the models are loaded."""

import gc

from veille.pipeline import GC_YOUNG_THRESHOLD, settle_heap


def test_settle_heap_freezes_and_raises_the_young_threshold():
    before = gc.get_threshold()
    try:
        gc.set_threshold(700, 10, 10)
        settle_heap()
        assert gc.get_threshold() == (GC_YOUNG_THRESHOLD, 10, 10)
        assert gc.get_freeze_count() > 0
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)


def test_settle_heap_keeps_a_callers_choice():
    before = gc.get_threshold()
    try:
        gc.set_threshold(0)  # collection turned off by the caller: stays off
        settle_heap()
        assert gc.get_threshold()[0] == 0
        gc.set_threshold(50000, 10, 10)  # a larger threshold: kept
        settle_heap()
        assert gc.get_threshold()[0] == 50000
    finally:
        gc.unfreeze()
        gc.set_threshold(*before)
