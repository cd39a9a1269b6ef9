using IdentityProvider.HardwareTokens;
using Microsoft.Extensions.Localization;

namespace IdentityProvider.Areas.Admin.Pages.HardwareTokens;

/// <summary>A token's status in the reader's language (<see cref="HardwareTokenStatus.Describe"/> in English).</summary>
public static class TokenTexts
{
    public static string Status(IStringLocalizer text, string status) => status switch
    {
        HardwareTokenStatus.InStock => text["HardwareTokens.Status.InStock"],
        HardwareTokenStatus.Assigned => text["HardwareTokens.Status.Assigned"],
        HardwareTokenStatus.Disabled => text["HardwareTokens.Status.Disabled"],
        HardwareTokenStatus.Lost => text["HardwareTokens.Status.Lost"],
        _ => status,
    };

    /// <summary>"TOTP, SHA1, 6 digits, 30 s".</summary>
    public static string Kind(IStringLocalizer text, string type, string algorithm, int digits, int periodSeconds) =>
        $"{type.ToUpperInvariant()}, {algorithm}, {text["Common.Digits", digits]}" + (type == "totp" ? ", " + text["HardwareTokens.Seconds", periodSeconds] : "");
}
