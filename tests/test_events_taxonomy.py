"""The event taxonomy: well formed, and each type's own example sentence yields that type."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.events import extract_events
from presslens.events.taxonomy import BY_ID, TYPES, VIOLENT_TYPES
from presslens.read import article_from_text
from presslens.segment import Segmenter


def _types(text: str, language: str) -> list[str]:
    article = article_from_text(text, published=dt.date(2025, 7, 10), language=language)
    Segmenter()([article])
    return [event.type for event in extract_events(article)]


def test_taxonomy_is_well_formed() -> None:
    assert len(BY_ID) == len(TYPES)
    assert {"violence_against_civilians", "arrest", "deportation", "protest"} <= set(BY_ID)
    assert len({t.rank for t in TYPES}) == len(TYPES)
    for event_type in TYPES:
        assert event_type.example and event_type.example_ru and event_type.acled
        assert set(event_type.triggers) == {"en", "ru"}
    assert {t.id for t in TYPES if t.violent} == VIOLENT_TYPES


@pytest.mark.parametrize("event_type", TYPES, ids=lambda t: t.id)
def test_taxonomy_english_example_yields_its_type(event_type: object) -> None:
    assert event_type.id in _types(event_type.example, "en")  # type: ignore[attr-defined]


@pytest.mark.parametrize("event_type", TYPES, ids=lambda t: t.id)
def test_taxonomy_russian_example_yields_its_type(event_type: object) -> None:
    assert event_type.id in _types(event_type.example_ru, "ru")  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("A drone strike hit a bus station, killing four people.", "en", "air_drone_strike"),
        ("Gunmen killed three farmers in a drone-free valley.", "en", "violence_against_civilians"),
        ("Two people were killed in a car crash on the motorway.", "en", None),
        ("В ДТП на трассе погибли два человека.", "ru", None),
        ("Власти выдворили из страны двух журналистов.", "ru", "deportation"),
    ],
)
def test_taxonomy_violent_type_needs_violence(
    text: str, language: str, expected: str | None
) -> None:
    found = [t for t in _types(text, language) if t in VIOLENT_TYPES or t == "deportation"]
    assert found == ([expected] if expected else [])


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("A father accidentally fired his gun at home on Sunday, striking his son.", "en"),
        ("A shotgun accidentally discharged, hitting a boy in the leg.", "en"),
        ("A girl was struck by a stray bullet outside her school.", "en"),
        ("He wounded himself with a rifle while hunting.", "en"),
        ("Мужчина был ранен у входа в магазин.", "ru"),
        ("Охранник выстрелил в нападавшего.", "ru"),
        ("A boy was shot at a shooting range; the gunman killed himself.", "en"),
    ],
)
def test_accidental_and_unaimed_shootings_are_violence(text: str, language: str) -> None:
    assert _types(text, language) == ["violence_against_civilians"]


@pytest.mark.parametrize(
    "text",
    [
        "The patient was discharged from the hospital on Monday.",
        "Wounded pride kept the coach silent after the final.",
        "The officer was honourably discharged and fired his agent.",
        "Shooting stars will light up the sky on Saturday.",
        "The shooting guard scored 30 points.",
        "Police released his mug shot and he got a flu shot in jail.",
        "The crew was shooting a film in the old town.",
        "The senate killed the bill, and the move is killing peace talks.",
    ],
)
def test_words_shared_with_shootings_alone_are_no_event(text: str) -> None:
    assert _types(text, "en") == []


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("The foreign ministry lodged a formal protest with the embassy.", "en"),
        ("The ministry handed the envoy a protest note.", "en"),
        ("МИД Таджикистана заявил протест послу.", "ru"),
        ("Посольству вручили ноту протеста.", "ru"),
    ],
)
def test_a_diplomatic_protest_is_a_statement_not_a_rally(text: str, language: str) -> None:
    assert _types(text, language) == ["statement"]


def test_a_crowd_that_protests_is_a_protest() -> None:
    assert _types("Hundreds of people protested outside the embassy.", "en") == ["protest"]
    assert _types("Сотни людей вышли на протест у посольства.", "ru") == ["protest"]
