"""After the quiz burst: was every attempt recorded exactly once?

    DJANGO_SETTINGS_MODULE=... DATABASE_URL=... python tests/load/verify_burst.py \\
        <manifest.json> <out.json>

For every burst account: exactly one attempt at the quiz module, submitted (not left
open), numbered 1, with one stored answer per drawn question; and no two attempts
share a user, module and number anywhere. Writes the figures as JSON and exits 1
when anything is off.
"""

import json
import os
import sys
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))


def main():
    manifest = json.loads(Path(sys.argv[1]).read_text())
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "learning.settings.production")
    import django

    django.setup()
    from django.db.models import Count

    from modules.models import ModulePage, QuizAttempt, QuizAttemptStatus

    slug = manifest["quiz_module"]
    module = ModulePage.objects.get(slug=slug)
    emails = manifest["burst"]
    attempts = list(
        QuizAttempt.objects.filter(module=module, user__email__in=emails)
        .select_related("user")
        .annotate(stored_answers=Count("answers"))
    )
    per_user = Counter(a.user.email for a in attempts)
    duplicates = (
        QuizAttempt.objects.values("user", "module", "number")
        .annotate(n=Count("id"))
        .filter(n__gt=1)
        .count()
    )
    result = {
        "accounts": len(emails),
        "attempts": len(attempts),
        "with_exactly_one": sum(1 for e in emails if per_user[e] == 1),
        "without_attempt": sum(1 for e in emails if per_user[e] == 0),
        "with_more_than_one": sum(1 for e in emails if per_user[e] > 1),
        "submitted": sum(a.status == QuizAttemptStatus.SUBMITTED for a in attempts),
        "left_open": sum(a.status == QuizAttemptStatus.OPEN for a in attempts),
        "answers_match_questions": sum(
            a.stored_answers == len(a.questions) for a in attempts
        ),
        "duplicate_numbers": duplicates,
    }
    result["ok"] = (
        result["with_exactly_one"] == len(emails)
        and result["submitted"] == len(emails)
        and result["answers_match_questions"] == len(emails)
        and duplicates == 0
    )
    Path(sys.argv[2]).write_text(json.dumps(result, indent=1))
    sys.stdout.write(json.dumps(result) + "\n")
    return 0 if result["ok"] else 1


if __name__ == "__main__":
    sys.exit(main())
