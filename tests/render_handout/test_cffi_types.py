"""WeasyPrint's C types made without parsing C are the very types cffi's parser gives."""

from __future__ import annotations

import pytest
from weasyprint.text.ffi import ffi

from briefdeck.render.handout import cffi_types, pdf  # noqa: F401  (pdf installs the lookup)

# Every type name WeasyPrint 70 allocates or casts by name (its glyph arrays in several lengths).
WEASYPRINTS = ("PangoRectangle *", "unsigned int *", "PangoFcFontMap *", "hb_tag_t[100]", "char[]", "char[4]",
               "PangoLogAttr[]", "FcResult *", "FcChar8 **", "hb_codepoint_t[11]", "hb_codepoint_t[2031]")


def parsed(cdecl: str):
    """What cffi makes of ``cdecl`` by parsing it, as it does without the lookup."""
    with ffi._lock:
        return ffi._get_cached_btype(ffi._parser.parse_type(cdecl))


def test_the_installed_weasyprint_looks_types_up_without_parsing(monkeypatch):
    assert cffi_types.install(ffi)

    def no_parsing(cdecl):
        raise AssertionError(f"parsed {cdecl}")

    monkeypatch.setattr(ffi._parser, "parse_type", no_parsing)
    assert len(ffi.new("hb_codepoint_t[12345]")) == 12345  # a length no render has asked for
    assert ffi.typeof("PangoLogAttr **").item.item is ffi.typeof("PangoLogAttr")


@pytest.mark.parametrize("cdecl", WEASYPRINTS)
def test_each_type_is_the_one_parsing_gives(cdecl):
    assert ffi.typeof(cdecl) is parsed(cdecl)


def test_what_it_does_not_know_is_still_parsed():
    assert cffi_types._model_type(ffi._parser, "int(*)(int)") is None
    assert cffi_types._model_type(ffi._parser, "NoSuchType *") is None
    assert ffi.typeof("int(*)(int)") is parsed("int(*)(int)")
    with pytest.raises(Exception, match="NoSuchType"):
        ffi.typeof("NoSuchType *")


def test_an_array_has_its_length_and_items():
    array = ffi.new("hb_codepoint_t[3]", [7, 8, 9])
    assert len(array) == 3 and list(array) == [7, 8, 9]
    assert ffi.typeof(array).item is ffi.typeof("hb_codepoint_t")
