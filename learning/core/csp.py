"""Content Security Policy: strict on the site, a separate policy for the Wagtail admin.

The site's own pages run no inline script or style, so they get the strict policy
in ``CONTENT_SECURITY_POLICY`` (or ``..._REPORT_ONLY`` while rolling out). The
Wagtail admin (``CSP_ADMIN_PATH_PREFIX``) still ships inline ``<script>`` blocks in
some widgets and many ``style=`` attributes, and its preview panel frames its own
pages, so it gets ``CSP_ADMIN_DIRECTIVES`` instead: inline script and style
allowed, same-origin framing allowed, everything else as strict as the site. Only
signed-in staff with admin access ever reach those pages.

A Wagtail preview is the site's own page, rendered through the whole middleware
stack on a stand-in request for the page's URL (``request.is_preview``), so it gets
the site's policy, but the admin's preview panel shows it in an iframe: preview
responses, and only they, may be framed by the site itself (``'self'``). Wagtail
sets ``X-Frame-Options: SAMEORIGIN`` on them for the same reason.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware, PolicyParts


class SiteCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False) -> PolicyParts:
        parts = super().get_policy_parts(request, response, report_only)
        enabled = getattr(
            settings,
            "CONTENT_SECURITY_POLICY_REPORT_ONLY"
            if report_only
            else "CONTENT_SECURITY_POLICY",
            None,
        )
        prefix = getattr(settings, "CSP_ADMIN_PATH_PREFIX", None)
        if (
            enabled
            and prefix
            and parts.config is None
            and request.path_info.startswith(prefix)
        ):
            parts.config = settings.CSP_ADMIN_DIRECTIVES
        if enabled and getattr(request, "is_preview", False) is True:
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts
