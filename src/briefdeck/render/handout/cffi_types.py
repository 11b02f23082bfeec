"""WeasyPrint's C types looked up without parsing C: about 4 ms saved per type and process.

WeasyPrint allocates its C data by type name (``ffi.new("PangoRectangle *")``,
``ffi.new(f"hb_codepoint_t[{n}]", …)`` with ``n`` the glyphs a font subset
keeps). cffi parses each type string it has not seen with pycparser, together
with a typedef for every type WeasyPrint declared: some 4 ms a parse, paid by
every process that renders a PDF for each of about eight fixed types, and
again for nearly every font of every PDF, whose array lengths differ.

The names WeasyPrint uses are a declared typedef or a primitive type,
followed by pointer stars or one array length. `install` builds those types
as cffi's parser does (the typedef's declared type, or the primitive, then
``PointerType``/``ArrayType``) and lets cffi make the C type from that,
through the cache parsing would reach: the same object (the tests compare
each of WeasyPrint's type names with a parse). Anything else is parsed as
before, and a cffi that keeps its parsed types some other way is left alone.
"""

from __future__ import annotations

import re

from cffi import model

_MODEL_NAMES = ("ArrayType", "PointerType", "PrimitiveType", "StructOrUnionOrEnum")  # what `_model_type` builds with
_NAME = re.compile(r"([A-Za-z_][A-Za-z0-9_]*(?: [A-Za-z_][A-Za-z0-9_]*)*)((?: ?\*)+|\[[0-9]*\])?")


class _ParsedTypes(dict):
    """cffi's cache of parsed types (type name -> (C type, is a function)), filled without parsing where it can."""

    def __init__(self, parsed: dict, ffi):
        super().__init__(parsed)
        self._ffi = ffi

    def __missing__(self, cdecl):
        tp = _model_type(self._ffi._parser, cdecl) if isinstance(cdecl, str) else None
        if tp is None:
            raise KeyError(cdecl)  # cffi parses it
        with self._ffi._lock:  # as cffi holds it to make a type (asked for outside it)
            self[cdecl] = (self._ffi._get_cached_btype(tp), False)
        return self[cdecl]


def _model_type(parser, cdecl: str):
    """cffi's model of ``cdecl`` as its parser builds it for a plain name, pointers or an array; else None."""
    match = _NAME.fullmatch(cdecl)
    if match is None:
        return None
    name, suffix = match.groups()
    declared = parser._declarations.get(f"typedef {name}")
    if declared is not None:
        tp, quals = declared
    elif name in model.PrimitiveType.ALL_PRIMITIVE_TYPES:
        tp, quals = model.PrimitiveType(name), 0
    else:
        return None
    if tp.is_raw_function or not isinstance(tp, (model.PrimitiveType, model.StructOrUnionOrEnum,
                                                    model.PointerType)):
        return None  # function types and the rarer kinds: parsed
    if suffix and suffix.startswith("["):
        return model.ArrayType(tp, int(suffix[1:-1]) if suffix != "[]" else None)
    for _ in range((suffix or "").count("*")):
        tp, quals = model.PointerType(tp, quals), 0
    return tp


def install(ffi) -> bool:
    """Look up ``ffi``'s plain types without parsing; False where its cffi is not the kind this was checked with."""
    parsed = getattr(ffi, "_parsed_types", None)
    if isinstance(parsed, _ParsedTypes):
        return True
    if type(parsed) is not dict or not callable(getattr(ffi, "_get_cached_btype", None)) \
            or not hasattr(ffi, "_lock") \
            or not isinstance(getattr(getattr(ffi, "_parser", None), "_declarations", None), dict) \
            or not all(hasattr(model, name) for name in _MODEL_NAMES) \
            or not isinstance(getattr(model.PrimitiveType, "ALL_PRIMITIVE_TYPES", None), dict):
        return False
    ffi._parsed_types = _ParsedTypes(parsed, ffi)
    return True
