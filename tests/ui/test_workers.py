"""The one background helper: result, progress and errors arrive on the GUI thread; cancel."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import QThread

from cocrea_desktop.ui.workers import run_task


def test_result_and_progress_arrive_on_the_gui_thread(qtbot):
    gui_thread = QThread.currentThread()
    seen: dict = {"progress": [], "threads": set()}

    def work(task):
        assert threading.current_thread() is not threading.main_thread()
        for i in range(1, 4):
            task.progress(i, 3)
        return "hecho"

    def on_progress(done, total):
        seen["progress"].append((done, total))
        seen["threads"].add(QThread.currentThread() is gui_thread)

    def on_result(value):
        seen["result"] = value
        seen["threads"].add(QThread.currentThread() is gui_thread)

    run_task(work, on_result=on_result, on_progress=on_progress)
    qtbot.waitUntil(lambda: "result" in seen, timeout=5000)
    assert seen["result"] == "hecho"
    assert seen["progress"] == [(1, 3), (2, 3), (3, 3)]
    assert seen["threads"] == {True}


def test_errors_are_reported_not_lost(qtbot):
    errors = []

    def work(task):
        raise ValueError("disco dañado")

    run_task(work, on_error=errors.append)
    qtbot.waitUntil(lambda: bool(errors), timeout=5000)
    assert isinstance(errors[0], ValueError) and "disco dañado" in str(errors[0])
    assert "Traceback" in errors[0].__traceback_text__


def test_cancel_stops_the_work(qtbot):
    started = threading.Event()
    results = []

    def work(task):
        started.set()
        for i in range(500):
            if task.cancelled:
                return ("cancelado", i)
            time.sleep(0.01)
        return ("terminado", 500)

    task = run_task(work, on_result=results.append)
    assert started.wait(5)
    task.cancel()
    qtbot.waitUntil(lambda: bool(results), timeout=5000)
    assert results[0][0] == "cancelado" and results[0][1] < 500
