"""Extraction from the corpus's HTML pages, written in the styles of real platforms."""

import json

import pytest

from argmine.ingest import read_source
from conftest import CORPUS

PAGES = sorted((CORPUS / "html").glob("*.html"))


def _expected(page):
    return json.loads(page.with_suffix(".expected.json").read_text(encoding="utf-8"))


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_main_text_has_the_article_and_none_of_the_boilerplate(page):
    expected, document = _expected(page), read_source(page)
    assert [s for s in expected["must_contain"] if s not in document.text] == []
    assert [s for s in expected["must_not_contain"] if s in document.text] == []


@pytest.mark.parametrize("page", PAGES, ids=[p.stem for p in PAGES])
def test_date_comes_out_right(page):
    assert read_source(page).metadata.date == _expected(page)["date"]


def test_titles_and_authors_mostly_right():
    right_title = right_author = 0
    for page in PAGES:
        expected, metadata = _expected(page), read_source(page).metadata
        right_title += metadata.title == expected["title"]
        right_author += metadata.author == expected.get("author")
    assert right_title >= 0.9 * len(PAGES) and right_author >= 0.9 * len(PAGES)


def test_extraction_at_least_as_good_as_trafilatura_precision_mode():
    """Count snippets found and boilerplate kept out, against trafilatura's favor_precision."""
    import trafilatura

    ours = theirs = 0
    for page in PAGES:
        expected = _expected(page)
        raw = page.read_bytes()
        baseline = trafilatura.extract(raw, favor_precision=True, include_comments=False) or ""
        text = read_source(page).text
        ours += sum(s in text for s in expected["must_contain"]) + sum(
            s not in text for s in expected["must_not_contain"]
        )
        theirs += sum(s in baseline for s in expected["must_contain"]) + sum(
            s not in baseline for s in expected["must_not_contain"]
        )
    assert ours >= theirs


def test_links_keep_their_targets():
    html = (
        "<html><body><article><h1>Titre</h1><p>Selon <a href='https://www.insee.fr/fr/statistiques'>"
        "l'Insee</a>, le nombre de demandeurs d'emploi a reculé de 3 % sur un an, une baisse attendue.</p>"
        "<p>Un second paragraphe assez long pour que la page ait un texte principal à extraire.</p>"
        "</article></body></html>"
    )
    from argmine.ingest import document_from_text

    document = document_from_text(html, html=True)
    link = next(link for link in document.links if "insee" in link.href)
    assert document.text[link.start : link.end] == "l'Insee"
