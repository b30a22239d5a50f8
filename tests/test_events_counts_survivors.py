"""Figures of the wounded who lived, of pairs, of one more victim; numbers that count no one."""

from __future__ import annotations

import pytest

from presslens.events.counts import find_counts


def _figures(text: str, language: str = "en") -> dict[str, tuple[int, int | None]]:
    """Category → (low, exact) of the largest figure of each category."""
    found: dict[str, tuple[int, int | None]] = {}
    for finding in find_counts(text, 0, len(text), language):
        count = finding.count
        if finding.category not in found or count.low > found[finding.category][0]:
            found[finding.category] = (count.low, count.exact)
    return found


@pytest.mark.parametrize(
    ("text", "language", "category", "value"),
    [
        ("Four patrons were treated and released on Sunday.", "en", "injured", 4),
        ("Two men were treated at an area hospital and released.", "en", "injured", 2),
        ("Five customers were treated for minor gunshot wounds.", "en", "injured", 5),
        ("The other three are expected to recover.", "en", "injured", 3),
        ("Both brothers were released from the hospital on Monday.", "en", "injured", 2),
        ("A clerk was also shot, but survived the robbery.", "en", "injured", 1),
        ("The gunman killed two guards and wounded another.", "en", "injured", 1),
        ("A drive-by shooter kills one, injures four.", "en", "injured", 4),
        ("Gunman wounds two deputies at a traffic stop.", "en", "injured", 2),
        ("Officers found two teenagers with gunshot wounds near the park.", "en", "shot", 2),
        ("The clerk was struck in the leg by a stray round.", "en", "shot", 1),
        ("A girl was grazed by a bullet while she slept.", "en", "shot", 1),
        (
            "The courier, a father of three, was shot twice and died at the scene.",
            "en",
            "killed",
            1,
        ),
        ("Оба пострадавших были госпитализированы.", "ru", "injured", 2),
    ],
)
def test_counts_survivors_and_pairs(text: str, language: str, category: str, value: int) -> None:
    assert _figures(text, language)[category] == (value, value)


@pytest.mark.parametrize(
    "text",
    [
        "The 911 caller said her neighbour was found dead.",
        "A man between 25 and 35 years old was found dead.",
    ],
)
def test_counts_numbers_that_count_no_one(text: str) -> None:
    """An emergency number and an age range are no figures of people."""
    assert _figures(text)["killed"] == (1, 1)


def test_counts_both_is_two_people_who_share_a_fate() -> None:
    assert _figures("Both were pronounced dead at the scene.")["killed"] == (2, 2)


def test_counts_wounds_as_a_noun_takes_no_object() -> None:
    """ "Wounds" names injuries, not an act, unless a figure follows it."""
    assert "injured" not in _figures("His wounds were not life-threatening to anyone.")


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("The woman fatally shot her husband and three sons at their farm.", 4),
        ("A man shot and killed his neighbour's two daughters on Sunday.", 2),
        ("The gunman killed his wife and fled.", 1),
    ],
)
def test_counts_objects_joined_or_owned(text: str, value: int) -> None:
    """A person and a figure joined by "and" are one sum; a possessive is no one killed."""
    assert _figures(text)["killed"] == (value, value)


def test_counts_suspended_hyphen_is_an_age() -> None:
    """ "His 12- and 10-year-old sons": neither number counts the dead."""
    found = _figures("He shot and killed his 12- and 10-year-old sons on Friday.")
    assert all(low < 10 for low, _ in found.values())
