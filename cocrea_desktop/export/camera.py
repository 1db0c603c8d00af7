"""Reading ballots from a webcam: frame sources (OpenCV) and a debounced QR reader.

No Qt here. OpenCV (``opencv-python-headless``) is imported lazily, only when a camera or a
video file is opened or cameras are looked for: start-up never pays for it (quality.md).

- :func:`open_camera` opens a webcam, :func:`open_video_file` a video file through the same
  ``cv2.VideoCapture`` API (tests and benchmarks use a video file in place of a camera). Both
  return a :class:`FrameSource`: ``read()`` gives a BGR numpy frame, or None when the video has
  ended or the camera stopped sending; ``close()`` releases the device.
- :func:`cameras_available` looks for cameras quickly (bounded in time, never hangs).
- :class:`BallotReader` pulls frames, decodes QR codes only (:func:`scan.decode_frame`) and
  reports each distinct payload once per appearance: a code held in front of the camera is
  not reported again until it has been out of sight for ``gone_after`` frames in a row.

What a payload means (ready, duplicate, another session, forged) is decided by the ballot
register, not here.
"""

from __future__ import annotations

import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, Protocol, Self

from cocrea_desktop.core.errors import CocreaError
from cocrea_desktop.export.scan import decode_frame
from cocrea_desktop.i18n import _

#: Camera indexes looked at by :func:`cameras_available`.
PROBE_INDEXES = (0, 1, 2)
#: The longest :func:`cameras_available` may take, in seconds.
PROBE_TIMEOUT = 0.8
#: Frames in a row without a code before that code counts as gone (and is reported again
#: when it comes back). At 15-30 frames/s, 6 frames is 0.2-0.4 s.
GONE_AFTER = 6


class CameraError(CocreaError):
    """A camera or video file that cannot be opened; the message is shown as is."""


class FrameSource(Protocol):
    def read(self) -> Any | None: ...

    def close(self) -> None: ...


def _cv2() -> Any:
    """OpenCV, imported on first use, with its own console warnings kept quiet."""
    os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
    os.environ.setdefault("OPENCV_VIDEOIO_DEBUG", "0")
    import cv2

    try:
        cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
    except AttributeError:  # pragma: no cover - older builds without the logging module
        pass
    return cv2


def opencv_available() -> bool:
    """Whether OpenCV can be imported here (imports it: call it only when needed)."""
    try:
        _cv2()
    except ImportError:
        return False
    return True


class CaptureSource:
    """Frames from a ``cv2.VideoCapture`` (a camera or a video file)."""

    def __init__(self, capture: Any, name: str) -> None:
        self._capture = capture
        self.name = name
        self._lock = threading.Lock()

    def read(self) -> Any | None:
        with self._lock:
            if self._capture is None:
                return None
            ok, frame = self._capture.read()
        return frame if ok and frame is not None else None

    def close(self) -> None:
        with self._lock:
            if self._capture is not None:
                self._capture.release()
                self._capture = None

    @property
    def closed(self) -> bool:
        return self._capture is None

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *_exc: object) -> None:
        self.close()

    def __iter__(self) -> Iterator[Any]:
        while (frame := self.read()) is not None:
            yield frame


def _backend(cv2: Any) -> int:
    """The capture backend that opens cameras quickly on this system."""
    if sys.platform.startswith("linux"):
        return cv2.CAP_V4L2
    if sys.platform == "win32":
        return cv2.CAP_DSHOW  # MSMF can take seconds to open
    return cv2.CAP_ANY


def open_camera(index: int = 0, *, width: int = 1280, height: int = 720) -> CaptureSource:
    """Open webcam ``index`` asking for ``width`` x ``height``; :class:`CameraError` if not."""
    try:
        cv2 = _cv2()
    except ImportError as err:
        raise CameraError(_("OpenCV no está instalado: no se puede usar la cámara.")) from err
    capture = cv2.VideoCapture(index, _backend(cv2))
    if not capture.isOpened():
        capture.release()
        raise CameraError(_("No se pudo abrir la cámara {index}.").format(index=index))
    capture.set(cv2.CAP_PROP_FRAME_WIDTH, width)
    capture.set(cv2.CAP_PROP_FRAME_HEIGHT, height)
    capture.set(cv2.CAP_PROP_BUFFERSIZE, 1)  # the newest frame, not a backlog
    return CaptureSource(capture, _("cámara {index}").format(index=index))


def open_video_file(path: str | os.PathLike[str]) -> CaptureSource:
    """Open a video file as a frame source (what tests use in place of a camera)."""
    file = Path(path)
    if not file.is_file():
        raise CameraError(_("El archivo no existe o no se puede abrir."))
    try:
        cv2 = _cv2()
    except ImportError as err:
        raise CameraError(_("OpenCV no está instalado: no se puede usar la cámara.")) from err
    capture = cv2.VideoCapture(str(file))
    if not capture.isOpened():
        capture.release()
        raise CameraError(_("No se pudo abrir el video."))
    return CaptureSource(capture, str(file))


#: What :func:`webcam_status` says.
OK, NO_OPENCV, NO_CAMERA = "ok", "no_opencv", "no_camera"


def webcam_status() -> tuple[str, list[int]]:
    """(OK, indexes) / (NO_OPENCV, []) / (NO_CAMERA, []), in well under a second.

    OpenCV is only loaded when there may be a camera to open (on Linux, a /dev/video* node).
    """
    import importlib.util

    try:
        if importlib.util.find_spec("cv2") is None:
            return NO_OPENCV, []
    except (ImportError, ValueError):
        return NO_OPENCV, []
    nodes = _device_nodes()
    if nodes is not None and not nodes:
        return NO_CAMERA, []
    if not opencv_available():
        return NO_OPENCV, []
    found = cameras_available()
    return (OK, found) if found else (NO_CAMERA, [])


def _device_nodes() -> list[int] | None:
    """Video device numbers on Linux (/dev/videoN); None where there is no such folder."""
    if not sys.platform.startswith("linux"):
        return None
    found = []
    for node in Path("/dev").glob("video*"):
        suffix = node.name[len("video"):]
        if suffix.isdigit():
            found.append(int(suffix))
    return sorted(found)


def cameras_available(indexes: tuple[int, ...] = PROBE_INDEXES, *,
                      timeout: float = PROBE_TIMEOUT) -> list[int]:
    """Camera indexes that open, looked for in at most ``timeout`` seconds.

    On Linux, no ``/dev/video*`` node means no camera, found without loading OpenCV. Where
    cameras must be opened to be found, that runs in a daemon thread: a driver that hangs
    delays the answer by ``timeout`` at most (what it had not answered by then is left out).
    """
    nodes = _device_nodes()
    if nodes is not None:
        indexes = tuple(i for i in indexes if i in nodes)
        if not indexes:
            return []
    found: list[int] = []

    def probe() -> None:
        try:
            cv2 = _cv2()
        except ImportError:
            return
        for index in indexes:
            capture = cv2.VideoCapture(index, _backend(cv2))
            try:
                if capture.isOpened():
                    found.append(index)
            finally:
                capture.release()

    worker = threading.Thread(target=probe, name="cocrea-camera-probe", daemon=True)
    worker.start()
    worker.join(timeout)
    return sorted(found)


def to_gray(frame: Any) -> Any:
    """A BGR (or BGRA) frame as grayscale; a grayscale frame or a PIL image unchanged."""
    shape = getattr(frame, "shape", None)
    if shape is None or len(shape) == 2:
        return frame
    cv2 = _cv2()
    code = cv2.COLOR_BGRA2GRAY if shape[2] == 4 else cv2.COLOR_BGR2GRAY
    return cv2.cvtColor(frame, code)


class BallotReader:
    """QR payloads from a frame source, each reported once per appearance.

    ``step()`` reads one frame and returns the payloads that just appeared (or None once the
    source gives no more frames); ``run()`` loops until the source ends or ``cancelled()``.
    ``last_codes`` holds the codes of the latest frame (with their corners) for drawing.
    """

    def __init__(self, source: FrameSource, *, gone_after: int = GONE_AFTER,
                 decode: Callable[[Any], list[Any]] = decode_frame) -> None:
        self.source = source
        self.gone_after = max(1, int(gone_after))
        self._decode = decode
        self._missing: dict[str, int] = {}  # payload in sight -> frames since last seen
        self.frames = 0
        self.reported = 0
        self.last_frame: Any = None
        self.last_codes: list[Any] = []

    def feed(self, frame: Any) -> list[str]:
        """Decode one frame; the payloads that were not in sight just before."""
        self.frames += 1
        self.last_frame = frame
        self.last_codes = self._decode(to_gray(frame))
        seen = []
        for code in self.last_codes:
            if code.text not in seen:
                seen.append(code.text)
        new = [text for text in seen if text not in self._missing]
        for text in list(self._missing):
            if text in seen:
                continue
            self._missing[text] += 1
            if self._missing[text] >= self.gone_after:
                del self._missing[text]
        for text in seen:
            self._missing[text] = 0
        self.reported += len(new)
        return new

    def step(self) -> list[str] | None:
        frame = self.source.read()
        if frame is None:
            return None
        return self.feed(frame)

    @property
    def in_sight(self) -> list[str]:
        """Payloads seen recently (not yet counted as gone)."""
        return list(self._missing)

    def run(self, on_payload: Callable[[str], None], *,
            cancelled: Callable[[], bool] = lambda: False,
            on_frame: Callable[[Any, list[Any]], None] | None = None,
            max_fps: float | None = None) -> int:
        """Loop until the source ends or ``cancelled()``; returns the number of frames read.

        ``on_frame(frame, codes)`` is called for each frame (for a preview); ``max_fps`` paces a
        source that is faster than a camera (a video file), None reads as fast as it can.
        """
        period = 1.0 / max_fps if max_fps else 0.0
        next_at = time.monotonic()
        while not cancelled():
            new = self.step()
            if new is None:
                break
            if on_frame is not None:
                on_frame(self.last_frame, self.last_codes)
            for text in new:
                on_payload(text)
            if period:
                next_at += period
                delay = next_at - time.monotonic()
                if delay > 0:
                    time.sleep(delay)
                else:
                    next_at = time.monotonic()
        return self.frames


#: Frames in a row a code must be seen, hardly moving, before its marks are read.
STEADY_FRAMES = 3
#: How far (share of the code's side) its corners may move between frames and be "still".
STEADY_SHARE = 0.04


class SteadyReader(BallotReader):
    """A :class:`BallotReader` that also says when a code has been held still.

    ``feed`` returns the codes that just appeared, as its parent does; ``steady`` then
    holds the codes (with their corners on ``last_frame``) that have just been seen
    ``steady_frames`` frames in a row with their corners moving less than
    :data:`STEADY_SHARE` of the code's side: once per appearance, the moment to read
    the marks (a ballot still moving is blurred, and a person is still placing it).
    """

    def __init__(self, source: FrameSource, *, steady_frames: int = STEADY_FRAMES,
                 **kwargs: Any) -> None:
        super().__init__(source, **kwargs)
        self.steady_frames = max(1, int(steady_frames))
        self._still: dict[str, tuple[int, Any]] = {}  # payload -> (frames still, corners)
        self._done: set[str] = set()  # steady already reported in this appearance
        self.steady: list[Any] = []

    def feed(self, frame: Any) -> list[str]:
        new = super().feed(frame)
        self.steady = []
        current = {}
        for code in self.last_codes:
            current.setdefault(code.text, code)
        for text in list(self._still):
            if text not in current:
                del self._still[text]  # out of sight this frame: start again
        for text in list(self._done):
            if text not in self._missing:  # gone for good: may be read again
                self._done.discard(text)
        for text, code in current.items():
            frames, before = self._still.get(text, (0, None))
            if before is not None and not _close(before, code.position):
                frames = 0
            frames += 1
            self._still[text] = (frames, code.position)
            if frames >= self.steady_frames and text not in self._done:
                self._done.add(text)
                self.steady.append(code)
        return new


def _close(a: Any, b: Any) -> bool:
    """Whether two sets of code corners are within :data:`STEADY_SHARE` of its side."""
    side = max(1.0, ((a[0][0] - a[1][0]) ** 2 + (a[0][1] - a[1][1]) ** 2) ** 0.5)
    limit = STEADY_SHARE * side
    return all(((p[0] - q[0]) ** 2 + (p[1] - q[1]) ** 2) ** 0.5 <= limit for p, q in zip(a, b))
