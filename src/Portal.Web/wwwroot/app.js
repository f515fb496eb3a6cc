// Opens a URL in a new tab without giving it a handle on the portal's window.
// Returns false when the browser blocked the tab, so the page can offer a link instead.
window.portal = {
    openInNewTab: function (url) {
        const opened = window.open(url, "_blank");
        if (!opened) {
            return false;
        }
        opened.opener = null;
        return true;
    }
};
