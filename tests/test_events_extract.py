"""Whole articles: events merged per incident, figures, dates, places and the component."""

from __future__ import annotations

import datetime as dt

import pytest

from presslens.document import Article, Span
from presslens.events import DateRange, EventExtractor, extract_events, main_event
from presslens.events.extract import anchored
from presslens.events.merge import merge
from presslens.events.sentence import Draft
from presslens.read import article_from_text
from presslens.segment import Segmenter

PUBLISHED = dt.date(2025, 3, 12)  # a Wednesday


def _article(text: str, language: str = "en", published: dt.date | None = PUBLISHED) -> Article:
    article = article_from_text(text, published=published, language=language)
    Segmenter()([article])
    return article


def _with_events(article: Article) -> Article:
    article.events = extract_events(article)
    return article


def test_extract_one_incident_told_in_several_sentences() -> None:
    article = _article(
        "Gunmen opened fire on a wedding party on Monday, police said. Four guests were "
        "killed and nine were wounded. The attackers fled in a white van."
    )
    (event,) = extract_events(article)
    assert event.type == "violence_against_civilians"
    assert (event.counts["killed"].exact, event.counts["injured"].exact) == (4, 9)
    assert len(event.evidence) >= 2
    assert event.date is not None and event.date.start == "2025-03-10"
    assert event.attribution.kind == "source" and event.attribution.source == "police"


def test_extract_shot_figures_become_injured_once_deaths_are_known() -> None:
    article = _article("Seven people were shot outside a club. Two of them died later.")
    (event,) = extract_events(article)
    assert event.counts["killed"].exact == 2
    assert event.counts["injured"].exact == 5


def test_extract_vague_figure_stays_vague_after_merging() -> None:
    article = _article("Dozens of people were wounded when soldiers opened fire on the march.")
    event = next(e for e in extract_events(article) if "injured" in e.counts)
    injured = event.counts["injured"]
    assert (injured.low, injured.high, injured.exact) == (12, None, None)


def test_extract_undated_event_is_not_given_the_publication_date() -> None:
    article = _article("Militants attacked a checkpoint and killed two guards.")
    (event,) = extract_events(article)
    assert event.date is None


def test_extract_different_days_are_different_events() -> None:
    article = _article(
        "A bomb exploded at the market on 3 March 2025, killing six people.\n"
        "On 14 June 2023 another bomb killed two people at the same market."
    )
    events = extract_events(article)
    assert [e.counts["killed"].exact for e in events] == [6, 2]


def test_extract_arrest_and_attack_in_one_sentence() -> None:
    article = _article("Police detained two men after a stabbing that injured a teenager.")
    types = {e.type: e for e in extract_events(article)}
    assert types["arrest"].counts["detained"].exact == 2
    assert types["violence_against_civilians"].counts["injured"].exact == 1


def test_extract_russian_article() -> None:
    article = _article(
        "По словам губернатора, в результате обстрела погибли трое мирных жителей, "
        "ещё несколько человек получили ранения.",
        language="ru",
    )
    (event,) = extract_events(article)
    assert event.type == "shelling"
    assert event.counts["killed"].exact == 3
    assert (event.counts["injured"].low, event.counts["injured"].exact) == (2, None)
    assert event.attribution.kind == "source"


def test_extract_evidence_points_at_sentences_of_the_text() -> None:
    text = "Protesters rallied in the square. Riot police detained fifteen of them."
    article = _article(text)
    for event in extract_events(article):
        for span in event.evidence:
            assert text[span.start : span.end].strip().endswith(".")


def test_extract_unsupported_language_gives_no_events() -> None:
    article = _article("Trois personnes ont été tuées lors d'une attaque.", language="fr")
    assert extract_events(article) == []


def test_main_event_of_an_article_without_events() -> None:
    assert main_event(_article("The weather was mild all week.")) is None


def test_event_extractor_component_and_main_event() -> None:
    article = _article(
        "Police arrested a man on Tuesday. Earlier, he had shot and killed his neighbour."
    )
    (analysed,) = EventExtractor()([article])
    main = main_event(analysed)
    assert main is not None and main.type == "violence_against_civilians"
    assert main.counts["killed"].exact == 1
    as_json = main.to_dict()
    assert set(as_json) >= {"type", "actor", "target", "victims_group", "place", "date"}
    assert as_json["counts"]["killed"] == {
        "low": 1,
        "high": 1,
        "exact": 1,
        "text": main.counts["killed"].text,
    }


def test_extract_figures_before_the_first_event_go_to_it() -> None:
    article = _article(
        "Four women were injured at a party on Sunday evening. The party at the playground "
        "was interrupted by gunfire."
    )
    (event,) = extract_events(article)
    assert event.counts["injured"].exact == 4


def test_extract_clock_time_falls_on_the_day_named_before_it() -> None:
    article = _article(
        "A man was shot outside a bar on February 28, 2025.\n\n"
        "Officers said the gunfire started at 1:30 p.m. and the gunman fled on foot."
    )
    event = main_event(_with_events(article))
    assert event is not None and event.date is not None
    assert event.date.start == "2025-02-28"


def test_extract_days_after_publication_are_not_when_it_happened() -> None:
    article = _article(
        "The trial of the man accused of the shooting was set for March 20. The victim was "
        "shot last Friday outside a store."
    )
    event = main_event(_with_events(article))
    assert event is not None and event.date is not None
    assert event.date.start == "2025-03-07"


def test_main_event_is_the_one_whose_figures_the_title_gives() -> None:
    text = (
        "A man was shot dead on a bus on Monday.\n\n"
        "In a separate attack in 2019, two men were killed and five people were wounded in "
        "the same district."
    )
    article = article_from_text(text, title="2 killed, 5 hurt", published=PUBLISHED)
    Segmenter()([article])
    event = main_event(_with_events(article))
    assert event is not None
    assert (event.counts["killed"].exact, event.counts["injured"].exact) == (2, 5)
    assert all(article.text[s.start : s.end] in text for s in event.evidence)


def test_extract_undated_paragraph_takes_the_day_of_an_earlier_one() -> None:
    article = _article(
        "A gunman opened fire at a bar on Saturday night, police said.\n\n"
        "Three men were wounded in the shooting and taken to a hospital."
    )
    (event,) = extract_events(article)
    assert event.date is not None and event.date.start == "2025-03-08"
    assert event.counts["injured"].exact == 3


def test_extract_undated_lead_takes_the_day_the_story_below_gives() -> None:
    article = _article(
        "A teenager was shot and wounded in the east side of the city.\n\n"
        "Officers said the shooting happened on Sunday night near a gas station."
    )
    (event,) = extract_events(article)
    assert event.date is not None and event.date.start == "2025-03-09"


def test_extract_day_of_a_court_appearance_is_not_the_shootings() -> None:
    article = _article(
        "A man was shot and killed outside his home, and the suspect testified Monday that "
        "he had acted in self-defence."
    )
    (event,) = extract_events(article)
    assert event.counts["killed"].exact == 1
    assert event.date is None


def test_extract_reporting_verb_does_not_reach_into_the_next_paragraph() -> None:
    article = _article(
        "Gunmen killed three traders at the market on Tuesday, witnesses told reporters.\n\n"
        "Last year, a similar attack on the same market killed 12 people."
    )
    killed = sorted(e.counts["killed"].figure for e in extract_events(article))
    assert killed == [3, 12]


def _titled(title: str, text: str) -> Article:
    """An article whose title stands beside its text, as a JSON record gives it."""
    article = article_from_text(text, title=title, published=PUBLISHED, language="en")
    Segmenter()([article])
    return article


@pytest.mark.parametrize(
    ("title", "text", "killed", "injured"),
    [
        # the body tells the deaths one by one; the title sums them
        (
            "2 dead, 3 hurt in shooting outside bar",
            "A man was shot and killed outside the bar late Friday. Police said a woman also died.",
            2,
            3,
        ),
        # the title's "shot" less the body's deaths are the injured
        (
            "Four shot at block party",
            "Gunfire erupted at the party on Saturday. One of the victims died at the hospital.",
            1,
            3,
        ),
    ],
)
def test_extract_title_beside_the_text_lends_its_figures(
    title: str, text: str, killed: int, injured: int
) -> None:
    event = main_event(_with_events(_titled(title, text)))
    assert event is not None
    assert (event.counts["killed"].exact, event.counts["injured"].exact) == (killed, injured)


def test_extract_title_figures_alone_make_an_event_without_evidence() -> None:
    """A page whose text tells of no violence (a caption, a page of links) still reports the
    headline's incident, with no evidence in the text."""
    article = _titled("Teen shot to death in driveway", "Watch the video of the mounted patrol.")
    (event,) = extract_events(article)
    assert event.evidence == []
    assert event.counts["killed"].exact == 1
    assert event.date is None


def test_extract_title_only_event_takes_the_headlines_day_not_the_bodys() -> None:
    article = _titled(
        "Two killed in shooting on Saturday",
        "Weather for the weekend: sunny on Friday, rain on Sunday, March 2, and Monday.",
    )
    (event,) = extract_events(article)
    assert event.counts["killed"].exact == 2
    assert event.date is not None and event.date.start == "2025-03-08"
    assert event.date.span is None  # the headline is not part of the text


def test_extract_a_headline_that_tells_a_shooting_without_figures_makes_an_event() -> None:
    """A page whose text is boilerplate still reports the incident its headline tells of."""
    article = _titled(
        "Police identify suspect in Saturday shooting",
        "Sign up for our newsletter today. Your notification has been saved.",
    )
    (event,) = extract_events(article)
    assert event.type == "violence_against_civilians"
    assert event.evidence == [] and event.counts == {}
    assert event.date is not None and event.date.start == "2025-03-08"


def test_extract_a_headline_that_tells_no_violence_makes_no_event() -> None:
    article = _titled("Council approves the budget on Saturday", "Sign up for our newsletter.")
    assert extract_events(article) == []


def test_extract_dates_count_from_the_pages_own_stamp_when_it_is_earlier() -> None:
    """A page handed on with the day it was crawled still tells of the Saturday before its
    own "Posted" stamp; the article keeps the publication date it was given."""
    crawled = dt.date(2017, 1, 28)
    article = _article(
        "Posted: Monday, May 4, 2015 5:29 PM EDT\n\n"
        "A man was shot and killed on Saturday night outside a bar, police said.",
        published=crawled,
    )
    (event,) = extract_events(article)
    assert event.date is not None and event.date.start == "2015-05-02"
    assert article.published == crawled
    EventExtractor()([article])
    assert article.warnings == [
        "event dates count from the page's own stamp, 2015-05-04, "
        "not the publication date given (2017-01-28)"
    ]
    unstamped = _article("A man was shot and killed on Saturday night.", published=crawled)
    EventExtractor()([unstamped])
    assert unstamped.warnings == []


def test_anchored_copies_an_article_only_when_its_stamp_is_earlier() -> None:
    stamped = _article("Posted: May 4, 2015\n\nA man was shot on Saturday.")
    reader = anchored(stamped, "en")
    assert reader is not stamped and reader.published == dt.date(2015, 5, 4)
    assert reader.paragraphs is stamped.paragraphs and stamped.published == PUBLISHED
    plain = _article("A man was shot on Saturday.")
    assert anchored(plain, "en") is plain


def test_extract_title_only_event_beside_an_arrest_in_the_body() -> None:
    article = _titled(
        "Suspect arrested in fatal shooting",
        "Police arrested a 22-year-old man on Tuesday, the sheriff's office said.",
    )
    events = extract_events(article)
    assert events[0].type == "arrest"
    title_event = next(e for e in events if not e.evidence)
    assert title_event.counts["killed"].exact == 1


def test_extract_casualties_of_an_operation_stay_with_it() -> None:
    article = _article(
        "В среду силовики провели спецоперацию в посёлке Лесной. В ходе операции погибли "
        "три человека, ещё пятеро получили ранения. В ведомстве заявили, что сотрудники были "
        "обстреляны.",
        language="ru",
    )
    by_type = {e.type: e for e in extract_events(article)}
    assert by_type["raid"].counts["killed"].exact == 3
    assert by_type["raid"].counts["injured"].exact == 5
    assert all(not e.counts for t, e in by_type.items() if t != "raid")


def test_extract_vague_survivors_do_not_outweigh_an_exact_count() -> None:
    article = _article(
        "Seven people were shot at a party on Saturday and three of them died. "
        "The other victims are expected to recover."
    )
    (event,) = [e for e in extract_events(article) if "killed" in e.counts]
    assert (event.counts["killed"].exact, event.counts["injured"].exact) == (3, 4)


def test_extract_deaths_told_after_a_raid_are_the_raids() -> None:
    article = _article(
        "Police raided a farmhouse outside the town on Monday. Two men died and an officer "
        "was hurt, a spokesman said."
    )
    (event,) = extract_events(article)
    assert event.type == "raid"
    assert (event.counts["killed"].exact, event.counts["injured"].exact) == (2, 1)


def test_main_event_takes_the_town_the_article_is_about() -> None:
    article = _titled(
        "Man shot dead outside a store in Mesa, Arizona",
        "A man was shot and killed Sunday night near a convenience store on Main Street, "
        "police said. Officers found him in the parking lot.",
    )
    events = extract_events(article)
    article.events = events
    main = main_event(article)
    assert main is not None and main.place is not None
    assert main.place.name == "Mesa" and main.place.admin1 == "Arizona"


def _draft(start: int, date: DateRange, inherited: bool) -> Draft:
    sentence = Span(start, start + 20)
    return Draft(
        type="violence_against_civilians",
        sentence=sentence,
        paragraph=start // 20,
        trigger=Span(start, start + 4),
        evidence=[sentence],
        date=date,
        date_inherited=inherited,
    )


LAST_WEEK = DateRange("2025-03-03", "2025-03-09", "day", "last week")
THURSDAY = DateRange("2025-03-06", "2025-03-06", "day", "late Thursday")
TUESDAY = DateRange("2025-03-04", "2025-03-04", "day", "Tuesday")


def test_merge_a_day_a_sentence_inherits_outweighs_a_span_the_event_states() -> None:
    (event,) = merge([_draft(0, LAST_WEEK, False), _draft(20, THURSDAY, True)])
    assert event.date == THURSDAY


def test_merge_a_day_the_event_states_outweighs_an_inherited_one() -> None:
    (event,) = merge([_draft(0, THURSDAY, False), _draft(20, TUESDAY, True)])
    assert event.date == THURSDAY


@pytest.mark.parametrize(
    ("text", "language", "groups"),
    [
        (
            "Shells hit the city centre on Saturday, killing five people. Among the dead were "
            "two Russian citizens and an Uzbek national.",
            "en",
            ["Russian citizens", "Uzbek national"],
        ),
        (
            "В субботу снаряды попали в центр города, погибли пять человек. Среди погибших — "
            "двое граждан России и один гражданин Узбекистана.",
            "ru",
            ["граждан России", "гражданин Узбекистана"],
        ),
    ],
)
def test_a_sentence_about_the_dead_gives_their_group_to_the_event(
    text: str, language: str, groups: list[str]
) -> None:
    (event,) = extract_events(_article(text, language))
    assert [m.text for m in event.victims_group] == groups
    assert event.counts["killed"].exact == 5  # the group's members are not a new count
    assert len(event.evidence) == 2


@pytest.mark.parametrize(
    ("text", "language"),
    [
        (
            "Police raided the village on Tuesday. Two men were deported last week, a lawyer said.",
            "en",
        ),
        (
            "Во вторник полиция провела рейд в посёлке. Двое мужчин были депортированы на прошлой "
            "неделе.",
            "ru",
        ),
    ],
)
def test_another_events_day_does_not_narrow_a_week(text: str, language: str) -> None:
    published = dt.date(2025, 7, 14)  # a Monday: "last week" is July 7-13, Tuesday July 8
    events = extract_events(_article(text, language, published))
    raid, deportation = (next(e for e in events if e.type == t) for t in ("raid", "deportation"))
    assert raid.date is not None and (raid.date.start, raid.date.end) == ("2025-07-08",) * 2
    assert deportation.date is not None
    assert (deportation.date.start, deportation.date.end) == ("2025-07-07", "2025-07-13")


def test_figures_told_by_a_source_make_the_event_that_sources_claim() -> None:
    text = (
        "Police raided the compound on Tuesday. According to the interior ministry, two people "
        "died and four were injured."
    )
    (raid,) = extract_events(_article(text))
    assert raid.counts["killed"].exact == 2
    assert (raid.attribution.kind, raid.attribution.source) == ("source", "the interior ministry")


def test_a_day_further_down_does_not_date_an_event_told_with_a_span() -> None:
    text = (
        "Late last year, police stormed a row of apartment blocks in the district.\n\n"
        "Those who defend this raid should look at the company they keep.\n\n"
        "Today it is them. Tomorrow it will be you."
    )
    events = extract_events(_article(text, published=dt.date(2025, 7, 14)))
    raid = next(e for e in events if e.type == "raid")
    assert raid.date is not None
    assert (raid.date.start, raid.date.end, raid.date.text) == (
        "2024-09-01",
        "2024-12-31",
        "Late last year",
    )
