namespace IdentityProvider.Pages.Shared;

/// <summary>
/// A form that runs a passkey ceremony in the browser (<c>wwwroot/js/passkeys.js</c>): its options come from
/// <see cref="OptionsAddress"/>, the browser's answer is posted to <see cref="Action"/> as <see cref="PasskeyAnswer"/>.
/// Hidden until the script finds WebAuthn in the browser; <see cref="UnsupportedId"/> names what is shown otherwise.
/// </summary>
/// <param name="Ceremony"><c>create</c> (add a passkey) or <c>get</c> (sign in with one).</param>
public sealed record PasskeyForm(string Id, string Ceremony, string OptionsAddress, string Action, string ButtonText)
{
    public string? ReturnUrl { get; init; }

    /// <summary>Also offers the passkeys in the e-mail field's autofill (conditional mediation).</summary>
    public bool Conditional { get; init; }

    /// <summary>The label of the new passkey's name field (adding only); no field when null.</summary>
    public string? NameLabel { get; init; }

    /// <summary>The label of "remember this browser" (second step only); no checkbox when null.</summary>
    public string? RememberBrowserLabel { get; init; }

    public string UnsupportedId => Id + "-unsupported";
}

/// <summary>What a passkey form posts: the browser's answer (<c>PublicKeyCredential.toJSON()</c>) and the ceremony's state.</summary>
public sealed class PasskeyAnswer
{
    /// <summary>Far above any real answer (a credential id is at most 1023 bytes), far below what would cost the server.</summary>
    public const int MaxCredentialLength = 16 * 1024;

    public string? Credential { get; set; }

    public string? State { get; set; }

    public string? Name { get; set; }

    public bool RememberBrowser { get; set; }

    /// <summary>The answer, when there is one of a plausible size.</summary>
    public string? CredentialJson => Credential is { Length: > 0 and <= MaxCredentialLength } json ? json : null;
}
