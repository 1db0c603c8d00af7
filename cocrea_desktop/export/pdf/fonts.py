"""The fonts every CoCrea PDF embeds: DejaVu Sans, regular and bold.

DejaVu Sans covers Spanish and most Latin letters used to write Mexico's Indigenous
languages (e.g. saltillo ꞌ, barred and hooked letters, tone marks). Registered with
reportlab once per process; call :func:`register_fonts` before drawing text.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

FONTS_DIR = Path(__file__).resolve().parents[3] / "resources" / "fonts"
REGULAR = "DejaVuSans"
BOLD = "DejaVuSans-Bold"
FAMILY = "DejaVu Sans"
_FILES = {REGULAR: "DejaVuSans.ttf", BOLD: "DejaVuSans-Bold.ttf"}


@dataclass(frozen=True)
class FontNames:
    regular: str = REGULAR
    bold: str = BOLD


_registered: FontNames | None = None


def register_fonts(fonts_dir: Path | None = None) -> FontNames:
    """Register DejaVu Sans with reportlab (once) and return the names to draw with."""
    global _registered
    if _registered is not None:
        return _registered
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFont

    folder = fonts_dir or FONTS_DIR
    for name, filename in _FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(folder / filename)))
    pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=REGULAR,
                                  boldItalic=BOLD)
    _registered = FontNames()
    return _registered


def text_width(text: str, font: str, size: float) -> float:
    """Width in points of ``text`` set in a registered font."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return stringWidth(text, font, size)
