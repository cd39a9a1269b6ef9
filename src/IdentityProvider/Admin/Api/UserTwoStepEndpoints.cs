using IdentityProvider.Admin.Users;
using IdentityProvider.Localization;
using IdentityProvider.TwoStep;

namespace IdentityProvider.Admin.Api;

/// <summary>
/// A user's two-step sign-in: <c>GET /api/admin/users/{id}/two-step</c> (status and devices), suspension
/// (<c>PUT|DELETE …/two-step/suspension</c>), a new recovery-code set (<c>POST …/recovery-codes</c>), device
/// removal (<c>DELETE …/devices/{deviceId}</c>) and forgetting remembered browsers. Same service as the admin page.
/// </summary>
public static class UserTwoStepEndpoints
{
    public static void MapUserTwoStepEndpoints(this RouteGroupBuilder api)
    {
        var user = api.MapGroup("/users/{id}").WithTags("User two-step sign-in");
        user.MapGet("/two-step", ReadAsync)
            .WithSummary("The user's two-step status (on, off, suspended with until and reason) and active devices.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        user.MapPut("/two-step/suspension", SuspendAsync)
            .WithSummary("Suspends two-step sign-in: the password alone signs in, for 1 to 365 days or (days null) until restored.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
        user.MapDelete("/two-step/suspension", RestoreAsync)
            .WithSummary("Restores two-step sign-in (ends a suspension).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        user.MapPost("/two-step/forget-browsers", ForgetBrowsersAsync)
            .WithSummary("Forgets every browser remembered for the user: the one-time password is asked again on each.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        user.MapPost("/recovery-codes", IssueRecoveryCodesAsync)
            .WithSummary("Generates a new recovery-code set, returned this once; the previous set is void.")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        user.MapDelete("/devices/{deviceId}", RemoveDeviceAsync)
            .WithSummary("Removes one of the user's devices (remembered browsers are forgotten too).")
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ReadAsync(string id, UserTwoStepAdministration administration) =>
        await administration.ReadAsync(id) is { } state ? TypedResults.Ok(TwoStepDocument.Of(state)) : Problems.NotFound("user");

    private static async Task<IResult> SuspendAsync(string id, SuspensionRequest body, UserTwoStepAdministration administration, HttpContext caller)
    {
        if (body.Days is < TwoStepSuspension.MinDays or > TwoStepSuspension.MaxDays)
        {
            return Problems.Invalid("days", new Sentence("Api.Days.Range", TwoStepSuspension.MinDays, TwoStepSuspension.MaxDays));
        }

        var result = await administration.SuspendAsync(id, body.Days, body.Reason, AdminApiActor.Of(caller));
        return result.Succeeded ? await ReadAsync(id, administration) : Problems.Refusal(result, "user");
    }

    private static async Task<IResult> RestoreAsync(string id, UserTwoStepAdministration administration, HttpContext caller) =>
        await administration.RestoreAsync(id, AdminApiActor.Of(caller)) is { Succeeded: false } refused
            ? Problems.Refusal(refused, "user")
            : await ReadAsync(id, administration);

    private static async Task<IResult> ForgetBrowsersAsync(string id, UserTwoStepAdministration administration, HttpContext caller) =>
        await administration.ForgetBrowsersAsync(id, AdminApiActor.Of(caller)) switch
        {
            { Succeeded: true } result => TypedResults.Ok(new ForgottenBrowsers(result.Value)),
            var refused => Problems.Refusal(refused, "user"),
        };

    private static async Task<IResult> IssueRecoveryCodesAsync(string id, UserTwoStepAdministration administration, HttpContext caller, HttpResponse response)
    {
        var result = await administration.IssueRecoveryCodesAsync(id, AdminApiActor.Of(caller));
        if (result is not { Succeeded: true, Value: { } codes })
        {
            return Problems.Refusal(result, "user");
        }

        // Warning: the codes are in this answer only; nothing may keep a copy of it.
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new IssuedCodes(codes));
    }

    private static async Task<IResult> RemoveDeviceAsync(string id, Guid deviceId, UserTwoStepAdministration administration, HttpContext caller) =>
        await administration.RemoveDeviceAsync(id, deviceId, AdminApiActor.Of(caller)) switch
        {
            { Succeeded: true } => TypedResults.NoContent(),
            { Outcome: ChangeOutcome.Forbidden } refused => Problems.Refusal(refused, "user"),
            _ => await administration.ReadAsync(id) is null ? Problems.NotFound("user") : Problems.NotFound("device of this user"),
        };

    /// <param name="Days">1 to 365; null suspends until restored.</param>
    public sealed record SuspensionRequest(int? Days, string? Reason);

    public sealed record IssuedCodes(IReadOnlyList<string> Codes);

    public sealed record ForgottenBrowsers(int Forgotten);

    public sealed record DeviceDocument(Guid Id, string Type, string Name, int Digits, DateTimeOffset AddedAt, DateTimeOffset? LastUsedAt);

    /// <param name="Status"><c>on</c>, <c>off</c> or <c>suspended</c>.</param>
    /// <param name="SuspendedUntil">The end of a suspension for N days; null when indefinite or not suspended.</param>
    public sealed record TwoStepDocument(
        string UserId,
        string Status,
        DateTimeOffset? SuspendedUntil,
        bool SuspendedIndefinitely,
        string? SuspensionReason,
        IReadOnlyList<DeviceDocument> Devices,
        int RecoveryCodesRemaining,
        int RememberedBrowsers)
    {
        public static TwoStepDocument Of(UserTwoStepState state) => new(
            state.User.Id,
            state.Status,
            state.SuspendedUntil,
            state.SuspendedIndefinitely,
            state.SuspensionReason,
            state.Devices.Select(device => new DeviceDocument(device.Id, device.Type, device.Name, device.Digits, device.AddedAt, device.LastUsedAt)).ToList(),
            state.RecoveryCodes.Remaining,
            state.RememberedBrowsers);
    }
}
