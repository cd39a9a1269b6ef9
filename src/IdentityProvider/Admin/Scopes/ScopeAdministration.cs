using IdentityProvider.Auditing;
using IdentityProvider.Changes;
using IdentityProvider.Clients;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.OutputCaching;
using OpenIddict.Abstractions;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace IdentityProvider.Admin.Scopes;

/// <summary>
/// The API scopes clients and personal access tokens may request (admin pages and API), through OpenIddict's
/// scope manager. Each change is logged with the actor and evicts this instance's cached discovery document.
/// </summary>
public sealed class ScopeAdministration(
    IOpenIddictScopeManager scopes,
    IOpenIddictApplicationManager applications,
    IOutputCacheStore outputCache,
    ChangeAnnouncer changes,
    SecurityLog securityLog)
{
    public async Task<IReadOnlyList<ScopeRegistration>> ListAsync()
    {
        var found = new List<ScopeRegistration>();
        await foreach (var scope in scopes.ListAsync(count: null, offset: null))
        {
            found.Add(await RegistrationOfAsync(scope));
        }

        return [.. found.OrderBy(scope => scope.Name, StringComparer.Ordinal)];
    }

    public async Task<ScopeRegistration?> FindAsync(string name) =>
        await scopes.FindByNameAsync(name) is { } scope ? await RegistrationOfAsync(scope) : null;

    public async Task<ChangeResult> CreateAsync(ScopeRegistration scope, string actorId)
    {
        if (scope.Problems() is { Count: > 0 } problems)
        {
            return ChangeResult.Invalid(problems);
        }

        if (await scopes.FindByNameAsync(scope.Name) is not null)
        {
            return ChangeResult.Conflict(new Sentence("Scopes.Exists", scope.Name), nameof(scope.Name));
        }

        try
        {
            await scopes.CreateAsync(new OpenIddictScopeDescriptor { Name = scope.Name, DisplayName = scope.DisplayName, Description = Optional(scope.Description) });
        }
        catch (OpenIddictExceptions.ValidationException exception)
        {
            return Refused(exception);
        }

        await ChangedAsync(SecurityEventKinds.ScopeCreated, $"scope {scope.Name}: \"{scope.DisplayName}\"", actorId);
        return ChangeResult.Done();
    }

    /// <summary>Changes the display name and the description; the name stays (clients and tokens refer to it).</summary>
    public async Task<ChangeResult> UpdateAsync(string name, string displayName, string description, string actorId)
    {
        if (await scopes.FindByNameAsync(name) is not { } stored)
        {
            return ChangeResult.NotFound();
        }

        var scope = new ScopeRegistration(name, displayName, description);
        if (scope.Problems() is { Count: > 0 } problems)
        {
            return ChangeResult.Invalid(problems);
        }

        var descriptor = new OpenIddictScopeDescriptor();
        await scopes.PopulateAsync(descriptor, stored);
        descriptor.DisplayName = displayName;
        descriptor.Description = Optional(description);
        try
        {
            await scopes.UpdateAsync(stored, descriptor);
        }
        catch (OpenIddictExceptions.ConcurrencyException)
        {
            return ChangeResult.Conflict(new Sentence("Scopes.ChangedMeanwhile"), nameof(scope.Name));
        }

        await ChangedAsync(SecurityEventKinds.ScopeUpdated, $"scope {name}: \"{displayName}\"", actorId);
        return ChangeResult.Done();
    }

    /// <summary>Deletes a scope no client is permitted; one in use is refused with the clients that use it.</summary>
    public async Task<ChangeResult> DeleteAsync(string name, string actorId)
    {
        if (await scopes.FindByNameAsync(name) is not { } stored)
        {
            return ChangeResult.NotFound();
        }

        if (await ClientsUsingAsync(name) is { Count: > 0 } users)
        {
            return ChangeResult.Conflict(new Sentence("Scopes.InUse", name, string.Join(", ", users)), nameof(ScopeRegistration.Name));
        }

        await scopes.DeleteAsync(stored);
        await ChangedAsync(SecurityEventKinds.ScopeDeleted, $"scope {name}", actorId);
        return ChangeResult.Done();
    }

    private async Task<List<string>> ClientsUsingAsync(string name)
    {
        var users = new List<string>();
        await foreach (var application in applications.ListAsync(count: null, offset: null))
        {
            if (await applications.HasPermissionAsync(application, Permissions.Prefixes.Scope + name))
            {
                users.Add(await applications.GetClientIdAsync(application) ?? "?");
            }
        }

        return users;
    }

    /// <summary>
    /// Logs the change and evicts this instance's discovery document, which lists the scopes, at once; the other
    /// instances evict theirs once the change is announced (within 2 seconds, Hosting/DiscoveryOnScopeChange).
    /// </summary>
    private async Task ChangedAsync(string kind, string detail, string actorId)
    {
        await outputCache.EvictByTagAsync(DiscoveryCache.Tag, CancellationToken.None);
        await changes.AnnounceAsync(ChangeKinds.Scopes, actorId);
        await securityLog.WriteAsync(kind, null, detail, actorId);
    }

    private async Task<ScopeRegistration> RegistrationOfAsync(object scope) => new(
        await scopes.GetNameAsync(scope) ?? "",
        await scopes.GetDisplayNameAsync(scope) ?? "",
        await scopes.GetDescriptionAsync(scope) ?? "");

    private static string? Optional(string value) => value.Length == 0 ? null : value;

    private static Refusal Refused(OpenIddictExceptions.ValidationException exception) =>
        ChangeResult.Invalid([.. exception.Results.Select(result => new FieldProblem(result.MemberNames.FirstOrDefault() ?? "", result.ErrorMessage is { } message ? Sentence.Plain(message) : new Sentence("Rules.NotValid")))]);
}
