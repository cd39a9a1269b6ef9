using System.Globalization;
using System.Security.Claims;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Localization;
using IdentityProvider.Settings;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Users;

/// <summary>
/// Remembers the language and time zone a user reads in, for what reaches them outside a page (the mails): the
/// pages' language at each completed sign-in and at the language switch while signed in, and the zone the browser
/// reported (the <see cref="LocalTimes.CookieName"/> cookie) when it names a known zone. One UPDATE, only when
/// something changed.
/// </summary>
public sealed class UserLanguages(ApplicationDbContext db, ClockedUserManager users, UiSettings ui, IHttpContextAccessor httpContextAccessor)
{
    /// <summary>At a completed sign-in: the language this request's pages are in.</summary>
    public Task RecordSignInAsync(ApplicationUser user) =>
        RecordAsync(user.Id, user.Language, user.TimeZone, CultureInfo.CurrentUICulture.TwoLetterISOLanguageName);

    /// <summary>The language switch: <paramref name="language"/> for the signed-in user, if any (anonymous choices stay in the cookie only).</summary>
    public async Task RecordChoiceAsync(ClaimsPrincipal principal, string language)
    {
        if (principal.Identity?.IsAuthenticated != true || users.GetUserId(principal) is not { } userId)
        {
            return;
        }

        var stored = await db.Users.AsNoTracking().Where(user => user.Id == userId)
            .Select(user => new { user.Language, user.TimeZone }).SingleOrDefaultAsync();
        if (stored is not null)
        {
            await RecordAsync(userId, stored.Language, stored.TimeZone, language);
        }
    }

    private async Task RecordAsync(string userId, string? storedLanguage, string? storedZone, string language)
    {
        if (!ui.Languages.Contains(language, StringComparer.Ordinal))
        {
            return;
        }

        // Note: a browser that reports no zone (or an unknown one) keeps the zone recorded before.
        var zone = BrowserZone() ?? storedZone;
        if (language == storedLanguage && zone == storedZone)
        {
            return;
        }

        // One UPDATE of two columns, like the sign-in's LastSignInAt: no concurrency stamp to collide with a parallel
        // change of the user (20 parallel OTP posts), and the loaded user row is left as it was: marking it changed
        // would make the request's next SaveChanges write the whole row under its concurrency stamp.
        await db.Users.Where(candidate => candidate.Id == userId)
            .ExecuteUpdateAsync(update => update.SetProperty(candidate => candidate.Language, language).SetProperty(candidate => candidate.TimeZone, zone));
    }

    /// <summary>The zone the browser reported, when it is one this machine knows (its IANA name).</summary>
    private string? BrowserZone() =>
        httpContextAccessor.HttpContext?.Request.Cookies[LocalTimes.CookieName] is { Length: > 0 and <= 64 } name
        && TimeZoneInfo.TryFindSystemTimeZoneById(name, out var zone)
            ? zone.Id
            : null;
}
