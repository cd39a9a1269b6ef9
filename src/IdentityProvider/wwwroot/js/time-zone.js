// Tells the provider the browser's time zone (an IANA name such as Europe/Moscow), so that pages show times in it.
// A file rather than inline script, because the CSP allows scripts from 'self' only.
(() => {
    const zone = Intl.DateTimeFormat().resolvedOptions().timeZone;
    if (zone && !document.cookie.split('; ').includes('idp.tz=' + encodeURIComponent(zone))) {
        document.cookie = 'idp.tz=' + encodeURIComponent(zone) + '; path=/; max-age=31536000; samesite=lax';
    }
})();
