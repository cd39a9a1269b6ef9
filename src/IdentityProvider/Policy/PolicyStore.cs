using System.Text.Json;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.Settings;
using Microsoft.EntityFrameworkCore;

namespace IdentityProvider.Policy;

/// <summary>
/// The policy in force on this instance: the stored document, or the configured defaults until one is saved.
/// Read from memory on every request (hot paths such as the token exchange ask it); <see cref="RefreshAsync"/>
/// picks up a change made on any instance by comparing one version number.
/// </summary>
public sealed class PolicyStore(ProviderSettings settings, IServiceScopeFactory scopes, ILogger<PolicyStore> logger) : ICurrentPolicy
{
    public const string SettingName = "policy";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private volatile Snapshot current = new(ProviderPolicy.FromSettings(settings), 0);

    public ProviderPolicy Current => current.Policy;

    /// <summary>The version of <see cref="Current"/>: 0 for the configured defaults.</summary>
    public long Version => current.Version;

    public ProviderPolicy Defaults => ProviderPolicy.FromSettings(settings);

    /// <summary>Reloads the stored policy when its version moved (one indexed read when it did not).</summary>
    public async Task RefreshAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        var version = await db.StoredSettings.AsNoTracking().Where(setting => setting.Name == SettingName)
            .Select(setting => (long?)setting.Version).FirstOrDefaultAsync(cancellationToken);
        if (version is null || version == current.Version)
        {
            return;
        }

        var stored = await db.StoredSettings.AsNoTracking().SingleAsync(setting => setting.Name == SettingName, cancellationToken);
        Apply(stored);
    }

    /// <summary>
    /// Saves <paramref name="policy"/> if the stored one is still at <paramref name="expectedVersion"/>; false when
    /// someone saved in between (nothing is written then).
    /// </summary>
    public async Task<bool> SaveAsync(ApplicationDbContext db, ProviderPolicy policy, long expectedVersion, string actor, DateTimeOffset now)
    {
        var stored = await db.StoredSettings.SingleOrDefaultAsync(setting => setting.Name == SettingName);
        if ((stored?.Version ?? 0) != expectedVersion)
        {
            return false;
        }

        if (stored is null)
        {
            stored = new StoredSetting { Name = SettingName };
            db.StoredSettings.Add(stored);
        }

        stored.Json = JsonSerializer.Serialize(policy, Json);
        stored.Version = expectedVersion + 1;
        stored.UpdatedAt = now;
        stored.UpdatedBy = actor;
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException)
        {
            // Another instance inserted or updated it at the same moment (key or version check).
            db.ChangeTracker.Clear();
            return false;
        }

        Apply(stored);
        return true;
    }

    private void Apply(StoredSetting stored)
    {
        try
        {
            var policy = JsonSerializer.Deserialize<ProviderPolicy>(stored.Json, Json) ?? throw new JsonException("empty document");
            current = new Snapshot(policy, stored.Version);
        }
        catch (JsonException error)
        {
            // Warning: a corrupt row must not take the provider down; the last good policy stays in force.
            logger.LogError(error, "The stored policy (version {Version}) cannot be read; keeping version {Current}", stored.Version, current.Version);
        }
    }

    private sealed record Snapshot(ProviderPolicy Policy, long Version);
}
