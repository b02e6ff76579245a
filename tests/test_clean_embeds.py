"""Embedded tweets and related links set after an arrow, inside the article (invented lines)."""

from veille.clean.cues import cue_kind
from veille.clean.embeds import drop_tweets


def test_a_tweet_and_its_sign_off_are_furniture():
    paras = [
        "Le maire de Valmorin a salué la réouverture du marché couvert dans un message publié samedi matin.",
        "Le marché rouvre samedi, venez nombreux ! #Valmorin pic.twitter.com/abc123",
        "— Léa Roy (@learoy) 3 mars 2024",
        "Les forains étaient une quarantaine à s'installer dès l'aube.",
    ]
    kept, dropped = drop_tweets(paras)
    assert kept == [paras[0], paras[3]]
    assert dropped == paras[1:3]


def test_a_tweet_over_two_paragraphs_and_a_lost_tweet():
    paras = [
        "Voici le message de la mairie :",
        "Travaux sur le pont de Lisse #Valmorin",
        "Circulation alternée jusqu'à vendredi. https://t.co/xyz",
        "— Mairie de Lisse (@mairie_lisse) March 3, 2024",
        "La préfète a répondu dans la foulée :",
        "— Awa Koné (@awakone) 4 mars 2024",
    ]
    kept, _ = drop_tweets(paras)
    # The announcing line ends on a colon: the article's own, even when the tweet was lost.
    assert kept == ["Voici le message de la mairie :", "La préfète a répondu dans la foulée :"]


def test_a_paragraph_longer_than_a_tweet_stays():
    long = "Le conseil municipal de Valmorin a voté le budget. " * 8
    kept, _ = drop_tweets([long, "— Léa Roy (@learoy) 3 mars 2024"])
    assert kept == [long]


def test_related_links_after_an_arrow_or_without_the_accent():
    assert cue_kind("» LIRE AUSSI - Le port de Lisse rouvre ses quais") == "link"
    assert cue_kind("► À lire aussi : Valmorin vote son budget") == "link"
    assert cue_kind("► À écouter aussi : le maire de Valmorin") == "link"
    assert cue_kind("A lire :Le port de Lisse rouvre") == "link"
    # A closing quote opening a line is no arrow; a sentence opening on "A lire" is text.
    assert cue_kind("» On ne peut pas laisser faire, a-t-il dit.") is None
    assert cue_kind("A lire les déclarations du maire, on comprend que le port restera fermé.") is None


def test_a_caption_closing_on_the_picture_day():
    from veille.clean.body_furniture import is_dated_caption

    assert is_dated_caption("Des manifestants devant la préfecture de Valmorin, le 3 mars 2024.")
    assert is_dated_caption("Les militantes du collectif Lisse Debout, samedi 19 novembre")
    # Text ending on a date holds more than one sentence, or speech; a byline is a name.
    assert not is_dated_caption("Le maire a inauguré le pont. Il a coupé le ruban, le 3 mars 2024.")
    assert not is_dated_caption("« Nous resterons », a dit la maire de Valmorin, le 3 mars 2024.")
    assert not is_dated_caption("Awa Koné, le 3 mars 2024")


def test_a_caption_giving_the_place_after_the_picture_day():
    from veille.clean.body_furniture import is_dated_caption

    # The agencies' caption may say where after the day: one or two short places.
    assert is_dated_caption("Des grévistes réunis, le 3 mars 2024 devant la mairie de Lisse")
    assert is_dated_caption("Une vue du marché couvert, le 4 avril 2021 à Valmorin, en Valmorie.")
    # A dateline or a byline stays one; a clock time is a stamp; a longer tail is text.
    assert not is_dated_caption("Valmorin, le 3 mars 2024 à Lisse")
    assert not is_dated_caption("Par Léo Roy, le 3 mars 2024 à Lisse")
    assert not is_dated_caption("Les élus se sont réunis, le 3 mars 2024 à 18h30 à la mairie.")
    assert not is_dated_caption("Les élus se sont réunis, le 3 mars 2024 à la mairie pour voter enfin le budget annuel.")


# -- HTML pages ------------------------------------------------------------------------------------

_P1 = ("Le conseil municipal de Valmorin a voté jeudi soir la rénovation complète du marché couvert, "
       "fermé depuis l'incendie de l'hiver dernier, pour un montant de quatre millions d'euros.")
_P2 = ("Les forains, installés depuis un an sur le parking de la gare, devraient retrouver leurs "
       "emplacements au printemps, selon le calendrier présenté par l'adjointe aux travaux, Léa Roy.")
_P3 = ("L'opposition a voté contre, jugeant le coût trop élevé pour une commune de cette taille, "
       "et réclame une consultation des habitants avant le lancement des travaux.")
_CHAPO = ("Après un an d'attente, les élus de Valmorin lancent enfin le chantier du marché couvert "
          "détruit par le feu en janvier.")
_FURNITURE = "".join(f"<div class='share'><a href='/s{k}'>Partager sur le réseau {k}</a></div>\n" for k in range(18))
_HTML = """<!doctype html><html lang="fr"><head><title>Le marché couvert de Valmorin sera rénové - Le Courrier</title>
<meta property="og:site_name" content="Le Courrier">
<meta name="description" content="{chapo}">
</head><body><nav><ul><li><a href="/">Accueil</a></li><li><a href="/region">Région</a></li></ul></nav>
<article><h1>Le marché couvert de Valmorin sera rénové</h1>
<div class="chapo"><span>{chapo}</span></div>
<div class="meta"><span>Par Awa Koné</span></div>
{furniture}
<div class="content"><p>{p1}</p><p>{p2}</p>{middle}<p>{p3}</p></div></article>
<footer><p>Mentions légales</p></footer></body></html>"""


def _html_article(middle: str = ""):
    from veille.clean import CleanStage
    from veille.model import Article
    from veille.pipeline import Context

    page = _HTML.format(chapo=_CHAPO, furniture=_FURNITURE, p1=_P1, p2=_P2, p3=_P3, middle=middle)
    ctx = Context(settings={"today": "2026-06-01"})
    art = Article(id="h", raw_text=page, hints={"kind": "html"})
    CleanStage(ctx)(art, ctx)
    return art


def test_an_html_standfirst_far_above_the_text_is_kept():
    # Share buttons, a byline and a photo may stand between the standfirst and the first paragraph.
    art = _html_article()
    assert art.paragraphs[0] == _CHAPO
    assert _P3 in art.paragraphs


def test_an_html_tweet_is_furniture():
    tweet = ("<blockquote class='twitter-tweet'><p>Le marché rouvrira, promis ! #Valmorin "
             "pic.twitter.com/abc123</p>— Léa Roy (@learoy) 3 mars 2024</blockquote>")
    art = _html_article(middle=tweet)
    assert not any("@learoy" in p or "#Valmorin" in p for p in art.paragraphs)
    assert _P2 in art.paragraphs and _P3 in art.paragraphs


def test_teasers_closing_the_article_are_furniture():
    from veille.clean.tail_teasers import tail_teasers

    text = [_P1, _P2, _P3]
    teasers = [
        "Le port de Lisse rouvre ses quais aux plaisanciers",
        "Après deux ans de travaux, les pontons accueilleront cent bateaux dès le mois de mai.",
        "Valmorin : la foire aux vins déménage sur la place du marché",
        "Les exposants seront deux fois plus nombreux que l'an dernier, selon les organisateurs.",
        "Trois pistes cyclables promises le long de la Lisse",
        "Le département a voté leur financement jeudi, pour une ouverture prévue à l'automne.",
        "Faut-il fermer la gare de Valmorin le dimanche ?",
    ]
    assert tail_teasers(text + teasers) == len(text)
    # An article's last section, one intertitle over its paragraph, stays.
    last = ["Un chantier de deux ans", _P3]
    assert tail_teasers(text + last) == len(text) + len(last)


def test_an_interview_closing_on_short_answers_is_no_teaser_list():
    from veille.clean.tail_teasers import tail_teasers

    qa = [
        "Quand le marché rouvrira-t-il ?",
        "Au printemps, si le chantier ne prend pas de retard, et les forains le savent déjà.",
        "Combien coûteront les travaux ?",
        "Quatre millions d'euros, dont la moitié payée par la région et le département.",
        "Les habitants ont-ils été consultés ?",
        "Oui, deux réunions publiques ont eu lieu en mairie, avec plus de deux cents personnes.",
    ]
    paras = [_P1, _P2, *qa]
    assert tail_teasers(paras) == len(paras)
