"""The main event's date in context: inherited days, weak days, days that are not the event's.

These are the rules' choices (``rank_days=False``); the learnt ranker that may overrule them
is tested in test_events_dates_rank.py.
"""

from __future__ import annotations

import datetime as dt

from presslens.document import Article
from presslens.events import extract_events, main_event
from presslens.read import article_from_text
from presslens.segment import Segmenter

PUBLISHED = dt.date(2025, 3, 12)  # a Wednesday


def _article(
    text: str,
    language: str = "en",
    published: dt.date | None = PUBLISHED,
    title: str | None = None,
) -> Article:
    article = article_from_text(text, title=title, published=published, language=language)
    Segmenter()([article])
    article.events = extract_events(article, rank_days=False)
    return article


def _main_day(text: str, language: str = "en", title: str | None = None) -> str | None:
    event = main_event(_article(text, language, title=title))
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


def test_the_day_officials_named_someone_is_not_the_shootings() -> None:
    text = (
        "Officials Tuesday identified the man who was shot and killed outside a bar.\n\n"
        "The victim, 24, was found on the sidewalk, a spokesman said."
    )
    assert _main_day(text) is None


def test_a_follow_up_day_after_the_date_is_passed_over() -> None:
    interview = "A sheriff said in a Monday interview that a hunter shot his friend by accident."
    assert _main_day(interview) is None
    died = "A teenager who was shot in a drive-by died Sunday from his injuries."
    assert _main_day(died) is None


def test_a_day_a_few_words_after_a_follow_up_verb_is_passed_over() -> None:
    text = (
        "The family spoke to reporters on Tuesday about the girl who was shot in the arm.\n\n"
        "She was hit by a stray bullet on Saturday evening, police said."
    )
    assert _main_day(text) == "2025-03-08"


def test_a_suspect_held_on_a_day_does_not_date_the_killing() -> None:
    text = (
        "The man accused of killing his neighbour was being held Tuesday on a murder charge.\n\n"
        "The neighbour was shot on Friday outside his house."
    )
    assert _main_day(text) == "2025-03-07"


def test_a_span_of_days_is_made_precise_by_a_day_inside_it() -> None:
    text = (
        "Police are still looking for the gunman in a shooting last month that killed a man.\n\n"
        "Witnesses said shots were fired outside a club at about 1:30 a.m. Feb. 21."
    )
    assert _main_day(text) == "2025-02-21"


def test_a_span_keeps_its_range_when_no_day_inside_it_is_named() -> None:
    text = "Two men were shot and killed last month in a parking lot, police said Tuesday."
    event = main_event(_article(text))
    assert event is not None and event.date is not None
    assert (event.date.start, event.date.end) == ("2025-02-01", "2025-02-28")


def test_the_small_hours_after_a_night_fall_on_the_next_day() -> None:
    text = (
        "Neighbours heard loud music from a house party late Friday night.\n\n"
        "Four people were shot outside the house at 12:40 a.m., police said."
    )
    assert _main_day(text) == "2025-03-08"


def test_an_evening_clock_time_stays_on_the_night_named() -> None:
    text = (
        "Neighbours heard loud music from a house party late Friday night.\n\n"
        "Four people were shot outside the house at 11:40 p.m., police said."
    )
    assert _main_day(text) == "2025-03-07"


def test_an_undated_lead_is_dated_by_a_later_clock_time() -> None:
    text = (
        "Five teenagers were shot at a motel overnight, officials say.\n\n"
        "The shootings happened around 12:30 a.m. near the pool."
    )
    assert _main_day(text) == "2025-03-12"


def test_the_title_dates_a_story_whose_body_names_no_day() -> None:
    text = "Police have arrested a suspect in the shooting of a man outside a nightclub."
    title = "Suspect arrested in Saturday nightclub shooting"
    assert _main_day(text, title=title) == "2025-03-08"
    assert _main_day(text, title="Suspect arrested in nightclub shooting") is None


def test_a_main_event_below_the_lead_takes_the_day_of_the_leads_incident() -> None:
    """The headline's figures match a shooting told further down; the lead's is the story's."""
    text = (
        "Gunmen opened fire at a bus stop on Elm Street on Monday evening, police said.\n\n"
        "Officers found shell casings near the shelter.\n\n"
        "Last June, a boy was shot in the leg two blocks away."
    )
    event = main_event(_article(text, title="Boy shot in the leg"))
    assert event is not None and event.counts["injured"].figure == 1  # its figures stay
    assert event.date is not None and event.date.start == "2025-03-10"


def test_a_main_event_with_only_a_span_takes_the_day_another_violent_event_gives() -> None:
    text = (
        "A woman was killed in a shooting in 2019, and her killer was never found.\n\n"
        "A man was shot on Bay Street at 11 p.m. Monday, police said."
    )
    assert _main_day(text) == "2025-03-10"


def test_an_undated_headline_event_takes_the_day_the_lead_names() -> None:
    text = (
        "Deputies were called to the woods near Pine Lake at 4:10 p.m. Sunday.\n\n"
        "The man is expected to recover."
    )
    assert _main_day(text, title="1 hurt in hunting accident") == "2025-03-09"


def test_an_undated_headline_event_does_not_take_the_day_of_another_event() -> None:
    text = "Police arrested a 22-year-old man on Tuesday, the sheriff's office said."
    article = _article(text, title="Suspect arrested in fatal shooting")
    headline_event = next(e for e in article.events if not e.evidence)
    assert headline_event.date is None
