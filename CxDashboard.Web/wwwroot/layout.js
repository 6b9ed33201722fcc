// The layout's choices that live in the browser, on every page.
// - Dark mode is remembered in local storage and in a cookie, so the server draws every page in the chosen colours,
//   including pages it renders without a circuit (the dashboard). Storage can be unavailable (private modes,
//   policies): then the cookie alone remembers it.
// - On a page rendered without a circuit, the navigation and dark-mode buttons carry data-static-toggle and are
//   handled here; on interactive pages the layout component handles them and calls cxLayout.
(() => {
    const storageKey = "cx-dashboard:dark-mode";
    const darkModeCookie = "cx-dark-mode";
    const systemDarkModeCookie = "cx-system-dark-mode";
    const yearInSeconds = 365 * 24 * 60 * 60;
    const wide = window.matchMedia("(min-width: 960px)");

    function writeCookie(name, value) {
        document.cookie = `${name}=${value}; path=/; max-age=${yearInSeconds}; samesite=lax`;
    }

    // A cookie written through document.cookie reaches the browser's cookie store on its own schedule, so a page
    // loaded straight after may be asked for without it and drawn in the old colours. The Cookie Store API says
    // when the cookie is stored; where it is missing, document.cookie is all there is.
    async function storeCookie(name, value) {
        if (window.cookieStore?.set) {
            try {
                await window.cookieStore.set({ name, value, path: "/", expires: Date.now() + yearInSeconds * 1000, sameSite: "lax" });
                return;
            } catch {
                // Refused here (an insecure origin): fall back to document.cookie.
            }
        }
        writeCookie(name, value);
    }

    function readCookie(name) {
        const found = document.cookie.split("; ").find(c => c.startsWith(name + "="));
        return found === undefined ? null : found.substring(name.length + 1);
    }

    /** The person's own choice: true, false, or null when they have made none. */
    function loadDarkMode() {
        let value = null;
        try {
            value = window.localStorage.getItem(storageKey);
        } catch {
            // Not readable here; the cookie may still know.
        }
        value ??= readCookie(darkModeCookie);
        return value === null ? null : value === "true";
    }

    async function saveDarkMode(dark) {
        await storeCookie(darkModeCookie, dark ? "true" : "false");
        try {
            window.localStorage.setItem(storageKey, dark ? "true" : "false");
        } catch {
            // Remembered by the cookie alone.
        }
    }

    // The server draws the drawer open. Narrow screens keep it hidden by MudBlazor's "initial" style until it is
    // asked for; wide ones show it.
    function navigationShown(drawer) {
        return drawer.classList.contains("mud-drawer--open")
            && (wide.matches || !drawer.classList.contains("mud-drawer--initial"));
    }

    function describeNavigationButton(button, shown) {
        button.setAttribute("aria-expanded", shown ? "true" : "false");
        button.setAttribute("title", shown ? "Hide navigation" : "Show navigation");
    }

    // The button says what the screen shows: on a narrow screen the drawer the server drew open is hidden.
    function describeNavigation() {
        const button = document.querySelector('[data-static-toggle="navigation"]');
        const drawer = document.getElementById("cx-navigation");
        if (button && drawer) {
            describeNavigationButton(button, navigationShown(drawer));
        }
    }

    function toggleNavigation(button) {
        const drawer = document.getElementById("cx-navigation");
        const layout = drawer?.closest(".mud-layout");
        if (!drawer || !layout) {
            return;
        }
        const shown = navigationShown(drawer);
        drawer.classList.remove("mud-drawer--initial");
        drawer.classList.toggle("mud-drawer--open", !shown);
        drawer.classList.toggle("mud-drawer--closed", shown);
        layout.classList.toggle("mud-drawer-open-responsive-md-left", !shown);
        layout.classList.toggle("mud-drawer-close-responsive-md-left", shown);
        describeNavigationButton(button, !shown);
    }

    async function toggleDarkMode(button) {
        await saveDarkMode(button.getAttribute("aria-pressed") !== "true");
        // The server draws the page in the chosen colours, once the cookie that tells it is stored.
        window.location.reload();
    }

    // Without a choice of their own, a person sees what their system asks for once the server has been told.
    writeCookie(systemDarkModeCookie, window.matchMedia("(prefers-color-scheme: dark)").matches ? "true" : "false");

    document.addEventListener("click", event => {
        const button = event.target instanceof Element ? event.target.closest("[data-static-toggle]") : null;
        if (button?.dataset.staticToggle === "navigation") {
            toggleNavigation(button);
        } else if (button?.dataset.staticToggle === "dark-mode") {
            toggleDarkMode(button);
        }
    });

    describeNavigation();
    wide.addEventListener("change", describeNavigation);
    window.Blazor?.addEventListener("enhancedload", describeNavigation);

    window.cxLayout = { loadDarkMode, saveDarkMode };
})();
