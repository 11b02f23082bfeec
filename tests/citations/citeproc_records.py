"""Records for the comparison with citeproc: the two seeds and clearly fictional works.

Every record other than the seeds' is invented ("Example Author", "A
Fictional Report", "Example City"); none describes a real work. Together they
cover the types briefdeck users cite (reports, web articles, blog posts,
books, chapters, journal articles, news), several authors, organizations as
authors, one author with two works in a year, missing dates and publishers,
and names in their own order.
"""

from __future__ import annotations

EXAMPLE = {"family": "Author", "given": "Example"}
OTHER = {"family": "Writer", "given": "Other"}
THIRD = {"family": "Person", "given": "Third"}
FOURTH = {"family": "Name", "given": "Fourth"}
ORG = {"literal": "Example Organization"}
INSTITUTE = {"literal": "Example Institute"}


def _date(*parts: int) -> dict:
    return {"date-parts": [list(parts)]}


FICTIONAL: dict[str, dict] = {
    # Books
    "book-one": {"type": "book", "author": [EXAMPLE], "title": "A Book of Examples",
                 "publisher": "Example Press", "publisher-place": "Example City", "issued": _date(2018)},
    "book-two-authors": {"type": "book", "author": [OTHER, THIRD],
                         "title": "a handbook of invented cases: notes on nothing in particular",
                         "publisher": "Example Press", "publisher-place": "Example City", "issued": _date(2012)},
    "book-three-authors": {"type": "book", "author": [THIRD, FOURTH, OTHER], "title": "Three Voices on Examples",
                           "publisher": "Example Press", "issued": _date(2010)},
    "book-four-authors": {"type": "book", "author": [FOURTH, THIRD, OTHER, EXAMPLE],
                          "title": "Four Voices on Examples", "publisher": "Example Press", "issued": _date(2011)},
    "book-edition": {"type": "book", "author": [OTHER], "title": "The Example Manual", "edition": "2",
                     "publisher": "Example Press", "publisher-place": "Example City", "issued": _date(2016)},
    "book-undated": {"type": "book", "author": [THIRD], "title": "An Undated Example",
                     "publisher": "Example Press", "publisher-place": "Example City"},
    "book-particle": {"type": "book", "author": [{"family": "Berg", "given": "Jan", "non-dropping-particle": "van der"}],
                      "title": "Examples from the Lowlands", "publisher": "Example Press", "issued": _date(2007)},
    "book-hangul": {"type": "book", "author": [{"family": "김", "given": "민지"}],
                    "title": "An Example Book in Korean", "publisher": "Example Press", "issued": _date(2020)},
    "book-kanji": {"type": "book", "author": [{"family": "山田", "given": "花子"}],
                   "title": "An Example Book in Japanese", "publisher": "Example Press", "issued": _date(2014)},
    "book-hanzi": {"type": "book", "author": [{"family": "张", "given": "三"}],
                   "title": "An Example Book in Chinese", "publisher": "Example Press", "issued": _date(2013)},
    "book-org": {"type": "book", "author": [ORG], "title": "Guidelines for Examples",
                 "publisher": "Example Organization", "publisher-place": "Example City", "issued": _date(2015)},
    # Chapters
    "chapter": {"type": "chapter", "author": [EXAMPLE], "editor": [OTHER], "title": "An Example Chapter",
                "container-title": "The Collected Examples", "publisher": "Example Press",
                "publisher-place": "Example City", "page": "45-67", "issued": _date(2017)},
    "chapter-edited": {"type": "chapter", "author": [THIRD], "editor": [OTHER, FOURTH],
                       "title": "Another Example Chapter", "container-title": "The Collected Examples",
                       "publisher": "Example Press", "page": "68-90", "issued": _date(2017)},
    "book-edited": {"type": "book", "editor": [EXAMPLE, FOURTH], "title": "More Collected Examples",
                    "publisher": "Example Press", "issued": _date(2009)},
    # Journal articles
    "journal": {"type": "article-journal", "author": [EXAMPLE], "title": "A Study of Examples",
                "container-title": "Journal of Examples", "volume": "12", "issue": "3", "page": "45-67",
                "issued": _date(2020)},
    "journal-doi": {"type": "article-journal", "author": [OTHER, THIRD], "title": "Examples Revisited",
                    "container-title": "Journal of Examples", "volume": "14", "issue": "1", "page": "1-20",
                    "issued": _date(2022), "DOI": "10.5555/example.2022.1"},
    "journal-2019a": {"type": "article-journal", "author": [FOURTH], "title": "Early Examples",
                      "container-title": "Journal of Examples", "volume": "11", "page": "10-19",
                      "issued": _date(2019)},
    "journal-2019b": {"type": "article-journal", "author": [FOURTH], "title": "Late Examples",
                      "container-title": "Journal of Examples", "volume": "11", "page": "90-99",
                      "issued": _date(2019)},
    "journal-acronyms": {"type": "article-journal", "author": [THIRD],
                         "title": "the role of the UN in example matters: a study of NGOs",
                         "container-title": "Journal of Examples", "volume": "9", "issue": "2",
                         "issued": _date(2016)},
    # News and magazines
    "news": {"type": "article-newspaper", "author": [OTHER], "title": "Example Council Meets Again",
             "container-title": "The Example Times", "issued": _date(2021, 3, 4),
             "URL": "https://news.example.com/council"},
    "news-three-authors": {"type": "article-newspaper", "author": [EXAMPLE, OTHER, THIRD],
                           "title": "An Example Story", "container-title": "The Example Times",
                           "issued": _date(2021, 5, 6)},
    "news-unsigned": {"type": "article-newspaper", "title": "Example Headline About Nothing",
                      "container-title": "The Example Times", "issued": _date(2022, 5, 6)},
    "magazine": {"type": "article-magazine", "author": [THIRD], "title": "Examples at Home",
                 "container-title": "Example Monthly", "issued": _date(2019, 9)},
    # Blog posts and web pages
    "post": {"type": "post-weblog", "author": [OTHER], "title": "Notes on an Example",
             "container-title": "Example Blog", "issued": _date(2020, 2, 3), "URL": "https://blog.example.org/notes"},
    "post-same-year": {"type": "post-weblog", "author": [OTHER], "title": "More Notes on an Example",
                       "container-title": "Example Blog", "issued": _date(2020, 8, 9),
                       "URL": "https://blog.example.org/more"},
    "post-undated": {"type": "post-weblog", "author": [EXAMPLE], "title": "An Undated Post",
                     "container-title": "Example Blog", "URL": "https://blog.example.org/undated"},
    "page": {"type": "webpage", "author": [ORG], "title": "About Our Examples", "container-title": "Example Site",
             "issued": _date(2023, 4, 5), "URL": "https://example.org/about"},
    "page-unsigned": {"type": "webpage", "title": "Frequently Asked Example Questions",
                      "container-title": "Example Site", "issued": _date(2022), "URL": "https://example.org/faq"},
    # Reports
    "report": {"type": "report", "author": [ORG], "title": "A Fictional Report", "publisher": "Example Institute",
               "publisher-place": "Example City", "issued": _date(2016, 11)},
    "report-numbered": {"type": "report", "author": [INSTITUTE], "title": "A Fictional Report on Example Matters",
                        "genre": "Working Paper", "number": "EX/25/63", "publisher": "Example Institute",
                        "issued": _date(2014)},
    "report-person": {"type": "report", "author": [EXAMPLE, OTHER], "title": "A Second Fictional Report",
                      "publisher": "Example Institute", "issued": _date(2019)},
    "report-same-org": {"type": "report", "author": [INSTITUTE], "title": "A Fictional Annual Report",
                        "publisher": "Example Institute", "publisher-place": "Example City", "issued": _date(2021)},
    "report-undated": {"type": "report", "author": [ORG], "title": "An Undated Fictional Report",
                       "publisher": "Example Institute"},
    "report-pdf": {"type": "report", "author": [ORG], "title": "A Fictional Briefing", "publisher": "Example Institute",
                   "medium": "PDF", "issued": _date(2018)},
    "page-medium": {"type": "webpage", "author": [ORG], "title": "An Example Map", "container-title": "Example Site",
                    "medium": "Interactive map", "issued": _date(2018, 5, 6), "URL": "https://example.org/map"},
    # Unpublished works in an archive
    "letter": {"type": "manuscript", "author": [OTHER], "title": "Example Letter to Nobody", "issued": _date(1950, 2, 1),
               "archive": "Example Archive", "archive-place": "Example City", "archive_location": "Box 3"},
    # Theses
    "thesis": {"type": "thesis", "author": [FOURTH], "title": "Examples in Context", "genre": "PhD diss.",
               "publisher": "Example University", "issued": _date(2015)},
}
