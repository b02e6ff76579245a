"""A year-less dateline gets its year from the whole input, never from the chunks a worker
happened to run before it: the same answer with one worker, with two, run twice on the same
pool, after another input, and with any batch size; the doc stages see that final year. The
articles are invented (invented agency, invented people)."""

from __future__ import annotations

import json
from pathlib import Path

from veille import parallel
from veille.pipeline import Pipeline
from veille.readers import read_documents

YEARLESS = ("Les ministres de la Pêche se retrouvent à Bruxelles\n\n"
            "BRUXELLES, 6 avr. (Agence Modèle) –\n\n"
            "Les ministres de la Pêche doivent examiner le partage des quotas de l'Atlantique, "
            "a expliqué la négociatrice Lise Varenne-{i}.\n\n"
            "La réunion se tiendra mercredi et jeudi au siège du Conseil.\n")


def years_pipeline() -> Pipeline:
    """Clean and metadata on a blank French spaCy, and a doc stage noting the date it is given
    (module level: worker processes import it)."""
    import spacy

    return Pipeline(nlp=spacy.blank("fr"), doc_stages=["test_parallel_years:SeenDate"],
                    text_stages=["veille.clean:CleanStage", "veille.metadata:MetadataStage"])


class SeenDate:
    """The publication date a doc stage sees: the year must be known by then."""

    name = "seen_date"
    requires = ("published",)
    assigns = ()

    def __init__(self, ctx: object) -> None:
        pass

    def __call__(self, article, doc, ctx) -> None:
        article.hints["seen_date"] = article.published


def _dated(folder: Path, name: str, date: str, i: int) -> None:
    record = {"title": f"Le port de Kerlouan numéro {i} agrandit ses quais",
              "text": f"Le port de Kerlouan a présenté le chantier numéro {i} de ses quais, a indiqué "
                      f"son directeur Gaël Morvanic-{i} devant les pêcheurs réunis.",
              "date": date}
    (folder / f"{name}.json").write_text(json.dumps(record, ensure_ascii=False), encoding="utf-8")


def write_input(folder: Path) -> Path:
    """Year-less dispatches first beside one article of 2022, then fourteen of 2016 with more
    year-less dispatches among them: the whole input says 2016 (a Wednesday 6 April, as 2022)."""
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "a00.txt").write_text(YEARLESS.format(i=0), encoding="utf-8")
    _dated(folder, "a01", "2022-03-02", 1)
    (folder / "a02.txt").write_text(YEARLESS.format(i=2), encoding="utf-8")
    for i in range(3, 24):
        if i % 7 == 0:
            (folder / f"b{i:02d}.txt").write_text(YEARLESS.format(i=i), encoding="utf-8")
        else:
            _dated(folder, f"b{i:02d}", "2016-03-02", i)
    return folder


def _dates(articles) -> list[tuple[str, str | None, str | None]]:
    return [(Path(a.source.path).name, a.published, a.hints.get("seen_date")) for a in articles]


def test_year_less_dates_are_the_whole_input_s_whatever_the_workers(tmp_path: Path) -> None:
    corpus = str(write_input(tmp_path / "c"))
    other = tmp_path / "o"  # another input, all 2022: a pool that ran it first must not remember it
    other.mkdir()
    for i in range(12):
        _dated(other, f"x{i:02d}", "2022-03-02", 100 + i)
    serial = _dates(parallel.extract([corpus], 1, pipeline_factory=years_pipeline))
    assert len(serial) == 24
    yearless = [row for row in serial if row[0].endswith(".txt")]
    assert [(p, s) for _, p, s in yearless] == [("2016-04-06", "2016-04-06")] * 5
    with parallel.Workers(2, years_pipeline) as pool:
        runs = [_dates(pool.extract([corpus])) for _ in range(2)]
        list(pool.extract([str(other)]))
        runs.append(_dates(pool.extract([corpus])))
    assert runs == [serial] * 3
    pipeline = years_pipeline()
    for batch_size in (1, 3, 64):
        pipeline.batch_size = batch_size
        assert _dates(pipeline.process(read_documents([corpus]))) == serial
