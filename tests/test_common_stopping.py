"""veille.common.stopping.interrupt_behind: an error a Ctrl-C caused is told apart from a real one."""

from __future__ import annotations

from veille.common.stopping import interrupt_behind


def _raised(make) -> BaseException:
    try:
        make()
    except BaseException as exc:  # noqa: BLE001 (the test wants whatever came out)
        return exc
    raise AssertionError("nothing raised")


def _import_failed_by_interrupt() -> None:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt as stop:
        raise ImportError("initialization failed") from stop


def _import_failed_while_handling_interrupt() -> None:
    try:
        raise KeyboardInterrupt
    except KeyboardInterrupt:
        raise ImportError("initialization failed")  # noqa: B904 (the implicit context is the point)


def _import_failed() -> None:
    raise ImportError("no module named nowhere")


def test_an_import_error_raised_from_an_interrupt_is_an_interrupt() -> None:
    assert interrupt_behind(_raised(_import_failed_by_interrupt))
    assert interrupt_behind(_raised(_import_failed_while_handling_interrupt))
    assert interrupt_behind(KeyboardInterrupt())


def test_a_plain_import_error_is_not() -> None:
    assert not interrupt_behind(_raised(_import_failed))
    assert not interrupt_behind(ValueError("bad"))

