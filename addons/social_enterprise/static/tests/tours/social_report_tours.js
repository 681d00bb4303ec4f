import { registry } from "@web/core/registry";

// The social-impact report prints from its page's Print menu, not only from its buttons.
registry.category("web_tour.tours").add("social_enterprise_impact_print_menu", {
    steps: () => [
        {
            content: "Choose the municipality",
            trigger: ".o_form_view .o_field_widget[name='municipality_id'] input",
            run: "edit Print Menu Kommune",
        },
        {
            trigger: ".o-autocomplete--dropdown-item:contains('Print Menu Kommune')",
            run: "click",
        },
        {
            content: "Open the actions menu",
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            run: "click",
        },
        {
            content: "Open its Print entries",
            trigger: ".o-dropdown--menu button:contains('Print')",
            run: "click",
        },
        {
            content: "Both the PDF and the workbook are there",
            trigger: ".o-dropdown--menu .o_menu_item:contains('Social-Impact Report (xlsx)')",
        },
        {
            content: "Close the menu",
            trigger: ".o_cp_action_menus button:has(.fa-cog)",
            run: "press Escape",
        },
        {
            content: "Keep the settings (saved like any record)",
            trigger: ".o_form_button_save",
            run: "click",
        },
        {
            trigger: ".o_form_saved",
        },
    ],
});
