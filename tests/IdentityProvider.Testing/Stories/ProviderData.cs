using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace IdentityProvider.Testing.Stories;

/// <summary>What the provider stored, read (or changed, as time or another instance would) straight from its database.</summary>
public static class ProviderData
{
    /// <summary>Runs <paramref name="query"/> on a context of its own.</summary>
    public static async Task<T> QueryAsync<T>(this ProviderFactory factory, Func<ApplicationDbContext, Task<T>> query)
    {
        using var scope = factory.Services.CreateScope();
        return await query(scope.ServiceProvider.GetRequiredService<ApplicationDbContext>());
    }

    /// <summary>Runs a service of the provider in a scope of its own (what a page or another instance would call).</summary>
    public static async Task<T> WithServiceAsync<TService, T>(this ProviderFactory factory, Func<TService, Task<T>> use)
        where TService : notnull
    {
        using var scope = factory.Services.CreateScope();
        return await use(scope.ServiceProvider.GetRequiredService<TService>());
    }

    public static Task<ApplicationUser> ReadUserAsync(this ProviderFactory factory, string userId) =>
        factory.QueryAsync(db => db.Users.AsNoTracking().SingleAsync(user => user.Id == userId));

    public static Task<OtpDevice> ReadDeviceAsync(this ProviderFactory factory, Guid deviceId) =>
        factory.QueryAsync(db => db.OtpDevices.AsNoTracking().SingleAsync(device => device.Id == deviceId));

    public static Task<List<RecoveryCode>> ReadRecoveryCodesAsync(this ProviderFactory factory, string userId) =>
        factory.QueryAsync(db => db.RecoveryCodes.AsNoTracking().Where(code => code.UserId == userId).ToListAsync());

    /// <summary>The user's security log, oldest first.</summary>
    public static Task<List<SecurityEvent>> SecurityEventsAsync(this ProviderFactory factory, string userId) =>
        factory.QueryAsync(db => db.SecurityEvents.AsNoTracking().Where(row => row.UserId == userId).OrderBy(row => row.Id).ToListAsync());

    /// <summary>Every security event of one kind, whoever it concerns (events of no known user included).</summary>
    public static Task<List<SecurityEvent>> SecurityEventsOfKindAsync(this ProviderFactory factory, string kind) =>
        factory.QueryAsync(db => db.SecurityEvents.AsNoTracking().Where(row => row.Kind == kind).OrderBy(row => row.Id).ToListAsync());

    /// <summary>Changes a stored user directly.</summary>
    public static Task UpdateUserAsync(this ProviderFactory factory, string userId, Action<ApplicationUser> change) =>
        factory.QueryAsync(async db =>
        {
            change(await db.Users.SingleAsync(user => user.Id == userId));
            return await db.SaveChangesAsync();
        });
}
