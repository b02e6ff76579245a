"""A printed interview's answers (a page-level layout) and the evidence a definite noun subject gives the
speaker scorer ("indique la Cour", "rappelle l'élue"). Invented sentences and people only."""

from __future__ import annotations

from quotes_support import article_with_entities
from veille.model import Article
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.quotes.candidates import gather
from veille.quotes.cues import find_cues
from veille.quotes.direct import after_cue
from veille.quotes.interview import answers, interviewee
from veille.quotes.stage import open_article
from veille.settings import Settings


def _article(title: str | None, paragraphs: list[str], people: dict[str, str]) -> Article:
    return article_with_entities(paragraphs, people, title=title, article_id="iv")


def _direct(nlp, art: Article) -> list[tuple[str | None, str | None]]:
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [(q.speaker, q.rule) for q in art.quotes if q.kind == "direct"]


INTERVIEW = [
    "Paul Arnaud, le gardien de Vienne, retrouve dimanche son ancien club. Il en parle.",
    "• Comment abordez-vous ce match ? « Ce sera étrange. J'ai passé dix ans dans ce stade. »",
    "• Vous avez joué avec Claire Dubois à Lyon. Que vous a-t-elle appris ? « Elle m'a appris à rester "
    "calme quand tout le monde panique autour de moi. »",
    "• Votre regard sur l'adversaire ? « Ils jouent très bien en déplacement, il faudra être patients. »",
]


def test_every_answer_of_a_printed_interview_is_the_interviewees(nlp):
    art = _article("Football : « ce sera étrange » pour Paul Arnaud", INTERVIEW,
                   {"Paul Arnaud": "PER", "Claire Dubois": "PER"})
    got = _direct(nlp, art)
    assert len(got) >= 3
    assert {s for s, _ in got} == {"Paul Arnaud"}  # not Claire Dubois, whom a question names
    assert any(r == "interview_answer" for _, r in got)


def test_a_single_question_before_a_quote_makes_no_interview(nlp):
    art = _article(None, [
        "Paul Arnaud a visité le chantier du pont de Vienne lundi avec Claire Dubois.",
        "Faut-il fermer le pont ? « Pas avant l'hiver, il tiendra encore », estime Claire Dubois.",
    ], {"Paul Arnaud": "PER", "Claire Dubois": "PER"})
    doc = nlp(art.nlp_text())
    state = open_article(QuoteStage(None).res, art, doc, [(s, e) for k, _, s, e in art.segments() if k == "paragraph"])
    assert answers(state) == set()
    assert _direct(nlp, art) == [("Claire Dubois", "person_in_subject")]


def test_the_interviewee_is_named_in_headline_and_lede(nlp):
    art = _article("Vienne : le club de Lyon défié par Paul Arnaud",
                   ["Paul Arnaud, l'ancien joueur de Claire Dubois, raconte son retour."] + INTERVIEW[1:],
                   {"Paul Arnaud": "PER", "Claire Dubois": "PER"})
    doc = nlp(art.nlp_text())
    state = open_article(QuoteStage(None).res, art, doc, [(s, e) for k, _, s, e in art.segments() if k == "paragraph"])
    assert interviewee(state) == "Paul Arnaud"


def _candidates(nlp, art: Article, quote_words: str, spoke: str | None = None) -> dict[str | None, dict[str, float]]:
    """The scorer's candidates (with their features) for the direct quote holding ``quote_words``
    (``spoke``: who the walk has heard last)."""
    doc = nlp(art.nlp_text())
    stage = QuoteStage(None)
    segs = [(s, e) for k, _, s, e in art.segments() if k == "paragraph"]
    state = open_article(stage.res, art, doc, segs)
    cues = find_cues(state)
    if spoke:
        state.memory.record(spoke)
    mark = next(m for m in state.marks if quote_words in m.text(state.text))
    cue = after_cue(state, mark, cues)
    return {c.name: c.feats for c in gather(state, mark.start, mark.end, cue, None, "nobody")}


def test_a_capitalised_noun_of_a_name_takes_up_that_institution(nlp):
    art = _article(None, [
        "La Cour constitutionnelle de Freedonie a rendu sa décision mardi après trois mois d'attente.",
        "« La loi votée en mars respecte la Constitution », indique la Cour dans son arrêt.",
    ], {"Cour constitutionnelle de Freedonie": "ORG"})
    feats = _candidates(nlp, art, "respecte la Constitution")
    assert feats["Cour constitutionnelle de Freedonie"].get("np_in_name") == 1


def test_a_person_noun_agrees_in_gender_with_the_person_it_takes_up(nlp):
    art = _article(None, [
        "Claire Dubois, députée de Vienne, a reçu Paul Arnaud, maire de la ville, à l'Assemblée.",
        "« Nous voterons contre ce texte », a rappelé la députée devant les journalistes.",
    ], {"Claire Dubois": "PER", "Paul Arnaud": "PER"})
    feats = _candidates(nlp, art, "voterons contre")
    assert feats["Claire Dubois"].get("np_written_with") == 1
    assert feats["Claire Dubois"].get("np_person_noun") == 1
    assert not feats["Paul Arnaud"].get("np_written_with")


def test_a_noun_subject_the_article_never_names_leans_to_nobody(nlp):
    art = _article(None, [
        "Paul Arnaud, maire de Vienne, a visité l'usine de papier lundi.",
        "« Personne ne nous a prévenus avant la fermeture », a souligné sa famille.",
    ], {"Paul Arnaud": "PER"})
    feats = _candidates(nlp, art, "Personne ne nous")
    assert feats[None].get("np_takes_up_nobody") == 1
    assert not feats["Paul Arnaud"].get("np_written_with")
