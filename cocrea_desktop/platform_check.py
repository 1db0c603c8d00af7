"""Before the window opens on Linux: can Qt's screen plugin load here?

Qt's xcb plugin needs X11 libraries that a minimal desktop may lack, and when one is
missing Qt prints an English message that tells a facilitator nothing. This module
finds the missing libraries with `ldd` (without importing Qt) and says, in Spanish,
the exact `apt-get install` line. `start.sh` runs it before the program starts.

`python -m cocrea_desktop.platform_check` exits 0 when the window can open, 1 with
the message otherwise.
"""

from __future__ import annotations

import importlib.util
import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from cocrea_desktop.i18n import _

# Debian/Ubuntu package of each shared library Qt's screen plugins load.
DEBIAN_PACKAGES: dict[str, str] = {
    "libxcb-cursor.so.0": "libxcb-cursor0",
    "libxcb-icccm.so.4": "libxcb-icccm4",
    "libxcb-keysyms.so.1": "libxcb-keysyms1",
    "libxcb-image.so.0": "libxcb-image0",
    "libxcb-render-util.so.0": "libxcb-render-util0",
    "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0",
    "libxkbcommon.so.0": "libxkbcommon0",
    "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0",
    "libxcb-xfixes.so.0": "libxcb-xfixes0",
    "libxcb-sync.so.1": "libxcb-sync1",
    "libxcb-shm.so.0": "libxcb-shm0",
    "libxcb-render.so.0": "libxcb-render0",
    "libxcb-util.so.1": "libxcb-util1",
    "libxcb-xinput.so.0": "libxcb-xinput0",
    "libxcb-glx.so.0": "libxcb-glx0",
    "libxcb.so.1": "libxcb1",
    "libX11-xcb.so.1": "libx11-xcb1",
    "libX11.so.6": "libx11-6",
    "libSM.so.6": "libsm6",
    "libICE.so.6": "libice6",
    "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1",
    "libOpenGL.so.0": "libopengl0",
    "libGLX.so.0": "libglx0",
    "libfontconfig.so.1": "libfontconfig1",
    "libfreetype.so.6": "libfreetype6",
    "libdbus-1.so.3": "libdbus-1-3",
    "libglib-2.0.so.0": "libglib2.0-0",
    "libgthread-2.0.so.0": "libglib2.0-0",
    "libwayland-client.so.0": "libwayland-client0",
    "libwayland-cursor.so.0": "libwayland-cursor0",
    "libwayland-egl.so.1": "libwayland-egl1",
}

_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


@dataclass(frozen=True)
class PlatformReport:
    """What stands between this machine and a window."""

    ok: bool
    platform: str  # "xcb", "wayland", "offscreen", "" when there is no screen
    missing_libraries: tuple[str, ...] = ()
    no_screen: bool = False

    @property
    def packages(self) -> tuple[str, ...]:
        return packages_for(self.missing_libraries)

    def message(self) -> str:
        if self.ok:
            return _("La ventana puede abrirse en esta computadora.")
        if self.no_screen:
            return _(
                "No hay una pantalla gráfica en esta sesión (no está definida DISPLAY ni "
                "WAYLAND_DISPLAY). Abra CoCrea desde el escritorio, o use la línea de "
                "órdenes «cocrea --help»."
            )
        return _(
            "Faltan bibliotecas del sistema para abrir la ventana ({libraries}).\n"
            "Instálelas con esta orden y vuelva a abrir CoCrea:\n\n"
            "    sudo apt-get install {packages}"
        ).format(libraries=", ".join(self.missing_libraries), packages=" ".join(self.packages))


def packages_for(libraries: tuple[str, ...] | list[str]) -> tuple[str, ...]:
    """The Debian packages that bring the given shared libraries, in a stable order."""
    out: list[str] = []
    for lib in libraries:
        pkg = DEBIAN_PACKAGES.get(lib) or _guess_package(lib)
        if pkg not in out:
            out.append(pkg)
    return tuple(out)


def _guess_package(lib: str) -> str:
    """Debian's usual naming: libfoo-bar.so.3 -> libfoo-bar3."""
    m = re.match(r"^(lib[\w+.-]+?)\.so\.(\d+)", lib)
    if not m:
        return lib
    name, major = m.group(1).lower(), m.group(2)
    return f"{name}-{major}" if name[-1].isdigit() else f"{name}{major}"


def missing_from_ldd_output(text: str) -> tuple[str, ...]:
    """The libraries `ldd` reports as not found, each once, in order of appearance."""
    seen: list[str] = []
    for lib in _NOT_FOUND.findall(text):
        if lib not in seen:
            seen.append(lib)
    return tuple(seen)


def plugin_path(platform: str) -> Path | None:
    """Where PySide6's plugin for a platform lies, found without importing Qt."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or not spec.submodule_search_locations:
        return None
    base = Path(list(spec.submodule_search_locations)[0])
    for candidate in (base / "Qt" / "plugins" / "platforms" / f"libq{platform}.so",
                      base / "plugins" / "platforms" / f"libq{platform}.so"):
        if candidate.exists():
            return candidate
    return None


def missing_libraries(plugin: Path) -> tuple[str, ...]:
    ldd = shutil.which("ldd")
    if ldd is None:
        return ()
    try:
        out = subprocess.run([ldd, str(plugin)], capture_output=True, text=True,
                             timeout=20, check=False).stdout
    except (OSError, subprocess.SubprocessError):
        return ()
    return missing_from_ldd_output(out)


def check(environ: dict[str, str] | None = None) -> PlatformReport:
    """Whether Qt can open a window with the platform this session would use."""
    env = os.environ if environ is None else environ
    if not sys.platform.startswith("linux"):
        return PlatformReport(ok=True, platform="")
    requested = env.get("QT_QPA_PLATFORM", "").split(":")[0].strip()
    if requested and requested not in ("xcb", "wayland", "wayland-egl"):
        return PlatformReport(ok=True, platform=requested)  # offscreen, vnc...: not ours
    has_x = bool(env.get("DISPLAY"))
    has_wayland = bool(env.get("WAYLAND_DISPLAY"))
    if requested.startswith("wayland") or (not requested and has_wayland):
        plugin = plugin_path("wayland")
        missing = missing_libraries(plugin) if plugin else ()
        if plugin and not missing:
            return PlatformReport(ok=True, platform="wayland")
        if requested.startswith("wayland") or not has_x:
            return PlatformReport(ok=not missing and plugin is not None, platform="wayland",
                                  missing_libraries=missing)
    if not has_x:
        return PlatformReport(ok=False, platform="", no_screen=True)
    plugin = plugin_path("xcb")
    if plugin is None:
        return PlatformReport(ok=True, platform="xcb")  # nothing to check against
    missing = missing_libraries(plugin)
    return PlatformReport(ok=not missing, platform="xcb", missing_libraries=missing)


def main() -> int:
    from cocrea_desktop import i18n

    i18n.set_language(i18n.initial_language(None))
    report = check()
    if not report.ok:
        print(report.message(), file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
