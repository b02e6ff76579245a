"""Metadata stage: dateline fields, publication date and publishing site (see ``stage.py``).

Date parsing and datelines live in ``veille.common.dates`` / ``veille.common.datelines`` (the
clean stage reads them too); they are re-exported here for the callers of the former module.
"""

from veille.common.datelines import (
    DatelineMatch,
    agencies,
    find_dateline,
    normalize_place,
    organisation_names,
)
from veille.common.dates import (
    TEXT_DATE,
    DateParts,
    calendar,
    dates_in,
    find_date_in_line,
    find_full_date,
    month_number,
    normalize_date,
    parse_date,
)
from veille.metadata.sources import header_date, host_of, url_date
from veille.metadata.stage import MetadataStage
from veille.metadata.years import infer_year, page_years, text_years, weekday_evidence

__all__ = [
    "TEXT_DATE", "DateParts", "DatelineMatch", "MetadataStage", "agencies", "calendar", "dates_in",
    "find_date_in_line", "find_dateline", "find_full_date", "header_date", "host_of", "infer_year",
    "month_number", "normalize_date", "normalize_place", "organisation_names", "page_years", "parse_date",
    "text_years", "url_date", "weekday_evidence",
]
