import pytest

from learning.licences.models import ResourceIndexPage

pytestmark = pytest.mark.django_db


def test_editors_choose_who_may_download_a_document(admin_client, resources):
    document = resources["document"]

    html = admin_client.get(f"/admin/documents/edit/{document.pk}/").content.decode()

    assert 'name="licence_required"' in html
    assert "Leave blank for everyone." in html


def test_editors_add_resource_pages_with_a_licence_choice_under_the_index(
    admin_client, resources
):
    index = resources["index"]

    add = admin_client.get(
        f"/admin/pages/add/licences/resourcepage/{index.pk}/"
    ).content.decode()
    edit = admin_client.get(
        f"/admin/pages/{resources['restricted'].pk}/edit/"
    ).content.decode()

    for html in (add, edit):
        assert 'name="licence_required"' in html
        assert "documents-FORMS" in html or 'id="id_documents-TOTAL_FORMS"' in html
    assert ResourceIndexPage.can_create_at(index.get_parent())
    assert not ResourceIndexPage.can_create_at(index)
