using System.Security.Claims;
using IdentityProvider.Admin.Users;
using IdentityProvider.Localization;

namespace IdentityProvider.Admin.Api;

/// <summary><c>/api/admin/users</c>: find, create, change and delete users, and act on their access; the same services as the admin pages.</summary>
public static class UserEndpoints
{
    /// <param name="api">The administrators' group: creation, changes (roles among them), deletion, disable, enable, sign-out.</param>
    /// <param name="userManagement">The group a user-manager reaches too: find, read, lock, unlock, password.</param>
    public static void MapUserEndpoints(this RouteGroupBuilder api, RouteGroupBuilder userManagement)
    {
        var users = api.MapGroup("/users").WithTags("Users");
        var managed = userManagement.MapGroup("/users").WithTags("Users");
        managed.MapGet("", ListAsync)
            .WithSummary("Users whose e-mail address or name contains `search` (all when empty), 25 a page from page 1, with the total; "
                + "`filter` narrows to `two-step-off`, `locked` or `suspended`, `sort=last-sign-in` orders by the last sign-in, newest first.")
            .ProducesValidationProblem();
        users.MapPost("", CreateAsync)
            .WithSummary("Creates a user. Without `password` the answer carries a one-time `setPasswordUrl` to hand over (shown only here).")
            .ProducesValidationProblem();
        managed.MapGet("/{id}", GetAsync)
            .WithSummary("One user: e-mail, name, given and family name, phone number, roles, two-step status, locked, disabled, last sign-in.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        users.MapPatch("/{id}", UpdateAsync)
            .WithSummary("Changes the e-mail address, name, given and family name, phone number or roles (fields left out stay; an empty given name, "
                + "family name or phone number clears it). A changed phone number is unverified unless `phoneNumberVerified` is true; "
                + "`phoneNumberVerified` alone marks the current number. The last administrator keeps the admin role (409).")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        users.MapDelete("/{id}", DeleteAsync)
            .WithSummary("Deletes the user with their devices, recovery codes, tokens and remembered browsers. Not oneself, not the last administrator (409).")
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);
        MapAction(managed, "lock", "Locks the account until unlocked and ends its sessions. Not oneself (409).", (access, id, actor) => access.LockAsync(id, actor));
        MapAction(managed, "unlock", "Ends a lockout and clears the failure count.", (access, id, actor) => access.UnlockAsync(id, actor));
        MapAction(users, "disable", "Disables the account: no sign-in, refresh or token exchange; its sessions end at once. Not oneself (409).",
            (access, id, actor) => access.DisableAsync(id, actor));
        MapAction(users, "enable", "Enables a disabled account.", (access, id, actor) => access.EnableAsync(id, actor));
        MapAction(users, "sign-out", "Ends every session, forgets remembered browsers and revokes refresh tokens.",
            (access, id, actor) => access.SignOutEverywhereAsync(id, actor));
        managed.MapPost("/{id}/password", SetPasswordAsync)
            .WithSummary("Sets a new `password`, or without one removes the password and answers a one-time `setPasswordUrl`. Ends the user's sessions.")
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status404NotFound);
    }

    private static async Task<IResult> ListAsync(UserDirectory directory, string? search, int? page, string? filter, string? sort)
    {
        var text = search?.Trim() ?? "";
        if (text.Length > UserDirectory.MaxSearchLength)
        {
            return Problems.Invalid("search", new Sentence("Search.TooLong", UserDirectory.MaxSearchLength));
        }

        if (page is < 1 or > UserDirectory.MaxPage)
        {
            return Problems.Invalid("page", new Sentence("Api.Page.Range", UserDirectory.MaxPage));
        }

        if (!UserListFilters.IsKnownFilter(filter))
        {
            return Problems.Invalid("filter", new Sentence("Api.Status.Unknown", string.Join(", ", UserListFilters.All)));
        }

        if (!UserListFilters.IsKnownOrder(sort))
        {
            return Problems.Invalid("sort", new Sentence("Api.Status.Unknown", string.Join(", ", UserListFilters.Orders)));
        }

        var found = await directory.ListAsync(text, page ?? 1, filter: filter, sort: sort);
        return TypedResults.Ok(new UserListDocument(found.Users, found.Total, found.Page, found.PageSize));
    }

    private static async Task<IResult> CreateAsync(NewUserDocument body, UserAdministration administration, UserDirectory directory, HttpRequest request, ClaimsPrincipal caller)
    {
        var result = await administration.CreateAsync(new NewUserInput(body.Email, body.Name, body.Password, body.Roles, body.EmailLink ?? false), AdminApiActor.Of(caller));
        if (!result.Succeeded)
        {
            return Problems.Refusal(result, "user");
        }

        var created = result.Value!;
        var user = await directory.FindAsync(created.UserId);
        return TypedResults.Created($"{AdminApi.Prefix}/users/{Uri.EscapeDataString(created.UserId)}",
            new CreatedUserDocument(created.UserId, AbsoluteLink(request, created.SetPasswordPath), user!));
    }

    private static async Task<IResult> GetAsync(string id, UserDirectory directory) =>
        await directory.FindAsync(id) is { } user ? TypedResults.Ok(user) : Problems.NotFound("user");

    private static async Task<IResult> UpdateAsync(string id, UserChangeDocument body, UserAdministration administration, UserDirectory directory, ClaimsPrincipal caller) =>
        await AnswerAsync(id, await administration.UpdateAsync(id,
            new UserChange(body.Email, body.Name, body.Roles, body.GivenName, body.FamilyName, body.PhoneNumber, body.PhoneNumberVerified),
            AdminApiActor.Of(caller)), directory);

    private static async Task<IResult> DeleteAsync(string id, UserAdministration administration, ClaimsPrincipal caller)
    {
        var result = await administration.DeleteAsync(id, AdminApiActor.Of(caller));
        return result.Succeeded ? TypedResults.NoContent() : Problems.Refusal(result, "user");
    }

    private static async Task<IResult> SetPasswordAsync(string id, PasswordDocument body, UserAccess access, HttpContext caller)
    {
        var actor = AdminApiActor.Of(caller);
        var request = caller.Request;
        var result = string.IsNullOrEmpty(body.Password)
            ? await access.IssuePasswordLinkAsync(id, actor, body.EmailLink ?? false)
            : await access.SetPasswordAsync(id, body.Password, actor);
        return result.Succeeded ? TypedResults.Ok(new PasswordResultDocument(AbsoluteLink(request, result.Value))) : Problems.Refusal(result, "user");
    }

    private static void MapAction(RouteGroupBuilder users, string action, string summary, Func<UserAccess, string, AdminActor, Task<ChangeResult>> act) =>
        users.MapPost($"/{{id}}/{action}", async (string id, UserAccess access, UserDirectory directory, HttpContext caller) =>
                await AnswerAsync(id, await act(access, id, AdminApiActor.Of(caller)), directory))
            .WithName($"User-{action}")
            .WithSummary(summary + " Answers the user as it is now.")
            .Produces<UserRow>()
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status409Conflict);

    private static async Task<IResult> AnswerAsync(string id, ChangeResult result, UserDirectory directory) =>
        !result.Succeeded ? Problems.Refusal(result, "user")
        : await directory.FindAsync(id) is { } user ? TypedResults.Ok(user)
        : Problems.NotFound("user");

    /// <summary>The link as the administrator hands it over: absolute, on this provider's address.</summary>
    private static string? AbsoluteLink(HttpRequest request, string? path) =>
        path is null ? null : $"{request.Scheme}://{request.Host}{request.PathBase}{path}";

    public sealed record UserListDocument(IReadOnlyList<UserRow> Users, int Total, int Page, int PageSize);

    /// <param name="EmailLink">Without a password: true mails the one-time link to the user instead of answering it.</param>
    public sealed record NewUserDocument(string? Email, string? Name, string? Password, IReadOnlyList<string>? Roles, bool? EmailLink = null);

    /// <param name="SetPasswordUrl">The one-time link when no password was given; shown only in this answer.</param>
    public sealed record CreatedUserDocument(string Id, string? SetPasswordUrl, UserRow User);

    /// <param name="PhoneNumber">An optional + and 7 to 15 digits, spaces and dashes allowed (stored without them); empty removes it.</param>
    /// <param name="PhoneNumberVerified">Whether the user confirmed the number (as it is after this change).</param>
    public sealed record UserChangeDocument(
        string? Email,
        string? Name,
        IReadOnlyList<string>? Roles,
        string? GivenName = null,
        string? FamilyName = null,
        string? PhoneNumber = null,
        bool? PhoneNumberVerified = null);

    /// <param name="EmailLink">Without a password: true mails the one-time link to the user instead of answering it.</param>
    public sealed record PasswordDocument(string? Password, bool? EmailLink = null);

    public sealed record PasswordResultDocument(string? SetPasswordUrl);
}
