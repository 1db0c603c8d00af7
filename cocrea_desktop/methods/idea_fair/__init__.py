"""Idea fair (*feria de ideas*): promoter teams present to authorities (methods.md)."""

from __future__ import annotations

from cocrea_desktop.core.methods import register
from cocrea_desktop.core.methods.base import Method, Phase
from cocrea_desktop.i18n import N_

IDEA_FAIR = register(Method(
    key="idea_fair",
    package=__name__,
    order=30,
    title=N_("Feria de ideas"),
    vote_kind="dots",
    vote_on="stands",
    option_noun="stand",
    summary=N_("Equipos promotores presentan sus proyectos en stands; las autoridades los "
               "recorren y firman cartas compromiso."),
    phases=(
        Phase("registration", N_("Registro de equipos"),
              N_("Cada equipo promotor registra su proyecto y su stand."),
              N_("Capture cada equipo y su número de stand."),
              kind="fair_teams"),
        Phase("setup", N_("Montaje"),
              N_("Los equipos montan su stand según el mapa."),
              N_("Imprima la lista de stands."),
              kind="fair_map"),
        Phase("opening", N_("Apertura"),
              N_("Se presenta a las autoridades presentes."),
              N_("Registre a cada autoridad: nombre, cargo y dependencia."),
              kind="fair_authorities"),
        Phase("tour", N_("Recorrido"),
              N_("Las autoridades visitan los stands."),
              N_("Registre cada visita: stand, autoridad y hora."),
              kind="fair_visits"),
        Phase("interest", N_("Interés"),
              N_("Cada autoridad dice qué proyectos le interesan."),
              N_("Marque «me interesa», «pido reunión» o «firmo compromiso»."),
              kind="fair_interest"),
        Phase("letters", N_("Carta compromiso"),
              N_("Cada acuerdo se escribe en una carta que firman ambas partes."),
              N_("Imprima las cartas y recabe las firmas."),
              kind="fair_letters"),
        Phase("closing", N_("Cierre"),
              N_("Se leen en voz alta las cartas firmadas."),
              N_("Lea la lista de cartas."),
              kind="fair_closing", vote_round="vote"),
        Phase("follow_up", N_("Seguimiento"),
              N_("Cada carta tiene una próxima reunión y responsables."),
              N_("Registre el avance de cada carta."),
              kind="fair_follow_up"),
    ),
))
