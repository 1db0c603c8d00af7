"""`cocrea consultation forms`, `cocrea comments scan` and `comments add --form`, with a
consultation of 200 imported rows: forms printed, their pages rendered and decoded,
registered by serial, a form registered twice refused; every comment answered and the
report read back with none unanswered."""

from __future__ import annotations

import csv
import json

import pypdfium2 as pdfium
from pypdf import PdfReader

from tests.test_cli_consultation import count_rows, db, run  # noqa: F401 (fixture)


def test_forms_scan_register_and_two_hundred_imported(db, tmp_path):  # noqa: F811
    run("consultation", "open", db, "--start", "10/08/2027", "--channel", "meeting",
        "--channel", "form")
    table = tmp_path / "comentarios.csv"
    with open(table, "w", newline="", encoding="utf-8-sig") as f:
        w = csv.writer(f)
        w.writerow(["fecha", "canal", "compromiso", "comentario", "tema"])
        for i in range(200):
            w.writerow([f"{10 + i % 10}/08/2027", "reunión", "1" if i % 2 else "",
                        f"Comentario importado número {i + 1}", "agua"])
    assert "200 comentarios importados" in run("comments", "import", db, table).output
    pdf = tmp_path / "formatos.pdf"
    out = run("consultation", "forms", db, "-o", pdf, "--commitment", "1", "--count", "3",
              "--per-page", "2").output
    assert "3 formatos impresos" in out and len(PdfReader(pdf).pages) == 2
    page = tmp_path / "hoja1.png"
    doc = pdfium.PdfDocument(str(pdf))
    doc[0].render(scale=200 / 72).to_pil().convert("L").save(page)
    doc.close()
    codes = json.loads(run("comments", "scan", db, page, "--json").output)["codes"]
    assert len(codes) == 2 and all(c["ready"] and c["commitment"] == "1" for c in codes)
    for code in codes:
        run("comments", "add", db, "Escrito a mano", "--date", "15/08/2027", "--form",
            code["serial"])
    out = run("comments", "add", db, "Otra vez", "--date", "15/08/2027", "--form",
              codes[0]["serial"], ok=False).output
    assert "ya se registró" in out and count_rows(db, "consultation_comment") == 202
    text = run("comments", "scan", db, pdf).output
    assert text.count("ya se registró como el comentario") == 2
    assert "Formatos listos para registrar: 1." in text
    for x in json.loads(run("comments", "list", db, "--json").output):
        run("comments", "answer", db, x["label"], "na", "--reason", "No trata del plan")
    run("consultation", "close", db)
    report = tmp_path / "informe.pdf"
    run("report", "accountability", db, "-o", report)
    words = " ".join(" ".join(p.extract_text() for p in PdfReader(report).pages).split())
    assert "sin respuesta" not in words
    assert words.count("No trata del plan") >= 202 - 1 and "número 200" in words
