"""The main event's date in context: inherited days, weak days, days that are not the event's."""

from __future__ import annotations

import datetime as dt

from presslens.document import Article
from presslens.events import extract_events, main_event
from presslens.read import article_from_text
from presslens.segment import Segmenter

PUBLISHED = dt.date(2025, 3, 12)  # a Wednesday


def _article(text: str, language: str = "en", published: dt.date | None = PUBLISHED) -> Article:
    article = article_from_text(text, published=published, language=language)
    Segmenter()([article])
    article.events = extract_events(article)
    return article


def _main_day(text: str, language: str = "en") -> str | None:
    event = main_event(_article(text, language))
    assert event is not None
    return event.date.start if event.date is not None and event.date.granularity == "day" else None


def test_undated_lead_takes_the_day_of_the_incident_below_not_of_a_plea() -> None:
    text = (
        "A 19-year-old has been charged with murder after he shot and killed a friend.\n\n"
        "The teen pleaded not guilty Monday and is held on $500,000 bail.\n\n"
        "Court papers say the victim was shot in a parking lot on March 1."
    )
    assert _main_day(text) == "2025-03-01"


def test_undated_lead_prefers_the_day_of_a_later_violent_sentence() -> None:
    text = (
        "A woman was wounded by gunfire outside a grocery store.\n\n"
        "Deputies arrested a neighbour on Tuesday.\n\n"
        "The shooting happened on Sunday afternoon, the sheriff said."
    )
    assert _main_day(text) == "2025-03-09"


def test_a_caption_before_the_story_still_dates_it_when_the_story_names_no_day() -> None:
    text = (
        "Crime scene tape on Elm Street on Friday afternoon.\n\n"
        "A man was shot and wounded near the corner of Elm and Third."
    )
    assert _main_day(text) == "2025-03-07"


def test_an_autopsy_day_is_not_the_shootings() -> None:
    text = (
        "An autopsy conducted Tuesday found that the boy died of a gunshot wound.\n\n"
        "The boy was shot at his home on Saturday night, police said."
    )
    assert _main_day(text) == "2025-03-08"


def test_the_day_a_report_was_released_is_not_the_shootings() -> None:
    text = (
        "The sheriff's office released a report Tuesday on the shooting that wounded four "
        "guests at a party.\n\n"
        "The gunfire broke out on Sunday night, deputies said."
    )
    assert _main_day(text) == "2025-03-09"


def test_a_quoted_last_night_does_not_outweigh_a_named_day() -> None:
    text = (
        "One man was killed and three were wounded in a shooting at a bar early Wednesday.\n\n"
        '"The shooting last night was horrific," a neighbour told reporters.'
    )
    assert _main_day(text) == "2025-03-12"


def test_last_night_alone_still_dates_the_event() -> None:
    text = "A man was shot and killed outside a restaurant last night, police said."
    assert _main_day(text) == "2025-03-11"


def test_a_weak_day_does_not_split_an_incident() -> None:
    article = _article(
        "Two men were shot outside a nightclub on Saturday night.\n\n"
        '"He was shot last night in front of me," a friend of one victim said.'
    )
    violent = [e for e in article.events if e.counts]
    assert len(violent) == 1
    assert violent[0].date is not None and violent[0].date.start == "2025-03-08"


def test_a_clock_time_with_its_time_zone_falls_on_the_day_named_before_it() -> None:
    text = (
        "Officers were called to a house on Monday morning. They arrived at 9:25 a.m. local "
        "time and found a man shot dead."
    )
    assert _main_day(text) == "2025-03-10"


def test_said_with_a_possessive_day_keeps_the_day() -> None:
    text = "Police said Friday’s shooting left one man dead and two wounded."
    assert _main_day(text) == "2025-03-07"


def test_russian_yesterday_does_not_outweigh_a_named_day() -> None:
    text = (
        "В среду утром неизвестный открыл огонь у кафе, погибли два человека.\n\n"
        "По словам свидетелей, вчера вечером стрелявший ранил ещё одного посетителя."
    )
    assert _main_day(text, "ru") == "2025-03-12"
