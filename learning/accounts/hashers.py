"""Password hashing: Argon2id at the cost OWASP recommends for it.

Django's own Argon2 hasher asks for 100 MiB and 8 lanes per hash, which on a two-core
server costs about as much CPU as its PBKDF2 default (0.2 to 0.4 s a sign-in). On a
morning when a whole agency signs in at once, that alone fills the machine. OWASP's
Password Storage Cheat Sheet gives Argon2id with 19 MiB, 2 passes and 1 lane as its
minimum recommended configuration, equivalent in strength to its other options; it
costs about a tenth of the CPU here, and its memory cost is what makes guessing on
graphics cards expensive.

Hashes made with other settings or algorithms (PBKDF2 from before this hasher) still
verify, and Django rewrites them with these settings at the person's next sign-in.
"""

from django.contrib.auth.hashers import Argon2PasswordHasher


class Argon2idPasswordHasher(Argon2PasswordHasher):
    """Argon2id, m=19 MiB, t=2, p=1 (OWASP Password Storage Cheat Sheet)."""

    time_cost = 2
    memory_cost = 19 * 1024  # KiB
    parallelism = 1
