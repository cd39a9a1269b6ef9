using IdentityProvider.Auditing;
using IdentityProvider.Data;
using IdentityProvider.Data.Entities;
using IdentityProvider.HardwareTokens;
using IdentityProvider.Localization;
using IdentityProvider.Profiles;
using IdentityProvider.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using OpenIddict.Abstractions;

namespace IdentityProvider.Admin.Users;

/// <summary>
/// Creating, changing and deleting users (admin pages and API): checked field by field, written in one
/// transaction (nothing half-done), logged with the acting administrator. The last administrator can be
/// neither demoted nor deleted, and nobody deletes themselves.
/// </summary>
public sealed class UserAdministration(
    UserManager<ApplicationUser> users,
    RoleManager<IdentityRole> roles,
    PasswordLinks passwordLinks,
    HardwareTokenAssignment hardwareTokens,
    UserProfiles profiles,
    ApplicationDbContext db,
    IOpenIddictAuthorizationManager authorizations,
    IOpenIddictTokenManager tokens,
    SecurityLog securityLog,
    TimeProvider time)
{
    private static readonly Sentence LastAdministrator = new("User.LastAdministrator");

    private static readonly Sentence ChangedMeanwhile = new("User.ChangedMeanwhile");

    public async Task<ChangeResult<CreatedUser>> CreateAsync(NewUserInput input, string actorId)
    {
        var problems = Check(input.Email, input.Name, input.Roles ?? [], required: true);
        var password = string.IsNullOrEmpty(input.Password) ? null : input.Password;
        if (UserFields.CheckPasswordLength(password) is { } tooLong)
        {
            problems.Add(new("Password", tooLong));
        }

        if (problems.Count > 0)
        {
            return ChangeResult.Invalid(problems);
        }

        var email = input.Email!.Trim();
        _ = ProfileFields.Name(input.Name, out var displayName);
        var user = new ApplicationUser
        {
            UserName = email,
            Email = email,
            EmailConfirmed = true,
            DisplayName = displayName,
            CreatedAt = time.GetUtcNow(),
        };
        var roleNames = UserFields.Normalize(input.Roles ?? []);
        var result = await InTransactionAsync<ChangeResult<CreatedUser>>(async () =>
        {
            var created = password is null ? await users.CreateAsync(user) : await users.CreateAsync(user, password);
            if (!created.Succeeded)
            {
                return ChangeResult.Invalid([.. created.Errors.Select(Describe)]);
            }

            if (await SetRolesAsync(user, roleNames) is { } failed)
            {
                return failed;
            }

            // Warning: the detail names the roles and how the password is set, never the password or the link.
            await securityLog.WriteAsync(SecurityEventKinds.UserCreated, user.Id,
                $"roles: {(roleNames.Count > 0 ? string.Join(", ", roleNames) : "none")}; {(password is null ? "set-password link" : "initial password")}", actorId);
            return ChangeResult.Done(new CreatedUser(user.Id, null));
        });
        if (!result.Succeeded || password is not null)
        {
            return result;
        }

        if (input.EmailLink)
        {
            await passwordLinks.EmailAsync(user);
            await securityLog.WriteAsync(SecurityEventKinds.PasswordLinkIssued, user.Id, "at creation, e-mailed to the user", actorId);
            return result;
        }

        var link = await passwordLinks.IssueAsync(user);
        await securityLog.WriteAsync(SecurityEventKinds.PasswordLinkIssued, user.Id, "at creation", actorId);
        return ChangeResult.Done(new CreatedUser(user.Id, link));
    }

    public async Task<ChangeResult> UpdateAsync(string userId, UserChange change, string actorId)
    {
        // Note: the name with the other profile fields, by the account page's rules.
        var problems = Check(change.Email, null, change.Roles ?? [], required: false);
        problems.AddRange(UserProfiles.Problems(change.Profile));
        if (problems.Count > 0)
        {
            return ChangeResult.Invalid(problems);
        }

        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        var before = await users.GetRolesAsync(user);
        var roleNames = change.Roles is null ? null : UserFields.Normalize(change.Roles);
        if (roleNames is not null && IsAdmin(before) && !IsAdmin(roleNames) && await IsLastAdministratorAsync())
        {
            return ChangeResult.Conflict(LastAdministrator);
        }

        var changes = new List<string>();
        return await InTransactionAsync<ChangeResult>(async () =>
        {
            if (change.Email?.Trim() is { } email && !string.Equals(email, user.Email, StringComparison.Ordinal))
            {
                changes.Add("e-mail");
                user.Email = email;
                user.UserName = email;
                await users.UpdateNormalizedEmailAsync(user);
                await users.UpdateNormalizedUserNameAsync(user);
                profiles.EmailChanged(user);
            }

            changes.AddRange(profiles.Apply(user, change.Profile));

            var updated = await users.UpdateAsync(user);
            if (!updated.Succeeded)
            {
                return ChangeResult.Invalid([.. updated.Errors.Select(Describe)]);
            }

            if (roleNames is not null && !before.Order(StringComparer.OrdinalIgnoreCase).SequenceEqual(roleNames, StringComparer.OrdinalIgnoreCase))
            {
                changes.Add($"roles {string.Join(", ", before.Order(StringComparer.OrdinalIgnoreCase))} -> {string.Join(", ", roleNames)}");
                if (await SetRolesAsync(user, roleNames, before) is { } failed)
                {
                    return failed;
                }
            }

            await securityLog.WriteAsync(SecurityEventKinds.UserUpdated, user.Id,
                changes.Count > 0 ? "changed: " + string.Join("; ", changes) : "saved without changes", actorId);
            return ChangeResult.Done();
        });
    }

    /// <summary>Deletes the user; devices, recovery codes, tokens and remembered browsers go with the row (foreign keys), grants are revoked.</summary>
    public async Task<ChangeResult> DeleteAsync(string userId, string actorId)
    {
        if (await users.FindByIdAsync(userId) is not { } user)
        {
            return ChangeResult.NotFound();
        }

        if (user.Id == actorId)
        {
            return ChangeResult.Conflict(new Sentence("User.DeleteSelf"));
        }

        if (await users.IsInRoleAsync(user, ProviderRoles.Administrator) && await IsLastAdministratorAsync())
        {
            return ChangeResult.Conflict(LastAdministrator);
        }

        // The tokens the user holds go back to stock with their counters; the user's devices go with the user.
        await hardwareTokens.ReleaseHeldByAsync(user.Id, actorId);
        var email = user.Email;
        var result = await InTransactionAsync<ChangeResult>(async () =>
        {
            var deleted = await users.DeleteAsync(user);
            if (!deleted.Succeeded)
            {
                return ChangeResult.Conflict(ChangedMeanwhile);
            }

            // Note: the log row keeps the id (the user is gone) and the address, so the deletion can be traced.
            await securityLog.WriteAsync(SecurityEventKinds.UserDeleted, userId, $"e-mail: {email}", actorId);
            return ChangeResult.Done();
        });
        if (result.Succeeded)
        {
            // OpenIddict's rows name the subject without a foreign key: revoked so no refresh token outlives the user.
            await tokens.RevokeBySubjectAsync(userId);
            await authorizations.RevokeBySubjectAsync(userId);
        }

        return result;
    }

    private static List<FieldProblem> Check(string? email, string? name, IReadOnlyList<string> roleNames, bool required)
    {
        var problems = new List<FieldProblem>();
        if ((required || email is not null) && UserFields.CheckEmail(email) is { } emailError)
        {
            problems.Add(new("Email", emailError));
        }

        if ((required || name is not null) && UserFields.CheckName(name) is { } nameError)
        {
            problems.Add(new("Name", nameError));
        }

        if (UserFields.CheckRoles(roleNames) is { } rolesError)
        {
            problems.Add(new("Roles", rolesError));
        }

        return problems;
    }

    private async Task<Refusal?> SetRolesAsync(ApplicationUser user, IReadOnlyList<string> wanted, IList<string>? current = null)
    {
        foreach (var role in wanted.Where(role => !(current ?? []).Contains(role, StringComparer.OrdinalIgnoreCase)))
        {
            if (!await roles.RoleExistsAsync(role) && !(await roles.CreateAsync(new IdentityRole(role))).Succeeded)
            {
                return ChangeResult.Invalid("Roles", new Sentence("User.Roles.NotCreated", role));
            }
        }

        var removed = (current ?? []).Where(role => !wanted.Contains(role, StringComparer.OrdinalIgnoreCase)).ToList();
        var added = wanted.Where(role => !(current ?? []).Contains(role, StringComparer.OrdinalIgnoreCase)).ToList();
        var outcome = removed.Count > 0 ? await users.RemoveFromRolesAsync(user, removed) : IdentityResult.Success;
        if (outcome.Succeeded && added.Count > 0)
        {
            outcome = await users.AddToRolesAsync(user, added);
        }

        return outcome.Succeeded ? null : ChangeResult.Invalid([.. outcome.Errors.Select(error => new FieldProblem("Roles", Sentence.Plain(error.Description)))]);
    }

    private static bool IsAdmin(IEnumerable<string> roleNames) => roleNames.Contains(ProviderRoles.Administrator, StringComparer.OrdinalIgnoreCase);

    private async Task<bool> IsLastAdministratorAsync() => (await users.GetUsersInRoleAsync(ProviderRoles.Administrator)).Count <= 1;

    /// <summary>Identity's refusal, on the field it is about.</summary>
    private static FieldProblem Describe(IdentityError error) => error.Code switch
    {
        nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName) => new("Email", new Sentence("User.Email.Taken")),
        nameof(IdentityErrorDescriber.InvalidEmail) or nameof(IdentityErrorDescriber.InvalidUserName) => new("Email", new Sentence("User.Email.Invalid")),
        nameof(IdentityErrorDescriber.ConcurrencyFailure) => new("", ChangedMeanwhile),
        var code when code.StartsWith("Password", StringComparison.Ordinal) => new("Password", Sentence.Plain(error.Description)),
        _ => new("", Sentence.Plain(error.Description)),
    };

    /// <summary>Runs <paramref name="work"/> in one transaction, committed only when it succeeds (the retrying strategy wraps it).</summary>
    private Task<TResult> InTransactionAsync<TResult>(Func<Task<TResult>> work)
        where TResult : ChangeResult =>
        db.Database.CreateExecutionStrategy().ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var result = await work();
            if (result.Succeeded)
            {
                await transaction.CommitAsync();
            }
            else
            {
                await transaction.RollbackAsync();
                db.ChangeTracker.Clear();
            }

            return result;
        });
}
