"""What the preview builds: the planned pages, problems on their slides, stale points, partial rebuilds."""

from __future__ import annotations

import html
import re
import shutil

from briefdeck.preview.state import BRIEF as BRIEF_CHANGED
from briefdeck.preview.state import LAYOUT, LEXICON, SOURCES, PreviewBuilder
from preview.support import BRIEF, REPO

TIP = "seeds/001_8626f1c1c84b5475.txt"


def figure_of(body: str, title: str) -> str:
    """The ``<figure>`` of the page captioned ``title``."""
    for figure in re.findall(r'<figure class="page".*?</figure>', body, re.S):
        caption = re.search(r'<figcaption><span class="number">\d+</span> (.*?)(<ul|</figcaption>)', figure)
        if html.unescape(caption.group(1)) == title:
            return figure
    raise AssertionError(f"no page titled {title}")


def test_lines_are_the_planner_lines(example):
    """Each paragraph is set as the lines `fit.para_lines` breaks it into, on every page the planner makes."""
    from briefdeck.check import check_brief
    from briefdeck.render.pptx.fit import para_lines
    from briefdeck.render.pptx.plan import deck_to_pages

    builder = PreviewBuilder(example / BRIEF, audience="policy")
    body = builder.build().bodies["policy"]
    frames = builder._layout[1]
    builder.close()
    deck = check_brief(example / BRIEF, audience="policy", write_lock=False).decks["policy"]
    pages = deck_to_pages(deck, frames)
    assert len(re.findall(r'<figure class="page"', body)) == len(pages)
    for page in pages:
        expected = [("".join(run.text for run in line)).replace("\n", "")
                    for box in page.text_boxes for para in box.paras
                    for line in para_lines(para, box.rect.w - 2 * box.inset, frames.settings.metrics)]
        figure = figure_of(body, page.title)
        shown = [html.unescape(re.sub(r"<[^>]+>", "", re.sub(r'<span class="bullet".*?</span>', "", line)))
                 for line in re.findall(r'<div class="line"[^>]*>(.*?)</div>', figure)]
        assert shown == expected, page.title


def test_a_number_mismatch_is_shown_on_its_slide_with_its_line(example):
    brief = example / BRIEF
    text = brief.read_text(encoding="utf-8")
    brief.write_text(text.replace("one of only 22 Tier 3 countries", "one of only 23 Tier 3 countries"),
                     encoding="utf-8")
    line = next(i for i, t in enumerate(brief.read_text(encoding="utf-8").split("\n"), 1) if "only 23 Tier" in t)
    builder = PreviewBuilder(brief, audience="policy")
    body = builder.build().bodies["policy"]
    builder.close()
    figure = figure_of(body, "Tier 3, the lowest ranking")
    assert f"dprk-trafficking.yaml:{line}:" in figure and "“23” in the text is not stated" in figure
    assert "number-mismatch" not in figure_of(body, "Forced labour as state policy")
    assert '<p id="status" class="ok">0 errors, 1 warning</p>' in body


def test_points_whose_source_changed_are_marked_stale(example):
    tip = example / TIP
    tip.write_text(tip.read_text(encoding="utf-8").replace(
        "During the reporting period, there were no known investigations",
        "In the reporting period, there were no known investigations"), encoding="utf-8")
    builder = PreviewBuilder(example / BRIEF, audience="policy")
    body = builder.build().bodies["policy"]
    builder.close()
    figure = figure_of(body, "Tier 3, the lowest ranking")
    assert 'data-stale="1"' in figure
    assert "the sentence this point quotes (tip-2017-dprk:p4.s1) changed" in figure
    # The point cites pars. 3–4 under one note, which shows both passages.
    note = next(n for n in re.findall(r'<template id="note-[\d-]+">(.*?)</template>', body, re.S)
                if "tip-2017-dprk:p4.s1" in n)
    assert "tip-2017-dprk:p3" in note and "<mark>In the reporting period" in note
    assert "unchanged since the evidence lock" not in note


def test_only_what_a_change_makes_stale_is_redone(example):
    builder = PreviewBuilder(example / BRIEF)
    builder.build()
    index, frames, lexicon = builder._index[1], builder._layout[1], builder._lexicon
    builder.forget({BRIEF_CHANGED})
    builder.build()
    assert builder._index[1] is index and builder._layout[1] is frames and builder._lexicon is lexicon
    builder.forget({SOURCES})
    builder.build()
    assert builder._index[1] is not index and builder._layout[1] is frames
    index = builder._index[1]
    builder.forget({LAYOUT})
    builder.build()
    assert builder._index[1] is index and builder._layout[1] is not frames
    builder.forget({LEXICON})
    builder.build()
    assert builder._lexicon is not lexicon and builder._index[1] is not index
    builder.close()


def test_which_files_matter(example):
    builder = PreviewBuilder(example / BRIEF)
    builder.build()
    builder.close()
    assert builder.stale(example / BRIEF) == BRIEF_CHANGED
    assert builder.stale(example / "briefs/dprk-trafficking.lock.json") == BRIEF_CHANGED
    assert builder.stale(example / TIP) == SOURCES
    assert builder.stale(example / "seeds/sources.yaml") == SOURCES
    assert builder.stale(example / "lexicon.yaml") == LEXICON
    assert builder.stale(REPO / "layouts/default/layout.yaml") == LAYOUT
    assert builder.stale(example / "briefs/other.yaml") is None
    assert builder.stale(example / ".briefdeck/findings.sqlite") is None
    assert set(builder.folders()) >= {example / "briefs", example / "seeds", example}


def test_a_brief_that_stops_loading_keeps_its_last_slides(example):
    builder = PreviewBuilder(example / BRIEF)
    first = builder.build()
    assert first.ok
    (example / BRIEF).write_text("title: [unclosed\n", encoding="utf-8")
    broken = builder.build()
    builder.close()
    assert not broken.ok and set(broken.bodies) == {"policy", "classroom"}
    body = broken.bodies["policy"]
    assert "The brief does not build: 1 error" in body
    assert re.search(r"dprk-trafficking\.yaml:\d+:\d+</code> error: a &#x27;\[&#x27; opened at line 1", body)
    assert "The last slides that built" in body and "Tier 3, the lowest ranking" in body


def test_a_brief_that_never_loaded_says_so(project):
    shutil.copy(REPO / BRIEF, project / BRIEF)
    (project / BRIEF).write_text("slides: []\n", encoding="utf-8")
    builder = PreviewBuilder(project / BRIEF)
    snapshot = builder.build()
    builder.close()
    body = snapshot.bodies["all"]
    assert "No slides have built yet." in body and "error:" in body


def test_a_continued_slide_shows_its_problems_on_every_page(project):
    findings = [f"tip-2017-dprk:p8.s{n}" for n in range(1, 9)] + [f"tip-2017-dprk:p10.s{n}" for n in range(1, 12)]
    points = "".join(f"      - finding: {f}\n" for f in findings)
    (project / "briefs" / "long.yaml").write_text(
        "title: Long\nslides:\n  - title: Many findings\n    points:\n" + points
        + "      - text: A count of 23 (a planted mismatch).\n        quote: some 400,000 people\n",
        encoding="utf-8")
    builder = PreviewBuilder(project / "briefs" / "long.yaml")
    snapshot = builder.build()
    builder.close()
    body = snapshot.bodies["all"]
    first, continued = figure_of(body, "Many findings"), figure_of(body, "Many findings (cont.)")
    for figure in (first, continued):
        assert "long.yaml:24:" in figure and "“23” in the text" in figure


def test_third_and_later_pages_of_a_slide_stay_with_their_slide():
    # The planner titles continuations "(cont.)", "(cont. 2)"…: every one belongs to its slide.
    from types import SimpleNamespace

    from briefdeck.preview.evidence import pages_by_slide
    from briefdeck.render.pptx.pages import Page

    deck = SimpleNamespace(slides=[SimpleNamespace(kind="bullets"), SimpleNamespace(kind="bullets"),
                                   SimpleNamespace(kind="sources")])
    pages = [Page("bullets", t, ()) for t in ("A", "A (cont.)", "A (cont. 2)", "A (cont. 3)", "B")]
    assert pages_by_slide(deck, pages) == [0, 0, 0, 0, 1]
