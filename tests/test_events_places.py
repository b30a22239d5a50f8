"""Place mentions and their GeoNames resolution, on sentences written for these tests."""

from __future__ import annotations

import pytest

from presslens.document import Article, Span
from presslens.events.model import Place
from presslens.events.places import find_place_mentions, has_cue, resolve_places


def places(text: str, language: str = "en") -> list[tuple[str, Place | None]]:
    """(mention text, resolution) for every mention of ``text``."""
    mentions = find_place_mentions(text, language=language)
    article = Article(text=text, language=language)
    return [(m, p) for (m, _), p in zip(mentions, resolve_places(article, mentions), strict=True)]


def place_of(text: str, mention: str, language: str = "en") -> Place | None:
    found = dict(places(text, language))
    assert mention in found, f"{mention!r} not among {list(found)}"
    return found[mention]


def test_kyiv_in_english_and_russian_inflections_resolve_to_ukraine() -> None:
    english = place_of("Air raid sirens sounded across Kyiv on Tuesday.", "Kyiv")
    russian = place_of("Взрывы прогремели в Киеве и в Харькове.", "Киеве", "ru")
    kharkiv = place_of("Взрывы прогремели в Киеве и в Харькове.", "Харькове", "ru")
    assert english is not None and russian is not None and kharkiv is not None
    assert english.country == russian.country == kharkiv.country == "UA"
    assert english.geonames_id == russian.geonames_id is not None
    assert kharkiv.geonames_id not in (None, english.geonames_id)
    assert kharkiv.name == "Kharkiv"


@pytest.mark.parametrize(
    ("text", "mention", "country"),
    [
        ("Жители Нижнем Новгороде не пострадали.", "Нижнем Новгороде", "RU"),
        ("Поезд прибыл в Ростове-на-Дону утром.", "Ростове-на-Дону", "RU"),
        ("Делегация вылетела в Москву вечером.", "Москву", "RU"),
        ("Сирены звучали в Харьковской области всю ночь.", "Харьковской области", "UA"),
        ("Переговоры прошли в Соединённых Штатах.", "Соединённых Штатах", "US"),
    ],
)
def test_russian_case_forms(text: str, mention: str, country: str) -> None:
    place = place_of(text, mention, "ru")
    assert place is not None and place.geonames_id is not None
    assert place.country == country


def test_oblast_is_a_division_in_both_languages() -> None:
    english = place_of("Shelling continued in the Kharkiv region overnight.", "Kharkiv region")
    russian = place_of("Обстрелы продолжились в Харьковской области.", "Харьковской области", "ru")
    assert english is not None and russian is not None
    assert english.geonames_id == russian.geonames_id is not None
    assert english.admin1 == english.name  # a division names itself as its admin1


def test_countries_in_english_and_russian() -> None:
    english = place_of("Talks with Azerbaijan resumed on Monday.", "Azerbaijan")
    russian = place_of("Делегация Азербайджана прибыла в столицу.", "Азербайджана", "ru")
    assert english is not None and russian is not None
    assert english.country == russian.country == "AZ"
    assert english.geonames_id == russian.geonames_id is not None
    assert english.admin1 is None


def test_springfield_alone_stays_unresolved_but_qualified_resolves() -> None:
    alone = place_of("Police in Springfield arrested a man on Friday.", "Springfield")
    assert alone is not None
    assert alone.geonames_id is None and alone.lat is None  # never guessed
    assert alone.country == "US"  # every reading agrees on the country
    qualified = place_of(
        "Police in Springfield, Illinois, arrested a man on Friday.", "Springfield, Illinois"
    )
    assert qualified is not None and qualified.geonames_id is not None
    assert (qualified.admin1, qualified.country) == ("Illinois", "US")


def test_state_named_elsewhere_in_the_article_decides() -> None:
    text = (
        "Illinois lawmakers met on Monday.\n\n"
        "Later, two men were shot in Springfield, and officers searched the area."
    )
    second = text.index("Later")
    mentions = find_place_mentions(text, second, len(text))
    assert [m for m, _ in mentions] == ["Springfield"]
    (place,) = resolve_places(Article(text=text), mentions)
    assert place is not None and place.admin1 == "Illinois"


def test_paris_texas_versus_paris_in_a_french_story() -> None:
    texan = place_of("A man was shot in Paris, Texas, on Sunday.", "Paris, Texas")
    assert texan is not None and (texan.admin1, texan.country) == ("Texas", "US")
    french = place_of(
        "The exhibition opened in Paris and will travel to Lyon, France, in May.", "Paris"
    )
    assert french is not None and french.country == "FR"
    assert french.geonames_id not in (None, texan.geonames_id)


def test_washington_is_ambiguous_until_context_says_which() -> None:
    alone = place_of("Officials in Washington said the bill would pass.", "Washington")
    assert alone is not None and alone.geonames_id is None
    capital = place_of(
        "Officials in Washington, D.C., said the bill would pass.", "Washington, D.C."
    )
    assert capital is not None and capital.geonames_id is not None
    assert capital.admin1 == "District of Columbia"
    state = place_of(
        "Rain fell in Seattle and Spokane. Farmers across Washington welcomed it.", "Washington"
    )
    assert state is not None and state.admin1 == "Washington" and state.name == "Washington"
    assert state.geonames_id not in (None, capital.geonames_id)


def test_ap_abbreviations_and_datelines() -> None:
    text = "NORFOLK, Va. — A man was wounded Tuesday night, police said."
    (mention, span), *_ = find_place_mentions(text)
    assert mention == "NORFOLK, Va." and text[span.start : span.end] == mention
    place = place_of(text, "NORFOLK, Va.")
    assert place is not None and (place.name, place.admin1) == ("Norfolk", "Virginia")


def test_unknown_town_pinned_by_its_state() -> None:
    place = place_of(
        "Two people were shot in Zyxtonville, Ohio, early Sunday.", "Zyxtonville, Ohio"
    )
    assert place is not None and place.geonames_id is None
    assert (place.name, place.admin1, place.country) == ("Zyxtonville", "Ohio", "US")


@pytest.mark.parametrize(
    "text",
    [
        "Officer Tyler Jackson said the victim was taken to a hospital.",
        "The shooting happened on Washington Street near the park.",
        "Mission accomplished, the mayor said.",
        "Police said the suspect fled on foot.",
        "The meeting was held in March at the town hall.",
        "Lake Placid mayor: Young child accidentally shot mother",
    ],
)
def test_people_streets_and_everyday_words_are_not_places(text: str) -> None:
    assert [p for _, p in places(text) if p is not None and p.geonames_id] == []


def test_everyday_word_town_with_a_cue_is_a_place() -> None:
    place = place_of("Gunfire was reported in Mission, Texas, late Friday.", "Mission, Texas")
    assert place is not None and place.admin1 == "Texas"
    for text in ("A Sulphur man shot his son, Louisiana police said.", "Mobile police said."):
        assert next(m for m, p in places(text) if p is not None) in ("Sulphur", "Mobile")


def test_a_surname_that_is_also_a_town_is_dropped() -> None:
    text = (
        "Tyrone Marion, 34, was arrested in Chicago. "
        "Marion was charged with aggravated battery, police said."
    )
    resolved = dict(places(text))
    assert resolved.get("Marion") is None
    chicago = resolved["Chicago"]
    assert chicago is not None and chicago.admin1 == "Illinois"


def test_a_town_named_with_its_police_is_a_town_even_when_a_person_bears_its_name() -> None:
    text = (
        "Detective Mary Gladstone said the man was arrested near the river. The Gladstone Police "
        "Department said he had fled from Portland, Oregon, on Monday."
    )
    resolved = dict(places(text))
    gladstone = resolved["Gladstone"]
    assert gladstone is not None and gladstone.admin1 == "Oregon"


def test_spans_index_the_text_and_respect_the_range() -> None:
    text = "Flights from Kyiv to Warsaw resumed. Trains from Berlin to Prague were delayed."
    mentions = find_place_mentions(text)
    assert [m for m, _ in mentions] == ["Kyiv", "Warsaw", "Berlin", "Prague"]
    for mention, span in mentions:
        assert text[span.start : span.end] == mention
    second = text.index("Trains")
    assert [m for m, _ in find_place_mentions(text, second)] == ["Berlin", "Prague"]
    assert [m for m, _ in find_place_mentions(text, 0, second)] == ["Kyiv", "Warsaw"]
    for (_, span), place in zip(
        mentions, resolve_places(Article(text=text), mentions), strict=True
    ):
        assert place is not None and place.span == span


def test_unknown_text_resolves_to_none() -> None:
    text = "Nothing here."
    assert resolve_places(Article(text=text), [("Qwertyzzz", Span(0, 7))]) == [None]


def test_latin_script_languages_use_exonyms() -> None:
    kyiv = place_of("Die Explosion in Kiew wurde bestätigt.", "Kiew", "de")
    munich = place_of("Die Polizei in München ermittelt.", "München", "de")
    assert kyiv is not None and kyiv.country == "UA"
    assert munich is not None and munich.country == "DE"


def test_place_cues() -> None:
    text = "A Dayton man was shot in Akron; Toledo was quiet. Deputies searched a Canton home."
    spans = {m: s for m, s in find_place_mentions(text)}
    assert has_cue(text, spans["Dayton"]) and has_cue(text, spans["Akron"])
    assert has_cue(text, spans["Canton"])
    assert not has_cue(text, spans["Toledo"])


@pytest.mark.parametrize(
    "text",
    [
        "Officers found him in the 1200 block of River Oaks on Monday.",
        "The party was held at 160 Longfellow for a toddler.",
        "He was treated at University of Iowa Hospitals.",
    ],
)
def test_streets_and_institutions_are_not_towns(text: str) -> None:
    names = [name for name, _ in find_place_mentions(text)]
    assert "River Oaks" not in names and "Longfellow" not in names and "University" not in names


def test_a_figure_that_ends_a_line_is_no_street_number_of_the_next_lines_town() -> None:
    text = "Updated Oct. 22\n\nSAN ANTONIO — A man was shot on Sunday."
    assert [name for name, _ in find_place_mentions(text)] == ["SAN ANTONIO"]


def test_figure_before_a_city_keeps_the_city() -> None:
    names = [name for name, _ in find_place_mentions("Gunfire wounded 3 Chicago residents.")]
    assert names == ["Chicago"]


def test_a_town_pinned_by_its_state_keeps_its_name_when_the_reading_is_open() -> None:
    # Several readings in Washington ("Puyallup" is also another name of Tacoma) leave the
    # place unresolved, but the text still says which town of which state it is.
    place = place_of("PUYALLUP, Wash. — A boy was hurt on Sunday.", "PUYALLUP, Wash.")
    assert place is not None and place.geonames_id is None
    assert place.name == "PUYALLUP" and place.admin1 == "Washington"


def test_a_town_the_gazetteer_knows_only_elsewhere_keeps_the_state_it_is_pinned_to() -> None:
    # The gazetteer's only Ira lies in New York; "IRA, Vt." is the Vermont town all the same.
    place = place_of("IRA, Vt. (AP) — A father shot his daughter on Sunday.", "IRA, Vt.")
    assert place is not None and place.geonames_id is None
    assert (place.name, place.admin1, place.country) == ("IRA", "Vermont", "US")
    for text in (
        "Shootings rose in Ohio, New Jersey and New York last year.",
        "Shootings rose in Ohio, New Jersey, and New York last year.",
    ):
        assert [m for m, _ in places(text)] == ["Ohio", "New Jersey", "New York"]
    listed = places("Storms hit Georgia, Russia, and Armenia.")
    assert [m for m, _ in listed] == ["Georgia", "Russia", "Armenia"]


def test_an_abbreviated_county_is_the_county_not_its_namesake_town() -> None:
    place = place_of("A girl was shot in Burke Co., N.C., on New Year's Eve.", "Burke Co., N.C.")
    assert place is not None and place.name == "Burke County" and place.admin1 == "North Carolina"
    town = place_of("A girl was shot in Morganton, N.C., on Friday.", "Morganton, N.C.")
    assert town is not None and town.name == "Morganton"


def test_a_hamlet_is_read_only_where_its_state_is_named() -> None:
    # Wellston, Oklahoma, has fewer than 1,000 people; bigger Wellstons lie in Ohio and Missouri.
    pinned = place_of("Two officers were shot in Wellston, Okla., on Sunday.", "Wellston, Okla.")
    beside = place_of(
        "Two officers were shot in Wellston on Sunday. Oklahoma City police joined the search.",
        "Wellston",
    )
    bare = place_of("Two officers were shot in Wellston on Sunday.", "Wellston")
    assert pinned is not None and pinned.admin1 == "Oklahoma"
    assert beside is not None and beside.admin1 == "Oklahoma"
    assert bare is not None and bare.admin1 != "Oklahoma"


def test_a_postal_town_resolves_without_a_geonames_id() -> None:
    # Pelzer, S.C., is a US postal town that GeoNames' lists lack.
    place = place_of("Two men were shot in Pelzer, S.C., late Friday.", "Pelzer, S.C.")
    assert place is not None and place.geonames_id is None
    assert (place.name, place.admin1, place.country) == ("Pelzer", "South Carolina", "US")
    assert place.lat is not None and place.lon is not None


def test_a_postal_town_is_read_only_beside_its_state() -> None:
    # Avenue, Maryland, is the only place of that name, yet "avenue" is mostly a word.
    bare = place_of("Three people were hurt in Avenue on Sunday.", "Avenue")
    beside = place_of(
        "Three people were hurt in Avenue on Sunday, Maryland State Police said.", "Avenue"
    )
    assert bare is None
    assert beside is not None and (beside.name, beside.admin1) == ("Avenue", "Maryland")


def test_a_postal_town_beside_a_county_its_state_shares() -> None:
    # Olmstead is a postal town in Logan County, Kentucky; Logan counties lie in several states.
    text = "A boy was shot in Olmstead on Sunday, Logan County deputies said."
    place = place_of(text, "Olmstead")
    assert place is not None and (place.name, place.admin1) == ("Olmstead", "Kentucky")


@pytest.mark.parametrize(
    ("text", "language", "kept"),
    [
        ("Among the dead was a citizen of Uzbekistan.", "en", []),
        ("Two citizens of the United States were detained in Moscow.", "en", ["Moscow"]),
        ("Среди погибших — гражданин Узбекистана и уроженец Киева.", "ru", []),
        ("Посольство Узбекистана в Москве закрыто.", "ru", ["Узбекистана", "Москве"]),
    ],
)
def test_a_citizens_country_is_whose_not_where(text: str, language: str, kept: list[str]) -> None:
    assert [m for m, _ in places(text, language)] == kept


@pytest.mark.parametrize(
    "text",
    [
        "A service for the boy was held at Bethel Christian Fellowship on a cold and rainy day.",
        "He was shot at a bus stop in Harbor Gateway on Sunday.",
        "Deputies were called to a home in Bailey’s Grove late on Sunday afternoon.",
        "The shooting happened near Loop 410 and a gas station on the south side.",
    ],
)
def test_a_small_towns_name_that_runs_on_into_a_longer_name_is_not_the_town(text: str) -> None:
    assert [name for name, _ in find_place_mentions(text)] == []


@pytest.mark.parametrize(
    ("text", "town"),
    [
        ("Mourners gathered in Bethel on Friday.", "Bethel"),
        ("The boy was shot in Hummelstown Borough on Thursday.", "Hummelstown"),
        ("A man was shot in Bethel’s downtown late on Friday, officers said.", "Bethel"),
        ("Child Shot In Suisun City Linked To Standoff", "Suisun City"),
        ("Deputies said the shooting happened in Dallas Love Field.", "Dallas"),
    ],
)
def test_a_town_after_a_cue_stays_a_town_before_its_borough_or_in_a_headline(
    text: str, town: str
) -> None:
    assert town in [name for name, _ in find_place_mentions(text)]


@pytest.mark.parametrize(
    ("text", "surname"),
    [
        pytest.param(
            "According to sheriff's captain Chris Lyons, the call came in at 11:24 p.m. The "
            "boys were home alone, Lyons added.",
            "Lyons",
            id="a rank and a given name before it",
        ),
        pytest.param(
            "Deputies said Queric Richardson, a 17-year-old student, died at the scene. "
            "Relatives said Richardson was a good student.",
            "Richardson",
            id="a full name and an age after it",
        ),
        pytest.param(
            "The order was served hours before the attack, Harvey County Sheriff T. Walton said. "
            "Walton would not say more.",
            "Walton",
            id="a rank and an initial before it",
        ),
        pytest.param(
            "Police identified the victim as Jonathan Austin, 24. Austin was pronounced dead "
            "at the scene.",
            "Austin",
            id="an age after it that ends the sentence",
        ),
        pytest.param(
            "He is charged with the deaths of Lindsay, 24 and Duncan, 23. Lindsay died first.",
            "Lindsay",
            id="an age after it in a list",
        ),
        pytest.param(
            "The video lacks audio, and Stafford's lawyers say the officer fired in self-defense. "
            "Stafford is charged with murder.",
            "Stafford",
            id="kin or counsel after it",
        ),
    ],
)
def test_a_surname_is_known_by_a_rank_an_age_or_kin(text: str, surname: str) -> None:
    assert dict(places(text)).get(surname) is None


def test_a_name_after_in_is_a_place_even_where_a_person_bears_it() -> None:
    text = (
        "The fight broke out at a truck stop in Tyler, Texas, last August. Police said John "
        "Tyler was not involved. Shots were fired in Tyler around midnight."
    )
    mentions = dict(places(text))
    assert any(m.startswith("Tyler") and p is not None for m, p in mentions.items())
    last = places(text)[-1]
    assert last[0] == "Tyler" and last[1] is not None and last[1].admin1 == "Texas"
