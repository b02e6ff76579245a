"""Invented lines: a subheading or a kicker set on its own line above its text opens a paragraph;
hard-wrapped lines, lines cut near the wrap column and sentences going on stay one paragraph."""

from veille.clean.joins import opens_paragraph, paragraphs_of

WRAPPED = [
    "   La maire de Valbrune a présenté jeudi le budget de la commune devant le",
    "   conseil municipal, réuni en séance extraordinaire, selon Odile Ferrand.",
    "   Un budget sous tension",
    "   Le comité des finances a demandé un audit des comptes de la régie des",
    "   eaux, a indiqué son président, qui attend les conclusions avant l'été.",
]


def test_subheading_opens_a_paragraph_in_a_wrapped_dump() -> None:
    # (A line under a sentence's end stays in its paragraph: the parser breaks the sentence there.)
    paras = paragraphs_of(WRAPPED)
    assert len(paras) == 2
    assert paras[0].endswith("selon Odile Ferrand. Un budget sous tension")
    assert paras[1].startswith("Le comité des finances a demandé un audit des comptes de la régie des eaux,")


def test_name_cut_near_the_wrap_column_stays_in_its_sentence() -> None:
    lines = WRAPPED[:2] + [
        "   Pour la première fois depuis dix ans, explique la conseillère Gisèle",
        "   Marchetti, la commune devra emprunter pour financer ses travaux.",
    ]
    paras = paragraphs_of(lines, width=len(WRAPPED[0]))
    assert len(paras) == 1
    assert "Gisèle Marchetti, la commune" in paras[0]


def test_html_blocks_heading_above_text() -> None:
    # One block a line (an HTML view): a heading with no end mark above the paragraph it heads.
    lines = ["Le conseil a voté la hausse des tarifs après un long débat sur les transports.",
             "Menaces contre Léonce Baraton",
             "Le syndicat dénonce des courriers anonymes reçus par son délégué depuis mars."]
    assert paragraphs_of(lines) == [" ".join(lines[:2]), lines[2]]


def test_sentence_going_on_is_not_split() -> None:
    width = 80
    assert not opens_paragraph("Les élus de la majorité, dont", "Marine Le Bihan, ont voté contre.", width)
    assert not opens_paragraph("Le maire a tenu à remercier les", "« bénévoles de l'ombre » du festival.", width)
    assert not opens_paragraph("Le rapport a été publié.", "La ministre a réagi.", width)
    assert not opens_paragraph("Elle travaille chez Dupont-", "Martel depuis 2019.", width)
    assert opens_paragraph("Valbrune -", "La commission a rendu son avis.", width)
    assert opens_paragraph("Un budget sous tension", "Le comité a demandé un audit.", width)
