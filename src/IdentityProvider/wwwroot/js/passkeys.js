// Passkey forms (Pages/Shared/_PasskeyForm): a <form data-passkey="create|get"> asks its data-passkey-options address
// (a POST with the form's own fields, antiforgery token included) for the ceremony's options and state, lets the browser
// run the ceremony, puts the answer in the form's hidden fields and submits it; the server checks everything.
// data-passkey-conditional="true" also offers the passkeys in the e-mail field's autofill as soon as the page opens.
// A file rather than inline script, because the CSP allows scripts from 'self' only.
(() => {
    const supported = typeof window.PublicKeyCredential === 'function'
        && typeof PublicKeyCredential.parseCreationOptionsFromJSON === 'function';

    const fetchCeremony = async (form) => {
        const response = await fetch(form.dataset.passkeyOptions, { method: 'POST', body: new FormData(form), credentials: 'same-origin' });
        if (!response.ok || !(response.headers.get('content-type') || '').includes('application/json')) {
            throw new Error('options');
        }

        return response.json();
    };

    const showError = (form, text) => {
        const error = form.querySelector('[data-passkey-error]');
        if (error) {
            error.textContent = text;
            error.hidden = false;
        }
    };

    const submitAnswer = (form, credential, state) => {
        form.querySelector('[data-passkey-credential]').value = JSON.stringify(credential.toJSON());
        form.querySelector('[data-passkey-state]').value = state;
        form.dataset.passkeyAnswered = 'true';
        form.submit();
    };

    // One ceremony at a time: the autofill's request is cancelled before the button starts its own.
    let conditional = null;

    const run = async (form, mediation) => {
        const ceremony = await fetchCeremony(form);
        if (form.dataset.passkey === 'create') {
            const publicKey = PublicKeyCredential.parseCreationOptionsFromJSON(ceremony.options);
            return { credential: await navigator.credentials.create({ publicKey }), state: ceremony.state };
        }

        const publicKey = PublicKeyCredential.parseRequestOptionsFromJSON(ceremony.options);
        const request = { publicKey };
        if (mediation === 'conditional') {
            conditional = new AbortController();
            request.mediation = 'conditional';
            request.signal = conditional.signal;
        }

        return { credential: await navigator.credentials.get(request), state: ceremony.state };
    };

    // The browser and platform, as a new passkey's suggested name ("Chrome on Linux").
    const suggestedName = () => {
        const data = navigator.userAgentData;
        const brand = data && data.brands.map((entry) => entry.brand).find((name) => !/Not.A.Brand|Chromium/i.test(name));
        const browser = brand || (data && data.brands.length ? 'Chromium' : '');
        const platform = (data && data.platform) || '';
        return browser && platform ? `${browser} – ${platform}` : '';
    };

    for (const form of document.querySelectorAll('form[data-passkey]')) {
        if (!supported) {
            const unsupported = document.getElementById(form.dataset.passkeyUnsupported || '');
            if (unsupported) {
                unsupported.hidden = false;
            }

            continue;
        }

        form.hidden = false;
        const name = form.querySelector('[data-passkey-name]');
        if (name && !name.value) {
            name.value = suggestedName();
        }

        form.addEventListener('submit', async (event) => {
            if (form.dataset.passkeyAnswered) {
                return;
            }

            event.preventDefault();
            if (conditional) {
                conditional.abort();
                conditional = null;
            }

            try {
                const { credential, state } = await run(form, 'optional');
                submitAnswer(form, credential, state);
            } catch (error) {
                showError(form, error && error.name === 'NotAllowedError' ? form.dataset.passkeyCancelled : form.dataset.passkeyFailed);
            }
        });

        if (form.dataset.passkeyConditional === 'true' && typeof PublicKeyCredential.isConditionalMediationAvailable === 'function') {
            PublicKeyCredential.isConditionalMediationAvailable().then(async (available) => {
                if (!available) {
                    return;
                }

                try {
                    const { credential, state } = await run(form, 'conditional');
                    submitAnswer(form, credential, state);
                } catch {
                    // Cancelled by the button, or dismissed: the button and the password remain.
                }
            });
        }
    }
})();
