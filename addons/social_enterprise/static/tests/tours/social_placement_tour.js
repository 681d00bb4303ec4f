import { registry } from "@web/core/registry";
import { stepUtils } from "@web_tour/tour_utils";

registry.category("web_tour.tours").add("social_enterprise_placement_tour", {
    url: "/odoo",
    steps: () => [
        stepUtils.showAppsMenuItem(),
        {
            content: "Open the Social Enterprise app",
            trigger: ".o_app[data-menu-xmlid='social_enterprise.social_enterprise_menu_root']",
            run: "click",
        },
        {
            content: "Create a placement",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the person",
            trigger: ".o_field_widget[name='employee_id'] input",
            run: "edit Tour Person",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Person')",
            run: "click",
        },
        {
            content: "Choose the scheme",
            trigger: ".o_field_widget[name='scheme_id'] input",
            run: "edit Tour Scheme",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Scheme')",
            run: "click",
        },
        {
            content: "Choose the paying municipality",
            trigger: ".o_field_widget[name='municipality_id'] input",
            run: "edit Tour Kommune",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Tour Kommune')",
            run: "click",
        },
        {
            content: "Set the start date",
            trigger: ".o_field_widget[name='date_start'] input",
            run: "edit 01/05/2026",
        },
        {
            content: "Agreed weekly hours",
            trigger: ".o_field_widget[name='weekly_hours'] input",
            run: "edit 15",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            content: "Activate",
            trigger: ".o_form_saved button[name='action_activate']",
            run: "click",
        },
        {
            content: "The placement is active",
            trigger: ".o_statusbar_status button.o_arrow_button_current:contains('Active')",
        },
    ],
});
