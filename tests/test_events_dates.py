"""English date finding: absolute and relative dates anchored on a fixed publication date."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.events.dates import find_dates, find_timexes, normalise_timex
from presslens.events.model import DateRange

#: A Thursday.
PUBLISHED = dt.date(2025, 7, 10)


def only(text: str, published: dt.date | None = PUBLISHED, language: str = "en") -> DateRange:
    """The one date found in ``text``; fails when there is not exactly one."""
    found = find_dates(text, published, language)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize(
    ("sentence", "start", "end", "granularity"),
    [
        (
            "The attack happened on February 22, 2022, officials said.",
            "2022-02-22",
            "2022-02-22",
            "day",
        ),
        (
            "The attack happened on 22 February 2022 in the north.",
            "2022-02-22",
            "2022-02-22",
            "day",
        ),
        (
            "Protesters gathered on Feb. 22, 2022 outside the court.",
            "2022-02-22",
            "2022-02-22",
            "day",
        ),
        ("The order was signed on 22.02.2022 by the governor.", "2022-02-22", "2022-02-22", "day"),
        ("The ministry was founded in 2019.", "2019-01-01", "2019-12-31", "year"),
        ("Prices rose sharply in February 2022.", "2022-02-01", "2022-02-28", "month"),
        ("The law dates from the 1990s.", "1990-01-01", "1999-12-31", "decade"),
        ("It was built in the early 1990s.", "1990-01-01", "1993-12-31", "year"),
        ("The town was founded in the 20th century.", "1900-01-01", "1999-12-31", "century"),
        ("Growth slowed in early 2023, the bank said.", "2023-01-01", "2023-04-30", "month"),
        ("The plant closed in mid-2020.", "2020-05-01", "2020-08-31", "month"),
        ("Exports fell in Q3 2024.", "2024-07-01", "2024-09-30", "month"),
        ("Sales rose in the first half of 2024.", "2024-01-01", "2024-06-30", "month"),
        ("The dam broke in the fall of 2019.", "2019-09-01", "2019-11-30", "season"),
    ],
)
def test_absolute_dates(sentence: str, start: str, end: str, granularity: str) -> None:
    found = only(sentence)
    assert (found.start, found.end, found.granularity) == (start, end, granularity)


@pytest.mark.parametrize(
    ("sentence", "start", "end", "granularity"),
    [
        ("Two people were killed yesterday in the capital.", "2025-07-09", "2025-07-09", "day"),
        ("Police said on Tuesday that three men were detained.", "2025-07-08", "2025-07-08", "day"),
        ("The strike began on Thursday.", "2025-07-10", "2025-07-10", "day"),
        ("Troops left the town last week.", "2025-06-30", "2025-07-06", "day"),
        ("The report comes out next week.", "2025-07-14", "2025-07-20", "day"),
        ("Inflation peaked last month.", "2025-06-01", "2025-06-30", "month"),
        ("Elections are due next month.", "2025-08-01", "2025-08-31", "month"),
        ("The plant was closed last year.", "2024-01-01", "2024-12-31", "year"),
        ("The clinic opened 24 years ago.", "2001-01-01", "2001-12-31", "year"),
        ("The bridge collapsed two years ago.", "2023-01-01", "2023-12-31", "year"),
        ("A similar attack took place six months ago.", "2025-01-01", "2025-01-31", "month"),
        ("The village was shelled three days ago.", "2025-07-07", "2025-07-07", "day"),
        ("Clashes erupted late last year.", "2024-09-01", "2024-12-31", "month"),
        ("The talks started early last year.", "2024-01-01", "2024-04-30", "month"),
        ("Fighting resumed in mid last year.", "2024-05-01", "2024-08-31", "month"),
        ("Floods hit the region last summer.", "2024-06-01", "2024-08-31", "season"),
        ("The campaign began in March.", "2025-03-01", "2025-03-31", "month"),
        ("The army withdrew in May.", "2025-05-01", "2025-05-31", "month"),
        ("Hundreds were arrested in November.", "2024-11-01", "2024-11-30", "month"),
        ("The fire started on July 7.", "2025-07-07", "2025-07-07", "day"),
    ],
)
def test_relative_dates(sentence: str, start: str, end: str, granularity: str) -> None:
    found = only(sentence)
    assert (found.start, found.end, found.granularity) == (start, end, granularity)


def test_future_tense_looks_ahead() -> None:
    assert only("The ministers will meet on Tuesday in Geneva.").start == "2025-07-15"
    assert only("The vote is scheduled for September.").start == "2025-09-01"


def test_span_points_at_the_words() -> None:
    text = "Officials said late last year that 40 people had died."
    found = only(text)
    assert found.span is not None
    assert text[found.span.start : found.span.end] == found.text == "late last year"


def test_without_publication_date_only_absolute_dates_resolve() -> None:
    text = "Yesterday police said the attack of 22 February 2022 was planned last year."
    found = find_dates(text, None, "en")
    assert [(d.start, d.text) for d in found] == [("2022-02-22", "22 February 2022")]


def test_relative_only_text_gives_nothing_without_date() -> None:
    assert find_dates("It happened on Tuesday, two years ago, in March.", None, "en") == []


def test_decade_is_not_read_as_seconds() -> None:
    timexes = find_timexes("Crime fell in the 1990s.", PUBLISHED, "en")
    assert [(t.text, t.type, t.value) for t in timexes] == [("the 1990s", "DATE", "199")]


def test_modal_may_and_verb_march_are_not_months() -> None:
    text = "Workers may march to the square if talks fail."
    assert find_dates(text, PUBLISHED, "en") == []


def test_numbers_that_are_not_years() -> None:
    text = "The fund spent $2019 and 1,990 rifles were seized; turnout was 2020%."
    assert find_dates(text, PUBLISHED, "en") == []


def test_several_dates_in_text_order() -> None:
    text = "On Monday, a week after the 2019 ruling, protests spread; they ended in June."
    found = find_dates(text, PUBLISHED, "en")
    assert [d.text for d in found] == ["Monday", "2019", "June"]
    assert [d.start for d in found] == ["2025-07-07", "2019-01-01", "2025-06-01"]


def test_start_and_end_limit_the_search() -> None:
    text = "In 2019 the law passed. In 2021 it was repealed."
    found = find_dates(text, PUBLISHED, "en", start=24)
    assert [d.text for d in found] == ["2021"]
    assert found[0].span is not None and found[0].span.start == text.index("2021")


def test_datetime_publication_is_accepted() -> None:
    found = only("It happened yesterday.", dt.datetime(2025, 7, 10, 18, 30))
    assert found.start == "2025-07-09"


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("last month", "2025-06"),
        ("last week", "2025-W27"),
        ("the third quarter", "2025-Q3"),
        ("three years", "P3Y"),
        ("the past two weeks", "P2W"),
        ("now", "PRESENT_REF"),
        ("every week", "P1W"),
        ("10:35 a.m.", "2025-07-10T10:35"),
        ("this morning", "2025-07-10TMO"),
        ("nineteen ninety-six", "1996"),
        ("Christmas", "2024-12-25"),
    ],
)
def test_normalise_timex(text: str, value: str) -> None:
    assert normalise_timex(text, PUBLISHED, "en") == value


@pytest.mark.parametrize(
    ("text", "days"),
    [
        ("Seven people were shot at a Christmas party.", []),
        ("Gunfire broke out at a Christmas Eve party.", []),
        ("A man was shot on Christmas Eve.", ["2024-12-24"]),
        ("A man was shot on Christmas Day.", ["2024-12-25"]),
    ],
)
def test_a_holiday_that_names_a_party_dates_nothing(text: str, days: list[str]) -> None:
    assert [d.start for d in find_dates(text, PUBLISHED, "en")] == days


def test_normalise_timex_without_expression() -> None:
    assert normalise_timex("the committee", PUBLISHED, "en") is None


def test_anaphoric_year_earlier_follows_the_quarter_in_focus() -> None:
    text = "Profit rose in the third quarter to $5 million from $4 million a year earlier."
    values = [t.value for t in find_timexes(text, dt.date(1989, 10, 26), "en")]
    assert values == ["1989-Q3", "1988-Q3"]


@pytest.mark.parametrize(
    "text",
    [
        "Police were called to the 1700 block of Elm Street.",
        "The shots came from a car parked at 1816 N. Water.",
        "Neighbours gathered in front of 1311 Northwest 2nd Avenue.",
    ],
)
def test_street_numbers_are_not_years(text: str) -> None:
    assert find_dates(text, PUBLISHED, "en") == []


def test_modifier_before_a_month_and_day_keeps_the_day() -> None:
    date = only("The fire broke out early October 27, officials wrote.")
    assert (date.start, date.end, date.granularity) == ("2024-10-27", "2024-10-27", "day")


def test_dates_indefinite_weekday_is_no_particular_day() -> None:
    text = "Late last year, in the early hours of a cold Tuesday, police stormed the district."

    found = find_dates(text, dt.date(2025, 7, 14), "en")

    assert [(d.start, d.end, d.granularity) for d in found] == [
        ("2024-09-01", "2024-12-31", "month")
    ]


def test_a_weekday_before_a_word_that_starts_with_a_part_of_day_is_still_found() -> None:
    # "Saturday nightclub" is Saturday, not a "Saturday night" cut off mid-word.
    found = only("Suspect arrested in Saturday nightclub shooting")
    assert (found.text, found.start) == ("Saturday", "2025-07-05")
    assert only("She was shot Saturday night.").text == "Saturday night"
    assert find_dates("The bar is busy on Friday nights.", PUBLISHED, "en") == []
