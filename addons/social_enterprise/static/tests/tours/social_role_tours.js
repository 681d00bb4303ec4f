import { registry } from "@web/core/registry";

// Each role lands on its work after login and does its main task (Danish UI).

registry.category("web_tour.tours").add("social_enterprise_coordinator_home", {
    url: "/odoo",
    steps: () => [
        {
            content: "The coordinator lands on the placements that need action",
            trigger: ".o_breadcrumb:contains('Forløb der kræver handling')",
        },
        {
            content: "Open the draft placement waiting to start",
            trigger: ".o_data_row td:contains('Rolle Kladde')",
            run: "click",
        },
        {
            content: "Activate it",
            trigger: ".o_form_view button[name='action_activate']",
            run: "click",
        },
        {
            content: "The placement is active",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Aktiv')",
        },
    ],
});

registry.category("web_tour.tours").add("social_enterprise_supervisor_home", {
    url: "/odoo",
    steps: () => [
        {
            content: "The work supervisor lands on the team",
            trigger: ".o_breadcrumb:contains('Mit team')",
        },
        {
            content: "Open a team member's placement",
            trigger: ".o_kanban_record:contains('Rolle Holdet')",
            run: "click",
        },
        {
            content: "The agreed hours are there",
            trigger: ".o_form_view .o_field_widget[name='weekly_hours']",
        },
    ],
});
