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

// The dataset list is one Tab stop (a roving tabindex): the arrow keys, Home and End move between its rows, Space
// selects, Tab leaves. The list is virtualized: at the edge of the rendered rows the list scrolls, and focus follows
// once the next rows are drawn.
(function () {
    const rowSelector = "#dataset-browser .portal-dataset-check";

    function rows() {
        return Array.from(document.querySelectorAll(rowSelector));
    }

    function focusRow(row) {
        for (const other of rows()) {
            other.tabIndex = other === row ? 0 : -1;
        }
        row.focus();
        row.scrollIntoView({ block: "nearest" });
    }

    document.addEventListener("focusin", function (event) {
        const row = event.target.closest && event.target.closest(rowSelector);
        if (row) {
            for (const other of rows()) {
                other.tabIndex = other === row ? 0 : -1;
            }
        }
    });

    document.addEventListener("keydown", function (event) {
        const row = event.target.closest && event.target.closest(rowSelector);
        if (!row || !["ArrowDown", "ArrowUp", "Home", "End"].includes(event.key)) {
            return;
        }

        event.preventDefault();
        const list = document.getElementById("dataset-browser");
        const all = rows();
        const at = all.indexOf(row);
        if (event.key === "Home" || event.key === "End") {
            list.scrollTop = event.key === "Home" ? 0 : list.scrollHeight;
            setTimeout(function () {
                const now = rows();
                if (now.length) {
                    focusRow(event.key === "Home" ? now[0] : now[now.length - 1]);
                }
            }, 150);
            return;
        }

        const next = all[at + (event.key === "ArrowDown" ? 1 : -1)];
        if (next) {
            focusRow(next);
            return;
        }

        // Past the rendered rows: scroll a row's height and try again once the virtualizer has drawn more.
        const id = row.getAttribute("data-testid");
        list.scrollTop += event.key === "ArrowDown" ? row.offsetHeight * 2 : -row.offsetHeight * 2;
        setTimeout(function () {
            const now = rows();
            const index = now.findIndex(function (r) { return r.getAttribute("data-testid") === id; });
            const target = now[index + (event.key === "ArrowDown" ? 1 : -1)];
            if (target) {
                focusRow(target);
            }
        }, 150);
    });
})();
