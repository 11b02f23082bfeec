"""Writes layouts/corp/corp.pptx: an "organisation template" for the golden tests.

It is python-pptx's default template with its layouts renamed and two sample
slides, as an organisation's own template would have. Run once; the file is
committed so that the golden decks do not depend on python-pptx's template.
"""

from pathlib import Path

from pptx import Presentation
from pptx.util import Inches

NAMES = {"Title Slide": "Corp Title", "Title and Content": "Corp Content", "Section Header": "Corp Section",
         "Title Only": "Corp Title Only"}

prs = Presentation()
prs.slide_width, prs.slide_height = Inches(13.333333), Inches(7.5)
for layout in prs.slide_layouts:
    layout.name = NAMES.get(layout.name, layout.name)
for title in ("Sample slide one", "Sample slide two"):
    slide = prs.slides.add_slide(prs.slide_layouts[1])
    slide.shapes.title.text = title
prs.save(Path(__file__).parent / "layouts" / "corp" / "corp.pptx")
