// The dark-mode choice, remembered per browser: in local storage and in a cookie, so that pages the server renders
// without a circuit (the dashboard) are drawn in the same colours. Storage can be unavailable (private modes,
// policies): then nothing is remembered and the app follows the system setting.
const key = "cx-dashboard:dark-mode";
const cookie = "cx-dark-mode";
const systemCookie = "cx-system-dark-mode";
const yearInSeconds = 365 * 24 * 60 * 60;

function writeCookie(name, value) {
    document.cookie = `${name}=${value}; path=/; max-age=${yearInSeconds}; samesite=lax`;
}

function readCookie(name) {
    const found = document.cookie.split("; ").find(c => c.startsWith(name + "="));
    return found === undefined ? null : found.substring(name.length + 1);
}

export function loadDarkMode() {
    writeCookie(systemCookie, window.matchMedia("(prefers-color-scheme: dark)").matches ? "true" : "false");
    try {
        const value = window.localStorage.getItem(key) ?? readCookie(cookie);
        return value === null ? null : value === "true";
    } catch {
        return null;
    }
}

export function saveDarkMode(dark) {
    writeCookie(cookie, dark ? "true" : "false");
    try {
        window.localStorage.setItem(key, dark ? "true" : "false");
    } catch {
        // Remembered by the cookie alone.
    }
}
