import { registry } from "@web/core/registry";

// A manager logs in and lands on the overview dashboard, which loads without error.
registry.category("web_tour.tours").add("social_enterprise_dashboard_home", {
    url: "/odoo",
    steps: () => [
        {
            content: "The manager lands on the Social Enterprise overview",
            trigger:
                ".o_spreadsheet_dashboard_action .o_search_panel_category_value.active[data-name='Social Enterprise Overview']",
        },
        {
            content: "The dashboard is rendered, not loading or in error",
            trigger: ".o_spreadsheet_dashboard_action .o_renderer",
        },
        {
            trigger: ".o_spreadsheet_dashboard_action:not(:has(.dashboard-loading-status))",
        },
    ],
});
