"""Write src/briefdeck/outline/brief.schema.json from the description of the brief's fields.

Run after changing src/briefdeck/outline/fields.py:  python tools/make_brief_schema.py
(tests/outline/test_brief_schema.py fails while the shipped file is out of date).
"""

from __future__ import annotations

from pathlib import Path

from briefdeck.outline.brief_schema import SCHEMA_FILE, brief_json_schema_text

TARGET = Path(__file__).resolve().parents[1] / "src" / "briefdeck" / "outline" / SCHEMA_FILE

if __name__ == "__main__":
    TARGET.write_text(brief_json_schema_text(), encoding="utf-8")
    print(f"wrote {TARGET}")
