from odoo import models
from odoo.tools import date_utils
from odoo.tools.misc import babel_locale_parse, get_lang


class Base(models.AbstractModel):
    """Week groups labelled in the reader's language.

    The web client's groups by week (pivots, graphs, lists) are labelled by core
    as ``f"W{week} {year}"``, hard-coded English: a Danish reader sees "W22 2026"
    in every hours view. The label here is a translatable pattern ("Uge 22 2026"
    in Danish); the group's value and domain are core's, untouched.
    """

    _inherit = "base"

    def _web_read_group_groupby_formatter(self, groupby_spec, values):
        formatter = super()._web_read_group_groupby_formatter(groupby_spec, values)
        field_name, _sep, granularity = groupby_spec.partition(":")
        field = self._fields.get(field_name)
        if granularity != "week" or not field or field.type not in ("date", "datetime"):
            return formatter

        locale = babel_locale_parse(get_lang(self.env).code)

        def formatter_week(value):
            result, domain = formatter(value)
            if value and isinstance(result, tuple):
                year, week = date_utils.weeknumber(locale, value)
                result = (
                    result[0],
                    self.env._("W%(week)s %(year)s", week=week, year=f"{year:04}"),
                )
            return result, domain

        return formatter_week
