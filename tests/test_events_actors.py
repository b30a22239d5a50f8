"""Participants with normalised kinds, roles around a trigger, and victims' groups."""

from __future__ import annotations

import re

import pytest

from presslens.document import Span
from presslens.events.actors import assign_roles, find_participants, find_victims_groups


def _groups(text: str, language: str = "en") -> list[tuple[str, str]]:
    return [(m.kind, m.text) for m in find_victims_groups(text, 0, len(text), language)]


def test_victims_groups_ethnicity_and_citizenship_en() -> None:
    text = "Officers detained two ethnic Azerbaijanis, one of them a Russian citizen."
    assert _groups(text) == [
        ("ethnicity", "ethnic Azerbaijanis"),
        ("citizenship", "Russian citizen"),
    ]


def test_victims_groups_ethnicity_and_citizenship_ru() -> None:
    text = "Задержаны двое этнических азербайджанцев, один из них гражданин России."
    assert _groups(text, "ru") == [
        ("ethnicity", "этнических азербайджанцев"),
        ("citizenship", "гражданин России"),
    ]


@pytest.mark.parametrize(
    ("text", "language", "expected"),
    [
        ("Masked men attacked a group of Muslim worshippers.", "en", ("religion", "Muslim")),
        ("Forty Uzbek migrants were deported.", "en", ("nationality", "Uzbek migrants")),
        (
            "Two citizens of Tajikistan were questioned.",
            "en",
            ("citizenship", "citizens of Tajikistan"),
        ),
        ("Задержаны трое граждан Узбекистана.", "ru", ("citizenship", "граждан Узбекистана")),
        ("Полиция провела обыски у мусульман.", "ru", ("religion", "мусульман")),
        ("Депортированы таджикские мигранты.", "ru", ("nationality", "таджикские мигранты")),
    ],
)
def test_victims_groups_kinds(text: str, language: str, expected: tuple[str, str]) -> None:
    assert expected in _groups(text, language)


def test_victims_groups_leave_out_the_actor() -> None:
    text = "Russian soldiers shelled the village."
    actor = re.search("Russian soldiers", text)
    assert actor is not None
    groups = find_victims_groups(text, 0, len(text), "en", Span(actor.start(), actor.end()))
    assert groups == []


@pytest.mark.parametrize(
    ("text", "language", "kind"),
    [
        ("Riot police dispersed the crowd.", "en", "state_security"),
        ("Unidentified gunmen fired at the car.", "en", "perpetrator"),
        ("Rebels seized the town.", "en", "armed_group"),
        ("Силовики провели обыски.", "ru", "state_security"),
        ("Боевики обстреляли блокпост.", "ru", "armed_group"),
        ("Власти выслали дипломата.", "ru", "government"),
    ],
)
def test_participants_kind(text: str, language: str, kind: str) -> None:
    (first, *_) = find_participants(text, 0, len(text), language)
    assert first.kind == kind


def _roles(text: str, trigger: str, language: str = "en") -> tuple[str | None, str | None]:
    found = re.search(trigger, text)
    assert found is not None
    actor, target = assign_roles(
        text, Span(0, len(text)), Span(found.start(), found.end()), language
    )
    return (actor.text if actor else None, target.text if target else None)


def test_roles_active_subject_and_object() -> None:
    assert _roles("Militants attacked the villagers at dawn.", "attacked") == (
        "Militants",
        "villagers",
    )


def test_roles_passive_agent() -> None:
    assert _roles("Five protesters were detained by riot police.", "detained") == (
        "riot police",
        "Five protesters",
    )


def test_roles_passive_whose_trigger_holds_its_auxiliary() -> None:
    text = "Up to 20 people were wounded by gunfire."
    assert _roles(text, "were wounded")[1] == "people"
    assert _roles(text, "were wounded")[0] != "people"


def test_roles_russian_passive_with_instrumental_agent() -> None:
    text = "Активисты задержаны сотрудниками полиции."
    assert _roles(text, "задержаны", "ru") == ("сотрудниками полиции", "Активисты")
