"""The docs are checked: every method, vote kind and setting is documented, links resolve."""

from __future__ import annotations

import dataclasses
import re
from pathlib import Path

import pytest

from cocrea_desktop import i18n
from cocrea_desktop.core.methods import all_methods
from cocrea_desktop.store.settings import Settings

ROOT = Path(__file__).resolve().parent.parent
DOCS = ROOT / "docs"


def read(name: str) -> str:
    return (DOCS / name).read_text("utf-8")


def test_every_method_is_in_both_user_guides():
    spanish, english = read("guia-facilitador.md"), read("facilitator-guide.md")
    for method in all_methods():
        assert method.title in spanish, method.key
        i18n.set_language("en")
        try:
            assert method.title_text() in english, method.key
        finally:
            i18n.set_language("es")


def test_every_vote_kind_is_documented():
    text = read("voting.md")
    for kind in ("ranked", "dots", "counts", "criteria", "RankedRule", "DotsRule",
                 "CriteriaRule"):
        assert f"`{kind}`" in text or kind in text


def test_every_setting_is_documented():
    text = read("settings.md")
    for field in dataclasses.fields(Settings):
        assert f"`{field.name}`" in text, field.name


@pytest.mark.parametrize("page", sorted(DOCS.glob("*.md")) + [ROOT / "README.md"],
                         ids=lambda p: p.name)
def test_local_links_and_images_resolve(page):
    text = page.read_text("utf-8")
    missing = []
    for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", text):
        if "://" in target or target.startswith("mailto:"):
            continue
        if not (page.parent / target).exists():
            missing.append(target)
    assert missing == []
