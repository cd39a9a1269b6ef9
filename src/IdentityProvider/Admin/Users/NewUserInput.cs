namespace IdentityProvider.Admin.Users;

/// <summary>A user an administrator creates: without a password, a one-time set-password link is issued instead.</summary>
/// <param name="EmailLink">Without a password: mail the link to the user's address instead of answering it.</param>
public sealed record NewUserInput(string? Email, string? Name, string? Password, IReadOnlyList<string>? Roles, bool EmailLink = false);
