using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Playwright;

namespace IdentityProvider.Testing.Pages.InBrowser;

/// <summary>
/// A platform authenticator that Chromium simulates for one tab, through the DevTools protocol's WebAuthn domain: it
/// answers the browser's own passkey dialog (create and get) as a phone or laptop would, the person's touch and
/// fingerprint included, so a journey presses the page's buttons and nothing else. Chromium only.
/// </summary>
/// <remarks>
/// Chromium's virtual authenticator also answers the e-mail field's autofill request (conditional mediation) as soon as
/// the sign-in page asks, as if the person had chosen the passkey it offers: there is no autofill list to choose from
/// or to ignore. <see cref="IgnoresAutofill"/> plays the person who types the password or presses a button instead.
/// </remarks>
public sealed class VirtualAuthenticator : IAsyncDisposable
{
    private const string AutofillIgnored = "__virtualAuthenticatorAutofillIgnored";

    /// <summary>
    /// Holds back a conditional request (the autofill's) while the test says the person ignores it, as Chromium holds
    /// it until the person chooses: it ends only when the page cancels it (the button's own request, or leaving).
    /// Installed before the page's scripts run; every other request goes to the browser as it is.
    /// </summary>
    private const string HoldAutofillScript = $$"""
        (() => {
            const container = navigator.credentials;
            if (!container) {
                return;
            }

            const get = container.get.bind(container);
            container.get = async (options) => {
                if (options && options.mediation === 'conditional' && await window.{{AutofillIgnored}}()) {
                    return new Promise((_, reject) => {
                        const signal = options.signal;
                        const cancel = () => reject(signal.reason ?? new DOMException('The request was aborted.', 'AbortError'));
                        if (signal && signal.aborted) {
                            cancel();
                        } else if (signal) {
                            signal.addEventListener('abort', cancel, { once: true });
                        }
                    });
                }

                return get(options);
            };
        })();
        """;

    private readonly ICDPSession session;

    private VirtualAuthenticator(ICDPSession session, string id)
    {
        this.session = session;
        Id = id;
    }

    /// <summary>The authenticator's id in the DevTools protocol.</summary>
    public string Id { get; }

    /// <summary>
    /// The person ignores the passkey the e-mail field's autofill offers (types the password, or presses "Sign in with
    /// a passkey"); off, Chromium's virtual authenticator answers the autofill at once.
    /// </summary>
    public bool IgnoresAutofill { get; set; }

    /// <summary>
    /// Adds an internal (platform) CTAP2 authenticator to <paramref name="page"/>'s tab that keeps discoverable credentials
    /// (passkeys), and whose every use is touched and, when <paramref name="verifiesUser"/>, unlocked by fingerprint or PIN.
    /// Attach it before the tab opens a page: <see cref="IgnoresAutofill"/> works on the pages opened afterwards.
    /// </summary>
    public static async Task<VirtualAuthenticator> AttachAsync(IPage page, bool verifiesUser = true)
    {
        var session = await page.Context.NewCDPSessionAsync(page);
        try
        {
            VirtualAuthenticator? authenticator = null;
            await page.ExposeFunctionAsync(AutofillIgnored, () => authenticator?.IgnoresAutofill == true);
            await page.AddInitScriptAsync(HoldAutofillScript);
            await session.SendAsync("WebAuthn.enable");
            var added = await session.SendAsync("WebAuthn.addVirtualAuthenticator", new()
            {
                ["options"] = new Dictionary<string, object>
                {
                    ["protocol"] = "ctap2",
                    ["transport"] = "internal",
                    ["hasResidentKey"] = true,
                    ["hasUserVerification"] = true,
                    ["isUserVerified"] = verifiesUser,
                    ["automaticPresenceSimulation"] = true,
                },
            });
            authenticator = new VirtualAuthenticator(session, added!.Value.GetProperty("authenticatorId").GetString()!);
            return authenticator;
        }
        catch
        {
            await session.DetachAsync();
            throw;
        }
    }

    /// <summary>The credentials the authenticator holds.</summary>
    public async Task<IReadOnlyList<VirtualCredential>> CredentialsAsync()
    {
        var answer = await session.SendAsync("WebAuthn.getCredentials", new() { ["authenticatorId"] = Id });
        return answer!.Value.GetProperty("credentials").EnumerateArray().Select(VirtualCredential.Of).ToList();
    }

    /// <summary>Removes the authenticator from the tab (its credentials with it) and ends the DevTools session.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            await session.SendAsync("WebAuthn.removeVirtualAuthenticator", new() { ["authenticatorId"] = Id });
            await session.DetachAsync();
        }
        catch (PlaywrightException)
        {
            // The tab closed first, and the authenticator with it.
        }
    }
}

/// <summary>A credential a <see cref="VirtualAuthenticator"/> holds, as WebAuthn.getCredentials tells it.</summary>
/// <param name="Id">The credential id, base64url as the provider's pages name it.</param>
/// <param name="RelyingPartyId">The site it belongs to (the provider's host).</param>
/// <param name="IsDiscoverable">A passkey the browser can offer without being told the account (a resident credential).</param>
/// <param name="UserName">The account's name given when it was created (the provider gives the e-mail address).</param>
/// <param name="SignCount">How often it signed.</param>
public sealed record VirtualCredential(string Id, string RelyingPartyId, bool IsDiscoverable, string? UserName, long SignCount)
{
    internal static VirtualCredential Of(JsonElement credential) => new(
        WebEncoders.Base64UrlEncode(Convert.FromBase64String(credential.GetProperty("credentialId").GetString()!)),
        credential.GetProperty("rpId").GetString()!,
        credential.GetProperty("isResidentCredential").GetBoolean(),
        credential.TryGetProperty("userName", out var userName) ? userName.GetString() : null,
        credential.GetProperty("signCount").GetInt64());
}
