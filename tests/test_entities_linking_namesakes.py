"""entities/namesakes.py: a body linked by a name other countries' bodies share is unlinked in an
article about another country (invented articles, invented countries and people)."""

from __future__ import annotations

from veille.entities.mention import Mention
from veille.entities.namesakes import unlink_foreign_namesakes
from veille.kb import KB

ENTRIES = [
    {"id": "country:VD", "name": "Valdorie", "type": "LOC", "iso2": "VD", "demonyms": ["valdorien", "valdorienne"]},
    {"id": "country:NO", "name": "Norvège", "type": "LOC", "iso2": "NO", "demonyms": ["norvégien", "norvégienne"]},
    {"id": "place:oslo", "name": "Oslo", "type": "LOC", "country": "NO"},
    {"id": "org:ps-vd", "name": "Parti socialiste", "type": "ORG", "kind": "party", "country": "VD",
     "aliases": ["PS"]},
    {"id": "org:pvd", "name": "Parti du renouveau valdorien", "type": "ORG", "kind": "party", "country": "VD",
     "aliases": ["PRV"]},
    {"id": "person:lena-brisk", "name": "Léna Brisk", "type": "PER", "nationality": ["VD"]},
]


def kb() -> KB:
    out = KB()
    for e in ENTRIES:
        out.add(dict(e))
    return out.build()


def mention(text: str, key: str, kb_id: str, label: str = "ORG", source: str = "ner") -> Mention:
    start = text.index(key)
    return Mention(start, start + len(key), key, key, label, source, [kb_id], kb_id)


def clusters_for(text: str, names: list[tuple[str, str, str]]) -> dict:
    out: dict = {}
    for key, kid, label in names:
        out.setdefault(("kb", kid), []).append(mention(text, key, kid, label))
    return out


def test_a_shared_party_name_in_an_article_on_another_country_is_kept_as_written():
    text = "À Oslo, le Parti socialiste a perdu la mairie. Le maire d'Oslo reste en place."
    clusters = clusters_for(text, [("Parti socialiste", "org:ps-vd", "ORG"), ("Oslo", "place:oslo", "LOC")])
    clusters[("kb", "place:oslo")].append(mention(text, "Oslo", "place:oslo", "LOC"))
    unlink_foreign_namesakes(kb(), text, clusters)
    assert ("kb", "org:ps-vd") not in clusters
    moved = clusters[("name", "parti socialiste", "ORG")]
    assert [m.kb_id for m in moved] == [None]


def test_a_sign_of_the_party_s_country_keeps_the_link():
    # a person of that country, or its demonym anywhere in the text
    text = "À Oslo, le Parti socialiste de Léna Brisk a perdu. Oslo l'a dit deux fois."
    clusters = clusters_for(text, [("Parti socialiste", "org:ps-vd", "ORG"), ("Oslo", "place:oslo", "LOC"),
                                   ("Léna Brisk", "person:lena-brisk", "PER")])
    clusters[("kb", "place:oslo")].append(mention(text, "Oslo", "place:oslo", "LOC"))
    unlink_foreign_namesakes(kb(), text, clusters)
    assert ("kb", "org:ps-vd") in clusters
    text = "À Oslo, le PS valdorien tient congrès. Oslo l'accueille."
    clusters = clusters_for(text, [("PS", "org:ps-vd", "ORG"), ("Oslo", "place:oslo", "LOC")])
    clusters[("kb", "place:oslo")].append(mention(text, "Oslo", "place:oslo", "LOC"))
    unlink_foreign_namesakes(kb(), text, clusters)
    assert ("kb", "org:ps-vd") in clusters


def test_one_mention_of_another_country_or_a_name_of_its_own_is_not_enough():
    text = "Le Parti socialiste a tenu congrès. Un délégué venait d'Oslo."
    clusters = clusters_for(text, [("Parti socialiste", "org:ps-vd", "ORG"), ("Oslo", "place:oslo", "LOC")])
    unlink_foreign_namesakes(kb(), text, clusters)
    assert ("kb", "org:ps-vd") in clusters
    # a name no other country's body bears ("PRV") is linked whatever the article's places
    text = "À Oslo, le PRV a tenu congrès. Oslo l'accueille, Oslo s'en souviendra."
    clusters = clusters_for(text, [("PRV", "org:pvd", "ORG"), ("Oslo", "place:oslo", "LOC")])
    clusters[("kb", "place:oslo")] += [mention(text, "Oslo", "place:oslo", "LOC")] * 2
    unlink_foreign_namesakes(kb(), text, clusters)
    assert ("kb", "org:pvd") in clusters


def test_a_country_spelt_as_the_surname_of_the_person_named_in_full_is_that_person():
    from veille.entities.namesakes import surnames_over_places
    entries = ENTRIES + [{"id": "person:jo-norvege", "name": "Jo Norvège", "type": "PER", "nationality": ["VD"]}]
    base = KB()
    for e in entries:
        base.add(dict(e))
    base = base.build()
    text = "Jo Norvège a parlé. Les années Norvège sont finies, dit-on en Norvège."
    clusters = clusters_for(text, [("Jo Norvège", "person:jo-norvege", "PER")])
    first = text.index("Norvège", 10)
    last = text.rindex("Norvège")
    clusters[("kb", "country:NO")] = [Mention(first, first + 7, "Norvège", "Norvège", "LOC", "ner", ["country:NO"],
                                              "country:NO"),
                                      Mention(last, last + 7, "Norvège", "Norvège", "LOC", "ner", ["country:NO"],
                                              "country:NO")]
    surnames_over_places(base, text, clusters)
    assert [m.start for m in clusters[("kb", "person:jo-norvege")]] == [0, first]
    assert [m.start for m in clusters[("kb", "country:NO")]] == [last]  # "en Norvège": the country
