using System.Text;
using Microsoft.AspNetCore.WebUtilities;

namespace IdentityProvider.Users;

/// <summary>An Identity token (set-password or reset link) as it travels in a URL: base64url of its UTF-8 bytes.</summary>
public static class LinkCode
{
    public static string Encode(string token) => WebEncoders.Base64UrlEncode(Encoding.UTF8.GetBytes(token));

    /// <summary>The token, or null for anything a link of ours cannot carry (empty, over 4,096 characters, not base64url).</summary>
    public static string? Decode(string? code)
    {
        if (code is not { Length: > 0 and <= 4096 })
        {
            return null;
        }

        try
        {
            return Encoding.UTF8.GetString(WebEncoders.Base64UrlDecode(code));
        }
        catch (FormatException)
        {
            return null;
        }
    }
}
