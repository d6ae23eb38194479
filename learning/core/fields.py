from wagtail import fields


class StreamField(fields.StreamField):
    """A StreamField whose block definitions stay out of migrations.

    Block changes then need no migration; data migrations must work on
    ``raw_data`` instead of relying on the historical block definitions.
    """

    def deconstruct(self):
        name, path, _args, kwargs = super().deconstruct()
        kwargs.pop("block_types", None)
        kwargs.pop("verbose_name", None)
        kwargs.pop("block_lookup", None)
        return name, path, [[]], kwargs
