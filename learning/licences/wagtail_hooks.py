from wagtail import hooks

from .views import document_serve_check


@hooks.register("before_serve_document")
def check_document_licence(document, request):
    return document_serve_check(request, document=document)
