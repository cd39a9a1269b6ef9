using System.Security.Claims;
using IdentityProvider.Admin.Clients;
using IdentityProvider.Clients;
using IdentityProvider.Localization;

namespace IdentityProvider.Admin.Api;

/// <summary><c>/api/admin/clients</c>: the relying parties; a confidential client's secret is answered once, at creation or rotation.</summary>
public static class ClientEndpoints
{
    public static void MapClientEndpoints(this RouteGroupBuilder api)
    {
        var clients = api.MapGroup("/clients").WithTags("Clients");
        clients.MapGet("", async (ClientAdministration administration) => TypedResults.Ok(await administration.ListAsync()))
            .WithSummary("Every registered client (seeded ones included), without secrets.");
        clients.MapPost("", CreateAsync)
            .WithSummary("Registers a client. A confidential client's secret is in this answer only (stored hashed).")
            .Produces<CreatedClient>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        clients.MapGet("/{clientId}", GetAsync)
            .WithSummary("One client.")
            .Produces<ClientRegistration>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        clients.MapPut("/{clientId}", ReplaceAsync)
            .WithSummary("Replaces a client's registration (not its id, type or secret); other instances apply it within 30 seconds.")
            .Produces<ClientRegistration>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        clients.MapDelete("/{clientId}", DeleteAsync)
            .WithSummary("Deletes a client with its authorizations and tokens.")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound);
        clients.MapPost("/{clientId}/secret", RotateAsync)
            .WithSummary("Gives a confidential client a new secret, in this answer only; the old one stops working.")
            .Produces<CreatedClient>()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetAsync(string clientId, ClientAdministration administration) =>
        await administration.FindAsync(clientId) is { } client ? TypedResults.Ok(client) : Problems.NotFound("client");

    private static async Task<IResult> CreateAsync(ClientBody body, ClientAdministration administration, ClaimsPrincipal caller)
    {
        var registration = body.ToRegistration(body.ClientId);
        var result = await administration.CreateAsync(registration, AdminApiActor.Of(caller));
        return result.Succeeded
            ? TypedResults.Created($"{AdminApi.Prefix}/clients/{Uri.EscapeDataString(registration.ClientId)}",
                new CreatedClient(registration.ClientId, result.Value, await administration.FindAsync(registration.ClientId)))
            : Problems.Refusal(result, "client");
    }

    private static async Task<IResult> ReplaceAsync(string clientId, ClientBody body, ClientAdministration administration, ClaimsPrincipal caller)
    {
        if (body.ClientId is { } named && named != clientId)
        {
            return Problems.Invalid(nameof(body.ClientId), new Sentence("Api.ClientId.Fixed"));
        }

        var existing = await administration.FindAsync(clientId);
        // The type may be left out: it cannot change anyway.
        var result = await administration.UpdateAsync(clientId, body.ToRegistration(clientId, existing?.Type), AdminApiActor.Of(caller));
        return result.Succeeded ? TypedResults.Ok(await administration.FindAsync(clientId)) : Problems.Refusal(result, "client");
    }

    private static async Task<IResult> DeleteAsync(string clientId, ClientAdministration administration, ClaimsPrincipal caller) =>
        await administration.DeleteAsync(clientId, AdminApiActor.Of(caller)) is { Succeeded: true }
            ? TypedResults.NoContent()
            : Problems.NotFound("client");

    private static async Task<IResult> RotateAsync(string clientId, ClientAdministration administration, ClaimsPrincipal caller)
    {
        var result = await administration.RotateSecretAsync(clientId, AdminApiActor.Of(caller));
        return result.Succeeded ? TypedResults.Ok(new CreatedClient(clientId, result.Value, null)) : Problems.Refusal(result, "client");
    }

    /// <summary>A client as sent to POST and PUT; a field left out counts as empty (and is refused where required).</summary>
    /// <param name="GrantTypes"><c>authorization_code</c>, <c>refresh_token</c>, <c>client_credentials</c>, <c>urn:identityprovider:grant-type:personal_access_token</c>.</param>
    /// <param name="RefusesImpersonation">
    /// True when the relying party refuses sessions an administrator opened as the user (its sign-in requests from such a
    /// session are answered <c>access_denied</c>); false when left out.
    /// </param>
    public sealed record ClientBody(
        string? ClientId,
        string? DisplayName,
        string? Type,
        string[]? RedirectUris,
        string[]? PostLogoutRedirectUris,
        string[]? GrantTypes,
        string[]? Scopes,
        string? ConsentType,
        bool RefusesImpersonation = false)
    {
        public ClientRegistration ToRegistration(string? clientId, string? defaultType = null) => new(
            clientId?.Trim() ?? "",
            DisplayName?.Trim() ?? "",
            Type?.Trim() ?? defaultType ?? "",
            [.. (RedirectUris ?? []).Select(uri => uri?.Trim() ?? "")],
            [.. (PostLogoutRedirectUris ?? []).Select(uri => uri?.Trim() ?? "")],
            [.. (GrantTypes ?? []).Select(grantType => grantType?.Trim() ?? "").Distinct()],
            [.. (Scopes ?? []).Select(scope => scope?.Trim() ?? "").Distinct()],
            ConsentType?.Trim() ?? ClientRegistration.Implicit,
            RefusesImpersonation);
    }

    /// <param name="ClientSecret">The plain secret of a confidential client: shown this once (null for a public client).</param>
    public sealed record CreatedClient(string ClientId, string? ClientSecret, ClientRegistration? Client);
}
