"""Language: the article's language, foreign passages with offsets, no false alarms, seed scores."""

from __future__ import annotations

import pytest

from veille.language import LanguageStage, chunks
from veille.model import Article
from veille.pipeline import Context

FRENCH = [
    "La ministre fictive Hélène Garnier a annoncé mardi un plan de soutien aux agriculteurs, "
    "qui prévoit des aides directes et un report des cotisations sociales.",
    "Selon le New York Times et le Wall Street Journal, Washington envisage de nouvelles sanctions "
    "contre Téhéran, tandis que Los Angeles et Buenos Aires accueilleront le sommet.",
    "« Nous ne laisserons personne de côté », a déclaré le Premier ministre devant l'Assemblée, "
    "avant de rencontrer Olaf Scholz et Joe Biden à la Maison Blanche.",
    "Le groupe Santa Fe Holdings [anciennement Del Monte] a racheté la société de Pedro Almodóvar "
    "et du cabinet Baker McKenzie (Londres).",
    "Les experts de l'Institut d'études de sécurité estiment que la situation reste « très fragile » "
    "dans la région, où des combats ont éclaté la semaine dernière.",
]


@pytest.fixture(scope="module")
def stage():
    return LanguageStage(Context())


def run(stage, paragraphs: list[str], title: str = "Un titre d'article en français") -> Article:
    art = Article(id="l", title=title, paragraphs=paragraphs)
    stage(art, None)
    text = art.nlp_text()
    for f in art.foreign:  # offsets point at the passage in nlp_text
        assert text[f.start:f.end] == f.text
    return art


def test_ordinary_french_has_no_foreign_passage(stage):
    art = run(stage, FRENCH)
    assert art.language == "fr"
    assert art.foreign == []


def test_untranslated_quote_and_its_cue_clause_are_two_passages(stage):
    art = run(stage, FRENCH[:3] + [
        "« El gobierno mantendrá su compromiso con los agricultores. Vamos a seguir trabajando "
        "para encontrar una solución justa », ha declarado la ministra en una rueda de prensa "
        "tras la reunión."])
    assert [f.language for f in art.foreign] == ["es", "es"]
    assert art.foreign[0].text.startswith("El gobierno") and art.foreign[0].text.endswith("justa")
    assert art.foreign[1].text.startswith("ha declarado")


def test_english_and_german_quotes(stage):
    art = run(stage, [
        "Le porte-parole a affirmé que « we are not going to accept any of these conditions », "
        "avant de quitter la salle.",
        "Le chancelier a ajouté : « Wir werden die Ukraine weiter unterstützen, solange es nötig ist. »",
    ])
    assert [f.language for f in art.foreign] == ["en", "de"]


@pytest.mark.parametrize("quote,lang", [
    # as many French-looking words ("l'", "non") as foreign function words: the model decides
    ("Abbiamo fatto una scelta chiara: l'Europa non sarà divisa", "it"),
    ("Wir haben heute gezeigt, dass Europa nicht schwach ist", "de"),
    ("Hemos dado una señal muy clara a todos nuestros socios", "es"),
    ("Nós não vamos aceitar esta decisão agora", "pt"),
    ("We will not accept any deal that is made without us", "en"),
    ("Wij zullen deze beslissing nooit aanvaarden", "nl"),
])
def test_short_quotes_in_other_languages(stage, quote, lang):
    art = run(stage, FRENCH[:2] + [f"« {quote} », a affirmé la ministre fictive Carla Benedetti devant la presse."])
    assert [f.language for f in art.foreign] == [lang]
    assert art.foreign[0].text.startswith(quote.split()[0])


def test_a_tie_of_function_words_goes_to_the_model(stage):
    from veille.language import WORD, word_scores

    quote = "Il nostro paese non sarà mai il nemico"
    scores = word_scores([w.lower() for w in WORD.findall(quote)])
    assert scores["fr"] == sum(v for k, v in scores.items() if k != "fr") >= 2  # "il" twice
    assert stage.judge(quote, False, "fr") == "it"


def test_french_sentence_with_foreign_looking_words_stays_french(stage):
    art = run(stage, FRENCH + ["Le ministre a dit non, la loi sera votée in extremis au sein de l'Assemblée "
                               "avant la fin de son mandat, ce qui reste ici une surprise."])
    assert art.foreign == []


def test_bracketed_english_fragment(stage):
    art = run(stage, ["Il faut empêcher que [Chinese Foreign Minister] Wang Yi ne l'emporte."])
    assert [(f.text, f.language) for f in art.foreign] == [("[Chinese Foreign Minister]", "en")]


def test_other_language_article(stage):
    art = run(stage, ["The government announced on Tuesday a new plan for farmers, which includes "
                      "direct payments and a delay of social contributions."], title="A new plan")
    assert art.language == "en"
    assert art.foreign == []


def test_chunks_cut_at_marks_and_sentences():
    text = "Il a dit « Un. Deux. » puis [trois] fin."
    pieces = [(text[a:b].strip(), bracketed) for a, b, bracketed in chunks(text)]
    assert ("Un.", False) in pieces and ("Deux.", False) in pieces and ("trois", True) in pieces


def test_seed_articles_are_french(seed_records):
    assert {r["language"] for r in seed_records} == {"fr"}


def test_short_quote_with_one_foreign_function_word(stage):
    # "Wir bleiben hier stehen": one German function word ("wir" is not French), none French.
    art = run(stage, FRENCH[:2] + [
        "Le député a répondu : « Wir bleiben hier stehen », avant de quitter la salle sous les huées."])
    assert [(f.text, f.language) for f in art.foreign] == [("Wir bleiben hier stehen", "de")]


@pytest.mark.parametrize("quote, lang", [
    ("Nashi khloptsi ne zdadut zhodnoho sela", "uk"),
    ("My zavzhdy budemo z vamy, druzi", "uk"),
    ("Eto ne nasha voyna i nikogda ne budet", "ru"),
])
def test_transliterated_ukrainian_and_russian_quotes(stage, quote, lang):
    art = run(stage, FRENCH[:2] + [f"« {quote} », a lancé le général Ostap Veremko devant la presse réunie."])
    assert [(f.text, f.language) for f in art.foreign] == [(quote, lang)]


@pytest.mark.parametrize("sentence", [
    "« Le Zhejiang et le Kazakhstan signent », titrait le quotidien de Pékin mardi matin.",
    "« Un tsunami frappe les côtes du Kazakhstan et du Tchad », annonçait le bandeau.",
    "Le tsar Pierre et la tsarine Catherine sont au cœur de la série diffusée chaque jeudi.",
    "« Zakhar Petrenko viendra demain matin au village », dit la voisine de la famille.",
])
def test_french_with_slavic_names_is_not_transliterated(stage, sentence):
    assert run(stage, FRENCH[:2] + [sentence]).foreign == []


# -- short quoted foreign sentences (invented quotes) -------------------------------------------


@pytest.mark.parametrize("quote,lang", [
    ("We shall never surrender", "en"),
    ("Non mollare mai", "it"),
    ("Wir sind bereit", "de"),
    ("Siamo pronti a tutto", "it"),
    ("My ne zdadymosia i budemo borotysia", "uk"),
])
def test_short_quoted_foreign_sentence(stage, quote: str, lang: str) -> None:
    para = f"« {quote} », a lancé Ilona Verhoef devant les militants réunis samedi à Rennes."
    art = run(stage, [para])
    assert [(f.text, f.language) for f in art.foreign] == [(quote, lang)]


@pytest.mark.parametrize("quote", [
    "Ça suffit maintenant", "Vive la République", "Honte à vous", "Justice pour Adama",
    "Bravo Giovanni Rossi", "Solidarité avec Kiev", "Mission accomplie", "Tous ensemble",
    "Manchester United",
])
def test_short_french_quotes_and_names_stay_french(stage, quote: str) -> None:
    para = f"« {quote} », a lancé Ilona Verhoef devant les militants réunis samedi à Rennes."
    assert run(stage, [para]).foreign == []
