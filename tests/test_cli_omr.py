"""`cocrea ballots scan ... --read-marks [--enter]` on the program's own ballots, marked by
a drawing routine and distorted like a scan."""

from __future__ import annotations

import json
import random

import cv2
import numpy as np

from cocrea_desktop.export.paper import ballot_spec
from cocrea_desktop.export.pdf.ballots import BallotGrid
from cocrea_desktop.store.repo import Repo
from tests.export import omr_material as M
from tests.test_cli_paper import process, run  # noqa: F401 - the fixture


def test_read_marks_then_enter_the_sure_ones(process, tmp_path):  # noqa: F811
    db, sid, _other = process
    pdf = tmp_path / "boletas.pdf"
    run("ballots", "print", str(db), sid[:8], "--count", "4", "--per-page", "4",
        "-o", str(pdf))
    with Repo.open(db) as repo:
        serials = [r["serial"] for r in repo.register.issued(sid, "preliminary")]
        grid = BallotGrid.from_json(repo.register.layout(sid, "preliminary", serials[0]))
        spec = ballot_spec(repo, sid, "preliminary", [], per_page=4)
    rng = random.Random(11)
    # Order on the page: the PDF's order, which is the register's issue order.
    ballots = [M.Marked(serials[0], {(2, 0): "cross", (4, 1): "cross", (1, 2): "cross"}),
               M.Marked(serials[1], {(3, 0): "tick"}),
               M.Marked(serials[2], {(1, 0): "cross", (2, 0): "cross"}),  # 1.º used twice
               M.Marked(serials[3], {(4, 0): "fill", (1, 1): "cross"})]
    ballots[3].faint.add((1, 1))  # light pencil: doubtful
    page = M.render(pdf)[0]
    M.mark_page(page, spec, grid, ballots, rng)
    scan = tmp_path / "escaneo.png"
    cv2.imwrite(str(scan), M.distort(page, rng, max_angle=6))

    data = json.loads(run("ballots", "scan", str(db), sid, str(scan), "--read-marks",
                          "--json").output)
    by_serial = {b["serial"]: b for b in data["ballots"]}
    assert by_serial[serials[0]]["entry"] == "2 4 1" and not by_serial[serials[0]]["review"]
    assert by_serial[serials[1]]["entry"] == "3"
    assert sorted(data["review"]) == sorted(serials[2:])
    assert any("1.º" in r for r in by_serial[serials[2]]["reasons"])
    states = {(b["option"], b["column"]): b["state"] for b in by_serial[serials[3]]["boxes"]}
    assert states[(4, 0)] == "filled" and states[(1, 1)] == "doubtful"
    with Repo.open(db) as repo:  # reading entered nothing
        assert repo.votes.count_ballots(sid, "preliminary") == 0

    text = run("ballots", "scan", str(db), sid, str(scan), "--read-marks", "--enter").output
    assert "Se capturaron 2 boletas leídas sin dudas." in text
    assert "2 boletas necesitan que una persona las revise." in text
    with Repo.open(db) as repo:
        entered = {b.serial: b for b in repo.votes.ballots(sid, "preliminary")}
        assert set(entered) == set(serials[:2])
        assert entered[serials[0]].marks == ((2, 3), (4, 2), (1, 1))
        # The doubtful one, confirmed by a person on screen (as typed, corrected).
        repo.votes.enter_ballot(sid, "preliminary", "4", serial=serials[3], read_by="person")
        summary = repo.register.summary(sid, "preliminary")
        assert (summary.read_by_machine, summary.confirmed, summary.counted) == (2, 1, 3)
    register = run("ballots", "register", str(db), sid).output
    assert "Leídas por la máquina: 2" in register
    assert "Leídas y confirmadas por una persona: 1" in register
    # Read again: the ballots entered are duplicates now, nothing is entered twice.
    again = json.loads(run("ballots", "scan", str(db), sid, str(scan), "--read-marks",
                           "--enter", "--json").output)
    assert again["entered"] == [] and again["review"] == [serials[2]]


def test_enter_needs_read_marks(process, tmp_path):  # noqa: F811
    db, sid, _other = process
    scan = tmp_path / "x.png"
    cv2.imwrite(str(scan), np.full((50, 50), 255, np.uint8))
    result = run("ballots", "scan", str(db), sid, str(scan), "--enter", ok=False)
    assert result.exit_code != 0 and "--read-marks" in result.output


def test_the_panel_summary_shows_machine_read_and_confirmed(repo):
    from cocrea_desktop.store.register import RegisterSummary
    from cocrea_desktop.ui.views.paper_widgets import summary_text

    plain = RegisterSummary(issued=3, returned=3, not_returned=0, counted=3, void=0,
                            spoiled=0, without_serial=0)
    assert "máquina" not in summary_text(plain)
    read = RegisterSummary(issued=3, returned=3, not_returned=0, counted=3, void=0,
                           spoiled=0, without_serial=0, read_by_machine=2, confirmed=1)
    assert "Leídas por la máquina 2 · Confirmadas por una persona 1" in summary_text(read)
