"""Incidents as a terminal timeline, JSON, CSV and a standalone offline HTML page.

All four render the same :class:`~presslens.incidents.model.Incident` objects; the JSON is the
contract (docs/incidents.md), the others are views of it.
"""

from __future__ import annotations

import csv
import html
from collections.abc import Sequence
from typing import IO, Any

from rich import box
from rich.console import Console
from rich.table import Table

from presslens.events.model import Count, DateRange, Place
from presslens.incidents.model import COUNT_KINDS, Incident, IncidentSource

#: Version of the ``presslens incidents --format json`` document; bump on incompatible change.
SCHEMA_VERSION = "1.0"
#: Characters of evidence quoted per span in the HTML page.
_QUOTE_CHARS = 300
#: Narrowest the terminal table makes its type column ("civilians" unbroken).
_TYPE_WIDTH = 9


def incidents_document(incidents: Sequence[Incident]) -> dict[str, Any]:
    """The JSON document: ``{"schema_version": "1.0", "incidents": [...]}``."""
    return {"schema_version": SCHEMA_VERSION, "incidents": [i.to_dict() for i in incidents]}


def _range(count: Count) -> str:
    if count.high is None:
        return f"≥{count.low}"
    return str(count.low) if count.high == count.low else f"{count.low}–{count.high}"


def format_count(count: Count | None) -> str:
    """A figure as people read it: "3", "≥12", "5–10"; "3 (3–5)" when sources span a range."""
    if count is None:
        return ""
    if count.exact is None:
        return _range(count)
    if count.low == count.exact == count.high:
        return str(count.exact)
    return f"{count.exact} ({_range(count)})"


def format_date(date: DateRange | None) -> str:
    """``2025-03-03`` for a day, ``2025-03-01..2025-03-31`` for a range, ``?`` when unknown."""
    if date is None:
        return "?"
    return date.start if date.start == date.end else f"{date.start}..{date.end}"


def format_place(place: Place | None) -> str:
    """The place's name with its region and country where known."""
    if place is None:
        return ""
    parts = [place.name or place.text, place.admin1, place.country]
    return ", ".join(dict.fromkeys(p for p in parts if p))


def _used_kinds(incidents: Sequence[Incident]) -> list[str]:
    return [k for k in COUNT_KINDS if any(k in i.counts for i in incidents)]


def _source_label(source: IncidentSource) -> str:
    return source.article.title or source.source


def print_timeline(incidents: Sequence[Incident], console: Console, *, articles: int) -> None:
    """The terminal view: one row per incident, by date."""
    kinds = _used_kinds(incidents)
    table = Table(
        title=f"{len(incidents)} incidents from {articles} articles",
        expand=False,
        box=box.SIMPLE_HEAD,
        pad_edge=False,
        collapse_padding=True,
    )
    # A type kept on one line ("violence_against_civilians") left the place and sources one
    # letter wide in an 80-column terminal: the type wraps between words instead, and the
    # borders and padding are thin. Minimum widths beyond the type's would widen the table
    # past the terminal, which crops the last column's text.
    table.add_column("Date", no_wrap=True)
    table.add_column("Type", overflow="fold", min_width=_TYPE_WIDTH)
    table.add_column("Place", overflow="fold")
    for kind in kinds:
        table.add_column(kind, justify="right", no_wrap=True)
    table.add_column("Sources", overflow="fold")
    for incident in incidents:
        copies = sum(len(g) - 1 for g in incident.duplicates)
        sources = f"{len(incident.sources)}"
        if copies:
            sources += f" ({copies} near-cop{'y' if copies == 1 else 'ies'})"
        names = ", ".join(s.source for s in incident.sources[:3])
        if len(incident.sources) > 3:
            names += ", …"
        table.add_row(
            format_date(incident.date),
            incident.type.replace("_", " "),  # wraps between words
            format_place(incident.place),
            *(format_count(incident.counts.get(k)) for k in kinds),
            f"{sources}: {names}",
        )
    console.print(table)


CSV_COLUMNS = (
    "incident_id", "date_start", "date_end", "type", "place", "admin1", "country", "lat", "lon",
    *COUNT_KINDS, "source", *(f"source_{k}" for k in COUNT_KINDS), "duplicate_group",
)  # fmt: skip


def write_csv(incidents: Sequence[Incident], stream: IO[str]) -> None:
    """One row per incident × source; counts as :func:`format_count` writes them.

    ``duplicate_group`` numbers the near-copy groups within an incident (empty when the source
    is nobody's copy).
    """
    writer = csv.writer(stream)
    writer.writerow(CSV_COLUMNS)
    for incident in incidents:
        group_of = {name: n for n, g in enumerate(incident.duplicates, 1) for name in g}
        place = incident.place
        for source in incident.sources:
            writer.writerow(
                [
                    incident.id,
                    incident.date.start if incident.date else "",
                    incident.date.end if incident.date else "",
                    incident.type,
                    (place.name or place.text) if place else "",
                    (place.admin1 or "") if place else "",
                    (place.country or "") if place else "",
                    "" if place is None or place.lat is None else place.lat,
                    "" if place is None or place.lon is None else place.lon,
                    *(format_count(incident.counts.get(k)) for k in COUNT_KINDS),
                    source.source,
                    *(format_count(source.counts.get(k)) for k in COUNT_KINDS),
                    group_of.get(source.source, ""),
                ]
            )


_CSS = """
body{font:15px/1.45 system-ui,sans-serif;margin:2rem auto;max-width:60rem;padding:0 1rem;color:#222}
h1{font-size:1.4rem}.meta{color:#666}
ol.timeline{list-style:none;margin:0;padding:0 0 0 1.2rem;border-left:3px solid #bbb}
ol.timeline>li{position:relative;margin:0 0 1.2rem;padding-left:.8rem}
ol.timeline>li::before{content:"";position:absolute;left:-1.72rem;top:.35rem;width:.8rem;
height:.8rem;border-radius:50%;background:#c33}
.date{font-weight:600}.type{background:#eee;border-radius:3px;padding:0 .3rem;margin:0 .3rem}
.counts span{margin-right:.8rem}blockquote{margin:.3rem 0 .3rem 1rem;color:#444;
border-left:2px solid #ddd;padding-left:.5rem}.copy{color:#a60}
"""


def _counts_html(counts: dict[str, Count]) -> str:
    cells = [
        f"<span>{html.escape(kind)}: <b>{html.escape(format_count(counts[kind]))}</b>"
        f" <q>{html.escape(counts[kind].text)}</q></span>"
        for kind in COUNT_KINDS
        if kind in counts
    ]
    return "".join(cells) or "<span>no figures</span>"


def _source_html(source: IncidentSource, copy_group: int | None) -> str:
    article = source.article
    head = html.escape(_source_label(source))
    if article.title and source.source != article.title:
        head += f' <span class="meta">({html.escape(source.source)})</span>'
    if article.published:
        head += f' <span class="meta">{article.published.isoformat()}</span>'
    if copy_group is not None:
        head += f' <span class="copy">near-copy group {copy_group}</span>'
    quotes = "".join(
        f"<blockquote>{html.escape(article.slice(span)[:_QUOTE_CHARS])}</blockquote>"
        for span in source.evidence
    )
    return f"<li>{head}<div class=counts>{_counts_html(source.counts)}</div>{quotes}</li>"


def _incident_html(incident: Incident) -> str:
    group_of = {name: n for n, g in enumerate(incident.duplicates, 1) for name in g}
    sources = "".join(_source_html(s, group_of.get(s.source)) for s in incident.sources)
    return (
        f'<li id="{html.escape(incident.id)}"><span class=date>'
        f"{html.escape(format_date(incident.date))}</span>"
        f"<span class=type>{html.escape(incident.type)}</span>"
        f"{html.escape(format_place(incident.place))}"
        f"<div class=counts>{_counts_html(incident.counts)}</div>"
        f"<details><summary>{len(incident.sources)} source(s)</summary><ul>{sources}</ul>"
        "</details></li>"
    )


def render_html(incidents: Sequence[Incident], *, articles: int) -> str:
    """A standalone page (no scripts, no external files) with the incidents as a timeline.

    Every piece of article text is HTML-escaped; evidence quotes are cut at a few hundred
    characters.
    """
    items = "".join(_incident_html(i) for i in incidents)
    return (
        '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'
        "<title>presslens incidents</title>"
        f"<style>{_CSS}</style></head><body><h1>Incidents</h1>"
        f"<p class=meta>{len(incidents)} incidents from {articles} articles, by date; "
        "figures are the conservative summary, each source's own below.</p>"
        f"<ol class=timeline>{items}</ol></body></html>\n"
    )
