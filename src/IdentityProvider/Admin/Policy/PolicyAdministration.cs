using System.Text.Json;
using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Localization;
using IdentityProvider.Policy;

namespace IdentityProvider.Admin.Policy;

/// <summary>Changing the policy (admin page and API): checked, saved for every instance, and logged with what changed.</summary>
public sealed class PolicyAdministration(PolicyStore store, ApplicationDbContext db, SecurityLog securityLog, TimeProvider time)
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public ProviderPolicy Current => store.Current;

    public long Version => store.Version;

    /// <param name="expectedVersion">The version the change was made from; null to overwrite whatever is stored.</param>
    public async Task<ChangeResult> SaveAsync(ProviderPolicy policy, long? expectedVersion, string actorId)
    {
        if (policy.Problems() is { Count: > 0 } problems)
        {
            return ChangeResult.Invalid(problems);
        }

        await store.RefreshAsync();
        var before = store.Current;
        if (!await store.SaveAsync(db, policy, expectedVersion ?? store.Version, actorId, time.GetUtcNow()))
        {
            return ChangeResult.Conflict(new Sentence("Policy.Conflict", store.Version));
        }

        await securityLog.WriteAsync(SecurityEventKinds.PolicyChanged, null, Describe(before, policy), actorId);
        return ChangeResult.Done();
    }

    /// <summary>"changed: LockoutThreshold 5 -> 3, TotpAllowed true -> false", for the security log.</summary>
    private static string Describe(ProviderPolicy before, ProviderPolicy after)
    {
        var old = JsonSerializer.SerializeToElement(before, Json);
        var changes = JsonSerializer.SerializeToElement(after, Json).EnumerateObject()
            .Where(property => !old.TryGetProperty(property.Name, out var value) || value.GetRawText() != property.Value.GetRawText())
            .Select(property => $"{property.Name} {(old.TryGetProperty(property.Name, out var value) ? value.GetRawText() : "-")} -> {property.Value.GetRawText()}")
            .ToList();
        return changes.Count == 0 ? "saved without changes" : "changed: " + string.Join(", ", changes);
    }
}
