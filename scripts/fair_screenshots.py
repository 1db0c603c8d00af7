"""Render the session screen of an idea fair in each phase, and a carta compromiso, to PNG.

    QT_QPA_PLATFORM=offscreen python scripts/fair_screenshots.py [OUT_DIR]

Writes docs/screenshots/fair-<phase>.png at 1366x768 (the old laptops) with
realistic Spanish data, and page 1 of a carta compromiso as
docs/screenshots/carta-compromiso.png (pdftoppm -r 60).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

STANDS = [
    {"title": "Huertos escolares con riego por goteo",
         "summary": "Huertos en tres primarias, regados con agua de lluvia",
         "problem": "Los niños comen poca verdura y las escuelas no tienen agua",
         "theme": "Alimentación", "organisation": "Colectivo Milpa Viva",
         "contact_name": "María López Cruz", "contact_phone": "951 123 4567",
         "asks": "Tinacos y mangueras; asesoría de la SADER"},
    {"title": "Alumbrado en el camino a la secundaria",
         "summary": "Lámparas solares en 2 km de camino", "problem": "Inseguridad al anochecer",
         "theme": "Seguridad", "organisation": "Comité de Padres de Familia",
         "contact_name": "José Hernández", "contact_phone": "951 222 3344",
         "asks": "40 lámparas solares"},
    {"title": "Radio comunitaria en zapoteco",
         "summary": "Avisos de salud y del cabildo en lengua zapoteca",
         "problem": "La información pública solo llega en español", "theme": "Información pública",
         "organisation": "Radio Guelatao A. C.", "contact_name": "Rosa Martínez",
         "contact_phone": "951 987 6543", "asks": "Un transmisor y un espacio en el palacio"},
    {"title": "Cisterna comunitaria en la colonia Loma Alta",
         "summary": "Una cisterna de 50 m³ para las colonias altas",
         "problem": "Las colonias altas no reciben agua en estiaje", "theme": "Agua",
         "organisation": "Vecinos de Loma Alta", "contact_name": "Juana Pérez",
         "contact_phone": "951 555 0101", "asks": "Obra y mantenimiento por el municipio"},
    {"title": "Mercado de trueque los domingos", "summary": "Intercambio de productos locales",
         "problem": "Poco dinero circulante en las rancherías", "theme": "Economía local",
         "organisation": "Mujeres Artesanas de San Pablo", "contact_name": "Elena Santiago",
         "contact_phone": "", "asks": "Permiso para usar la explanada"},
    {"title": "Rampa y baño accesible en el centro de salud",
         "summary": "Acceso para personas en silla de ruedas", "problem": "El centro no es accesible",
         "theme": "Salud", "organisation": "Red de Personas con Discapacidad",
         "contact_name": "Pedro Ramírez", "contact_phone": "951 303 0303",
         "asks": "Obra menor con presupuesto 2027"},
]
AUTHORITIES = [
    ("Ing. Laura Ruiz Gómez", "Directora de Obras Públicas", "Municipio de Santa María"),
    ("Lic. Tomás Aquino", "Regidor de Salud", "Cabildo de Santa María"),
    ("Mtra. Alicia Reyes", "Coordinadora regional", "Secretaría de Bienestar"),
]
PHASES = ["registration", "setup", "opening", "tour", "interest", "letters", "closing",
          "follow_up"]


def build_fair(repo, *, scan: Path | None = None) -> str:
    """An idea fair with stands, authorities, visits, interest, letters and follow-up."""
    repo.attendance.set_privacy(
        body="Municipio de Santa María Guelatao",
        notice="Sus datos se usan solo para dar seguimiento a los compromisos.",
        full_notice_at="Tablero del palacio municipal y www.santamaria.gob.mx/privacidad")
    sid, _ = repo.add_session(method="idea_fair",
                              question="¿Qué proyectos de la comunidad pueden entrar al PAL?",
                              table_label="Feria de ideas", date="2027-03-13",
                              place="Explanada municipal", facilitator="Rosa Martínez",
                              participant_count=85)
    for i, values in enumerate(STANDS, start=1):
        repo.fair.add_stand(sid, number=i, **values)
    for name, post, agency in AUTHORITIES:
        repo.fair.add_authority(sid, name=name, post=post, agency=agency)
    for stand, authority, note in [(1, 1, "Pidió medidas del terreno"), (2, 1, ""),
                                   (3, 2, "Interés en avisos de salud"), (4, 1, ""),
                                   (6, 2, "Visitará el centro el lunes"), (1, 3, ""),
                                   (5, 3, "")]:
        repo.fair.log_visit(sid, stand, authority, note)
    for stand, authority, level in [(1, 1, "commit"), (2, 1, "meeting"), (3, 2, "interested"),
                                    (4, 1, "commit"), (6, 2, "commit"), (1, 3, "meeting"),
                                    (5, 3, "interested")]:
        repo.fair.set_interest(sid, stand, authority, level)
    one, _ = repo.fair.draft_letter(
        sid, 1, 1, letter_date="2027-03-13",
        team_commits="Cuidar los huertos y llevar el registro de cosechas",
        authority_commits="Instalar tres tinacos y el riego por goteo antes de junio",
        next_step="Visita a las tres escuelas", next_step_date="2027-03-27",
        follow_up_contact="Dirección de Obras, 951 501 0000", witness="Ana Díaz (STL)")
    two, _ = repo.fair.draft_letter(
        sid, 4, 1, team_commits="Donar la mano de obra",
        authority_commits="Estudio técnico y presupuesto de la cisterna",
        next_step="Reunión en la colonia", next_step_date="2027-04-03",
        follow_up_contact="Comité de Loma Alta")
    three, _ = repo.fair.draft_letter(
        sid, 6, 2, team_commits="Levantar el censo de personas usuarias",
        authority_commits="Proponer la obra al cabildo", next_step="Sesión de cabildo",
        next_step_date="2027-04-10", follow_up_contact="Regiduría de Salud")
    if scan is not None:
        repo.fair.attach(one.id, scan)
    repo.fair.edit_letter(one.id, next_meeting="2027-03-27 10:00",
                          responsible="Ing. Ruiz y María López")
    repo.fair.set_letter_status(one.id, "in_pal")
    repo.fair.edit_letter(two.id, next_meeting="2027-04-03 17:00",
                          responsible="Vecinos de Loma Alta")
    repo.fair.set_letter_status(two.id, "in_progress")
    repo.fair.set_letter_status(three.id, "dropped",
                                "El centro de salud es estatal; se turna a la SSO")
    repo.votes.configure(sid, "vote", mode="counts", participants=85)
    repo.votes.set_counts(sid, "vote", {1: 48, 2: 31, 3: 22, 4: 55, 5: 12, 6: 29},
                          counter="Ana Díaz (STL)", participants=85)
    return sid


def render(out: Path) -> list[Path]:
    from PySide6.QtWidgets import QApplication

    from cocrea_desktop.methods.idea_fair.pdf import write_letter
    from cocrea_desktop.store.repo import Repo
    from cocrea_desktop.ui import qt_i18n
    from cocrea_desktop.ui.views.session_screen import SessionScreen

    app = QApplication.instance() or QApplication([])
    qt_i18n.install("es")
    out.mkdir(parents=True, exist_ok=True)
    written: list[Path] = []
    with tempfile.TemporaryDirectory() as tmp:
        os.environ.setdefault("COCREA_DATA_DIR", tmp)
        scan = Path(tmp) / "carta-firmada.png"
        from PySide6.QtGui import QImage

        image = QImage(40, 40, QImage.Format.Format_RGB32)
        image.fill(0xFFFFFF)
        image.save(str(scan))
        repo = Repo.create(Path(tmp) / "feria.cocrea.db", name="Plan de Acción Local 2027",
                           municipality="Santa María Guelatao", state="Oaxaca",
                           responsible_body="Municipio de Santa María Guelatao")
        sid = build_fair(repo, scan=scan)
        screen = SessionScreen(repo, sid)
        screen.resize(1366, 768)
        screen.show()
        for key in PHASES:
            repo.phases.go_to(sid, key)
            screen.reload_phase()
            panel = screen.panel()
            if key == "visits" or key == "tour":
                panel.stand.setText("3")
                panel.authority.setText("2")
            if key == "interest":
                panel.table.setCurrentIndex(panel.model.index(1, 0))
            if key == "letters":
                panel.stand.setText("2")
                panel.authority.setText("1")
            for _ in range(5):
                app.processEvents()
            path = out / f"fair-{key}.png"
            screen.grab().save(str(path))
            written.append(path)
        pdf = Path(tmp) / "carta.pdf"
        write_letter(repo, sid, "CC-001", pdf)
        if shutil.which("pdftoppm"):
            subprocess.run(["pdftoppm", "-r", "60", "-f", "1", "-l", "1", "-png",
                            "-singlefile", str(pdf), str(out / "carta-compromiso")], check=True)
            written.append(out / "carta-compromiso.png")
        screen.close()
        repo.close()
    return written


if __name__ == "__main__":
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    target = Path(sys.argv[1]) if len(sys.argv) > 1 else ROOT / "docs" / "screenshots"
    for p in render(target):
        print(p)
    sys.stdout.flush()
    os._exit(0)
