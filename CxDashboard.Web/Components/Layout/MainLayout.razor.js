// The dark-mode choice, remembered per browser. Storage can be unavailable (private modes, policies):
// then nothing is remembered and the app follows the system setting.
const key = "cx-dashboard:dark-mode";

export function loadDarkMode() {
    try {
        const value = window.localStorage.getItem(key);
        return value === null ? null : value === "true";
    } catch {
        return null;
    }
}

export function saveDarkMode(dark) {
    try {
        window.localStorage.setItem(key, dark ? "true" : "false");
    } catch {
        // Not remembered; the choice still applies to this visit.
    }
}
