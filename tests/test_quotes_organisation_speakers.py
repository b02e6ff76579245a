"""Organisations that speak (issue 16, round 15): an organisation noun opened by an indefinite and named
in apposition ("Une association …, Voix libres, a dénoncé …"), and "il"/"elle" after a definite
organisation noun ("Le comité s'inquiète … Il se dit …"), which is no unnamed person. Invented
sentences and names only."""

from __future__ import annotations

from conftest import quote_direct

PEOPLE = (("Voix libres", "ORG"), ("Comité des riverains du Lac", "ORG"), ("Paul Arnaud", "PER"),
          ("Freedonie", "LOC"), ("Conseil de la jeunesse", "ORG"), ("Gazette de Vienne", "ORG"), ("Vernal", "ORG"))


def _direct(nlp, paragraphs: list[str]) -> list[tuple[str | None, str | None]]:
    return [(s, r) for _, s, r in quote_direct(nlp, paragraphs, PEOPLE, "case")]


def test_an_indefinite_organisation_noun_is_named_by_its_apposition(nlp):
    got = _direct(nlp, ["Paul Arnaud a présenté la réforme mardi.",
                        "Une association de défense des locataires en Freedonie, Voix libres, a dénoncé une décision "
                        "« injuste, brutale et tout à fait inutile pour les familles »."])
    assert got == [("Voix libres", "appositive_organisation")]


def test_an_indefinite_organisation_noun_without_a_name_stays_unnamed(nlp):
    got = _direct(nlp, ["Paul Arnaud a présenté la réforme mardi.",
                        "Une association de défense des locataires a dénoncé une décision « injuste, brutale et "
                        "tout à fait inutile pour les familles »."])
    assert got == [(None, "unnamed_source")]


def test_il_after_a_definite_organisation_noun_is_the_organisation(nlp):
    got = _direct(nlp, ["Le Comité des riverains du Lac a publié son rapport mardi. Le comité s'inquiète de la "
                        "hausse des loyers. Il se dit préoccupé par « l'absence de logements sociaux dans le "
                        "quartier »."])
    assert got[0][0] == "Comité des riverains du Lac"


def test_elle_after_a_described_person_still_names_nobody(nlp):
    got = _direct(nlp, ["Le garage a fermé ses portes en mars.",
                        "La cliente s'est présentée devant les juges. Elle a expliqué que « la facture avait été "
                        "doublée sans aucune explication »."])
    assert got[0][0] is None


def test_the_incise_pronoun_is_its_sentence_s_organisation_noun_subject(nlp):
    # "il" is "le conseil", the subject of its own sentence, not the person named in the sentence before
    # (the scorer may still overrule it when a person of the pronoun's gender is the sentence before's subject)
    got = _direct(nlp, ["Paul Arnaud a ouvert le débat lundi.",
                        "Il cite les travaux du Conseil de la jeunesse, qui a rendu un rapport en mars. Le conseil y "
                        "dresse le même constat : « la précarité des jeunes augmente depuis vingt ans dans toutes "
                        "les régions », écrit-il."])
    assert got == [("Conseil de la jeunesse", "organisation_noun_subject")]


def test_an_organisation_noun_in_a_subordinate_clause_is_not_the_pronoun(nlp):
    got = _direct(nlp, ["Paul Arnaud cite les travaux du Conseil de la jeunesse. Alors que le conseil hésite encore, "
                        "il a estimé que « la précarité des jeunes augmente depuis vingt ans dans toutes les "
                        "régions »."])
    assert got[0][0] == "Paul Arnaud"


def test_a_person_noun_subject_is_left_to_the_person_rules(nlp):
    got = _direct(nlp, ["Le Conseil de la jeunesse a reçu Paul Arnaud mardi. Le ministre y a dressé le même constat : "
                        "« la précarité des jeunes augmente depuis vingt ans dans toutes les régions », a-t-il dit."])
    assert got[0][0] == "Paul Arnaud"


def test_comme_le_with_a_verb_the_tagger_misreads_is_a_cue(nlp):
    # "résume" after "comme le" is tagged a proper noun: it is the verb of the aside all the same
    got = _direct(nlp, ["La campagne a repris lundi.",
                        "Comme le résume la Gazette de Vienne, le public n'avait jamais assisté à un duel aussi "
                        "« dédaigneux, intense et parfois même franchement hérissant »."])
    assert [s for s, _ in got] == ["Gazette de Vienne"]


def test_il_opening_a_sentence_after_an_organisation_noun_subject_is_the_organisation(nlp):
    got = _direct(nlp, ["Paul Arnaud a été entendu mardi. Le Comité des riverains du Lac a publié son avis. Le comité "
                        "dénonce aussi le bruit des camions. Il demande à la mairie de « redoubler d'efforts pour "
                        "prévenir et combattre efficacement les nuisances »."])
    assert got == [("Comité des riverains du Lac", "organisation_noun_subject")]


def test_the_information_of_a_newspaper_is_its_voice(nlp):
    got = _direct(nlp, ["Paul Arnaud a démissionné lundi.",
                        "Selon les informations de la Gazette de Vienne, le ministre « aurait déjà présenté sa "
                        "démission au chef du gouvernement la semaine dernière »."])
    assert got == [("Gazette de Vienne", "document_voice")]


def test_information_of_nobody_named_stays_unnamed(nlp):
    got = _direct(nlp, ["Paul Arnaud a démissionné lundi.",
                        "Selon des informations de source policière, le ministre « aurait déjà présenté sa démission "
                        "au chef du gouvernement la semaine dernière »."])
    assert got[0][0] is None


def test_a_newspaper_noun_with_its_name_in_apposition_is_the_newspaper(nlp):
    people = (("Paul Arnaud", "PER"), ("The Gazette", "ORG"))
    got = [(s, r) for _, s, r in quote_direct(nlp, [
        "Le ministre Paul Arnaud a démissionné.",
        "Le journal anglais The Gazette a déclaré que sa décision était « une surprise totale pour tout le monde »."],
        people, "case")]
    assert got[0][0] == "The Gazette"


def test_a_newspaper_noun_alone_stays_unnamed(nlp):
    people = (("Paul Arnaud", "PER"), ("The Gazette", "ORG"))
    got = [(s, r) for _, s, r in quote_direct(nlp, [
        "Le ministre Paul Arnaud a démissionné.",
        "Un journal anglais a déclaré que sa décision était « une surprise totale pour tout le monde »."],
        people, "case")]
    assert got[0][0] is None


AFTER_A_BREAK = ["Le chantier a pris du retard pendant l'hiver, à cause des pluies.",
                 "Le groupe Vernal a fermé deux dépôts au bord du canal l'an dernier. Le comité de quartier ne s'est pas "
                 "réuni depuis l'automne. « Pour l'instant, rien ne bouge », déclarait-il."]


def test_an_organisation_never_given_a_voice_does_not_take_over_the_last_speaker(nlp):
    # two sentences on organisations before "déclarait-il": still the man who spoke last
    got = _direct(nlp, ["« Le marché couvert rouvrira en mai », a assuré Paul Arnaud.", *AFTER_A_BREAK])
    assert got == [("Paul Arnaud", "person_in_subject"), ("Paul Arnaud", "pronoun_antecedent")]


def test_an_organisation_that_spoke_keeps_its_pronoun_after_a_person(nlp):
    got = _direct(nlp, ["« Nos dépôts resteront ouverts », avait promis le groupe Vernal en mars. « Le marché couvert "
                        "rouvrira en mai », a assuré Paul Arnaud.", *AFTER_A_BREAK])
    assert [s for s, _ in got] == ["Vernal", "Paul Arnaud", "Vernal"]
