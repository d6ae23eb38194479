from django.db.models import QuerySet

from .models import Agency


def email_domain(email: str) -> str:
    return email.rsplit("@", 1)[-1].strip().lower() if "@" in email else ""


def agencies_for_email(*, email: str) -> QuerySet[Agency]:
    """Active agencies whose allowed domains include this email's domain."""
    domain = email_domain(email)
    if not domain:
        return Agency.objects.none()
    return Agency.objects.filter(
        is_active=True, email_domains__domain=domain
    ).distinct()


def agency_choices_for_signup() -> QuerySet[Agency]:
    return Agency.objects.filter(is_active=True).order_by("name")


def agency_domain_map() -> dict[str, list[int]]:
    """Domain -> agency ids, for the sign-up form's progressive enhancement."""
    mapping: dict[str, list[int]] = {}
    rows = Agency.objects.filter(is_active=True).values_list(
        "email_domains__domain", "pk"
    )
    for domain, pk in rows:
        if domain:
            mapping.setdefault(domain, []).append(pk)
    return mapping
