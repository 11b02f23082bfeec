"""APA author-date citations and reference list (Publication Manual, 7th ed.).

Decisions this module makes, each in one place:

- Titles are printed in the case the record gives. APA wants sentence case
  for titles of works, but proper nouns cannot be told apart automatically
  ("North Korea", "State Department"), and lower-casing them would be wrong.
  The CSL APA style likewise prints a title in the case it is stored in.
- Reference dates: year alone for books, reports and journal articles; year,
  month and day for blog posts, news articles and web pages.
  "(n.d.)" when there is no date. Access dates are not printed (APA asks for
  them only for pages designed to change).
- The publisher is left out when it is the author (9.29) or repeats the
  container's name, and for articles and blog posts, whose source is the
  periodical or blog (10.1).
- A part of a larger report is cited like a chapter: "Title. In *Report*."
  Titles of books, reports and web pages are italic; of posts and articles, roman.
- What identifies a work follows its title (or a part's container) in
  parentheses: the edition and a report's genre and number, "(2nd ed.)",
  "(Working Paper EX/25/63)" (10.4); a chapter's pages, "(pp. 45–67)"; a
  genre without a number is a description in brackets, "[Country narrative]",
  "[PhD diss.]" (9.21).
- A DOI is printed as a https://doi.org/ link in place of a URL (9.34).
- An edited book lists its editors with "(Ed.)"/"(Eds.)" in the authors'
  place; a chapter names its book's editors, initials first: "In O. Writer
  (Ed.), *Book* (pp. 45–67)." (10.3). An archive closes an unpublished work's
  entry: "Example Archive (Box 3), Example City." (10.8).
- Locators are body-paragraph numbers: "para. 8".
- In text: one or two surnames ("King & Author"), "et al." for three or more.
- `full_note` (speaker notes) is the parenthetical citation followed by the
  reference-list entry; `short_note` (a slide's footnote band) is the
  narrative form "King (2019, para. 17)".
- "2019a", "2019b": works of one author and year carry the letter that
  `year_letters.with_year_letters` gives them, in the reference list and in
  every citation (9.47, 8.19).
- East Asian names in their own script are printed whole, family name first
  ("김민지"); see `names.py`.
"""

from __future__ import annotations

from typing import Iterable

from briefdeck.citations.compose import Line, concat, join
from briefdeck.citations.dates import year_first_date, year_only
from briefdeck.citations.names import Name, and_list, apa_name, display_name, fold_for_sorting, initials, sort_key
from briefdeck.citations.text import Formatted, plain
from briefdeck.citations.work import (Work, page_label, paragraph_label, short_title, speaker_of, without_article,
                                      work_of)
from briefdeck.sources.model import Citation, SourceRecord

REFERENCE_AUTHOR_LIMIT = 20  # more: the first nineteen, ". . .", the last
IN_TEXT_AUTHOR_LIMIT = 2  # more: "First et al."

_DATED_TO_THE_DAY = frozenset({"post-weblog", "post", "article-newspaper", "article-magazine", "webpage",
                               "broadcast", "interview", "speech", "personal_communication"})
_PERIODICALS = frozenset({"post-weblog", "post", "article-newspaper", "article-magazine"})


class Apa:
    """APA 7: author-date citations in the text and a reference list."""

    name = "apa"
    bibliography_heading = "References"
    author_date = True

    def note(self, citation: Citation, *, first: bool) -> Formatted:
        """The handout's footnote: the in-text citation without its parentheses."""
        return _citation_body(citation, self.locator_label(citation)).spans()

    def short_note(self, citation: Citation) -> Formatted:
        """The narrative form for a slide's footnote band: "King (2019, para. 17)"."""
        work = work_of(citation.record)
        inside = join([year_only(work.issued, suffix=work.year_suffix), self.locator_label(citation)], ", ")
        line = join([_in_text_authors(work, narrative=True), Line("(").append(inside).text(")")], " ")
        speaker = speaker_of(citation)
        return (Line(f"{speaker}, as cited in ").append(line) if speaker else line).spans()

    def full_note(self, citation: Citation) -> Formatted:
        """For speaker notes: "(King, 2019, para. 17) King, R. R. (2019, July 24). …"."""
        line = Line("(").append(_citation_body(citation, self.locator_label(citation))).text(") ")
        return concat(line.spans(), self.bibliography_entry(citation.record))

    def in_text(self, citation: Citation) -> Formatted:
        """The parenthetical citation: "(King, 2019, para. 17)"."""
        return Line("(").append(_citation_body(citation, self.locator_label(citation))).text(")").spans()

    def bibliography_entry(self, record: SourceRecord) -> Formatted:
        """ "King, R. R. (2019, July 24). Title. *The Peninsula*. Korea Economic Institute of America." """
        work = work_of(record)
        date = year_first_date(work.issued, precise=work.type in _DATED_TO_THE_DAY, suffix=work.year_suffix)
        title = join([Line(work.title, italic=_stands_alone(work)), _identifiers(work, of_container=False)], " ")
        head = [_reference_authors(work), Line(f"({date})"), title] if work.creators else [title, Line(f"({date})")]
        entry = join([*head, _source(work), _publisher(work), _archive(work)], ". ").punct(".")
        if work.url:
            entry.text(" ").link(work.url)  # APA: no period after a URL
        return entry.spans()

    def sort_bibliography(self, records: Iterable[SourceRecord]) -> tuple[SourceRecord, ...]:
        """By author (or title when there is none), then date, undated first, then title."""
        def key(record: SourceRecord):
            work = work_of(record)
            title = fold_for_sorting(without_article(work.title))
            authors = tuple(sort_key(n, particle_first=True) for n in work.creators) or ((title, ""),)
            date = work.issued.sort_key if work.issued else (0, 0, 0)
            return (authors, date, title, record.id)
        return tuple(sorted(records, key=key))

    def locator_label(self, citation: Citation) -> str:
        """ "p. 212" for a paginated source; else "para. 8" ("paras. 3–4" merged); "" for a whole source."""
        return page_label(citation, "p.") or paragraph_label(citation, self.name)


def _stands_alone(work: Work) -> bool:
    """True when APA italicizes the title: a book, a report, a web page (not a post or article)."""
    return not work.is_part or work.type == "webpage"


def _citation_body(citation: Citation, locator: str) -> Line:
    """ "King, 2019, para. 17", with "CNN, as cited in " before it for a relayed speaker."""
    work = work_of(citation.record)
    line = join([_in_text_authors(work, narrative=False), year_only(work.issued, suffix=work.year_suffix), locator],
                ", ")
    speaker = speaker_of(citation)
    return Line(f"{speaker}, as cited in ").append(line) if speaker else line


def _in_text_authors(work: Work, *, narrative: bool) -> Line:
    """Surnames as cited in text; the short title when there is no author."""
    if not work.creators:
        title = short_title(work)
        return Line(title, italic=True) if _stands_alone(work) else Line().quoted(title)
    names = [n.surname for n in work.creators]
    if len(names) > IN_TEXT_AUTHOR_LIMIT:
        return Line(f"{names[0]} et al.")
    return Line(f" {'and' if narrative else '&'} ".join(names))


def _reference_authors(work: Work) -> Line:
    """ "King, R. R.", "A, B., & C, D.", up to twenty; then ". . ." and the last; editors with "(Eds.)"."""
    names = [apa_name(n) for n in work.creators]
    if len(names) == 1:
        listed = names[0]
    elif len(names) > REFERENCE_AUTHOR_LIMIT:
        listed = ", ".join(names[:REFERENCE_AUTHOR_LIMIT - 1]) + ", . . . " + names[-1]
    else:
        listed = ", ".join(names[:-1]) + ", & " + names[-1]
    return Line(f"{listed} {_editor_label(work)}" if work.edited else listed)


def _editor_label(work: Work) -> str:
    return "(Ed.)" if len(work.editors) == 1 else "(Eds.)"


def _container_editors(work: Work) -> str:
    """ "O. Writer (Ed.)", "O. Writer & F. Name (Eds.)": the editors of the book a chapter is in (10.3)."""
    if work.edited or not work.editors:
        return ""
    return f"{and_list([_initials_first(n) for n in work.editors], '&')} {_editor_label(work)}"


def _source(work: Work) -> Line:
    """Where a part was published: the journal with volume and pages, the blog, "In *Report*"."""
    if not work.container:
        return Line()
    if work.type == "article-journal":
        line = Line(work.container, italic=True)
        if work.volume:
            line.text(", ").text(work.volume, italic=True)
        if work.issue:
            line.text(f"({work.issue})" if work.volume else f", ({work.issue})")
        if work.page:
            line.text(f", {work.page}")
        return line
    if work.type in _PERIODICALS:
        return Line(work.container, italic=True)
    if work.type == "webpage":
        return Line(work.container)
    editors = _container_editors(work)
    inside = Line("In ").text(f"{editors}, " if editors else "").text(work.container, italic=True)
    return join([inside, _identifiers(work, of_container=True)], " ")


def _identifiers(work: Work, *, of_container: bool) -> Line:
    """ "(2nd ed.)", "(Working Paper EX/25/63)", "(pp. 45–67)", then "[Country narrative]" or "[PDF]":
    after the title of a whole work or a page, or after the container of a part (APA 7 9.21)."""
    if _stands_alone(work) == of_container or work.type in _PERIODICALS or work.type == "article-journal":
        return Line()
    numbered = " ".join(p for p in (work.genre, work.number) if p) if work.number else ""
    pages = f"pp. {work.page}" if work.page and of_container else ""
    inside = ", ".join(p for p in (work.edition, numbered, pages) if p)
    described = "; ".join(p for p in ("" if work.number else work.genre, work.medium) if p)
    return join([Line(f"({inside})") if inside else None, Line(f"[{described}]") if described else None], " ")


def _initials_first(name: Name) -> str:
    """ "O. Writer": an editor's name in the "In … (Ed.)" of a chapter's reference."""
    if name.literal or name.family_first or not name.given:
        return display_name(name)
    return " ".join(p for p in (initials(name.given), name.dropping_particle, name.surname, name.suffix) if p)


def _archive(work: Work) -> str:
    """ "Example Archive (Box 3), Example City": where an unpublished work is kept (APA 7 10.8)."""
    name = join([work.archive, f"({work.archive_location})" if work.archive_location else ""], " ")
    return ", ".join(p for p in (plain(name.spans()), work.archive_place) if p)


def _publisher(work: Work) -> str:
    if work.type in ("article-journal", *_PERIODICALS) or work.publisher_is_author:
        return ""
    if work.publisher.casefold() == work.container.casefold():
        return ""
    return work.publisher
