"""Text from outside (a draft name, a file name, a value quoted from a file or a link) made
inert for Streamlit's Markdown sinks, which every `st.*` text element and message is.

Which helper for which sink (one each; `tests/ui/test_markdown_sinks.py` walks them all):

- a user's string inside the app's own sentence (banners, captions, errors, notes, toasts):
  `markdown_code`, a code span. It is the one form Streamlit's Markdown shows exactly as typed:
  no emphasis, no `:orange[…]` colour or `:material/…:` icon, no `$…$` maths, no link, no
  image, and no bare URL turned into a link (GitHub-flavoured Markdown links "http://…" and
  "www.…" in plain text after escapes are read, so escaping alone cannot stop it);
- a line that is nothing but the user's string (a draft's name in the list): `st.text`, which
  reads no Markdown at all;
- widget labels, help and placeholders: never user text (a label's Markdown becomes the
  field's accessible name as written, ":orange[Headline · 46/40]"); options go through
  `format_func`, which Streamlit shows as plain text;
- HTML is escaped by the renderers (`components.render.placements`), not here.

`markdown_text` escapes Markdown's characters for the app's own strings that hold them
(country names with brackets and full stops); it is not for user text, since a bare URL in it
would still become a link.

Pure: no streamlit import, so the modules that word messages (campaign files, share links,
hours) quote values with the same helper the pages use.
"""

from __future__ import annotations

import re


def markdown_code(text: str) -> str:
    """Text from outside as a Markdown code span: shown exactly as typed, never formatted or
    turned into a link. A fence longer than any run of backticks inside keeps them literal;
    a line break (which would end a list item or a paragraph) shows as a space."""
    text = str(text).replace("\r\n", " ").replace("\n", " ").replace("\r", " ")
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    # CommonMark drops one space at each end of a span that has one at both ends: padding is
    # added where a backtick at an end would join the fence or such spaces would be lost.
    padded = not text.strip(" ") or text[0] == "`" or text[-1] == "`"
    padded = padded or (text[0] == " " and text[-1] == " ")
    return f"{fence} {text} {fence}" if padded else f"{fence}{text}{fence}"


def markdown_text(text: str) -> str:
    """The app's own text made literal in Markdown: every character Markdown would act on is
    escaped. Not for user text (see the module docstring: bare URLs stay links)."""
    specials = "\\`*_{}[]()#+-.!|<>~$:"
    return "".join(f"\\{char}" if char in specials else char for char in text)
