"""A one-word capitalised noun in marks inside a sentence is a name or a term, not someone's words, even
inside a clause a speech verb reports (issue 16). Invented sentences and people only."""

from __future__ import annotations

from conftest import quote_direct

PEOPLE = (("Paul Arnaud", "PER"), ("Anne Roy", "PER"))


def _quotes(nlp, paragraphs: list[str]) -> list[str]:
    return [words for words, _, _ in quote_direct(nlp, paragraphs, PEOPLE, "names")]


def test_a_name_in_marks_inside_a_reported_clause_is_no_quote(nlp):
    assert _quotes(nlp, ["Le pasteur Paul Arnaud prêchait que six « Marie » seraient choisies parmi les fidèles."]) == []


def test_a_lower_case_word_in_marks_after_a_speech_verb_is_still_a_quote(nlp):
    assert _quotes(nlp, ["Paul Arnaud a dénoncé une « trahison » des élus de la majorité."]) == ["trahison"]


def test_a_one_word_answer_opening_the_sentence_is_still_a_quote(nlp):
    assert _quotes(nlp, ["Paul Arnaud lui a demandé s'il restait. « Non », a répondu Anne Roy."]) == ["Non"]


def test_a_title_after_a_naming_word_is_no_quote(nlp):
    # a work, a slogan or a body named in marks after the noun or participle that introduces it
    assert _quotes(nlp, ["Paul Arnaud a publié un roman intitulé « Les jours ont passé sans nous » chez un petit éditeur."]) == []
    assert _quotes(nlp, ["Anne Roy présentera samedi son film « Nous irons tous au bord de la mer » à Vienne."]) == []
    assert _quotes(nlp, ["Les manifestants ont déployé une banderole « Nous ne paierons pas leur crise » devant la mairie."]) == []


def test_a_charge_in_marks_is_no_quote(nlp):
    # a legal charge and the list that follows it
    assert _quotes(nlp, ["Paul Arnaud a été mis en examen pour « abus de confiance aggravé et faux en écriture »."]) == []
    assert _quotes(nlp, ["Ils sont poursuivis sous plusieurs chefs d'accusation, comme « menace de mort réitérée », "
                         "« séquestration de plusieurs personnes » et « vol en bande organisée »."]) == []


def test_speech_after_a_colon_is_still_a_quote(nlp):
    assert _quotes(nlp, ["Anne Roy, la réalisatrice du film, a expliqué : « Nous avons tourné tout l'été à Vienne »."]) == [
        "Nous avons"]


def test_the_name_of_a_body_in_marks_is_no_quote(nlp):
    people = PEOPLE + (("Courrier de Vienne", "ORG"),)
    found = quote_direct(nlp, ["L'enjeu, rapporte le « Courrier de Vienne », est de sauver les archives de la ville."],
                         people, "names")
    assert found == []


def test_a_testimony_whose_opening_mark_was_lost_is_a_quote(nlp):
    paragraphs = ["Anne Roy raconte dans une vidéo les mois passés dans ce village.",
                  "Ils m'ont enfermée pendant des semaines et je ne leur pardonnerai jamais ce qu'ils ont fait. »",
                  "La vidéo a été vue des milliers de fois."]
    assert [(w, s) for w, s, _ in quote_direct(nlp, paragraphs, PEOPLE, "names")] == [("Ils m'ont", "Anne Roy")]


def test_third_person_prose_ending_on_a_stray_mark_is_no_quote(nlp):
    paragraphs = ["Paul Arnaud court depuis dix ans.",
                  "Il avait fini troisième de la course de Vienne en septembre, puis a couru à Lyon et à Nice. »"]
    assert _quotes(nlp, paragraphs) == []


def test_a_name_given_by_dite_or_quon_appelle_is_no_quote(nlp):
    assert _quotes(nlp, ["Paul Arnaud défend depuis mars la loi dite « Avenir des campagnes et des villages »."]) == []
    assert _quotes(nlp, ["Les élèves pratiquent ce qu'on appelle la « lecture en diagonale sur écran » au lycée."]) == []


def test_se_dire_is_speech_not_a_name(nlp):
    assert _quotes(nlp, ["Anne Roy s'est dite « très inquiète pour la suite du chantier » mardi soir."]) == ["très inquiète"]


def test_a_title_after_a_noun_with_an_elided_article_is_no_quote(nlp):
    # "l'exposition « … »", "l'émission « … »": the article glued to the work's noun
    assert _quotes(nlp, ["Anne Roy présente l'exposition « Les Jardins de Valmorte » à la mairie jusqu'en mai."]) == []
    assert _quotes(nlp, ["Paul Arnaud était l'invité samedi de l'émission « Tous au Balcon » sur une radio locale."]) == []


def test_a_thing_called_by_a_name_in_marks_is_no_quote(nlp):
    assert _quotes(nlp, ["Les chercheurs décrivent un effet appelé « mémoire des lieux » chez les oiseaux migrateurs."]) == []
    assert _quotes(nlp, ["Le jury a remis samedi les prix « Jeunes Plumes » à trois lycéens de Valmorte."]) == []


def test_a_call_made_with_appeler_is_still_a_quote(nlp):
    assert _quotes(nlp, ["Paul Arnaud a appelé « chacun à garder son calme jusqu'au vote » devant les élus."]) == [
        "chacun à"]


def test_a_call_to_act_after_appele_is_still_a_quote(nlp):
    assert _quotes(nlp, ["Les agents de Valmorte, appelés « à cesser le travail dès lundi matin » par Anne Roy, "
                         "hésitent encore."]) == ["à cesser"]


def test_words_shown_on_a_banner_or_a_placard_are_no_quote(nlp):
    # issue 16, kind Q5: a banner's or a slogan's words, whatever their case, and what one reads on a placard
    assert _quotes(nlp, ["Mardi soir, les voisins ont déployé une banderole « on reste ici et on ne partira pas » "
                         "sur la façade."]) == []
    assert _quotes(nlp, ["Des centaines de parents ont défilé sous le slogan « des maîtres pour nos enfants, pas des "
                         "promesses »."]) == []
    assert _quotes(nlp, ["Paul Arnaud a fixé une pancarte sur sa grille, où l'on peut lire « ici on soutient les "
                         "infirmières de nuit »."]) == []


def test_reading_a_report_is_still_a_quote(nlp):
    # a reading phrase with no thing that shows words before it: a document's words, kept
    found = _quotes(nlp, ["Dans le rapport remis par Anne Roy, on peut lire « les moyens manquent partout depuis "
                          "des années dans les hôpitaux »."])
    assert len(found) == 1


def test_a_document_a_programme_or_an_issue_named_in_marks_is_no_quote(nlp):
    # the title follows its noun (one adjective may stand between) or "dite aussi"
    assert _quotes(nlp, ["Ce soir, Anne Roy présentera le document « Au cœur du port de Vienne » sur une chaîne locale."]) == []
    assert _quotes(nlp, ["Paul Arnaud a lancé le programme gouvernemental « Vivre mieux dans la ville » en juin."]) == []
    assert _quotes(nlp, ["Cet article est extrait du numéro « Tout pour la maison » du magazine d'Anne Roy."]) == []
    assert _quotes(nlp, ["Paul Arnaud a défendu la loi d'orientation, dite aussi « loi des quartiers », au Sénat."]) == []


def test_words_said_about_a_programme_are_still_a_quote(nlp):
    assert _quotes(nlp, ["Paul Arnaud a défendu son programme : « Nous allons rouvrir toutes les écoles du quartier »."]) == [
        "Nous allons"]
