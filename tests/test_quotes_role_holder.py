"""A definite role noun as a cue's subject speaks for the person the article makes the holder of that role
(issue 16, ``quotes/role_holder.py``): the one person the entity stage linked that role phrase to, or, in an
opening where nobody is named yet, the person named after it with that role. Invented sentences and names only."""

from __future__ import annotations

from veille.model import Article, Entity


def _quotes(nlp, paragraphs: list[str], people: dict[str, list[str | tuple[str, int]]]
            ) -> list[tuple[str, str, str | None, str | None]]:
    """(kind, first two words, speaker, rule) of each quote; ``people`` maps a person's name to the descriptor
    phrases the entity stage would have linked to them: the last occurrence of each, or the given one
    (``(phrase, n)``: its n-th occurrence, from 0); the others, the cue's subject among them, stay unlinked."""
    from veille.pipeline import Context
    from veille.quotes import QuoteStage
    from veille.settings import Settings

    art = Article(id="role", paragraphs=list(paragraphs))
    text = art.nlp_text()
    for name, phrases in people.items():
        spans = []
        i = text.find(name)
        while i >= 0:
            spans.append([i, i + len(name)])
            i = text.find(name, i + 1)
        forms = [name]
        for phrase in phrases:
            form, nth = phrase if isinstance(phrase, tuple) else (phrase, -1)
            hits = [k for k in range(len(text)) if text.startswith(form, k)]
            spans.append([hits[nth], hits[nth] + len(form)])
            forms.append(form)
        art.entities.append(Entity(name=name, type="PER", mentions=forms, spans=sorted(spans)))
    QuoteStage(Context(settings=Settings(explain=True)))(art, nlp(text))
    return [(q.kind, " ".join(q.text.split()[:2]), q.speaker, q.rule) for q in art.quotes]


def _speaker_of(quotes: list[tuple[str, str, str | None, str | None]], words: str) -> tuple[str | None, str | None]:
    return next((s, r) for _, w, s, r in quotes if w == words)


def test_a_role_the_entity_stage_linked_to_one_person_is_that_person(nlp):
    got = _quotes(nlp, [
        "Le scandale grandit à Vienne autour de la ministre de la Santé Claire Dubois. Le Premier ministre lui-même a "
        "fait savoir qu'il lui cherchait déjà une remplaçante.",
        "Mercredi, la ministre dînait avec un proche du Premier ministre Paul Arnaud dans un restaurant."],
        {"Paul Arnaud": ["Premier ministre"], "Claire Dubois": []})
    assert _speaker_of(got, "il lui") == ("Paul Arnaud", "role_holder")


def test_two_holders_of_the_role_leave_it_to_the_descriptor_rule(nlp):
    got = _quotes(nlp, [
        "Le sommet s'est ouvert à Vienne en présence de Claire Dubois. Le Premier ministre a assuré que "
        "l'accord serait signé avant l'été.",
        "Le Premier ministre Paul Arnaud a reçu son homologue Marc Lefort. Le soir, le Premier ministre a dîné "
        "avec lui, puis le Premier ministre est reparti."],
        {"Paul Arnaud": [("le Premier ministre", 0)], "Marc Lefort": [("le Premier ministre", 1)], "Claire Dubois": []})
    assert _speaker_of(got, "l'accord serait")[1] != "role_holder"


def test_a_role_with_another_complement_is_not_the_linked_holder(nlp):
    got = _quotes(nlp, [
        "Le ministre de la Défense a assuré que les exercices reprendraient en mai.",
        "Mercredi, le ministre de l'Intérieur Paul Arnaud a visité la caserne."],
        {"Paul Arnaud": ["ministre de l'Intérieur"]})
    assert _speaker_of(got, "les exercices") != ("Paul Arnaud", "role_holder")


def test_an_opening_role_goes_to_the_person_named_after_with_that_role(nlp):
    got = _quotes(nlp, [
        "« Ce film raconte notre revanche », explique le réalisateur du documentaire.",
        "La chaîne diffuse samedi le film. Rencontre avec le réalisateur, Paul Arnaud, qui a suivi les "
        "joueurs pendant deux ans, et avec la productrice Claire Dubois."],
        {"Paul Arnaud": [], "Claire Dubois": []})
    assert _speaker_of(got, "Ce film") == ("Paul Arnaud", "role_holder")


def test_an_opening_role_goes_to_the_only_person_the_article_describes(nlp):
    got = _quotes(nlp, [
        "Le vétérinaire a assuré qu'il ne pouvait plus soigner le poulain du centre équestre.",
        "Ce refus, écrit sur un forum par le dentiste équin Paul Arnaud, a surpris les cavaliers."],
        {"Paul Arnaud": []})
    assert _speaker_of(got, "il ne") == ("Paul Arnaud", "role_holder")


def test_an_opening_role_with_several_people_named_after_is_nobody_s(nlp):
    got = _quotes(nlp, [
        "Le vétérinaire a assuré qu'il ne pouvait plus soigner le poulain du centre équestre.",
        "Claire Dubois, avocate de la patiente, a écrit à Paul Arnaud, directeur de la clinique."],
        {"Paul Arnaud": [], "Claire Dubois": []})
    speaker, rule = _speaker_of(got, "il ne")
    assert rule != "role_holder"


def test_a_feminine_role_is_no_man_named_after(nlp):
    got = _quotes(nlp, [
        "« Nous rouvrirons la salle », assure la directrice du théâtre.",
        "Le bâtiment a été racheté par l'architecte Paul Arnaud en 2019."],
        {"Paul Arnaud": []})
    assert _speaker_of(got, "Nous rouvrirons")[1] != "role_holder"


def test_a_holder_named_before_with_the_role_in_apposition_stays_the_descriptor_s(nlp):
    got = _quotes(nlp, [
        "Claire Dubois, sociologue à l'université de Vienne, a suivi mille familles pendant le confinement.",
        "« Les inégalités de logement ont tout aggravé », souligne la sociologue."],
        {"Claire Dubois": []})
    assert _speaker_of(got, "Les inégalités") == ("Claire Dubois", "descriptor")


def test_a_linked_role_yields_to_a_holder_named_before_with_it(nlp):
    got = _quotes(nlp, [
        "Marc Lefort, président du club de Vienne, a reçu les joueurs. Le président a assuré que le stade "
        "serait rénové.",
        "Dimanche, le président Paul Arnaud a inauguré la saison, puis le président est reparti."],
        {"Paul Arnaud": ["le président"], "Marc Lefort": []})
    assert _speaker_of(got, "le stade") == ("Marc Lefort", "descriptor")
