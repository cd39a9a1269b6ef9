namespace IdentityProvider.Testing.Stories;

/// <summary>A user created for one test, so no other test's devices, codes, lockouts or tokens touch it.</summary>
public sealed record TestUser(string Id, string Email, string Password);
