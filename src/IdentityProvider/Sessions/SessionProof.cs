using System.Globalization;
using System.Security.Claims;
using System.Text.Json;
using Microsoft.IdentityModel.JsonWebTokens;
using OpenIddict.Abstractions;

namespace IdentityProvider.Sessions;

/// <summary>
/// What a sign-in proved and when: kept in the session cookie as <c>amr</c> and <c>auth_time</c> claims,
/// copied into every token issued from that session, and read back from codes and refresh tokens.
/// </summary>
/// <param name="SecondStepAt">
/// When the user last entered a one-time password (or recovery code) in this session: at sign-in, or again
/// when the admin area asked for a fresh code. Kept in the session cookie only.
/// </param>
/// <param name="SessionId">The server-side session (<see cref="ServerSessions"/>) the cookie belongs to.</param>
/// <param name="Actor">
/// The administrator who opened this session as the user; the methods, time and second step are then the administrator's.
/// </param>
public sealed record SessionProof(
    IReadOnlyList<string> Methods,
    DateTimeOffset AuthenticatedAt,
    DateTimeOffset? SecondStepAt = null,
    Guid? SessionId = null,
    ActingAdministrator? Actor = null)
{
    public const string MethodClaim = OpenIddictConstants.Claims.AuthenticationMethodReference;
    public const string AuthTimeClaim = OpenIddictConstants.Claims.AuthenticationTime;
    public const string SecondStepClaim = "idp_second_step_at";
    public const string SessionIdClaim = "idp_sid";

    public static SessionProof PasswordOnly(DateTimeOffset now) => FirstStepOnly(AuthenticationMethods.Password, now);

    public static SessionProof PasswordAndOtp(DateTimeOffset now) => FirstStepAndOtp(AuthenticationMethods.Password, now);

    /// <summary>A sign-in whose OTP step did not run: <paramref name="firstStep"/> alone (<c>pwd</c>, or <c>fed</c> after an external provider).</summary>
    public static SessionProof FirstStepOnly(string firstStep, DateTimeOffset now) => new([firstStep], now);

    /// <summary>Both steps: <paramref name="firstStep"/>, then a one-time password (or recovery code).</summary>
    public static SessionProof FirstStepAndOtp(string firstStep, DateTimeOffset now) => BothSteps(firstStep, AuthenticationMethods.OneTimePassword, now);

    /// <summary>Both steps: <paramref name="firstStep"/>, then a passkey (<c>["pwd","hwk","mfa"]</c>).</summary>
    public static SessionProof FirstStepAndPasskey(string firstStep, DateTimeOffset now) => BothSteps(firstStep, AuthenticationMethods.HardwareKey, now);

    /// <summary>
    /// A passwordless sign-in: a passkey whose authenticator verified the user (PIN or biometric) proved possession and
    /// the user at once, both steps (<c>["hwk","user","mfa"]</c>).
    /// </summary>
    public static SessionProof VerifiedPasskey(DateTimeOffset now) => BothSteps(AuthenticationMethods.HardwareKey, AuthenticationMethods.UserPresenceVerified, now);

    private static SessionProof BothSteps(string firstStep, string secondStep, DateTimeOffset now) =>
        new([firstStep, secondStep, AuthenticationMethods.MultiFactor], now, now);

    /// <summary>What proved the first step: <c>fed</c> (an external provider), <c>hwk</c> (a passkey), else <c>pwd</c>.</summary>
    public string FirstStep => Methods.FirstOrDefault(AuthenticationMethods.IsFirstStep) ?? AuthenticationMethods.Password;

    public bool IsMultiFactor => Methods.Contains(AuthenticationMethods.MultiFactor);

    /// <summary>Both steps, one of them a passkey: a phishing page could not have relayed this sign-in.</summary>
    public bool IsPhishingResistant => IsMultiFactor && Methods.Contains(AuthenticationMethods.HardwareKey);

    /// <summary><c>phr</c> (a passkey was one of two steps), <c>mfa</c> (two steps), else <c>pwd</c>.</summary>
    public string Acr => IsPhishingResistant ? AuthenticationMethods.PhishingResistantLevel
        : IsMultiFactor ? AuthenticationMethods.MultiFactorLevel
        : AuthenticationMethods.PasswordLevel;

    public long AuthTimeSeconds => AuthenticatedAt.ToUnixTimeSeconds();

    public IEnumerable<Claim> ToClaims()
    {
        var claims = Methods.Select(method => new Claim(MethodClaim, method))
            .Append(new Claim(AuthTimeClaim, AuthTimeSeconds.ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        if (SecondStepAt is { } at)
        {
            claims = claims.Append(new Claim(SecondStepClaim, at.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture), ClaimValueTypes.Integer64));
        }

        if (Actor is not null)
        {
            claims = claims.Concat(Actor.ToClaims());
        }

        return SessionId is { } id ? claims.Append(new Claim(SessionIdClaim, id.ToString())) : claims;
    }

    /// <summary>Reads the proof back from a session or token principal; null when it carries none.</summary>
    public static SessionProof? From(ClaimsPrincipal? principal)
    {
        var methods = principal?.FindAll(MethodClaim).SelectMany(Values).Distinct().ToArray();
        var authTime = principal?.FindFirst(AuthTimeClaim)?.Value;
        if (methods is not { Length: > 0 }
            || !long.TryParse(authTime, NumberStyles.Integer, CultureInfo.InvariantCulture, out var seconds))
        {
            return null;
        }

        var secondStep = long.TryParse(principal?.FindFirst(SecondStepClaim)?.Value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var at)
            ? DateTimeOffset.FromUnixTimeSeconds(at)
            : (DateTimeOffset?)null;
        var sessionId = Guid.TryParse(principal?.FindFirst(SessionIdClaim)?.Value, out var session) ? session : (Guid?)null;
        return new SessionProof(methods, DateTimeOffset.FromUnixTimeSeconds(seconds), secondStep, sessionId, ActingAdministrator.From(principal));
    }

    // In the session cookie amr is one claim per method; inside codes and refresh tokens it is a JSON array.
    private static IEnumerable<string> Values(Claim claim) =>
        claim.ValueType == JsonClaimValueTypes.JsonArray
            ? JsonSerializer.Deserialize<string[]>(claim.Value) ?? []
            : [claim.Value];

    /// <summary>Keeps the proof when Identity rebuilds the session principal (security stamp check).</summary>
    public static void CopyClaims(ClaimsPrincipal? from, ClaimsPrincipal? to)
    {
        var proof = From(from);
        if (proof is null || to?.Identity is not ClaimsIdentity identity || From(to) is not null)
        {
            return;
        }

        identity.AddClaims(proof.ToClaims());
    }
}
