import { registry } from "@web/core/registry";

// A participant checks in and answers "how are you today", another reports being
// ill, the first checks out: taps only, no typing.
registry.category("web_tour.tours").add("social_enterprise_kiosk_tour", {
    steps: () => [
        {
            content: "Anna finds her picture",
            trigger: ".o_kiosk_tile:contains('Anna')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "and checks in",
            trigger: ".o_kiosk_check_in",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "She feels good today",
            trigger: ".o_kiosk_face_4",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Back on the pictures, with a minute to undo",
            trigger: ".o_kiosk_undo",
        },
        {
            content: "Bo finds his picture",
            trigger: ".o_kiosk_tile:contains('Bo')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "and says he is ill",
            trigger: ".o_kiosk_absence_ill",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Anna goes home",
            trigger: ".o_kiosk_tile.o_in:contains('Anna')",
            run: "click",
            expectUnloadPage: true,
        },
        {
            trigger: ".o_kiosk_check_out",
            run: "click",
            expectUnloadPage: true,
        },
        {
            content: "Goodbye",
            trigger: ".o_kiosk_banner",
        },
    ],
});
