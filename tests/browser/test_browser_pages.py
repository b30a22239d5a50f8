"""End-to-end: each page in headless Chromium, used as a person would, with a screenshot.

Every test also checks that the hostile article's markup (conftest.HOSTILE_*) ran nowhere and
that no javascript: link exists on the page.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import pytest

pytestmark = pytest.mark.browser

#: Seconds a page may take: a wait ends as soon as its condition holds, and the first call of a
#: cold server process (the incidents page links events, loading the gazetteer) on a busy 2-core
#: machine is the likeliest cause of one failure in some twenty full runs with 10 s.
WAIT = 30


def wait_for(driver: Any, condition: Callable[[Any], Any]) -> Any:
    from selenium.webdriver.support.ui import WebDriverWait

    return WebDriverWait(driver, WAIT).until(condition)


def css(driver: Any, selector: str) -> list[Any]:
    from selenium.webdriver.common.by import By

    return list(driver.find_elements(By.CSS_SELECTOR, selector))


def assert_nothing_injected(driver: Any) -> None:
    assert driver.execute_script("return window.__pwned === undefined")
    assert not css(driver, 'a[href^="javascript:"], a[href^="JAVASCRIPT:"]')
    assert not css(driver, "main script, main img[src='x'], #tip script")


def open_collection(driver: Any, server: str, query: str = "") -> None:
    driver.get(f"{server}/{query}")
    wait_for(driver, lambda d: len(css(d, "#results tbody tr[data-id]")) > 0)
    wait_for(driver, lambda d: css(d, "#chart-outlet svg"))


def test_collection_page_searches_filters_sorts_and_compares(
    browser: Any, server: str, screenshot: Any
) -> None:
    from selenium.webdriver.support.ui import Select

    open_collection(browser, server)
    assert "128 articles from 5 outlets" in css(browser, "#status")[0].text
    assert len(css(browser, "#chart-outlet svg .cell")) > 0
    assert css(browser, "#chart-week svg polyline")
    assert len(css(browser, "#compare svg")) == 2  # techniques and frames, side by side

    search = css(browser, "#f-q")[0]
    search.send_keys("drone")
    css(browser, "#f-submit")[0].click()
    wait_for(browser, lambda d: "q=drone" in d.current_url)
    wait_for(browser, lambda d: all(m.text.lower() == "drone" for m in css(d, ".snippet mark")))
    assert css(browser, ".snippet mark")

    Select(css(browser, "#f-outlet")[0]).select_by_value("Daily Example")
    wait_for(browser, lambda d: "outlet=Daily+Example" in d.current_url)
    outlets = "#results tbody td:nth-child(2)"
    wait_for(browser, lambda d: {r.text for r in css(d, outlets)} == {"Daily Example"})

    css(browser, "#f-clear")[0].click()
    wait_for(browser, lambda d: "q=" not in d.current_url)
    newest = [c.text for c in css(browser, "#results tbody td:nth-child(3)")]
    assert newest == sorted(newest, reverse=True)
    header = css(browser, 'th[data-sort="published"]')[0]
    header.click()  # newest first → oldest first, over the whole collection
    wait_for(browser, lambda d: "sort=oldest" in d.current_url)
    wait_for(browser, lambda d: header.get_attribute("aria-sort") == "ascending")
    oldest = [c.text for c in css(browser, "#results tbody td:nth-child(3)")]
    assert oldest == sorted(oldest) and oldest[0] < newest[-1]

    assert_nothing_injected(browser)
    screenshot(browser, "collection")


def test_collection_page_shows_a_bad_query_as_a_message(browser: Any, server: str) -> None:
    open_collection(browser, server)
    box = css(browser, "#f-q")[0]
    box.send_keys('U.S. "unclosed')
    css(browser, "#f-submit")[0].click()
    wait_for(browser, lambda d: css(d, "#error")[0].is_displayed())
    assert "cannot understand the search query" in css(browser, "#error")[0].text
    assert css(browser, "#results tbody")[0].text == "No articles match."


def test_hostile_article_is_shown_as_text_everywhere(
    browser: Any, server: str, screenshot: Any
) -> None:
    open_collection(browser, server, "?q=pwned")
    wait_for(browser, lambda d: "<script>" in css(d, "#results tbody")[0].text)
    assert_nothing_injected(browser)
    link = css(browser, "#results .title a")[0]
    link.click()
    wait_for(browser, lambda d: css(d, "#article-title"))
    title = css(browser, "#article-title")[0].text
    assert title.startswith("<script>window.__pwned=1</script>")
    assert "javascript:window.__pwned=4" in css(browser, ".article-head .source")[0].text
    assert '<img src=x onerror="window.__pwned=2">' in css(browser, "#article-text")[0].text
    assert_nothing_injected(browser)
    screenshot(browser, "article")


def test_analyse_page_highlights_evidence_with_definitions(
    browser: Any, server: str, screenshot: Any
) -> None:
    from selenium.webdriver.common.action_chains import ActionChains

    browser.get(f"{server}/analyse")
    text = (
        "Ministers under fire\n\n"
        "The shocking plan was approved by parliament on Monday.\n"
        "Police said five people were detained in Gdansk, allegedly for protesting.\n"
        "Opponents call it a threat to our nation and its economy."
    )
    css(browser, "#a-text")[0].send_keys(text)
    css(browser, "#a-submit")[0].click()
    wait_for(browser, lambda d: css(d, "mark.ev"))
    marks = {m.text for m in css(browser, "mark.ev")}
    assert {"shocking", "allegedly", "threat", "our nation"} <= marks
    assert "Crime" in css(browser, "#frames")[0].text
    assert css(browser, "#genre .score-row")

    loaded = css(browser, 'mark.ev[data-labels~="Loaded_Language"]')[0]
    ActionChains(browser).move_to_element(loaded).perform()
    wait_for(browser, lambda d: css(d, "#tip")[0].is_displayed())
    tip = css(browser, "#tip")[0].text
    assert "Loaded" in tip and "score" in tip
    loaded.click()
    wait_for(browser, lambda d: "shocking" in css(d, "#detail")[0].text)

    rows = css(browser, "#events tbody tr")
    assert len(rows) == 1 and "Gdansk" in rows[0].text and "detained 5" in rows[0].text
    ActionChains(browser).move_by_offset(0, 0).perform()
    assert_nothing_injected(browser)
    screenshot(browser, "analyse")


def test_analyse_page_reads_an_uploaded_file(browser: Any, server: str, tmp_path: Any) -> None:
    upload = tmp_path / "column.txt"
    upload.write_text(
        "A column\n\nWe must resist these <script>window.__pwned=9</script> traitors!\n",
        encoding="utf-8",
    )
    browser.get(f"{server}/analyse")
    css(browser, "#a-file")[0].send_keys(str(upload))
    css(browser, "#a-submit")[0].click()
    wait_for(browser, lambda d: css(d, "#article-title"))
    assert css(browser, "#article-title")[0].text == "A column"
    assert "traitors" in {m.text for m in css(browser, "mark.ev")}
    assert "<script>" in css(browser, "#article-text")[0].text
    assert_nothing_injected(browser)


def test_incidents_page_lists_incidents_with_sources_and_map(
    browser: Any, server: str, screenshot: Any
) -> None:
    browser.get(f"{server}/incidents")
    wait_for(browser, lambda d: css(d, "#timeline li.incident"))
    incidents = css(browser, "#timeline li.incident")
    assert all(css(i, "table.sources tbody tr") for i in incidents)
    (depot,) = [i for i in incidents if "Strike on Bristol depot" in i.text]
    assert "killed 4" in depot.text
    sources = int(css(depot, ".counts .muted")[0].text.split()[1])
    assert sources > 5, "the wire copies should be one incident with all their sources"
    assert css(browser, "#map svg circle.dot")
    screenshot(browser, "incidents")

    # All but the first five sources open on request.
    assert len(css(depot, "tbody tr:not(.fold)")) == 5
    css(depot, "button.more")[0].click()
    assert len(css(depot, "tbody tr:not(.fold)")) == sources
    outlets = {cell.text for cell in css(depot, "table.sources td:first-child")}
    assert outlets == {"Daily Example", "Evening Mock", "The Sample Post", "Morning Placeholder"}

    place = css(browser, "#f-place")[0]
    place.send_keys("Kazan")
    css(browser, "#f-submit")[0].click()
    wait_for(browser, lambda d: "place=Kazan" in d.current_url)
    wait_for(browser, lambda d: all("Kazan" in i.text for i in css(d, "#timeline li.incident")))
    assert_nothing_injected(browser)


def test_definitions_page_filters_entries(browser: Any, server: str, screenshot: Any) -> None:
    browser.get(f"{server}/definitions")
    wait_for(browser, lambda d: css(d, "dl.definitions dt"))
    total = len(css(browser, "dl.definitions dt"))
    screenshot(browser, "definitions")
    css(browser, "#d-filter")[0].send_keys("fear")
    visible = [dt for dt in css(browser, "dl.definitions dt") if dt.is_displayed()]
    assert 0 < len(visible) < total
    assert "Fear" in visible[0].text
