using System.Security.Cryptography;
using System.Text;
using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Sessions;
using IdentityProvider.Settings;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.IdentityModel.Tokens;

namespace IdentityProvider.TwoStep;

/// <summary>
/// "Remember one-time password on this browser": a random value in a cookie (one per user), stored
/// server-side as a hash with the user's security stamp, so the account page can list and forget it and
/// a password change voids it.
/// </summary>
public sealed class RememberedBrowsers(
    ApplicationDbContext db,
    UserManager<ApplicationUser> users,
    IHttpContextAccessor httpContextAccessor,
    ProviderSettings settings,
    SecurityLog securityLog,
    TimeProvider time) : ISessionEndHandler
{
    private HttpContext Http => httpContextAccessor.HttpContext ?? throw new InvalidOperationException("No HTTP request.");

    public async Task RememberAsync(ApplicationUser user, int days)
    {
        var token = Base64UrlEncoder.Encode(RandomNumberGenerator.GetBytes(32));
        var now = time.GetUtcNow();
        var expires = now.AddDays(days);
        db.RememberedBrowsers.Add(new RememberedBrowser
        {
            Id = Guid.NewGuid(),
            UserId = user.Id,
            TokenHash = Hash(token),
            SecurityStamp = await users.GetSecurityStampAsync(user),
            UserAgent = Http.Request.Headers.UserAgent.ToString() is { Length: > 256 } agent ? agent[..256] : Http.Request.Headers.UserAgent.ToString(),
            CreatedAt = now,
            ExpiresAt = expires,
            LastUsedAt = now,
        });
        await db.SaveChangesAsync();
        Http.Response.Cookies.Append(CookieName(user.Id), token, new CookieOptions
        {
            HttpOnly = true,
            Secure = settings.Server.RequireHttps || Http.Request.IsHttps,
            SameSite = SameSiteMode.Lax,
            Expires = expires,
            IsEssential = true,
        });
    }

    /// <summary>Whether this browser may skip the OTP step for the user now; records the use.</summary>
    public async Task<bool> IsRememberedAsync(ApplicationUser user)
    {
        if (!Http.Request.Cookies.TryGetValue(CookieName(user.Id), out var token) || token.Length > 100)
        {
            return false;
        }

        var now = time.GetUtcNow();
        var stamp = await users.GetSecurityStampAsync(user);
        var hash = Hash(token);
        return await db.RememberedBrowsers
            .Where(browser => browser.UserId == user.Id && browser.TokenHash == hash && browser.ExpiresAt > now && browser.SecurityStamp == stamp)
            .ExecuteUpdateAsync(update => update.SetProperty(browser => browser.LastUsedAt, now)) == 1;
    }

    public Task<List<RememberedBrowser>> ListAsync(string userId)
    {
        var now = time.GetUtcNow();
        return db.RememberedBrowsers.AsNoTracking()
            .Where(browser => browser.UserId == userId && browser.ExpiresAt > now)
            .OrderByDescending(browser => browser.LastUsedAt).ToListAsync();
    }

    /// <summary>A remembered browser is remembered "until the user signs out" (docs/ARCHITECTURE.md).</summary>
    public Task SessionEndingAsync(string userId) => ForgetCurrentAsync(userId);

    /// <summary>Forgets this browser for the user (on sign-out).</summary>
    private async Task ForgetCurrentAsync(string userId)
    {
        var cookie = CookieName(userId);
        if (Http.Request.Cookies.TryGetValue(cookie, out var token))
        {
            var hash = Hash(token);
            await db.RememberedBrowsers.Where(browser => browser.UserId == userId && browser.TokenHash == hash).ExecuteDeleteAsync();
            Http.Response.Cookies.Delete(cookie);
        }
    }

    /// <summary>The user forgets one of their browsers on the account page; false when it was not theirs or is gone.</summary>
    public async Task<bool> ForgetOneByOwnerAsync(string userId, Guid id)
    {
        if (await db.RememberedBrowsers.Where(browser => browser.UserId == userId && browser.Id == id).ExecuteDeleteAsync() != 1)
        {
            return false;
        }

        await securityLog.WriteAsync(SecurityEventKinds.BrowsersForgotten, userId, "one browser");
        return true;
    }

    /// <summary>The user forgets all their browsers on the account page ("Forget all"), logged with how many.</summary>
    public async Task ForgetAllByOwnerAsync(string userId)
    {
        var count = await ForgetAllAsync(userId);
        await securityLog.WriteAsync(SecurityEventKinds.BrowsersForgotten, userId, $"all ({count})");
    }

    /// <summary>Forgets every browser of the user (password or device change), logged by the change that caused it.</summary>
    public Task<int> ForgetAllAsync(string userId) =>
        db.RememberedBrowsers.Where(browser => browser.UserId == userId).ExecuteDeleteAsync();

    private static string CookieName(string userId) =>
        "idp.rb." + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(userId)))[..16];

    private static byte[] Hash(string token) => SHA256.HashData(Encoding.UTF8.GetBytes(token));
}
