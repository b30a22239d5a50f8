"""Who asserts a claim: the author, a named source, or hedged wording."""

from __future__ import annotations

import pytest

from presslens.events.attribution import attribute
from presslens.events.model import Attribution


def _attribution(text: str, language: str = "en") -> Attribution:
    return attribute(text, 0, len(text), language)


def test_attribution_author_by_default() -> None:
    assert _attribution("Two buses were set on fire near the depot.").kind == "author"
    assert _attribution("У вокзала сгорели два автобуса.", "ru").kind == "author"


@pytest.mark.parametrize(
    ("text", "language", "source"),
    [
        ("Four people were detained, the ministry said.", "en", "the ministry"),
        ("Police said the driver fled on foot.", "en", "Police"),
        ("The depot burned down, according to the fire service.", "en", "the fire service"),
        ("По словам губернатора, погибли два человека.", "ru", "губернатора"),
        ("Задержаны трое мужчин, сообщили в МВД.", "ru", "МВД"),
        ("Представитель ведомства заявил, что пострадавших нет.", "ru", "Представитель ведомства"),
        ("Как утверждают местные жители, троих выслали из страны.", "ru", "местные жители"),
        ("Как пишут местные газеты, склад сгорел.", "ru", "местные газеты"),
        ("Local residents, however, say the detainees were unarmed.", "en", "Local residents"),
        ("Местные жители, напротив, утверждают, что оружия не было.", "ru", "Местные жители"),
    ],
)
def test_attribution_named_source(text: str, language: str, source: str) -> None:
    attribution = _attribution(text, language)
    assert attribution.kind == "source"
    assert attribution.source == source
    assert attribution.text and attribution.text in text


@pytest.mark.parametrize(
    ("text", "language", "cue"),
    [
        ("The soldiers allegedly opened fire on the crowd.", "en", "allegedly"),
        ("Three guards were reportedly wounded.", "en", "reportedly"),
        ("Боевики якобы обстреляли колонну.", "ru", "якобы"),
        ("По некоторым данным, задержаны пятеро.", "ru", "По некоторым данным"),
        ("Предположительно, взрыв произошёл в подвале.", "ru", "Предположительно"),
    ],
)
def test_attribution_hedged(text: str, language: str, cue: str) -> None:
    attribution = _attribution(text, language)
    assert attribution.kind == "hedged"
    assert attribution.text == cue


def test_attribution_hedge_wins_but_keeps_the_source() -> None:
    attribution = _attribution("Police said the man allegedly fired first.")
    assert attribution.kind == "hedged"
    assert attribution.source == "Police"


def test_attribution_pronoun_is_not_a_named_source() -> None:
    assert _attribution("He said the fire started in the kitchen.").kind == "author"


@pytest.mark.parametrize(
    ("text", "language", "source", "cue"),
    [
        (
            "A ministry spokesman denied reports that two soldiers were detained.",
            "en",
            "A ministry spokesman",
            "denied",
        ),
        (
            "Пресс-секретарь министерства якобы опроверг сообщения о задержании двух солдат.",
            "ru",
            "Пресс-секретарь министерства",
            "якобы",
        ),
        ("МВД отрицает, что кто-то был задержан.", "ru", "МВД", "отрицает"),
    ],
)
def test_attribution_a_denied_claim_is_hedged_and_names_who_denies(
    text: str, language: str, source: str, cue: str
) -> None:
    attribution = _attribution(text, language)
    assert (attribution.kind, attribution.source, attribution.text) == ("hedged", source, cue)


def test_attribution_denied_bail_denies_no_claim() -> None:
    attribution = _attribution("The gunman was denied bail on Monday, police said.")
    assert (attribution.kind, attribution.source) == ("source", "police")
