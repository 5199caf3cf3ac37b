import pytest

from argmine.ingest.text import display_title, parse_text
from conftest import EXAMPLE, SEED


@pytest.fixture(scope="module")
def seed_document():
    if not SEED.exists():
        pytest.skip("the shared seed is not beside this checkout")
    return parse_text(SEED.read_text(encoding="utf-8"))


def test_seed_title_in_normal_case_and_kept_as_written_in_text(seed_document):
    assert seed_document.metadata.title == "La fin des experts en réseaux sociaux ?"
    assert seed_document.text.startswith("LA FIN DES EXPERTS EN RÉSEAUX SOCIAUX?")


def test_seed_category_and_empty_date_become_metadata(seed_document):
    assert seed_document.metadata.category == "Réseaux sociaux"
    assert seed_document.metadata.date is None
    assert "PUBLIÉ LE" not in seed_document.text and "Categorie" not in seed_document.text


def test_seed_comment_form_is_not_main_text(seed_document):
    for boilerplate in ("Laissez un commentaire", "ne sera pas publiée", "champs obligatoires"):
        assert boilerplate not in seed_document.text


def test_seed_credit_becomes_a_caption(seed_document):
    captions = [seed_document.text[p.start : p.end] for p in seed_document.paragraphs if p.kind == "caption"]
    assert captions == ["Thinkopolis-Year-in-Review\nSource: www.workopolis.com"]


def test_seed_heading_is_its_own_paragraph(seed_document):
    headings = [seed_document.text[p.start : p.end] for p in seed_document.paragraphs if p.kind == "heading"]
    assert "VRAIES TENDANCES, MAUVAISES CONCLUSIONS ?" in headings


def test_byline_and_french_date_become_metadata():
    document = parse_text(EXAMPLE.read_text(encoding="utf-8"))
    assert document.metadata.author == "Camille Roussel"
    assert document.metadata.date == "2025-03-14"
    assert document.metadata.category == "Travail"
    assert "Par Camille Roussel" not in document.text


def test_markdown_links_keep_their_targets():
    document = parse_text("# Titre\n\nSelon [l'Insee](https://www.insee.fr/x), le chômage baisse.\n")
    (link,) = document.links
    assert document.text[link.start : link.end] == "l'Insee"
    assert link.href == "https://www.insee.fr/x"


def test_markdown_lists_and_quotes_keep_their_kind():
    document = parse_text("Titre\n\n- Premier point à retenir.\n- Second point.\n\n> « Il faut agir », dit-elle.\n")
    assert [p.kind for p in document.paragraphs] == ["heading", "list_item", "list_item", "quote"]


def test_display_title_leaves_mixed_case_alone():
    assert display_title("Le télétravail, une chance ?") == "Le télétravail, une chance ?"
