"""Helpers for driving a module through the test client as a learner would."""

import re

from modules.models import ModuleProgress


def hidden_fields(html: str) -> dict:
    return dict(re.findall(r'name="(progress|block_id)" value="([^"]+)"', html))


def option_ids(html: str, name: str = "answer-option") -> list[str]:
    return re.findall(rf'name="{name}" type="radio" value="([^"]+)"', html)


def checkbox_ids(html: str) -> list[str]:
    return re.findall(r'name="answer-selected" type="checkbox" value="([^"]+)"', html)


def step_url(module, number):
    return f"{module.url}step/{number}/"


def start(client, module, confidence="2"):
    response = client.post(f"{module.url}start/", {"confidence": confidence})
    assert response.status_code == 302, response.content
    return ModuleProgress.objects.filter(
        module=module, completed_at__isnull=True
    ).latest("started_at")


def answer(client, module, number, data=None):
    """GET the step, then POST its hidden fields plus ``data``; returns the POST."""
    page = client.get(step_url(module, number))
    assert page.status_code == 200, page
    return client.post(
        step_url(module, number),
        {**hidden_fields(page.content.decode()), **(data or {})},
    )
