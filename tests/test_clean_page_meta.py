"""An HTML page's own metadata read by Veille's readers (clean/page_meta.py), on invented pages."""

from __future__ import annotations

from veille.clean.html import extract_html
from veille.clean.page_meta import page_metadata, parse_page
from veille.common.hosts import host_of

BODY = ("<p>La commune de Valmorin a voté mardi un budget de 4 millions d'euros pour rénover son "
        "école, a annoncé la maire, Odile Ferrand, devant le conseil municipal réuni en séance.</p>"
        "<p>Les travaux commenceront au printemps et dureront deux ans, selon le calendrier présenté "
        "aux parents d'élèves, qui demandaient depuis longtemps une cantine plus grande.</p>")


def page(head: str, body: str = BODY, h1: str = "") -> str:
    return f"<html><head>{head}</head><body><article>{h1}{body}</article></body></html>"


def meta_of(html: str, url: str | None = None) -> dict[str, str]:
    tree = parse_page(html)
    assert tree is not None
    return page_metadata(tree, url)


def test_open_graph():
    html = page('<meta property="og:title" content="Valmorin rénove son école">'
                '<meta property="og:site_name" content="Le Courrier de Valmorin">'
                '<meta property="og:description" content="Un budget de 4 millions pour l&#39;école.">'
                '<meta property="og:url" content="https://www.courrier-valmorin.fr/ecole-renovee">'
                '<title>Valmorin rénove son école | Le Courrier de Valmorin</title>')
    assert meta_of(html) == {"title": "Valmorin rénove son école", "sitename": "Le Courrier de Valmorin",
                             "description": "Un budget de 4 millions pour l'école.",
                             "url": "https://www.courrier-valmorin.fr/ecole-renovee",
                             "hostname": "courrier-valmorin.fr"}


def test_json_ld_graph_headline_and_publisher():
    ld = ('{"@context": "https://schema.org", "@graph": [{"@type": "WebSite", "name": "Valmorin Matin"},'
          ' {"@type": ["NewsArticle"], "headline": "Une école neuve pour Valmorin",'
          ' "publisher": {"@type": "Organization", "name": "Valmorin Matin"}}]}')
    meta = meta_of(page(f'<script type="application/ld+json">{ld}</script>'))
    assert meta["title"] == "Une école neuve pour Valmorin"
    assert meta["sitename"] == "Valmorin Matin"


def test_no_metadata_at_all():
    assert meta_of(page("")) == {}
    # One heading and nothing else: the heading is the title the page gives.
    assert meta_of(page("", h1="<h1>Une école neuve à Valmorin</h1>")) == {"title": "Une école neuve à Valmorin"}


def test_conflicting_titles():
    # The title written for sharing wins over the <title>; the <title>'s short end is the site
    # when no tag names it; the headline the page shows is chosen later (clean/html.py).
    html = page('<meta property="og:title" content="Valmorin : l\'école rénovée pour 4 millions">'
                "<title>Une école neuve à Valmorin | Valmorin Matin</title>",
                h1="<h1>Une école neuve à Valmorin</h1>")
    meta = meta_of(html)
    assert meta["title"] == "Valmorin : l'école rénovée pour 4 millions"
    assert meta["sitename"] == "Valmorin Matin"
    # Without Open Graph: the <title>'s part the page sets as its heading, even one holding a dash.
    html = page("<title>Valmorin Matin - École - une rénovée, une fermée</title>",
                h1="<h1>École - une rénovée, une fermée</h1>")
    assert meta_of(html)["title"] == "École - une rénovée, une fermée"
    assert meta_of(html)["sitename"] == "Valmorin Matin"
    # A <title> worded otherwise than the page's one heading: the heading (its <br> a space), and
    # no site read from a <title> whose headline the page does not show.
    html = page("<title>Budget voté | Valmorin Matin</title>",
                h1="<h1>Valmorin vote<br>un budget pour son école</h1>")
    assert meta_of(html) == {"title": "Valmorin vote un budget pour son école"}
    # A title that is only the site's name says nothing of the article.
    html = page('<meta property="og:title" content="Valmorin Matin"><meta property="og:site_name" '
                'content="Valmorin Matin"><title>Une école neuve à Valmorin - Valmorin Matin</title>')
    assert meta_of(html)["title"] == "Une école neuve à Valmorin"


def test_malformed_json_ld_block():
    broken = '{"@type": "NewsArticle", "headline": "Titre coupé", '
    good = '{"@type": "NewsArticle", "headline": "Une école neuve pour Valmorin"}'
    html = page(f'<script type="application/ld+json">{broken}</script>'
                f'<script type="application/ld+json">{good}</script>')
    assert meta_of(html)["title"] == "Une école neuve pour Valmorin"
    only_broken = page(f'<script type="application/ld+json">{broken}</script>'
                       '<meta name="description" content="Un budget voté mardi.">')
    assert meta_of(only_broken) == {"description": "Un budget voté mardi."}


def test_placeholders_addresses_and_hosts():
    html = page('<meta property="og:site_name" content="[site:name]">'
                '<link rel="canonical" href="/ecole-renovee">'
                '<meta property="og:url" content="//www.valmorin-matin.fr/ecole">')
    assert meta_of(html) == {}  # (a template's placeholder, a relative link: nothing)
    html = page('<meta property="og:url" content="https://www.valmorin-matin.fr/ecole">'
                '<link rel="canonical" href="https://www.agence-exemple.fr/origine">')
    assert meta_of(html)["url"] == "https://www.valmorin-matin.fr/ecole"  # (its own address first)
    given = meta_of(html, url="https://valmorin-matin.fr/autre")
    assert given["url"] == "https://valmorin-matin.fr/autre" and given["hostname"] == "valmorin-matin.fr"
    assert host_of("https://WWW.Exemple.fr/a") == "exemple.fr" and host_of(None) is None
    assert meta_of(page('<link rel="canonical" href="http://[valmorin">')) == {}  # (no address to read)


def test_extract_html_reads_its_metadata_and_date_from_one_parse():
    html = page('<meta property="og:title" content="Valmorin rénove son école">'
                '<meta property="og:site_name" content="Le Courrier de Valmorin">'
                '<meta property="article:published_time" content="2024-03-05T09:30:00+01:00">',
                h1="<h1>Valmorin rénove son école</h1>")
    cleaned, extra = extract_html(html)
    assert cleaned.title == "Valmorin rénove son école"
    assert extra["meta"]["date"] == "2024-03-05"
    assert extra["meta"]["sitename"] == "Le Courrier de Valmorin"
    assert any("cantine" in p for p in cleaned.paragraphs)
    # A page the parser cannot read gives no metadata and no error.
    assert extract_html("")[1]["meta"] == {}
