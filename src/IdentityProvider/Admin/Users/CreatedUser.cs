namespace IdentityProvider.Admin.Users;

/// <summary>A user just created by an administrator.</summary>
/// <param name="SetPasswordPath">
/// The one-time set-password link (path and query) to hand over, shown once; none when a password was given or the link was mailed.
/// Warning: never logged or stored; its token is Identity's password-reset token, void once used or when the security stamp changes.
/// </param>
public sealed record CreatedUser(string UserId, string? SetPasswordPath);
