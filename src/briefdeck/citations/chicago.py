"""Chicago notes and bibliography (The Chicago Manual of Style, 17th ed., ch. 14).

Decisions this module makes, each in one place:

- Titles of works (title, container, short title) are printed in headline
  style (8.159; see `headline.py`), which only raises or lowers first letters,
  so acronyms and names stay as the record writes them. The short title is
  cut from the record's own title first (see `work.short_title`).
- An organization that is both author and publisher is printed in both slots
  (CMOS 17 14.84 lets an organization stand as author even when it is also
  the publisher), so the note and the bibliography file under it.
- Locators are body-paragraph numbers: "par. 8" (10.43). A sentence locator
  cites its paragraph. A whole-source citation has no locator.
- Books, reports, chapters and theses give the year of publication in their
  publication facts; posts, articles and pages the full date.
  "n.d." when there is no date; "n.p." when a book or report states
  neither place nor publisher. An access date is printed only when
  there is no date of issue (14.12), just before the URL; for a post, article
  or page it then replaces the "n.d.".
- A report's genre and number follow its title ("Working Paper EX/25/63");
  an edition follows the title ("2nd ed."); a thesis's title is quoted and
  its genre opens the facts ("PhD diss."); an archive's box, name and place
  close an unpublished work's entry; a medium ("PDF", "Interactive map")
  comes last before the URL.
- An edited book's editors stand in the authors' place with "ed."/"eds.";
  a chapter's note gives its book's editors as "ed. A and B", its
  bibliography entry as "edited by A and B".
- A journal article's paragraph locator takes the place of the page after the
  colon ("(2020): par. 8"); without one the page range from the record shows.
  A chapter's bibliography entry gives its pages.
- An unsigned newspaper article or web page is listed in the bibliography
  under the newspaper or site; its notes begin with the title.
- In the bibliography a non-dropping particle follows the given name
  ("Berg, Jan van der"); in notes it stays ("Jan van der Berg").
- A title ending in "?" or "!" takes no added period.
- Notes name up to three authors, "A et al." for four or more (CMOS 17 14.76);
  the bibliography lists up to ten, else the first seven and "et al.".
  Each bibliography entry repeats its authors' names (CMOS 18 prefers
  that to the 3-em dash, and a deck's bibliography may be split over slides).
- Year letters ("2019a") belong to author-date styles, not here:
  two works of one author and year differ by title in notes.
"""

from __future__ import annotations

import dataclasses
import functools
from typing import Iterable

from briefdeck.citations.compose import Line, join, sentence
from briefdeck.citations.dates import long_date, year_only
from briefdeck.citations.headline import headline_case
from briefdeck.citations.names import and_list, display_name, fold_for_sorting, inverted_name, sort_key
from briefdeck.citations.text import Formatted
from briefdeck.citations.work import (Work, page_label, paragraph_label, short_title, speaker_of, without_article,
                                      work_of)
from briefdeck.sources.model import Citation, SourceRecord

NOTE_AUTHOR_LIMIT = 3  # four or more: the first and "et al."
BIBLIOGRAPHY_AUTHOR_LIMIT = 10  # more than ten: the first seven and "et al."
BIBLIOGRAPHY_AUTHORS_SHOWN = 7
NO_PUBLISHER = "n.p."

# How a work is cited depends on what kind of thing it is.
JOURNAL, WHOLE, CHAPTER, PERIODICAL, POST, THESIS = "journal", "whole", "chapter", "periodical", "post", "thesis"
_CHAPTER_TYPES = frozenset({"report", "chapter", "entry-encyclopedia", "entry-dictionary", "paper-conference"})
_PERIODICAL_TYPES = frozenset({"article-newspaper", "article-magazine"})
_DATE_STANDS_ALONE = frozenset({PERIODICAL, POST})  # no publication facts around the date
_YEAR_ONLY = frozenset({WHOLE, CHAPTER, THESIS})  # publication facts give the year
_FILED_UNDER_CONTAINER = frozenset({"article-newspaper", "webpage"})  # unsigned: listed under the paper or site


class ChicagoNote:
    """Chicago notes-bibliography: a full note at first citation, short notes after."""

    name = "chicago-note"
    bibliography_heading = "Bibliography"
    author_date = False

    def note(self, citation: Citation, *, first: bool) -> Formatted:
        """The handout's footnote: the full note the first time, the short note after."""
        return self.full_note(citation) if first else self.short_note(citation)

    @functools.lru_cache(maxsize=64)  # the handout's first note and the speaker notes word a citation twice in a row
    def full_note(self, citation: Citation) -> Formatted:
        """ "Robert R. King, “Title,” *The Peninsula* (blog), Publisher, July 24, 2019, par. 17." """
        work = _cased(work_of(citation.record))
        kind = _kind(work)
        locator = self.locator_label(citation)
        date, accessed = _dates(work, kind)
        title = Line().quoted(work.title)
        if kind == JOURNAL:  # the locator takes the page's place after the colon
            middle = [title, _journal(work, date, locator or work.page)]
            locator = ""
        elif kind == WHOLE:  # *Title*, 2nd ed., Working Paper 5 (Place: Publisher, date)
            description = join([Line(work.title, italic=True), work.edition, _report_number(work)], ", ")
            middle = [join([description, _facts(work, date)], " ")]
        elif kind == CHAPTER:  # “Chapter,” in *Report*, Genre (Publisher, date)
            inside = Line("in ").text(work.container, italic=True) if work.container else None
            described = join([inside, _container_editors(work, note=True), _report_number(work)], ", ")
            middle = [title, join([described, _facts(work, date)], " ")]
        elif kind == THESIS:  # “Title” (PhD diss., University, date)
            middle = [join([title, Line("(").append(join([work.genre, work.publisher, date], ", ")).text(")")],
                           " ")]
        elif kind == PERIODICAL:
            middle = [title, Line(work.container, italic=True), date]
        else:
            middle = [title, _container(work), _other_publisher(work), date]
        parts = [_note_authors(work), *middle, locator, accessed, *_archive(work), work.medium, Line().link(work.url)]
        return _with_speaker(citation, join(parts, ", ")).punct(".").spans()

    def short_note(self, citation: Citation) -> Formatted:
        """ "King, “State Department Report,” par. 17." (CMOS 17 14.29–33)."""
        work = _cased(work_of(citation.record))
        title = short_title(work)
        whole = _kind(work) == WHOLE
        parts = [_capitalized(_short_authors(work)), Line(title, italic=True) if whole else Line().quoted(title),
                 self.locator_label(citation)]
        return _with_speaker(citation, join(parts, ", ")).punct(".").spans()

    def in_text(self, citation: Citation) -> Formatted:
        """Nothing: in the notes system the note carries the citation."""
        return ()

    def bibliography_entry(self, record: SourceRecord) -> Formatted:
        """ "King, Robert R. “Title.” *The Peninsula* (blog), Publisher, July 24, 2019." """
        work = _cased(work_of(record))
        kind = _kind(work)
        date, accessed = _dates(work, kind)
        title = Line().quoted(work.title)
        author: Line | str = _bibliography_authors(work)
        if not author and work.type in _FILED_UNDER_CONTAINER and work.container:
            author = Line(work.container, italic=kind == PERIODICAL)
            work = dataclasses.replace(work, container="")
        if kind == JOURNAL:
            middle = [title, _journal(work, date, work.page)]
        elif kind == WHOLE:
            middle = [Line(work.title, italic=True), work.edition, _capitalized(_report_number(work)),
                      join([_capitalized(_imprint(work)), date], ", ")]
        elif kind == CHAPTER:
            inside = Line("In ").text(work.container, italic=True) if work.container else None
            described = join([inside, _container_editors(work, note=False), _report_number(work), work.page], ", ")
            middle = [title, described, join([_capitalized(_imprint(work)), date], ", ")]
        elif kind == THESIS:
            middle = [title, join([work.genre, work.publisher, date], ", ")]
        elif kind == PERIODICAL:
            middle = [title, join([Line(work.container, italic=True), date], ", ")]
        else:
            middle = [title, join([_container(work), _other_publisher(work), date], ", ")]
        parts = [author, *middle, _capitalized(accessed), *_archive(work), work.medium, Line().link(work.url)]
        return sentence(parts, ". ")

    def sort_bibliography(self, records: Iterable[SourceRecord]) -> tuple[SourceRecord, ...]:
        """By author (or title when there is none), then title, then date."""
        def key(record: SourceRecord):
            work = work_of(record)
            title = fold_for_sorting(without_article(work.title))
            date = work.issued.sort_key if work.issued else (0, 0, 0)
            return (_filing_key(work), title, date, record.id)
        return tuple(sorted(records, key=key))

    def locator_label(self, citation: Citation) -> str:
        """ "212" for a paginated source; else "par. 8" ("pars. 3–4" merged); "" for a whole source."""
        return page_label(citation, "") or paragraph_label(citation, self.name)


@functools.lru_cache(maxsize=1024)  # every note of a work asks again; a work's fields decide the result
def _cased(work: Work) -> Work:
    """The work with its titles in headline style; the short title cut from the title as the record has it."""
    return dataclasses.replace(work, title=headline_case(work.title), container=headline_case(work.container),
                               title_short=headline_case(short_title(work)))


def _kind(work: Work) -> str:
    if work.type == "article-journal":
        return JOURNAL
    if work.type == "thesis":
        return THESIS
    if work.type == "manuscript":  # unpublished: quoted title, full date
        return POST
    if not work.is_part:
        return WHOLE
    if work.type in _CHAPTER_TYPES:
        return CHAPTER
    if work.type in _PERIODICAL_TYPES:
        return PERIODICAL
    return POST


def _dates(work: Work, kind: str) -> tuple[str, str]:
    """(date, access date) as the note prints them; see the module's rules."""
    if work.issued is None and work.accessed is not None:
        accessed = f"accessed {long_date(work.accessed)}"
        return ("" if kind in _DATE_STANDS_ALONE else long_date(None)), accessed
    if kind in _YEAR_ONLY and work.issued is not None:
        return year_only(work.issued), ""
    return long_date(work.issued), ""


def _with_speaker(citation: Citation, line: Line) -> Line:
    """ "CNN, quoted in …" when the source relays another party's words (CMOS 17 14.260)."""
    speaker = speaker_of(citation)
    return Line(f"{speaker}, quoted in ").append(line) if speaker else line


def _container(work: Work) -> Line:
    """The blog, site or other container; "(blog)" marks a blog not called one (CMOS 17 14.208)."""
    if not work.container:
        return Line()
    line = Line(work.container, italic=work.type != "webpage")
    if work.type == "post-weblog" and "blog" not in work.container.casefold():
        line.text(" (blog)")
    return line


def _other_publisher(work: Work) -> str:
    """The publisher of a post or page, unless it only repeats the container's name."""
    return "" if work.publisher.casefold() == work.container.casefold() else work.publisher


def _report_number(work: Work) -> str:
    """A report's genre and number, "Working Paper EX/25/63", as the record states them."""
    return " ".join(p for p in (work.genre, work.number) if p)


def _capitalized(text: str) -> str:
    """First letter raised where the text opens a sentence: "Van der Berg, …" (CMOS 17)."""
    return text[:1].upper() + text[1:]


def _imprint(work: Work) -> str:
    """ "Place: Publisher", whichever of the two the record has, or "n.p." for neither."""
    if work.place and work.publisher:
        return f"{work.place}: {work.publisher}"
    return work.place or work.publisher or NO_PUBLISHER


def _facts(work: Work, date: str) -> Line:
    """ "(Place: Publisher, date)"."""
    return Line("(").append(join([_imprint(work), date], ", ")).text(")")


def _archive(work: Work) -> list[str]:
    """Where an unpublished work is kept: box or folder, then the archive and its place."""
    return [work.archive_location, ", ".join(p for p in (work.archive, work.archive_place) if p)]


def _journal(work: Work, date: str, after_colon: str) -> Line:
    """ "*Journal of Examples* 12, no. 3 (2020): 45–67"."""
    line = Line(work.container, italic=True)
    numbers = join([work.volume, f"no. {work.issue}" if work.issue else ""], ", ")
    if numbers:
        line.text(" ").append(numbers)
    line.text(f" ({date})")
    if after_colon:
        line.text(f": {after_colon}")
    return line


def _note_authors(work: Work) -> str:
    """ "Robert R. King", "A, B, and C", "A et al."; an edited book's editors with "ed." or "eds."."""
    names = [display_name(n) for n in work.creators]
    listed = f"{names[0]} et al." if len(names) > NOTE_AUTHOR_LIMIT else and_list(names)
    return f"{listed}, {_editor_label(work)}" if work.edited else listed


def _short_authors(work: Work) -> str:
    names = [n.surname for n in work.creators]
    if len(names) > NOTE_AUTHOR_LIMIT:
        return f"{names[0]} et al."
    return and_list(names)


def _bibliography_authors(work: Work) -> str:
    """ "King, Robert R.", "A, B, and C", up to ten; an edited book's editors with "ed." or "eds."."""
    if not work.creators:
        return ""
    first = inverted_name(work.creators[0], demote_particle=True)
    rest = [display_name(n) for n in work.creators[1:]]
    if len(work.creators) > BIBLIOGRAPHY_AUTHOR_LIMIT:
        listed = ", ".join([first] + rest[:BIBLIOGRAPHY_AUTHORS_SHOWN - 1]) + ", et al."
    elif not rest:
        listed = first
    else:
        listed = ", ".join([first] + rest[:-1]) + ", and " + rest[-1]
    return f"{listed}, {_editor_label(work)}" if work.edited else listed


def _editor_label(work: Work) -> str:
    return "ed." if len(work.editors) == 1 else "eds."


def _container_editors(work: Work, *, note: bool) -> str:
    """The editors of the book a chapter is in: "ed. Other Writer" (note), "edited by Other Writer"."""
    if work.edited or not work.editors:
        return ""
    return ("ed. " if note else "edited by ") + and_list([display_name(n) for n in work.editors])


def _filing_key(work: Work) -> tuple:
    """Authors; else the paper or site an unsigned article or page is listed under; else the title."""
    if work.creators:
        return tuple(sort_key(n) for n in work.creators)
    if work.type in _FILED_UNDER_CONTAINER and work.container:
        return ((fold_for_sorting(without_article(work.container)), ""),)
    return ((fold_for_sorting(without_article(work.title)), ""),)
