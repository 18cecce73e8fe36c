"""A response body as text, decoded once, and the encoding its bytes were really in.

The order: a byte-order mark; then UTF-8 when the bytes are valid UTF-8 and either the body is JSON (RFC 8259:
JSON on the web is UTF-8, so a ``charset`` header saying otherwise is wrong) or something declares UTF-8;
then each declaration in turn — the ``Content-Type`` charset, then the body's own (``<?xml encoding=…?>``,
``<meta charset>``) — the first under which the bytes decode; then detection (UTF-8, then windows-1252).

A declaration of UTF-16 or UTF-32 that could be read as ASCII (no NUL byte in the body) is a lie — a body in
those encodings writes even its declaration two or four bytes a character: the header's is ignored, and the
body's own is read as UTF-8, as the HTML standard reads such a ``<meta charset>``.
Latin-1 is read as windows-1252, as browsers do (w3lib's ``resolve_encoding``).
"""

from __future__ import annotations

from w3lib.encoding import html_body_declared_encoding, http_content_type_encoding, read_bom, resolve_encoding

UTF8 = "utf-8"
# What detection tries when nothing usable is declared; windows-1252 decodes almost any byte string.
DETECTED = (UTF8, "cp1252")


def decode_body(body: bytes, content_type: str | None) -> tuple[str, str]:
    """``(text, encoding)``: ``body`` decoded once, and the encoding its bytes were in (a Python codec name)."""
    bom_encoding, bom = read_bom(body)
    if bom_encoding and bom:
        return body[len(bom) :].decode(bom_encoding, "replace"), bom_encoding
    declared = declared_encodings(body, content_type)
    if is_json(body, content_type) or UTF8 in declared:
        text = strict(body, UTF8)
        if text is not None:
            return text, UTF8
    for encoding in (*declared, *DETECTED):
        text = strict(body, encoding)
        if text is not None:
            return text, encoding
    return body.decode(UTF8, "replace"), UTF8


def declared_encodings(body: bytes, content_type: str | None) -> list[str]:
    """The encodings the header and then the body declare, resolved to codec names, lies left out: UTF-16
    or UTF-32 declared for a body with no NUL byte is no encoding of its bytes. The header's is dropped; the
    body's own is read as UTF-8, the HTML standard's rule for such a declaration: w3lib 2.6 applies it to
    UTF-16 itself where 2.5 returned UTF-16, and either way the answer is the same."""
    declarations = (
        (http_content_type_encoding(content_type or ""), None),
        (html_body_declared_encoding(body[:4096]), UTF8),
    )
    encodings = []
    for name, instead in declarations:
        encoding = resolve_encoding(name) if name else None
        if encoding and is_wide(encoding) and b"\x00" not in body:
            encoding = instead
        if encoding and encoding not in encodings:
            encodings.append(encoding)
    return encodings


def is_wide(encoding: str) -> bool:
    """UTF-16 or UTF-32: every character, the declaration's too, takes two or four bytes."""
    return encoding.replace("_", "-").lower().startswith(("utf-16", "utf-32"))


def is_json(body: bytes, content_type: str | None) -> bool:
    """A JSON media type (``application/json``, ``…+json``), or a body that starts like JSON."""
    media = (content_type or "").split(";", 1)[0].strip().lower()
    return media.endswith(("/json", "+json")) or body.lstrip()[:1] in (b"{", b"[")


def strict(body: bytes, encoding: str) -> str | None:
    """``body`` decoded, or None when it is not valid in ``encoding`` (or Python does not know it)."""
    try:
        return body.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def with_charset(content_type: str | None, encoding: str) -> str | None:
    """``content_type``'s media type with the charset the body really was in (``text/xml; charset=cp1252``).

    No header stays None: the media type is the server's to say, not ours to invent.
    """
    media = (content_type or "").split(";", 1)[0].strip()
    return f"{media}; charset={encoding}" if media else None
