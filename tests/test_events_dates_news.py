"""News conventions of English dates: holidays, weekends, days told relative to another day,
and the page stamps that date the page rather than anything it reports (but give the day its
relative dates count from when the publication date given with it is later)."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.events.dates import earlier_stamp, find_dates, find_timexes, page_day

#: A Friday.
FRIDAY = dt.date(2016, 7, 22)


def days(text: str, published: dt.date = FRIDAY) -> list[tuple[str, str]]:
    """(text, first day) of every date found in ``text``."""
    return [(d.text, d.start) for d in find_dates(text, published, "en")]


@pytest.mark.parametrize(
    ("sentence", "day"),
    [
        ("A girl was shot on Easter Sunday in her home.", "2016-03-27"),
        ("The shots rang out on Easter at a family dinner.", "2016-03-27"),
        ("He was wounded at a party on the Fourth of July.", "2016-07-04"),
        ("Fireworks ended early on July Fourth, police said.", "2016-07-04"),
        ("Two men were shot on Mother’s Day outside a church.", "2016-05-08"),
        ("The boy was hurt on Father's Day near the lake.", "2016-06-19"),
        ("A march on Martin Luther King Jr. Day ended in gunfire.", "2016-01-18"),
        ("A bar fight on St. Patrick’s Day left one man wounded.", "2016-03-17"),
        ("The teen was killed on New Year’s Eve.", "2015-12-31"),
    ],
)
def test_holidays_are_the_latest_ones(sentence: str, day: str) -> None:
    found = find_dates(sentence, FRIDAY, "en")
    assert [d.start for d in found] == [day]


def test_fourth_of_july_is_a_day_not_the_month() -> None:
    assert days("Police were busy on the Fourth of July.") == [("the Fourth of July", "2016-07-04")]


@pytest.mark.parametrize(
    ("published", "first_day"),
    [
        (dt.date(2013, 6, 7), "2013-06-01"),  # Friday: the weekend five days back
        (dt.date(2013, 6, 3), "2013-06-01"),  # Monday: the weekend just over
        (dt.date(2013, 6, 2), "2013-05-25"),  # Sunday: the weekend before this one
    ],
)
def test_last_weekend_is_the_latest_one_over(published: dt.date, first_day: str) -> None:
    found = find_dates("Four people were shot last weekend.", published, "en")
    assert [(d.start, d.granularity) for d in found] == [(first_day, "day")]


def test_the_night_before_is_the_day_before_the_day_in_focus() -> None:
    text = "He died Sunday morning after being shot the night before, police said."
    assert days(text, dt.date(2015, 4, 20)) == [
        ("Sunday morning", "2015-04-19"),
        ("the night before", "2015-04-18"),
    ]


def test_that_night_and_the_next_morning_follow_the_day_in_focus() -> None:
    text = "On Monday, June 6, he bought a rifle. That night he fired it; the next morning he fled."
    assert [d.start for d in find_dates(text, FRIDAY, "en")] == [
        "2016-06-06",
        "2016-06-06",
        "2016-06-07",
    ]


def test_the_night_before_without_a_day_in_focus_is_not_guessed() -> None:
    assert find_dates("The night before, neighbours heard shouting.", FRIDAY, "en") == []


def test_the_day_before_an_event_named_after_it_is_not_anaphoric() -> None:
    assert days("On Monday he called. The day before the shooting he left.") == [
        ("Monday", "2016-07-18")
    ]


def test_capitalised_season_inside_a_sentence_is_a_place() -> None:
    assert (
        find_dates("Six members of a family were found dead in Spring, Texas.", FRIDAY, "en") == []
    )
    assert days("Crime fell in the spring.") == [("the spring", "2016-03-01")]


@pytest.mark.parametrize(
    "text",
    [
        "Posted: Friday, July 22, 2016 6:47 AM EDT Updated: Friday, July 22, 2016 7:02 AM EDT",
        "Updated: Jul 22, 2016 - 12:02 PM",
        "Shots fired on Elm Street — Jane Roe (@janeroe) July 22, 2016",
        "Residents fled. (Published Friday, July 22, 2016)",
    ],
)
def test_page_stamps_are_not_dates_of_events(text: str) -> None:
    found = days(text + "\n\nThe shooting happened Wednesday night.")
    assert found == [("Wednesday night", "2016-07-20")]


def test_page_stamps_still_are_time_expressions() -> None:
    values = [t.value for t in find_timexes("Updated: Jul 22, 2016 - 12:02 PM", FRIDAY, "en")]
    assert values == ["2016-07-22", "2016-07-22T12:02"]


def test_a_weekday_after_a_period_in_an_earlier_sentence_is_kept() -> None:
    text = "A teen was killed in April. The girl was shot Sunday afternoon."
    assert days(text) == [("April", "2016-04-01"), ("Sunday afternoon", "2016-07-17")]


@pytest.mark.parametrize(
    ("text", "day"),
    [
        ("Updated: 08/27/2015 6:53 PM\nCreated: 08/26/2015 5:11 AM\nPolice said", "2015-08-26"),
        ("Posted: Monday, May 4, 2015 5:29 PM EDT\nA man was shot", "2015-05-04"),
        ("Опубликовано: 5 марта 2015 года\nВ субботу", "2015-03-05"),
        ("Posted on Friday\nA man was shot", None),  # no year: not a stamp to count from
        ("The suspect posted bail on March 3, 2014.", None),  # a verb, not a label
    ],
)
def test_page_day_is_the_earliest_stamp_with_a_year(text: str, day: str | None) -> None:
    language = "ru" if text.startswith("Опубликовано") else "en"
    found = page_day(text, language)
    assert (found.isoformat() if found else None) == day


def test_the_stamp_replaces_the_publication_date_only_when_it_is_earlier() -> None:
    text = "Posted: May 4, 2015\nA man was shot on Saturday."
    assert earlier_stamp(text, dt.date(2017, 1, 28), "en") == dt.date(2015, 5, 4)
    assert earlier_stamp(text, dt.datetime(2017, 1, 28, 9, 30), "en") == dt.date(2015, 5, 4)
    assert earlier_stamp(text, None, "en") == dt.date(2015, 5, 4)
    assert earlier_stamp(text, dt.date(2015, 5, 3), "en") is None
    assert earlier_stamp("A man was shot.", dt.date(2015, 5, 3), "en") is None
