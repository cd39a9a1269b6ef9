// A secret shown once (a new token): hidden behind dots until "Show" is pressed. Without scripts it stays readable,
// as the button that would reveal it is never shown.
document.querySelectorAll('button[data-reveal-target]').forEach((button) => {
    const field = document.getElementById(button.dataset.revealTarget);
    if (!field) {
        return;
    }

    field.type = 'password';
    button.hidden = false;
    button.addEventListener('click', () => {
        const hidden = field.type === 'password';
        field.type = hidden ? 'text' : 'password';
        button.textContent = hidden ? button.dataset.hideLabel : button.dataset.showLabel;
        button.setAttribute('aria-pressed', String(hidden));
    });
});
