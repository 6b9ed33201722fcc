// The bell's unread count on every page, including the dashboard, which is drawn without a circuit: the count
// is asked of the server when the page is shown, every 15 seconds, and whenever the tab is shown again.
(() => {
    const every = 15000;

    function show(unread) {
        const label = `Notifications, ${unread} unread`;
        for (const bell of document.querySelectorAll("[data-notification-bell]")) {
            bell.setAttribute("aria-label", label);
            bell.setAttribute("title", label);
            const count = bell.querySelector("[data-notification-count]");
            if (count) {
                count.textContent = unread > 99 ? "99+" : String(unread);
                count.hidden = unread === 0;
            }
        }
    }

    async function refresh() {
        if (!document.querySelector("[data-notification-bell]")) {
            return;
        }
        try {
            const response = await fetch("notifications/unread", { headers: { accept: "application/json" }, credentials: "same-origin" });
            const type = response.headers.get("content-type") ?? "";
            if (response.ok && type.includes("application/json")) {
                show((await response.json()).unread);
            }
        } catch {
            // Offline for a moment: the next round asks again.
        }
    }

    window.cxNotifications = { refresh };
    refresh();
    setInterval(refresh, every);
    // A page that enhanced navigation swapped in brings a fresh bell without its count.
    window.Blazor?.addEventListener?.("enhancedload", refresh);
    document.addEventListener("visibilitychange", () => {
        if (!document.hidden) {
            refresh();
        }
    });
})();
