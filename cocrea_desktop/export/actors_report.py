"""The actor map as PDF: the influence/interest chart and the list of actors.

The chart is a reportlab drawing of the positions :func:`core.actor_map.place`
computed (the same the screen paints); the list names each actor by the number in
its dot. Contacts are personal data and never printed here.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from cocrea_desktop.core.actor_map import (
    QUADRANT_CORNERS,
    QUADRANTS,
    SPLIT,
    Placed,
    axis_titles,
    level_position,
    quadrant_hint,
    quadrant_title,
)
from cocrea_desktop.i18n import _

if TYPE_CHECKING:
    from cocrea_desktop.store.repo import Repo


def chart_drawing(placed: list[Placed], width: float) -> Any:
    """The square chart with its quadrants, axes and one numbered dot per actor."""
    from reportlab.graphics.shapes import Circle, Drawing, Line, Rect, String
    from reportlab.lib import colors

    from cocrea_desktop.export.pdf.fonts import register_fonts

    fonts = register_fonts()
    left, bottom, top_pad = 30.0, 30.0, 6.0
    side = min(width - left - 10, 330.0)
    drawing = Drawing(left + side + 10, bottom + side + top_pad)
    grey = colors.Color(0.55, 0.55, 0.55)
    drawing.add(Rect(left, bottom, side, side, strokeColor=colors.black, fillColor=None,
                     strokeWidth=0.8))
    split = SPLIT * side
    shade = colors.Color(0.93, 0.93, 0.93)
    drawing.add(Rect(left + split, bottom + split, side - split, side - split,
                     fillColor=shade, strokeColor=None))
    drawing.add(Line(left + split, bottom, left + split, bottom + side, strokeColor=grey,
                     strokeDashArray=[3, 2]))
    drawing.add(Line(left, bottom + split, left + side, bottom + split, strokeColor=grey,
                     strokeDashArray=[3, 2]))
    for key, (fx, fy) in QUADRANT_CORNERS.items():
        x = left + (side - 4 if fx else 4)
        y = bottom + (side - 11 if fy else 4)
        anchor = "end" if fx else "start"
        drawing.add(String(x, y, quadrant_title(key), fontName=fonts.bold, fontSize=7.5,
                           textAnchor=anchor, fillColor=colors.Color(0.3, 0.3, 0.3)))
    for i in range(1, 6):  # the 1..5 ticks
        pos = level_position(i) * side
        drawing.add(String(left + pos, bottom - 10, str(i), fontName=fonts.regular,
                           fontSize=7, textAnchor="middle"))
        drawing.add(String(left - 8, bottom + pos - 2.5, str(i), fontName=fonts.regular,
                           fontSize=7, textAnchor="middle"))
    horizontal, vertical = axis_titles()
    drawing.add(String(left + side / 2, bottom - 23, horizontal, fontName=fonts.regular,
                       fontSize=8, textAnchor="middle"))
    label = String(0, 0, vertical, fontName=fonts.regular, fontSize=8, textAnchor="middle")
    from reportlab.graphics.shapes import Group

    turned = Group(label)
    turned.rotate(90)
    turned.translate(bottom + side / 2, -12)
    drawing.add(turned)
    radius = 8.0
    for p in placed:
        x, y = left + p.x * side, bottom + p.y * side
        drawing.add(Circle(x, y, radius, fillColor=colors.white, strokeColor=colors.black,
                           strokeWidth=0.9))
        drawing.add(String(x, y - 2.8, str(p.number), fontName=fonts.bold, fontSize=7.5,
                           textAnchor="middle"))
    return drawing


def chart_png(placed: list[Placed], side: int = 900) -> bytes:
    """The same chart as :func:`chart_drawing`, as a PNG image for an editable document
    (Word has no drawing of reportlab's): Pillow draws the same positions and words."""
    import io

    from PIL import Image, ImageDraw, ImageFont

    from cocrea_desktop.export.pdf.fonts import _FILES, BOLD, FONTS_DIR, REGULAR

    scale = side / 330.0
    left, bottom, top_pad, right_pad = 30 * scale, 30 * scale, 6 * scale, 10 * scale
    width, height = round(left + side + right_pad), round(top_pad + side + bottom)
    image = Image.new("RGB", (width, height), "white")
    draw = ImageDraw.Draw(image)

    def font(name: str, size: float) -> Any:
        return ImageFont.truetype(str(FONTS_DIR / _FILES[name]), max(8, round(size * scale)))

    def at(fx: float, fy: float) -> tuple[float, float]:  # a fraction of the square -> pixel
        return left + fx * side, top_pad + (1 - fy) * side

    split = SPLIT
    draw.rectangle([at(split, 1), at(1, split)], fill=(237, 237, 237))
    draw.rectangle([at(0, 1), at(1, 0)], outline="black", width=max(1, round(scale)))
    grey = (140, 140, 140)
    for k in range(0, 40):  # dashed quadrant lines
        a, b = k / 40, (k + 0.6) / 40
        draw.line([at(split, a), at(split, b)], fill=grey, width=max(1, round(scale / 2)))
        draw.line([at(a, split), at(b, split)], fill=grey, width=max(1, round(scale / 2)))
    title_font = font(BOLD, 7.5)
    for key, (fx, fy) in QUADRANT_CORNERS.items():
        x, y = at(fx, fy)
        x += -4 * scale if fx else 4 * scale
        y += 4 * scale if fy else -4 * scale
        draw.text((x, y), quadrant_title(key), font=title_font, fill=(77, 77, 77),
                  anchor=("r" if fx else "l") + ("a" if fy else "d"))
    tick = font(REGULAR, 7)
    for i in range(1, 6):
        pos = level_position(i)
        x, y = at(pos, 0)
        draw.text((x, y + 3 * scale), str(i), font=tick, fill="black", anchor="ma")
        x, y = at(0, pos)
        draw.text((x - 5 * scale, y), str(i), font=tick, fill="black", anchor="rm")
    horizontal, vertical = axis_titles()
    axis = font(REGULAR, 8)
    x, y = at(0.5, 0)
    draw.text((x, y + 13 * scale), horizontal, font=axis, fill="black", anchor="ma")
    box = draw.textbbox((0, 0), vertical, font=axis)
    label = Image.new("RGBA", (box[2] - box[0] + 4, box[3] - box[1] + 6), (255, 255, 255, 0))
    ImageDraw.Draw(label).text((2, 2 - box[1]), vertical, font=axis, fill="black")
    label = label.rotate(90, expand=True)
    image.paste(label, (max(0, round(left - 22 * scale)), round(top_pad + side / 2 -
                                                                  label.height / 2)), label)
    radius = 8 * scale
    dot = font(BOLD, 7.5)
    for p in placed:
        x, y = at(p.x, p.y)
        draw.ellipse([x - radius, y - radius, x + radius, y + radius], fill="white",
                     outline="black", width=max(1, round(0.9 * scale)))
        draw.text((x, y), str(p.number), font=dot, fill="black", anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def actors_story(repo: Repo, width: float) -> list[Any]:
    from reportlab.platypus import Spacer

    from cocrea_desktop.core import dates
    from cocrea_desktop.export.pdf import kit

    st = kit.styles()
    process = repo.process()
    actors = repo.actors.list()
    placed = repo.actors.chart()
    story: list[Any] = [
        kit.para(_("Mapa de actores"), st["title"]),
        kit.para(_("{process} · diagnóstico · {date}").format(
            process=process.name, date=dates.format_date(repo.route.today())), st["subtitle"]),
        kit.para(_("Cada organización se ubica según su interés en el tema (hacia la derecha) "
                   "y su influencia sobre él (hacia arriba), del 1 al 5; «alto» es 4 o 5. El "
                   "número de cada punto es el del actor en la lista."), st["small"]),
        Spacer(1, 6),
    ]
    if not actors:
        story.append(kit.para(_("El proceso aún no tiene actores en su mapa."), st["body"]))
        return story
    story.append(chart_drawing(placed, width))
    story.append(Spacer(1, 8))
    legend = [[_("Cuadrante"), _("Qué hacer"), _("Actores")]]
    for key in QUADRANTS:
        members = ", ".join(str(p.number) for p in placed if p.quadrant == key) or "—"
        legend.append([quadrant_title(key), quadrant_hint(key), members])
    story.append(kit.table(legend, [0.3 * width, 0.35 * width, 0.35 * width]))
    story.append(Spacer(1, 8))
    story.append(kit.para(_("Actores"), st["h2"]))
    rows = [[_("Núm."), _("Organización"), _("Sector"), _("Territorio"), _("Interés"),
             _("Influencia"), _("Nota")]]
    for a in actors:
        rows.append([str(a.number), a.organisation, a.sector_text, a.territory or "—",
                     str(a.interest), str(a.influence), a.note or "—"])
    story.append(kit.table(rows, [w * width for w in (0.06, 0.23, 0.13, 0.14, 0.09, 0.12,
                                                      0.23)]))
    story.append(Spacer(1, 6))
    story.append(kit.para(_("Los datos de contacto de cada actor son datos personales y no "
                            "se imprimen en este informe."), st["small"]))
    return story


def render_actors_pdf(repo: Repo, *, paper: str = "letter") -> bytes:
    from cocrea_desktop.export.evidence import process_digest
    from cocrea_desktop.export.pdf import kit

    width = kit.content_width(paper)
    footer = kit.Footer(repo.process().id[:8], process_digest(repo), _("Mapa de actores"))
    return kit.build(actors_story(repo, width), footer, paper=paper)


def write_actors_pdf(repo: Repo, path: str | os.PathLike[str], *,
                     paper: str = "letter") -> Path:
    from cocrea_desktop.export.pdf import kit

    return kit.write_atomically(render_actors_pdf(repo, paper=paper), path)
