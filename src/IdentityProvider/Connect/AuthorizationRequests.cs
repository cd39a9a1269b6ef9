using IdentityProvider.Sessions;
using Microsoft.AspNetCore.WebUtilities;
using Microsoft.Extensions.Primitives;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Connect;

/// <summary>Rules about an authorization request that do not need the database.</summary>
internal static class AuthorizationRequests
{
    /// <summary>
    /// Whether the request demands a sign-in newer than the current session: <c>prompt=login</c>, or a
    /// <c>max_age</c> the session is older than.
    /// </summary>
    public static bool NeedsFreshSignIn(OpenIddictRequest request, SessionProof proof, DateTimeOffset now) =>
        request.HasPromptValue(PromptValues.Login)
        || (request.MaxAge is { } maxAge && now - proof.AuthenticatedAt > TimeSpan.FromSeconds(maxAge));

    /// <summary>The levels <c>acr_values</c> may ask for, weakest first.</summary>
    private static readonly string[] Levels =
        [AuthenticationMethods.PasswordLevel, AuthenticationMethods.MultiFactorLevel, AuthenticationMethods.PhishingResistantLevel];

    /// <summary>
    /// Whether the relying party demands both steps: every level it listed in <c>acr_values</c> is <c>mfa</c> or <c>phr</c>.
    /// Note: acr_values lists the values the relying party accepts (OpenID Connect Core 3.1.2.1), so the weakest of them
    /// is what it demands; <c>phr mfa pwd</c> demands nothing. Values that are not levels (<c>in-person</c>) do not count.
    /// </summary>
    public static bool DemandsMultiFactor(OpenIddictRequest request) => WeakestLevelAsked(request) >= 1;

    /// <summary>Whether the relying party demands a phishing-resistant sign-in: <c>phr</c> is the only level it listed (a passkey as one of two steps).</summary>
    public static bool DemandsPasskey(OpenIddictRequest request) => WeakestLevelAsked(request) == 2;

    /// <summary>The index in <see cref="Levels"/> of the weakest level listed; -1 when none is.</summary>
    private static int WeakestLevelAsked(OpenIddictRequest request) =>
        (request.AcrValues?.Split(' ', StringSplitOptions.RemoveEmptyEntries) ?? [])
            .Select(value => Array.IndexOf(Levels, value)).Where(level => level >= 0).DefaultIfEmpty(-1).Min();

    /// <summary>Whether the relying party wants the user in person (<c>acr_values=in-person</c>), not an administrator signed in as the user.</summary>
    public static bool DemandsUserInPerson(OpenIddictRequest request) => AsksFor(request, AuthenticationMethods.InPersonLevel);

    private static bool AsksFor(OpenIddictRequest request, string acr) =>
        request.AcrValues?.Split(' ', StringSplitOptions.RemoveEmptyEntries).Contains(acr) == true;

    /// <summary>The same, read from the authorize URL a sign-in page will return to.</summary>
    public static bool DemandsMultiFactor(string? returnUrl) =>
        FromReturnUrl(returnUrl) is { } request && DemandsMultiFactor(request);

    /// <summary>The same, read from the authorize URL a sign-in page will return to.</summary>
    public static bool DemandsPasskey(string? returnUrl) =>
        FromReturnUrl(returnUrl) is { } request && DemandsPasskey(request);

    /// <summary>The address the relying party already knows (<c>login_hint</c>), for the sign-in page's e-mail field.</summary>
    public static string? LoginHint(string? returnUrl) =>
        FromReturnUrl(returnUrl)?.LoginHint?.Trim() is { Length: > 0 and <= 256 } hint ? hint : null;

    /// <summary>
    /// The authorization request a sign-in page will return to, when its return URL is one; null for any other page.
    /// </summary>
    public static OpenIddictRequest? FromReturnUrl(string? returnUrl) =>
        returnUrl is not null && returnUrl.StartsWith(ConnectPaths.Authorize + "?", StringComparison.Ordinal)
            ? new OpenIddictRequest(QueryHelpers.ParseQuery(returnUrl[returnUrl.IndexOf('?')..]))
            : null;

    /// <summary>The password page, returning to <paramref name="returnUrl"/>; <paramref name="fresh"/> rules out a remembered browser.</summary>
    public static string LoginUrl(string returnUrl, bool fresh) =>
        "/Account/Login?ReturnUrl=" + Uri.EscapeDataString(returnUrl) + (fresh ? "&Fresh=true" : "");

    /// <summary>
    /// The authorize URL to come back to after signing in. Note: <c>prompt=login</c> and <c>max_age</c> are
    /// dropped because the sign-in they asked for has just happened; keeping them would loop.
    /// </summary>
    public static string ReturnUrl(HttpContext context, bool afterFreshSignIn)
    {
        var source = context.Request.HasFormContentType ? context.Request.Form.ToList() : context.Request.Query.ToList();
        var parameters = new List<KeyValuePair<string, StringValues>>();
        foreach (var (key, value) in source)
        {
            if (key is "__RequestVerificationToken" or ConsentForm.DecisionField || (afterFreshSignIn && key == Parameters.MaxAge))
            {
                continue;
            }

            if (afterFreshSignIn && key == Parameters.Prompt)
            {
                var remaining = string.Join(' ', value.ToString().Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(prompt => prompt != PromptValues.Login));
                if (remaining.Length > 0)
                {
                    parameters.Add(new(key, remaining));
                }

                continue;
            }

            parameters.Add(new(key, value));
        }

        return context.Request.PathBase + context.Request.Path + QueryString.Create(parameters);
    }
}
