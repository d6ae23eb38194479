"""Create the module index at /modules/ under the home page."""

from django.db import migrations
from django.utils import timezone

INTRO = (
    "Work through a fictional family's case, one step at a time. Each module is built "
    "on the learning from a case of chronic neglect, and says which of the review's "
    "recommendations it evidences."
)


def create_index(apps, schema_editor):
    ContentType = apps.get_model("contenttypes.ContentType")
    Page = apps.get_model("wagtailcore.Page")
    HomePage = apps.get_model("core.HomePage")
    ModuleIndexPage = apps.get_model("modules.ModuleIndexPage")
    if ModuleIndexPage.objects.exists():
        return
    home = HomePage.objects.order_by("path").first()
    if home is None:
        return
    home_page = Page.objects.get(pk=home.pk)
    last_child = Page.objects.filter(path__startswith=home_page.path, depth=3).order_by("-path").first()
    position = int(last_child.path[-4:], 36) + 1 if last_child else 1
    path = f"{home_page.path}{_encode(position)}"
    now = timezone.now()
    ModuleIndexPage.objects.create(
        title="Modules",
        draft_title="Modules",
        slug="modules",
        content_type=ContentType.objects.get_for_model(ModuleIndexPage),
        path=path,
        depth=3,
        numchild=0,
        url_path=f"{home_page.url_path}modules/",
        locale_id=home_page.locale_id,
        live=True,
        has_unpublished_changes=False,
        first_published_at=now,
        last_published_at=now,
        intro=INTRO,
    )
    home_page.numchild = Page.objects.filter(path__startswith=home_page.path, depth=3).count()
    home_page.save(update_fields=["numchild"])


def _encode(number):
    # Treebeard's materialised path uses base-36 steps of four characters.
    alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    out = ""
    while number:
        number, rem = divmod(number, 36)
        out = alphabet[rem] + out
    return out.rjust(4, "0")


def remove_index(apps, schema_editor):
    ModuleIndexPage = apps.get_model("modules.ModuleIndexPage")
    ModuleIndexPage.objects.filter(slug="modules", numchild=0).delete()


class Migration(migrations.Migration):
    dependencies = [
        ("modules", "0001_initial"),
        ("core", "0002_create_site_pages"),
    ]

    operations = [migrations.RunPython(create_index, remove_index)]
