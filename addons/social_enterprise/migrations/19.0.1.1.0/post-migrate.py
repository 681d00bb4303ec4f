# ruff: noqa: E501 (the texts are data, copied from data/social_scheme_data.xml)
"""19.0.1.1.0: the scheme catalogue corrected on review (2026-12).

The catalogue is noupdate data, so an upgrade does not rewrite it: this script brings
existing databases to the shipped texts (legal bases citing the act, the 225-hour rule
ended), rate end dates and sources, employer kinds, caps over a year, durations and
extensions. A record someone deleted is skipped. New rates and durations are new
records of data/social_scheme_money_data.xml, which the upgrade creates by itself.
Agreements keep their own choice on 29 February (the new default is for new ones).
"""

SCHEMES = {
    "social_scheme_flexjob": {
        "first_review_months": 30,
        "review_interval_months": 30,
        "status_review_months": 54,
    },
    "social_scheme_wage_subsidy_private": {
        "extension_duration": 6,
        "extension_unit": "month",
        "max_extensions": 1,
        "subsidy_cap_period": "year",
        "legal_basis": "Lov om en aktiv beskæftigelsesindsats (lov nr. 548 af 7. juni 2019), ansættelse med løntilskud hos private arbejdsgivere: tilskud pr. time med løn, højst 50 % af lønomkostningerne; 6 måneder, kan forlænges med 6; rimelighedskrav og merbeskæftigelse.",
    },
    "social_scheme_wage_subsidy_public": {
        "subsidy_cap_period": "year",
        "legal_basis": "Lov om en aktiv beskæftigelsesindsats (lov nr. 548 af 7. juni 2019), ansættelse med løntilskud hos offentlige arbejdsgivere (omkostninger mindst 50 % dækket af offentlige midler): 4, 6 eller 12 måneder efter ydelsesgruppe.",
    },
    "social_scheme_skaanejob": {
        "subsidy_cap_period": "year",
        "legal_basis": "Lov om en aktiv beskæftigelsesindsats (lov nr. 548 af 7. juni 2019) kapitel 12: løntilskud til førtidspensionister (skånejob). Tilskud pr. time, der udbetales løn for; hos private arbejdsgivere højst 75 % af lønomkostningerne over et år fra ansættelsen.",
    },
    "social_scheme_stu": {
        "extension_duration": 1,
        "extension_unit": "year",
        "ceiling_duration": 5,
        "ceiling_unit": "year",
        "legal_basis": "Lov om ungdomsuddannelse for unge med særlige behov (STU): 3 years of teaching, a right until the age of 25, completed within 5 years of the start.",
    },
    "social_scheme_mentor": {"extension_duration": 6, "extension_unit": "month"},
    "social_scheme_job_clarification": {
        "extension_duration": 2,
        "extension_unit": "year",
    },
    "social_scheme_work_placement": {
        "legal_basis": "Lov om en aktiv beskæftigelsesindsats (lov nr. 548 af 7. juni 2019), virksomhedspraktik: 4 uger (jobparate), 8 uger (nyuddannede), 13 uger for andre; forlænges 13 uger ad gangen for personer langt fra arbejdsmarkedet. Fravær meldes til sagsbehandleren samme dag.",
        "max_duration": 0,
        "extension_duration": 13,
        "extension_unit": "week",
    },
    "social_scheme_small_job": {
        "legal_basis": "Ordinary employment on collective-agreement terms with few hours. The ordinary hours of the last 12 months are shown as evidence for benefit decisions."
    },
}

RATES = {
    "social_scheme_skaanejob_rate_1": {
        "note": "bm.dk rate table 2018",
        "date_from": "2018-01-01",
        "date_to": "2018-12-31",
    },
    "social_scheme_skaanejob_rate_2": {
        "note": "2021 rate (municipal pages); no 2022 rate found: check STAR's rate letter",
        "date_from": "2021-01-01",
        "date_to": "2022-12-31",
    },
    "social_scheme_skaanejob_rate_3": {
        "note": "Private employers only: subsidy at most 75 % of the wage cost over a year from hiring",
        "date_from": "2018-01-01",
        "employer_kind": "private",
    },
    "social_scheme_wage_subsidy_private_rate_1": {
        "note": "2023 rate, private employers (star.dk); later years: STAR's rate letter",
        "date_from": "2023-01-01",
        "date_to": "2023-12-31",
        "employer_kind": "private",
    },
    "social_scheme_wage_subsidy_private_rate_2": {
        "note": "Aid at most 50 % of the wage costs over a year (star.dk)",
        "date_from": "2018-01-01",
        "employer_kind": "private",
    },
    "social_scheme_wage_subsidy_public_rate_1": {
        "note": "2023 rate, public employers (star.dk); later years: STAR's rate letter",
        "date_from": "2023-01-01",
        "date_to": "2023-12-31",
        "employer_kind": "public",
    },
}


def migrate(cr, version):
    if not version:
        return
    from odoo import SUPERUSER_ID, api

    env = api.Environment(cr, SUPERUSER_ID, {})
    for table in (SCHEMES, RATES):
        for xmlid, vals in table.items():
            record = env.ref(f"social_enterprise.{xmlid}", raise_if_not_found=False)
            if record:
                record.write(vals)
