"""The speaker rules (``veille.quotes.speaker_rules``): named, ordered, documented, and recorded
on each quote with ``settings.explain`` / ``veille extract --explain``. Invented sentences only."""

from __future__ import annotations

import json
import logging

import pytest
from click.testing import CliRunner

from conftest import article_with_entities
from veille.model import Article, Entity
from veille.pipeline import Context
from veille.quotes import QuoteStage
from veille.quotes.cueless_rules import ALL_RULES
from veille.settings import Settings

PARAGRAPHS = [
    "La maire de Vienne, Claire Dubois, a inauguré lundi le nouveau pont. « Tout est prêt pour l'été », "
    "a-t-elle dit.",
    "« Les travaux ont duré trois ans et ont coûté moins que prévu », a déclaré Paul Arnaud, l'ingénieur du "
    "chantier. « Nous sommes fiers du résultat et des équipes. »",
    "Une source municipale a affirmé que la circulation reprendrait dès mardi matin.",
]


def article_with_people(article_id: str, paragraphs: list[str], people: tuple[str, ...]) -> Article:
    """An article whose entities are the given people, each at its first mention (no entity stage)."""
    art = Article(id=article_id, paragraphs=list(paragraphs))
    text = art.nlp_text()
    art.entities = []
    for name in people:
        i = text.index(name)
        art.entities.append(Entity(name=name, type="PER", mentions=[name], spans=[[i, i + len(name)]]))
    return art


def _article() -> Article:
    return article_with_people("rules", PARAGRAPHS, ("Claire Dubois", "Paul Arnaud"))


def test_rules_are_named_ordered_and_documented():
    names = [rule.name for rules in ALL_RULES.values() for rule in rules]
    assert len(names) == len(set(names)) >= 15
    for rules in ALL_RULES.values():
        for rule in rules:
            assert "«" in rule.example or '"' in rule.example, f"{rule.name}: no example sentence"
    # each list ends with a rule that always decides, so every quote gets a rule
    assert [rules[-1].name for rules in ALL_RULES.values()] == ["nobody", "last_speaker", "no_voice_near"]


def test_explain_records_the_rule_behind_each_speaker(nlp):
    art = _article()
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    got = [(q.kind, q.speaker, q.rule) for q in art.quotes]
    assert got == [("direct", "Claire Dubois", "pronoun_antecedent"),
                   ("direct", "Paul Arnaud", "person_in_subject"),
                   ("direct", "Paul Arnaud", "previous_quote_in_paragraph"),
                   ("indirect", None, "unnamed_source")]
    assert all(q["rule"] for q in art.to_dict()["quotes"])


def test_without_explain_records_have_no_rule(nlp):
    art = _article()
    QuoteStage(None)(art, nlp(art.nlp_text()))
    assert len(art.quotes) == 4
    assert all(q.rule is None for q in art.quotes)
    assert all("rule" not in q for q in art.to_dict()["quotes"])


def test_each_quote_logs_its_rule_at_debug(nlp, caplog):
    art = _article()
    with caplog.at_level(logging.DEBUG, logger="veille.quotes"):
        QuoteStage(None)(art, nlp(art.nlp_text()))
    logged = [r.getMessage() for r in caplog.records if "by rule" in r.getMessage()]
    assert len(logged) == len(art.quotes) == 4
    assert "pronoun_antecedent" in logged[0] and "unnamed_source" in logged[-1]


@pytest.mark.parametrize("explain", [True, False])
def test_extract_explain_option(tmp_path, explain):
    from veille.cli import cli

    (tmp_path / "pont.txt").write_text("Un pont neuf à Vienne\n\n" + "\n\n".join(PARAGRAPHS) + "\n", encoding="utf-8")
    out = tmp_path / "out.jsonl"
    args = ["extract", str(tmp_path / "pont.txt"), "--output", str(out)] + (["--explain"] if explain else [])
    res = CliRunner().invoke(cli, args)
    assert res.exit_code == 0, res.output
    (record,) = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert len(record["quotes"]) >= 3
    if explain:
        assert all(q.get("rule") for q in record["quotes"])
    else:
        assert all("rule" not in q for q in record["quotes"])


def _quotes_with_rules(nlp, paragraphs: list[str]) -> list[tuple[str, str | None, str | None]]:
    art = Article(id="case", paragraphs=paragraphs)
    text = art.nlp_text()
    for name, kind in (("Claire Dubois", "PER"), ("Paul Arnaud", "PER"), ("La mairie de Vienne", "ORG"),
                       ("Voix libres", "ORG")):
        if name in text:
            i = text.index(name)
            art.entities.append(Entity(name=name, type=kind, mentions=[name], spans=[[i, i + len(name)]]))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    return [(q.kind, q.speaker, q.rule) for q in art.quotes]


@pytest.mark.parametrize("paragraphs, expected", [
    (["Claire Dubois a déclaré que le pont rouvrirait lundi, soulignant que les travaux étaient terminés."],
     [("indirect", "Claire Dubois", "person_in_subject"),
      ("indirect", "Claire Dubois", "governing_cue+via:person_in_subject")]),
    (["Pour Claire Dubois, maire de Vienne, la réforme est « une chance pour toute la ville et ses habitants »."],
     [("direct", "Claire Dubois", "pour_opening")]),
    (["Paul Arnaud a reçu Claire Dubois mardi. « Nous avancerons ensemble sur ce dossier », a déclaré la maire."],
     [("direct", "Claire Dubois", "descriptor")]),
    (["Claire Dubois est arrivée à Lyon mardi.", "« Nous avons beaucoup de travail devant nous cette année. »"],
     [("direct", "Claire Dubois", "lead_sentence_subject")]),
    (["La mairie de Vienne a indiqué que les travaux dureraient encore trois mois."],
     [("indirect", "La mairie de Vienne", "entity_on_head")]),
    (["On estime que la route rouvrira bientôt pour tous les habitants."], []),
], ids=["governing-cue", "pour-opening", "descriptor", "lead-sentence", "organisation", "on-quotes-nobody"])
def test_rule_chosen_for_invented_cases(nlp, paragraphs, expected):
    assert _quotes_with_rules(nlp, paragraphs) == expected


@pytest.mark.parametrize("paragraphs, expected", [
    (["Le chantier a pris du retard. « Les délais ne seront pas tenus cette année », note Paul Arnaud, "
      "ingénieur à Vienne."],
     [("direct", "Paul Arnaud", "person_in_subject")]),
    (["Claire Dubois a inauguré le pont. « Les travaux ont coûté bien trop cher à la ville », juge, de son "
      "côté, Paul Arnaud."],
     [("direct", "Paul Arnaud", "person_in_subject")]),
    (["Claire Dubois a parlé longuement mardi.", "« Nous ne lâcherons rien sur ce dossier difficile. »",
      "Paul Arnaud, ingénieur"],
     [("direct", "Paul Arnaud", "credit_line_after")]),
    (["Claire Dubois a ouvert la séance mardi.",
      "Paul Arnaud, ingénieur du chantier : « Nous tiendrons les délais cette fois, sans faute. »"],
     [("direct", "Paul Arnaud", "colon_lead_name")]),
    (["Le collectif Voix libres a manifesté samedi à Vienne. « Rien ne change pour les habitants du "
      "quartier », déplore le collectif."],
     [("direct", "Voix libres", "organisation_anaphor")]),
], ids=["incise-read-as-noun", "incise-after-adjunct", "credit-line", "colon-lead", "noun-named-before"])
def test_speaker_over_the_article(nlp, paragraphs, expected):
    """Speakers named after the quote, on a credit line, before a colon, or by a noun written next to
    their name earlier."""
    assert _quotes_with_rules(nlp, paragraphs) == expected


def _quote_texts(nlp, paragraphs: list[str], names: tuple[str, ...] = ("Claire Dubois", "Paul Arnaud")):
    art = article_with_entities(paragraphs, [(n, "PER" if " " in n else "ORG") for n in names], article_id="t")
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(art.nlp_text()))
    return [(q.text, q.speaker) for q in art.quotes if q.kind == "direct"]


def test_incise_inside_the_marks_names_the_speaker(nlp):
    # the incise is cut out of the quote: both parts are the speaker's, the incise is in neither
    got = _quote_texts(nlp, [
        "Claire Dubois a visité le chantier mardi.",
        "« Je ne pensais pas voir le pont fini, sourit Paul Arnaud, ingénieur du chantier. Nous avons "
        "travaillé tout l'hiver sans relâche. »"])
    assert got == [("Je ne pensais pas voir le pont fini", "Paul Arnaud"),
                   ("Nous avons travaillé tout l'hiver sans relâche.", "Paul Arnaud")]


def test_clitic_incise_inside_the_marks_splits_the_quote(nlp):
    got = _quote_texts(nlp, [
        "Paul Arnaud est passé au marché. Claire Dubois l'attendait devant la mairie.",
        "« Tout le monde est-il prêt pour demain ? s'interroge-t-elle. Nous partirons à l'aube. »"])
    assert got == [("Tout le monde est-il prêt pour demain ?", "Claire Dubois"),
                   ("Nous partirons à l'aube.", "Claire Dubois")]


def test_no_split_without_a_speech_incise(nlp):
    got = _quote_texts(nlp, ["« Le pont, explique le rapport du cabinet, coûtera trop cher à la ville », "
                             "a déclaré Paul Arnaud."])
    assert got == [("Le pont, explique le rapport du cabinet, coûtera trop cher à la ville", "Paul Arnaud")]


def test_colon_lead_sentence_names_the_speaker(nlp):
    got = _quotes_with_rules(nlp, [
        "« Nous partirons demain matin avec les équipes », a déclaré Paul Arnaud. Même avis chez Claire "
        "Dubois, la maire de Vienne : « Rien ne nous retiendra ici cette fois. »"])
    assert got == [("direct", "Paul Arnaud", "person_in_subject"),
                   ("direct", "Claire Dubois", "colon_lead_sentence")]


def test_subheading_repeating_a_quote_takes_its_speaker(nlp):
    got = _quotes_with_rules(nlp, [
        "Claire Dubois a visité le chantier mardi.",
        "« Nous tiendrons les délais »",
        "Le chantier a pris du retard. « Nous tiendrons les délais, quoi qu'il arrive cet hiver », a promis "
        "Paul Arnaud."])
    assert got == [("direct", "Paul Arnaud", "repeated_quote"), ("direct", "Paul Arnaud", "person_in_subject")]


def test_pronoun_for_an_organisation_named_before(nlp):
    got = _quote_texts(nlp, [
        "Paul Arnaud a quitté la ville. L'association Voix libres a publié un communiqué mardi. « Nous "
        "porterons plainte dès demain », a-t-elle affirmé."], names=("Paul Arnaud", "Voix libres"))
    assert got == [("Nous porterons plainte dès demain", "Voix libres")]


def test_writer_imperative_quotes_nobody(nlp):
    assert _quotes_with_rules(nlp, ["Rappelons que le pont de Vienne avait déjà fermé deux fois l'an dernier."]) == []


def test_pronoun_learns_the_gender_of_who_it_stood_for(nlp):
    # "dit-elle" tells that Sacha Morel is a woman: the next "il" is the curator
    got = _quote_texts(nlp, [
        "Paul Arnaud, commissaire de l'exposition, a ouvert les portes lundi. « Ce sont des œuvres rares », a "
        "commenté Sacha Morel, une visiteuse. « C'est un peu trop sombre à mon goût », dit-elle. « Les gens "
        "restent longtemps devant chaque tableau », dit-il."], names=("Paul Arnaud", "Sacha Morel"))
    assert [speaker for _, speaker in got] == ["Sacha Morel", "Sacha Morel", "Paul Arnaud"]


def test_incise_verb_in_the_imperfect_names_the_speaker(nlp):
    got = _quotes_with_rules(nlp, ["Claire Dubois a visité le chantier. « Ce pont ne servira jamais à rien », "
                                   "raillait Paul Arnaud devant les journalistes."])
    assert got == [("direct", "Paul Arnaud", "person_in_subject")]


def test_credit_right_after_the_marks(nlp):
    got = _quotes_with_rules(nlp, ["Claire Dubois a ouvert la séance. « Il faudra un jour s'occuper du vieux pont "
                                   "de la ville. » Paul Arnaud, ingénieur à Vienne, 1963."])
    assert got == [("direct", "Paul Arnaud", "credit_after_marks")]


def test_person_named_since_the_previous_quote_speaks(nlp):
    got = _quotes_with_rules(nlp, [
        "« Nous partirons tous demain à l'aube », a dit Paul Arnaud. Claire Dubois, elle, reste au village "
        "cette année. Elle préfère attendre le printemps. « Rien ne presse vraiment pour nous. »"])
    assert got == [("direct", "Paul Arnaud", "person_in_subject"), ("direct", "Claire Dubois", "subject_named_since")]


def test_chained_quotes_share_the_cue_after_the_last(nlp):
    got = _quotes_with_rules(nlp, [
        "Claire Dubois a ouvert la réunion. « Nous avons saisi cette occasion pour parler aux élus » « Nous ne "
        "citerons personne ici », mais « chacun sait de qui il s'agit », a déclaré Paul Arnaud."])
    assert [speaker for _, speaker, _ in got] == ["Paul Arnaud", "Paul Arnaud", "Paul Arnaud"]


def test_descriptor_after_l_takes_the_gender_of_its_noun(nlp):
    got = _quotes_with_rules(nlp, [
        "Claire Dubois publie son dixième livre. Paul Arnaud, son éditeur, est confiant. « Les ventes vont "
        "chuter cet hiver », prédit l'autrice."])
    assert got == [("direct", "Claire Dubois", "descriptor")]


def test_pour_opening_the_sentence_before_the_quote(nlp):
    got = _quotes_with_rules(nlp, ["Paul Arnaud a visité le pont. Pour Claire Dubois, ce pont est une fierté. "
                                   "« Nous l'avons voulu et nous l'avons obtenu. »"])
    assert got == [("direct", "Claire Dubois", "pour_lead_sentence")]


@pytest.mark.parametrize("paragraph, expected", [
    # a cue elsewhere in the sentence does not make a scare quote speech
    ("Les « apéros virtuels » ont été lancés par Paul Arnaud pendant l'hiver.", []),
    ("Il a créé, selon la formule consacrée, « à son image » un nouveau parti.", []),
    # a cue governing the short quote closely does
    ("Paul Arnaud a dénoncé une « trahison » lors du conseil municipal.", [("direct", "Paul Arnaud", "person_in_subject")]),
    ("« Indécence ! », a répondu Paul Arnaud lors du conseil.", [("direct", "Paul Arnaud", "person_in_subject")]),
], ids=["cue-elsewhere", "selon-unnamed", "tight-before", "tight-after"])
def test_short_quotes_need_a_tight_cue(nlp, paragraph, expected):
    assert _quotes_with_rules(nlp, [paragraph]) == expected


def test_quote_block_without_marks_credited_below(nlp):
    got = _quote_texts(nlp, [
        "Claire Dubois a ouvert la librairie en mars.",
        "Nous avons doublé nos ventes en un mois, et les clients reviennent chaque semaine.",
        "Paul Arnaud, libraire à Vienne", "à la radio",
        "Paul Arnaud a fermé sa librairie en mars. Les ventes ont baissé depuis le début de l'hiver dernier."])
    assert got == [("Nous avons doublé nos ventes en un mois, et les clients reviennent chaque semaine.", "Paul Arnaud")]


def test_subject_of_the_quote_sentence_speaks(nlp):
    got = _quotes_with_rules(nlp, [
        "« Nous verrons bien ce que donnera la saison », a dit Claire Dubois.",
        "Paul Arnaud présentait ensuite son projet, avec l'ambition de « changer la ville de fond en comble »."])
    assert got == [("direct", "Claire Dubois", "person_in_subject"), ("direct", "Paul Arnaud", "own_sentence_subject")]


def test_colon_lead_skips_a_quoted_title(nlp):
    got = _quotes_with_rules(nlp, [
        "« Nous partirons demain matin avec les équipes », a déclaré Paul Arnaud. Quant à Claire Dubois, invitée "
        "de l'émission « Grand Soir », elle a refusé de valider ce constat : « Rien ne nous retiendra ici. »"])
    assert got == [("direct", "Paul Arnaud", "person_in_subject"), ("direct", "Claire Dubois", "colon_lead_sentence")]
