"""The webcam reader on real parts: ballot PDFs rendered to frames, a real MJPG video read
through OpenCV's VideoCapture (as a camera would be), the real QR decoder, the real register.
"""

from __future__ import annotations

import time

import pytest

from cocrea_desktop.export import camera
from cocrea_desktop.export.camera import BallotReader, CameraError, open_video_file
from cocrea_desktop.export.paper import print_ballots
from cocrea_desktop.store.register import READY
from tests.export.webcam_video import ballot_frames, blank_frame, write_video

cv2 = pytest.importorskip("cv2")  # a declared dependency: only missing in a broken install


@pytest.fixture
def session(repo):
    sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta en la clínica?")
    for text in ("Médico los fines de semana", "Medicinas completas", "Ambulancia",
                 "Horario nocturno", "Traductor de mixteco"):
        repo.ideas.add(sid, text)
    for _step in range(4):
        repo.phases.forward(sid)
    repo.votes.configure(sid, "preliminary", k=3)
    return sid


@pytest.fixture
def ballots(repo, session, tmp_path):
    serials = print_ballots(repo, session, "preliminary", 4, tmp_path / "b.pdf", per_page=1)
    payloads = dict(repo.register.payloads(session, "preliminary", serials))
    frames = ballot_frames(tmp_path / "b.pdf")
    assert len(frames) == 4
    return serials, [payloads[s] for s in serials], frames


def script(frames):
    """Blank frames, ballot 0 held still, a ballot with a one-frame drop-out, two ballots
    swapped with no gap, and ballot 0 shown again later: 5 appearances of 4 ballots."""
    b = blank_frame()
    f0, f1, f2, f3 = frames
    return ([b] * 3 + [f0] * 10 + [b] * 8 + [f1] * 3 + [b] * 2 + [f1] * 3 + [f2] * 4
            + [b] * 8 + [f3] * 2 + [b] * 8 + [f0] * 3 + [b] * 2)


def test_video_of_ballots_reports_each_appearance_once(repo, session, ballots, tmp_path):
    serials, payloads, frames = ballots
    shown = script(frames)
    video = write_video(tmp_path / "camara.avi", shown)
    reported: list[str] = []
    with open_video_file(video) as source:
        reader = BallotReader(source, gone_after=6)
        assert reader.run(reported.append) == len(shown)  # every frame came through
    assert source.closed
    assert reported == [payloads[0], payloads[1], payloads[2], payloads[3], payloads[0]]
    for text, serial in zip(reported, serials + serials[:1], strict=True):
        outcome = repo.register.read(session, "preliminary", text)
        assert outcome.kind == READY and outcome.serial == serial


def test_step_by_step_debounce_and_frames_without_codes(ballots, tmp_path):
    _serials, payloads, frames = ballots
    video = write_video(tmp_path / "v.avi", [blank_frame(), frames[1], frames[1], blank_frame(),
                                             frames[1], blank_frame(), blank_frame(),
                                             frames[1]])
    with open_video_file(video) as source:
        reader = BallotReader(source, gone_after=2)
        steps = [reader.step() for _ in range(9)]
    assert steps == [[], [payloads[1]], [], [], [], [], [], [payloads[1]], None]
    assert reader.frames == 8 and reader.reported == 2


def test_two_ballots_in_one_frame_are_both_reported(ballots):
    import numpy as np

    _serials, payloads, frames = ballots
    both = np.hstack([frames[2][:, 320:960], frames[3][:, 320:960]])
    reader = BallotReader(iter([]))  # type: ignore[arg-type] - fed by hand
    assert sorted(reader.feed(both)) == sorted(payloads[2:4])
    assert reader.feed(both) == []
    assert sorted(reader.in_sight) == sorted(payloads[2:4])


def test_pacing_a_video_file_like_a_camera(ballots, tmp_path):
    video = write_video(tmp_path / "v.avi", [blank_frame()] * 6)
    with open_video_file(video) as source:
        start = time.monotonic()
        BallotReader(source).run(lambda _t: None, max_fps=30)
    assert time.monotonic() - start >= 5 / 30 - 0.01


def test_cancel_stops_the_loop(ballots, tmp_path):
    video = write_video(tmp_path / "v.avi", [blank_frame()] * 20)
    with open_video_file(video) as source:
        reader = BallotReader(source)
        assert reader.run(lambda _t: None, cancelled=lambda: reader.frames >= 3) == 3


def test_missing_or_broken_video_files(tmp_path):
    with pytest.raises(CameraError) as missing:
        open_video_file(tmp_path / "no-existe.avi")
    assert "no existe" in missing.value.message
    junk = tmp_path / "roto.avi"
    junk.write_bytes(b"esto no es un video" * 100)
    with pytest.raises(CameraError) as broken:
        open_video_file(junk)
    assert "No se pudo abrir el video" in broken.value.message


def test_no_camera_is_found_quickly_and_open_fails_cleanly(monkeypatch):
    start = time.monotonic()
    camera.cameras_available()  # this machine, whatever it has: answers quickly
    assert time.monotonic() - start < 1.0
    # A machine without a camera (no video device node), whatever this one has.
    monkeypatch.setattr(camera, "_device_nodes", lambda: [])
    assert camera.cameras_available() == []
    assert camera.webcam_status() == (camera.NO_CAMERA, [])
    with pytest.raises(CameraError) as err:
        camera.open_camera(63)
    assert "No se pudo abrir la cámara 63" in err.value.message


def test_a_hanging_driver_cannot_hold_the_probe(monkeypatch):
    """A camera driver that never answers: the probe gives up at its time limit."""
    import threading

    release = threading.Event()

    class Hangs:
        def __init__(self, *_a):
            release.wait(5)

        def isOpened(self):
            return True

        def release(self):
            pass

    monkeypatch.setattr(camera, "_device_nodes", lambda: None)
    monkeypatch.setattr(cv2, "VideoCapture", Hangs)
    start = time.monotonic()
    try:
        assert camera.cameras_available((0,), timeout=0.2) == []
        assert time.monotonic() - start < 0.5
    finally:
        release.set()
