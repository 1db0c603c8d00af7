"""Webcam-like video files made from real ballot PDFs, for tests without a camera.

Each ballot page is rendered with pypdfium2 at 300 dpi, a 1280x720 window is cut around its
QR code (about 350 px across: a ballot held 20-30 cm from a cheap webcam), and frames are
written with ``cv2.VideoWriter`` as Motion-JPEG in an .avi file, the way a webcam's frames
arrive (compressed). Blank frames are a grey desk with nothing on it.
"""

from __future__ import annotations

from pathlib import Path

FRAME_W, FRAME_H = 1280, 720


def ballot_frames(pdf: Path, dpi: int = 300) -> list:
    """One BGR 1280x720 frame per page of ``pdf``, centred on the page's first QR code."""
    import cv2
    import numpy as np
    import pypdfium2 as pdfium

    from cocrea_desktop.export.scan import decode_frame

    frames = []
    doc = pdfium.PdfDocument(str(pdf))
    try:
        for index in range(len(doc)):
            page = np.asarray(doc[index].render(scale=dpi / 72, grayscale=True).to_pil()
                              .convert("L"))
            codes = decode_frame(page)
            assert codes, f"page {index} has no QR code"
            xs = [p[0] for p in codes[0].position]
            ys = [p[1] for p in codes[0].position]
            cx, cy = (min(xs) + max(xs)) // 2, (min(ys) + max(ys)) // 2
            canvas = np.full((page.shape[0] + FRAME_H, page.shape[1] + FRAME_W), 128, np.uint8)
            canvas[FRAME_H // 2:FRAME_H // 2 + page.shape[0],
                   FRAME_W // 2:FRAME_W // 2 + page.shape[1]] = page
            window = canvas[cy:cy + FRAME_H, cx:cx + FRAME_W]
            frames.append(cv2.cvtColor(np.ascontiguousarray(window), cv2.COLOR_GRAY2BGR))
    finally:
        doc.close()
    return frames


def blank_frame(shade: int = 110):
    import numpy as np

    return np.full((FRAME_H, FRAME_W, 3), shade, np.uint8)


def write_video(path: Path, frames: list, fps: float = 15.0) -> Path:
    """Write BGR frames as Motion-JPEG in an .avi (OpenCV's own writer, no codec needed)."""
    import cv2

    writer = cv2.VideoWriter(str(path), cv2.VideoWriter_fourcc(*"MJPG"), fps,
                             (FRAME_W, FRAME_H))
    assert writer.isOpened(), "OpenCV cannot write MJPG video here"
    try:
        for frame in frames:
            writer.write(frame)
    finally:
        writer.release()
    return path
