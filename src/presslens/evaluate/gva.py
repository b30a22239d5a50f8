"""Event extraction measured per article on the Gun Violence Archive data set.

Each article of a split is analysed (segment → events) and its *main event* — the one whose
casualty figures the title repeats, else the highest scoring, the earliest on ties
(:func:`presslens.events.main_event`) — is compared with the GVA incident the article reports:

- ``killed_exact`` / ``injured_exact``: the main event's figure equals GVA's (an exact figure,
  else a vague figure's lower bound; no figure or no event is 0);
- ``city``: the main event's place is GVA's city or county, over all articles and, as
  ``city_named``, over the articles whose text names that city at all (:func:`names_city`);
  ``city_named_verbatim`` counts instead the articles whose text holds GVA's label as written
  (:func:`names_city_verbatim`, the events issue's own "named in 73% of its articles");
- ``state``: the place's first-level division is GVA's state;
- ``date_day``: the main event's date is one day and it is GVA's incident day.

Each measure stands beside its floor, a trivial rule scored on the same articles: always 0
killed, always 1 injured (the most common values in training), the most common training city
and state, and the publication date as the incident day.

Articles whose incident is missing from ``incidents.jsonl`` are skipped (they have no gold).
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from presslens.document import Article
from presslens.evaluate.gva_data import (
    GvaIncident,
    Split,
    answers_city,
    count_figure,
    document_article,
    gold_city_names,
    load_documents,
    names_city,
    names_city_verbatim,
    normalise_place,
    share,
)
from presslens.evaluate.gva_data import load_incidents as load_gva_incidents
from presslens.events.model import Event


@dataclass(frozen=True, slots=True)
class _Scored:
    """One article's answers and its floor's answers, each right (True) or wrong."""

    killed: bool
    injured: bool
    city: bool
    state: bool
    day: bool
    names_city: bool
    names_city_verbatim: bool
    has_date: bool


def _score_article(
    article: Article, incident: GvaIncident, main: Event | None
) -> tuple[_Scored, Event | None]:
    place = main.place if main is not None else None
    date = main.date if main is not None else None
    counts = main.counts if main is not None else {}
    scored = _Scored(
        killed=count_figure(counts, "killed") == incident.killed,
        injured=count_figure(counts, "injured") == incident.injured,
        city=answers_city(place, incident.city),
        state=place is not None
        and normalise_place(place.admin1 or "") == normalise_place(incident.state),
        day=date is not None
        and date.granularity == "day"
        and incident.date is not None
        and date.start == incident.date.isoformat(),
        names_city=names_city(article.text, incident.city),
        names_city_verbatim=names_city_verbatim(article.text, incident.city),
        has_date=date is not None,
    )
    return scored, main


def _mode(values: Iterable[str]) -> str:
    return Counter(v for v in values if v).most_common(1)[0][0]


def evaluate_gva(
    data_dir: Path,
    split: Split = "validation",
    *,
    title_in_text: bool = False,
    limit: int | None = None,
) -> dict[str, float]:
    """Per-article event measures on a GVA split, each with its floor (module docstring).

    ``title_in_text`` reads each article as a text file whose first line is the title; the
    default reads it as the JSONL record ``presslens incidents`` gets (title beside the text).
    ``limit`` keeps the first articles only, for quick looks.
    """
    from presslens.events import main_event
    from presslens.pipeline import load_pipeline

    incidents = load_gva_incidents(data_dir, "all")
    documents = [d for d in load_documents(data_dir, split) if d.incident_id in incidents]
    documents = documents[:limit] if limit is not None else documents
    training = [i for i in incidents.values() if i.id and _in_training(i.id)]
    city_floor = normalise_place(_mode(i.city for i in training))
    state_floor = normalise_place(_mode(i.state for i in training))
    pipeline = load_pipeline(("segment", "events"))
    started = time.perf_counter()
    articles = list(
        pipeline.pipe(document_article(d, title_in_text=title_in_text) for d in documents)
    )
    seconds = time.perf_counter() - started
    rows = []
    for document, article in zip(documents, articles, strict=True):
        incident = incidents[document.incident_id]
        rows.append((document, incident, _score_article(article, incident, main_event(article))[0]))
    named = [r for r in rows if r[2].names_city]
    verbatim = [r for r in rows if r[2].names_city_verbatim]
    return {
        "articles": len(rows),
        "killed_exact": share([s.killed for _, _, s in rows]),
        "killed_exact_floor": share([i.killed == 0 for _, i, _ in rows]),
        "injured_exact": share([s.injured for _, _, s in rows]),
        "injured_exact_floor": share([i.injured == 1 for _, i, _ in rows]),
        "city": share([s.city for _, _, s in rows]),
        "city_floor": share([city_floor in gold_city_names(i.city) for _, i, _ in rows]),
        "city_named": share([s.city for _, _, s in named]),
        "city_named_floor": share([city_floor in gold_city_names(i.city) for _, i, _ in named]),
        "city_named_share": share([s.names_city for _, _, s in rows]),
        "city_named_verbatim": share([s.city for _, _, s in verbatim]),
        "city_named_verbatim_floor": share(
            [city_floor in gold_city_names(i.city) for _, i, _ in verbatim]
        ),
        "city_named_verbatim_share": share([s.names_city_verbatim for _, _, s in rows]),
        "state": share([s.state for _, _, s in rows]),
        "state_floor": share([normalise_place(i.state) == state_floor for _, i, _ in rows]),
        "date_day": share([s.day for _, _, s in rows]),
        "date_day_floor": share([d.published == i.date for d, i, _ in rows]),
        "date_known": share([s.has_date for _, _, s in rows]),
        "ms_per_article": round(1000 * seconds / max(1, len(rows)), 2),
    }


def _in_training(incident_id: str) -> bool:
    from presslens.evaluate.gva_data import is_validation

    return not is_validation(incident_id)
