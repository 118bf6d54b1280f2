"""The handoff's requests as `curl` commands a person can paste into a shell, one at a time.

Every value is data, never shell: each argument is wrapped in single quotes (inside which a
shell expands nothing: no `$()`, no backticks, no variables, newlines kept) with a quote in the
value written as `'\\''`. Values go through `--form-string`, never `-F`, because curl's `-F`
reads `@file` and `<file` in a value as "send this local file" and `;type=` as an option; only
the image upload uses `-F 'filename=@…'` on the file the person saved. No user text ever
reaches a `#` comment (a newline there would end the comment). The access token is the
placeholder <ACCESS_TOKEN>; nothing here runs or sends anything.
"""

from __future__ import annotations

import json
from typing import Any

from components.handoff import meta

HEADER = (
    "# Ads Manager handoff from Button Ad Studio, Marketing API {version}.\n"
    "# Nothing was sent to Meta. Replace <ACCESS_TOKEN>, <AD_ACCOUNT_ID> and <PAGE_ID>, then\n"
    "# run one command at a time: each prints an id that later ones need.\n"
)


def shell_quote(value: str) -> str:
    """`value` as one single-quoted shell word that the shell reads back exactly."""
    return "'" + value.replace("'", "'\\''") + "'"


def form_value(value: Any) -> str:
    """A request parameter as the text of a form field: JSON for objects and lists (as Meta's
    curl examples send them), words for booleans, digits for numbers."""
    if isinstance(value, str):
        return value
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (int, float)):
        return json.dumps(value)
    return json.dumps(value, ensure_ascii=False, separators=(",", ":"))


def request_arguments(request: dict[str, Any]) -> list[str]:
    """The curl arguments of one request, unquoted (what the shell hands curl)."""
    args = ["curl", "-X", request["method"]]
    for name, value in request["params"].items():
        if request["step"] == "image" and name == "bytes":
            args += ["-F", f"filename=@{request['file_name']}"]
            continue
        args += ["--form-string", f"{name}={form_value(value)}"]
    args += ["--form-string", f"access_token={meta.ACCESS_TOKEN}"]
    args.append(f"{meta.GRAPH_URL}/{request['path']}")
    return args


def _comment(request: dict[str, Any], number: int) -> str:
    # Studio words only: the step's fixed title and placeholder names.
    line = f"# {number}. {request['title']}"
    if request["step"] == "image":
        line += " (save it beside this file first, as the name below says)"
    return f"{line}; the response gives {request['returns']}.\n"


# The studio's own words of a command, which need no quotes.
_BARE = frozenset({"curl", "-X", "POST", "-F", "--form-string"})


def curl_script(document: dict[str, Any]) -> str:
    """Every request of the handoff as curl commands, in order, with a short comment each."""
    parts = [HEADER.format(version=document["api_version"])]
    for number, request in enumerate(document["requests"], start=1):
        args = [arg if arg in _BARE else shell_quote(arg) for arg in request_arguments(request)]
        head = " ".join(args[:3])
        lines = (
            [head]
            + [f"  {args[i]} {args[i + 1]}" for i in range(3, len(args) - 1, 2)]
            + [f"  {args[-1]}"]
        )
        parts.append("\n" + _comment(request, number) + " \\\n".join(lines) + "\n")
    return "".join(parts)
