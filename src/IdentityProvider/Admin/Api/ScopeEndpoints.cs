using System.Security.Claims;
using IdentityProvider.Admin.Scopes;
using IdentityProvider.Clients;
using IdentityProvider.Localization;

namespace IdentityProvider.Admin.Api;

/// <summary><c>/api/admin/scopes</c>: the API scopes clients and personal access tokens may request.</summary>
public static class ScopeEndpoints
{
    public static void MapScopeEndpoints(this RouteGroupBuilder api)
    {
        var scopes = api.MapGroup("/scopes").WithTags("Scopes");
        scopes.MapGet("", async (ScopeAdministration administration) => TypedResults.Ok(await administration.ListAsync()))
            .WithSummary("Every registered scope (the standard openid, profile, email, roles and offline_access are built in).");
        scopes.MapPost("", CreateAsync)
            .WithSummary("Registers a scope; discovery lists it at once on this instance, within 5 minutes on others.")
            .Produces<ScopeRegistration>(StatusCodes.Status201Created)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status409Conflict);
        scopes.MapGet("/{name}", GetAsync)
            .WithSummary("One scope.")
            .Produces<ScopeRegistration>()
            .ProducesProblem(StatusCodes.Status404NotFound);
        scopes.MapPut("/{name}", ReplaceAsync)
            .WithSummary("Changes a scope's display name and description (the consent page shows the description).")
            .Produces<ScopeRegistration>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        scopes.MapDelete("/{name}", DeleteAsync)
            .WithSummary("Deletes a scope that no client uses (409 names the clients that do).")
            .Produces(StatusCodes.Status204NoContent)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> GetAsync(string name, ScopeAdministration administration) =>
        await administration.FindAsync(name) is { } scope ? TypedResults.Ok(scope) : Problems.NotFound("scope");

    private static async Task<IResult> CreateAsync(ScopeBody body, ScopeAdministration administration, ClaimsPrincipal caller)
    {
        var scope = new ScopeRegistration(body.Name?.Trim() ?? "", body.DisplayName?.Trim() ?? "", body.Description?.Trim() ?? "");
        var result = await administration.CreateAsync(scope, AdminApiActor.Of(caller));
        return result.Succeeded
            ? TypedResults.Created($"{AdminApi.Prefix}/scopes/{Uri.EscapeDataString(scope.Name)}", scope)
            : Problems.Refusal(result, "scope");
    }

    private static async Task<IResult> ReplaceAsync(string name, ScopeBody body, ScopeAdministration administration, ClaimsPrincipal caller)
    {
        if (body.Name is { } named && named != name)
        {
            return Problems.Invalid(nameof(body.Name), new Sentence("Api.ScopeName.Fixed"));
        }

        var result = await administration.UpdateAsync(name, body.DisplayName?.Trim() ?? "", body.Description?.Trim() ?? "", AdminApiActor.Of(caller));
        return result.Succeeded ? TypedResults.Ok(await administration.FindAsync(name)) : Problems.Refusal(result, "scope");
    }

    private static async Task<IResult> DeleteAsync(string name, ScopeAdministration administration, ClaimsPrincipal caller)
    {
        var result = await administration.DeleteAsync(name, AdminApiActor.Of(caller));
        return result.Succeeded ? TypedResults.NoContent() : Problems.Refusal(result, "scope");
    }

    /// <summary>A scope as sent to POST and PUT (PUT takes the name from the address).</summary>
    public sealed record ScopeBody(string? Name, string? DisplayName, string? Description);
}
