namespace IdentityProvider.Admin;

/// <summary>A user an administrator creates: without a password, a one-time set-password link is issued instead.</summary>
public sealed record NewUserInput(string? Email, string? Name, string? Password, IReadOnlyList<string>? Roles);
