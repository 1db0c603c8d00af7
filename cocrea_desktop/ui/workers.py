"""The one background helper: run a callable on the thread pool, results on the GUI thread.

The callable receives a :class:`Task` to report progress (``task.progress(done,
total)``) and to check ``task.cancelled``. Its result or its error arrives on
the GUI thread through the callbacks. Background work that reads the process
file goes through :func:`run_read` (its own read-only connection); only the GUI
thread writes to the process file.
"""

from __future__ import annotations

import os
import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QObject, QRunnable, QThreadPool, Signal, Slot


class _Signals(QObject):
    progress = Signal(int, int)
    result = Signal(object)
    error = Signal(object)
    finished = Signal()


class Task(QRunnable):
    """A unit of background work; keep a reference to cancel it or wait on ``finished``."""

    def __init__(self, fn: Callable[[Task], Any]) -> None:
        super().__init__()
        self.fn = fn
        self.signals = _Signals()
        self._cancel = threading.Event()
        self.setAutoDelete(False)

    @property
    def finished(self):
        return self.signals.finished

    @property
    def cancelled(self) -> bool:
        return self._cancel.is_set()

    def cancel(self) -> None:
        self._cancel.set()

    def progress(self, done: int, total: int) -> None:
        self.signals.progress.emit(int(done), int(total))

    @Slot()
    def run(self) -> None:
        try:
            value = self.fn(self)
        except BaseException as err:  # reported to the GUI, never lost in a thread
            err.__traceback_text__ = traceback.format_exc()  # type: ignore[attr-defined]
            self.signals.error.emit(err)
        else:
            self.signals.result.emit(value)
        finally:
            self.signals.finished.emit()


_running: set[Task] = set()


def run_task(fn: Callable[[Task], Any], *, on_result: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             on_progress: Callable[[int, int], None] | None = None,
             pool: QThreadPool | None = None) -> Task:
    """Start ``fn(task)`` in the background; callbacks run on the GUI thread."""
    task = Task(fn)
    if on_result:
        task.signals.result.connect(on_result)
    if on_error:
        task.signals.error.connect(on_error)
    if on_progress:
        task.signals.progress.connect(on_progress)
    _running.add(task)
    task.signals.finished.connect(lambda: _running.discard(task))
    (pool or QThreadPool.globalInstance()).start(task)
    return task


def run_read(path: str | os.PathLike[str], fn: Callable[[Any, Task], Any], *,
             on_result: Callable[[Any], None] | None = None,
             on_error: Callable[[BaseException], None] | None = None,
             on_progress: Callable[[int, int], None] | None = None,
             pool: QThreadPool | None = None) -> Task:
    """Run ``fn(repo, task)`` in the background on a read-only :class:`Repo` of ``path``.

    The one way to read the process file off the GUI thread: the connection is the
    task's own, opened and closed on the worker thread; only the GUI thread writes.
    """
    path = str(path)

    def read(task: Task) -> Any:
        from cocrea_desktop.store.repo import Repo

        # The window has this file open and checks its integrity once, in the background;
        # each task need not read the whole file again (half a second at 281 MB).
        with Repo.open(path, read_only=True, check_on_open=False) as repo:
            return fn(repo, task)

    return run_task(read, on_result=on_result, on_error=on_error, on_progress=on_progress,
                    pool=pool)
