using System.Net.Mime;
using System.Security.Claims;
using IdentityProvider.Admin.Policy;
using IdentityProvider.Localization;
using IdentityProvider.Policy;

namespace IdentityProvider.Admin.Api;

/// <summary><c>/api/admin/policy</c>: the policy in force, and replacing it (every field; what is left out takes its default).</summary>
public static class PolicyEndpoints
{
    public static void MapPolicyEndpoints(this RouteGroupBuilder api)
    {
        var policy = api.MapGroup("/policy").WithTags("Policy");
        policy.MapGet("", (PolicyAdministration administration) => TypedResults.Ok(new PolicyDocument(administration.Version, administration.Current)))
            .WithSummary("The policy in force, with its version (0 while the configured defaults apply).");
        policy.MapPut("", ReplaceAsync)
            .WithSummary("Replaces the policy; every instance applies it within 5 seconds. Send the version read to refuse a concurrent change (409).")
            .Accepts<PolicyDocument>(MediaTypeNames.Application.Json)
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status409Conflict);
    }

    private static async Task<IResult> ReplaceAsync(HttpRequest request, PolicyAdministration administration, ClaimsPrincipal caller)
    {
        // Note: read here, so an unknown passkey choice (or any value of the wrong type) is a 400 naming its field.
        var (body, unreadable) = await JsonBody.ReadAsync<PolicyDocument>(request, UnreadableField);
        if (unreadable is not null)
        {
            return unreadable;
        }

        if (body?.Policy is not { } policy)
        {
            return Problems.Invalid("policy", new Sentence("Api.Policy.Missing"));
        }

        var result = await administration.SaveAsync(policy, body.Version, AdminApiActor.Of(caller));
        return result.Outcome switch
        {
            ChangeOutcome.Done => TypedResults.Ok(new PolicyDocument(administration.Version, administration.Current)),
            // Note: the page's sentence says to reload the page; a script reads the policy again.
            ChangeOutcome.Conflict => Problems.Conflict(new Sentence("Api.Policy.ChangedMeanwhile")),
            _ => Problems.Refusal(result, "policy"),
        };
    }

    private static Sentence UnreadableField(string field) =>
        field.Equals(nameof(ProviderPolicy.Passkeys), StringComparison.OrdinalIgnoreCase) ? ProviderPolicy.PasskeyChoices : new Sentence("Api.Value.Unreadable");

    /// <param name="Version">The version this document was read at; null on a PUT overwrites without checking.</param>
    public sealed record PolicyDocument(long? Version, ProviderPolicy Policy);
}
