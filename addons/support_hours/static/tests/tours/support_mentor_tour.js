import { registry } from "@web/core/registry";

// A mentor logs in (Danish), lands on this week's sessions and logs one.
registry.category("web_tour.tours").add("support_hours_mentor_home", {
    url: "/odoo",
    steps: () => [
        {
            content: "The mentor lands on this week's sessions",
            trigger: ".o_breadcrumb:contains('Min uge')",
        },
        {
            content: "Log a session",
            trigger: ".o_list_button_add",
            run: "click",
        },
        {
            content: "Choose the person",
            trigger: ".o_field_widget[name='employee_id'] input",
            run: "edit Mentor Tour Person",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Mentor Tour Person')",
            run: "click",
        },
        {
            content: "One hour and a half",
            trigger: ".o_field_widget[name='duration'] input",
            run: "edit 01:30",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
