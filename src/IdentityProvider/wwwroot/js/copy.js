// Copy buttons: <button data-copy-target="ID"> copies the value of the field with that id.
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
        button.textContent = 'Copied';
    } catch {
        // The text stays selected, so the user can copy it by hand.
        button.textContent = 'Press Ctrl+C to copy';
    }
});
