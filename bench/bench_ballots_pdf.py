"""Benchmark: 500 ranked ballots (12 options, 4 per page, Letter) to PDF.

Targets (docs/design quality.md): <= 1.0 s and <= 3 KiB per ballot. Also prints a
text-only baseline measured in the same run (the same number of pages with a similar
amount of text and no QR codes), since these machines are noisy.

    python bench/bench_ballots_pdf.py [--runs N]
"""

from __future__ import annotations

import argparse
import io
import statistics
import time

from cocrea_desktop.core.voting.payload import (
    encode_ballot_payload,
    generate_serials,
    new_process_secret,
)
from cocrea_desktop.export.pdf.ballots import BallotKind, BallotSheetSpec, render_ballots_pdf
from cocrea_desktop.export.pdf.fonts import register_fonts
from cocrea_desktop.export.qr_matrix import qr_matrix

COUNT = 500
TARGET_SECONDS = 1.0
TARGET_BYTES = 3 * 1024
OPTIONS = [
    "Reparar las fugas de la red de agua potable en el centro",
    "Pozo para la colonia Las Flores",
    "Limpieza del río Papaloapan y sus arroyos",
    "Drenaje en la secundaria técnica",
    "Publicar cada mes la calidad del agua",
    "Pipas de agua con horario conocido",
    "Tarifa social para familias con pocos ingresos",
    "Comité ciudadano de vigilancia del agua",
    "Captación de agua de lluvia en escuelas",
    "Baños dignos en el mercado",
    "Planta de tratamiento de aguas residuales que no funciona",
    "Talleres sobre cuidado del agua en lengua chinanteca",
]


def make_spec() -> BallotSheetSpec:
    secret = new_process_secret()
    ballots = [
        (s, encode_ballot_payload(process_id="7KQ2", session_id="M3XA", round="P", serial=s,
                                  secret=secret))
        for s in generate_serials(COUNT)
    ]
    return BallotSheetSpec(
        process_title="Plan de Acción Local de Gobierno Abierto — Tuxtepec 2027",
        session_title="Mesa 2: Agua y saneamiento · Grupo nominal",
        question="¿Qué problemas de agua y saneamiento debe atender primero el municipio?",
        round_label="Votación preliminar",
        kind=BallotKind.RANKED,
        options=list(enumerate(OPTIONS, start=1)),
        ballots=ballots,
        ranks=5,
        per_page=4,
        paper="letter",
    )


def text_only_baseline(spec: BallotSheetSpec) -> float:
    """Every page's text drawn directly, no form, no QR: a floor for comparison."""
    from reportlab.pdfgen.canvas import Canvas

    fonts = register_fonts()
    start = time.perf_counter()
    canvas = Canvas(io.BytesIO(), pagesize=(612, 792), pageCompression=1, invariant=1)
    for index, (serial, _payload) in enumerate(spec.ballots):
        x, y = (index % 2) * 306, 396 - (index % 4 // 2) * 396
        canvas.setFont(fonts.regular, 8)
        for line, (number, text) in enumerate(spec.options):
            canvas.drawString(x + 20, y + 300 - line * 14, "{0} {1}".format(number, text))
        canvas.drawString(x + 20, y + 20, serial)
        if index % 4 == 3:
            canvas.showPage()
    canvas.save()
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args()
    spec = make_spec()
    render_ballots_pdf(make_spec_small(spec))  # warm up: font registration, imports

    times, size = [], 0
    for _run in range(args.runs):
        start = time.perf_counter()
        pdf = render_ballots_pdf(spec)
        times.append(time.perf_counter() - start)
        assert pdf is not None
        size = len(pdf)
    matrix_start = time.perf_counter()
    for _serial, payload in spec.ballots:
        qr_matrix(payload)
    matrix_ms = (time.perf_counter() - matrix_start) / COUNT * 1000
    baseline = statistics.median(text_only_baseline(spec) for _i in range(3))

    best, median = min(times), statistics.median(times)
    per_ballot = size / COUNT
    print("500 ranked ballots, 12 options, 4 per page, Letter ({runs} runs)".format(runs=args.runs))
    print("  time: median {m:.3f} s, best {b:.3f} s   target <= {t:.1f} s   {v}".format(
        m=median, b=best, t=TARGET_SECONDS, v="OK" if median <= TARGET_SECONDS else "OVER"))
    print("  size: {s:,} bytes, {p:.0f} bytes per ballot   target <= {t} bytes   {v}".format(
        s=size, p=per_ballot, t=TARGET_BYTES, v="OK" if per_ballot <= TARGET_BYTES else "OVER"))
    print("  text-only baseline (same run): {b:.3f} s; ballots / baseline = {r:.2f}x".format(
        b=baseline, r=median / baseline))
    print("  QR matrix: {m:.3f} ms per code".format(m=matrix_ms))


def make_spec_small(spec: BallotSheetSpec) -> BallotSheetSpec:
    from dataclasses import replace

    return replace(spec, ballots=spec.ballots[:4])


if __name__ == "__main__":
    main()
