// Copy buttons (Pages/Shared/_CopyButton): <button data-copy-target="ID"> copies the value of the field with that id,
// then says so in the page's language (data-copied) or, with data-copied-href, goes on to that page.
// A file rather than inline script, because the CSP allows scripts from 'self' only.
document.addEventListener('click', async (event) => {
    const button = event.target.closest('button[data-copy-target]');
    const field = button && document.getElementById(button.dataset.copyTarget);
    if (!field) {
        return;
    }

    field.focus();
    field.select();
    try {
        // The Clipboard API needs a secure context (HTTPS or localhost).
        await navigator.clipboard.writeText(field.value);
        if (button.dataset.copiedHref) {
            window.location.assign(button.dataset.copiedHref);
            return;
        }

        button.textContent = button.dataset.copied;
    } catch {
        // The text stays selected (and is shown), so the user can copy it by hand.
        field.type = 'text';
        button.textContent = button.dataset.copyByHand;
    }
});
