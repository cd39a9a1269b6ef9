using IdentityProvider.Localization;

namespace IdentityProvider.Admin;

public enum UserActionOutcome
{
    Done,
    NotFound,

    /// <summary>A field is not valid: <see cref="UserActionResult.Problems"/> names it; nothing was written.</summary>
    Invalid,

    /// <summary>Valid, but refused in the current state (the last administrator, oneself, a concurrent change): nothing was written.</summary>
    Conflict,
}

/// <summary>What an administrator's action on a user came to, for the admin pages and the admin API alike.</summary>
/// <param name="SetPasswordPath">
/// A one-time set-password link (path and query) just issued, to show the administrator once.
/// Warning: never logged or stored; its token is Identity's password-reset token, void once used or when the security stamp changes.
/// </param>
public sealed record UserActionResult(
    UserActionOutcome Outcome,
    IReadOnlyList<FieldProblem> Problems,
    string? UserId = null,
    string? SetPasswordPath = null)
{
    public bool Succeeded => Outcome == UserActionOutcome.Done;

    /// <summary>The first problem's message (none on success).</summary>
    public Sentence? Message => Problems.Count > 0 ? Problems[0].Message : null;

    public static UserActionResult Done(string userId, string? setPasswordPath = null) => new(UserActionOutcome.Done, [], userId, setPasswordPath);

    public static readonly UserActionResult NotFound = new(UserActionOutcome.NotFound, [new("", new Sentence("User.NotFound"))]);

    public static UserActionResult Invalid(IReadOnlyList<FieldProblem> problems) => new(UserActionOutcome.Invalid, problems);

    public static UserActionResult Invalid(string field, Sentence message) => Invalid([new(field, message)]);

    public static UserActionResult Conflict(Sentence message) => new(UserActionOutcome.Conflict, [new("", message)]);
}
