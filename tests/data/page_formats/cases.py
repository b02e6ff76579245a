"""Invented news pages, one per format of a headline or a publication stamp (issue 11).

Every outlet, person, place and sentence here is invented for these checks. A case is a small HTML
page built by ``page()`` (the head's metadata, furniture before the headline, the headline, lines
under it, the article's paragraphs, furniture after it), read as HTML and as the dumps lynx and w3m
write of it (``bench/page_formats.py``); ``title`` and ``published`` are what Veille should give
(``published`` None: nothing on the page dates the article).
"""

from __future__ import annotations

import html
import json

SITE = "Le Courrier de Valmorin"

TOPICS = {
    "pont": [
        "La commune de Valmorin a inauguré samedi un pont piéton au-dessus de la rivière Lisse, après "
        "deux ans de travaux et un chantier interrompu par les crues de l'hiver. Le maire, Octave Brunel, "
        "a salué un ouvrage attendu depuis longtemps par les riverains du quartier des Tanneurs.",
        "Le pont relie désormais ce quartier à la gare, ce qui évite aux piétons un détour de près de deux "
        "kilomètres par la route départementale, selon les services techniques de la mairie.",
        "Les travaux ont coûté 1,2 million d'euros, financés pour moitié par la région. Une seconde "
        "passerelle est à l'étude plus en aval, a indiqué l'adjointe chargée des mobilités, Lise Marchal.",
    ],
    "greve": [
        "Les conducteurs de bus du réseau de Pontarlieu ont cessé le travail lundi matin à l'appel de trois "
        "syndicats, qui réclament une hausse des salaires et des effectifs supplémentaires sur les lignes de nuit.",
        "Seul un bus sur trois circulait en fin de matinée, selon la direction du réseau, qui dit regretter "
        "un mouvement engagé alors que les négociations annuelles devaient s'ouvrir la semaine prochaine.",
        "Les représentants du personnel doivent être reçus mercredi par le président de l'agglomération, "
        "Armand Lefranc, qui a promis de « mettre toutes les propositions sur la table ».",
    ],
    "port": [
        "Le port de commerce de Saint-Arbel a accueilli jeudi le plus grand cargo de son histoire, un navire "
        "de 300 mètres chargé de conteneurs venus d'Asie, au terme d'une manœuvre de près de trois heures.",
        "L'arrivée de ce type de navire était impossible avant les travaux de dragage achevés au printemps, "
        "qui ont porté la profondeur du chenal à seize mètres, selon la capitainerie.",
        "La chambre de commerce espère doubler le trafic d'ici à cinq ans, mais des associations de "
        "pêcheurs s'inquiètent de l'effet des dragages répétés sur les fonds de la baie.",
    ],
    "vote": [
        "Le conseil régional du Vercorin a adopté vendredi, par 48 voix contre 31, un budget en hausse de "
        "4 % consacré pour un tiers aux transports, après une séance de plus de dix heures.",
        "L'opposition a dénoncé un budget « en trompe-l'œil », reprochant à la majorité de financer ses "
        "nouvelles lignes de car par une hausse des tarifs des cantines des lycées.",
        "La présidente de la région, Mathilde Aubriot, a répondu que les tarifs resteraient parmi les plus bas "
        "du pays et que l'aide aux familles modestes serait doublée dès la rentrée.",
    ],
}

MENU = ["Accueil", "Politique", "Économie", "Société", "Sports", "Culture"]
FOOTER = ["Mentions légales", "Contact", "Publicité", "© Le Courrier de Valmorin"]
TEASERS = [
    ("Les commerçants du centre-ville inquiets avant les travaux du tramway", "12 janvier 2021"),
    ("Un nouveau directeur pour l'hôpital de Pontarlieu", "8 février 2021"),
    ("Le festival de jazz de Saint-Arbel dévoile sa programmation", "20 février 2021"),
]
COMMENTS = [
    ("Gérard_du_38", "le 9 avril 2022 à 10h12", "Enfin ! On attendait ça depuis des années."),
    ("Martine L.", "le 9 avril 2022 à 11h40", "Et le stationnement, on en parle quand ?"),
]


def esc(text: str) -> str:
    return html.escape(text, quote=True)


def page(h1: str | None, topic: str = "pont", *, title_tag: str | None = None, og_title: str | None = None,
         meta_date: str | None = None, jsonld: dict | None = None, above: list[str] = (),
         under: list[str] = (), after: list[str] = (), teasers_before: bool = False,
         teasers_after: bool = False, comments: bool = False, standfirst: str | None = None,
         canonical: str | None = None, h1_glued: str | None = None) -> str:
    """A small news page as a CMS prints it (every part optional but the paragraphs)."""
    head = ['<meta charset="utf-8">']
    head.append(f"<title>{esc(title_tag if title_tag is not None else (h1 or '') + ' | ' + SITE)}</title>")
    if og_title:
        head.append(f'<meta property="og:title" content="{esc(og_title)}">')
    if meta_date:
        head.append(f'<meta property="article:published_time" content="{esc(meta_date)}">')
    if canonical:
        head.append(f'<link rel="canonical" href="{esc(canonical)}">')
    if jsonld:
        head.append(f'<script type="application/ld+json">{json.dumps(jsonld, ensure_ascii=False)}</script>')
    nav = "".join(f'<li><a href="/{i}">{esc(m)}</a></li>' for i, m in enumerate(MENU))
    teaser_html = ('<aside><h2>Les plus lus</h2><ul>' + "".join(
        f'<li><a href="/t{i}">{esc(t)}</a> <span class="date">{esc(d)}</span></li>'
        for i, (t, d) in enumerate(TEASERS)) + "</ul></aside>")
    body = [f'<header><div class="logo">{esc(SITE)}</div><nav><ul>{nav}</ul></nav></header>']
    if teasers_before:
        body.append(teaser_html)
    body.append("<main><article>")
    body.extend(above)
    if h1 is not None:
        glued = f" <span>{esc(h1_glued)}</span>" if h1_glued else ""
        body.append(f"<h1>{esc(h1)}{glued}</h1>")
    if standfirst:
        body.append(f'<p class="chapo"><strong>{esc(standfirst)}</strong></p>')
    body.extend(under)
    body.extend(f"<p>{esc(p)}</p>" for p in TOPICS[topic])
    body.append("</article>")
    body.extend(after)
    if comments:
        body.append("<section><h2>Commentaires</h2>" + "".join(
            f'<div class="comment"><b>{esc(a)}</b> <span>{esc(d)}</span><p>{esc(c)}</p></div>'
            for a, d, c in COMMENTS) + "</section>")
    if teasers_after:
        body.append(teaser_html)
    body.append("</main>")
    body.append("<footer><ul>" + "".join(f"<li>{esc(f)}</li>" for f in FOOTER) + "</ul></footer>")
    return ("<!DOCTYPE html><html lang=\"fr\"><head>" + "".join(head) + "</head><body>"
            + "".join(body) + "</body></html>")


def p(text: str, cls: str = "meta") -> str:
    return f'<p class="{cls}">{esc(text)}</p>'


H = {
    "pont": "Un pont piéton relie enfin les deux rives de la Lisse",
    "greve": "Grève des bus à Pontarlieu : un véhicule sur trois en circulation",
    "port": "Le port de Saint-Arbel accueille le plus grand cargo de son histoire",
    "vote": "Le Vercorin adopte un budget tourné vers les transports",
}

# Each case: id, category, page (HTML), expected title, expected published, optional url.
CASES: list[dict] = [
    # -- publication stamps ------------------------------------------------------------------------
    dict(id="stamp-publie-long", cat="stamp", html=page(H["pont"], under=[p("Publié le 3 mars 2023 à 14h05")]),
         title=H["pont"], published="2023-03-03"),
    dict(id="stamp-publie-slash", cat="stamp",
         html=page(H["greve"], "greve", under=[p("Par Armelle Donzé"), p("Publié le 03/03/2023 à 14:05")]),
         title=H["greve"], published="2023-03-03"),
    dict(id="stamp-maj-then-publie", cat="stamp",
         html=page(H["port"], "port", under=[p("Mis à jour le 5 mars 2023 à 09h10"), p("Publié le 3 mars 2023 à 14h05")]),
         title=H["port"], published="2023-03-03"),
    dict(id="stamp-publie-then-maj", cat="stamp",
         html=page(H["vote"], "vote", under=[p("Publié le 3 mars 2023 à 14h05 - Mis à jour le 5 mars 2023 à 09h10")]),
         title=H["vote"], published="2023-03-03"),
    dict(id="stamp-le-h-spaced", cat="stamp", html=page(H["pont"], under=[p("Le 3 mars 2023 à 14 h 05")]),
         title=H["pont"], published="2023-03-03"),
    dict(id="stamp-dotted", cat="stamp", html=page(H["greve"], "greve", under=[p("Armelle Donzé"), p("03.03.2023, 14:05")]),
         title=H["greve"], published="2023-03-03"),
    dict(id="stamp-pipe", cat="stamp", html=page(H["port"], "port", under=[p("3 mars 2023 | 14h05")]),
         title=H["port"], published="2023-03-03"),
    dict(id="stamp-weekday", cat="stamp", html=page(H["vote"], "vote", under=[p("Vendredi 3 mars 2023")]),
         title=H["vote"], published="2023-03-03"),
    dict(id="stamp-relative-only", cat="stamp", html=page(H["pont"], under=[p("Publié il y a 3 heures")]),
         title=H["pont"], published=None),
    dict(id="stamp-english", cat="stamp", html=page(H["greve"], "greve", under=[p("March 3, 2023 at 2:05 pm")]),
         title=H["greve"], published="2023-03-03"),
    dict(id="stamp-byline", cat="stamp", html=page(H["port"], "port", under=[p("Par Anne Roy, le 3 mars 2023")]),
         title=H["port"], published="2023-03-03"),
    dict(id="stamp-byline-after", cat="stamp",
         html=page(H["vote"], "vote", after=[p("Par Anne Roy, le 3 mars 2023 à 14h05")]),
         title=H["vote"], published="2023-03-03", light_only=True),  # (heavy() sets it under the related links)
    dict(id="stamp-url-only", cat="stamp", html=page(H["pont"]),
         url="https://www.courrier-valmorin.example/societe/2023/03/03/un-pont-pieton-relie-enfin-les-deux-rives",
         title=H["pont"], published="2023-03-03"),
    dict(id="stamp-meta-only", cat="stamp", html=page(H["greve"], "greve", meta_date="2023-03-03T14:05:00+01:00"),
         title=H["greve"], published="2023-03-03", html_only=True),
    dict(id="stamp-jsonld-only", cat="stamp",
         html=page(H["port"], "port", jsonld={"@context": "https://schema.org", "@type": "NewsArticle",
                                               "headline": H["port"], "datePublished": "2023-03-03T14:05:00+01:00",
                                               "dateModified": "2023-03-05T09:10:00+01:00"}),
         title=H["port"], published="2023-03-03", html_only=True),
    dict(id="stamp-time-tag", cat="stamp",
         html=page(H["vote"], "vote", under=['<p>Publié le <time datetime="2023-03-03T14:05">3 mars 2023</time></p>']),
         title=H["vote"], published="2023-03-03"),
    dict(id="stamp-no-year-weekday", cat="stamp",
         html=page(H["pont"], under=[p("Publié le vendredi 3 mars à 14h05")], after=[p("© 2023 " + SITE)]),
         title=H["pont"], published="2023-03-03"),
    # (Alone, a year-less day is not dated: the same day falls on a Friday every few years.)
    dict(id="stamp-no-year-alone", cat="stamp", html=page(H["greve"], "greve", under=[p("Publié le vendredi 3 mars à 14h05")]),
         title=H["greve"], published=None, alone=True),
    dict(id="stamp-teasers-before", cat="stamp",
         html=page(H["greve"], "greve", teasers_before=True, under=[p("Publié le 3 mars 2023 à 14h05")]),
         title=H["greve"], published="2023-03-03"),
    dict(id="stamp-teasers-no-own", cat="stamp", html=page(H["port"], "port", teasers_after=True),
         title=H["port"], published=None),
    dict(id="stamp-comments", cat="stamp", html=page(H["pont"], comments=True, under=[p("Publié le 8 avril 2022")]),
         title=H["pont"], published="2022-04-08"),
    dict(id="stamp-comments-no-own", cat="stamp", html=page(H["pont"], comments=True),
         title=H["pont"], published=None),
    dict(id="stamp-event-date", cat="stamp",
         html=page(H["vote"], "vote", under=[p("Le vote aura lieu le 12 avril 2024 au siège de la région.", "chapo")]),
         title=H["vote"], published=None),
    dict(id="stamp-abbr-month", cat="stamp", html=page(H["greve"], "greve", under=[p("Publié le 3 mars 2023"), p("Mis à jour le 4 avr. 2023")]),
         title=H["greve"], published="2023-03-03"),
    dict(id="stamp-iso-line", cat="stamp", html=page(H["port"], "port", under=[p("2023-03-03 14:05")]),
         title=H["port"], published="2023-03-03"),
    dict(id="stamp-creation", cat="stamp", html=page(H["vote"], "vote", under=[p("Créé le 03/03/2023 à 14h05, modifié le 04/03/2023 à 08h00")]),
         title=H["vote"], published="2023-03-03"),
    dict(id="stamp-en-ligne", cat="stamp", html=page(H["pont"], under=[p("Mis en ligne le 3 mars 2023")]),
         title=H["pont"], published="2023-03-03"),
    # -- headlines ---------------------------------------------------------------------------------
    dict(id="title-kicker", cat="title",
         html=page(H["greve"], "greve", above=[p("SOCIAL", "kicker")], under=[p("Publié le 3 mars 2023")]),
         title=H["greve"], published="2023-03-03"),
    dict(id="title-long-wrapped", cat="title",
         html=page("Le conseil régional du Vercorin adopte après dix heures de débat un budget en hausse "
                   "tourné vers les transports et les lycées", "vote", under=[p("Publié le 3 mars 2023")]),
         title="Le conseil régional du Vercorin adopte après dix heures de débat un budget en hausse "
               "tourné vers les transports et les lycées", published="2023-03-03"),
    dict(id="title-glued-standfirst", cat="title",
         html=page(H["pont"], h1_glued="Après deux ans de travaux, les piétons gagnent un accès direct à la gare.",
                   under=[p("Publié le 3 mars 2023")]),
         title=H["pont"], published="2023-03-03"),
    dict(id="title-site-tail-bar", cat="title",
         html=page(None, "port", title_tag=H["port"] + " | " + SITE, under=[p("Publié le 3 mars 2023")]),
         title=H["port"], published="2023-03-03", html_only=True),
    dict(id="title-site-tail-dash", cat="title",
         html=page(None, "vote", title_tag=H["vote"] + " - " + SITE, og_title=H["vote"], under=[p("Publié le 3 mars 2023")]),
         title=H["vote"], published="2023-03-03", html_only=True),
    dict(id="title-breadcrumb", cat="title",
         html=page(H["port"], "port", above=[p("Accueil > Économie > " + H["port"], "crumbs")],
                   under=[p("Publié le 3 mars 2023")]),
         title=H["port"], published="2023-03-03"),
    dict(id="title-caps", cat="title",
         html=page("GRÈVE MASSIVE DES BUS À PONTARLIEU", "greve", under=[p("Publié le 3 mars 2023")]),
         title="GRÈVE MASSIVE DES BUS À PONTARLIEU", published="2023-03-03"),
    dict(id="title-quote", cat="title",
         html=page("« Nous ne reculerons pas » : les chauffeurs de bus de Pontarlieu en grève", "greve",
                   under=[p("Publié le 3 mars 2023")]),
         title="« Nous ne reculerons pas » : les chauffeurs de bus de Pontarlieu en grève", published="2023-03-03"),
    dict(id="title-quote-only", cat="title",
         html=page("« On attendait ce pont depuis vingt ans »", under=[p("Publié le 3 mars 2023")]),
         title="« On attendait ce pont depuis vingt ans »", published="2023-03-03"),
    dict(id="title-question", cat="title",
         html=page("Le port de Saint-Arbel est-il trop petit pour ses ambitions ?", "port", under=[p("Publié le 3 mars 2023")]),
         title="Le port de Saint-Arbel est-il trop petit pour ses ambitions ?", published="2023-03-03"),
    dict(id="title-exclaim", cat="title",
         html=page("Enfin un pont sur la Lisse !", under=[p("Publié le 3 mars 2023")]),
         title="Enfin un pont sur la Lisse !", published="2023-03-03"),
    dict(id="title-colon", cat="title",
         html=page("Vercorin : la région vote un budget record", "vote", under=[p("Publié le 3 mars 2023")]),
         title="Vercorin : la région vote un budget record", published="2023-03-03"),
    dict(id="title-live", cat="title",
         html=page("DIRECT. Grève des bus à Pontarlieu : suivez la journée", "greve",
                   under=[p("Publié le 3 mars 2023 à 07h00, mis à jour à 18h30")]),
         title="Grève des bus à Pontarlieu : suivez la journée", published="2023-03-03"),  # (a label in capitals is cut)
    dict(id="title-short-teasers", cat="title",
         html=page("Le pont est ouvert", teasers_before=True, under=[p("Publié le 3 mars 2023")]),
         title="Le pont est ouvert", published="2023-03-03"),
    dict(id="title-short-teasers-after", cat="title",
         html=page("Le budget adopté", "vote", teasers_after=True, under=[p("Publié le 3 mars 2023")]),
         title="Le budget adopté", published="2023-03-03"),
    dict(id="title-standfirst", cat="title",
         html=page(H["vote"], "vote", standfirst="Les élus ont débattu plus de dix heures avant le vote final.",
                   under=[p("Par Anne Roy"), p("Publié le 3 mars 2023")]),
         title=H["vote"], published="2023-03-03"),
]

# Pages as a text dump only (a tool's own style, not rendered from HTML).
TEXT_CASES: list[dict] = [
    dict(id="text-title-line", cat="title", text=(
        "TITLE: " + H["pont"] + " | " + SITE + "\n\n" + SITE + "\n\nAccueil  Politique  Société  Sports\n\n"
        + H["pont"] + "\n\nPublié le 3 mars 2023 à 14h05\n\n" + "\n\n".join(TOPICS["pont"]) + "\n\n"
        + "Mentions légales  Contact\n"), title=H["pont"], published="2023-03-03"),
    dict(id="text-title-line-dash", cat="title", text=(
        "Title: " + H["greve"] + " - " + SITE + "\n\n" + H["greve"] + "\n\nLe 3 mars 2023\n\n"
        + "\n\n".join(TOPICS["greve"]) + "\n"), title=H["greve"], published="2023-03-03"),
    dict(id="text-hash-header", cat="title", text=(
        "   #" + SITE + " » Flux " + H["port"] + " alternate\n\n   " + SITE + "\n     * Accueil\n     * Économie\n\n"
        + H["port"] + "\n\n   Publié le 3 mars 2023\n\n" + "\n\n".join("   " + t for t in TOPICS["port"]) + "\n"),
         title=H["port"], published="2023-03-03"),
]

# More stamp and headline forms (second round).
CASES += [
    dict(id="stamp-today-relative", cat="stamp", html=page(H["port"], "port", under=[p("Publié aujourd'hui à 14h05")]),
         title=H["port"], published=None),
    dict(id="stamp-actualise-first", cat="stamp",
         html=page(H["vote"], "vote", under=[p("Actualisé le 05/03/2023 · Publié le 03/03/2023")]),
         title=H["vote"], published="2023-03-03"),
    dict(id="stamp-maj-abbr", cat="stamp",
         html=page(H["pont"], under=[p("MAJ 05/03/2023 à 09:10"), p("Publié 03/03/2023 à 14:05")]),
         title=H["pont"], published="2023-03-03"),
    dict(id="stamp-date-de-publication", cat="stamp",
         html=page(H["greve"], "greve", under=[p("Date de publication : 3 mars 2023")]),
         title=H["greve"], published="2023-03-03"),
    dict(id="stamp-unlabelled-then-maj", cat="stamp",
         html=page(H["port"], "port", under=[p("3 mars 2023 à 14:05 - Mis à jour le 5 mars 2023 à 09:10")]),
         title=H["port"], published="2023-03-03"),
    dict(id="stamp-byline-dash", cat="stamp", html=page(H["vote"], "vote", under=[p("Par Anne Roy - 3 mars 2023")]),
         title=H["vote"], published="2023-03-03"),
    dict(id="stamp-byline-bullets", cat="stamp",
         html=page(H["pont"], under=[p("Anne Roy • 03/03/2023 • 4 min de lecture")]),
         title=H["pont"], published="2023-03-03"),
    dict(id="stamp-reading-time", cat="stamp",
         html=page(H["greve"], "greve", under=[p("Publié le 3 mars 2023 à 14h05 • Lecture 3 min")]),
         title=H["greve"], published="2023-03-03"),
    dict(id="stamp-published-on-en", cat="stamp",
         html=page(H["port"], "port", under=[p("Published on March 3, 2023")]),
         title=H["port"], published="2023-03-03"),
    dict(id="stamp-en-abbr", cat="stamp", html=page(H["vote"], "vote", under=[p("Mar 3, 2023, 2:05 PM")]),
         title=H["vote"], published="2023-03-03"),
    dict(id="stamp-en-day-first", cat="stamp", html=page(H["pont"], under=[p("3 March 2023")]),
         title=H["pont"], published="2023-03-03"),
    dict(id="stamp-le-weekday-time", cat="stamp",
         html=page(H["greve"], "greve", under=[p("Le vendredi 3 mars 2023 à 14:05")]),
         title=H["greve"], published="2023-03-03"),
    dict(id="stamp-short-year", cat="stamp", html=page(H["port"], "port", under=[p("publié le 3/3/23")]),
         title=H["port"], published="2023-03-03"),
    dict(id="stamp-dateline", cat="stamp",
         html=page(H["vote"], "vote", under=[p("VALMORIN, 3 mars 2023 (Agence Vercorin Presse) – Les élus "
                                               "ont siégé toute la journée au palais régional.", "lead")]),
         title=H["vote"], published="2023-03-03"),
    dict(id="stamp-above-headline", cat="stamp",
         html=page(H["pont"], above=[p("Publié le 3 mars 2023 à 14h05")]),
         title=H["pont"], published="2023-03-03"),
    dict(id="stamp-after-body", cat="stamp",
         html=page(H["greve"], "greve", after=[p("Publié le 3 mars 2023 à 14h05")]),
         title=H["greve"], published="2023-03-03", far_in_heavy=True),
    dict(id="stamp-related-under-title", cat="stamp",
         html=page(H["port"], "port", under=[p("Publié le 3 mars 2023"),
                                             p("Lire aussi : Le port de Saint-Arbel agrandi (12 janvier 2021)")]),
         title=H["port"], published="2023-03-03"),
    dict(id="stamp-publie-par", cat="stamp",
         html=page(H["vote"], "vote", under=[p("Publié par Anne Roy le 3 mars 2023 à 14h05")]),
         title=H["vote"], published="2023-03-03"),
    dict(id="stamp-month-caps", cat="stamp", html=page(H["pont"], under=[p("03 MARS 2023")]),
         title=H["pont"], published="2023-03-03"),
    dict(id="stamp-first-of-month", cat="stamp", html=page(H["greve"], "greve", under=[p("Publié le 1er mars 2023")]),
         title=H["greve"], published="2023-03-01"),
    dict(id="title-h1-logo", cat="title",
         html=page(None, "port", title_tag=H["port"], above=[f"<h1>{esc(SITE)}</h1>", f"<h2>{esc(H['port'])}</h2>"],
                   under=[p("Publié le 3 mars 2023")]),
         title=H["port"], published="2023-03-03"),
    dict(id="title-stamp-above", cat="title",
         html=page("Saint-Arbel : record battu", "port", above=[p("03/03/2023")]),
         title="Saint-Arbel : record battu", published="2023-03-03"),
    dict(id="title-a-la-une", cat="title",
         html=page(H["vote"], "vote", above=["<section><h2>À la une</h2>"
                                             "<h3><a href='/a'>Les commerçants du centre-ville inquiets avant les travaux</a></h3>"
                                             "<h3><a href='/b'>Un nouveau directeur pour l'hôpital de Pontarlieu</a></h3></section>"],
                   under=[p("Publié le 3 mars 2023")]),
         title=H["vote"], published="2023-03-03"),
    dict(id="title-caption-under", cat="title",
         html=page(H["pont"], under=[p("Publié le 3 mars 2023"), '<figure><img src="x.jpg" alt="">'
                                     '<figcaption>Le nouveau pont, samedi. Photo Lise Marchal</figcaption></figure>']),
         title=H["pont"], published="2023-03-03"),
    dict(id="title-number", cat="title",
         html=page("5 choses à savoir sur le nouveau pont de Valmorin", under=[p("Publié le 3 mars 2023")]),
         title="5 choses à savoir sur le nouveau pont de Valmorin", published="2023-03-03"),
    dict(id="title-ellipsis", cat="title",
         html=page("Le budget est voté, mais le plus dur commence…", "vote", under=[p("Publié le 3 mars 2023")]),
         title="Le budget est voté, mais le plus dur commence…", published="2023-03-03"),
    dict(id="title-video-label", cat="title",
         html=page("VIDÉO. Le plus grand cargo de son histoire entre au port de Saint-Arbel", "port",
                   under=[p("Publié le 3 mars 2023")]),
         title="Le plus grand cargo de son histoire entre au port de Saint-Arbel", published="2023-03-03"),
    dict(id="title-two-words", cat="title",
         html=page("Grève reconduite", "greve", teasers_after=True, under=[p("Publié le 3 mars 2023")]),
         title="Grève reconduite", published="2023-03-03"),
]

# -- the same pages with the furniture of a big news site ------------------------------------------
MEGA_MENU = ["International", "Politique", "Économie", "Société", "Environnement", "Sciences", "Sports",
             "Culture", "Idées", "Vidéos", "Podcasts", "Newsletters", "Abonnez-vous", "Se connecter"]
UNE = [("Les commerçants du centre-ville inquiets avant les travaux du tramway", "12/01/2021"),
       ("Un nouveau directeur pour l'hôpital de Pontarlieu", "08/02/2021"),
       ("Le festival de jazz de Saint-Arbel dévoile sa programmation", "20/02/2021"),
       ("Incendie dans une usine de la zone industrielle du Vercorin", "21/02/2021")]
RELATED = [("Valmorin : la mairie lance une consultation sur les mobilités", "Publié le 14/11/2022"),
           ("Les crues de la Lisse ont coûté 3 millions d'euros à la commune", "Publié le 02/02/2022"),
           ("La région promet trois nouvelles lignes de car", "Publié le 19/09/2022")]


def heavy(page_html: str, topic: str) -> str:
    """A page with the furniture of a big site around the article: a long menu, a block of dated
    headlines, a breadcrumb, share buttons, a picture and its credit, an intertitle and a "Lire
    aussi" link in the text, tags, an author's note, dated related links, a newsletter box and a
    footer with a copyright year."""
    top = ("<div class='top'><a href='/'>" + esc(SITE) + "</a> <span>S'abonner</span> <span>Se connecter</span></div>"
           + "<nav><ul>" + "".join(f"<li><a href='/r{i}'>{esc(m)}</a></li>" for i, m in enumerate(MEGA_MENU)) + "</ul></nav>"
           + "<section class='une'><h2>À la une</h2>" + "".join(
               f"<div><h3><a href='/u{i}'>{esc(t)}</a></h3><span>{esc(d)}</span></div>" for i, (t, d) in enumerate(UNE))
           + "</section><div class='crumbs'><a href='/'>Accueil</a> › <a href='/societe'>Société</a></div>")
    paras = TOPICS[topic]
    figure = ("<div class='share'><a>Partager sur Facebook</a> <a>Partager sur X</a> <a>Copier le lien</a></div>"
              "<figure><img src='photo.jpg' alt=''><figcaption>Sur place, jeudi. © Photo Lise Marchal / "
              + esc(SITE) + "</figcaption></figure>")
    inside = ("<h2>Un calendrier serré</h2><p><a href='/lire'>Lire aussi : Les crues de la Lisse ont coûté "
              "3 millions d'euros à la commune</a></p>")
    tail = ("<div class='tags'><a>Valmorin</a> <a>Transports</a> <a>Région</a></div>"
            "<div class='author'><b>Anne Roy</b><p>Journaliste au service Société</p></div>"
            "<section><h2>Sur le même sujet</h2><ul>" + "".join(
                f"<li><a href='/s{i}'>{esc(t)}</a> <span>{esc(d)}</span></li>" for i, (t, d) in enumerate(RELATED))
            + "</ul></section><div class='newsletter'><h3>Recevez notre newsletter</h3>"
            "<p>Chaque matin, l'essentiel de l'actualité de Valmorin et de sa région.</p>"
            "<label>Votre adresse e-mail</label> <button>Je m'inscris</button></div>")
    first = f"<p>{esc(paras[0])}</p>"
    third = f"<p>{esc(paras[2])}</p>"
    out = page_html.replace("<body>", "<body>" + top, 1)
    out = out.replace(first, figure + first, 1).replace(third, inside + third, 1)
    out = out.replace("</article>", "</article>" + tail, 1)
    return out.replace("<li>© Le Courrier de Valmorin</li>", "<li>© 2024 Le Courrier de Valmorin - Tous droits réservés</li>")


def heavy_cases() -> list[dict]:
    """The cases of ``CASES`` in the heavy layout (a topic is found by the page's first paragraph)."""
    out = []
    for case in CASES:
        if case.get("light_only"):
            continue
        topic = next(t for t, ps in TOPICS.items() if esc(ps[0]) in case["html"])
        extra = {}
        if case.get("far_in_heavy"):
            # Past the related list and the newsletter box, a text browser's dump of this page prints the
            # stamp where real dumps print other articles' dates: no date there (no date over a wrong one).
            extra["dump_published"] = None
        out.append({**case, "id": case["id"] + "+heavy", "html": heavy(case["html"], topic), **extra})
    return out

# Third round: more stamp forms and headline markup.
CASES += [
    dict(id="stamp-dash-time", cat="stamp", html=page(H["pont"], under=[p("03 mars 2023 - 14:05")]),
         title=H["pont"], published="2023-03-03"),
    dict(id="stamp-le-slash-h", cat="stamp", html=page(H["greve"], "greve", under=[p("Le 03/03/2023 à 14h05")]),
         title=H["greve"], published="2023-03-03"),
    dict(id="stamp-dashed-numeric", cat="stamp", html=page(H["port"], "port", under=[p("Publié le 03-03-2023")]),
         title=H["port"], published="2023-03-03"),
    dict(id="stamp-weekday-caps-time", cat="stamp",
         html=page(H["vote"], "vote", under=[p("Vendredi 3 Mars 2023 - 14:05")]),
         title=H["vote"], published="2023-03-03"),
    dict(id="stamp-paren-update", cat="stamp",
         html=page(H["pont"], under=[p("3 mars 2023 à 14:05 (mis à jour à 18:30)")]),
         title=H["pont"], published="2023-03-03"),
    dict(id="stamp-publication-colon", cat="stamp", html=page(H["greve"], "greve", under=[p("Publication : 03/03/2023")]),
         title=H["greve"], published="2023-03-03"),
    dict(id="stamp-publie-par-after", cat="stamp",
         html=page(H["port"], "port", under=[p("Publié le 3 mars 2023 à 14h05 par Anne Roy")]),
         title=H["port"], published="2023-03-03"),
    dict(id="stamp-time-first", cat="stamp", html=page(H["vote"], "vote", under=[p("14h05, le 3 mars 2023")]),
         title=H["vote"], published="2023-03-03"),
    dict(id="stamp-label-next-line", cat="stamp",
         html=page(H["pont"], under=['<div class="date"><span class="label">Publié le</span></div>'
                                     '<div>vendredi 3 mars 2023</div>']),
         title=H["pont"], published="2023-03-03"),
    dict(id="stamp-update-only", cat="stamp", html=page(H["greve"], "greve", under=[p("Mis à jour le 5 mars 2023 à 09h10")]),
         title=H["greve"], published="2023-03-05"),
    dict(id="stamp-headline-date", cat="stamp",
         html=page("Grève du 7 mars : les bus de Pontarlieu à l'arrêt", "greve", under=[p("Publié le 3 mars 2023")]),
         title="Grève du 7 mars : les bus de Pontarlieu à l'arrêt", published="2023-03-03"),
    dict(id="stamp-print-edition", cat="stamp",
         html=page(H["port"], "port", under=[p("Publié le 3 mars 2023"), p("Édition du 4 mars 2023")]),
         title=H["port"], published="2023-03-03"),
    dict(id="title-h1-br", cat="title",
         html=page(None, "vote", above=["<h1>Le Vercorin adopte<br>un budget tourné vers les transports</h1>"],
                   under=[p("Publié le 3 mars 2023")], title_tag="Budget régional | " + SITE),
         title="Le Vercorin adopte un budget tourné vers les transports", published="2023-03-03"),
    dict(id="title-site-first", cat="title",
         html=page(H["pont"], title_tag=SITE + " : " + H["pont"], under=[p("Publié le 3 mars 2023")]),
         title=H["pont"], published="2023-03-03"),
    dict(id="title-site-first-no-h1", cat="title",
         html=page(None, "pont", title_tag=SITE + " - " + H["pont"], under=[p("Publié le 3 mars 2023")]),
         title=H["pont"], published="2023-03-03", html_only=True),
    dict(id="title-reading-time", cat="title",
         html=page(H["port"], "port", under=[p("Lecture : 3 min"), p("Publié le 3 mars 2023")]),
         title=H["port"], published="2023-03-03"),
    dict(id="title-pub-above", cat="title",
         html=page(H["vote"], "vote", above=[p("Publicité", "ad")], under=[p("Publié le 3 mars 2023")]),
         title=H["vote"], published="2023-03-03"),
    dict(id="title-interview", cat="title",
         html=page("Mathilde Aubriot : « Les tarifs des cantines resteront parmi les plus bas »", "vote",
                   above=[p("ENTRETIEN", "kicker")], under=[p("Propos recueillis par Anne Roy"), p("Publié le 3 mars 2023")]),
         title="Mathilde Aubriot : « Les tarifs des cantines resteront parmi les plus bas »", published="2023-03-03"),
    dict(id="title-with-place-dash", cat="title",
         html=page("Saint-Arbel - Un cargo géant entre au port", "port", under=[p("Publié le 3 mars 2023")]),
         title="Saint-Arbel - Un cargo géant entre au port", published="2023-03-03"),
    dict(id="title-sticky-repeat", cat="title",
         html=page(H["greve"], "greve", above=[f'<div class="sticky">{esc(H["greve"])}</div>'],
                   under=[p("Publié le 3 mars 2023")]),
         title=H["greve"], published="2023-03-03"),
]

# Fourth round: dates in the markup of other articles.
_TIMED_TEASERS = ("<aside><h2>À lire aussi</h2><ul>" + "".join(
    f'<li><a href="/t{i}">{esc(t)}</a> <time datetime="{iso}">{esc(d)}</time></li>'
    for i, (t, d, iso) in enumerate([
        ("Les commerçants du centre-ville inquiets avant les travaux du tramway", "12 janvier 2021", "2021-01-12"),
        ("Un nouveau directeur pour l'hôpital de Pontarlieu", "8 février 2021", "2021-02-08"),
        ("Le festival de jazz de Saint-Arbel dévoile sa programmation", "20 février 2021", "2021-02-20")]))
    + "</ul></aside>")
CASES += [
    dict(id="stamp-timed-teasers-above", cat="stamp",
         html=page(H["pont"], above=[_TIMED_TEASERS], under=[p("Publié le 3 mars 2023 à 14h05")]),
         title=H["pont"], published="2023-03-03"),
    dict(id="stamp-timed-teasers-below", cat="stamp",
         html=page(H["greve"], "greve", after=[_TIMED_TEASERS], under=[p("Publié le 3 mars 2023 à 14h05")]),
         title=H["greve"], published="2023-03-03"),
    dict(id="stamp-timed-own-and-teasers", cat="stamp",
         html=page(H["port"], "port", above=[_TIMED_TEASERS],
                   under=['<p>Publié le <time datetime="2023-03-03T14:05">3 mars 2023</time></p>']),
         title=H["port"], published="2023-03-03"),
    dict(id="stamp-modified-meta-older-shown", cat="stamp",
         html=page(H["vote"], "vote", meta_date="2023-03-05T09:10:00+01:00", under=[p("Publié le 3 mars 2023 à 14h05")]),
         title=H["vote"], published="2023-03-03"),
]
CASES += [
    # The headline the page shows, not the one written for sharing (guideline: "the h1 as the page shows it").
    dict(id="title-og-differs", cat="title",
         html=page(H["port"], "port", og_title="Saint-Arbel : un cargo géant au port", under=[p("Publié le 3 mars 2023")]),
         title=H["port"], published="2023-03-03", html_only=True),
]

# Fifth round (pubdate2): the capture's HTTP heads saved before the markup, a byline's bare date under
# the standfirst in a box the extraction leaves out, the article's facts as a list under it.
_CURL_HEADS = ("HTTP/1.1 301 Moved Permanently\r\nlocation: /passerelle\r\n\r\n"
               "HTTP/2 200 \r\ndate: Sun, 04 Jan 2026 17:26:00 GMT\r\nlast-modified: Sat, 03 Jan 2026 16:24:41 GMT\r\n\r\n")
CASES += [
    dict(id="stamp-http-heads-no-date", cat="stamp", html=_CURL_HEADS + page(H["pont"]),
         title=H["pont"], published=None, html_only=True),
    dict(id="stamp-http-heads-and-stamp", cat="stamp", html=_CURL_HEADS + page(H["greve"], "greve", under=[p("Publié le 3 mars 2023")]),
         title=H["greve"], published="2023-03-03", html_only=True),
    dict(id="stamp-bare-under-standfirst", cat="stamp",
         html=page(H["port"], "port", standfirst="Le chantier a duré deux ans et coûté un million.",
                   under=[p("Par Anne Roy"), p("3 mars 2023")]),
         title=H["port"], published="2023-03-03"),
    dict(id="stamp-facts-list-under-standfirst", cat="stamp",
         html=page(H["vote"], "vote", standfirst="Une séance de dix heures et un vote serré.",
                   under=['<ul class="facts"><li><ul><li>Politique</li></ul></li><li><ul><li>03/03/2023</li></ul></li>'
                          '<li><ul><li>Anne Roy</li></ul></li><li><ul><li>4 min</li></ul></li></ul>']),
         title=H["vote"], published="2023-03-03"),
]

# Sixth round (pubdate3): a byline naming its author before a lower-case cue, with a reading time; the
# article's publication line set after a long body, before its notes; a label before the cue.
TOPICS["halle"] = [
    "Le conseil municipal de Brévannes a voté jeudi soir la rénovation de la halle du marché, fermée depuis l'incendie de l'été dernier.",
    "Les travaux doivent commencer au printemps et durer dix-huit mois, selon le calendrier présenté par l'adjoint Félix Garnier.",
    "Les commerçants, installés provisoirement sur le parking de la gare, attendaient cette décision depuis de longs mois.",
    "Le chantier est estimé à 4,5 millions d'euros, dont un tiers financé par le département et le reste par un emprunt.",
    "L'opposition municipale a voté contre, jugeant le coût trop élevé et demandant une consultation des habitants.",
    "La maire, Hortense Vidal, a répondu que la halle était le cœur de la ville et qu'aucune autre solution n'avait été trouvée.",
    "Les architectes retenus prévoient de conserver la charpente métallique d'origine, classée depuis vingt ans.",
    "Une partie des étals sera réservée aux producteurs du canton, une demande ancienne des agriculteurs des environs.",
    "La halle rénovée accueillera aussi une salle pour les associations, ouverte le soir et le week-end, selon les plans.",
    "Les riverains craignent le bruit du chantier et la circulation des camions dans les rues étroites du centre historique.",
    "La mairie promet une réunion publique avant le début des travaux pour présenter le plan de circulation du chantier.",
    "Le marché du samedi restera sur le parking de la gare jusqu'à la réouverture, prévue à l'automne de l'année suivante.",
]
H["halle"] = "Brévannes vote la rénovation de sa halle du marché"
_NOTES = [p(t, "note") for t in TOPICS["pont"] + TOPICS["greve"]]  # (prose after the stamp, still in the article's run)
CASES += [
    dict(id="stamp-name-lower-cue", cat="stamp", html=page(H["halle"], "halle", under=[p("Anne Roy publié le 12 mars 2023 5 min")]),
         title=H["halle"], published="2023-03-12"),
    dict(id="stamp-label-then-update", cat="stamp",
         html=page(H["vote"], "vote", after=[p("Article publié le 12/03/2023 à 10:15, dernière mise à jour le 13/03/2023")]),
         title=H["vote"], published="2023-03-12", light_only=True),  # (heavy() sets it under the related links)
    dict(id="stamp-after-long-body", cat="stamp",
         html=page(H["halle"], "halle", after=[p("Article mis en ligne le 12/03/2023 à 10:15"), *_NOTES], teasers_after=True),
         title=H["halle"], published="2023-03-12", light_only=True),
    # (Heavy, the author box's list of her other dated articles is taken for the article, as on main
    # before this round: a headline weakness, not a stamp's.)
    dict(id="stamp-after-long-body-none", cat="stamp", html=page(H["halle"], "halle", after=_NOTES, teasers_after=True),
         title=H["halle"], published=None, light_only=True),
]
