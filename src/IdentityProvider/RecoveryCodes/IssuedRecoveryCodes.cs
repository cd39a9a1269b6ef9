using Microsoft.AspNetCore.Mvc.ViewFeatures;

namespace IdentityProvider.RecoveryCodes;

/// <summary>
/// Carries a freshly generated set from the POST that made it to the page that shows it (post, redirect,
/// get), so a reload or the back button shows nothing: the codes are read once and then gone.
/// </summary>
/// <remarks>
/// Warning: TempData lives in a cookie encrypted and signed with Data Protection, deleted by the request
/// that reads it, so the codes sit only in the browser they are about to be shown in, for one redirect.
/// They are tied to the user they belong to, so an administrator's page for one user never shows another's.
/// </remarks>
public static class IssuedRecoveryCodes
{
    private const string UserKey = "RecoveryCodes.For";
    private const string CodesKey = "RecoveryCodes.Codes";
    private const string OwnerPrefix = "user:";

    public static void Keep(ITempDataDictionary tempData, string userId, IReadOnlyList<string> codes)
    {
        // Note: plain strings with a prefix, because the TempData serializer reads a string that looks like a
        // GUID or a date back as a Guid or DateTime (user ids are GUIDs), and string lists vary by version.
        tempData[UserKey] = OwnerPrefix + userId;
        tempData[CodesKey] = string.Join(' ', codes);
    }

    /// <summary>The codes generated for <paramref name="userId"/>, once; null when there are none (any others are dropped).</summary>
    public static IReadOnlyList<string>? Take(ITempDataDictionary tempData, string userId)
    {
        var owner = tempData[UserKey] as string;
        var codes = (tempData[CodesKey] as string)?.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return owner == OwnerPrefix + userId && codes is { Length: > 0 } ? codes : null;
    }
}

/// <summary>What the <c>_RecoveryCodeList</c> partial renders: the codes, and whose they are (for the file and the printout).</summary>
public sealed record RecoveryCodeListModel(IReadOnlyList<string> Codes, string Account, string Issuer);
