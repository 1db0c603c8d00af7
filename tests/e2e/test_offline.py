"""No code path opens a network connection: the main flows run with sockets forbidden."""

from __future__ import annotations

import socket

import pytest

from cocrea_desktop.store.repo import Repo


class NetworkUsed(AssertionError):
    pass


@pytest.fixture
def no_network(monkeypatch):
    """Any attempt to create a socket or resolve a name fails the test."""
    def forbidden(*args, **kwargs):
        raise NetworkUsed("a network connection was attempted")

    monkeypatch.setattr(socket, "socket", forbidden)
    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(socket, "getaddrinfo", forbidden)
    yield


def test_main_flows_offline(no_network, tmp_path, qtbot):
    from PySide6.QtCore import Qt

    from cocrea_desktop.export.paper import print_ballots, read_scans
    from cocrea_desktop.store.demo import create_demo
    from cocrea_desktop.ui import qt_i18n
    from cocrea_desktop.ui.main_window import MainWindow

    qt_i18n.install("es")
    demo = create_demo(tmp_path / "demo.cocrea.db")
    window = MainWindow()
    qtbot.addWidget(window)
    assert window.open_path(demo)
    window.show()
    qtbot.keyClick(window.table, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)

    with Repo.create(tmp_path / "p.cocrea.db", name="Sin red") as repo:
        sid, _ = repo.add_session(method="nominal_group", question="¿Qué falta?")
        for text in ("Agua", "Luz", "Caminos", "Escuela"):
            repo.ideas.add(sid, text)
        for _step in range(4):
            repo.phases.forward(sid)
        serials = print_ballots(repo, sid, "preliminary", 4, tmp_path / "b.pdf")
        import pypdfium2 as pdfium

        page = pdfium.PdfDocument(str(tmp_path / "b.pdf"))[0].render(scale=200 / 72).to_pil()
        page.save(tmp_path / "scan.png")
        assert len(read_scans(repo, sid, "preliminary", [tmp_path / "scan.png"]).ready()) == 4
        repo.votes.enter_ballot(sid, "preliminary", "1 2 3", serial=serials[0])
        assert repo.votes.tally(sid, "preliminary").rows[0].option == 1
    window.close()


def test_the_guard_really_guards(no_network):
    with pytest.raises(NetworkUsed):
        socket.create_connection(("127.0.0.1", 9))
