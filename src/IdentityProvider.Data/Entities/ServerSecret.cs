namespace IdentityProvider.Data.Entities;

/// <summary>
/// A key the provider generated for itself (development signing keys, the token hashing key), kept in
/// the database so every instance and every restart uses the same one.
/// </summary>
public sealed class ServerSecret
{
    public string Name { get; set; } = "";

    /// <summary>The key material, encrypted with ASP.NET Core Data Protection.</summary>
    public string ProtectedValue { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }
}
