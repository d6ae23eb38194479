"""Reading the site's server-rendered forms and links the way a browser would.

Only the standard library, so the load test needs nothing beyond Locust.
"""

import random
from dataclasses import dataclass, field
from html.parser import HTMLParser


@dataclass
class Form:
    action: str
    method: str
    hidden: dict = field(default_factory=dict)
    radios: dict = field(default_factory=dict)
    checkboxes: dict = field(default_factory=dict)
    textareas: list = field(default_factory=list)
    buttons: list = field(default_factory=list)

    @property
    def names(self) -> set:
        return (
            set(self.hidden)
            | set(self.radios)
            | set(self.checkboxes)
            | set(self.textareas)
            | {name for name, _value in self.buttons}
        )

    def filled(self, rng: random.Random, *, button: str | None = None) -> dict:
        """Hidden fields kept, one choice per radio group, some boxes ticked."""
        data = dict(self.hidden)
        for name, values in self.radios.items():
            data[name] = rng.choice(values)
        for name, values in self.checkboxes.items():
            data[name] = rng.sample(values, k=rng.randint(1, min(3, len(values))))
        for name in self.textareas:
            data[name] = (
                "Fictional reflection from the load test: the pattern across the "
                "chronology matters more than any single entry."
            )
        for name, value in self.buttons:
            if button is None or value == button:
                data[name] = value
                break
        return data


class _Parser(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.forms: list[Form] = []
        self.links: list[str] = []
        self._form: Form | None = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "a" and attrs.get("href"):
            self.links.append(attrs["href"])
        elif tag == "form":
            self._form = Form(
                action=attrs.get("action") or "",
                method=(attrs.get("method") or "get").lower(),
            )
            self.forms.append(self._form)
        elif self._form is None or "disabled" in attrs:
            return
        elif tag == "input" and attrs.get("name"):
            kind = (attrs.get("type") or "text").lower()
            name, value = attrs["name"], attrs.get("value", "")
            if kind == "hidden":
                self._form.hidden[name] = value
            elif kind == "radio":
                self._form.radios.setdefault(name, []).append(value)
            elif kind == "checkbox":
                self._form.checkboxes.setdefault(name, []).append(value)
            elif kind == "submit":
                self._form.buttons.append((name, value))
        elif tag == "textarea" and attrs.get("name"):
            self._form.textareas.append(attrs["name"])
        elif tag == "button" and attrs.get("name"):
            self._form.buttons.append((attrs["name"], attrs.get("value", "")))

    def handle_endtag(self, tag):
        if tag == "form":
            self._form = None


def parse(html: str) -> _Parser:
    parser = _Parser()
    parser.feed(html)
    return parser


def post_forms(html: str, *, exclude=("/accounts/logout/",)) -> list[Form]:
    """The page's POST forms other than sign-out (which sits in every header)."""
    return [
        form
        for form in parse(html).forms
        if form.method == "post" and not form.action.startswith(exclude)
    ]


def form_with(html: str, name: str) -> Form | None:
    return next((form for form in post_forms(html) if name in form.names), None)


def links(html: str, prefix: str) -> list[str]:
    return sorted({href for href in parse(html).links if href.startswith(prefix)})
