"""A gentle chime at one minute left and at zero, or a flash where there is no sound.

QtMultimedia is not part of PySide6-Essentials, and where it is installed a
laptop may still have no audio device: it is imported lazily, once, and any
failure falls back to ``QApplication.beep()``. The caller always flashes the
timer too, so the room sees the moment even with the sound off.

The WAV is synthesised with the standard library (:func:`synthesize_chime`)
and shipped in ``resources/sounds/chime.wav``.
"""

from __future__ import annotations

import math
import struct
import wave
from pathlib import Path

from PySide6.QtCore import QObject, QUrl
from PySide6.QtWidgets import QApplication

SOUNDS_DIR = Path(__file__).resolve().parents[3] / "resources" / "sounds"
CHIME_PATH = SOUNDS_DIR / "chime.wav"
RATE = 22_050


def synthesize_chime(path: Path = CHIME_PATH, *, seconds: float = 0.9) -> Path:
    """Write a soft two-note chime (E5 then A5, bell-like decay), mono 16-bit."""
    frames = bytearray()
    total = int(RATE * seconds)
    notes = ((659.25, 0.0), (880.0, 0.18))  # (frequency, start in seconds)
    for i in range(total):
        t = i / RATE
        value = 0.0
        for freq, start in notes:
            if t < start:
                continue
            age = t - start
            attack = min(1.0, age / 0.01)
            envelope = attack * math.exp(-age * 4.5)
            value += envelope * (math.sin(2 * math.pi * freq * age)
                                 + 0.3 * math.sin(2 * math.pi * 2 * freq * age))
        fade = min(1.0, (total - i) / (RATE * 0.05))
        sample = int(max(-1.0, min(1.0, 0.28 * value * fade)) * 32767)
        frames += struct.pack("<h", sample)
    path.parent.mkdir(parents=True, exist_ok=True)
    with wave.open(str(path), "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(RATE)
        out.writeframes(bytes(frames))
    return path


class Chime(QObject):
    """Plays the chime if it can; ``played`` counts the times it was asked to (for tests)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.played = 0
        self._effect = None
        self._tried = False

    @property
    def has_sound(self) -> bool:
        self._load()
        return self._effect is not None

    def _load(self) -> None:
        if self._tried:
            return
        self._tried = True
        if not CHIME_PATH.exists():
            return
        try:
            from PySide6.QtMultimedia import QSoundEffect  # lazy: not in Essentials
        except Exception:  # ImportError, or a missing system library (libpulse)
            return
        try:
            effect = QSoundEffect(self)
            effect.setSource(QUrl.fromLocalFile(str(CHIME_PATH)))
            effect.setVolume(0.6)
            self._effect = effect
        except Exception:
            self._effect = None

    def play(self) -> None:
        self.played += 1
        self._load()
        if self._effect is not None:
            self._effect.play()
        else:
            QApplication.beep()


if __name__ == "__main__":  # python -m cocrea_desktop.ui.widgets.chime
    print(synthesize_chime())
