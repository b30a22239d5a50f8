"""One death a noun or a headline tells of, and the killer who dies with his victims."""

from __future__ import annotations

import pytest

from presslens.events.counts import find_counts
from presslens.events.merge import counts_of


def _killed(text: str) -> tuple[int, int | None] | None:
    """(figure, exact) of the killed figure the sentence comes to, None when it gives none."""
    count = counts_of(find_counts(text, 0, len(text), "en")).get("killed")
    return None if count is None else (count.figure, count.exact)


@pytest.mark.parametrize(
    "text",
    [
        "Deputies seek a person of interest in a deadly shooting.",
        "Police investigate fatal shooting on Elm Street",
        "A teenager was charged in the shooting death of his classmate.",
        "The gun owner is not liable in the teen's death, a judge ruled.",
        "Slain clerk identified by police",
        "Boy, 14, fatally shot near the park",
        "Farm boy, 8, dies of accidental gunshot wound",
        "Fifth-grader dies after being shot at home",
    ],
)
def test_counts_one_death_from_a_noun_or_a_headline(text: str) -> None:
    assert _killed(text) == (1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "The city's death toll keeps rising, the mayor said.",
        "The state's death penalty law was upheld.",
        "Three men were killed in a deadly shooting on Friday.",
    ],
)
def test_counts_no_single_death_where_none_or_more_is_told(text: str) -> None:
    assert _killed(text) in (None, (3, 3))


def test_counts_a_gun_turned_on_the_shooter_is_his_death() -> None:
    assert _killed("The man then turned the gun on himself, police said.") == (1, 1)


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("He fatally shot two neighbours before turning the gun on himself.", 3),
        ("The gunman killed three co-workers and then killed himself.", 4),
        # a toll of the dead counts the killer already
        ("Three people were found dead in the murder-suicide; he turned the gun on himself.", 3),
        ("Police said it was a murder-suicide: the man turned the gun on himself.", 2),
    ],
)
def test_counts_the_killer_adds_to_his_victims_not_to_the_dead(text: str, value: int) -> None:
    count = _killed(text)
    assert count is not None and count[0] == value


def test_counts_self_figure_alone_is_one_death() -> None:
    findings = find_counts("She shot herself and later died.", 0, 32, "en")
    assert counts_of(findings)["killed"].figure == 1


@pytest.mark.parametrize(
    "text",
    [
        "Children are killed by guns left loaded at home far too often.",
        "People are being killed on our streets every week, the pastor said.",
    ],
)
def test_counts_a_bare_plural_of_the_dead_is_a_general_statement(text: str) -> None:
    assert _killed(text) is None


def test_counts_a_bare_plural_of_the_hurt_still_counts() -> None:
    findings = find_counts("Others were hurt in the crush.", 0, 30, "en")
    assert [(f.category, f.count.low) for f in findings] == [("injured", 2)]
