"""Copy documents uploaded before the switch to ``core.Document``, keeping their ids.

Links in rich text and stream fields refer to documents by id, so the ids must not
change. The copies are open to everyone (no licence required), as they were before.
"""

from django.core.management.color import no_style
from django.db import migrations

FIELDS = (
    "id",
    "title",
    "file",
    "created_at",
    "uploaded_by_user_id",
    "collection_id",
    "file_size",
    "file_hash",
)


def copy_documents(apps, schema_editor):
    OldDocument = apps.get_model("wagtaildocs", "Document")
    NewDocument = apps.get_model("core", "Document")
    ContentType = apps.get_model("contenttypes", "ContentType")
    TaggedItem = apps.get_model("taggit", "TaggedItem")
    db = schema_editor.connection.alias

    old = list(OldDocument.objects.using(db).values(*FIELDS))
    if not old:
        return
    existing = set(NewDocument.objects.using(db).values_list("id", flat=True))
    NewDocument.objects.using(db).bulk_create(
        NewDocument(**row) for row in old if row["id"] not in existing
    )
    old_type = (
        ContentType.objects.using(db)
        .filter(app_label="wagtaildocs", model="document")
        .first()
    )
    if old_type is not None:
        new_type, _ = ContentType.objects.using(db).get_or_create(
            app_label="core", model="document"
        )
        TaggedItem.objects.using(db).bulk_create(
            TaggedItem(
                tag_id=item.tag_id, object_id=item.object_id, content_type=new_type
            )
            for item in TaggedItem.objects.using(db).filter(content_type=old_type)
        )
    # Rows were inserted with explicit ids: move PostgreSQL's sequence past them.
    connection = schema_editor.connection
    statements = connection.ops.sequence_reset_sql(no_style(), [NewDocument])
    with connection.cursor() as cursor:
        for statement in statements:
            cursor.execute(statement)


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0005_add_document_with_licence_required"),
        ("wagtaildocs", "0014_alter_document_file_size"),
        (
            "taggit",
            "0006_rename_taggeditem_content_type_object_id_taggit_tagg_content_8fc721_idx",
        ),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(copy_documents, migrations.RunPython.noop)]
