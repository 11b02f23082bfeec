"""The preview page of one audience: its slides, the problems on each, and each note's evidence.

`audience_body` is the part that changes on every save: it is sent whole
over the event stream and put in place by the page's script
(`PREVIEW_SCRIPT`). `document` is the page around it. Every text from the
brief or the sources is escaped.
"""

from __future__ import annotations

from html import escape
from typing import Sequence

from briefdeck.deck.model import Deck
from briefdeck.errors import Problem
from briefdeck.findings.index import FindingsIndex
from briefdeck.outline.model import Outline
from briefdeck.preview.evidence import (about_locator, evidence_panel, pages_by_slide, slide_of_problem,
                                        slides_by_line)
from briefdeck.preview.slides import page_to_html
from briefdeck.render.pptx.frames import Frames
from briefdeck.render.pptx.pages import Page


def audience_body(deck: Deck, pages: Sequence[Page], outline: Outline, problems: Sequence[Problem],
                  index: FindingsIndex, frames: Frames, *, brief: str, locked: bool) -> tuple[str, str]:
    """The body of a deck's page, and its slides alone (kept to show under later errors)."""
    lines, targets = slides_by_line(outline, deck)
    on_slide: dict[int, list[Problem]] = {}
    general: list[Problem] = []
    for problem in problems:
        slide = slide_of_problem(problem, lines, targets)
        if slide is not None:
            on_slide.setdefault(slide, []).append(problem)
        elif problem.location is None or problem.location.line is None or not lines or \
                problem.location.line < lines[0]:
            general.append(problem)
    owners = pages_by_slide(deck, pages)
    s = frames.settings
    figures, notes = [], []
    for number, (page, owner) in enumerate(zip(pages, owners), 1):
        mine = on_slide.get(owner, []) if owner is not None else []
        html = page_to_html(page, number=number, width=frames.width, height=frames.height, metrics=s.metrics,
                            font=s.latin, background=s.colours.get("background", "FFFFFF"))
        for footnote in page.footnotes:
            about = list(dict.fromkeys(p for c in footnote.cited for p in about_locator(mine, c.locator)))
            note = f"{number}-{footnote.number}"
            if any(p.code.startswith("lock-") for p in about):
                html = html.replace(f'data-note="{note}"', f'data-note="{note}" data-stale="1"')
            panel = evidence_panel(footnote, index, about, brief=brief, locked=locked)
            notes.append(f'<template id="note-{note}">{panel}</template>')
        listed = _problems(mine, brief)
        figures.append(f'<figure class="page" id="page-{number}">{html}<figcaption><span class="number">'
                       f"{number}</span> {escape(page.title)}{listed}</figcaption></figure>")
    slides = f'<div class="pages">{"".join(figures)}</div><div class="notes" hidden>{"".join(notes)}</div>'
    return _status(problems, ok=True) + _problems(general, brief, css="general") + slides, slides


def failed_body(problems: Sequence[Problem], good: str, *, brief: str) -> str:
    """The body when the brief does not build: every problem, then the last slides that built."""
    shown = _problems(problems, brief, css="general")
    if good:
        kept = f'<h2 class="kept">The last slides that built</h2>{good}'
    else:
        kept = '<p class="kept">No slides have built yet.</p>'
    return _status(problems, ok=False) + shown + kept


def _status(problems: Sequence[Problem], *, ok: bool) -> str:
    errors = sum(p.is_error for p in problems)
    warnings = len(problems) - errors
    words = f"{errors} error{'s' * (errors != 1)}, {warnings} warning{'s' * (warnings != 1)}"
    if not ok:
        words = f"The brief does not build: {words}"
    return f'<p id="status" class="{"ok" if ok else "failed"}">{escape(words)}</p>'


def _problems(problems: Sequence[Problem], brief: str, *, css: str = "") -> str:
    if not problems:
        return ""
    items = []
    for p in problems:
        where = str(p.location) if p.location is not None else brief
        hint = f'<span class="hint">{escape(p.hint)}</span>' if p.hint else ""
        items.append(f'<li class="{p.severity}" data-code="{escape(p.code)}"><code>{escape(where)}</code> '
                     f"{escape(p.severity)}: {escape(p.message)}{hint}</li>")
    return f'<ul class="problems {css}">{"".join(items)}</ul>'


def document(title: str, labels: dict[str, str], key: str, body: str, version: int) -> str:
    """The whole page of audience ``key``: tabs for the audiences, the body, the evidence panel."""
    tabs = "".join(f'<a href="/a/{escape(k)}"{" aria-current=page" if k == key else ""}>{escape(v)}</a>'
                   for k, v in labels.items())
    return (f'<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>{escape(title)} — '
            f'{escape(labels.get(key, key))}</title><style>{STYLE}</style>'
            '<script src="/preview.js" defer></script></head>'
            f'<body data-audience="{escape(key)}" data-version="{version}"><header><strong>{escape(title)}'
            f'</strong><nav>{tabs}</nav></header><main id="body">{body}</main>'
            '<aside id="evidence" hidden><button type="button" class="close" aria-label="Close">×</button>'
            '<div class="content"></div></aside></body></html>')


STYLE = """
body{margin:0;font:14px/1.4 'Liberation Sans',Arial,sans-serif;background:#e8e8e8;color:#222}
header{position:sticky;top:0;z-index:2;display:flex;gap:1.5em;align-items:center;padding:.5em 1em;
background:#fff;border-bottom:1px solid #ccc}
nav a{margin-right:1em;color:#035}nav a[aria-current]{font-weight:bold;text-decoration:none}
main{padding:1em 420px 3em 1.5em}
#status.ok{color:#185c2b}#status.failed{color:#a00;font-weight:bold}
.page{margin:0 0 2em}.page figcaption{margin-top:.4em;max-width:960px}
.page .number{display:inline-block;min-width:2em;color:#666}
.slide{position:relative;overflow:hidden;box-shadow:0 1px 4px rgba(0,0,0,.3);zoom:var(--zoom,.75)}
.box{position:absolute;box-sizing:border-box;display:flex;flex-direction:column;overflow:visible}
.bar{position:absolute}
.chart,.picture{position:absolute}.picture img{width:100%;height:100%;object-fit:contain}
.line{white-space:pre;overflow:visible}
.para{position:relative}
.bullet{position:absolute;left:0;display:inline-block}
sup{font-size:.67em;vertical-align:.45em;line-height:0}
.marker{border:0;padding:0 .1em;margin:0;background:#fff3b0;color:inherit;font:inherit;line-height:1.1;cursor:pointer;
border-radius:2px}
.marker[data-stale]{background:#ffb347;outline:1px solid #c60}
.problems{margin:.3em 0;padding-left:1.2em}.problems li{margin:.2em 0}
.problems .error{color:#a00}.problems .warning{color:#8a5a00}
.problems code{color:#333}.hint{display:block;color:#555;white-space:pre-wrap}
.kept{color:#555}
#evidence{position:fixed;top:3em;right:0;bottom:0;width:400px;overflow:auto;background:#fff;
border-left:1px solid #bbb;padding:1em;box-sizing:border-box;z-index:3}
#evidence .close{float:right;border:0;background:none;font-size:1.5em;cursor:pointer}
#evidence th{text-align:left;padding-right:1em;vertical-align:top;color:#555}
.passage{margin:1em 0;padding:.5em 1em;border-left:3px solid #c9a400;background:#fafafa}
mark{background:#ffe45c}
.checks li.pass::before{content:"✓ ";color:#185c2b}.checks li.fail::before{content:"✗ ";color:#a00}
.checks li.warn::before{content:"! ";color:#c60}.checks li.none::before{content:"– "}
"""

PREVIEW_SCRIPT = """(function () {
  "use strict";
  var main = document.getElementById("body");
  var panel = document.getElementById("evidence");
  var open = null;
  function show(id) {
    var template = document.getElementById("note-" + id);
    if (!template) { panel.hidden = true; open = null; return; }
    panel.querySelector(".content").innerHTML = template.innerHTML;
    panel.hidden = false;
    open = id;
  }
  document.addEventListener("click", function (event) {
    var marker = event.target.closest(".marker");
    if (marker) { show(marker.getAttribute("data-note")); return; }
    if (event.target.closest("#evidence .close")) { panel.hidden = true; open = null; }
  });
  var key = document.body.getAttribute("data-audience");
  var events = new EventSource("/events/" + encodeURIComponent(key));
  events.addEventListener("update", function (event) {
    var data = JSON.parse(event.data);
    if (String(data.version) === document.body.getAttribute("data-version")) { return; }
    main.innerHTML = data.body;
    document.body.setAttribute("data-version", String(data.version));
    if (open) { show(open); }
  });
}());
"""
