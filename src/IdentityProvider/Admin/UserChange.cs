namespace IdentityProvider.Admin;

/// <summary>An administrator's change of a user's profile; a null field stays as it is.</summary>
public sealed record UserChange(string? Email, string? Name, IReadOnlyList<string>? Roles);
