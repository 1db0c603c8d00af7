"""The window a desktop user gets: Qt's real xcb platform under Xvfb, and the Spanish
message start.sh gives when the system lacks a library the window needs."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from cocrea_desktop import platform_check

ROOT = Path(__file__).resolve().parents[2]


def _xvfb_or_fail() -> str:
    xvfb = shutil.which("Xvfb")
    if xvfb is None:
        if os.environ.get("CI"):
            pytest.fail("Xvfb is missing: .ci/run installs it (package xvfb)")
        pytest.skip("Xvfb not installed on this developer machine (apt-get install xvfb)")
    return xvfb


@pytest.fixture
def xvfb_display():
    xvfb = _xvfb_or_fail()
    for number in range(91, 120):
        if not Path("/tmp/.X11-unix/X{}".format(number)).exists() and \
                not Path("/tmp/.X{}-lock".format(number)).exists():
            break
    display = ":{}".format(number)
    proc = subprocess.Popen([xvfb, display, "-screen", "0", "1366x768x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    deadline = time.monotonic() + 10
    while not Path("/tmp/.X11-unix/X{}".format(number)).exists():
        assert proc.poll() is None, "Xvfb ended at once"
        assert time.monotonic() < deadline, "Xvfb did not start"
        time.sleep(0.05)
    yield display
    proc.terminate()
    proc.wait(timeout=10)


def test_the_real_xcb_window_opens_on_the_demo(xvfb_display, tmp_path):
    env = dict(os.environ, DISPLAY=xvfb_display, QT_QPA_PLATFORM="xcb",
               COCREA_DATA_DIR=str(tmp_path / "datos"), COCREA_EXIT_AFTER_SHOW="1")
    env.pop("WAYLAND_DISPLAY", None)
    report = platform_check.check(env)
    assert report.ok, report.message()
    assert report.platform == "xcb"
    done = subprocess.run([sys.executable, "-m", "cocrea_desktop", "gui"], env=env, cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr[-2000:]
    shown = json.loads(done.stdout.strip().splitlines()[-1])
    assert shown["sessions"] > 0  # the demo process, with its sessions, is in the window
    assert "Could not load the Qt platform plugin" not in done.stderr


def test_missing_libraries_are_named_with_their_apt_line():
    ldd_output = (
        "\tlinux-vdso.so.1 (0x00007ffd)\n"
        "\tlibxcb-cursor.so.0 => not found\n"
        "\tlibQt6XcbQpa.so.6 => /x/libQt6XcbQpa.so.6 (0x7f)\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-icccm.so.4 => not found\n"
        "\tlibxcb-keysyms.so.1 => not found\n"
        "\tlibfoo-bar.so.3 => not found\n"
    )
    missing = platform_check.missing_from_ldd_output(ldd_output)
    assert missing == ("libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-keysyms.so.1",
                       "libfoo-bar.so.3")
    report = platform_check.PlatformReport(ok=False, platform="xcb", missing_libraries=missing)
    text = report.message()
    assert "sudo apt-get install libxcb-cursor0 libxcb-icccm4 libxcb-keysyms1 libfoo-bar3" in text
    assert text.startswith("Faltan bibliotecas del sistema")


def test_no_screen_is_said_in_spanish():
    report = platform_check.check({"PATH": os.environ.get("PATH", "")})
    if sys.platform.startswith("linux"):
        assert not report.ok and report.no_screen
        assert "No hay una pantalla gráfica" in report.message()


def test_offscreen_needs_no_check():
    assert platform_check.check({"QT_QPA_PLATFORM": "offscreen"}).ok


def test_start_sh_stops_with_the_spanish_line_when_no_screen(tmp_path):
    """The check start.sh runs exits 1 and prints the Spanish reason, in a child process."""
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY",
                                                            "QT_QPA_PLATFORM")}
    env["COCREA_DATA_DIR"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-m", "cocrea_desktop.platform_check"], env=env,
                          capture_output=True, text=True, timeout=60, cwd=ROOT)
    assert done.returncode == 1
    assert "pantalla gráfica" in done.stderr
