using Microsoft.AspNetCore.WebUtilities;

namespace IdentityProvider.Passkeys;

/// <summary>Credential ids as pages and forms carry them: base64url, as WebAuthn's JSON does.</summary>
public static class CredentialIds
{
    /// <summary>Credential ids are at most 1023 bytes (WebAuthn).</summary>
    public const int MaxLength = 1023;

    public static string Encode(byte[] credentialId) => WebEncoders.Base64UrlEncode(credentialId);

    public static byte[]? Decode(string? id)
    {
        if (string.IsNullOrEmpty(id) || id.Length > 2 * MaxLength)
        {
            return null;
        }

        try
        {
            var bytes = WebEncoders.Base64UrlDecode(id);
            return bytes.Length is > 0 and <= MaxLength ? bytes : null;
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
