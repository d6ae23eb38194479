"""Run axe-core (from npm, see package.json) in a Playwright page and report violations.

``make browser-deps`` installs axe-core into ``node_modules/`` with ``npm ci``. Without
it the accessibility tests are skipped with a loud warning, and fail when ``CI`` is set,
like the browser tests without chromium (see conftest.py).

The script is injected with ``page.add_script_tag(path=...)``, which adds an inline
``<script>``: the site's Content Security Policy refuses inline scripts, so pages to be
checked must come from a browser context made with ``bypass_csp=True``.
"""

import json
import os
import warnings
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
AXE_PATH = ROOT / "node_modules" / "axe-core" / "axe.min.js"
FIX = "make browser-deps (runs npm ci --no-audit --no-fund)"

# WCAG 2.0, 2.1 and 2.2 at levels A and AA (axe has no WCAG 2.2 level A rules).
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
# Structure checks that axe files under best practice rather than a WCAG criterion.
STRUCTURE_RULES = [
    "landmark-one-main",
    "landmark-unique",
    "landmark-no-duplicate-banner",
    "landmark-no-duplicate-contentinfo",
    "landmark-no-duplicate-main",
    "page-has-heading-one",
    "duplicate-id",
    "duplicate-id-aria",
]


class AccessibilityTestsSkippedWarning(UserWarning):
    """The accessibility tests could not run because axe-core is not installed."""


def _running_in_ci() -> bool:
    return os.environ.get("CI", "").strip().lower() not in {"", "0", "false", "no"}


def missing_axe_message() -> str:
    return (
        f"axe-core was not found at {AXE_PATH}, so the accessibility checks cannot "
        f"run. Fix: {FIX}; it needs Node.js and npm."
    )


def axe_path() -> Path:
    """The path of axe.min.js; skips loudly (fails in CI) when it is missing."""
    if AXE_PATH.is_file():
        return AXE_PATH
    message = missing_axe_message()
    if _running_in_ci():
        pytest.fail(f"CI is set but {message}", pytrace=False)
    warnings.warn(
        f"SKIPPING ACCESSIBILITY TESTS. {message}",
        AccessibilityTestsSkippedWarning,
        stacklevel=2,
    )
    pytest.skip(f"axe-core missing: {FIX}")


def _inject(page) -> None:
    if page.evaluate("typeof window.axe") != "object":
        page.add_script_tag(path=str(axe_path()))
    if page.evaluate("typeof window.axe") != "object":
        raise AssertionError(
            "axe-core did not load into the page: was the browser context made "
            "with bypass_csp=True?"
        )


def _run(page, options: dict) -> list[dict]:
    _inject(page)
    result = page.evaluate(
        """async (options) => {
            const results = await axe.run(document, options);
            return results.violations.map((v) => ({
                id: v.id,
                impact: v.impact,
                help: v.help,
                helpUrl: v.helpUrl,
                targets: v.nodes.map((n) => n.target.join(" ")),
                summaries: v.nodes.map((n) => n.failureSummary || ""),
            }));
        }""",
        options,
    )
    return result


def axe_violations(page) -> list[dict]:
    """axe's WCAG 2.2 AA violations on the page as it is now."""
    return _run(page, {"runOnly": {"type": "tag", "values": WCAG_TAGS}})


def structure_violations(page) -> list[dict]:
    """Violations of axe's landmark, heading and id rules (best practice in axe)."""
    return _run(page, {"runOnly": {"type": "rule", "values": STRUCTURE_RULES}})


def format_violations(violations: list[dict]) -> str:
    lines = []
    for violation in violations:
        lines.append(
            f"- {violation['id']} ({violation['impact']}): {violation['help']}\n"
            f"  {violation['helpUrl']}"
        )
        for target, summary in zip(
            violation["targets"], violation["summaries"], strict=True
        ):
            first = summary.strip().splitlines()[1:2] or [""]
            lines.append(f"    at {target}  {first[0].strip()}")
    return "\n".join(lines)


def assert_accessible(page, *, label: str = "") -> None:
    """Fail with a readable list when axe finds WCAG 2.2 AA or structure problems."""
    violations = axe_violations(page) + structure_violations(page)
    seen, unique = set(), []
    for violation in violations:
        if violation["id"] not in seen:
            seen.add(violation["id"])
            unique.append(violation)
    if unique:
        where = label or page.url
        raise AssertionError(
            f"axe-core found {len(unique)} accessibility problem(s) on {where}:\n"
            + format_violations(unique)
        )


def page_structure(page) -> dict:
    """Facts about the page that every page must get right, for plain asserts."""
    return page.evaluate(
        """() => {
            const skip = document.querySelector('a.govuk-skip-link');
            const target = skip && skip.getAttribute('href');
            const landmarks = [...document.querySelectorAll(
                'nav, aside, section[aria-label], section[aria-labelledby], '
                + 'form[aria-label], form[aria-labelledby], [role=region], '
                + '[role=navigation], [role=complementary], [role=search]'
            )].map((el) => {
                const role = el.getAttribute('role') || {
                    NAV: 'navigation', ASIDE: 'complementary',
                    SECTION: 'region', FORM: 'form',
                }[el.tagName];
                let name = el.getAttribute('aria-label') || '';
                const by = el.getAttribute('aria-labelledby');
                if (!name && by) {
                    name = by.split(/\\s+/).map(
                        (id) => (document.getElementById(id) || {}).textContent || ''
                    ).join(' ');
                }
                return [role, name.trim().replace(/\\s+/g, ' ')];
            });
            return {
                lang: document.documentElement.getAttribute('lang'),
                h1: document.querySelectorAll('h1').length,
                title: document.title,
                skipLinkTarget: target,
                skipLinkFirst: skip !== null && skip === document.querySelector(
                    'a[href], button, input, select, textarea'
                ),
                skipTargetExists: !!(target && target.startsWith('#')
                    && document.getElementById(target.slice(1))),
                landmarks: landmarks,
            };
        }"""
    )


def duplicate_landmark_labels(landmarks: list[list[str]]) -> list[str]:
    """Landmarks of one role that share a label (or lack one while there are two)."""
    by_role: dict[str, list[str]] = {}
    for role, name in landmarks:
        by_role.setdefault(role, []).append(name)
    problems = []
    for role, names in by_role.items():
        if len(names) > 1 and len(set(names)) != len(names):
            problems.append(f"{role}: {json.dumps(names)}")
    return problems
