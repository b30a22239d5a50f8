"""The town a whole article is about (story_place), on short articles written for these tests."""

from __future__ import annotations

import pytest

from presslens.document import Article
from presslens.events.places import find_place_mentions
from presslens.events.places_story import story_place, strip_outlet


def story(text: str, title: str | None = None) -> tuple[str | None, str | None]:
    """(name or text, division) of the story's town, or (None, None)."""
    place = story_place(Article(text=text, title=title, language="en"))
    if place is None:
        return None, None
    return place.name or place.text, place.admin1


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        (
            "Two hurt in Elkins shooting - WXYZ News 7 - Morgantown, WV",
            "Two hurt in Elkins shooting",
        ),
        ("Man shot on porch | Channel 5 Eyewitness News", "Man shot on porch"),
        ("Teens hurt in drive-by « CBS Denver", "Teens hurt in drive-by"),
        (
            "Police: man - not his brother - fired the shot",
            "Police: man - not his brother - fired the shot",
        ),
        ("Shooting news roundup", "Shooting news roundup"),
    ],
)
def test_outlet_segments_leave_the_title(title: str, expected: str) -> None:
    assert strip_outlet(title) == expected


def test_the_title_town_beats_the_station_dateline() -> None:
    text = (
        "MORGANTOWN, W.Va. — Two men were wounded early Sunday at a house party, state police "
        "said.\n\nTroopers were called to the home in Elkins around 2 a.m. and found both men "
        "with gunshot wounds."
    )
    assert story(text, "Two hurt in Elkins house party shooting") == ("Elkins", "West Virginia")
    assert story(text) == ("Morgantown", "West Virginia")


def test_an_outlet_city_in_the_title_is_not_the_story() -> None:
    text = (
        "A woman was shot in the arm Friday night in Laurel, police said. She is expected to live."
    )
    title = "Woman shot in arm - WXYZ Action News 5 - Memphis, Tennessee"
    assert story(text, title)[0] == "Laurel"


def test_a_neighbourhood_read_as_a_town_elsewhere_counts_for_the_city() -> None:
    text = (
        "A 16-year-old boy was shot Sunday afternoon on a porch in the city's Englewood area, "
        "Chicago police said.\n\nIt was the fifth shooting in Chicago this weekend. Police in "
        "Illinois are still looking for the gunman, and a Cook County judge will hear the case."
    )
    assert story(text, "Teen shot on porch in Englewood") == ("Chicago", "Illinois")


def test_a_surname_repeated_down_the_text_is_not_the_town() -> None:
    text = (
        "Mesa police are investigating the death of 17-year-old Maria Ibarra, who was struck by "
        'a stray bullet on Monday.\n\n"She was the kindest girl on the street," says Ibarra. '
        "Neighbours said Ibarra had just finished school."
    )
    assert story(text, "Mesa police investigate death of teen girl")[0] == "Mesa"


def test_an_ambiguous_town_with_no_context_stays_unresolved() -> None:
    text = "A mother was charged on Tuesday after her daughter was shot at home in Toledo."
    place = story_place(Article(text=text, title="Mother charged in girl's shooting"))
    assert place is not None and place.text == "Toledo"
    assert place.geonames_id is None and place.admin1 is None


def test_towns_come_before_counties() -> None:
    text = (
        "A boy was wounded Saturday in Forney, the Kaufman County Sheriff's Office said. "
        "Kaufman County deputies said the shooting was an accident."
    )
    assert story(text)[0] == "Forney"


def test_a_county_is_the_answer_when_no_town_is_named() -> None:
    text = "A hunter was shot by accident in rural Kaufman County, Texas, on Saturday."
    name, division = story(text)
    assert name is not None and name.startswith("Kaufman County") and division == "Texas"


def test_no_place_no_story_town() -> None:
    assert story("Police said the man was taken to a hospital.", "Man hurt") == (None, None)


def test_saint_and_fort_abbreviations_join_the_name() -> None:
    text = "A girl was shot in St. Louis on Monday; police in Ft. Worth made an arrest."
    assert [m for m, _ in find_place_mentions(text)] == ["St. Louis", "Ft. Worth"]
    assert [m for m, _ in find_place_mentions("ST. LOUIS (AP) — A girl was shot.")] == ["ST. LOUIS"]


@pytest.mark.parametrize(
    "text",
    [
        "Officers were called to Poplar and Sutter streets in Stockton.",
        "The shooting happened in the 4100 block of West Potomac in Stockton.",
    ],
)
def test_streets_named_as_a_crossing_or_after_a_block_are_not_towns(text: str) -> None:
    assert [m for m, _ in find_place_mentions(text)] == ["Stockton"]


def test_a_dateline_needs_its_comma_bracket_or_dash() -> None:
    assert [m for m, _ in find_place_mentions("CHICAGO — A man was shot.")] == ["CHICAGO"]
    assert find_place_mentions("MORE: a list of the week's stories") == []


def test_a_town_before_a_noun_in_a_title_case_headline() -> None:
    text = "Parents Charged After Brooklyn Baby Struck By Stray Bullet\n\nThe baby is recovering."
    assert [m for m, _ in find_place_mentions(text)] == ["Brooklyn"]
    assert (
        find_place_mentions("Austin Smith Wins Award For Best Actor\n\nHe thanked his mother.")
        == []
    )


def test_a_weekday_or_a_housing_estate_after_a_town_keeps_the_town() -> None:
    text = "His friend was shot in southwest Columbus Tuesday outside a Brooklyn housing project."
    assert [m for m, _ in find_place_mentions(text)] == ["Columbus", "Brooklyn"]
    assert (
        find_place_mentions("He lived in the Gresham neighborhood at the Sunset Apartments.") == []
    )


def test_russian_and_english_stories_about_one_city() -> None:
    russian = Article(
        text="Ночью обстреляли Харьков. При ударе по жилому дому в Харькове погибли два человека.",
        title="Удар по Харькову: двое погибших",
        language="ru",
    )
    english = Article(
        text="Two people were killed overnight in a strike on a house in Kharkiv, the mayor said.",
        title="Two killed in strike on Kharkiv",
        language="en",
    )
    first, second = story_place(russian), story_place(english)
    assert first is not None and second is not None
    assert first.geonames_id == second.geonames_id is not None and first.country == "UA"
    assert first.span is not None and russian.text[first.span.start : first.span.end] == "Харьков"


def test_a_possessive_city_is_the_city_but_a_county_name_stays_whole() -> None:
    assert [m for m, _ in find_place_mentions("Four were shot on Chicago’s West Side.")] == [
        "Chicago"
    ]
    text = "A teen was killed Monday in Prince George's County, police said."
    assert [m for m, _ in find_place_mentions(text)] == ["Prince George's County"]


def test_a_surname_repeated_many_times_does_not_move_the_country() -> None:
    text = (
        "MUKILTEO, Wash. — Ivanov told police the shooting was an accident. Ivanov's lawyer "
        "said Ivanov would plead not guilty. Ivanov, Ivanov and Ivanov: the name filled the "
        "court papers. Deputies in Mukilteo said Ivanov was calm."
    )
    assert story(text, "Ivanov tells police Mukilteo shooting was an accident")[0] == "Mukilteo"


def test_a_neighbourhood_read_as_a_far_off_village_counts_for_the_city() -> None:
    text = (
        "Two men were wounded Tuesday night in Roxbury, police said.\n\nOfficers were called "
        "to the corner around 10 p.m. It was the third shooting in Boston this month, and the "
        "city's police commissioner asked witnesses to come forward."
    )
    place = story_place(Article(text=text, title="Two men shot in Roxbury", language="en"))
    assert place is not None and (place.name, place.admin1) == ("Boston", "Massachusetts")
    assert place.span is not None  # a mention in the article's own words
    assert text[place.span.start : place.span.end] == place.text


def test_a_bare_name_is_read_in_the_state_the_article_names() -> None:
    text = "BANGOR — A man was shot Sunday outside a bar in Portland, police said."
    assert story(text, "Man shot outside Portland bar") == ("Portland", "Maine")


def test_a_town_out_of_state_with_its_state_stays_itself() -> None:
    text = (
        "A man from Denver was shot and killed Saturday in Scottsbluff, Nebraska, police said. "
        "Scottsbluff police are looking for a suspect."
    )
    assert story(text) == ("Scottsbluff", "Nebraska")


def test_a_sentence_dot_without_its_space_ends_the_town() -> None:
    text = "A teenager was shot Friday night in northeast Houston.Police were called at 11 p.m."
    assert story(text)[0] == "Houston"


def test_a_title_case_cue_does_not_join_an_unknown_town() -> None:
    title = "Witness Comes Forward In Quadruple Homicide In Zyxtonville, Texas"
    assert [m for m, _ in find_place_mentions(title)] == ["Zyxtonville, Texas"]


def test_a_city_whose_name_is_also_a_word_and_a_region_elsewhere() -> None:
    text = "Savannah police are investigating a shooting that left one man dead on Thursday."
    assert story(text)[0] == "Savannah"


def test_an_ambiguous_quarter_with_no_town_in_the_state_counts_for_the_city() -> None:
    title = "Boy, 5, killed in Madisonville shooting"
    lead = "A 5-year-old boy was shot and killed Sunday in Madisonville, police said.\n\n"
    in_ohio = lead + "Cincinnati police said someone fired through a window of the home."
    in_kentucky = lead + "Kentucky State Police said someone fired through a window of the home."
    assert story(in_ohio, title) == ("Cincinnati", "Ohio")
    assert story(in_kentucky, title) == ("Madisonville", "Kentucky")


def test_a_town_police_force_said_is_not_a_full_name() -> None:
    text = (
        "Two teens exchanged gunfire with officers Sunday morning at an apartment complex in "
        "Marietta. Marietta Police said on Monday that one of them was hurt."
    )
    assert story(text, "Teens accused in shootout with officers")[0] == "Marietta"


def test_a_quarter_the_text_calls_a_neighbourhood_counts_for_the_city() -> None:
    text = (
        "Five people were wounded late Saturday in the Uptown neighborhood, Chicago police "
        "said. Officers found the victims on a sidewalk near a bus stop."
    )
    assert story(text, "5 wounded in Uptown shooting") == ("Chicago", "Illinois")


def test_a_citys_suburbs_are_not_the_city() -> None:
    text = (
        "SNELLVILLE — Officers found three people dead in a home in Atlanta's eastern suburbs "
        "on Sunday night, police said. Atlanta news crews arrived within the hour."
    )
    assert story(text, "3 found dead at home in Atlanta suburbs")[0] == "Snellville"


def test_a_dateline_whose_paragraph_names_another_town_is_the_reporters() -> None:
    text = (
        "BOSTON (AP) — A family of four was found shot dead in their home in Saco, Maine, "
        "police said on Friday.\n\nMaine state police said there was no danger to the public. "
        "Saco police did not say who fired the shots."
    )
    assert story(text, "Family found shot dead in home: police") == ("Saco", "Maine")
    lone = text.replace("Saco, Maine", "Maine")
    assert story(lone, "Family found shot dead in home: police")[0] != "Saco"


def test_a_dateline_is_not_contested_by_the_big_city_it_lies_outside() -> None:
    text = (
        "DOUGLASVILLE, Ga. (AP) — Neighbors on a quiet, suburban street outside Atlanta "
        "called police on Saturday afternoon.\n\nA man had shot his family, police said."
    )
    assert story(text, "Police: 5 dead in Georgia shooting") == ("Douglasville", "Georgia")


def test_the_town_of_the_hospital_is_not_the_scene() -> None:
    text = (
        "When deputies arrived at the family's home in Hartsville, Ind., on Sunday night, the "
        "father had been shot. He was flown to Methodist Hospital in Indianapolis and died at "
        "Riley Hospital in Indianapolis on Monday."
    )
    assert story(text, "Boy, 6, picks up dad's gun") == ("Hartsville", "Indiana")


def test_a_quarter_a_town_owns_in_a_possessive_is_the_towns() -> None:
    text = (
        "Four people were shot Saturday night at a party in Toledo's Old West End. Neighbours in "
        "the West End said the police came too slowly."
    )
    assert story(text, "Residents say police response too slow")[0] == "Toledo"


def test_an_abbreviated_township_is_the_township() -> None:
    text = "A 3-year-old boy was shot at a park in Clinton Twp. on Friday, Michigan police said."
    assert story(text, "Boy, 3, shot in Clinton Twp.") == ("Clinton Township", "Michigan")


def test_a_title_town_that_is_someones_home_is_not_the_story() -> None:
    text = (
        "A 25-year-old man was among the people wounded when a gunman opened fire at a "
        "nightclub in Orlando early Sunday, Orlando police said."
    )
    assert story(text, "Tampa man wounded in nightclub shooting")[0] == "Orlando"
    unplaced = text.replace(" in Orlando", "")
    assert story(unplaced, "Tampa shooting victim recovering")[0] == "Tampa"


def test_a_town_across_a_state_line_is_not_a_quarter_of_the_city() -> None:
    text = (
        "A teenager was killed at a party in Bladensburg on Friday night. His family moved "
        "from Washington, D.C., last year."
    )
    assert story(text, "Teen killed at Bladensburg party") == ("Bladensburg", "Maryland")


def test_a_town_with_its_own_police_is_not_a_quarter_of_the_city() -> None:
    title = "Man shot in Chalmette"
    lead = "A man was shot in Chalmette on Sunday"
    hospital = " He was taken to a hospital in New Orleans."
    assert story(f"{lead}, Chalmette police said.{hospital}", title)[0] == "Chalmette"
    assert story(f"{lead}.{hospital}", title)[0] == "New Orleans"


def test_an_ambiguous_town_is_read_in_the_state_the_story_points_at() -> None:
    text = (
        "Two officers were shot in Wellston on Sunday, the Lincoln County sheriff said. "
        "Oklahoma troopers joined the search for the gunman."
    )
    assert story(text) == ("Wellston", "Oklahoma")


@pytest.mark.parametrize(
    ("scene", "expected"),
    [
        ("was shot Saturday night in Smyrna", "Smyrna"),
        ("was wounded in a shooting that happened in Smyrna", "Smyrna"),
        ("was arrested Saturday night in Smyrna", "Marietta"),
    ],
)
def test_the_town_named_as_the_scene_beats_a_home_town_named_more_often(
    scene: str, expected: str
) -> None:
    text = (
        f"A man from Marietta, Georgia, {scene}, police said. His mother, who lives in "
        "Marietta, said he had moved back to Marietta last year to work."
    )
    assert story(text) == (expected, "Georgia")


@pytest.mark.parametrize(
    ("title", "text", "expected"),
    [
        pytest.param(
            "Brothers charged after nightclub gunfire",
            "Two brothers from Alton were charged on Friday. Venice police responded to the club "
            "after midnight and found six people hurt. Alton is where the brothers grew up.",
            ("Venice", "Illinois"),
            id="the town whose police responded outweighs a home town",
        ),
        pytest.param(
            "Man wounded on porch",
            "A man was shot on a porch in Rogers Park on Tuesday evening, a Chicago Police "
            "Department spokesman said. He was in good condition.",
            ("Chicago", "Illinois"),
            id="a far quarter of a big city named with its police is the city",
        ),
        pytest.param(
            "Man wounded on porch",
            "A man was shot on a porch in Rogers Park on Tuesday evening. Chicago news crews came.",
            ("Rogers Park", "Illinois"),
            id="a far quarter without the city's police stays itself",
        ),
        pytest.param(
            "3 hurt in suburban Denver motel shooting",
            "Three people were hurt early Sunday at a party in a motel in the Denver suburb of "
            "Wheat Ridge, police said. The gunman fled.",
            ("Wheat Ridge", "Colorado"),
            id="a suburb called so is no quarter of the big city",
        ),
        pytest.param(
            None,
            "GAINESVILLE, Fla. — A man called 911 on Thursday afternoon to say he might hurt "
            "himself.\n\nDeputies went to a home in the town of Archer, about 15 miles west.",
            ("Archer", "Florida"),
            id="a town introduced as a town is the scene",
        ),
        pytest.param(
            "Teen shot in Roxbury",
            "A teenager was shot in Roxbury on Saturday night. Boston police said the victim was "
            "taken to a hospital and was expected to survive.",
            ("Boston", "Massachusetts"),
            # USPS files Roxbury, a quarter of Boston, as a town of its own (no GeoNames id).
            id="a postal town next to a big city counts for the city",
        ),
        pytest.param(
            "Man killed in Detroit",
            "A man was shot and killed Sunday in Detroit after a party, police said. Officers "
            "found a second victim near West Chicago and Evergreen.",
            ("Detroit", "Michigan"),
            # "West Chicago" is a Detroit street here; Detroit, Illinois is a USPS village.
            id="a big city is no postal village beside a street of another state",
        ),
        pytest.param(
            "Deputies look for gunmen",
            "A Greenwood man was hurt early Sunday. Deputies found him at a home on Sandy Dam "
            "Lane in Walterboro. His family lives in Greenwood.",
            ("Walterboro", "South Carolina"),
            id="a street's town is the scene",
        ),
        pytest.param(
            "Woman critical after shooting",
            "A Covington woman is in critical condition after a shooting on Tuesday.\n\nIt "
            "happened right outside of Christiansburg just before six near Woodrow Road.",
            ("Christiansburg", "Virginia"),
            id="right outside of a town is the scene",
        ),
        pytest.param(
            "Accused killer appears in court",
            "VANCOUVER, Wash. — The suspect appeared in court on Monday.\n\nThe bodies of three "
            "victims were found at a Woodland home, police said.",
            ("Woodland", "Washington"),
            id="the town of the home where it happened is the scene",
        ),
    ],
)
def test_police_and_town_words_say_which_town_it_is(
    title: str | None, text: str, expected: tuple[str, str]
) -> None:
    assert story(text, title) == expected


def test_a_big_citys_name_is_the_postal_town_where_the_dateline_names_its_state() -> None:
    text = (
        "NASHVILLE, Tenn. — A 2-year-old boy was shot in the head at a Madison apartment on "
        "Sunday, police said."
    )
    assert story(text, "Boy shot at Madison apartment") == ("Madison", "Tennessee")


def test_the_stations_home_state_reads_an_ambiguous_town() -> None:
    text = "A boy was shot at a home in Springfield on Sunday, deputies said."
    title = "Boy shot at Springfield home"
    assert story(text, title) == ("Springfield", None)
    station = f"{title} - wistv.com - Columbia, South Carolina"
    assert story(text, station) == ("Springfield", "South Carolina")


def test_a_county_is_no_quarter_of_the_town_named_beside_it() -> None:
    text = (
        "Morris County deputies said a father shot his son by accident while cleaning a rifle. "
        "The boy was from Naples."
    )
    place = story_place(Article(text=text, title="Naples father pleads guilty", language="en"))
    # The county's mentions are not read as part of the town, so the town's own mention is
    # the evidence. (Bare "Naples" itself is still read as the biggest Naples, in Italy: only
    # the evidence is checked here.)
    assert place is not None and place.text == "Naples"
