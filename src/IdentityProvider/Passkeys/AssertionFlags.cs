using System.Text.Json;
using Microsoft.AspNetCore.WebUtilities;

namespace IdentityProvider.Passkeys;

/// <summary>
/// What an assertion's JSON says beyond Identity's result, read after Identity verified it: the credential id (to find
/// whose passkey a refused answer used) and whether the authenticator verified the user in this very ceremony.
/// Note: Identity's passkey record keeps whether the user was ever verified (WebAuthn's uvInitialized), not this
/// ceremony's flag, and a passwordless sign-in counts as two steps only when this ceremony verified the user.
/// </summary>
public static class AssertionFlags
{
    /// <summary>The UV bit of the authenticator data's flags byte (after the 32-byte relying party id hash).</summary>
    private const byte UserVerifiedBit = 0x04;

    private const int FlagsOffset = 32;

    /// <summary>Whether the authenticator data of this assertion says the user was verified (PIN or biometric).</summary>
    public static bool UserVerified(string credentialJson)
    {
        var authenticatorData = Read(credentialJson, document =>
            document.RootElement.TryGetProperty("response", out var response) && response.ValueKind == JsonValueKind.Object
            && response.TryGetProperty("authenticatorData", out var data) && data.ValueKind == JsonValueKind.String
                ? data.GetString()
                : null);
        try
        {
            var bytes = authenticatorData is null ? [] : WebEncoders.Base64UrlDecode(authenticatorData);
            return bytes.Length > FlagsOffset && (bytes[FlagsOffset] & UserVerifiedBit) != 0;
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>The credential id the answer names (base64url), or null when it names none.</summary>
    public static string? CredentialIdOf(string credentialJson) =>
        Read(credentialJson, document =>
            document.RootElement.TryGetProperty("id", out var id) && id.ValueKind == JsonValueKind.String
                ? id.GetString()
                : null);

    private static string? Read(string credentialJson, Func<JsonDocument, string?> read)
    {
        try
        {
            using var document = JsonDocument.Parse(credentialJson);
            return document.RootElement.ValueKind == JsonValueKind.Object ? read(document) : null;
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
