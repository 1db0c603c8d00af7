"""Writing a bundle to removable media: temporary name, fsync, rename, read back."""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, BinaryIO

from cocrea_desktop.export.bundle.build import ExportResult, export_bundle
from cocrea_desktop.export.bundle.format import (
    SUFFIX,
    BundleError,
    MediaError,
    MediaFull,
    MediaReadOnly,
)
from cocrea_desktop.export.bundle.verify import open_bundle
from cocrea_desktop.i18n import _
from cocrea_desktop.store.device import Device


# -- writing to removable media ---------------------------------------------------------
def _free_name(target: Path) -> Path:
    if not target.exists():
        return target
    stem = target.name[: -len(SUFFIX)] if target.name.endswith(SUFFIX) else target.stem
    for n in range(2, 1000):
        candidate = target.with_name(f"{stem}_{n}{SUFFIX}")
        if not candidate.exists():
            return candidate
    raise MediaError(_("Hay demasiados paquetes con el mismo nombre en «{folder}».").format(
        folder=target.parent))


def _media_error(err: OSError, folder: Path) -> MediaError:
    if err.errno in (errno.ENOSPC, getattr(errno, "EDQUOT", -1)):
        return MediaFull(_("No cabe el paquete en «{folder}»: el disco o la memoria está "
                           "lleno. Los paquetes anteriores no se tocaron.").format(
            folder=folder), detail=str(err))
    if err.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
        return MediaReadOnly(_("No se puede escribir en «{folder}»: es de solo lectura o no hay "
                               "permiso (¿la memoria tiene el seguro puesto?).").format(
            folder=folder), detail=str(err))
    return MediaError(_("Se interrumpió la escritura en «{folder}» (¿se retiró la memoria?). "
                        "No quedó ningún paquete a medias; vuelva a intentarlo.").format(
        folder=folder), detail=str(err))


def write_bundle_file(data: bytes, destination: str | os.PathLike[str], *, name: str = "",
                      progress: Callable[[int, int], None] | None = None,
                      write: Callable[[BinaryIO, bytes], Any] | None = None) -> Path:
    """Write a bundle safely: a temporary name, flush and fsync, rename, read back, verify.

    ``destination`` is a folder (the bundle gets ``name``) or a file path. An
    existing file is never replaced: a free name is chosen. On any failure no
    file is left under the final name. ``write`` replaces ``fh.write`` (tests
    use it to pull the stick part-way).
    """
    destination = Path(destination)
    target = destination / name if destination.is_dir() else destination
    folder = target.parent
    target = _free_name(target)
    tmp = folder / f".{target.name}.{os.getpid()}.part"
    put = write or (lambda fh, chunk: fh.write(chunk))
    chunk_size = 1024 * 1024
    total = len(data)
    try:
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0),
                     0o644)
        with os.fdopen(fd, "wb") as fh:
            for start in range(0, total, chunk_size):
                put(fh, data[start:start + chunk_size])
                if progress:
                    progress(min(start + chunk_size, total), total)
            fh.flush()
            os.fsync(fh.fileno())
        os.rename(tmp, target)
        _fsync_dir(folder)
    except OSError as err:
        with contextlib.suppress(OSError):
            tmp.unlink()
        raise _media_error(err, folder) from err
    try:
        back = target.read_bytes()
        if back != data:
            raise OSError(errno.EIO, "read back differs")
        open_bundle(back)
    except (OSError, BundleError) as err:
        with contextlib.suppress(OSError):
            target.unlink()
        raise MediaError(_("El paquete escrito en «{folder}» no se pudo leer de vuelta igual; "
                           "se borró. Pruebe con otra memoria.").format(folder=folder),
                         detail=str(err)) from err
    return target


def _fsync_dir(folder: Path) -> None:
    if os.name != "posix":
        return
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def export_to(source: str | os.PathLike[str], destination: str | os.PathLike[str], *,
              device: Device, sessions: Iterable[str] | None = None,
              include_personal: bool = False, created_at: str | None = None,
              progress: Callable[[int, int], None] | None = None) -> tuple[Path, ExportResult]:
    """Export and write safely in one step (the CLI and the GUI's background task)."""
    def step(offset: int):
        return (lambda done, total: progress(offset + done * 50 // max(total, 1), 100)) \
            if progress else None

    result = export_bundle(source, device=device, sessions=sessions,
                           include_personal=include_personal, created_at=created_at,
                           progress=step(0))
    path = write_bundle_file(result.data, destination, name=result.name, progress=step(50))
    return path, result
