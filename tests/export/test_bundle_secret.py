"""The ballots' MAC key never travels in clear: sealed to the office, or left out."""

from __future__ import annotations

import pytest

from cocrea_desktop.core.errors import StorageError
from cocrea_desktop.export import bundle as B
from cocrea_desktop.store.repo import Repo


def test_ballot_secret_is_not_in_a_bundle_without_office_key(repo, db_path, tmp_path):
    secret_hex = repo.ballot_secret().hex()
    device = repo.pf.device
    repo.close()
    data = B.export_bundle(db_path, device=device).data
    assert secret_hex.encode() not in data
    office = tmp_path / "oficina.cocrea.db"
    with Repo(B.new_process_from_bundle(office)) as at_office:
        B.import_bundle(at_office.pf, B.open_bundle(data), accept_key=True)
        assert at_office.process().name == "Plan de Acción Local 2027"
        with pytest.raises(StorageError) as err:
            at_office.ballot_secret()
        assert "llave de la oficina" in str(err.value)
