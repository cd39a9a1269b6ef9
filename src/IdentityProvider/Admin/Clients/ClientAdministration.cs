using System.Security.Cryptography;
using IdentityProvider.Admin.Scopes;
using IdentityProvider.Auditing;
using IdentityProvider.Changes;
using IdentityProvider.Clients;
using IdentityProvider.Localization;
using Microsoft.AspNetCore.WebUtilities;
using OpenIddict.Abstractions;

namespace IdentityProvider.Admin.Clients;

/// <summary>
/// The relying parties (admin pages and API): list, create, edit, delete, rotate the secret. Through OpenIddict's
/// application manager, which validates too, hashes secrets and tells this instance's client cache at once; a change or
/// deletion is announced to the other instances (<see cref="ChangeAnnouncer"/>: their caches forget it within 2 seconds).
/// Every change is logged with the actor.
/// </summary>
public sealed class ClientAdministration(
    IOpenIddictApplicationManager applications,
    ScopeAdministration scopes,
    ChangeAnnouncer changes,
    SecurityLog securityLog)
{
    public async Task<IReadOnlyList<ClientRegistration>> ListAsync()
    {
        var clients = new List<ClientRegistration>();
        await foreach (var application in applications.ListAsync(count: null, offset: null))
        {
            clients.Add(await RegistrationOfAsync(application));
        }

        return [.. clients.OrderBy(client => client.ClientId, StringComparer.Ordinal)];
    }

    public async Task<ClientRegistration?> FindAsync(string clientId) =>
        await applications.FindByClientIdAsync(clientId) is { } application ? await RegistrationOfAsync(application) : null;

    /// <summary>
    /// The scopes a client may be given: the standard ones the provider serves and every registered one (not a standard
    /// scope it does not serve that an older seeding registered).
    /// </summary>
    public async Task<IReadOnlyList<string>> AvailableScopesAsync() =>
        [.. StandardScopes.All, .. (await scopes.ListAsync()).Select(scope => scope.Name).Except(StandardScopes.NotServed)];

    /// <summary>Registers the client; a confidential one gets a new secret, handed back this once (the result's value).</summary>
    public async Task<ChangeResult<string>> CreateAsync(ClientRegistration client, string actorId)
    {
        if (await ProblemsAsync(client) is { Count: > 0 } problems)
        {
            return ChangeResult.Invalid(problems);
        }

        if (await applications.FindByClientIdAsync(client.ClientId) is not null)
        {
            return ChangeResult.Conflict(new Sentence("Clients.Exists", client.ClientId), nameof(client.ClientId));
        }

        var secret = client.IsConfidential ? NewSecret() : null;
        try
        {
            await applications.CreateAsync(ClientDescriptors.Create(client, secret));
        }
        catch (OpenIddictExceptions.ValidationException exception)
        {
            return Refused(exception);
        }

        await securityLog.WriteAsync(SecurityEventKinds.ClientCreated, null, Describe(client), actorId, client.ClientId);
        return ChangeResult.Done(secret);
    }

    /// <summary>Replaces everything but the client id, the type and the secret.</summary>
    public async Task<ChangeResult> UpdateAsync(string clientId, ClientRegistration client, string actorId)
    {
        if (await applications.FindByClientIdAsync(clientId) is not { } application)
        {
            return ChangeResult.NotFound();
        }

        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application);
        var before = ClientDescriptors.ToRegistration(descriptor);
        if (client.Type != before.Type)
        {
            return ChangeResult.Invalid([new(nameof(client.Type), new Sentence("Clients.Type.Fixed"))]);
        }

        client = client with { ClientId = clientId };
        if (await ProblemsAsync(client) is { Count: > 0 } problems)
        {
            return ChangeResult.Invalid(problems);
        }

        // Note: the descriptor keeps the stored secret's hash; OpenIddict hashes again only a changed value.
        ClientDescriptors.Apply(client, descriptor);
        try
        {
            await applications.UpdateAsync(application, descriptor);
        }
        catch (OpenIddictExceptions.ConcurrencyException)
        {
            return ChangeResult.Conflict(new Sentence("Clients.ChangedMeanwhile"), nameof(client.ClientId));
        }
        catch (OpenIddictExceptions.ValidationException exception)
        {
            return Refused(exception);
        }

        await changes.AnnounceAsync(ChangeKinds.Clients, actorId);
        await securityLog.WriteAsync(SecurityEventKinds.ClientUpdated, null, $"{Describe(before)} -> {Describe(client)}", actorId, clientId);
        return ChangeResult.Done();
    }

    /// <summary>Deletes the client with its authorizations and tokens (OpenIddict's store does both).</summary>
    public async Task<ChangeResult> DeleteAsync(string clientId, string actorId)
    {
        if (await applications.FindByClientIdAsync(clientId) is not { } application)
        {
            return ChangeResult.NotFound();
        }

        var before = await RegistrationOfAsync(application);
        await applications.DeleteAsync(application);
        await changes.AnnounceAsync(ChangeKinds.Clients, actorId);
        await securityLog.WriteAsync(SecurityEventKinds.ClientDeleted, null, Describe(before), actorId, clientId);
        return ChangeResult.Done();
    }

    /// <summary>A new secret for a confidential client, handed back this once (the result's value); the old one stops working.</summary>
    public async Task<ChangeResult<string>> RotateSecretAsync(string clientId, string actorId)
    {
        if (await applications.FindByClientIdAsync(clientId) is not { } application)
        {
            return ChangeResult.NotFound();
        }

        if (!await applications.HasClientTypeAsync(application, OpenIddictConstants.ClientTypes.Confidential))
        {
            return ChangeResult.Conflict(new Sentence("Clients.Secret.Public"), nameof(ClientRegistration.Type));
        }

        var secret = NewSecret();
        // Warning: the secret goes to OpenIddict only, which stores its hash; the log says that it changed, never what it is.
        await applications.UpdateAsync(application, secret);
        await changes.AnnounceAsync(ChangeKinds.Clients, actorId);
        await securityLog.WriteAsync(SecurityEventKinds.ClientSecretRotated, null, "new client secret", actorId, clientId);
        return ChangeResult.Done(secret);
    }

    private async Task<ClientRegistration> RegistrationOfAsync(object application)
    {
        var descriptor = new OpenIddictApplicationDescriptor();
        await applications.PopulateAsync(descriptor, application);
        return ClientDescriptors.ToRegistration(descriptor);
    }

    private async Task<IReadOnlyList<FieldProblem>> ProblemsAsync(ClientRegistration client) =>
        ClientRules.Problems(client, (await AvailableScopesAsync()).ToHashSet(StringComparer.Ordinal));

    private static Refusal Refused(OpenIddictExceptions.ValidationException exception) =>
        ChangeResult.Invalid([.. exception.Results.Select(result => new FieldProblem(result.MemberNames.FirstOrDefault() ?? "", result.ErrorMessage is { } message ? Sentence.Plain(message) : new Sentence("Rules.NotValid")))]);

    /// <summary>256 random bits, URL-safe: what a relying party pastes into its configuration.</summary>
    private static string NewSecret() => WebEncoders.Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>The registration for the security log: every field but the (never included) secret.</summary>
    private static string Describe(ClientRegistration client) =>
        $"{client.Type}, \"{client.DisplayName}\", grants [{string.Join(" ", client.GrantTypes)}], scopes [{string.Join(" ", client.Scopes)}], "
        + $"redirect [{string.Join(" ", client.RedirectUris)}], post-logout [{string.Join(" ", client.PostLogoutRedirectUris)}], consent {client.ConsentType}"
        + (client.RefusesImpersonation ? ", refuses impersonation" : "");
}
