// The layout's two buttons on pages the server renders without a circuit (the dashboard), which carry
// data-static-toggle; on interactive pages the layout component handles them itself.
(() => {
    const darkModeKey = "cx-dashboard:dark-mode";
    const yearInSeconds = 365 * 24 * 60 * 60;
    const wide = window.matchMedia("(min-width: 960px)");

    function writeCookie(name, value) {
        document.cookie = `${name}=${value}; path=/; max-age=${yearInSeconds}; samesite=lax`;
    }

    function toggleNavigation(button) {
        const drawer = document.getElementById("cx-navigation");
        const layout = drawer?.closest(".mud-layout");
        if (!drawer || !layout) {
            return;
        }
        // Narrow screens start with the drawer hidden by MudBlazor's "initial" style, wide ones with it open.
        const shown = drawer.classList.contains("mud-drawer--open")
            && (wide.matches || !drawer.classList.contains("mud-drawer--initial"));
        drawer.classList.remove("mud-drawer--initial");
        drawer.classList.toggle("mud-drawer--open", !shown);
        drawer.classList.toggle("mud-drawer--closed", shown);
        layout.classList.toggle("mud-drawer-open-responsive-md-left", !shown);
        layout.classList.toggle("mud-drawer-close-responsive-md-left", shown);
        button.setAttribute("aria-expanded", shown ? "false" : "true");
        button.setAttribute("title", shown ? "Show navigation" : "Hide navigation");
    }

    function toggleDarkMode(button) {
        const dark = button.getAttribute("aria-pressed") !== "true";
        writeCookie("cx-dark-mode", dark ? "true" : "false");
        try {
            window.localStorage.setItem(darkModeKey, dark ? "true" : "false");
        } catch {
            // Remembered by the cookie alone.
        }
        // The server draws the page in the chosen colours.
        window.location.reload();
    }

    writeCookie("cx-system-dark-mode", window.matchMedia("(prefers-color-scheme: dark)").matches ? "true" : "false");

    document.addEventListener("click", event => {
        const button = event.target instanceof Element ? event.target.closest("[data-static-toggle]") : null;
        if (button?.dataset.staticToggle === "navigation") {
            toggleNavigation(button);
        } else if (button?.dataset.staticToggle === "dark-mode") {
            toggleDarkMode(button);
        }
    });
})();
