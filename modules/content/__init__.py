"""The partnership's initial modules, written as data and loaded by ``load_modules``.

Each module is a dict (see ``loader.py`` for the shape). Once loaded, trainers edit
them in Wagtail; loading again leaves existing modules alone unless ``--update``.
"""
