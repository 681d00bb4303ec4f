"""19.0.1.1.0, before the data loads: close the open-ended rates that the rate history
of data/social_scheme_money_data.xml follows, so the new dated rates do not overlap
them (the rate-overlap check would refuse the upgrade). The rest is post-migrate.py.
"""

END_DATES = {
    "social_scheme_skaanejob_rate_1": "2018-12-31",
    "social_scheme_skaanejob_rate_2": "2022-12-31",
    "social_scheme_wage_subsidy_private_rate_1": "2023-12-31",
    "social_scheme_wage_subsidy_public_rate_1": "2023-12-31",
}


def migrate(cr, version):
    if not version:
        return
    for name, date_to in END_DATES.items():
        cr.execute(
            """
            UPDATE social_scheme_rate r SET date_to = %s
              FROM ir_model_data d
             WHERE d.module = 'social_enterprise' AND d.name = %s
               AND d.model = 'social.scheme.rate' AND d.res_id = r.id
            """,
            (date_to, name),
        )
