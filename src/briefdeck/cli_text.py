"""What the command line prints besides problems: counts, passages, a deck's outline, a build's summary."""

from __future__ import annotations

WIDTH = 88  # the terminal width the command line assumes


def plural(n: int, noun: str) -> str:
    """"1 error", "3 errors"."""
    return f"{n} {noun}" + ("" if n == 1 else "s")


def wrapped(text: str, indent: str = "") -> str:
    """``text`` filled to the terminal width the command line assumes, each line after ``indent``."""
    import textwrap  # here: only `show` and `find` print passages

    return textwrap.indent(textwrap.fill(text, WIDTH - len(indent), break_on_hyphens=False), indent)


def describe_deck(deck) -> list[str]:
    """What ``check`` shows of a deck: each slide, each point, and what each marker cites."""
    lines = []
    for number, slide in enumerate(deck.slides, start=1):
        if slide.kind in ("title", "sources"):
            continue
        lines.append(f"{number:>3}. [{slide.kind}] {slide.title}")
        for point in slide.points:
            figure = f"{point.figure} " if point.figure else ""
            markers = "".join(f"[{n}]" for n in point.footnotes)
            lines.append(f"     - {figure}{point.text} {markers}".rstrip())
        for note, cited in ((note, cited) for note in slide.footnotes for cited in note.cited):
            quoted = f" “{cited.quoted}”" if cited.quoted else ""
            lines.append(f"       [{note.number}] {cited.locator}{quoted}")
    return lines


def build_summary(result, written=()) -> str:
    """One line: audiences, the slides the written .pptx files hold (continuations included), notes, sources."""
    from briefdeck.render.pptx.check import slide_count

    decks = list(result.decks.values())
    slides = [slide_count(o.path.read_bytes()) for o in written if o.format == "pptx"]
    notes = sum(len(d.footnotes) for d in decks)
    cited = len({r.id for d in decks for r in d.bibliography})
    return (f"{plural(len(decks), 'audience')}, " + (f"{plural(sum(slides), 'slide')}, " if slides else "")
            + f"{plural(notes, 'footnote')}, "
            f"{plural(cited, 'source')} cited, {plural(len(result.warnings), 'warning')}")
