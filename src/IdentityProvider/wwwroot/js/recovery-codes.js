// Copy, Download (.txt) and Print for a freshly generated set of recovery codes (partial _RecoveryCodeList).
// Note: a file of its own because the CSP allows no inline script; everything happens in this browser,
// the codes are never sent anywhere.
(function () {
    "use strict";

    var section = document.getElementById("recovery-code-set");
    if (!section) {
        return;
    }

    var actions = section.querySelector(".recovery-code-actions");
    var feedback = section.querySelector("[data-recovery-codes='feedback']");

    // The words come from the page, in its language (data-text-* of the partial).
    var words = {
        heading: section.dataset.textHeading,
        note: section.dataset.textNote,
        copied: section.dataset.textCopied,
        copyFailed: section.dataset.textCopyFailed,
        copyUnavailable: section.dataset.textCopyUnavailable
    };

    function codes() {
        return Array.prototype.map.call(section.querySelectorAll("#recovery-codes code"), function (element) {
            return element.textContent.trim();
        });
    }

    function asText() {
        return [words.heading, words.note, ""].concat(codes()).join("\r\n") + "\r\n";
    }

    function say(message) {
        if (feedback) {
            feedback.textContent = message;
        }
    }

    function copy() {
        if (navigator.clipboard && navigator.clipboard.writeText) {
            navigator.clipboard.writeText(asText()).then(
                function () { say(words.copied); },
                function () { say(words.copyFailed); });
        } else {
            say(words.copyUnavailable);
        }
    }

    function download() {
        var blob = new Blob([asText()], { type: "text/plain;charset=utf-8" });
        var link = document.createElement("a");
        link.href = URL.createObjectURL(blob);
        link.download = "recovery-codes-" + section.dataset.issuer.replace(/[^A-Za-z0-9.-]+/g, "_") + ".txt";
        document.body.appendChild(link);
        link.click();
        document.body.removeChild(link);
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
    }

    var handlers = { copy: copy, download: download, print: function () { window.print(); } };
    section.addEventListener("click", function (event) {
        var button = event.target.closest("button[data-recovery-codes]");
        if (button && handlers[button.dataset.recoveryCodes]) {
            handlers[button.dataset.recoveryCodes]();
        }
    });

    if (actions) {
        actions.hidden = false;
    }
})();
