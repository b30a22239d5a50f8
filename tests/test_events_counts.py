"""Figures as the text states them: exact only when one number is stated, vague never exact."""

from __future__ import annotations

import pytest

from presslens.events.counts import CountFinding, find_counts
from presslens.events.quantities import find_quantities


def _counts(text: str, language: str = "en") -> dict[str, tuple[int, int | None, int | None]]:
    """Category → (low, high, exact) of the largest figure of each category."""
    found: dict[str, CountFinding] = {}
    for finding in find_counts(text, 0, len(text), language):
        best = found.get(finding.category)
        if best is None or finding.count.low > best.count.low:
            found[finding.category] = finding
    return {c: (f.count.low, f.count.high, f.count.exact) for c, f in found.items()}


@pytest.mark.parametrize(
    ("text", "language", "category", "low", "high"),
    [
        ("Dozens of villagers were wounded in the raid.", "en", "injured", 12, None),
        ("Several journalists were detained outside the court.", "en", "detained", 3, None),
        ("Hundreds of migrants were deported last month.", "en", "deported", 100, None),
        ("At least five people were killed in the blast.", "en", "killed", 5, None),
        ("Up to 20 people were hurt, officials said.", "en", "injured", 1, 20),
        ("More than 10 people died in the attack.", "en", "killed", 11, None),
        ("About a dozen students were arrested.", "en", "detained", 12, 12),
        ("Between three and five guards were injured.", "en", "injured", 3, 5),
        ("A few bystanders were hurt.", "en", "injured", 2, None),
        ("Десятки человек были задержаны у здания суда.", "ru", "detained", 10, None),
        ("Несколько мирных жителей получили ранения.", "ru", "injured", 2, None),
        ("Сотни мигрантов депортированы из страны.", "ru", "deported", 100, None),
        ("В результате удара погибли не менее пяти человек.", "ru", "killed", 5, None),
        ("До 20 человек были ранены при обстреле.", "ru", "injured", 1, 20),
        ("Свыше 10 человек погибли во время пожара на складе.", "ru", "killed", 11, None),
    ],
)
def test_counts_vague_figure_is_never_exact(
    text: str, language: str, category: str, low: int, high: int | None
) -> None:
    assert _counts(text, language)[category] == (low, high, None)


@pytest.mark.parametrize(
    ("text", "language", "category", "value"),
    [
        ("Three people were killed in the shooting.", "en", "killed", 3),
        ("Police arrested twenty-five protesters.", "en", "detained", 25),
        ("The strike killed 12 and wounded 40.", "en", "injured", 40),
        ("Gunmen killed eleven farmers overnight.", "en", "killed", 11),
        ("A 19-year-old man was shot dead near the bridge.", "en", "killed", 1),
        ("Погибли двенадцать человек.", "ru", "killed", 12),
        ("Задержаны трое подозреваемых.", "ru", "detained", 3),
        ("Пятеро военнослужащих получили ранения.", "ru", "injured", 5),
        ("В результате обстрела погибли двадцать три человека.", "ru", "killed", 23),
        ("Погиб мужчина, сообщили в полиции.", "ru", "killed", 1),
        # the wounded who lived, pairs, one more victim
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
def test_counts_number_words_are_exact(text: str, language: str, category: str, value: int) -> None:
    assert _counts(text, language)[category] == (value, value, value)


def test_counts_subject_and_object_figures_in_one_sentence() -> None:
    counts = _counts("The ambush left two soldiers dead and seven wounded.")
    assert counts == {"killed": (2, 2, 2), "injured": (7, 7, 7)}


def test_counts_headline_figures_belong_to_their_own_words() -> None:
    assert _counts("2 killed 5 injured in market attack") == {
        "killed": (2, 2, 2),
        "injured": (5, 5, 5),
    }


def test_counts_conjoined_figures_are_summed() -> None:
    assert _counts("Two men and three women were injured.")["injured"] == (5, 5, 5)


def test_counts_statement_of_zero() -> None:
    assert _counts("No one else was hurt in the fire fight.")["injured"] == (0, 0, 0)
    assert _counts("Никто не пострадал.", "ru")["injured"] == (0, 0, 0)


@pytest.mark.parametrize(
    "text",
    [
        "He was released three years after he was arrested.",
        "The officer had served for 12 years before he died.",
        "The 2019 killing remains unsolved.",
        "Two hours later the road reopened.",
    ],
)
def test_counts_time_and_years_are_not_people(text: str) -> None:
    assert all(f.count.low <= 1 for f in find_counts(text, 0, len(text), "en"))


def test_counts_death_toll_reaching_a_figure() -> None:
    assert _counts("The death toll rose to 31 on Sunday.")["killed"] == (31, 31, 31)
    assert _counts("Число погибших возросло до 31.", "ru")["killed"] == (31, 31, 31)


def test_counts_shot_figure_is_kept_apart_from_deaths() -> None:
    assert _counts("Six people were shot, two of them fatally.") == {
        "shot": (6, 6, 6),
        "killed": (2, 2, 2),
    }


def test_counts_spans_point_at_the_words() -> None:
    text = "Officials said nine workers were detained."
    (finding,) = find_counts(text, 0, len(text), "en")
    assert finding.count.span is not None
    assert text[finding.count.span.start : finding.count.span.end] == finding.count.text
    assert finding.count.text == "nine workers were detained"


def test_counts_unsupported_language_gives_nothing() -> None:
    text = "Trois personnes ont été tuées."
    assert find_counts(text, 0, len(text), "fr") == []


@pytest.mark.parametrize(
    "text",
    [
        "Marlow died at the scene from a wound to the chest.",
        "Dana Reyes, a 31-year-old nurse, was killed outside the clinic.",
        "The boy who was shot on the porch has died, relatives wrote.",
        "The blast left Ivo Brandt dead.",
    ],
)
def test_counts_one_named_or_singular_death(text: str) -> None:
    assert _counts(text)["killed"] == (1, 1, 1)


@pytest.mark.parametrize(
    "text",
    [
        "Police were killed.",
        "He was not killed.",
        "Many died.",
        "The army denied that anyone was killed in the clash.",
    ],
)
def test_counts_no_single_death_without_one_person(text: str) -> None:
    assert _counts(text).get("killed") != (1, 1, 1)


@pytest.mark.parametrize(
    ("sentence", "language", "low"),
    [
        ("Police detained several dozen protesters.", "en", 24),
        ("Several hundred people were detained overnight.", "en", 200),
        ("Задержаны несколько десятков человек.", "ru", 20),
        ("Полиция задержала несколько сотен человек.", "ru", 200),
    ],
)
def test_counts_multiplied_vague_figures_keep_a_conservative_bound(
    sentence: str, language: str, low: int
) -> None:
    (quantity,) = find_quantities(sentence, 0, len(sentence), language)

    assert (quantity.low, quantity.high, quantity.exact) == (low, None, None)


def test_counts_ru_participle_noun_names_who_the_verb_after_it_counts() -> None:
    deported = _counts("По данным правозащитников, двое задержанных были депортированы.", "ru")
    assert deported == {"deported": (2, 2, 2)}
    assert _counts("Двое задержанных остаются в изоляторе.", "ru") == {"detained": (2, 2, 2)}
    assert _counts("Трое раненых были госпитализированы.", "ru") == {"injured": (3, 3, 3)}


# Numbers that count no one; objects that add up or belong to someone.


@pytest.mark.parametrize(
    "text",
    [
        "The 911 caller said her neighbour was found dead.",
        "A man between 25 and 35 years old was found dead.",
    ],
)
def test_counts_numbers_that_count_no_one(text: str) -> None:
    """An emergency number and an age range are no figures of people."""
    assert _counts(text)["killed"] == (1, 1, 1)


def test_counts_both_is_two_people_who_share_a_fate() -> None:
    assert _counts("Both were pronounced dead at the scene.")["killed"] == (2, 2, 2)


def test_counts_wounds_as_a_noun_takes_no_object() -> None:
    """ "Wounds" names injuries, not an act, unless a figure follows it."""
    assert "injured" not in _counts("His wounds were not life-threatening to anyone.")


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
    assert _counts(text)["killed"] == (value, value, value)


def test_counts_suspended_hyphen_is_an_age() -> None:
    """ "His 12- and 10-year-old sons": neither number counts the dead."""
    found = _counts("He shot and killed his 12- and 10-year-old sons on Friday.")
    assert all(low < 10 for low, _, _ in found.values())


@pytest.mark.parametrize(
    ("text", "language"),
    [
        ("Police said the men were killed on Sept. 15 near the border.", "en"),
        ("The 12 December raid left the village empty and killed no one.", "en"),
        ("Мужчин убили 15 мая у границы.", "ru"),
        ("Задержаны 5 февр. у границы, сообщили в полиции.", "ru"),
    ],
)
def test_counts_a_day_beside_a_month_counts_no_one(text: str, language: str) -> None:
    assert all(f.count.low not in (12, 15, 5) for f in find_counts(text, 0, len(text), language))
