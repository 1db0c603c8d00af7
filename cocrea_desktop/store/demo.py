"""A demo process with realistic Spanish sample data, for a newcomer's first look.

The sessions are listed here as data (their method by key); what is captured in the
first session of each method comes from its method's ``demo`` module
(``seed(repo, session_id)``)."""

from __future__ import annotations

import os
import time
from collections.abc import Callable
from pathlib import Path

from cocrea_desktop.core.clock import Clock, FakeClock
from cocrea_desktop.core.methods import get_method
from cocrea_desktop.i18n import _
from cocrea_desktop.store.device import Device
from cocrea_desktop.store.paths import processes_dir
from cocrea_desktop.store.repo import Repo

DEMO_FILE_NAME = "demo-san-juan-bautista.cocrea.db"

#: How long before now the demo's own clock starts, so that what its sessions record over
#: their hours (the fair's tour) ends before the program's first real action.
DEMO_CLOCK_LEAD_SECONDS = 3 * 3600

#: (method, question, table, date, place, facilitator, status, participants)
DEMO_SESSIONS = [
    ("nominal_group", "¿Qué problemas de agua potable afectan más a su comunidad?",
     "Mesa 1 · Cabecera municipal", "2027-02-06", "Salón de usos múltiples", "Rosa Martínez",
     "closed", 12),
    ("nominal_group", "¿Qué necesitan las y los jóvenes para quedarse en el municipio?",
     "Mesa 2 · Juventudes", "2027-02-06", "Casa de la Cultura", "Julián Hernández",
     "closed", 10),
    ("fishbowl", "¿Cómo debe repartirse el presupuesto de obras entre las agencias?",
     "Mesa 3 · Agencias municipales", "2027-02-13", "Auditorio de la agencia Santa Cruz",
     "Rosa Martínez", "in_progress", 18),
    ("nominal_group", "¿Qué información pública necesitan para vigilar las obras?",
     "Mesa 4 · Comités de obra", "2027-02-13", "Comisariado ejidal", "Lucía Ramírez",
     "planned", 9),
    ("idea_fair", "¿Qué proyectos comunitarios pueden sumarse al Plan de Acción Local?",
     "Explanada · Equipos promotores", "2027-02-20", "Explanada del palacio municipal",
     "Equipo STL", "in_progress", 40),
    ("prioritisation", "¿Qué propuestas de las mesas pasan al Plan de Acción Local?",
     "Pleno del STL · Priorización", "2027-03-06", "Sala de cabildo", "Equipo STL",
     "in_progress", 12),
    ("nominal_group", "¿Cómo mejorar la atención en el centro de salud?",
     "Mesa 5 · Mujeres", "2027-02-27", "Centro de salud rural", "Lucía Ramírez",
     "planned", 0),
    ("assembly", "Asamblea de la agencia de San Miguel: agua, camino y desayunador escolar",
     "Asamblea · Agencia San Miguel", "2027-03-06", "Cancha de la agencia San Miguel",
     "Rosa Martínez", "in_progress", 59),
    ("jury", "¿Cómo asegurar el agua potable de todas las comunidades en las secas?",
     "Agua potable", "2027-03-13", "Salón ejidal de Santa Cruz", "Equipo STL",
     "in_progress", 12),
    ("launch", "Lanzamiento del Plan de Acción Local 2027-2029 de San Juan Bautista Cuicatlán",
     "Evento público · Lanzamiento", "2027-06-26", "Cancha municipal de Cuicatlán",
     "Equipo STL", "in_progress", 134),
    ("followup_meeting", "¿Cómo van los hitos del PAL que vencen al 29 de febrero de 2028?",
     "Comité de contraloría social", "2028-02-10", "Sala de cabildo", "Lucía Ramírez",
     "in_progress", 11),
]


def demo_start(now: float) -> float:
    """When the demo's clock starts: ten in the morning (the computer's local time), on the
    latest day when that is at least ``DEMO_CLOCK_LEAD_SECONDS`` before ``now`` - so the
    fair's visits read as a morning's (they read 3:05 a. m. when the demo was made at
    night) and still end before the program's first real action."""
    import datetime as dt

    local = dt.datetime.fromtimestamp(now).astimezone()
    start = local.replace(hour=10, minute=0, second=0, microsecond=0)
    while start.timestamp() > now - DEMO_CLOCK_LEAD_SECONDS:
        start -= dt.timedelta(days=1)
    return start.timestamp()


def create_demo(path: str | os.PathLike[str] | None = None, *, device: Device | None = None,
                clock: Clock | None = None, sessions: int | None = None) -> Path:
    """Create the demo process file (or a bigger one with ``sessions`` sessions)."""
    target = Path(path) if path else processes_dir() / DEMO_FILE_NAME
    # A clock the seeds may move (the fair's visits each at their minute), started early
    # enough that it never runs ahead of the computer's.
    clock = clock or FakeClock(demo_start(time.time()))
    repo = Repo.create(
        target,
        name=_("Plan de Acción Local 2027 (demostración)"),
        municipality="San Juan Bautista Cuicatlán",
        state="Oaxaca",
        period="2027",
        responsible_body="Secretariado Técnico Local de Gobierno Abierto",
        device=device,
        clock=clock,
    )
    try:
        count = sessions if sessions is not None else len(DEMO_SESSIONS)
        seeded: set[str] = set()
        # A method whose demo needs the plan (a launch presents its commitments) says
        # ``AFTER_PLAN`` in its demo module: its seed runs once the plan is written.
        later: list[tuple[Callable[[Repo, str], None], str, str]] = []
        for i in range(count):
            method, question, table, date, place, facilitator, status, people = \
                DEMO_SESSIONS[i % len(DEMO_SESSIONS)]
            if i >= len(DEMO_SESSIONS):
                table = f"{table} ({i // len(DEMO_SESSIONS) + 1})"
            module = get_method(method).module("demo")
            seed = getattr(module, "seed", None)
            if method in seeded:
                # A later closed table of a method already shown: its shorter record, if
                # the method has one (``seed_more``); planned ones stay empty to try.
                more = getattr(module, "seed_more", None)
                seed = more if status == "closed" and i < len(DEMO_SESSIONS) else None
            seeding = seed is not None
            # A session is run first and concluded after: a concluded one no longer changes.
            session_id, _changes = repo.add_session(
                method=method, question=question, table_label=table, date=date, place=place,
                facilitator=facilitator, status="in_progress" if seeding else status,
                participant_count=people)
            if seeding:
                seeded.add(method)
                if getattr(get_method(method).module("demo"), "AFTER_PLAN", False):
                    later.append((seed, session_id, status))
                    continue
                # A sample, not a record: no need to wait for the disk at each action.
                repo.pf.conn.execute("PRAGMA synchronous = OFF")
                try:
                    seed(repo, session_id)
                finally:
                    repo.pf.conn.execute("PRAGMA synchronous = FULL")
                if status == "closed":
                    repo.end_session(session_id)
        if sessions is None:
            seed_plan(repo)
            seed_consultation(repo)
            seed_route_and_actors(repo)
        for seed, session_id, status in later:
            seed(repo, session_id)
            if status == "closed":
                repo.end_session(session_id)
    finally:
        repo.close()
    return target


#: The demo's STL: (name, sector, organisation, role, facilitator).
DEMO_STL = [
    ("Rosa Martínez Cruz", "government", "Ayuntamiento de San Juan Bautista Cuicatlán",
     "Presidenta municipal", False),
    ("Rodrigo Salinas Ortiz", "government", "Dirección de Obras Públicas", "Director", False),
    ("Lucía Ramírez Santiago", "civil_society", "Comité de Agua Potable de la Cabecera",
     "Presidenta", False),
    ("Fernando Cruz Jiménez", "civil_society", "Red de Jóvenes Cuicatecos", "Coordinador",
     False),
    ("Mtra. Elena Vásquez Ortiz", "guarantor", "Órgano Garante de Acceso a la Información de "
     "Oaxaca", "Comisionada", False),
    ("Marisol Pérez Aquino", "civil_society", "Colectivo Gobierno Abierto Oaxaca",
     "Facilitadora", True),
]

#: The demo's commitments: (name, agency, responsible, problem, baseline, objective, pillars,
#: milestones as (description, output, responsible, due date)).
DEMO_COMMITMENTS = [
    ("Tandeo de agua con calendario público", "Dirección de Obras Públicas",
     "Ing. Rodrigo Salinas Ortiz",
     "Los barrios altos reciben agua dos días por semana sin aviso.",
     "3 de 7 barrios con servicio diario (censo del comité, 2026).",
     "Que cada barrio conozca su calendario de tandeo y las obras para regularizarlo.",
     ["transparency", "accountability"],
     [("Publicar el calendario de tandeo en el palacio y en la radio comunitaria",
       "Calendario publicado y acta del comité", "Dirección de Obras Públicas", "2027-09-30"),
      ("Reparar las fugas de la línea de conducción", "Acta de entrega-recepción de la obra",
       "Dirección de Obras Públicas", "2028-06-30"),
      ("Informe público de avance ante la asamblea", "Informe y lista de asistencia",
       "Comité de Agua Potable", "2029-03-31")]),
    ("Tablero ciudadano de obras", "Tesorería Municipal", "C.P. Andrés Morales Ruiz",
     "Los comités no conocen el monto ni el avance de las obras de su agencia.",
     "0 obras con expediente público en 2026.",
     "Publicar el expediente de cada obra: monto, contratista, avance y fotos.",
     ["transparency", "participation"],
     [("Formato único de expediente de obra acordado con los comités",
       "Formato aprobado en sesión del STL", "Tesorería Municipal", "2027-10-31"),
      ("Tablero impreso en cada agencia, actualizado cada mes", "Fotografías del tablero",
       "Tesorería Municipal", "2028-12-31")]),
    ("Consejo juvenil de participación", "Regiduría de Juventud", "Lic. Karla Santos Méndez",
     "Las y los jóvenes no tienen un espacio para proponer al cabildo.",
     "Ninguna sesión de cabildo abierta a jóvenes en 2026.",
     "Instalar un consejo juvenil que presente propuestas al cabildo dos veces al año.",
     ["participation", "capacities"],
     [("Convocatoria pública al consejo juvenil", "Convocatoria publicada",
       "Regiduría de Juventud", "2027-11-15"),
      ("Instalación del consejo", "Acta de instalación", "", "2028-02-28")]),
]


def seed_plan(repo: Repo) -> None:
    """The demo's Local Action Plan: the STL, its decisions, three commitments drafted
    from the proposals the prioritisation passed on (one ready for consultation)."""

    for agency in ("Dirección de Obras Públicas", "Tesorería Municipal",
                   "Regiduría de Juventud"):
        repo.commitments.add_agency(agency)
    members = []
    for name, sector, organisation, role, facilitator in DEMO_STL:
        member, _c = repo.stl.add_member(name, sector, organisation=organisation, role=role,
                                         facilitator=facilitator, start_date="2027-01-15")
        members.append(member)
    voters = [m.id for m in members if not m.facilitator]
    everyone = [m.id for m in members]
    agree = {m: ("agree", "") for m in voters}
    repo.stl.decide(date="2027-01-20", agenda_item="Estrategia de participación",
                    proposal="Mesas por tema en la cabecera y las agencias, feria de ideas y "
                             "priorización en pleno", kind="participation_strategy",
                    present=everyone, positions=agree)
    repo.stl.decide(date="2027-03-06", agenda_item="Selección de propuestas para el PAL",
                    proposal="Pasan al PAL las propuestas que el pleno priorizó por criterios; "
                             "de ellas se redactan tres compromisos para 2027-2029, y un cuarto de "
                             "la carta compromiso firmada en la feria de ideas",
                    kind="selection", mode="vote", present=voters,
                    votes={"for": 4, "against": 0, "abstain": 1})
    chosen = [p for p in repo.proposals.list()
              if any(link.kind == "selected" for link in _trace(repo, p))]
    pool = chosen or repo.proposals.list()
    made, used = [], set()
    for (name, agency, responsible, problem, baseline, objective, pillars,
         stones), words in zip(DEMO_COMMITMENTS, (("agua", "pozo"), ("obra",),
                                                  ("joven", "jóvenes", "estudiante")),
                               strict=True):
        fits = [p for p in pool if p.id not in used and any(
            w in p.title.casefold() for w in words)] or [p for p in pool if p.id not in used]
        behind = [fits[0].id] if fits else []
        used.update(behind)
        commitment, _c = repo.commitments.add(
            name, proposals=behind,
            office_reason="" if behind else "Acuerdo del pleno del STL",
            start_date="2027-07-01", end_date="2029-06-30", lead_agency=agency,
            responsible=responsible, problem=problem, baseline=baseline,
            description=objective, objective=objective,
            how_it_helps="Lo que se publica permite a la ciudadanía vigilar el avance.",
            pillars=pillars, axis="Gobierno abierto y servicios públicos",
            public_input="Retoma la propuesta priorizada por el pleno.",
            milestones=[{"description": d, "output": o, "responsible": r, "due_date": due}
                        for d, o, r, due in stones])
        made.append(commitment)
    notes = {"specific": "Dice qué se publica y dónde.",
             "measurable": "Cada hito deja un documento verificable.",
             "achievable": "Con presupuesto de la partida de obra.",
             "relevant": "Fue la propuesta más votada en la Mesa 1.",
             "time_bound": "Todos los hitos tienen fecha dentro del periodo."}
    for criterion, note in notes.items():
        repo.commitments.set_smart(made[0].id, criterion, True, note)
    repo.commitments.set_smart(made[2].id, "measurable", False,
                               "El segundo hito no tiene responsable.")
    seed_signed_commitment(repo)
    repo.stl.decide(date="2027-05-15", agenda_item="Compromiso 1 a consulta pública",
                    proposal="Enviar el compromiso de tandeo a la consulta de 10 días",
                    kind="consultation_ready", subject_id=made[0].id, present=voters,
                    positions={**agree, voters[3]: ("abstain", "Pide sumar a las agencias "
                                                               "en la consulta")})
    seed_followup(repo)


#: The demo's commitment drafted from a signed agreement (the fair's carta compromiso for
#: the road to the secondary school): name, agency, responsible, problem, baseline,
#: objective, pillars, milestones.
DEMO_SIGNED_COMMITMENT = (
    "Camino seguro a la secundaria", "Dirección de Obras Públicas",
    "Jefatura de Alumbrado Público", "Asaltos a estudiantes al anochecer en el camino a la "
    "secundaria, que no tiene alumbrado.", "0 luminarias en los 1.2 km del camino (2026).",
    "Alumbrar el camino y que los vecinos vigilen y reporten las fallas.",
    ["participation", "accountability"],
    [("Acuerdo firmado entre Obras Públicas y los vecinos de El Calvario",
      "Carta compromiso firmada", "Dirección de Obras Públicas", "2027-07-31"),
     ("Instalar seis luminarias en el camino a la secundaria",
      "Acta de entrega-recepción y fotografías", "Dirección de Obras Públicas", "2028-06-30"),
     ("Rondines vecinales y reporte mensual de fallas del alumbrado", "Bitácora de rondines",
      "Vecinos de El Calvario", "2029-03-31")])


def seed_signed_commitment(repo: Repo) -> None:
    """A commitment drafted from the proposals that carry a signed agreement (the fair's
    carta compromiso), so that the follow-up shows the letter beside the milestones."""
    signed = [x for x in repo.followup.carried() if x.proposal_ids and x.agreement.files]
    if not signed:
        return
    behind = list(dict.fromkeys(pid for x in signed[:1] for pid in x.proposal_ids))
    name, agency, responsible, problem, baseline, objective, pillars, stones = \
        DEMO_SIGNED_COMMITMENT
    repo.commitments.add(
        name, proposals=behind, start_date="2027-07-01", end_date="2029-06-30",
        lead_agency=agency, responsible=responsible, problem=problem, baseline=baseline,
        description=objective, objective=objective,
        how_it_helps="Los vecinos vigilan lo que la autoridad firmó en la feria de ideas.",
        pillars=pillars, axis="Seguridad y servicios públicos",
        public_input="Retoma la carta compromiso firmada en la feria de ideas.",
        milestones=[{"description": d, "output": o, "responsible": r, "due_date": due}
                    for d, o, r, due in stones])


#: The demo's evidence of a milestone done: the committee's minutes receiving the calendar.
FOLLOWUP_EVIDENCE = (Path(__file__).resolve().parents[2] / "resources" / "demo"
                     / "acta-calendario-tandeo.pdf")


def seed_followup(repo: Repo) -> None:
    """The demo's follow-up: one milestone done with its evidence, one late, one in
    progress (the plan's first months)."""
    repo.followup.record("1.1", status="done", date="2027-09-28", evidence=FOLLOWUP_EVIDENCE,
                         note="Calendario publicado en el palacio y leído en la radio "
                              "comunitaria; el comité firmó el acta.")
    repo.followup.record("1.2", status="in_progress", percent=15, date="2027-10-20",
                         note="Se compró la tubería; la obra empieza en noviembre.")
    repo.followup.record("1.2", status="in_progress", percent=35, date="2027-12-15",
                         note="Reparadas 4 de 11 fugas de la línea de conducción.")
    repo.followup.record("2.1", status="late", percent=60, date="2027-11-05",
                         note="Dos agencias aún no revisan el formato de expediente.")
    # The signed carta compromiso is the evidence of the first milestone of the commitment
    # drafted from it: the same file, the same SHA-256.
    for c in repo.commitments.list():
        signed = [a for a in repo.followup.commitment_agreements(c) if a.files]
        if signed and c.milestones:
            milestone = f"{c.label}.1"
            repo.followup.record(
                milestone, status="done", date="2027-07-05",
                evidence=repo.followup.agreement_evidence(milestone, signed[0].id),
                note="La carta compromiso firmada en la feria de ideas queda como evidencia.")
            repo.followup.record(f"{c.label}.2", status="in_progress", percent=30,
                                 date="2027-11-20",
                                 note="Instaladas dos de las seis luminarias.")
            break


#: The demo's public consultation of commitment 1: (date, channel, commitment, section, text,
#: theme, response, reason, change); a response of "" is still unanswered.
DEMO_COMMENTS = [
    ("2027-05-18", "meeting", "1", "", "Que el calendario de tandeo también se pegue en la "
     "agencia de San Isidro, no solo en el palacio.", "difusión", "incorporated", "",
     "El primer hito dice: en el palacio, en cada agencia y en la radio comunitaria."),
    ("2027-05-18", "meeting", "1", "", "Que el comité de agua firme el acta de entrega de la "
     "obra de fugas.", "vigilancia", "incorporated", "",
     "El comité de agua firma el acta de entrega-recepción del segundo hito."),
    ("2027-05-19", "form", "1", "", "Pedimos pipas de agua gratuitas mientras se reparan las "
     "fugas.", "servicio", "not", "El reparto de pipas ya lo cubre el programa de protección "
     "civil; no es un compromiso de gobierno abierto.", ""),
    ("2027-05-20", "box", "1", "", "El informe de avance debe darse cada seis meses, no al "
     "final.", "rendición de cuentas", "partly", "Un informe cada seis meses no cabe en el "
     "presupuesto del comité; se acordó uno al año.",
     "Se agrega un informe anual de avance ante la asamblea."),
    ("2027-05-21", "email", "", "Presentación", "La presentación del plan no dice cuántas "
     "personas participaron en las mesas.", "participación", "incorporated", "",
     "La presentación suma el conteo anónimo de asistencia por mesa."),
    ("2027-05-22", "box", "1", "", "Pongan el calendario del tandeo en la agencia de San "
     "Isidro; allá no bajamos al palacio.", "difusión", "", "", ""),
    ("2027-05-23", "meeting", "", "Otro tema", "Arreglen el camino a la cabecera antes de "
     "lluvias.", "caminos", "na", "No trata del Plan de Acción Local; se turnó a la Dirección "
     "de Obras Públicas.", ""),
    ("2027-05-24", "form", "1", "", "Que el calendario tenga también los horarios de cada "
     "barrio.", "difusión", "", "", ""),
]


def seed_consultation(repo: Repo) -> None:
    """The demo's public consultation of the commitment «listo para consulta»: eight
    comments by several channels, most answered with their reason, one joined as a
    duplicate; still open."""
    repo.consultation.open(start="2027-05-17", channels=["meeting", "form", "box", "email"],
                           draft="Borrador del PAL 2027-2029, compromiso 1")
    made = []
    for date, channel, commitment, section, text, theme, *_answer in DEMO_COMMENTS:
        comment, _c = repo.consultation.add(date=date, channel=channel, commitment=commitment,
                                            section=section, text=text, theme=theme)
        made.append(comment)
    for comment, (*_given, response, reason, change) in zip(made, DEMO_COMMENTS, strict=True):
        if response:
            repo.consultation.answer(comment.id, response, reason, change)
    repo.consultation.join(made[5].id, made[0].id)


def _trace(repo: Repo, proposal) -> list:
    from cocrea_desktop.core.methods import method_modules
    from cocrea_desktop.store.commitments import TRACE_HOOK

    links = []
    for _method, module in method_modules("store"):
        hook = getattr(module, TRACE_HOOK, None)
        if hook is not None:
            links.extend(hook(repo, proposal))
    return links


#: The demo's route, in days from the day the demo is made (so that it always shows two
#: phases done, the citizen meetings late and the rest ahead): key -> (planned start,
#: planned end, actual start, actual end, responsible, products, note); None = no date.
DEMO_ROUTE = {
    "preparation": (-150, -120, -148, -118, "Presidencia municipal y Secretaría técnica",
                    "", "Acta de instalación del STL firmada en cabildo."),
    "diagnosis": (-119, -75, -117, -70, "Dirección de Planeación municipal",
                  "", "Primer informe entregado al STL con el mapa de actores."),
    "meetings": (-69, -6, -65, None, "Secretaría técnica del STL", "",
                 "Falta la mesa de mujeres en el centro de salud; se reprogramó."),
    "selection": (-5, 20, None, None, "Pleno del STL", "", ""),
    "drafting": (21, 50, None, None, "Dirección de Planeación municipal", "", ""),
    "consultation": (51, 61, None, None, "Unidad de Transparencia", "",
                     "Diez días; buzón en el palacio municipal y en las agencias."),
    "accountability": (62, 80, None, None, "Unidad de Transparencia", "", ""),
    "launch": (81, 90, None, None, "Presidencia municipal", "",
               "Evento en la explanada, con traducción al cuicateco."),
    "followup": (91, 820, None, None, "Comité de contraloría social", "", ""),
}

#: The demo's actor map: (organisation, sector, territory, interest, influence, note,
#: contact person, phone). Contacts are personal data.
DEMO_ACTORS = [
    ("Comisariado del ejido San Juan", "community", "Cabecera municipal", 4, 5,
     "Decide sobre el uso de los manantiales del ejido.", "Anselmo Jiménez Mendoza",
     "236 374 1102"),
    ("Comité de Agua Potable de la Cabecera", "civil_society", "Cabecera municipal", 5, 4,
     "Opera la red y cobra la cuota; conoce cada fuga.", "Herminia Ortiz Bautista",
     "236 374 0815"),
    ("DIF municipal", "government", "Todo el municipio", 4, 3,
     "Desayunadores escolares y atención a personas mayores.", "", ""),
    ("Radio comunitaria La Voz de la Cañada", "media", "Cañada y agencias", 4, 2,
     "Transmite en español y cuicateco; puede difundir la consulta.", "Saúl Mendoza Pacheco",
     "236 374 2290"),
    ("Escuela Telesecundaria Benito Juárez", "government", "Agencia Santa Cruz", 3, 2,
     "Sus estudiantes pueden levantar encuestas del diagnóstico.", "", ""),
    ("Cooperativa de mango y chicozapote La Cañada", "private", "Agencia San Miguel", 3, 3,
     "Interesada en el camino saca-cosechas.", "Teodoro Aquino Luna", "236 101 4477"),
    ("Agencia municipal de San Miguel", "government", "Agencia San Miguel", 5, 4,
     "La asamblea de la agencia elige a sus representantes.", "", ""),
    ("Centro de salud rural", "government", "Cabecera municipal", 2, 3,
     "Depende de la jurisdicción sanitaria; poca decisión local.", "", ""),
    ("Grupo de mujeres artesanas Flor de Palma", "civil_society", "Agencia Santa Cruz", 5, 1,
     "Piden que la mesa de mujeres se haga en su agencia.", "Amalia Cruz Hernández",
     "236 109 3321"),
    ("Parroquia de San Juan Bautista", "other", "Cabecera municipal", 1, 4,
     "Convoca mucha gente los domingos; no participa en el STL.", "", ""),
]


#: The demo's existing initiatives: (name, kind, responsible, theme, territory, status,
#: years, note).
DEMO_INITIATIVES = [
    ("Programa de Agua Potable, Drenaje y Tratamiento (PROAGUA)", "programme",
     "Comisión Estatal del Agua", "Agua", "Cabecera municipal", "running", "2025-2027",
     "Rehabilita la red de la cabecera; las agencias no están incluidas."),
    ("Comité de agua de la Agencia San Miguel", "citizen", "Asamblea de la agencia", "Agua",
     "Agencia San Miguel", "running", "desde 2019",
     "Cobra una cuota y limpia la caja de agua cada mes."),
    ("Caminos rurales con mano de obra local", "programme",
     "Dirección de Obras Públicas", "Caminos", "Agencias Santa Cruz y San Miguel", "finished",
     "2024-2025", "Revistió 6 km; el tramo del puente quedó pendiente."),
    ("Reglamento municipal de transparencia", "policy", "Cabildo", "Transparencia",
     "Todo el municipio", "planned", "2027", "Borrador en revisión de la comisión."),
    ("Brigadas de salud casa por casa", "project", "Centro de salud rural", "Salud",
     "Agencia Santa Cruz", "stopped", "2023-2024", "Se suspendió por falta de personal."),
]

#: What the municipal administration brings to the process itself: (title, description,
#: area, theme).
DEMO_ADMINISTRATION = [
    ("Padrón de usuarios del agua en las agencias",
     "Censar tomas y usuarios para repartir mejor el agua y las cuotas.",
     "Dirección de Obras Públicas", "Agua"),
    ("Publicar cada mes las obras en marcha en el tablero del palacio municipal",
     "Con su costo, su avance y quién las hace.", "Contraloría municipal", "Transparencia"),
]


def seed_route_and_actors(repo: Repo) -> None:
    """The demo's process route (two phases done, the meetings late), its existing
    initiatives, its actor map and the administration's own proposals."""
    import datetime as dt

    from cocrea_desktop.store.proposals import ADMINISTRATION

    today = dt.date.fromisoformat(repo.route.today())

    def day(offset: int | None) -> str:
        return "" if offset is None else (today + dt.timedelta(days=offset)).isoformat()

    for key, (ps, pe, as_, ae, responsible, products, note) in DEMO_ROUTE.items():
        repo.route.set(key, planned_start=day(ps), planned_end=day(pe), actual_start=day(as_),
                       actual_end=day(ae), responsible=responsible, products=products,
                       note=note)
    for org, sector, territory, interest, influence, note, contact, phone in DEMO_ACTORS:
        repo.actors.add(org, sector=sector, territory=territory, interest=interest,
                        influence=influence, note=note, contact_name=contact,
                        contact_phone=phone)
    for name, kind, responsible, theme, territory, status, years, note in DEMO_INITIATIVES:
        repo.initiatives.add(name, kind=kind, responsible=responsible, theme=theme,
                             territory=territory, status=status, years=years, note=note)
    for title, description, area, theme in DEMO_ADMINISTRATION:
        repo.proposals.add(title, description=description, theme=theme, table_label=area,
                           source_kind=ADMINISTRATION)
