"""Draw the program's icon (PNG sizes and a Windows .ico) with Pillow: three people
around a table, black on a warm circle, readable at 16 px."""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

OUT = Path(__file__).resolve().parent.parent / "resources" / "icons"


def draw(size: int) -> Image.Image:
    scale = 4
    s = size * scale
    img = Image.new("RGBA", (s, s), (0, 0, 0, 0))
    d = ImageDraw.Draw(img)
    d.ellipse((0, 0, s - 1, s - 1), fill=(242, 169, 59, 255))
    ink = (35, 31, 32, 255)
    # the table
    d.rounded_rectangle((s * 0.28, s * 0.56, s * 0.72, s * 0.66), radius=s * 0.03, fill=ink)
    # three people: heads and shoulders
    for cx, cy in ((0.30, 0.38), (0.50, 0.30), (0.70, 0.38)):
        r = s * 0.075
        d.ellipse((s * cx - r, s * cy - r, s * cx + r, s * cy + r), fill=ink)
        d.pieslice((s * cx - r * 1.7, s * cy + r * 0.9, s * cx + r * 1.7, s * cy + r * 4.2),
                   180, 360, fill=ink)
    # a speech mark: the idea shared
    d.ellipse((s * 0.44, s * 0.72, s * 0.56, s * 0.84), fill=(255, 255, 255, 255))
    return img.resize((size, size), Image.LANCZOS)


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    for size in (16, 32, 48, 64, 128, 256):
        draw(size).save(OUT / f"cocrea-{size}.png")
    draw(256).save(OUT / "cocrea.ico", sizes=[(16, 16), (32, 32), (48, 48), (64, 64),
                                               (128, 128), (256, 256)])


if __name__ == "__main__":
    main()
